"""The spaCy component writes suggestions onto the Doc once registered explicitly."""
import datetime as dt

from spacy.language import Language

from annotate.component import COMPONENT, SPANS_KEY, register
from annotate.spacy_pipelines import load_pipeline


def test_component_writes_claims_and_spans():
    register()
    register()  # twice is harmless
    assert Language.has_factory(COMPONENT)
    nlp = load_pipeline()
    nlp.add_pipe(COMPONENT, config={"topics": [["Spain sending troops", ["troops"]]]})
    doc = nlp.make_doc("Spain will not send troops, Prime Minister Ana Ruiz said on Tuesday.")
    doc._.published = dt.date(2024, 5, 17)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    (claim,) = doc._.claims
    assert claim.speaker == "Ana Ruiz" and claim.date == dt.date(2024, 5, 14)
    assert claim.stance == "against"
    (span,) = doc.spans[SPANS_KEY]
    assert span.text == "Spain will not send troops" and span.label_ == "indirect"
