"""The window's start-up when the last project opens badly: the error is shown, the default project
opens instead, and the broken one is not tried again unasked."""

from __future__ import annotations

import shutil
import sqlite3

import pytest


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    from desktop.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def _broken(template, tmp_path, statement: str):
    path = tmp_path / "broken.quotedesk"
    shutil.copy(template, path)
    con = sqlite3.connect(path)
    con.execute(statement)
    con.commit()
    con.close()
    return path


@pytest.mark.parametrize("statement", ["DROP TABLE audit_log", "PRAGMA application_id = 7",
                                       "UPDATE alembic_version SET version_num = 'zzzz'"])
def test_a_broken_last_project_falls_back_to_the_default_one(qtbot, template, tmp_path, settings, statement):
    from desktop.launch import _fell_back, _start
    from desktop.errors import user_message
    from app.projects import default_project_path

    broken = _broken(template, tmp_path, statement)
    before = broken.read_bytes()
    settings.remember_project(str(broken))
    window, failure = _start(None, settings, "ana")
    try:
        qtbot.addWidget(window)
        assert window.project.path == default_project_path()
        target, exc = failure
        assert target == str(broken)
        message = user_message(_fell_back(target, exc))
        assert str(broken) in message and "opened the default project instead" in message
        assert settings.last_project() == str(default_project_path())  # not tried again unasked
        assert str(broken) in settings.recent_projects()  # still there to retry by choice
        assert broken.read_bytes() == before
    finally:
        window.close()


def test_a_project_that_fails_after_opening_is_closed_and_left(qtbot, template, tmp_path, settings, monkeypatch):
    """A later step failing (here: recording the annotator) is handled like a failed open."""
    from db import Project
    from desktop.launch import _start
    from app.projects import default_project_path

    path = tmp_path / "good.quotedesk"
    shutil.copy(template, path)
    settings.remember_project(str(path))
    real = Project.add_annotator

    def fail_once(self, name):
        if self.path == path:
            raise OSError(30, "Read-only file system", str(path))
        return real(self, name)

    monkeypatch.setattr(Project, "add_annotator", fail_once)
    window, failure = _start(None, settings, "ana")
    try:
        qtbot.addWidget(window)
        assert failure is not None and window.project.path == default_project_path()
        assert settings.last_project() != str(path)
    finally:
        window.close()
