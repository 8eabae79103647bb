"""The trained attribution component: a transition-based span recogniser for the content,
source and cue of attributions, writing onto ``doc.spans["attribution"]`` rather than
``doc.ents`` so that the base pipeline's named entities (which the speaker rules read) stay.

It is spaCy's own ``EntityRecognizer`` with two differences: entities already on the ``Doc``
(the base ``ner``'s PERSON, ORG, ...) are hidden while it predicts, and its predictions go
to a span group. Registered explicitly with :func:`register` (see ``annotate.registrations``).
"""
from __future__ import annotations

from typing import Callable, Iterable

from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.language import Language
from spacy.pipeline.ner import EntityRecognizer
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

FACTORY = "quotedesk_attribution"
SPANS_KEY = "attribution"
LABELS = ("CONTENT", "SOURCE", "CUE")


def _spans_or_ents(doc: Doc, attr: str) -> Iterable[Span]:
    # Predicted docs carry the span group; reference docs (training data) carry ents.
    if SPANS_KEY in doc.spans:
        return doc.spans[SPANS_KEY]
    return doc.ents


def score_attribution(examples: Iterable[Example], **kwargs) -> dict:
    """Exact span P/R/F per label, under the keys ``attr_p``, ``attr_r``, ``attr_f``."""
    return Scorer.score_spans(examples, "attr", getter=_spans_or_ents, has_annotation=None,
                              **kwargs)


class AttributionRecognizer(EntityRecognizer):
    """spaCy's NER, predicting into ``doc.spans[SPANS_KEY]`` and leaving ``doc.ents`` alone."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._hidden: dict[int, object] = {}

    def predict(self, docs):
        for doc in docs:
            self._hidden[id(doc)] = doc.to_array([ENT_IOB, ENT_TYPE])
            doc.set_ents([], default="missing")
        return super().predict(docs)

    def set_annotations(self, docs, states_or_beams) -> None:
        super().set_annotations(docs, states_or_beams)
        for doc in docs:
            for label in LABELS:
                doc.vocab.strings.add(label)
            doc.spans[SPANS_KEY] = [Span(doc, e.start, e.end, e.label) for e in doc.ents]
            hidden = self._hidden.pop(id(doc), None)
            if hidden is not None:
                doc.from_array([ENT_IOB, ENT_TYPE], hidden)

    def score(self, examples: Iterable[Example], **kwargs) -> dict:
        return score_attribution(examples, **kwargs)


class BlasOps(NumpyOps):
    """thinc's CPU ops with the matrix products done by NumPy's BLAS on one thread.

    Nearly all of the model's inference is matrix products (its tok2vec's maxout layers, the span
    recogniser's hidden layer). thinc's default does them with its bundled blis; NumPy's OpenBLAS
    did the same products in a third of the CPU time on the x86 machine measured, and the model's
    tok2vec in half (1.16 s -> 0.57 s of CPU on bench_suggest's 30,000 words). OpenBLAS is held
    to one thread while it multiplies: its worker threads spin while they wait, which cost more
    CPU than they saved (the rest of the pipeline runs on one thread too). The products equal
    blis's up to float rounding; every suggestion on PolNeAR dev and the fields dev sets stayed
    the same (benchmarks/dump_suggestions.py).
    """

    _blas: list | None = None  # threadpoolctl's controllers of the loaded BLAS libraries

    def __init__(self) -> None:
        super().__init__(use_blis=False)

    def gemm(self, x, y, *, out=None, trans1=False, trans2=False):
        if BlasOps._blas is None:  # found once (NumPy, which loads OpenBLAS, is imported by now)
            BlasOps._blas = ThreadpoolController().select(user_api="blas").lib_controllers
        # set and restored around each product by the libraries' own calls (about 2 us), not
        # ThreadpoolController.limit, which reads every library's full info each time
        before = [lib.get_num_threads() for lib in BlasOps._blas]
        for lib in BlasOps._blas:
            lib.set_num_threads(1)
        try:
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
        finally:
            for lib, n in zip(BlasOps._blas, before):
                lib.set_num_threads(n)


def use_blas_ops(nlp: Language, names) -> None:
    """Run the named components' models (and their layers) on :class:`BlasOps` for prediction."""
    ops = BlasOps()
    for name in names:
        for node in nlp.get_pipe(name).model.walk():
            node.ops = ops


def make_attribution(nlp: Language, name: str, model, moves, update_with_oracle_cut_size: int,
                     incorrect_spans_key, scorer: Callable | None) -> AttributionRecognizer:
    return AttributionRecognizer(nlp.vocab, model, name=name, moves=moves,
                                 update_with_oracle_cut_size=update_with_oracle_cut_size,
                                 incorrect_spans_key=incorrect_spans_key, scorer=scorer)


DEFAULT_MODEL = """
[model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true

[model.tok2vec]
@architectures = "spacy.HashEmbedCNN.v2"
pretrained_vectors = null
width = 96
depth = 4
embed_size = 2000
window_size = 1
maxout_pieces = 3
subword_features = true
"""
