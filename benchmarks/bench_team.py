"""Annotators editing the same claims at once: lost updates, conflicts and edit latency.

    python3 benchmarks/bench_team.py [POSTGRES_URL] [--processes 5] [--edits 500] [--claims 5]

Runs ``--processes`` annotator processes, each making ``--edits`` acknowledged edits (note,
accept/reject, stance, each with the version it read) on ``--claims`` shared claims, first on
a temporary SQLite project, then on PostgreSQL when a URL is given (or QUOTEDESK_TEST_PG_URL
is set). On PostgreSQL the run uses a schema of its own, dropped afterwards. Prints, per back
end: acknowledged writes, lost updates (must be 0), conflicts refused, p50/p99 edit latency, and
what the window's once-a-second poll costs on the UI thread: the change counter (the largest
audit id) read on a project with 200,000 audit rows.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import team_edits  # noqa: E402


def counter_cost(url: str, rows: int = 200_000, reads: int = 200) -> tuple[float, float]:
    """p50/p99 ms of ``ChangeFeed.current_counter`` on a project with ``rows`` audit rows."""
    import datetime as dt

    from sqlalchemy import insert

    from db import Project
    from db.models import AuditRow

    with Project.open(url) as p:
        with p._store.writing() as s:
            at = dt.datetime(2026, 1, 1)
            s.execute(insert(AuditRow.__table__), [
                dict(entity="claim", entity_id=i, action_id=None, kind="update", field="note", old=None, new="x",
                     annotator="bench", at=at) for i in range(rows)])
        feed = p.change_feed()
        times = []
        for _ in range(reads):
            start = time.perf_counter()
            feed.current_counter()
            times.append(1000 * (time.perf_counter() - start))
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.99)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", nargs="?", default=os.environ.get("QUOTEDESK_TEST_PG_URL"),
                        help="PostgreSQL URL (a schema is created in it for the run and dropped)")
    parser.add_argument("--processes", type=int, default=5)
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--claims", type=int, default=5)
    args = parser.parse_args()
    backends = [("SQLite", None)] + ([("PostgreSQL", args.url)] if args.url else [])
    print(f"{args.processes} annotator processes x {args.edits} acknowledged edits on {args.claims} shared claims")
    print(f"{'back end':<11} {'acked':>6} {'lost':>5} {'conflicts':>9} {'p50 ms':>7} {'p99 ms':>7} {'wall s':>7}")
    worst = 0
    for label, url in backends:
        with team_edits.scratch_project(url) as target:
            start = time.perf_counter()
            r = team_edits.run(target, args.processes, args.edits, args.claims)
            wall = time.perf_counter() - start
        worst = max(worst, r["lost_updates"])
        print(f"{label:<11} {r['acknowledged']:>6} {r['lost_updates']:>5} {r['conflicts']:>9} "
              f"{r['p50_ms']:>7.1f} {r['p99_ms']:>7.1f} {wall:>7.1f}")
        if r["lost_updates"]:
            print(f"  lost: {r}")
    print("change counter read by the window's poll (UI thread), 200,000 audit rows:")
    for label, url in backends:
        with team_edits.scratch_project(url) as target:
            p50, p99 = counter_cost(target)
        print(f"{label:<11} p50 {p50:.2f} ms, p99 {p99:.2f} ms")
    if not args.url:
        print("(PostgreSQL skipped: give a URL or set QUOTEDESK_TEST_PG_URL)")
    return 1 if worst else 0


if __name__ == "__main__":
    raise SystemExit(main())
