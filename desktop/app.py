"""Starting the window: ``run_app(db=None) -> int`` (what bare ``quotedesk`` runs)."""

from __future__ import annotations

import getpass
import logging
import signal
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.projects import APP_NAME, open_project

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with HiDPI scaling as the screen asks and the desktop's own palette (dark mode too)."""
    app = QApplication.instance()
    if app is not None:
        return app
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(APP_NAME)
    QApplication.setApplicationDisplayName(APP_NAME)
    QApplication.setDesktopFileName("quotedesk")
    app = QApplication(argv if argv is not None else sys.argv[:1])
    # No style sheet and no fixed colours: the platform theme's palette (light or dark) applies as is,
    # and the article view tints with translucent colours that read on both.
    return app


def _open_first_project(db: str | None, settings, parent=None):
    """The project named on the command line, else the last one used, else the default project."""
    from desktop.errors import show_error

    target = db or settings.last_project()
    if target:
        try:
            return open_project(target, create=bool(db))
        except Exception as exc:  # say why, then fall back to the default project
            show_error(parent, exc, context=f"Open {target}")
            settings.forget_project(target)
    return open_project(None)


def _close_on_terminate(window) -> None:
    """SIGTERM (logout, ``kill``) and Ctrl+C close the window properly: settings saved, background
    work stopped, the model's helper process ended, instead of dying mid-way."""
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: QTimer.singleShot(0, window.close))
    # Python runs signal handlers only between bytecodes; a slow no-op timer gives it the chance
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(250)


def run_app(db: str | None = None) -> int:
    from desktop.dialogs import ask_annotator
    from desktop.errors import install_excepthook
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    app = make_application()
    hook = install_excepthook(QApplication.activeWindow)
    settings = Settings()
    annotator = settings.annotator()
    if not annotator:
        annotator = ask_annotator(None) or getpass.getuser()
        settings.set_annotator(annotator)
    project = _open_first_project(db, settings)
    project.add_annotator(annotator)
    settings.remember_project(str(project.path or project.url))
    window = MainWindow(project, annotator, settings=settings, owns_project=True)
    window.show()  # the model starts loading once the event loop runs, after the window is up
    _close_on_terminate(window)
    try:
        return app.exec()
    finally:
        hook.uninstall()
