"""Starting the window: ``run_app(db=None) -> int`` (what bare ``quotedesk`` runs)."""

from __future__ import annotations

import gc
import getpass
import logging
import signal
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app.projects import APP_NAME, open_project

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


def _open_window(target: str | None, settings, annotator: str, *, create: bool):
    """Open a project and its window; on any failure the project is closed again and the error raised."""
    from desktop.main_window import MainWindow

    project = open_project(target, create=create)
    try:
        project.add_annotator(annotator)
        window = MainWindow(project, annotator, settings=settings, owns_project=True)
    except BaseException:
        project.close()
        raise
    settings.remember_project(str(project.path or project.url))
    return window


def _start(db: str | None, settings, annotator: str):
    """The window on the project named on the command line, else the last one used, else the default
    project; and the failure, if the first choice could not be opened: (window, (target, error) | None).

    A project that fails at any step (opening, recording the annotator, loading the window) is not
    left as the last project, so the next start does not try it again unasked; it stays under
    File → Open recent for the user to retry.
    """
    target = db or settings.last_project()
    if target:
        try:
            return _open_window(target, settings, annotator, create=bool(db)), None
        except Exception as exc:  # said in a dialog once the window is up
            log.warning("Could not open %s at start-up: %s", target, exc)
            return _open_window(None, settings, annotator, create=True), (target, exc)
    return _open_window(None, settings, annotator, create=True), None


def _fell_back(target: str, exc: Exception) -> Exception:
    """The start-up error as the user reads it, saying what Quotedesk did instead."""
    from desktop.errors import user_message
    from db import QuotedeskError

    message = user_message(exc)
    if message is None:
        return exc  # a bug: the report dialog with its traceback
    return QuotedeskError(f"{message}\n\nQuotedesk opened the default project instead. It will not open {target} "
                          "on its own again; choose it under File → Open recent to try again.")


def freeze_startup_objects() -> None:
    """Collect once, then take every object alive (about 100,000 of Qt's bindings, SQLAlchemy's and
    the window's, there for the whole session) out of the garbage collector's full passes.

    Measured on a 10,000-article project (benchmarks/bench_window_table.py --profile): each full
    pass over them held the GUI thread for 60-90 ms, and those were the window's longest stalls
    while scrolling the claims table; a full pass afterwards looks only at what was made since.
    """
    gc.collect()
    gc.freeze()


COLLECT_MS = 1000  # how often the GUI thread collects young garbage; a full pass every FULL_EVERY ticks
FULL_EVERY = 30


def collect_on_the_gui_thread(parent) -> QTimer:
    """Garbage is collected by a timer on the GUI thread, never by whichever thread happens to allocate.

    Python runs a collection in the thread that crosses its allocation threshold: often a reader or
    export thread. A closed dialog or window held in a reference cycle is then destroyed there, and
    destroying Qt widgets off the GUI thread crashes the process (seen as segmentation faults around
    closing the Assign dialog and in test runs). Automatic collection is turned off, and this timer
    collects the young generations every second and everything every ``FULL_EVERY`` seconds (cheap:
    the startup objects are frozen out of full passes, see ``freeze_startup_objects``).
    """
    gc.disable()
    timer = QTimer(parent)
    ticks = [0]

    def collect() -> None:
        ticks[0] += 1
        gc.collect(2 if ticks[0] % FULL_EVERY == 0 else 1)

    timer.timeout.connect(collect)
    timer.start(COLLECT_MS)
    return timer


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
    from desktop.display import display_problem

    problem = display_problem()
    if problem:  # Qt itself would abort with a misleading message
        print(problem, file=sys.stderr)
        return 1
    from desktop.dialogs import ask_annotator
    from desktop.errors import install_excepthook, show_error
    from desktop.settings import Settings

    app = make_application()
    hook = install_excepthook(QApplication.activeWindow)
    settings = Settings()
    annotator = settings.annotator()
    if not annotator:
        annotator = ask_annotator(None) or getpass.getuser()
        settings.set_annotator(annotator)
    try:
        try:
            window, failure = _start(db, settings, annotator)
        except Exception as exc:  # not even the default project opens: say why, then quit
            log.error("Could not open any project", exc_info=True)
            show_error(None, exc, context="Open the default project")
            app.exec()  # until the dialog is closed
            return 1
        window.show()  # the model starts loading once the event loop runs, after the window is up
        QTimer.singleShot(0, freeze_startup_objects)  # once the window is built and shown
        collect_on_the_gui_thread(window)
        if failure is not None:
            target, exc = failure
            show_error(window, _fell_back(target, exc), context=f"Open {target}")
        _close_on_terminate(window)
        return app.exec()
    finally:
        hook.uninstall()
