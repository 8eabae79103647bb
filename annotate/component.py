"""A spaCy pipeline component writing claim suggestions onto the ``Doc``.

Registered explicitly, never as an import side effect::

    from annotate.component import register
    register()
    nlp.add_pipe("quotedesk_claims", config={"topics": [["Name", ["keyword", ...]]]})
    doc = nlp(text)
    doc._.claims          # list[kernel.ClaimDraft]
    doc.spans["claims"]   # one Span per claim content, labelled "direct" / "indirect"

Set ``doc._.published`` (a ``datetime.date``) before the component runs to resolve relative
statement dates; otherwise the year is inferred from dates written in the text.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .engine import SuggestionEngine, paragraphs
from .suggestion import TopicSpec

COMPONENT = "quotedesk_claims"
SPANS_KEY = "claims"


class ClaimComponent:
    def __init__(self, nlp: Language, name: str, topics: list) -> None:
        specs = [TopicSpec(t[0], tuple(t[1]) if len(t) > 1 else ()) for t in topics]
        self.name = name
        self.engine = SuggestionEngine(nlp, specs)

    def __call__(self, doc: Doc) -> Doc:
        parsed = []
        for off, text in paragraphs(doc.text):
            span = doc.char_span(off, off + len(text), alignment_mode="expand")
            if span is not None and len(span):
                parsed.append((span.start_char, span.as_doc()))
        claims = self.engine.from_docs(doc.text, parsed, doc._.published)
        doc._.claims = claims
        spans = [doc.char_span(c.content.start, c.content.end, label=c.kind, alignment_mode="expand")
                 for c in claims]
        doc.spans[SPANS_KEY] = [s for s in spans if s is not None]
        return doc


def _make(nlp: Language, name: str, topics: list) -> ClaimComponent:
    return ClaimComponent(nlp, name, topics)


def register() -> None:
    """Register the ``quotedesk_claims`` factory and the Doc extensions (safe to call twice)."""
    if not Doc.has_extension("claims"):
        Doc.set_extension("claims", default=None)
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)
    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, default_config={"topics": []}, func=_make)
