"""A small project with the claims exports have to get right: statuses, verdicts, risky text."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from db import NewArticle, ClaimDraft, Span

CROSETTO_TEXT = (
    "Italy is willing to take part in a peacekeeping mission, Defense Minister Guido Crosetto said on Dec. 12.\n\n"
    "\"We are willing to play this role,\" Crosetto told journalists in Madrid. "
    "\"=HYPERLINK(\"http://evil.example\",\"click\")\" was written on a banner, he added.\n\n"
    "Opposition leader Elly Schlein said the plan was \"-5% growth in disguise\". 🇮🇹 Schlein rejected it."
)
MELONI_TEXT = (
    "Prime Minister Giorgia Meloni said on Sunday that Italy does not plan to send troops to Ukraine.\n\n"
    "\"Sending Italian soldiers is not on the agenda,\" Meloni said."
)


def span(text: str, piece: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return Span(start, start + len(piece), piece)


@pytest.fixture
def filled(project):
    """Two articles; claims confirmed (one with a verdict), suggested and rejected."""
    return fill(project)


def fill(project):
    """Fill ``project`` as ``filled`` does (the hostile suite builds its template project with it)."""
    a1, _ = project.add_article(NewArticle(
        text=CROSETTO_TEXT, title="Italy willing to join peacekeeping", url="https://kyivindependent.example/italy",
        publisher="The Kyiv Independent", published=dt.date(2024, 12, 13)))
    a2, _ = project.add_article(NewArticle(
        text=MELONI_TEXT, title="Meloni: no troops", url="https://example.org/meloni?a=1&b=2",
        publisher="ANSA", published=dt.date(2025, 3, 16)))
    t = CROSETTO_TEXT
    project.save_suggestions(a1.id, [
        ClaimDraft(content=span(t, "We are willing to play this role,"), kind="direct", cue=span(t, "told"),
                 speaker="Guido Crosetto", mention=span(t, "Crosetto", 1), role="Defense Minister",
                 date=dt.date(2024, 12, 12), date_text="on Dec. 12", stance="favor",
                 topic="Italy sending peacekeepers to Ukraine", confidence=0.9, model_name="test"),
        ClaimDraft(content=span(t, "=HYPERLINK(\"http://evil.example\",\"click\")"), kind="direct",
                 cue=span(t, "added"), speaker="Guido Crosetto", mention=span(t, "he")),
        ClaimDraft(content=span(t, "-5% growth in disguise"), kind="direct", cue=span(t, "said", 1),
                 speaker="Elly Schlein", mention=span(t, "Elly Schlein"), role="Opposition leader",
                 stance="against", topic="Italy sending peacekeepers to Ukraine"),
    ])
    m = MELONI_TEXT
    project.save_suggestions(a2.id, [
        ClaimDraft(content=span(m, "Sending Italian soldiers is not on the agenda,"), kind="direct",
                 cue=span(m, "said", 1), speaker="Giorgia Meloni", mention=span(m, "Meloni", 1),
                 role="Prime Minister", date=dt.date(2025, 3, 16), stance="against",
                 topic="Italy sending peacekeepers to Ukraine"),
        ClaimDraft(content=span(m, "Italy does not plan to send troops to Ukraine"), kind="indirect",
                 cue=span(m, "said"), speaker="Giorgia Meloni", mention=span(m, "Giorgia Meloni")),
    ])
    claims = {c.content.text: c for c in project.claims()}
    crosetto = claims["We are willing to play this role,"]
    banner = claims["=HYPERLINK(\"http://evil.example\",\"click\")"]
    schlein = claims["-5% growth in disguise"]
    meloni = claims["Sending Italian soldiers is not on the agenda,"]
    meloni_indirect = claims["Italy does not plan to send troops to Ukraine"]
    project.confirm_claim(crosetto.id, annotator="ada")
    project.update_claim(crosetto.id, annotator="ada", verdict_rating="Mostly true",
                         verdict_explanation="Confirmed by the ministry.", verdict_url="https://factcheck.example/1",
                         note="Check the Ansa wire\x07 first")
    project.confirm_claim(schlein.id, annotator="ada")
    project.confirm_claim(meloni.id, annotator="bob")
    project.update_claim(meloni.id, annotator="bob", verdict_rating="False", verdict_explanation="Troops were sent.")
    project.reject_claim(meloni_indirect.id, annotator="bob")
    project.add_speaker_role(project.find_speaker("Guido Crosetto").id, "Defense Minister", dt.date(2022, 10, 22))
    return SimpleNamespace(project=project, a1=a1.id, a2=a2.id, crosetto=crosetto.id, banner=banner.id,
                           schlein=schlein.id, meloni=meloni.id, meloni_indirect=meloni_indirect.id)
