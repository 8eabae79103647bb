"""The task runner: jobs run off the GUI thread, report back in it, cancel quietly, fail visibly."""

from __future__ import annotations

import os
import sys
import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from db import NotFoundError
from desktop import errors
from desktop.task_runner import PROGRESS_INTERVAL_S, READER_NICENESS, Cancelled, TaskRunner


@pytest.fixture
def window(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def runner(window):
    r = TaskRunner(window)
    yield r
    r.shutdown()


@pytest.fixture(autouse=True)
def _close_error_dialogs():
    yield
    for d in errors.open_dialogs():
        d.close()


def _run(qtbot, runner, *args, timeout=10_000, **kwargs):
    task = runner.start(*args, **kwargs)
    with qtbot.waitSignal(task.ended, timeout=timeout):
        pass
    return task


def test_job_runs_off_the_gui_thread_and_on_done_runs_in_it(qtbot, runner):
    seen = {}

    def job(x, *, progress, cancelled):
        seen["job_thread"] = threading.current_thread()
        return x * 2

    def done(result):
        seen["done_thread"] = threading.current_thread()
        seen["result"] = result

    task = _run(qtbot, runner, "Double", job, 21, on_done=done)
    assert seen["result"] == 42 == task.result
    assert seen["job_thread"] is not threading.main_thread()
    assert seen["done_thread"] is threading.main_thread()
    assert not task.running and task.error is None and runner.tasks == []


def test_fast_progress_is_throttled_but_the_last_step_arrives(qtbot, runner):
    calls = []

    def job(*, progress, cancelled):
        start = time.monotonic()
        n = 200_000
        for i in range(1, n + 1):
            progress(i, n)
        return time.monotonic() - start

    task = _run(qtbot, runner, "Count", job, on_progress=lambda d, t: calls.append((d, t)))
    ran_for = task.result
    assert calls[-1] == (200_000, 200_000)
    # no more than one report per interval (plus the first and the last), far fewer than 200,000
    assert len(calls) <= ran_for / PROGRESS_INTERVAL_S + 2
    assert all(threading.current_thread() is threading.main_thread() for _ in calls)


def test_cancelled_job_is_not_an_error_and_returns_what_it_did(qtbot, runner):
    started = threading.Event()
    errors_seen = []

    def job(*, progress, cancelled):
        done = 0
        started.set()
        while not cancelled():
            done += 1
            time.sleep(0.001)
        return done

    task = runner.start("Loop", job, on_error=errors_seen.append)
    assert started.wait(5)
    task.cancel()
    with qtbot.waitSignal(task.ended, timeout=5000):
        pass
    assert task.was_cancelled and task.error is None and errors_seen == []
    assert task.result > 0


def test_job_raising_cancelled_ends_quietly_with_no_result(qtbot, runner):
    def job(*, progress, cancelled):
        raise Cancelled()

    task = _run(qtbot, runner, "Stop", job, on_error=lambda e: pytest.fail(f"reported {e!r}"))
    assert task.result is None and task.error is None


def test_failure_goes_to_on_error_in_the_gui_thread(qtbot, runner):
    got = []

    def job(*, progress, cancelled):
        raise ValueError("boom")

    task = _run(qtbot, runner, "Fail", job, on_error=lambda e: got.append((e, threading.current_thread())))
    exc, thread = got[0]
    assert isinstance(exc, ValueError) and thread is threading.main_thread()
    assert exc.__traceback__ is not None and task.error is exc


def test_failure_without_on_error_shows_our_message(qtbot, runner, window):
    def job(*, progress, cancelled):
        raise NotFoundError("There is no article 7 in this project.")

    _run(qtbot, runner, "Open article", job)
    shown = errors.open_dialogs()
    assert len(shown) == 1 and isinstance(shown[0], QMessageBox)
    assert shown[0].text() == "There is no article 7 in this project."
    assert shown[0].parent() is window


def test_progress_widget_follows_a_job_and_shows_its_summary(qtbot, runner, window):
    widget = runner.progress_widget()
    window.show()
    release = threading.Event()

    class Summary:
        message = "3 articles imported, 1 could not be read."
        details = "broken.html: no article text found."

    def job(*, progress, cancelled):
        progress(1, 4)
        release.wait(5)
        return Summary()

    task = runner.start("Import articles", job)
    qtbot.waitUntil(lambda: widget.bar.value() == 1)
    assert widget.label.text() == "Import articles… 1 of 4"
    assert widget.bar.isVisible() and widget.cancel_button.isVisible() and widget.bar.maximum() == 4
    release.set()
    with qtbot.waitSignal(task.ended, timeout=5000):
        pass
    assert widget.label.text() == "Import articles: 3 articles imported, 1 could not be read."
    assert not widget.bar.isVisible() and not widget.cancel_button.isVisible()
    assert widget.details_button.isVisible()


def test_cancel_button_cancels_the_running_job(qtbot, runner, window):
    widget = runner.progress_widget()
    window.show()
    started = threading.Event()

    def job(*, progress, cancelled):
        progress(0, None)
        started.set()
        while not cancelled():
            time.sleep(0.005)
        return None

    task = runner.start("Suggest claims", job)
    assert started.wait(5)
    qtbot.waitUntil(lambda: widget.bar.maximum() == 0)  # unknown total: a busy bar
    with qtbot.waitSignal(task.ended, timeout=5000):
        widget.cancel_button.click()
    assert task.was_cancelled and task.error is None
    assert widget.label.text() == "Suggest claims: cancelled."


def test_shutdown_cancels_and_waits_for_running_jobs(qtbot, window):
    runner = TaskRunner(window)
    stopped = threading.Event()

    def job(*, progress, cancelled):
        while not cancelled():
            time.sleep(0.005)
        stopped.set()

    runner.start("Endless", job)
    assert runner.shutdown(5000)
    assert stopped.is_set()


def test_a_result_still_queued_when_the_window_closes_reaches_nobody(qtbot, window):
    """A job that ends just as its window closes: its result waits in the GUI thread's queue, and the
    window's widgets may be deleted before it is delivered. Calling back into them could crash the
    process, so a shut-down runner drops what is still queued."""
    runner = TaskRunner(window)
    delivered: list = []
    finished = threading.Event()

    def job(*, progress, cancelled):
        finished.set()
        return "late"

    task = runner.start("Ends as the window closes", job, on_done=delivered.append,
                        on_error=delivered.append)
    assert finished.wait(5)
    runner.wait(5000)  # the worker is done; its result is queued, not yet delivered
    runner.shutdown(5000)
    qtbot.wait(50)  # the event loop runs: the queued result arrives
    assert delivered == []
    assert not task.running


class _Held:
    """Records the thread that frees it: stands in for a window or view a job's closure captures."""

    def __init__(self, freed: list):
        self._freed = freed

    def __del__(self):
        self._freed.append(threading.current_thread())


def test_what_a_job_captured_made_or_raised_is_freed_in_the_gui_thread(qtbot, runner):
    """A job's closure often captures a view (a bound method, ``self``); when the caller keeps nothing,
    whoever drops the last reference frees it, and a Qt object freed in a worker thread is destroyed
    off its thread, which crashes the process now and then. The worker lets go first, every time."""
    freed: list = []
    outcomes: list = []
    rounds = 20
    for n in range(rounds):
        held = _Held(freed)

        def job(*, progress, cancelled, held=held, fails=n % 2 == 1):
            made = _Held(freed)  # the result, or a local the failure's traceback keeps
            if fails:
                raise ValueError("boom")
            return made

        runner.start("Hold", job, on_done=lambda _r: outcomes.append("done"),
                     on_error=lambda _e: outcomes.append("failed"))
        del held, job  # the caller keeps nothing: the runner and its worker hold the last references
    qtbot.waitUntil(lambda: len(freed) == 2 * rounds, timeout=10_000)
    assert outcomes.count("done") == outcomes.count("failed") == rounds // 2
    assert all(thread is threading.main_thread() for thread in freed), \
        [thread.name for thread in freed if thread is not threading.main_thread()]


def test_tasks_are_destroyed_in_the_gui_thread(qtbot, runner):
    destroyed: list = []
    for _ in range(30):
        task = runner.start("Quick", lambda *, progress, cancelled: progress(1, 1))
        task.destroyed.connect(lambda *_: destroyed.append(threading.current_thread()),
                               Qt.ConnectionType.DirectConnection)
        del task
    qtbot.waitUntil(lambda: len(destroyed) == 30, timeout=10_000)
    assert set(destroyed) == {threading.main_thread()}


def test_a_shut_down_runner_starts_nothing_and_drops_what_it_held(qtbot, window):
    runner = TaskRunner(window)
    freed: list = []
    held = _Held(freed)
    ran = threading.Event()
    runner.start("Runs", lambda *, progress, cancelled, held=held: ran.set())
    del held
    assert runner.shutdown(5000) and ran.is_set()
    assert freed == [threading.main_thread()]  # dropped by shutdown, in the GUI thread
    task = runner.start("Too late", lambda *, progress, cancelled: pytest.fail("ran after shutdown"))
    qtbot.wait(50)
    assert not task.running and runner.tasks == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's own nice value is a Linux feature")
def test_a_reader_runners_jobs_give_the_cpu_way_to_the_gui_thread(qtbot, window):
    """The window's readers (``niceness=READER_NICENESS``) run their queries at a lower CPU priority than
    the GUI thread, which keeps its own; a plain runner's jobs keep the process's priority."""
    def priority(*, progress, cancelled):
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    process = os.getpriority(os.PRIO_PROCESS, os.getpid())
    reader, plain = TaskRunner(window, max_threads=1, niceness=READER_NICENESS), TaskRunner(window)
    try:
        for runner, expected in ((reader, min(19, process + READER_NICENESS)), (plain, process),
                                 (reader, min(19, process + READER_NICENESS))):
            got = []
            with qtbot.waitSignal(runner.task_ended, timeout=10_000):
                runner.start("Read", priority, on_done=got.append)
            assert got == [expected]
    finally:
        reader.shutdown()
        plain.shutdown()
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == process
