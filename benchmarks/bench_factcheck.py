"""Fact-check views on a large project: prints figures.

    python3 benchmarks/bench_factcheck.py [ARTICLES] [CLAIMS_PER_ARTICLE]

Builds a project (default 5,000 articles x 10 claims = 50,000 confirmed claims, 400
speakers in 20 affiliations, 5 topics, plus 400 surname-only speakers) with
``Project.load_bulk``, then times the registry and stance verbs and drawing the
timeline (offscreen Qt) for the largest topic.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from db import BulkArticle, BulkClaim, BulkSpeaker, BulkTopic, ClaimDraft, NewArticle, Project, Span  # noqa: E402

COUNTRIES = [f"Country {chr(65 + i)}" for i in range(20)]
FIRST = ["Anna", "Marco", "Giulia", "Luca", "Sofia", "Paolo", "Elena", "Pietro", "Chiara", "Franco"]
SPEAKERS = [f"{FIRST[i % 10]} Surname{i}" for i in range(400)]
TOPICS = [f"Topic {k}" for k in range(5)]
STANCES = ["favor", "against", "neutral", "favor"]


def article(i: int, per: int) -> BulkArticle:
    parts, claims = [f"Report {i} on the debates of the week.\n\n"], []
    for k in range(per):
        n = i * per + k
        speaker = SPEAKERS[(n * 7) % len(SPEAKERS)]
        quote = f"Our position on item {n} is clear and we will defend it with our allies"
        lead = f"{speaker} said: \""
        start = sum(map(len, parts)) + len(lead)
        parts.append(f"{lead}{quote}.\" More followed.\n\n")
        claims.append(BulkClaim(None, ClaimDraft(
            content=Span(start, start + len(quote), quote), kind="direct", speaker=speaker,
            mention=Span(start - len(lead), start - len(lead) + len(speaker), speaker), role="Minister",
            date=dt.date(2023, 1, 1) + dt.timedelta(days=(n * 13) % 800), stance=STANCES[(n // 3) % 4],
            topic=TOPICS[n % len(TOPICS)], status="confirmed", origin="manual")))
    return BulkArticle(None, NewArticle("".join(parts), title=f"Report {i}", url=f"https://news.example/{i}",
                                        published=dt.date(2023, 1, 1) + dt.timedelta(days=i % 800)),
                       claims=tuple(claims))


def timed(label: str, fn, unit: str = ""):
    started = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - started
    size = f"{len(result):>8,} {unit}" if unit else " " * (9 + len(unit))
    print(f"{label:<52} {size} {seconds * 1000:9.1f} ms")
    return result


def main(articles: int, per: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.quotedesk"
        started = time.perf_counter()
        with Project.open(path) as project:
            speakers = [BulkSpeaker(None, s, affiliation=f"Government of {COUNTRIES[i % 20]}")
                        for i, s in enumerate(SPEAKERS)]
            speakers += [BulkSpeaker(None, s.split()[-1]) for s in SPEAKERS]  # "Surname12" beside "Anna Surname12"
            for first in range(0, articles, 1000):
                project.load_bulk((article(i, per) for i in range(first, min(first + 1000, articles))),
                                  speakers=speakers if first == 0 else (),
                                  topics=[BulkTopic(None, t) for t in TOPICS] if first == 0 else ())
            info = project.info()
        print(f"built: {info.articles:,} articles, {info.claims:,} confirmed claims, {info.speakers} speakers "
              f"in {time.perf_counter() - started:.1f} s")

        with Project.open(path) as project:
            topic = project.find_topic(TOPICS[0]).id
            timed("stance_timeline(one topic)", lambda: project.stance_timeline(topic), "points")
            timed("stance_changes(one topic)", lambda: project.stance_changes(topic), "changes")
            timed("stance_changes() all topics", lambda: project.stance_changes(), "changes")
            proposals = timed("speaker_merge_proposals()", project.speaker_merge_proposals, "pairs")
            keep, other = proposals[0].keep_id, proposals[0].other_id
            full = project.find_speaker(SPEAKERS[0]).id
            moved = project.speaker(full).claim_count
            timed(f"merge_speakers (a speaker with {moved} claims)",
                  lambda: project.merge_speakers(other, full, annotator="bench").claims, "claims")
            timed("undo the merge", lambda: project.undo("bench").claims, "claims")
            timed("merge a proposed pair", lambda: project.merge_speakers(keep, other, annotator="bench").claims,
                  "claims")
            timed("suggest_role (from claims)", lambda: [project.suggest_role(keep, dt.date(2024, 1, 1))], "roles")

            from PySide6.QtWidgets import QApplication

            from desktop.stance_view import StanceChangesView
            from desktop.timeline import TimelineView

            app = QApplication([])
            view = TimelineView(project)
            view.resize(1200, 700)
            view.show()
            timed("timeline: choose the topic (draw by speaker)", lambda: (view.set_topic(topic), view.series)[-1],
                  "series")
            for grouping in ("speaker", "affiliation"):
                view.grouping = grouping
                timed(f"timeline: redraw by {grouping}", lambda: (view.refresh(), view.series)[-1], "series")
                timed(f"timeline: paint by {grouping} (1200x700)", lambda: [view.chart_view.grab()], "frames")
            stance = StanceChangesView(project)
            stance.resize(1200, 700)
            timed("stance view: one topic (first 300 rows shown)",
                  lambda: (stance.set_topic(topic), stance.changes)[-1], "changes")
            for widget in (view, stance):
                widget.deleteLater()
            app.processEvents()


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*(args + [5000, 10][len(args):]))
