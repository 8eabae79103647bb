"""The data layer of blind double annotation on a SQLite project (or a PostgreSQL URL): what the window's
verbs cost per article, and the bulk read agreement uses.

    python3 benchmarks/bench_adjudication.py [--articles 200] [--claims 10] [--db URL]

Builds ``--articles`` articles of ``--claims`` suggestions each; two annotators open their layers and
decide every suggestion (agreeing on about four in five), through the same verbs the window calls.
Prints, per article: open_layer (first and again), one decision (confirm), disagreements, and
adjudicate_agreed; open_disagreement_counts over every article at once; and the claims per second of
stream_layer_values over the whole project.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db import ClaimDraft, NewArticle, Project, Span  # noqa: E402

SENTENCE = 100


def ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:.1f} ms, max {max(values) * 1000:.1f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--claims", type=int, default=10)
    ap.add_argument("--db", help="a database URL (default: a new SQLite file in a temporary folder)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        project = Project.open(args.db or Path(tmp) / "bench.quotedesk")
        try:
            run(project, args, rng)
        finally:
            project.close()


def run(project: Project, args, rng: random.Random) -> None:
    ids = []
    for a in range(args.articles):
        text = "".join(f"Speaker {i} of piece {a} said that matter {i} is now settled. ".ljust(SENTENCE)
                       for i in range(args.claims))
        art, _ = project.add_article(NewArticle(text=text, title=f"Article {a}"))
        project.save_suggestions(art.id, [
            ClaimDraft(content=Span(i * SENTENCE + 30, i * SENTENCE + 60, text[i * SENTENCE + 30:i * SENTENCE + 60]),
                       speaker=f"Speaker {i}") for i in range(args.claims)])
        ids.append(art.id)
    project.set_blind(True, annotator="lead")
    project.assign_round_robin(["ana", "ben"], per_article=2, by="lead")
    first, again, decide = [], [], []
    for art in ids:
        for who in ("ana", "ben"):
            t = time.perf_counter()
            project.open_layer(art, who)
            first.append(time.perf_counter() - t)
            t = time.perf_counter()
            project.open_layer(art, who)
            again.append(time.perf_counter() - t)
            for claim in project.layer_claims(art, who):
                stance = "favor" if who == "ana" or rng.random() < 0.8 else "against"
                t = time.perf_counter()
                project.confirm_claim(claim.id, annotator=who, stance=stance, expected_version=claim.version)
                decide.append(time.perf_counter() - t)
            project.finish_assignment(art, who)
    t = time.perf_counter()
    counts = project.open_disagreement_counts()
    bulk = time.perf_counter() - t
    found, settle = [], []
    disputed = 0
    for art in ids:
        t = time.perf_counter()
        disputed += len(project.disagreements(art))
        found.append(time.perf_counter() - t)
        t = time.perf_counter()
        project.adjudicate_agreed(art, annotator="lead")
        settle.append(time.perf_counter() - t)
    t = time.perf_counter()
    rows = sum(1 for _ in project.stream_layer_values())
    stream = time.perf_counter() - t
    finals = project.count_claims()
    print(f"{project.info().schema_version} on {project._store.dialect}: {args.articles} articles x {args.claims} "
          f"suggestions, 2 annotators ({rows} layer claims)")
    print(f"open_layer, first:     {ms(first)}")
    print(f"open_layer, again:     {ms(again)}")
    print(f"confirm a layer claim: {ms(decide)}")
    print(f"disagreements:         {ms(found)}  ({disputed} disputed groups)")
    print(f"adjudicate_agreed:     {ms(settle)}  ({finals} final claims after)")
    print(f"open_disagreement_counts, every article: {bulk:.2f} s ({sum(counts.values())} open; per article "
          f"{bulk / max(1, len(counts)) * 1000:.1f} ms against {statistics.mean(found) * 1000:.1f} ms one by one)")
    print(f"stream_layer_values:   {rows / stream:,.0f} claims/s ({stream:.2f} s)")


if __name__ == "__main__":
    main()
