"""A negated cue turns the speaker's stance around: "Italy does not plan [to send peacekeepers]"."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from annotate.engine import SuggestionEngine
from annotate.spacy_pipelines import load_engine_pipeline, shipped_model_path
from annotate.stance import cue_negated
from annotate.suggestion import TopicSpec

SEED = Path(__file__).resolve().parents[2] / "resources" / "seeds" / "001_cf3f115601c28b53.txt"
TOPIC = TopicSpec("Italy sending peacekeepers to Ukraine")


@pytest.mark.parametrize(("sentence", "cue", "negated"), [
    ("Spain does not plan to send troops to the region.", "plan", True),
    ("Spain plans to send troops to the region.", "plans", False),
    ("The minister never said that troops would go.", "said", True),
    ("The minister said that troops would not go.", "said", False),
])
def test_a_cue_is_negated_only_by_its_own_negation(nlp, sentence, cue, negated):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == cue)
    assert cue_negated(token) is negated


def test_no_cue_is_not_negated():
    assert cue_negated(None) is False


@pytest.mark.skipif(shipped_model_path() is None, reason="the trained attribution model is not installed")
def test_meloni_article_suggests_no_favour_for_italy():
    """Every statement in the March 2025 article is Italy (Meloni's office) against sending troops;
    the model's intention claim under the headline's "does not plan" must not read as favour."""
    nlp, _note = load_engine_pipeline()
    engine = SuggestionEngine(nlp, topics=[TOPIC])
    drafts = engine.suggest(SEED.read_text(encoding="utf-8"), dt.date(2025, 3, 16))
    italian = [d for d in drafts if d.stance is not None and d.speaker and
               ("Meloni" in d.speaker or d.speaker == "Italy")]
    assert italian, [(d.content.text, d.speaker, d.stance) for d in drafts]
    assert all(d.stance != "favor" for d in italian), [(d.content.text, d.speaker, d.stance) for d in italian]
