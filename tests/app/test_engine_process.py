"""The helper process: it stores suggestions in the project file itself and survives its own death."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest

from db import NewArticle, Project
from app.engine_process import EngineProcessError, ProcessEngine
from desktop.errors import user_message
from app.suggesting import engine_for

SEED = Path(__file__).resolve().parents[2] / "resources" / "seeds" / "000_f802f2a90c03337f.txt"


@pytest.fixture
def article(project):
    art, _ = project.add_article(NewArticle(text=SEED.read_text(encoding="utf-8"), published=dt.date(2024, 12, 12)))
    return art


def test_helper_writes_to_the_project_file_and_this_process_sees_it(project, article):
    with ProcessEngine() as engine:
        progress = []
        summary = engine_for(project, engine).run_suggestions(project, [article.id], progress=lambda d, t:
                                                              progress.append((d, t)))
    assert summary.articles == [article.id] and summary.claims == project.count_claims() > 0
    assert progress[-1] == (1, 1)
    crosetto = project.find_speaker("Guido Crosetto")  # the affiliation pass ran in the helper too
    assert crosetto.affiliation == "Government of Italy" and crosetto.id in summary.changes.speakers
    with Project.open(project.path) as again:  # on disk, not only in a cache
        assert again.count_claims() == summary.claims


def test_a_killed_helper_is_reported_clearly_and_restarts_on_the_next_run(project, article):
    with ProcessEngine() as engine:
        os.kill(engine._pid, signal.SIGKILL)
        with pytest.raises(EngineProcessError) as info:
            engine_for(project, engine).run_suggestions(project, [article.id])
        assert "Run the suggestions again" in user_message(info.value)
        summary = engine_for(project, engine).run_suggestions(project, [article.id])
        assert summary.articles == [article.id] and summary.claims > 0


class _Recording:
    """A suggester that notes, per article, the thread it parsed on, that thread's nice value and
    whether the storing side was busy meanwhile."""

    def __init__(self, storing: threading.Event, fail_at: int | None = None):
        self.storing, self.fail_at, self.parsed = storing, fail_at, []

    def suggest_many(self, items, *, batch_size=16, cancelled=None):
        for k, item in enumerate(items):
            if cancelled is not None and cancelled():
                return
            tid = threading.get_native_id()
            self.parsed.append((k, tid, os.getpriority(os.PRIO_PROCESS, tid), self.storing.is_set()))
            if k == self.fail_at:
                raise ValueError("the pipeline failed on this article")
            yield [item]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's own nice value is a Linux feature")
def test_the_helper_parses_at_a_low_priority_and_stores_at_its_own_in_turn():
    """In the helper, parsing gives way to the window (nice PARSE_NICENESS, its own thread); storing, which
    holds SQLite's write lock a confirmation in the window may wait for, keeps the process's priority; the
    two take turns (never both at once), a failure reaches the storing loop, and stopping early ends the
    parser."""
    from app.engine_process import PARSE_NICENESS, _ParseApart

    process = os.getpriority(os.PRIO_PROCESS, os.getpid())
    storing = threading.Event()
    parser = _Recording(storing)
    stored = []
    for suggestions in _ParseApart(parser).suggest_many(iter(range(6)), batch_size=1):
        storing.set()
        stored.append((suggestions, os.getpriority(os.PRIO_PROCESS, threading.get_native_id())))
        time.sleep(0.01)  # a store: the parser must not run meanwhile
        storing.clear()
    assert stored == [([k], process) for k in range(6)]
    assert [k for k, *_ in parser.parsed] == list(range(6))
    assert {(tid != threading.get_native_id(), nice) for _, tid, nice, _ in parser.parsed} == {
        (True, max(process, PARSE_NICENESS))}
    assert not any(busy for *_, busy in parser.parsed)

    failing = _Recording(storing, fail_at=2)
    with pytest.raises(ValueError, match="failed on this article"):
        list(_ParseApart(failing).suggest_many(iter(range(6))))
    before = threading.active_count()
    early = _ParseApart(_Recording(storing)).suggest_many(iter(range(100)))
    assert next(early) == [0] and next(early) == [1]
    early.close()  # a cancelled run stops after an article
    assert threading.active_count() <= before


def test_a_cancel_reaches_the_helper_while_its_progress_keeps_coming(project):
    """Short articles report progress faster than the run polls: the cancel must still get through
    (it was passed on only when no progress came for a while, so a window closing mid-run waited
    for the whole run)."""
    ids = [project.add_article(NewArticle(text=f"Minister Ana Ruiz said the plan {k} would pass. 🙂"))[0].id
           for k in range(300)]
    seen = []
    with ProcessEngine() as engine:
        summary = engine_for(project, engine).run_suggestions(
            project, ids, progress=lambda d, t: seen.append(d), cancelled=lambda: len(seen) >= 3)
    assert summary.cancelled
    assert len(summary.articles) < 100, len(summary.articles)
    assert project.count_claims() == summary.claims  # what it stored before stopping stays
