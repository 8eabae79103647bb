"""Fixtures for the desktop tests: a main window on a temporary project, with the model already loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "resources" / "seeds" / "000_f802f2a90c03337f.txt"


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    from desktop.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot, project_path, settings, nlp):
    """make_window(path=project_path) -> a shown MainWindow on that project, model ready, closed after."""
    from app.suggesting import LocalModel
    from db import Project
    from desktop.main_window import MainWindow

    made = []

    def make(path: Path = project_path):
        project = Project.open(path)
        window = MainWindow(project, "ana", settings=settings, load_model=False, owns_project=True)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # window shortcuts only work in the active window
        qtbot.waitUntil(lambda: window.article_list_current, timeout=10_000)  # read on the reader thread
        window.use_model(LocalModel(nlp), "test pipeline")
        made.append(window)
        return window

    yield make
    for window in made:
        if window.isVisible():
            window.close()
        window.runner.shutdown()
