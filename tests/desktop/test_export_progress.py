"""The window's Export runs the streamed training exports on its task runner: progress reaches the
GUI thread as claims are written, and Cancel leaves no file (nor temporary files) behind."""

from __future__ import annotations

import pytest

from app.jobs import export_job
from desktop.task_runner import TaskRunner
from tests.exports.test_training_stream import varied  # noqa: F401  (the fixture: 450+ articles)


@pytest.mark.parametrize("fmt", ["jsonl", "spacy", "json"])
def test_export_progress_reaches_the_window_and_cancel_leaves_nothing(qtbot, varied, tmp_path, fmt):  # noqa: F811
    runner = TaskRunner()
    seen = []
    target = tmp_path / "out" / f"claims.{fmt}"
    target.parent.mkdir()
    with qtbot.waitSignal(runner.task_ended, timeout=60_000):
        runner.start("Export", export_job, varied, fmt, target, on_progress=lambda done, total: seen.append(
            (done, total)))
    assert target.exists() and seen and seen[-1][0] == seen[-1][1] > 200
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    target.unlink()
    seen.clear()
    with qtbot.waitSignal(runner.task_ended, timeout=60_000) as ended:
        task = runner.start("Export", export_job, varied, fmt, target, on_progress=lambda done, _: seen.append(done))
        task.cancel()  # as the Cancel button does; the export asks between articles
    assert ended.args[0].was_cancelled and ended.args[0].result.cancelled
    assert list(target.parent.iterdir()) == []
