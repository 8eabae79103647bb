"""The real main window's longest event-loop stall while articles import and get suggestions.

    python3 benchmarks/bench_window_stall.py [ARTICLES] [--profile]     (default 200)

Opens MainWindow offscreen on a temporary project, lets it load the language
model its own way (a helper process), then imports ARTICLES synthetic articles
through ``window.import_paths`` (suggestions follow automatically), while a
GUI-thread timer ticking every 5 ms records the gaps between its ticks and,
every 150 ms, the annotator "presses" J and A (next suggestion, accept; when the shown article has
none left, opens the first one that has). Prints the longest stall, p99, how long it took, and how long each accept
took on the GUI thread (a write, which waits when the helper process holds SQLite's write lock).
``--profile`` prints, for each stall over 50 ms, where the GUI thread and the process's other busy
threads were (benchmarks/stall_sampler.py). Target: longest stall <= 100 ms.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "desktop"))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS = 100


def main() -> int:
    from load_scenario import StallMeter
    from synthetic_articles import write_articles
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    args = [a for a in sys.argv[1:] if a != "--profile"]
    count = int(args[0]) if args else 200
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["QUOTEDESK_DATA_DIR"] = str(tmp / "data")
        from db import ClaimFilter, Project
        from desktop.main_window import MainWindow
        from desktop.settings import Settings

        paths = write_articles(tmp / "articles", count)
        project = Project.open(tmp / "bench.quotedesk")
        settings = Settings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(project, "bench", settings=settings, owns_project=True)
        window.show()
        t0 = time.monotonic()
        while window.nlp is None:
            app.processEvents()
            time.sleep(0.01)
        print(f"model ready after {time.monotonic() - t0:.1f} s (window usable meanwhile)")
        from desktop.launch import collect_on_the_gui_thread, freeze_startup_objects

        freeze_startup_objects()  # the garbage-collection regime desktop.launch.run_app gives the window
        collect_on_the_gui_thread(window)
        done = []
        window.suggestions_done.connect(done.append)
        accepts: list[float] = []  # ms each A took on the GUI thread (a write: SQLite's lock may be the helper's)

        def annotate():  # as a fact-checker: J to a suggestion, A to accept it; the next article when done
            claim = window.current_claim()
            if claim is None or claim.status != "suggested":
                window.act_next_suggestion()
                claim = window.current_claim()
            if claim is not None and claim.status == "suggested":
                t = time.perf_counter()
                window.act_accept()
                accepts.append((time.perf_counter() - t) * 1000)
            else:  # this article is done or not suggested yet: on to the first one with suggestions waiting
                pending = project.claim_ids(ClaimFilter(statuses=("suggested",), limit=1))
                if pending:
                    window.open_claim(pending[0])

        typing = QTimer()
        typing.setInterval(150)
        typing.timeout.connect(annotate)
        meter = StallMeter()
        meter.start()
        sampler = None
        if "--profile" in sys.argv[1:]:
            from stall_sampler import StallSampler

            sampler = StallSampler()
            sampler.start()
        typing.start()
        t1 = time.monotonic()
        window.import_paths([str(tmp / "articles")])
        while not done:
            app.processEvents()
            time.sleep(0.002)
        seconds = time.monotonic() - t1
        typing.stop()
        meter.stop()
        if sampler is not None:
            sampler.stop()
        info = project.info()
        window.close()
        print(f"{count} articles imported and suggested in {seconds:.1f} s; {info.claims} claims, "
              f"{len(accepts)} accepted from the keyboard meanwhile (load {os.getloadavg()[0]:.1f})")
        accepts.sort()
        if accepts:
            print(f"an accept (A) on the GUI thread, its write included: median {accepts[len(accepts) // 2]:.1f} ms, "
                  f"longest {accepts[-1]:.1f} ms")
        print(f"longest UI stall {meter.max_ms} ms (target <= {TARGET_MS} ms), p99 {meter.percentile(0.99)} ms, "
              f"{meter.over(50)} gaps over 50 ms (load {os.getloadavg()[0]:.1f})")
        if sampler is not None:
            print(sampler.report())
        del paths
    return 0


if __name__ == "__main__":
    sys.exit(main())
