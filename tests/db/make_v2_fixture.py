"""Writes tests/db/data/v2.quotedesk: a project at schema 0002 (verdict dates) with real content.

Run once, when schema 0002 was the newest (kept for the record; the committed file is the fixture).
It holds a split quote stored the only way 0002 could: as one claim whose content runs across the
attribution ("“A,” she said, “B.”"), so the upgrade to fragments is tested on what users have.
"""

import datetime as dt
from pathlib import Path

from db import NewArticle, ClaimDraft, Project, Span

HERE = Path(__file__).parent
TEXT = ("Rome 🇮🇹 — “Italy is ready to help,” Defence Minister Guido Crosetto said on Thursday, "
        "“but only under a UN mandate.” The office of Giorgia Meloni disagreed.")


def span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), needle)


def main() -> None:
    target = HERE / "data" / "v2.quotedesk"
    target.unlink(missing_ok=True)
    with Project.open(target) as p:
        art, _ = p.add_article(NewArticle(text=TEXT, title="Crosetto on a mandate", publisher="Wire",
                                          published=dt.date(2025, 3, 7), published_source="metadata"))
        whole = span("Italy is ready to help,” Defence Minister Guido Crosetto said on Thursday, "
                     "“but only under a UN mandate.")
        p.save_suggestions(art.id, [ClaimDraft(content=whole, kind="direct", cue=span("said"),
                                             speaker="Guido Crosetto", mention=span("Guido Crosetto"),
                                             model_name="en_core_web_sm", model_version="3.8.0", confidence=0.9)])
        claim = p.claims()[0]
        p.confirm_claim(claim.id, annotator="ana", stance="favor", verdict_date=dt.date(2025, 3, 9))
    for extra in (target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        extra.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
