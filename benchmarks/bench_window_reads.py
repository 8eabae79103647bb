"""What the main window reads, timed on a large project (issue 14's table).

The window keeps these reads on the UI thread because they are small: opening an article
(its text and its claims), the article list (its ids, then the counts of the block of rows
shown), the per-keystroke work of accepting a claim, and a block of claims table rows as the
table scrolls. The claims table's ids (filter, search, sort, in SQL) are read on the task
runner; "first rows" is the first FIRST_ROWS of them (a LIMIT query), the count and the first block,
as the window shows them before it reads all the ids. The whole-list reads the window used
before (every article's counts; every claim's record) are timed in the same run for the ratio.
Prints each read's median and max on N articles with about 12 claims each (no spaCy: claims are
placed synthetically), and the machine's load average beside it.

    python3 benchmarks/bench_window_reads.py [--articles 10000] [--project FILE] [--reads-only]
                                             [--window-only] [--suggest 200 [--seconds 90]]
                                             [--exports-only [--runs 3]]

``--project FILE`` keeps the built project (and reuses it when it already has the articles).

Then the rest of issue 14's table on the same project, each command in a fresh process so that
its time and peak memory (ru_maxrss, from wait4) are its own: the real window on a copy of the
project (benchmarks/bench_window_table.py: the All claims table's first rows, the longest stall
scrolling all of it, the window's peak memory with the table open; offscreen, or the X display
QT_QPA_PLATFORM=xcb names), ``quotedesk export`` to JSON, JSONL and DocBin (every status),
``import-json`` of that JSON into a new project, ``import-xlsx`` of the project's own workbook
(one row per claim), and ``suggest --jobs 2`` against one process (benchmarks/bench_suggest_jobs.py).
``--reads-only`` stops after the reads; ``--window-only`` after the window's rows; ``--exports-only``
prints only the export rows (with each export's CPU time), ``--runs`` times, on the ``--project`` as it is. ``--suggest K`` runs
the window a second time on a fresh copy, suggesting K new articles (its helper process) while the
All claims table scrolls: the longest stall while suggestions run (issue 14's last row).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from db import ClaimFilter, NewArticle, ClaimDraft, Project, Span  # noqa: E402
from desktop.claims_panel import FIRST_ROWS  # noqa: E402

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
        if a % 1000 == 999:
            print(f"  {a + 1} articles built", flush=True)


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
    parser.add_argument("--project", type=lambda p: Path(p).resolve(), help="keep (or reuse) the built project in this file")
    parser.add_argument("--block", type=int, default=100, help="rows a table reads at a time")
    parser.add_argument("--reads-only", action="store_true", help="skip the window, import, export and --jobs rows")
    parser.add_argument("--window-only", action="store_true",
                        help="the reads and the window's rows; skip the import, export and --jobs rows")
    parser.add_argument("--suggest", type=int, default=0, metavar="K",
                        help="also run the window while it suggests K new articles (bench_window_table.py --suggest): "
                             "the longest stall scrolling the table meanwhile")
    parser.add_argument("--seconds", type=float, default=90, help="with --suggest: scroll this long while it runs")
    parser.add_argument("--exports-only", action="store_true",
                        help="only the export rows (on the --project as built, or built now), each RUNS times")
    parser.add_argument("--runs", type=int, default=1, help="with --exports-only: runs of each export")
    parser.add_argument("--formats", default="json,jsonl,spacy,xlsx",
                        help="with --exports-only: the formats to export, separated by commas")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.project or Path(tmp) / "bench.quotedesk"
        if args.exports_only and args.project and path.exists():
            exports(path, Path(tmp), runs=args.runs, formats=args.formats.split(","))
            return 0
        with Project.open(path) as project:
            run(project, args)
        if args.exports_only:
            exports(path, Path(tmp), runs=args.runs, formats=args.formats.split(","))
        elif not args.reads_only:
            rest_of_the_table(path, Path(tmp), window_only=args.window_only, suggest=args.suggest,
                              seconds=args.seconds)
    return 0


PEAK = """import resource, subprocess, sys, threading, time
def tree(pid):
    pids = [pid]
    for p in pids:
        try:
            for task in __import__("os").listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    pids += [int(c) for c in fh.read().split()]
        except OSError:
            pass
    return pids
def fields(path, *names):
    found = dict.fromkeys(names, 0)
    try:
        with open(path) as fh:
            for line in fh:
                name = line.split(":")[0]
                if name in found:
                    found[name] = int(line.split()[1])
    except (OSError, ValueError):
        pass
    return found
SAMPLE = sys.argv[1] == "--tree"
child = subprocess.Popen(sys.argv[2:] if SAMPLE else sys.argv[1:])
peak_tree, peak_pss, hwm, seen = 0, 0, {}, set()
def sample():
    global peak_tree, peak_pss
    while child.poll() is None:
        pids = tree(child.pid)
        seen.update(pids)
        if len(pids) == 1 or not SAMPLE:  # (one process: ru_maxrss is its peak, without reading its page tables)
            time.sleep(0.02)
            continue
        rollup = [fields(f"/proc/{p}/smaps_rollup", "Rss", "Pss", "Private_Clean", "Private_Dirty") for p in pids]
        peak_pss = max(peak_pss, sum(r["Pss"] for r in rollup))
        peak_tree = max(peak_tree, rollup[0]["Rss"] + sum(r["Private_Clean"] + r["Private_Dirty"] for r in rollup[1:]))
        for p in pids:
            hwm[p] = max(hwm.get(p, 0), fields(f"/proc/{p}/status", "VmHWM")["VmHWM"])
        time.sleep(0.02)
sampler = threading.Thread(target=sample, daemon=True)
sampler.start()
code = child.wait()
sampler.join()
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print("PEAK_KB", used.ru_maxrss)
print("TREE_KB", peak_tree)
print("TREE_PSS_KB", peak_pss)
print("TREE_HWM_SUM_KB", sum(hwm.values()))
print("PROCESSES", len(seen))
print("CPU_S", used.ru_utime + used.ru_stime)
sys.exit(code)"""
"""Runs the command and prints its peak RSS (and CPU time). Through this small process, because a
child's ru_maxrss counts the memory of the process it was forked from (Linux keeps the high-water
mark across exec): forked from this benchmark, after its whole-list reads, every command would show
this benchmark's size. ru_maxrss is the peak of one process (the largest): a command that starts
processes of its own (the training exports' helper, exports/forked.py) is also sampled every 20 ms
while it runs, the whole tree of its processes (/proc/PID/smaps_rollup): the peak of the command's RSS
plus the pages private to each of its descendants ("tree": every page the tree maps counted once, those
it shares with other programs in full, as RSS counts them; a page a forked helper still shares with its
parent is in the parent's RSS, one either has written since is private to the other), the peak of the
sum of their PSS (a page N processes map counts 1/N in each: less than "tree" where other programs map
the same libraries), and the sum of each process's own peak RSS (VmHWM; an upper bound: shared pages
count in each). The row's "MB peak" is the larger of ru_maxrss and "tree".
Reading a process's page tables (smaps_rollup) every 20 ms takes CPU from the command and holds its memory
map's lock: it slowed the two-process exports by 0.5-1.5 s on 2 cores. So the tree is read only with
``--tree`` (first argument) and only while the command has more than one process; the export rows time a
run without it and take the memory from a second run with it."""


def measured(cmd: list[str], tree: bool = True) -> tuple[float, float, int, str]:
    """Run a command in a fresh process: (seconds, its peak RSS in MB, exit code, its output)."""
    return measured_cpu(cmd, tree)[:4]


def measured_cpu(cmd: list[str], tree: bool = True) -> tuple[float, float, int, str, float]:
    """``measured`` and the command's CPU time (user + system, s): on a loaded machine the wall time says
    more about the others' programs than about this one. ``tree=False``: no sampling of the command's
    processes' memory (the timing is then undisturbed; the peak is the largest process's)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    t = time.perf_counter()
    # in ROOT: ``python -m`` puts the current folder first on the import path, before PYTHONPATH, so run from
    # another checkout the commands would time that checkout's code
    done = subprocess.run([sys.executable, "-c", PEAK, *(["--tree"] if tree else []), *cmd], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          env=env, text=True, cwd=ROOT)
    seconds = time.perf_counter() - t
    lines = done.stdout.splitlines()
    said = {line.split()[0]: float(line.split()[1]) for line in lines
            if line.startswith(("PEAK_KB ", "TREE_KB ", "TREE_PSS_KB ", "TREE_HWM_SUM_KB ", "PROCESSES ", "CPU_S "))}
    mb = max(said.get("PEAK_KB", float("nan")), said.get("TREE_KB", 0)) / 1024
    out = "\n".join(line for line in lines if not line.startswith(tuple(f"{key} " for key in said)))
    if said.get("PROCESSES", 1) > 1:
        out += (f"\n  {said['PROCESSES']:.0f} processes: peak {said.get('TREE_KB', 0) / 1024:.0f} MB (RSS + the others' "
                f"private pages), sum of PSS {said.get('TREE_PSS_KB', 0) / 1024:.0f} MB, sum of each one's peak RSS "
                f"{said.get('TREE_HWM_SUM_KB', 0) / 1024:.0f} MB (upper bound); largest one "
                f"{said.get('PEAK_KB', 0) / 1024:.0f} MB")
    return seconds, mb, done.returncode, out, said.get("CPU_S", float("nan"))


def _row(what: str, seconds: float, mb: float, code: int, out: str, goal_s: float | None = None,
         goal_mb: float | None = None, cpu: float | None = None) -> None:
    failed = f"  FAILED ({code}): {out.strip().splitlines()[-1] if out.strip() else ''}" if code else ""
    goal = " and ".join(([] if goal_s is None else [f"<= {goal_s:g} s"])
                        + ([] if goal_mb is None else [f"<= {goal_mb:g} MB"]))
    met = (goal_s is None or seconds <= goal_s) and (goal_mb is None or mb <= goal_mb)
    verdict = f"goal {goal}: {'ok' if met else 'OVER'}" if goal else "(no goal)"
    used = "" if cpu is None else f" ({cpu:.1f} s CPU)"
    print(f"{what:48} {seconds:7.1f} s{used} {mb:7.0f} MB peak   {verdict}; load {os.getloadavg()[0]:.1f}{failed}",
          flush=True)


def exports(path: Path, tmp: Path, runs: int = 1, formats=("json", "jsonl", "spacy", "xlsx")) -> None:
    """The export rows of issue 14's table: JSON, JSONL, DocBin and Excel of every status of the project's
    claims, each in a fresh process; the training formats' goal is <= 5 s and <= 150 MB (MiB, as printed)."""
    with Project.open(path) as claims:
        n = claims.count_claims()
    cli = [sys.executable, "-m", "desktop.cli"]
    every = ["--status", "suggested,confirmed,rejected"]
    for _ in range(runs):
        for fmt, goal in (("json", {}), ("jsonl", {"goal_s": 5, "goal_mb": 150}),
                          ("spacy", {"goal_s": 5, "goal_mb": 150}), ("xlsx", {})):
            if fmt not in formats:
                continue
            cmd = cli + ["export", "--db", str(path), "--format", fmt, "-o", str(tmp / f"all.{fmt}"), *every]
            # the time of a run undisturbed by the memory sampler, the memory of one sampled
            seconds, mb, code, out, cpu = measured_cpu(cmd, tree=False)
            if not code:
                _, tree_mb, code, out, _ = measured_cpu(cmd)
                mb = max(mb, tree_mb)
            _row(f"export {fmt} of {n:,} claims", seconds, mb, code, out, cpu=cpu, **goal)
            for line in out.splitlines():
                if line.startswith("  ") and "processes: peak" in line:
                    print(line, flush=True)


def rest_of_the_table(path: Path, tmp: Path, *, window_only: bool = False, suggest: int = 0,
                      seconds: float = 90) -> None:
    """Issue 14's other rows on the same project, each command in its own process (``suggest``: the window
    once more, suggesting that many new articles while the table scrolls)."""
    py, cli = sys.executable, [sys.executable, "-m", "desktop.cli"]
    print(f"\nload average {os.getloadavg()[0]:.1f}: the window, exports, imports and --jobs, each in a fresh process")

    row = _row

    copy = tmp / "window.quotedesk"
    shutil.copyfile(path, copy)
    seconds, mb, code, out = measured([py, str(ROOT / "benchmarks" / "bench_window_table.py"), str(copy)])
    for line in out.splitlines():
        if any(k in line for k in ("window open", "article list shown", "opening reads done", "All claims: first rows",
                                   "All claims: all",
                                   "scrolled the whole table", "scrolled the article list", "peak RSS with",
                                   "filter")):
            print(f"window: {line}")
    if code:
        print(f"window benchmark FAILED ({code}): {out.strip().splitlines()[-1:]}")
    row("the window: peak RSS, table open and scrolled", seconds, mb, code, "", goal_mb=400)
    if suggest:  # a second copy: the run adds articles; its peak RSS would count the helper's spaCy
        shutil.copyfile(path, copy)
        _, _, code, out = measured([py, str(ROOT / "benchmarks" / "bench_window_table.py"), str(copy),
                                    "--suggest", str(suggest), "--seconds", f"{seconds:g}"],
                                   tree=False)  # (its stalls are the figures: no sampler beside them)
        for line in out.splitlines():
            if any(k in line for k in ("All claims: first rows", "scrolled the whole table", "suggestion run started",
                                       "while suggestions ran", "peak RSS with")):
                print(f"window, suggesting {suggest} articles: {line.strip()}")
        if code:
            print(f"window benchmark with --suggest FAILED ({code}): {out.strip().splitlines()[-1:]}")
    if window_only:
        print(f"load average {os.getloadavg()[0]:.1f} at end", flush=True)
        return

    exports(path, tmp)
    with Project.open(path) as claims:
        n = claims.count_claims()
    fresh = tmp / "imported.quotedesk"
    # the goal is 5 s for 100,000 claims: the same rate for this project's count
    row(f"import-json of {n:,} claims (new project)",
        *measured(cli + ["import-json", "--db", str(fresh), str(tmp / "all.json")]),
        goal_s=round(5 * max(n, 100_000) / 100_000, 1), goal_mb=150)
    scratch = tmp / "xlsx.quotedesk"
    shutil.copyfile(path, scratch)
    row(f"import-xlsx of {n:,} rows (the issue: 1,000,000)",
        *measured(cli + ["import-xlsx", "--db", str(scratch), str(tmp / "all.xlsx")]), goal_mb=300)
    seconds, mb, code, out = measured([py, str(ROOT / "benchmarks" / "bench_suggest_jobs.py"), "--jobs", "2",
                                       "--words", "15000"], tree=False)  # (the sampler would take the workers' cores)
    for line in out.splitlines():
        if line.startswith(("1 process", "2 processes", "ratio")):
            print(f"suggest --jobs: {line}")
    if code:
        print(f"suggest --jobs benchmark FAILED ({code}): {out.strip().splitlines()[-1:]}")
    print(f"load average {os.getloadavg()[0]:.1f} at end", flush=True)


def run(project: Project, args) -> None:
    t = time.perf_counter()
    have = len(project.article_ids())
    if have < args.articles:
        if have:
            raise SystemExit(f"{have} articles in the project already; give a new --project file")
        build(project, args.articles, args.claims)
        print(f"built {args.articles} articles, {project.count_claims()} claims in {time.perf_counter() - t:.1f} s")
    else:
        print(f"reusing {have} articles, {project.count_claims()} claims")
    n = len(project.article_ids())
    middle = project.article_ids()[n // 2]
    claim_ids = [c.id for c in project.claims(ClaimFilter(article_id=middle))]
    state = {"i": 0, "block": 0}
    block = args.block

    def accept_one():  # what pressing A does: one update, then re-read the article's claims
        cid = claim_ids[state["i"] % len(claim_ids)]
        state["i"] += 1
        project.update_claim(cid, annotator="bench", status="confirmed" if state["i"] % 2 else "suggested")
        project.claims(ClaimFilter(article_id=middle))

    def article_list():  # the list's ids, then the counts of the rows shown
        ids = project.article_list_ids()
        project.articles(ids=ids[:block])

    all_ids = project.claim_ids()

    def scroll_block():  # the next block of claims table rows as the table scrolls
        start = (state["block"] * block * 7) % max(1, len(all_ids) - block)
        state["block"] += 1
        list(project.stream_claims(ClaimFilter(ids=tuple(all_ids[start:start + block]))))

    def first_rows(f: ClaimFilter, sort: str | None = "article"):  # as the window: a LIMIT query, the count, a block
        def read():
            first = project.claim_ids(dataclasses.replace(f, limit=FIRST_ROWS), sort=sort)
            project.count_claims(ClaimFilter())
            return list(project.stream_claims(ClaimFilter(ids=tuple(first[:block]))))
        return read

    speaker = project.find_speaker("Minister Example 3")
    rows = [
        ("UI", "article list: ids + shown rows' counts", article_list, 20, 30),
        ("UI", "open an article (text + claims)", lambda: (project.article(middle),
                                                            project.claims(ClaimFilter(article_id=middle))), 50, 30),
        ("UI", "accept a claim + reload its article", accept_one, 50, 30),
        ("UI", f"claims table: a block of {block} rows", scroll_block, 50, 30),
        ("task", "claims table: first rows (ids + block)", first_rows(ClaimFilter()), 5, 300),
        ("task", "claims table: all ids (after the first rows)", lambda: project.claim_ids(sort="article"), 3, None),
        ("task", "claims table: sort by speaker, descending",
         lambda: project.claim_ids(sort="speaker", descending=True), 3, 300),
        ("task", "filter: status confirmed", first_rows(ClaimFilter(statuses=("confirmed",))), 5, 100),
        ("task", "filter: one speaker", first_rows(ClaimFilter(speaker_id=speaker.id if speaker else -1)), 5, 100),
        ("task", "filter: stance against + date range",
         first_rows(ClaimFilter(stance="against", date_from=dt.date(2000, 1, 1))), 5, 100),
        ("task", "search: 'number 5000'", first_rows(ClaimFilter(text="number 5000")), 5, 100),
        ("task", "search: 'opposition' (no claim matches)", first_rows(ClaimFilter(text="opposition")), 5, 100),
        ("before", "article list: every article's counts", lambda: project.articles(), 5, None),
        ("before", "claims table: every claim's record", lambda: list(project.stream_claims(ClaimFilter())), 2, None),
    ]
    print(f"load average {os.getloadavg()[0]:.1f} (2 cores) at start")
    print(f"{'where':6} {'read':44} {'median ms':>10} {'max ms':>8} {'goal ms':>8}")
    for where, name, fn, repeat, goal in rows:
        median, worst = timed(fn, repeat)
        verdict = "" if goal is None else (" ok" if median <= goal else " OVER")
        print(f"{where:6} {name:44} {median:10.1f} {worst:8.1f} {goal or '':>8}{verdict}", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} (2 cores) at end")


if __name__ == "__main__":
    sys.exit(main())
