"""The attribution model shipped as package data loads offline and suggests beside the rules."""
from __future__ import annotations

import pytest

from annotate.spacy_pipelines import (RULES_ONLY_NOTE, attach_model, load_engine_pipeline, load_pipeline,
                               pipeline_id, shipped_model_path)


@pytest.fixture(scope="module")
def shipped():
    path = shipped_model_path()
    if path is None:
        pytest.skip("no attribution model in resources/models/attribution (rules-only install)")
    return path


def test_shipped_model_loads_from_the_package_and_marks_attributions(shipped):
    nlp = attach_model(load_pipeline(), shipped)
    assert pipeline_id(nlp)[0].endswith("+attribution")
    doc = nlp("The governor wants lawmakers to return in November, her office said on Monday.")
    labels = {s.label_ for s in doc.spans["attribution"]}
    assert "CONTENT" in labels
    assert {e.label_ for e in doc.ents} <= {"PERSON", "ORG", "GPE", "DATE", "NORP", "CARDINAL",
                                            "TIME", "LOC", "FAC", "EVENT"}  # base entities untouched


def test_engine_pipeline_says_when_rules_run_alone():
    nlp, note = load_engine_pipeline(use_shipped=False)
    assert note == RULES_ONLY_NOTE and "attribution" not in nlp.pipe_names


def test_a_directory_that_is_not_a_model_is_refused_with_a_message(tmp_path):
    from annotate.spacy_pipelines import ModelNotUsable

    with pytest.raises(ModelNotUsable, match="not a trained model directory"):
        attach_model(load_pipeline(), tmp_path)


def test_the_model_predicts_the_same_spans_on_numpys_blas_as_on_thincs_default_ops(shipped):
    """attach_model runs the model's matrix products on NumPy's BLAS (annotate.model.BlasOps) for
    speed; that must not move one predicted span against thinc's own (blis) products."""
    import json
    from pathlib import Path

    from thinc.api import NumpyOps

    from annotate.engine import paragraphs
    from annotate.model import BlasOps

    nlp = attach_model(load_pipeline(), shipped)
    model = nlp.get_pipe("attribution").model
    assert all(isinstance(node.ops, BlasOps) for node in model.walk())
    seeds = Path(__file__).parent / "data" / "seeds.jsonl"
    texts = [p for line in seeds.read_text(encoding="utf-8").splitlines()
             for _, p in paragraphs(json.loads(line)["text"])]

    def spans() -> list[list[tuple[int, int, str]]]:
        return [[(s.start, s.end, s.label_) for s in doc.spans["attribution"]] for doc in nlp.pipe(texts)]

    fast = spans()
    for name in ("attr_tok2vec", "attribution"):
        for node in nlp.get_pipe(name).model.walk():
            node.ops = NumpyOps()
    assert sum(map(len, fast)) > 50  # the seeds hold many attributions
    assert spans() == fast
