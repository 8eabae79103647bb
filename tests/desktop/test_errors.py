"""One place shows errors: ours as plain messages, bugs with a copyable report and a log line."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from annotate.ingest import IngestProblem
from annotate.spacy_pipelines import PipelineNotFound
from db import DuplicateArticleError, Project
from desktop import errors
from desktop.errors import ErrorReportDialog, install_excepthook, show_error


@pytest.fixture
def window(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


@pytest.fixture(autouse=True)
def _close_error_dialogs():
    yield
    for d in errors.open_dialogs():
        d.close()


def _raised(exc):
    try:
        raise exc
    except BaseException as e:  # noqa: BLE001
        return e


def test_our_storage_error_is_shown_as_its_message(window):
    dialog = show_error(window, DuplicateArticleError(3, "Rome talks"))
    assert isinstance(dialog, QMessageBox)
    assert dialog.text() == "This article is already in the project (article 3, “Rome talks”)."
    assert dialog.icon() == QMessageBox.Icon.Warning
    assert dialog.isVisible() and dialog.parent() is window


def test_real_corrupt_project_error_reaches_the_user_unchanged(window, tmp_path):
    bad = tmp_path / "notes.quotedesk"
    bad.write_text("these are my notes, not a project")
    with pytest.raises(Exception) as info:
        Project.open(bad)
    dialog = show_error(window, info.value, context="Open project")
    assert isinstance(dialog, QMessageBox)
    assert "not a Quotedesk project" in dialog.text()
    assert dialog.windowTitle() == "Quotedesk: Open project"


@pytest.mark.parametrize("exc", [
    PipelineNotFound("The spaCy pipeline 'en_core_web_lg' is not installed. Install it with: ..."),
    IngestProblem("broken.csv, line 4: no \"text\" field, so there is no article to import."),
])
def test_annotate_errors_are_ours_too(window, exc):
    dialog = show_error(window, exc)
    assert isinstance(dialog, QMessageBox) and dialog.text() == str(exc)


def test_file_errors_name_the_file(window, tmp_path):
    exc = _raised(PermissionError(13, "Permission denied", str(tmp_path / "claims.xlsx")))
    dialog = show_error(window, exc)
    assert isinstance(dialog, QMessageBox)
    assert "claims.xlsx" in dialog.text() and "Permission denied" in dialog.text()


def test_unknown_error_gets_a_copyable_report_and_a_log_line(window, caplog):
    def deep():
        return {}["speaker"]

    try:
        deep()
    except KeyError as e:
        exc = e
    with caplog.at_level(logging.ERROR, logger="desktop.errors"):
        dialog = show_error(window, exc, context="Suggest claims")
    assert isinstance(dialog, ErrorReportDialog)
    assert "Suggest claims".lower() in dialog.message.text().lower()
    report = dialog.details.toPlainText()
    assert "Traceback" in report and "in deep" in report and "KeyError: 'speaker'" in report
    assert "Python" in report and "PySide6" in report
    assert dialog.details.isReadOnly()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == report
    assert dialog.isVisible()  # copying leaves the dialog open
    [record] = [r for r in caplog.records if r.name == "desktop.errors"]
    assert record.levelno == logging.ERROR and record.exc_info[1] is exc


def test_a_storm_of_unknown_errors_opens_only_a_few_dialogs(window):
    shown = [show_error(window, _raised(RuntimeError(f"paint failed {i}"))) for i in range(10)]
    assert sum(d is not None for d in shown) == errors.MAX_OPEN_DIALOGS


def test_excepthook_shows_uncaught_gui_thread_errors(qtbot, window):
    hook = install_excepthook(window)
    try:
        exc = _raised(ZeroDivisionError("division by zero"))
        sys.excepthook(type(exc), exc, exc.__traceback__)
        qtbot.waitUntil(lambda: len(errors.open_dialogs()) == 1)
        [dialog] = errors.open_dialogs()
        assert isinstance(dialog, ErrorReportDialog) and "ZeroDivisionError" in dialog.report
    finally:
        hook.uninstall()
    assert sys.excepthook != hook._sys_hook


def test_excepthook_brings_other_threads_errors_to_the_gui_thread(qtbot, window):
    hook = install_excepthook(window)
    shown_in = []
    original = errors.show_error

    def spy(parent, exc, *, context=None):
        shown_in.append(threading.current_thread())
        return original(parent, exc, context=context)

    errors.show_error = spy
    try:
        def worker():
            raise OSError("disk vanished")

        t = threading.Thread(target=worker, name="exporter")
        t.start()
        t.join()
        qtbot.waitUntil(lambda: len(errors.open_dialogs()) == 1)
        assert shown_in == [threading.main_thread()]
        [dialog] = errors.open_dialogs()
        assert "disk vanished" in dialog.text()
        assert "exporter" in dialog.windowTitle()
    finally:
        errors.show_error = original
        hook.uninstall()
    assert threading.excepthook != hook._thread_hook
