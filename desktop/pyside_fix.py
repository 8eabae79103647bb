"""A guard against a reference-count bug in PySide6 6.12.0's ``Signal.emit``.

In PySide6 6.12.0, ``SignalInstance.emit()`` called from Python returns ``True``
without taking a reference to it. Each Python-level emit therefore drops one
reference to ``True``; after a few thousand emits (a progress bar, a model's
``dataChanged``) CPython 3.11 frees ``True`` and aborts with "Fatal Python error:
bool_dealloc: deallocating True or False". Measured: ``sys.getrefcount(True)``
falls by exactly 1 per emit, connected or not; the stall test crashed at exit
after ~100 articles.

Python 3.12 made ``True`` and ``False`` immortal, which makes the bug harmless.
``protect_bools()`` does the same on older CPythons by giving both a reference
count no program can exhaust; they are static singletons that are never freed
anyway, so nothing else changes. Call it once when the QApplication is made;
calling it again does nothing.
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40  # a trillion emits
_done = False


def needs_protection() -> bool:
    return sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def protect_bools() -> bool:
    """Make ``True`` and ``False`` effectively immortal (CPython < 3.12); True when it acted."""
    global _done
    if _done or not needs_protection():
        return False
    for value in (True, False):
        # ob_refcnt is the first field of every CPython object
        ctypes.c_ssize_t.from_address(id(value)).value += _RESERVE
    _done = True
    return True
