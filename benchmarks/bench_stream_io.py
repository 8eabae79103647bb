"""Streaming import and export on a large project (issue 14): prints seconds and peak memory, beside goals.

    python3 benchmarks/bench_stream_io.py [--keep DIR] [--old REV] [--no-xlsx] [--only NAME ...]

Builds (or finds in --keep DIR) a project of 10,000 articles and 100,000 claims, its JSON
export, and a project of 1,000,000 claims with its Excel export (1,000,000 rows; building it
takes minutes, so keep it). Then runs, each in a fresh process:

- import-json of the 100,000-claim file into an empty project (goal ≤ 5 s, ≤ 150 MB);
- the JSONL and the DocBin export of the 100,000-claim project (goal ≤ 5 s, ≤ 150 MB each), as
  ``quotedesk export`` writes them by default: its confirmed claims (the line says how many; the
  window benchmark, bench_window_reads.py, exports every status), in one process (the exporters'
  default; the command line's second process, exports/forked.py, and the memory of both are
  measured by bench_window_reads.py --exports-only);
- import-xlsx of the 1,000,000-row workbook into its project (goal ≤ 300 MB; no row changes).

Each line prints wall and CPU seconds, the process's peak resident memory (VmHWM, the whole
process: Python, SQLAlchemy, spaCy where the format needs it) and that peak above the size
the process had once its libraries were imported and the project opened, and the load
average when the operation started (the machine is shared: wall time suffers when it is busy;
CPU time less so). With --old REV, the same operations also run on the code of that git
revision (checked out with ``git archive`` into a temporary folder), in the same run, one
after the other; the default is the commit before the streaming readers and writers.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OLD_REV = "c580a08"  # main just before import-json, JSONL/DocBin and import-xlsx streamed

GOALS = {"import-json": "5 s, 150 MB", "export-jsonl": "5 s, 150 MB", "export-spacy": "5 s, 150 MB",
         "import-xlsx": "300 MB"}
ISSUE = {"import-json": "22 s, 554 MB", "export-jsonl": "22 s, 491 MB", "export-spacy": "28 s, 491 MB",
         "import-xlsx": "43 s, 1.41 GB"}


def _peak_kb() -> int:
    """The process's peak resident size (VmHWM: unlike ru_maxrss, not inherited from a forking parent)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(op: str, db: str, source: str, out: str) -> None:
    """One operation in this fresh process; prints its figures as JSON."""
    from db import Project

    if op == "import-json":
        from exports.jsondoc import import_json as run
    elif op.startswith("export-"):
        import spacy  # noqa: F401  (the exporters' own import, counted in the base size)

        from exports import export
    else:
        from exports import xlsx_check
        from exports.excel_import import import_xlsx as run

        # The code before the limit was raised refused its own 1,000,000-row export (1.6 GB unzipped).
        xlsx_check.MAX_EXPANDED_BYTES = max(xlsx_check.MAX_EXPANDED_BYTES, 3 * 2**30)
    project = Project.open(db)
    project.count_claims()
    base = _peak_kb()
    started, cpu = time.perf_counter(), time.process_time()
    if op == "import-json":
        what = run(project, source).result.claims_added
    elif op.startswith("export-"):
        what = export(project, op.split("-", 1)[1], out).claims
    else:
        report = run(project, source)
        what = report.unchanged + len(report.changes) + len(report.errors) + len(report.conflicts)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    project.close()
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_kb": _peak_kb(), "base_kb": base, "count": what}))


def measure(op: str, db: Path, source: Path, out: Path, code: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(code))
    load = os.getloadavg()[0]
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", op, str(db), str(source),
                           str(out)], capture_output=True, text=True, env=env, cwd=code)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1][:100], "load": load}
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "load": load}


def _build(folder: Path, articles: int, per: int) -> Path:
    db = folder / f"bench-{articles}x{per}.quotedesk"
    if not db.exists():
        subprocess.run([sys.executable, "-c", "import sys; sys.path[:0] = [sys.argv[1], sys.argv[1] + '/benchmarks'];"
                        "from pathlib import Path; import bench_export;"
                        "bench_export.build(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))",
                        str(ROOT), str(db), str(articles), str(per)], check=True, cwd=ROOT)
    return db


def _export(db: Path, fmt: str, out: Path) -> Path:
    if not out.exists():
        subprocess.run([sys.executable, "-m", "desktop.cli", "export", "--db", str(db), "--format", fmt,
                        "-o", str(out)], check=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    return out


def _old_tree(rev: str, folder: Path) -> Path | None:
    tree = folder / f"code-{rev}"
    if not tree.exists():
        tree.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True)
        if archive.returncode != 0:
            print(f"(no old figures: git archive {rev} failed: {archive.stderr.decode().strip()[:100]})")
            return None
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return tree


def _fig(r: dict) -> str:
    if "error" in r:
        return f"failed: {r['error']}"
    return (f"{r['seconds']:6.1f} s (CPU {r['cpu']:5.1f} s)  peak {r['peak_kb'] / 1024:5.0f} MB "
            f"(+{(r['peak_kb'] - r['base_kb']) / 1024:4.0f} MB)  load {r['load']:4.1f}")


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--child":
        child(*argv[1:5])
        return
    folder = Path(argv[argv.index("--keep") + 1]) if "--keep" in argv else Path(tempfile.mkdtemp(prefix="qd-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    old_rev = argv[argv.index("--old") + 1] if "--old" in argv else OLD_REV
    only = set(argv[argv.index("--only") + 1:]) if "--only" in argv else set(GOALS)
    if "--no-xlsx" in argv:
        only.discard("import-xlsx")
    small = _build(folder, 10_000, 10)
    doc = _export(small, "json", folder / "bench-100k.json")
    old = _old_tree(old_rev, folder) if "--no-old" not in argv else None
    print(f"machine: {os.cpu_count()} CPUs, load average now {os.getloadavg()[0]:.1f}; "
          f"old code: {old_rev if old else 'not run'}; files in {folder}")
    runs = []
    if "import-json" in only:
        def fresh(tag: str) -> Path:
            target = folder / f"import-{tag}.quotedesk"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            return target
        runs.append(("import-json", f"{doc.stat().st_size / 2**20:.0f} MB, 100,000 claims",
                     lambda code, tag: measure("import-json", fresh(tag), doc, folder / "unused", code)))
    for fmt in ("jsonl", "spacy"):
        if f"export-{fmt}" in only:
            runs.append((f"export-{fmt}", "100,000 claims", lambda code, tag, fmt=fmt: measure(
                f"export-{fmt}", small, folder / "unused", folder / f"out-{tag}.{fmt}", code)))
    if "import-xlsx" in only:
        big = _build(folder, 100_000, 10)
        book = _export(big, "xlsx", folder / "bench-1m.xlsx")
        runs.append(("import-xlsx", "1,000,000 rows",
                     lambda code, tag: measure("import-xlsx", big, book, folder / "unused", code)))
    for op, count, run in runs:
        new = run(ROOT, "new")
        if op.startswith("export-") and "count" in new:  # the training formats hold confirmed claims by default
            count = f"{new['count']:,} confirmed of 100,000"
        print(f"{op:<13} {count:>18}  {_fig(new)}   goal ≤ {GOALS[op]}", flush=True)
        if not old:
            print(f"{'':<13} {'':>18}  (issue's figure for the old code: {ISSUE[op]})", flush=True)
            continue
        before = run(old, "old")
        print(f"{'  old code':<13} {'':>18}  {_fig(before)}   (issue: {ISSUE[op]})", flush=True)
        if old and op.startswith("export-") and "error" not in new and "error" not in before:
            fmt = op.split("-", 1)[1]
            same = (folder / f"out-new.{fmt}").read_bytes() == (folder / f"out-old.{fmt}").read_bytes()
            print(f"{'':<13} {'':>18}  files of the new and the old code {'identical' if same else 'DIFFER'}")


if __name__ == "__main__":
    main(sys.argv[1:])
