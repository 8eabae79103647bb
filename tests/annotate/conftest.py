"""Fixtures for the suggestion engine tests: one engine on the real pipeline per session."""
from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2024, 5, 17)  # a Friday


@pytest.fixture(scope="session")
def engine(nlp):
    from annotate.engine import SuggestionEngine

    return SuggestionEngine(nlp)


@pytest.fixture(scope="session")
def suggest(engine):
    """suggest(text, published=PUBLISHED) -> list[ClaimDraft]"""
    def run(text, published=PUBLISHED):
        return engine.suggest(text, published)

    return run


@pytest.fixture(scope="session")
def hybrid_suggest():
    """suggest(text, published) of the default engine: the rules with the shipped attribution model,
    which finds claims the rules leave (headlines, "and called for a debate")."""
    from annotate.engine import SuggestionEngine
    from annotate.spacy_pipelines import attach_model, load_pipeline, shipped_model_path

    path = shipped_model_path()
    if path is None:
        pytest.skip("no attribution model in resources/models/attribution (rules-only install)")
    return SuggestionEngine(attach_model(load_pipeline(), path)).suggest


def only(suggestions):
    assert len(suggestions) == 1, [s.content.text for s in suggestions]
    return suggestions[0]
