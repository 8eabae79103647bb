"""Writes tests/db/data/v1.quotedesk: a project at schema 0001 with real content.

Run once, when schema 0001 was the newest (kept for the record; the committed file is the fixture).
"""

import datetime as dt
from pathlib import Path

from db import NewArticle, ClaimDraft, Project, Span

HERE = Path(__file__).parent
SEEDS = HERE.parents[1] / "resources" / "seeds"


def main() -> None:
    target = HERE / "data" / "v1.quotedesk"
    target.unlink(missing_ok=True)
    with Project.open(target) as p:
        for seed in sorted(SEEDS.glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            art, _ = p.add_article(NewArticle(text=text, title=seed.stem, source=seed.name))
            needle = "Italy is willing to participate" if seed.name.startswith("000") else "Italy does not plan to participate"
            start = text.index(needle)
            p.save_suggestions(art.id, [ClaimDraft(content=Span(start, start + len(needle), needle),
                                                 speaker="Guido Crosetto" if "willing" in needle else "Giorgia Meloni",
                                                 model_name="en_core_web_sm", model_version="3.8.0", confidence=0.8)])
        first = p.claims()[0]
        p.confirm_claim(first.id, annotator="ana", stance="favor", topic="Italy sending peacekeepers to Ukraine",
                        date=dt.date(2024, 12, 12), date_text="on Dec. 12")
    for extra in (target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        extra.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
