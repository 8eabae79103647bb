"""The helper process: it stores suggestions in the project file itself and survives its own death."""

from __future__ import annotations

import datetime as dt
import os
import signal
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
