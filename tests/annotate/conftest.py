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


def only(suggestions):
    assert len(suggestions) == 1, [s.content.text for s in suggestions]
    return suggestions[0]
