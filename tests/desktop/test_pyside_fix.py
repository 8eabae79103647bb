"""PySide6 6.12.0's Signal.emit drops a reference to True per call; the guard keeps the process alive."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.pyside_fix import needs_protection

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, Signal
    app = QCoreApplication([])
    if sys.argv[1] == "guarded":
        from desktop.pyside_fix import protect_bools
        protect_bools()
    class Source(QObject):
        changed = Signal(int)
    source = Source()
    for i in range(100_000):
        source.changed.emit(i)
    print("survived")
""")


@pytest.mark.skipif(not needs_protection(), reason="True is immortal on this Python")
def test_many_signal_emits_do_not_free_true_once_guarded(tmp_path):
    script = tmp_path / "emit.py"
    script.write_text(SCRIPT)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2]), "QT_QPA_PLATFORM": "offscreen"}

    def run(mode):
        return subprocess.run([sys.executable, str(script), mode], capture_output=True, text=True, env=env,
                              timeout=120)

    bare = run("bare")
    if bare.returncode == 0:
        pytest.skip("this PySide6 no longer drops references in emit; desktop.pyside_fix can go")
    assert "bool_dealloc" in bare.stderr
    guarded = run("guarded")
    assert guarded.returncode == 0 and "survived" in guarded.stdout, guarded.stderr
