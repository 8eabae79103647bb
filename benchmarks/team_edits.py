"""Several annotator processes editing the same claims at once, and a check that nothing was lost.

Used by ``benchmarks/bench_team.py`` (figures) and ``tests/db/test_team_processes.py`` (0 lost updates).

Each worker process opens the project and, until it has ``edits`` acknowledged writes, picks one
of a few shared claims, reads it, and changes its note, status (accept/reject) or stance with
the version it read (``expected_version``). A refused write (ConflictError) is counted and the
worker reads again. Every acknowledged write is reported as (claim, version it created, field,
value). The check then asks of the stored project:

- no two acknowledged writes created the same (claim, version) (the lost-update signature:
  two writers both succeeding on one version);
- each acknowledged write is in the audit log under its annotator;
- each claim's stored version and field values are those of its last acknowledged write.

On PostgreSQL everything happens in a schema made for the run and dropped afterwards, so the
run leaves the database as it found it.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TEXT = " ".join(f"“Claim number {i} is what we believe,” minister {i} said on Monday." for i in range(12))
STANCES = ("favor", "against", "neutral")


def worker(url: str, name: str, edits: int, seed: int) -> dict:
    from db import ConflictError, Project

    rng = random.Random(seed)
    acks: list[list] = []
    latencies: list[float] = []
    conflicts = 0
    with Project.open(url, create=False) as p:
        ids = [c.id for c in p.claims()]
        while len(acks) < edits:
            cid = rng.choice(ids)
            claim = p.claim(cid)
            what = rng.choice(("note", "note", "status", "stance"))
            if what == "note":
                value = f"{name} {len(acks)}"
                verb = lambda: p.update_claim(cid, note=value, annotator=name, expected_version=claim.version)  # noqa: E731
            elif what == "status":
                value = "rejected" if claim.status == "confirmed" else "confirmed"
                verb_of = p.reject_claim if value == "rejected" else p.confirm_claim
                verb = lambda: verb_of(cid, annotator=name, expected_version=claim.version)  # noqa: E731
            else:
                value = rng.choice([s for s in STANCES if s != claim.stance])
                verb = lambda: p.update_claim(cid, stance=value, annotator=name, expected_version=claim.version)  # noqa: E731
            start = time.perf_counter()
            try:
                verb()
            except ConflictError:
                conflicts += 1
                continue
            latencies.append(time.perf_counter() - start)
            acks.append([cid, claim.version + 1, what, value])
    return {"name": name, "acks": acks, "latencies": latencies, "conflicts": conflicts}


@contextlib.contextmanager
def scratch_project(url: str | None):
    """A new project for one run: a temporary SQLite file, or a schema of its own on PostgreSQL."""
    if url is None:
        with tempfile.TemporaryDirectory(prefix="qd-team-") as tmp:
            yield str(Path(tmp) / "team.quotedesk")
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    schema = f"qd_team_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield make_url(url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def seed(url: str, claims: int) -> None:
    from db import ClaimDraft, NewArticle, Project, Span

    with Project.open(url) as p:
        art, _ = p.add_article(NewArticle(text=TEXT, title="Shared article"))
        news = []
        for i in range(claims):
            needle = f"Claim number {i} is what we believe"
            start = TEXT.index(needle)
            news.append(ClaimDraft(content=Span(start, start + len(needle), needle), speaker=f"Minister {i}"))
        p.save_suggestions(art.id, news)


def run(url: str, processes: int, edits: int, claims: int = 5, timeout: float = 900) -> dict:
    """Start the workers on a seeded project at ``url``, wait for them, and check the result."""
    seed(url, claims)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    procs = []
    try:
        for i in range(processes):
            procs.append(subprocess.Popen(
                [sys.executable, __file__, "worker", url, f"annotator{i}", str(edits), str(i)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT))
        results = []
        deadline = time.monotonic() + timeout
        for proc in procs:
            out, err = proc.communicate(timeout=max(1.0, deadline - time.monotonic()))
            if proc.returncode != 0:
                raise RuntimeError(f"a worker failed:\n{err}")
            results.append(json.loads(out.strip().splitlines()[-1]))
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    report = check(url, results)
    latencies = sorted(x for r in results for x in r["latencies"])
    report.update(
        processes=processes,
        conflicts=sum(r["conflicts"] for r in results),
        p50_ms=1000 * latencies[len(latencies) // 2],
        p99_ms=1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
    )
    return report


def check(url: str, results: list[dict]) -> dict:
    from sqlalchemy import select

    from db import Project
    from db.models import AuditRow

    acks = [(r["name"], *a) for r in results for a in r["acks"]]
    versions = Counter((cid, version) for _, cid, version, _, _ in acks)
    duplicated = sum(n - 1 for n in versions.values())
    with Project.open(url, create=False) as p:
        stored = {c.id: c for c in p.claims()}
        with p._store.reading() as s:
            audited = Counter(
                (r.entity_id, r.field, json.dumps(r.new), r.annotator)
                for r in s.execute(select(AuditRow.entity_id, AuditRow.field, AuditRow.new, AuditRow.annotator)
                                   .where(AuditRow.entity == "claim", AuditRow.kind == "update")))
    wanted = Counter((cid, what, json.dumps(value), name) for name, cid, _, what, value in acks)
    missing = sum(max(0, n - audited[key]) for key, n in wanted.items())
    mismatched = 0
    last: dict[tuple[int, str], tuple[int, str]] = {}
    top: dict[int, int] = {}
    for _, cid, version, what, value in acks:
        if version >= last.get((cid, what), (0, ""))[0]:
            last[(cid, what)] = (version, value)
        top[cid] = max(top.get(cid, 1), version)
    for (cid, what), (_, value) in last.items():
        if getattr(stored[cid], what) != value:
            mismatched += 1
    for cid, version in top.items():
        if stored[cid].version != version:
            mismatched += 1
    return {"acknowledged": len(acks), "lost_updates": duplicated + missing + mismatched,
            "duplicate_versions": duplicated, "missing_from_audit": missing, "final_state_mismatches": mismatched}


if __name__ == "__main__" and len(sys.argv) == 6 and sys.argv[1] == "worker":
    print(json.dumps(worker(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))))
