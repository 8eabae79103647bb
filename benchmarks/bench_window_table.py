"""The real window on a large project: opening it, the All claims table's first rows, scrolling the
whole table, filtering it, and the window's peak memory (issue 14).

    python3 benchmarks/bench_window_table.py PROJECT [--pages 400] [--suggest 200 --seconds 60]

PROJECT is a project file (benchmarks/bench_window_reads.py --project FILE builds one of 10,000
articles and ~120,000 claims). Opens MainWindow offscreen (no language model), shows the All claims
tab and times until its first rows are there (the ids are read on the task runner), then pages down
through the table (``--pages`` evenly spaced jumps, each painted) and through the article list while
a GUI-thread timer ticking every 5 ms records the longest gap, then sets the status filter and
times until the filtered rows are shown. Prints each figure with the load average, and the
process's peak RSS (ru_maxrss) with the table open. With ``--suggest K`` it first adds K synthetic
articles without suggestions, opens the window with its language model (a helper process) and, once
the background suggestion run has started, pages the claims table up and down (a page every 20 ms,
from a timer, the event loop running as in the app) for ``--seconds`` while it runs, printing the
longest stall meanwhile. ``--profile`` prints, for each stall over 50 ms, where the GUI thread was
(benchmarks/stall_sampler.py). Open a copy: the window writes.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "desktop"))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("project", type=Path)
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--suggest", type=int, default=0, help="add this many unsuggested articles first")
    ap.add_argument("--seconds", type=float, default=60, help="scroll this long while suggestions run")
    ap.add_argument("--no-freeze", action="store_true",
                    help="leave the startup objects to the garbage collector (the window before gc.freeze)")
    ap.add_argument("--profile", action="store_true",
                    help="print where the GUI thread was during each stall over 50 ms (stall_sampler.py)")
    args = ap.parse_args()
    from load_scenario import StallMeter
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QUOTEDESK_DATA_DIR"] = str(Path(tmp) / "data")
        from db import Project
        from desktop.main_window import MainWindow
        from desktop.settings import Settings

        if args.suggest:
            import random

            from synthetic_articles import article_text

            from db import NewArticle

            rng = random.Random(int(time.time()))
            with Project.open(args.project) as p:
                for i in range(args.suggest):
                    p.add_article(NewArticle(text=article_text(rng, i), title=f"Unsuggested {i}"))
        print(f"load average {os.getloadavg()[0]:.1f} (2 cores) at start; RSS before the window {rss_mb():.0f} MB")
        t = time.perf_counter()
        project = Project.open(args.project)
        settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(project, "bench", settings=settings, load_model=bool(args.suggest),
                            auto_suggest=bool(args.suggest), owns_project=True)
        suggest_started: list[float] = []  # when the background suggestion run started (perf_counter)
        window.runner.task_started.connect(
            lambda task: task.label == "Suggest claims" and suggest_started.append(time.perf_counter()))
        window.resize(1440, 900)
        window.show()
        app.processEvents()
        if not args.no_freeze:
            from desktop.launch import freeze_startup_objects

            freeze_startup_objects()  # as desktop.launch.run_app does once the window is up
        print(f"window open: {(time.perf_counter() - t) * 1000:.0f} ms (load {os.getloadavg()[0]:.1f})")
        while not window.article_list_current:  # the list's ids come from the reader thread
            app.processEvents()
            time.sleep(0.001)
        print(f"article list shown: {(time.perf_counter() - t) * 1000:.0f} ms after opening "
              f"(load {os.getloadavg()[0]:.1f})")
        panel = window.claims_panel
        table = panel.table
        meter = StallMeter()
        meter.start()
        sampler = None
        if args.profile:
            from stall_sampler import StallSampler

            sampler = StallSampler()
            sampler.start()

        def where() -> None:
            if sampler is not None:
                print(sampler.report(), flush=True)
                sampler.stalls.clear()
        while window.reader.tasks:  # the reads the window starts on opening (speakers, merge proposals)
            app.processEvents()
            time.sleep(0.001)
        print(f"the reader's opening reads done: {(time.perf_counter() - t) * 1000:.0f} ms after opening; longest "
              f"UI stall meanwhile {meter.max_ms} ms (load {os.getloadavg()[0]:.1f})")
        where()
        meter.gaps_ms.clear()
        complete = []
        panel.loaded.connect(lambda: complete.append(time.perf_counter()))
        t = time.perf_counter()
        window.act_show_claims()
        while table.model().rowCount() == 0:
            app.processEvents()
            time.sleep(0.001)
        table.viewport().repaint()
        first = (time.perf_counter() - t) * 1000
        rows = table.model().rowCount()
        print(f"All claims: first rows of {rows} after {first:.0f} ms (goal <= 300; load {os.getloadavg()[0]:.1f})")
        while not complete:  # the rest of the ids, read in the background; the table scrolls over all of them
            app.processEvents()
            time.sleep(0.001)
        print(f"All claims: all {table.model().rowCount()} ids after {(complete[0] - t) * 1000:.0f} ms; longest UI "
              f"stall meanwhile {meter.max_ms} ms (load {os.getloadavg()[0]:.1f})")
        where()
        meter.gaps_ms.clear()
        t = time.perf_counter()
        bar = table.verticalScrollBar()
        jumps = []
        for i in range(args.pages + 1):
            j = time.perf_counter()
            bar.setValue(bar.maximum() * i // args.pages)
            table.viewport().repaint()
            app.processEvents()
            jumps.append((time.perf_counter() - j) * 1000)
        jumps.sort()
        print(f"scrolled the whole table in {args.pages} jumps: {time.perf_counter() - t:.1f} s; a jump (read + paint) "
              f"median {jumps[len(jumps) // 2]:.0f} ms, slowest {', '.join(f'{x:.0f}' for x in jumps[-3:])} ms; "
              f"longest UI stall {meter.max_ms} ms (goal <= 100), p99 {meter.percentile(0.99)} ms, "
              f"{meter.over(100)} over 100 ms (load {os.getloadavg()[0]:.1f})")
        if suggest_started:
            print(f"  (the suggestion run started {suggest_started[0] - t:+.1f} s from the scroll's start: "
                  "part of the scroll ran beside it)")
        where()
        print(f"peak RSS with the claims table open and scrolled: {rss_mb():.0f} MB (goal <= 400)")
        meter.gaps_ms.clear()
        abar = window.article_table.verticalScrollBar()
        jumps = []
        for i in range(101):
            j = time.perf_counter()
            abar.setValue(abar.maximum() * i // 100)
            window.article_table.viewport().repaint()
            app.processEvents()
            jumps.append((time.perf_counter() - j) * 1000)
        jumps.sort()
        print(f"scrolled the article list in 100 jumps: a jump median {jumps[50]:.0f} ms, slowest "
              f"{', '.join(f'{x:.0f}' for x in jumps[-3:])} ms; longest UI stall {meter.max_ms} ms "
              f"(load {os.getloadavg()[0]:.1f})")
        where()
        meter.gaps_ms.clear()
        ended = []
        window.claims_reader.task_ended.connect(lambda task: task.label == "Load claims" and ended.append(task))
        complete.clear()
        t = time.perf_counter()
        panel.status.setCurrentIndex(panel.status.findData("confirmed"))
        while not ended:  # its first rows (or all of them, when they are few)
            app.processEvents()
            time.sleep(0.001)
        table.viewport().repaint()
        print(f"filter status=confirmed: first {table.model().rowCount()} rows after "
              f"{(time.perf_counter() - t) * 1000:.0f} ms (goal <= 100; longest UI stall {meter.max_ms} ms; "
              f"load {os.getloadavg()[0]:.1f})")
        while not complete:
            app.processEvents()
            time.sleep(0.001)
        print(f"filter status=confirmed: all {table.model().rowCount()} ids after {(complete[0] - t) * 1000:.0f} ms")
        where()
        if args.suggest:
            while not any(task.label == "Suggest claims" for task in window.runner.tasks):
                app.processEvents()
                time.sleep(0.005)
            meter.gaps_ms.clear()
            jumps, end, step = [], time.monotonic() + args.seconds, iter(range(10**9))
            loop, scroller = QEventLoop(), QTimer(interval=20)  # the event loop runs as in the app

            def jump() -> None:  # a person paging up and down, one page every 20 ms
                if time.monotonic() > end or not any(task.label == "Suggest claims" for task in window.runner.tasks):
                    loop.quit()
                    return
                j = time.perf_counter()
                bar.setValue(bar.maximum() * (next(step) % 41) // 40)
                table.viewport().repaint()
                jumps.append((time.perf_counter() - j) * 1000)

            scroller.timeout.connect(jump)
            scroller.start()
            loop.exec()
            scroller.stop()
            jumps.sort()
            widget = window.runner.progress_widget()
            print(f"while suggestions ran ({widget.label.text()}): {len(jumps)} scroll jumps, median "
                  f"{jumps[len(jumps) // 2]:.0f} ms, slowest {', '.join(f'{x:.0f}' for x in jumps[-3:])} ms; "
                  f"longest UI stall {meter.max_ms} ms (goal <= 100), p99 {meter.percentile(0.99)} ms, "
                  f"{meter.over(100)} over 100 ms (load {os.getloadavg()[0]:.1f})")
            where()
        meter.stop()
        print(f"peak RSS at the end: {rss_mb():.0f} MB (this process; the helper's spaCy is another)")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
