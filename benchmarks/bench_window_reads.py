"""What the main window reads on the UI thread, timed on a large project.

The window keeps these reads on the UI thread because they are small: opening an
article (its text and its claims), the article list (one grouped count query,
refreshed at most every 1.5 s while a background job runs), and the per-keystroke
work of accepting a claim. The claims table and full-text search run on the task
runner instead. This prints how long each takes on a project of N articles with
about 12 claims each (no spaCy: claims are placed synthetically).

    python3 benchmarks/bench_window_reads.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db import ClaimFilter, NewArticle, ClaimDraft, Project, Span  # noqa: E402

PARAGRAPH = ("“We are ready to help with number {i},” Minister Example {k} told reporters on Monday. "
             "The plan {i} was criticised by the opposition, which said it would cost too much. ")


def build(project: Project, n_articles: int, per_article: int) -> None:
    for a in range(n_articles):
        text = "".join(PARAGRAPH.format(i=a * 100 + p, k=p % 7) for p in range(per_article))
        article, _ = project.add_article(NewArticle(text=text, title=f"Article {a}"))
        claims, at = [], 0
        for p in range(per_article):
            chunk = PARAGRAPH.format(i=a * 100 + p, k=p % 7)
            start = at + 1
            end = at + chunk.index("”")
            claims.append(ClaimDraft(content=Span(start, end, text[start:end]), kind="direct",
                                   speaker=f"Minister Example {p % 7}", stance=("favor", "against", None)[p % 3]))
            at += len(chunk)
        project.save_suggestions(article.id, claims)


def timed(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=12, help="claims per article")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Project.open(Path(tmp) / "bench.quotedesk") as project:
        t = time.perf_counter()
        build(project, args.articles, args.claims)
        print(f"built {args.articles} articles, {project.count_claims()} claims in {time.perf_counter() - t:.1f} s")
        middle = project.article_ids()[args.articles // 2]
        claim_ids = [c.id for c in project.claims(ClaimFilter(article_id=middle))]
        state = {"i": 0}

        def accept_one():  # what pressing A does: one update, then re-read the article's claims
            cid = claim_ids[state["i"] % len(claim_ids)]
            state["i"] += 1
            project.update_claim(cid, annotator="bench", status="confirmed" if state["i"] % 2 else "suggested")
            project.claims(ClaimFilter(article_id=middle))

        rows = [
            ("article list (project.articles)", lambda: project.articles(), 20),
            ("open an article (text + claims)", lambda: (project.article(middle),
                                                         project.claims(ClaimFilter(article_id=middle))), 50),
            ("accept a claim + reload its article", accept_one, 50),
            ("claims table load (task runner)", lambda: list(project.stream_claims(ClaimFilter())), 3),
        ]
        print(f"{'UI read':40} {'median ms':>10} {'max ms':>8}")
        for name, fn, repeat in rows:
            median, worst = timed(fn, repeat)
            print(f"{name:40} {median:10.1f} {worst:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
