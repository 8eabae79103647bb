"""Background work: the one module of Quotedesk that starts threads.

``TaskRunner.start(label, fn, *args, on_done=, on_error=, on_progress=)`` runs
``fn(*args, progress=..., cancelled=...)`` on a worker thread. The job calls
``progress(done, total)`` (total may be None when unknown) and checks
``cancelled()`` between items; it never touches a widget (after Anki's
CollectionOp: never call UI routines from the background function). Results,
errors and progress come back to the GUI thread through queued signals, and
progress is throttled in the worker so a fast job cannot flood the event loop.

The spaCy pipeline itself runs in a helper process (app.engine_process),
which a job on this runner feeds and waits for.

A cancelled job is not an error: it either returns what it has done so far
(``on_done`` receives it, ``task.was_cancelled`` is True) or raises
``Cancelled`` (``on_done`` receives None).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QProgressBar, QPushButton, QWidget

PROGRESS_INTERVAL_S = 0.05
"""At most this often (20 a second) does a job's progress reach the GUI thread."""

SUMMARY_SECONDS = 8
"""How long the status-bar widget keeps a finished job's summary."""


class Cancelled(Exception):
    """Raised by a job that stops because it was cancelled; not shown as an error."""


def summary_text(label: str, result: Any, cancelled: bool) -> str:
    """One line for the status bar: the result's own ``message`` when it has one."""
    message = getattr(result, "message", None)
    if isinstance(message, str) and message:
        return f"{label}: {message}" + (" (cancelled)" if cancelled and "cancel" not in message else "")
    return f"{label}: cancelled." if cancelled else f"{label}: done."


class _Emitter(QObject):
    """Lives in the GUI thread; emitted from the worker, so every connection is queued."""

    progressed = Signal(int, object)
    finished = Signal(object)
    failed = Signal(object)


class Task(QObject):
    """One job started by a TaskRunner. Its signals and callbacks arrive in the GUI thread."""

    progressed = Signal(int, object)  # done, total (None when unknown)
    done = Signal(object)  # the result, after on_done
    failed = Signal(object)  # the exception, after on_error
    ended = Signal(object)  # this task, always, last

    def __init__(self, label: str, runner: TaskRunner, on_done=None, on_error=None, on_progress=None):
        super().__init__()  # no Qt parent: the runner holds it while it runs, the caller after
        self.label = label
        self._runner = runner
        self._open = runner._open  # cleared when the runner shuts down: its owner may be gone by then
        self._on_done, self._on_error, self._on_progress = on_done, on_error, on_progress
        self._cancel = threading.Event()
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

    # The slots below run in the GUI thread: the emitter's signals are queued to this object.
    def _owner_gone(self) -> bool:
        """The runner was shut down (its window closed): a late result reaches nobody. The window's
        widgets may be deleted already, so calling back into them could crash the process."""
        if self._open.is_set():
            return False
        self._stop()
        self._on_done = self._on_error = self._on_progress = None
        return True

    @Slot(int, object)
    def _progressed(self, done: int, total: int | None) -> None:
        if not self.running or self._owner_gone():
            return
        self.progress = (done, total)
        if self._on_progress is not None:
            self._on_progress(done, total)
        self.progressed.emit(done, total)

    @Slot(object)
    def _finished(self, result: Any) -> None:
        if self._owner_gone():
            return
        self._stop()
        self.result = result
        try:
            if self._on_done is not None:
                self._on_done(result)
        finally:
            self.done.emit(result)
            self._announce()

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        if self._owner_gone():
            return
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
        self.ended_at = time.monotonic()

    def _announce(self) -> None:
        self._on_done = self._on_error = self._on_progress = None
        self.ended.emit(self)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable, args: tuple, emitter: _Emitter, cancel: threading.Event):
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._args, self._emitter, self._cancel = fn, args, emitter, cancel
        self._last_emit = 0.0

    def _progress(self, done: int, total: int | None = None) -> None:
        now = time.monotonic()
        final = total is not None and done >= total
        if final or now - self._last_emit >= PROGRESS_INTERVAL_S:
            self._last_emit = now
            self._emitter.progressed.emit(int(done), total)

    def run(self) -> None:  # worker thread: no widgets here
        try:
            result = self._fn(*self._args, progress=self._progress, cancelled=self._cancel.is_set)
        except Cancelled:
            self._report(self._emitter.finished, None)
        except BaseException as exc:  # noqa: BLE001 - every failure is reported in the GUI thread
            self._report(self._emitter.failed, exc)
        else:
            self._report(self._emitter.finished, result)
        finally:
            self._fn = self._args = None

    @staticmethod
    def _report(signal, value) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the emitter is gone: the window closed (and the process is ending) meanwhile
            pass


class TaskRunner(QObject):
    """Starts jobs on a small thread pool and reports back in the GUI thread.

    ``parent_widget`` is where error dialogs appear when a job has no ``on_error``.
    """

    task_started = Signal(object)
    task_ended = Signal(object)

    def __init__(self, parent_widget: QWidget | None = None, *, max_threads: int = 2):
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._open = threading.Event()  # set while results may be delivered; shutdown() clears it
        self._open.set()
        self._tasks: dict[Task, _Emitter] = {}
        self._widget: TaskProgressWidget | None = None

    @property
    def tasks(self) -> list[Task]:
        """The jobs still running, oldest first."""
        return list(self._tasks)

    def start(self, label: str, fn: Callable, *args: Any, on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None,
              on_progress: Callable[[int, int | None], None] | None = None) -> Task:
        """Run ``fn(*args, progress=, cancelled=)`` off the GUI thread; the callbacks run in the GUI thread.

        Without ``on_error`` a failure is shown with ``desktop.errors.show_error``.
        """
        task = Task(label, self, on_done, on_error, on_progress)
        emitter = _Emitter()  # made in the GUI thread; emitted from the worker
        queued = Qt.ConnectionType.QueuedConnection
        emitter.progressed.connect(task._progressed, queued)
        emitter.finished.connect(task._finished, queued)
        emitter.failed.connect(task._failed, queued)
        task.ended.connect(self._ended)
        self._tasks[task] = emitter
        self.task_started.emit(task)
        self._pool.start(_Runnable(fn, args, emitter, task._cancel))
        return task

    def _ended(self, task: Task) -> None:
        self._tasks.pop(task, None)
        self.task_ended.emit(task)

    def cancel_all(self) -> None:
        for task in self._tasks:
            task.cancel()

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the worker threads are idle; the results still arrive through the event loop."""
        return self._pool.waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel every job and wait for the threads to stop (when the window closes). Results still
        queued for the GUI thread are dropped, not handed to a window that is going away."""
        self._open.clear()
        self.cancel_all()
        return self.wait(timeout_ms)

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
