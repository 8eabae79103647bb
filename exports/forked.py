"""A second process for an export's per-article work, so that an export uses a second core.

The training exports spend most of their time tokenizing and serialising articles, one after the other,
on one core. ``Helper`` forks this process once spaCy is loaded (the child shares its pages, copy on
write, so it costs little memory), sends it units of work through a pipe and receives their results;
``in_order`` gives every unit's result in the order of the units, the helper taking units while it
has room for them and this process doing the others meanwhile. Nothing of the output depends on which
process did a unit: the file is the same bytes.

Only on Linux (where a fork is how processes start; elsewhere a process that has loaded system
frameworks must not fork) and with at least two cores this process may run on (``cores``): a
one-core machine exports in one process, as before. The command line asks for it; the window, whose
process has Qt's threads, does not. A helper that fails or dies is an ExportError
that says so; neither process waits for the other for ever.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import os
import queue
import signal
import sys
import threading
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .common import ExportError

log = logging.getLogger(__name__)


def cores() -> int:
    """How many cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # (not Linux)
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether an export may start a helper here: Linux, two cores or more for this process, and no other
    way of starting processes chosen for the program (``multiprocessing.set_start_method``: the way
    macOS and Windows start them, to test that nothing relies on a fork, runs the exports in one process)."""
    return (sys.platform == "linux" and cores() >= 2
            and multiprocessing.get_start_method(allow_none=True) in (None, "fork"))


_STOP = None
_THERE = object()  # a unit the helper has, in ``in_order``'s queue


class HelperFailed(ExportError):
    """The helper process failed or died; nothing of the export was kept."""


class Helper:
    """A child process, forked from this one, that runs ``work(unit)`` on each unit ``send`` gives it;
    ``receive`` returns the results in the order the units were sent. At most ``DEPTH`` units are at
    the helper at once (``has_room``).

    The child is forked when it is first asked ``has_room``: make what the work needs (spaCy's tokenizer) before, and
    the child starts with it; the reads that made the first unit are done too, and their memory is
    shared rather than copied. A fork copies only the thread that forks: the child runs nothing but
    ``work`` (and a thread of its own that receives units). The objects this process has when it
    forks are frozen out of the garbage collector's passes in both processes until ``close`` (a pass
    writes to every object it visits, and each page written is copied: the child would soon hold a
    copy of most of the parent's memory). If the fork fails (no memory, a limit on processes), the
    helper never has room: this process does every unit, as with no helper. Use it as a context
    manager: leaving the block stops the child, whatever happened."""

    DEPTH = 3

    def __init__(self, work: Callable[[Any], Any], *, name: str = "export helper"):
        self._work, self._name = work, name
        self._process = None  # forked at the first ``has_room``
        self._unable = False  # the fork failed
        self.outstanding = 0
        self._closed = False

    def _start(self) -> None:
        context = multiprocessing.get_context("fork")
        self._conn, theirs = context.Pipe()
        self._thaw = gc.get_freeze_count() == 0  # (objects someone else froze stay frozen)
        gc.freeze()
        try:
            self._process = context.Process(target=_serve, args=(theirs, self._work), name=self._name, daemon=True)
            self._process.start()
        except BaseException:
            self._process = None
            self._unfreeze()
            self._conn.close()
            raise
        finally:
            theirs.close()  # (the child's end: with it closed here, the child's death ends a wait for it)

    def has_room(self) -> bool:
        if self._process is None and not self._unable:
            try:
                self._start()
            except OSError as exc:
                log.warning("The export goes on in one process: a second one could not be started (%s).", exc)
                self._unable = True
        return not self._unable and self.outstanding < self.DEPTH

    def send(self, unit) -> None:
        try:
            self._conn.send(unit)
        except OSError as exc:  # (the child has gone: its end is closed)
            raise self._failure(exc) from None
        self.outstanding += 1

    def ready(self) -> bool:
        """Whether the next result (or news of a failure) has arrived."""
        return self._conn.poll()

    def receive(self):
        """The next unit's result, waiting for it; HelperFailed if the helper failed or died."""
        try:
            ok, value = self._conn.recv()
        except (EOFError, OSError) as exc:
            raise self._failure(exc) from None
        self.outstanding -= 1
        if not ok:
            name, text, details = value
            log.info("The export's helper process failed:\n%s", details)
            if name == "MemoryError":
                raise HelperFailed("The export ran out of memory (in its second process). Nothing was written; "
                                   "close other programs or export fewer claims at a time.")
            raise HelperFailed(f"The export's second process failed ({name}: {text}). Nothing was written. "
                               "This is a bug in Quotedesk; please report it.")
        return value

    def _failure(self, exc: BaseException) -> HelperFailed:
        self._process.join(5)
        code = self._process.exitcode
        how = (f"was killed (signal {-code})" if code is not None and code < 0 else
               f"ended (exit status {code})" if code is not None else f"stopped answering ({exc!r})")
        return HelperFailed(f"The export's second process {how}. Nothing was written. "
                            + ("It may have run out of memory; close other programs and try again."
                               if code == -9 else "Try again."))  # (SIGKILL: what the out-of-memory killer sends)

    def close(self) -> None:
        """Stop the child (at once, if it is still working) and wait for it."""
        if self._closed or self._process is None:
            return
        self._closed = True
        try:
            with contextlib.suppress(OSError):
                if self.outstanding:  # (work it is doing is not wanted: don't wait for it)
                    self._process.terminate()
                else:
                    self._conn.send(_STOP)
            self._process.join(5)
            if self._process.exitcode is None:
                self._process.kill()
                self._process.join()
        finally:
            self._conn.close()
            self._process.close()
            self._unfreeze()

    def _unfreeze(self) -> None:
        if self._thaw:
            gc.unfreeze()

    def __enter__(self) -> Helper:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _serve(conn, work: Callable[[Any], Any]) -> None:
    """The helper's loop (in the child): units in, results out, until told to stop or the parent goes.

    A thread receives the units as they come, so the parent never waits to send one while this process
    waits to send it a result. Ctrl+C is the parent's to handle: it stops the child when it stops."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    units: queue.SimpleQueue = queue.SimpleQueue()

    def receive() -> None:
        while True:
            try:
                unit = conn.recv()
            except (EOFError, OSError):  # the parent has gone
                unit = _STOP
            units.put(unit)
            if unit is _STOP:
                return

    threading.Thread(target=receive, name="export helper input", daemon=True).start()
    while (unit := units.get()) is not _STOP:
        try:
            result = (True, work(unit))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, which says what failed
            result = (False, (type(exc).__name__, str(exc), traceback.format_exc()))
        try:
            conn.send(result)
        except OSError:  # the parent has gone
            return
        if not result[0]:
            return


def in_order(units: Iterable, here: Callable[[Any], Any], helper: Helper | None, *,
             may_go: Callable[[Any], bool] = lambda unit: True, pack: Callable[[Any], Any] = lambda unit: unit,
             most: int = 8) -> Iterator:
    """Each unit's result, in the order of ``units``: ``here(unit)`` in this process, or from the helper,
    which is given every unit it has room for (and ``may_go`` allows), as ``pack(unit)``, while this
    process does the others.
    At most ``most`` results done here wait for an earlier one of the helper's. Without a helper, every
    unit is done here, each as it comes."""
    if helper is None:
        for unit in units:
            yield here(unit)
        return
    waiting: deque = deque()
    for unit in units:
        if helper.has_room() and may_go(unit):
            helper.send(pack(unit))
            waiting.append(_THERE)
        else:
            waiting.append(here(unit))
        while waiting and (waiting[0] is not _THERE or len(waiting) > most or helper.ready()):
            first = waiting.popleft()
            yield helper.receive() if first is _THERE else first
    while waiting:
        first = waiting.popleft()
        yield helper.receive() if first is _THERE else first


def helper_for(work: Callable[[Any], Any], wanted: bool) -> contextlib.AbstractContextManager[Helper | None]:
    """A ``Helper`` doing ``work`` if ``wanted`` and ``can_fork()``, else nothing (None): as a context."""
    if wanted and can_fork():
        return Helper(work)
    return contextlib.nullcontext()
