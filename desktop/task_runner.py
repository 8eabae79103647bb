"""Background work: the one module of Quotedesk that starts threads.

``TaskRunner.start(label, fn, *args, on_done=, on_error=, on_progress=)`` runs
``fn(*args, progress=..., cancelled=...)`` on a worker thread. The job calls
``progress(done, total)`` (total may be None when unknown) and checks
``cancelled()`` between items; it never touches a widget (after Anki's
CollectionOp: never call UI routines from the background function). Results,
errors and progress come back to the GUI thread through queued signals, and
progress is throttled in the worker so a fast job cannot flood the event loop.

Qt objects live and die in the GUI thread (Qt's rule: a QObject is used and destroyed only in the
thread it belongs to; breaking it crashed the process now and then). So a worker touches no QObject
but the runner's one messenger (``_Signals``, which it only emits, with plain integers), and it lets
go of what it ran before saying it ended: the job's function, its arguments (closures over windows,
bound methods of views), its result and its exception are dropped by the GUI thread (``_Job``).

The spaCy pipeline itself runs in a helper process (app.engine_process),
which a job on this runner feeds and waits for.

A cancelled job is not an error: it either returns what it has done so far
(``on_done`` receives it, ``task.was_cancelled`` is True) or raises
``Cancelled`` (``on_done`` receives None).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QProgressBar, QPushButton, QWidget

from app.thread_priority import lower_this_thread

PROGRESS_INTERVAL_S = 0.05
"""At most this often (20 a second) does a job's progress reach the GUI thread."""

SUMMARY_SECONDS = 8
"""How long the status-bar widget keeps a finished job's summary."""

READER_NICENESS = 5
"""The CPU priority (nice value) of a reader runner's threads (``TaskRunner(niceness=)``, Linux only): their
queries over the whole project (the claims table's 120,000 ids, re-read while a suggestion run stores)
give way to the GUI thread when both want one core (it gets about 75 % of it), and still go before the
helper's parsing (nice 10). Not more: the readers also bring what the person asked for (a new filter's
first rows, the article list), which must not crawl beside another busy program (at 10 the first rows
took 474 ms at load 10 with a test suite running in the same session)."""


class Cancelled(Exception):
    """Raised by a job that stops because it was cancelled; not shown as an error."""


def summary_text(label: str, result: Any, cancelled: bool) -> str:
    """One line for the status bar: the result's own ``message`` when it has one."""
    message = getattr(result, "message", None)
    if isinstance(message, str) and message:
        return f"{label}: {message}" + (" (cancelled)" if cancelled and "cancel" not in message else "")
    return f"{label}: cancelled." if cancelled else f"{label}: done."


class _Signals(QObject):
    """The runner's one messenger from its workers: a child of the runner, so it lives and dies in the
    GUI thread with it. Workers emit plain integers (the job's key, its counts): the job's result stays
    in its ``_Job`` until the GUI thread takes it, and no Python object travels in a queued event."""

    progressed = Signal(int, int, int)  # key, done, total (-1 when unknown)
    ended = Signal(int)  # key: the job's outcome is in its _Job


class _Job:
    """What a worker runs and hands back; shared by the worker and the GUI thread's Task.

    The worker never holds the last reference to what it was given (``fn`` and ``args``, often closures
    over windows or bound methods) nor to what it made (the result, an exception whose traceback holds
    the job's frames): it drops its own references before it says it ended, and the GUI thread drops
    the job's. So no Python wrapper of a Qt object is freed in a worker thread (destroying a QObject off
    its own thread crashed the process), whatever the job captured.
    """

    __slots__ = ("fn", "args", "cancel", "outcome")

    def __init__(self, fn: Callable, args: tuple):
        self.fn, self.args = fn, args
        self.cancel = threading.Event()
        self.outcome: tuple[bool, Any] | None = None  # (failed, result or exception), set by the worker


class _Progress:
    """The ``progress(done, total)`` a job calls (from any thread); throttled to PROGRESS_INTERVAL_S."""

    __slots__ = ("_signals", "_key", "_last")

    def __init__(self, signals: _Signals, key: int):
        self._signals, self._key, self._last = signals, key, 0.0

    def __call__(self, done: int, total: int | None = None) -> None:
        now = time.monotonic()
        final = total is not None and done >= total
        if final or now - self._last >= PROGRESS_INTERVAL_S:
            self._last = now
            try:
                self._signals.progressed.emit(self._key, int(done), -1 if total is None else int(total))
            except RuntimeError:  # the runner is gone (its window closed): nobody listens
                pass


class Task(QObject):
    """One job started by a TaskRunner. Made in the GUI thread and never seen by the worker: its signals
    and callbacks arrive in the GUI thread."""

    progressed = Signal(int, object)  # done, total (None when unknown)
    done = Signal(object)  # the result, after on_done
    failed = Signal(object)  # the exception, after on_error
    ended = Signal(object)  # this task, always, last

    def __init__(self, label: str, runner: TaskRunner, job: _Job, on_done=None, on_error=None, on_progress=None):
        super().__init__()  # no Qt parent: the runner holds it while it runs, the caller after
        self.label = label
        self._runner = runner
        self._job: _Job | None = job  # dropped here, in the GUI thread, when the job ends
        self._key = 0  # the runner's name for it
        self._cancel = job.cancel
        self._on_done, self._on_error, self._on_progress = on_done, on_error, on_progress
        self.running = True
        self.result: Any = None
        self.error: BaseException | None = None
        self.progress: tuple[int, int | None] = (0, None)
        self.started_at = time.monotonic()
        self.ended_at: float | None = None

    def cancel(self) -> None:
        """Ask the job to stop at its next check; it ends soon after, not at once."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def was_cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def seconds(self) -> float:
        """How long the job ran (so far, while it runs)."""
        return (self.ended_at or time.monotonic()) - self.started_at

    # Called by the runner, in the GUI thread.
    def _drop(self) -> None:
        """The runner was shut down (its window closed): a late result reaches nobody. The window's
        widgets may be deleted already, so calling back into them could crash the process."""
        self._stop()
        self._on_done = self._on_error = self._on_progress = None

    def _progressed(self, done: int, total: int | None) -> None:
        if not self.running:
            return
        self.progress = (done, total)
        if self._on_progress is not None:
            self._on_progress(done, total)
        self.progressed.emit(done, total)

    def _finished(self, result: Any) -> None:
        self._stop()
        self.result = result
        try:
            if self._on_done is not None:
                self._on_done(result)
        finally:
            self.done.emit(result)
            self._announce()

    def _failed(self, exc: BaseException) -> None:
        self._stop()
        self.error = exc
        try:
            if self._on_error is not None:
                self._on_error(exc)
            else:
                from desktop.errors import show_error

                show_error(self._runner.parent_widget, exc, context=self.label)
        finally:
            self.failed.emit(exc)
            self._announce()

    def _stop(self) -> None:
        self.running = False
        self._job = None
        if self.ended_at is None:
            self.ended_at = time.monotonic()

    def _announce(self) -> None:
        self._on_done = self._on_error = self._on_progress = None
        self.ended.emit(self)


class _Runnable(QRunnable):
    """Runs one job on a pool thread. Holds the job only until it starts, then a local reference that
    is dropped before the GUI thread hears of the end (see ``_Job``); deleted by the pool afterwards."""

    def __init__(self, job: _Job, key: int, signals: _Signals, niceness: int = 0):
        super().__init__()
        self.setAutoDelete(True)
        self._job: _Job | None = job
        self._key, self._signals, self._niceness = key, signals, niceness

    def run(self) -> None:  # worker thread: no widgets here
        if self._niceness:  # the pool's threads run only this runner's jobs
            lower_this_thread(os.getpriority(os.PRIO_PROCESS, os.getpid()) + self._niceness)
        job, self._job = self._job, None
        try:
            job.outcome = (False, job.fn(*job.args, progress=_Progress(self._signals, self._key),
                                         cancelled=job.cancel.is_set))
        except Cancelled:
            job.outcome = (False, None)
        except BaseException as exc:  # noqa: BLE001 - every failure is reported in the GUI thread
            job.outcome = (True, exc)
        job = None  # noqa: F841 - the GUI thread's Task holds the last reference now
        try:
            self._signals.ended.emit(self._key)
        except RuntimeError:  # the runner is gone: the window closed (and the process is ending) meanwhile
            pass


class TaskRunner(QObject):
    """Starts jobs on a small thread pool and reports back in the GUI thread.

    ``parent_widget`` is where error dialogs appear when a job has no ``on_error``. ``niceness``: the
    threads run at a lower CPU priority than the GUI thread (``READER_NICENESS`` for quiet reads).
    """

    task_started = Signal(object)
    task_ended = Signal(object)

    def __init__(self, parent_widget: QWidget | None = None, *, max_threads: int = 2, niceness: int = 0):
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self._niceness = niceness
        self._pool = QThreadPool(self)  # made first, so destroyed (waiting for its threads) first
        self._pool.setMaxThreadCount(max_threads)
        self._signals = _Signals(self)
        queued = Qt.ConnectionType.QueuedConnection
        self._signals.progressed.connect(self._deliver_progress, queued)
        self._signals.ended.connect(self._deliver_end, queued)
        self._open = True  # results are delivered; shutdown() clears it
        self._next_key = 0
        self._running: dict[int, Task] = {}
        self._widget: TaskProgressWidget | None = None

    @property
    def tasks(self) -> list[Task]:
        """The jobs still running, oldest first."""
        return [task for task in self._running.values() if task.running]

    def start(self, label: str, fn: Callable, *args: Any, on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None,
              on_progress: Callable[[int, int | None], None] | None = None) -> Task:
        """Run ``fn(*args, progress=, cancelled=)`` off the GUI thread; the callbacks run in the GUI thread.

        Without ``on_error`` a failure is shown with ``desktop.errors.show_error``.
        """
        job = _Job(fn, args)
        task = Task(label, self, job, on_done, on_error, on_progress)
        if not self._open:  # a window that is closing starts nothing
            task._drop()
            return task
        self._next_key += 1
        key = task._key = self._next_key
        task.ended.connect(self._ended)
        self._running[key] = task
        self.task_started.emit(task)
        self._pool.start(_Runnable(job, key, self._signals, self._niceness))
        return task

    @Slot(int, int, int)
    def _deliver_progress(self, key: int, done: int, total: int) -> None:
        task = self._running.get(key)
        if task is not None and self._open:
            task._progressed(done, None if total < 0 else total)

    @Slot(int)
    def _deliver_end(self, key: int) -> None:
        task = self._running.get(key)
        if task is None:
            return
        job = task._job
        failed, value = job.outcome if job is not None and job.outcome is not None else (False, None)
        del job
        if not self._open:
            self._running.pop(key, None)
            task._drop()  # the job, its result and its callbacks are let go here, in the GUI thread
        elif failed:
            task._failed(value)
        else:
            task._finished(value)

    def _ended(self, task: Task) -> None:
        self._running.pop(task._key, None)
        self.task_ended.emit(task)

    def cancel_all(self) -> None:
        for task in self._running.values():
            task.cancel()

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the worker threads are idle; the results still arrive through the event loop."""
        return self._pool.waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel every job and wait for the threads to stop (when the window closes). Results still
        queued for the GUI thread are dropped, not handed to a window that is going away."""
        self._open = False
        self.cancel_all()
        if not self.wait(timeout_ms):
            return False  # a job still runs: its task keeps the job until it ends (see _deliver_end)
        for task in self._running.values():  # every worker let go of its job: drop them here
            task._drop()
        self._running.clear()
        return True

    def progress_widget(self) -> TaskProgressWidget:
        """The compact status-bar widget that follows this runner's jobs (one per runner)."""
        if self._widget is None:
            self._widget = TaskProgressWidget(self, self.parent_widget)
        return self._widget


class TaskProgressWidget(QWidget):
    """Label, progress bar and Cancel button for the newest running job; a summary when it ends."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._task: Task | None = None
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName("Background task progress")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setAccessibleName("Cancel background task")
        self.cancel_button.setToolTip("Stop the running background task")
        self.cancel_button.clicked.connect(self._cancel_clicked)
        self.details_button = QPushButton("Details…", self)
        self.details_button.setAccessibleName("Show the finished task's details")
        self.details_button.clicked.connect(self._show_details)
        self._details = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.details_button)
        self._clear_timer = QTimer(self)
        self._clear_timer.setSingleShot(True)
        self._clear_timer.timeout.connect(self._clear)
        runner.task_started.connect(self._started)
        runner.task_ended.connect(self._ended)
        self._clear()

    @property
    def current(self) -> Task | None:
        return self._task

    def _started(self, task: Task) -> None:
        self._clear_timer.stop()
        self._follow(task)

    def _follow(self, task: Task) -> None:
        if self._task is not None:
            self._task.progressed.disconnect(self._progressed)
        self._task = task
        task.progressed.connect(self._progressed)
        self.label.setText(task.label + "…")
        self.label.setToolTip("")
        self.details_button.hide()
        self._progressed(*task.progress)
        self.bar.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(not task.is_cancelled())
        self.show()

    def _progressed(self, done: int, total: int | None) -> None:
        if total is None:
            self.bar.setRange(0, 0)  # busy indicator
        else:
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(min(done, max(total, 1)))
            self.bar.setToolTip(f"{done} of {total}")
        if self._task is not None and not self._task.is_cancelled():  # the count in words, beside the bar
            self.label.setText(self._task.label + "…" + (f" {done:,} of {total:,}" if total else ""))

    def _ended(self, task: Task) -> None:
        if task is not self._task:
            return
        task.progressed.disconnect(self._progressed)
        self._task = None
        others = self._runner.tasks
        if others:
            self._follow(others[-1])
            return
        if task.error is not None:
            text = f"{task.label}: failed."
        else:
            text = summary_text(task.label, task.result, task.was_cancelled)
        self.label.setText(text)
        self.label.setToolTip(text)
        details = getattr(task.result, "details", None)
        self._details = details if isinstance(details, str) else ""
        self.details_button.setVisible(bool(self._details))
        self.bar.hide()
        self.cancel_button.hide()
        if not self._details:  # a summary with problems in it stays until the next job
            self._clear_timer.start(SUMMARY_SECONDS * 1000)

    def _show_details(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "Quotedesk", self.label.text(),
                          QMessageBox.StandardButton.Close, self.window())
        box.setDetailedText(self._details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.details_dialog = box

    def _cancel_clicked(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self._task.label + ": cancelling…")

    def _clear(self) -> None:
        self._details = ""
        self.details_button.hide()
        self.label.clear()
        self.label.setToolTip("")
        self.bar.hide()
        self.cancel_button.hide()
