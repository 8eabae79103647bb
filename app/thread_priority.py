"""The CPU priority of one thread: Linux gives each thread its own nice value.

Used by the window's reader threads (desktop.task_runner) and the helper process's parsing thread
(app.engine_process), so that work the person is not waiting for gives way to the GUI thread.
"""

from __future__ import annotations

import os
import sys
import threading

PER_THREAD_NICE = sys.platform.startswith("linux")
"""Only there does ``setpriority`` on a thread id change that thread alone (elsewhere it would change the
whole process)."""


def lower_this_thread(to: int) -> None:
    """Make the calling thread at least as nice as ``to``; a thread already nicer keeps its value, and
    where threads have no nice value of their own, or lowering is not permitted, nothing changes."""
    if not PER_THREAD_NICE:
        return
    try:
        tid = threading.get_native_id()
        if os.getpriority(os.PRIO_PROCESS, tid) < to:
            os.setpriority(os.PRIO_PROCESS, tid, to)
    except OSError:  # not permitted: the thread keeps its priority
        pass
