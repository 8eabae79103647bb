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
