"""The responsiveness scenario of benchmarks/bench_ui_stall.py (and of a structure test).

A QTimer ticks every few milliseconds on the GUI thread and records the longest
gap between ticks (the longest time the event loop could not run) while
articles are imported and then given suggestions by the real pipeline through
the TaskRunner. Meanwhile the GUI uses the project as the window does: it
re-reads the article list when progress is reported (at most as often as
the window does) and now and then confirms a
suggestion (a write while the helper is writing too).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, QTimer

from app.jobs import import_job, suggest_job
from app.suggesting import engine_for
from db import ClaimFilter, Project
from desktop.main_window import LIST_REFRESH_MS
from desktop.task_runner import TaskRunner

TICK_MS = 5
ANNOTATOR_MS = 3000  # how often the simulated annotator accepts a suggestion


class StallMeter:
    """Records the gaps between ticks of a GUI-thread timer."""

    def __init__(self, tick_ms: int = TICK_MS):
        self._timer = QTimer()
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()
        self._last = 0
        self.gaps_ms: list[int] = []
        self.slow: list[tuple[int, int]] = []  # (ms since start, gap) of gaps over 50 ms

    def start(self) -> None:
        self._clock.start()
        self._last = 0
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = self._clock.elapsed()
        self.gaps_ms.append(now - self._last)
        if now - self._last > 50:
            self.slow.append((self._last, now - self._last))
        self._last = now

    @property
    def max_ms(self) -> int:
        return max(self.gaps_ms, default=0)

    def over(self, ms: int) -> int:
        return sum(g > ms for g in self.gaps_ms)

    def percentile(self, p: float) -> int:
        ordered = sorted(self.gaps_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * p))] if ordered else 0


@dataclass
class ScenarioResult:
    articles: int
    claims: int
    import_s: float
    suggest_s: float
    meter: StallMeter
    gui_reads_ms: list[float]  # the article list's part on the GUI thread (its ids are read on a reader)
    gui_writes_ms: list[float] = field(default_factory=list)  # an annotator confirming claims meanwhile

    @property
    def seconds(self) -> float:
        return self.import_s + self.suggest_s


def run_scenario(project: Project, model, folder: Path, *, timeout_s: float = 900) -> ScenarioResult:
    """Import every file in ``folder``, then suggest claims for the new articles, in the background.

    ``model`` is what the window has once the pipeline is loaded: a started
    ProcessEngine (the default) or an in-process spaCy pipeline (for comparison).
    """
    runner = TaskRunner()
    meter = StallMeter()
    state = {"reads": [], "import": None, "suggest": None, "errors": [], "writes": []}
    engine = engine_for(project, model)

    last_refresh = [0.0]

    reader = TaskRunner(max_threads=1)

    def refresh(_done, _total):  # as the window on progress: re-read the article list, at most so often
        if time.monotonic() - last_refresh[0] < LIST_REFRESH_MS / 1000:
            return
        last_refresh[0] = time.monotonic()
        reader.start("Read articles", lambda *, progress, cancelled: project.article_list_ids(),  # as the window
                     on_done=shown)

    def shown(ids):  # the GUI thread's part: the counts of the rows shown
        t = time.perf_counter()
        project.articles(ids=ids[:100])
        state["reads"].append((time.perf_counter() - t) * 1000)

    annotator = QTimer()
    annotator.setInterval(ANNOTATOR_MS)
    turn = iter(range(10**9))

    def annotate():  # open an article that has suggestions and accept its first one
        ids = state["import"][0].imported
        aid = ids[next(turn) % len(ids)]  # in import order, as suggestions arrive
        pending = project.claims(ClaimFilter(article_id=aid, statuses=("suggested",)))
        if pending:
            t = time.perf_counter()
            project.confirm_claim(pending[0].id, annotator="ana")
            state["writes"].append((time.perf_counter() - t) * 1000)

    annotator.timeout.connect(annotate)

    def imported(report):
        state["import"] = (report, time.monotonic())
        if report.imported:
            annotator.start()
        runner.start("Suggest claims", suggest_job, project, engine, report.imported, False,
                     on_progress=refresh, on_done=suggested, on_error=failed)

    loop = QEventLoop()

    def suggested(summary):
        state["suggest"] = (summary, time.monotonic())
        loop.quit()

    def failed(exc):
        state["errors"].append(exc)
        loop.quit()

    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    meter.start()
    t0 = time.monotonic()
    runner.start("Import articles", import_job, project, [folder], on_progress=refresh, on_done=imported,
                 on_error=failed)
    loop.exec()
    meter.stop()
    annotator.stop()
    runner.shutdown()
    reader.shutdown()
    QCoreApplication.processEvents()
    if state["errors"]:
        raise state["errors"][0]
    if state["suggest"] is None:
        raise TimeoutError(f"import and suggestions did not finish in {timeout_s:.0f} s")
    report, t_import = state["import"]
    summary, t_suggest = state["suggest"]
    return ScenarioResult(articles=len(report.imported), claims=summary.claims, import_s=t_import - t0,
                          suggest_s=t_suggest - t_import, meter=meter, gui_reads_ms=state["reads"],
                          gui_writes_ms=state["writes"])
