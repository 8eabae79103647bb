"""The real main window's longest event-loop stall while articles import and get suggestions.

    python3 benchmarks/bench_window_stall.py [ARTICLES]     (default 200)

Opens MainWindow offscreen on a temporary project, lets it load the language
model its own way (a helper process), then imports ARTICLES synthetic articles
through ``window.import_paths`` (suggestions follow automatically), while a
GUI-thread timer ticking every 5 ms records the gaps between its ticks and,
every 150 ms, the annotator "presses" J and A (next claim, accept) when the
shown article has claims. Prints the longest stall, p99, and how long it took.
Target: longest stall <= 100 ms.
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
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS = 100


def main() -> int:
    from load_scenario import StallMeter
    from synthetic_articles import write_articles
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["QUOTEDESK_DATA_DIR"] = str(tmp / "data")
        from db import Project
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
        done = []
        window.suggestions_done.connect(done.append)
        keys = {"accepted": 0}

        def annotate():
            if window.current_claim() is not None:
                window.act_next_suggestion()
                window.act_accept()
                keys["accepted"] += 1

        typing = QTimer()
        typing.setInterval(150)
        typing.timeout.connect(annotate)
        meter = StallMeter()
        meter.start()
        typing.start()
        t1 = time.monotonic()
        window.import_paths([str(tmp / "articles")])
        while not done:
            app.processEvents()
            time.sleep(0.002)
        seconds = time.monotonic() - t1
        typing.stop()
        meter.stop()
        info = project.info()
        window.close()
        print(f"{count} articles imported and suggested in {seconds:.1f} s; {info.claims} claims, "
              f"{keys['accepted']} accepted from the keyboard meanwhile")
        print(f"longest UI stall {meter.max_ms} ms (target <= {TARGET_MS} ms), p99 {meter.percentile(0.99)} ms, "
              f"{meter.over(50)} gaps over 50 ms")
        del paths
    return 0


if __name__ == "__main__":
    sys.exit(main())
