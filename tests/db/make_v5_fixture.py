"""Writes tests/db/data/v5.quotedesk: a project at schema 0005 (entity versions) with real content.

Run once, when schema 0005 was the newest (kept for the record; the committed file is the fixture).
It holds what a team's project had before blind annotation: two articles, model suggestions, a
confirmed claim with speaker, topic, stance and a split quote, a rejected one, a manual one, and
undoable actions of two annotators, so the upgrade to claim layers (0006) is tested on real data.
"""

import datetime as dt
from pathlib import Path

from db import ClaimDraft, NewArticle, Project, Span

HERE = Path(__file__).parent
TEXT = ("Rome 🇮🇹 — “Italy is ready to help,” Defence Minister Guido Crosetto said on Thursday, "
        "“but only under a UN mandate.” The office of Giorgia Meloni said Italy does not plan to send troops. "
        "Opposition leader Elly Schlein said the government was divided.")
OTHER = ("Berlin — Chancellor Olaf Scholz said Germany would keep supporting Ukraine. "
         "Critics said the plan was too vague.")


def span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def main() -> None:
    target = HERE / "data" / "v5.quotedesk"
    target.unlink(missing_ok=True)
    with Project.open(target) as p:
        assert p.info().schema_version == "0005"
        p.add_topic("Italy sending troops to Ukraine", keywords=["troops", "peacekeepers"])
        art, _ = p.add_article(NewArticle(text=TEXT, title="Crosetto and Meloni", publisher="Wire",
                                          published=dt.date(2025, 3, 7), published_source="metadata"))
        other, _ = p.add_article(NewArticle(text=OTHER, title="Scholz on Ukraine", published=dt.date(2025, 3, 8)))
        a = span(TEXT, "Italy is ready to help,")
        b = span(TEXT, "but only under a UN mandate.")
        p.save_suggestions(art.id, [
            ClaimDraft(content=Span(a.start, b.end, TEXT[a.start:b.end]), fragments=(a, b), kind="direct",
                       cue=span(TEXT, "said"), speaker="Guido Crosetto", mention=span(TEXT, "Guido Crosetto"),
                       model_name="en_core_web_sm", model_version="3.8.0", confidence=0.9),
            ClaimDraft(content=span(TEXT, "Italy does not plan to send troops"), speaker="Giorgia Meloni",
                       model_name="en_core_web_sm", model_version="3.8.0", confidence=0.8),
            ClaimDraft(content=span(TEXT, "the government was divided"), speaker="Elly Schlein",
                       model_name="en_core_web_sm", model_version="3.8.0", confidence=0.4),
        ])
        p.save_suggestions(other.id, [
            ClaimDraft(content=span(OTHER, "Germany would keep supporting Ukraine"), speaker="Olaf Scholz",
                       model_name="en_core_web_sm", model_version="3.8.0", confidence=0.85)])
        crosetto, meloni, schlein = p.claims()[:3]
        p.confirm_claim(crosetto.id, annotator="ana", stance="favor", topic="Italy sending troops to Ukraine")
        p.confirm_claim(meloni.id, annotator="ben", stance="against", topic="Italy sending troops to Ukraine")
        p.reject_claim(schlein.id, annotator="ana")
        p.add_claim(other.id, ClaimDraft(content=span(OTHER, "the plan was too vague"), speaker="Critics",
                                         status="confirmed", origin="manual"), annotator="ben")
        p.set_config("suggestion_scope", "all")
    for extra in (target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        extra.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
