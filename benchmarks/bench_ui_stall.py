"""How long the window's event loop can stall while articles import and get suggestions: prints figures.

    python3 benchmarks/bench_ui_stall.py [ARTICLES] [--mode process|thread|both]

Writes ARTICLES (default 1,000) varied synthetic news articles, then runs the
window's background path through desktop.task_runner.TaskRunner: import them
(app.jobs.import_job), then suggest claims for all of them with the real
spaCy pipeline (app.jobs.suggest_job), while a GUI-thread timer ticking
every 5 ms records the gaps between its ticks and the GUI re-reads the article
list on every progress report and now and then confirms a suggestion, as
the window does. Target: longest stall
<= 100 ms. Also prints articles per second, and the longest stall while the
pipeline loads (in process mode, through the task runner as the window loads it).

--mode process (the default, what the window does) runs spaCy in the helper
process of app.engine_process; --mode thread runs it on the worker thread
inside the GUI process, for comparison. First, the same meter runs with
nothing in the background (--idle SECONDS), so a loaded machine shows up as
what it is.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "desktop"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS = 100


def run(mode: str, count: int, workdir: Path) -> None:
    from load_scenario import run_scenario
    from synthetic_articles import write_articles

    from db import Project

    folder = workdir / "articles"
    if not folder.exists():
        write_articles(folder, count)
    t = time.perf_counter()
    if mode == "process":  # as the window does: app.jobs.load_model_job on the task runner, timed
        from load_scenario import StallMeter
        from PySide6.QtCore import QEventLoop

        from app.jobs import load_model_job
        from desktop.task_runner import TaskRunner

        runner, meter, loop = TaskRunner(), StallMeter(), QEventLoop()
        meter.start()
        task = runner.start("Load language model", load_model_job)
        task.ended.connect(loop.quit)
        loop.exec()
        meter.stop()
        runner.shutdown()
        if task.error is not None:
            raise task.error
        model = task.result.model
        print(f"[{mode}] GUI event loop while the pipeline loaded in the background: longest stall "
              f"{meter.max_ms} ms (target <= {TARGET_MS} ms), p99 {meter.percentile(0.99)} ms", flush=True)
    else:
        from annotate.spacy_pipelines import load_pipeline

        from app.suggesting import LocalModel

        model = LocalModel(load_pipeline())
    print(f"[{mode}] pipeline loaded in {time.perf_counter() - t:.1f} s", flush=True)
    project = Project.open(workdir / f"{mode}.quotedesk")
    # the window's garbage-collection regime (desktop.launch.run_app): the objects alive once it is up
    # frozen out of full passes, and collection by a GUI-thread timer instead of whichever allocation
    # crosses the threshold (without it a full pass over ~1e6 objects stalled the loop 150-190 ms)
    from PySide6.QtCore import QObject

    from desktop.launch import collect_on_the_gui_thread, freeze_startup_objects

    freeze_startup_objects()
    gc_owner = QObject()
    collect_on_the_gui_thread(gc_owner)
    try:
        r = run_scenario(project, model, folder, timeout_s=3600)
    finally:
        gc_owner.deleteLater()
        gc.enable()
        project.close()
        if mode == "process":
            model.close()
    m = r.meter
    print(f"[{mode}] {r.articles} articles, {r.claims} suggestions; import {r.import_s:.1f} s, "
          f"suggest {r.suggest_s:.1f} s; {r.articles / r.seconds:.2f} articles/s "
          f"({r.articles / r.suggest_s:.2f}/s suggesting)")
    print(f"[{mode}] GUI event loop: longest stall {m.max_ms} ms (target <= {TARGET_MS} ms), "
          f"p99 {m.percentile(0.99)} ms, p99.9 {m.percentile(0.999)} ms, gaps > 50 ms: {m.over(50)}, "
          f"> 100 ms: {m.over(100)}; {len(m.gaps_ms)} ticks", flush=True)
    worst = sorted(m.slow, key=lambda g: -g[1])[:5]
    print(f"[{mode}] longest gaps: " + (", ".join(
        f"{gap} ms at {at / 1000:.1f} s ({'import' if at / 1000 < r.import_s else 'suggest'})" for at, gap in worst)
        or "none over 50 ms"))
    reads = sorted(r.gui_reads_ms) or [0.0]
    print(f"[{mode}] article list refresh, the GUI thread's part (the shown rows' counts): "
          f"median {reads[len(reads) // 2]:.1f} ms, longest {reads[-1]:.1f} ms ({len(r.gui_reads_ms)} reads)",
          flush=True)
    if r.gui_writes_ms:
        w = sorted(r.gui_writes_ms)
        print(f"[{mode}] confirming a claim on the GUI thread meanwhile: median {w[len(w) // 2]:.1f} ms, "
              f"longest {w[-1]:.1f} ms ({len(w)} confirmations)", flush=True)


def idle_baseline(seconds: int) -> None:
    """The same meter with nothing in the background: what the machine alone costs (shared CI, other jobs)."""
    from load_scenario import StallMeter
    from PySide6.QtCore import QEventLoop, QTimer

    meter, loop = StallMeter(), QEventLoop()
    QTimer.singleShot(seconds * 1000, loop.quit)
    meter.start()
    loop.exec()
    meter.stop()
    print(f"[idle] {seconds} s with nothing in the background: longest stall {meter.max_ms} ms, "
          f"p99 {meter.percentile(0.99)} ms, gaps > 50 ms: {meter.over(50)}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", nargs="?", type=int, default=1000)
    parser.add_argument("--mode", choices=["process", "thread", "both"], default="process")
    parser.add_argument("--idle", type=int, default=30, metavar="SECONDS",
                        help="first measure the idle event loop this long (0: skip)")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start", flush=True)
    if args.idle:
        idle_baseline(args.idle)
    with tempfile.TemporaryDirectory() as tmp:
        for mode in (["process", "thread"] if args.mode == "both" else [args.mode]):
            run(mode, args.articles, Path(tmp))
    print(f"load average {os.getloadavg()[0]:.2f} at end")
    app.quit()


if __name__ == "__main__":
    main()
