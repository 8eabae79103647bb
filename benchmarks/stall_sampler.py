"""Where the GUI thread spends a stall: a sampling profiler for the window benchmarks.

A GUI-thread timer notes when the event loop last ran (``mark``, ticked by a QTimer every few
milliseconds); a background thread looks every ``interval_ms`` and, while the loop has not run for
``threshold_ms``, records the GUI thread's Python stack (``sys._current_frames``). When the loop runs
again the samples of that stall are kept with its length, so ``report()`` names the code each long
stall was in: the innermost frames of this repository's code and the call they were making. It also
notes where the process's other threads were when they were not just waiting (a lock, a queue, a
pipe): a GUI thread with little CPU in a long stall was waiting, often for the GIL one of them held.

Samples are taken only when the sampler thread gets the GIL: a stall spent in C code that holds
it (a Qt paint, a SQLite query without releasing the GIL) is seen at its end, so a stall can have
few samples; its length comes from the timer, its place from the samples it has.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QTimer

ROOT = Path(__file__).resolve().parents[1]
OURS = tuple(str(ROOT / d) for d in ("app", "db", "desktop", "exports", "annotate", "kernel"))


@dataclass
class Stall:
    at_s: float  # seconds since the sampler started
    ms: float
    cpu_ms: float  # CPU time the GUI thread got meanwhile: much less than ``ms`` = it was waiting
    process_ms: float = 0.0  # CPU time all the process's threads got meanwhile (~0: the machine ran others)
    stacks: Counter = field(default_factory=Counter)
    gc_ms: list = field(default_factory=list)  # (generation, ms) of the GUI thread's garbage collections
    others: Counter = field(default_factory=Counter)  # where the process's other busy threads were meanwhile


IDLE = ("threading.py", "queue.py", "selectors.py", "connection.py", "stall_sampler.py")
"""Where a thread that is only waiting is (a lock, a queue, a pipe): not counted among the busy ones."""


def _where(frame, depth: int = 4) -> str:
    """The innermost ``depth`` frames of our code (outermost first), then the frame the stack ends in."""
    ours, inner = [], None
    f = frame
    while f is not None:
        name = f.f_code.co_filename
        if inner is None:
            inner = f"{Path(name).name}:{f.f_lineno} {f.f_code.co_name}"
        if name.startswith(OURS):
            ours.append(f"{Path(name).parent.name}/{Path(name).name}:{f.f_lineno} {f.f_code.co_name}")
            if len(ours) >= depth:
                break
        f = f.f_back
    chain = " < ".join(ours) if ours else "(no frame of ours)"
    return f"{inner}  ||  {chain}"


class StallSampler:
    """Samples the GUI thread's stack during event-loop stalls longer than ``threshold_ms``."""

    def __init__(self, threshold_ms: float = 40, interval_ms: float = 3, tick_ms: int = 2):
        self.threshold = threshold_ms / 1000
        self.interval = interval_ms / 1000
        self.stalls: list[Stall] = []
        self._main = threading.main_thread().ident
        self._last = time.monotonic()
        self._t0 = self._last
        self._cpu, self._process = time.thread_time(), time.process_time()
        self._timer = QTimer(interval=tick_ms)
        self._timer.timeout.connect(self._mark)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stall-sampler", daemon=True)
        self._current: Counter | None = None
        self._others: Counter | None = None
        self._gc: list[tuple[int, float]] = []
        self._gc_start = 0.0

    def start(self) -> None:
        self._last = self._t0 = time.monotonic()
        self._cpu, self._process = time.thread_time(), time.process_time()
        self._timer.start()
        self._thread.start()
        gc.callbacks.append(self._collecting)

    def stop(self) -> None:
        self._timer.stop()
        if self._collecting in gc.callbacks:
            gc.callbacks.remove(self._collecting)
        self._stop.set()
        self._thread.join()

    def _collecting(self, phase: str, info: dict) -> None:
        if threading.get_ident() != self._main:
            return
        if phase == "start":
            self._gc_start = time.perf_counter()
        else:
            self._gc.append((info["generation"], (time.perf_counter() - self._gc_start) * 1000))

    def _mark(self) -> None:
        now, cpu, process = time.monotonic(), time.thread_time(), time.process_time()  # thread_time: the GUI thread's
        gap = now - self._last
        current, self._current = self._current, None
        others, self._others = self._others, None
        collected, self._gc = self._gc, []
        if gap > self.threshold:
            self.stalls.append(Stall(at_s=self._last - self._t0, ms=gap * 1000, cpu_ms=(cpu - self._cpu) * 1000,
                                     process_ms=(process - self._process) * 1000,
                                     stacks=current or Counter(), gc_ms=collected, others=others or Counter()))
        self._last, self._cpu, self._process = now, cpu, process

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            last = self._last
            if time.monotonic() - last < self.threshold:
                continue
            frames = sys._current_frames()
            frame = frames.pop(self._main, None)
            if frame is None:
                continue
            where = _where(frame)
            busy = [_where(f, depth=2) for f in frames.values()
                    if Path(f.f_code.co_filename).name not in IDLE]  # the other threads not waiting
            if self._last == last:  # still the same stall
                if self._current is None:
                    self._current, self._others = Counter(), Counter()
                self._current[where] += 1
                self._others.update(busy)

    def report(self, over_ms: float = 50, top: int = 3, limit: int = 12) -> str:
        """The longest stalls over ``over_ms``, each with its most sampled places."""
        lines = []
        worst = sorted((s for s in self.stalls if s.ms > over_ms), key=lambda s: -s.ms)[:limit]
        for s in sorted(worst, key=lambda s: s.at_s):
            lines.append(f"  stall {s.ms:.0f} ms at {s.at_s:.1f} s, GUI thread on a CPU {s.cpu_ms:.0f} ms "
                         f"(all the process's threads {s.process_ms:.0f} ms), "
                         f"garbage collection {sum(ms for _, ms in s.gc_ms):.0f} ms "
                         f"(generations {sorted({g for g, _ in s.gc_ms})}), {sum(s.stacks.values())} samples")
            for where, n in s.stacks.most_common(top):
                lines.append(f"      {n:3} x {where}")
            for where, n in s.others.most_common(top):
                lines.append(f"      {n:3} x other thread: {where}")
        return "\n".join(lines) if lines else f"  no stall over {over_ms:.0f} ms"
