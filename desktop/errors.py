"""The one place that shows errors to the person at the keyboard.

Our own errors (``db.QuotedeskError`` and every exception class defined in
Quotedesk's packages, such as annotate's ``PipelineNotFound``) carry a message
written for the user: it is shown as is, in a plain warning. File system errors
get a sentence naming the file. Anything else is a bug: it is logged with its
traceback and shown in a dialog with a copyable report.

``install_excepthook()`` routes ``sys.excepthook`` and ``threading.excepthook``
here (after napari's NotificationManager), so nothing dies silently; errors from
other threads are shown in the GUI thread.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from importlib import metadata

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QMessageBox,
                               QPlainTextEdit, QPushButton, QStyle, QVBoxLayout, QWidget)

from db import QuotedeskError

log = logging.getLogger(__name__)

OUR_PACKAGES = ("kernel", "db", "annotate", "exports", "app", "desktop")
MAX_OPEN_DIALOGS = 3
"""More unexpected errors than this at once (a failing paint, a loop) are only logged."""

_open: list[QWidget] = []  # dialogs shown without a parent, kept alive until closed


def is_user_error(exc: BaseException) -> bool:
    """True for errors whose message is meant for the user (ours, deliberately raised)."""
    if isinstance(exc, QuotedeskError):
        return True
    module = type(exc).__module__ or ""
    return module.split(".")[0] in OUR_PACKAGES


def user_message(exc: BaseException) -> str | None:
    """The sentence to show for an expected error, or None when ``exc`` is a bug."""
    if is_user_error(exc):
        return str(exc) or type(exc).__name__
    if isinstance(exc, OSError):
        what = f"“{exc.filename}”" if exc.filename else "a file"
        reason = exc.strerror or str(exc)
        return f"Quotedesk could not use {what}: {reason}. Check that it exists and that you may read and write it."
    if isinstance(exc, MemoryError):
        return "Quotedesk ran out of memory. Close other programs, or work on fewer articles at a time."
    return None


def _version() -> str:
    try:
        return metadata.version("quotedesk")
    except metadata.PackageNotFoundError:
        return "development copy"


def error_report(exc: BaseException, context: str | None = None) -> str:
    """A plain-text report of an unexpected error: versions, what was being done, the traceback."""
    try:
        from PySide6 import __version__ as pyside_version
    except ImportError:  # pragma: no cover
        pyside_version = "?"
    lines = [
        f"Quotedesk {_version()}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"PySide6 {pyside_version}",
    ]
    if context:
        lines.append(f"While: {context}")
    lines.append("")
    lines.extend(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return "\n".join(line.rstrip("\n") for line in lines)


class ErrorReportDialog(QDialog):
    """An unexpected error: what happened in words, and a report the user can copy."""

    def __init__(self, parent: QWidget | None, exc: BaseException, context: str | None = None):
        super().__init__(parent)
        self.setWindowTitle("Quotedesk: unexpected error")
        self.report = error_report(exc, context)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size, size))
        what = f" while {context[0].lower() + context[1:]}" if context else ""
        self.message = QLabel(
            f"Something went wrong in Quotedesk{what}: {type(exc).__name__}: {exc}\n\n"
            "Your confirmed work is saved as you go. If this happens again, copy the report below "
            "and send it to whoever maintains Quotedesk for you.", self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(self.report, self)
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setAccessibleName("Error report")
        self.details.setMinimumSize(560, 200)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton("Copy report", self)
        self.copy_button.setAccessibleName("Copy the error report to the clipboard")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.disconnect()  # copying does not close the dialog
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText("Copied")


def show_error(parent: QWidget | None, exc: BaseException, *, context: str | None = None) -> QWidget | None:
    """Show ``exc`` to the user without blocking (window-modal), and return the dialog.

    ``context`` says what was being done ("Import articles"). Returns None when
    too many error dialogs are already open (the error is still logged).
    """
    message = user_message(exc)
    if message is None:
        log.error("Unexpected error%s", f" ({context})" if context else "",
                  exc_info=(type(exc), exc, exc.__traceback__))
        if sum(isinstance(d, ErrorReportDialog) for d in _open) >= MAX_OPEN_DIALOGS:
            return None
        dialog: QWidget = ErrorReportDialog(parent, exc, context)
    else:
        log.info("Shown to the user%s: %s", f" ({context})" if context else "", message)
        dialog = QMessageBox(QMessageBox.Icon.Warning, "Quotedesk", message, QMessageBox.StandardButton.Ok, parent)
        if context:
            dialog.setWindowTitle(f"Quotedesk: {context}")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open.append(dialog)
    dialog.finished.connect(lambda _=None, d=dialog: _open.remove(d) if d in _open else None)
    dialog.open()
    return dialog


def open_dialogs() -> list[QWidget]:
    """Error dialogs currently shown (for tests and for closing them on exit)."""
    return list(_open)


class _Bridge(QObject):
    """Carries errors from any thread to the GUI thread."""

    raised = Signal(object, object)

    def __init__(self, parent_getter: Callable[[], QWidget | None]):
        super().__init__()
        self._parent_getter = parent_getter
        self.raised.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def _show(self, exc: BaseException, context: str | None) -> None:
        show_error(self._parent_getter(), exc, context=context)


class ExceptHook:
    """Installed hooks; ``uninstall()`` puts the previous ones back."""

    def __init__(self, parent_getter: Callable[[], QWidget | None]):
        self._bridge = _Bridge(parent_getter)
        self._old_sys = sys.excepthook
        self._old_threading = threading.excepthook
        sys.excepthook = self._sys_hook
        threading.excepthook = self._thread_hook

    def _sys_hook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt) or QApplication.instance() is None:
            self._old_sys(exc_type, exc, tb)
            return
        self._report(exc.with_traceback(tb) if exc is not None else exc_type(), None)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or QApplication.instance() is None:
            self._old_threading(args)
            return
        name = args.thread.name if args.thread is not None else "a background thread"
        self._report(args.exc_value.with_traceback(args.exc_traceback), f"Background work in {name}")

    def _report(self, exc: BaseException, context: str | None) -> None:
        # Queued even from the GUI thread: never open a dialog in the middle of a failing paint or slot.
        self._bridge.raised.emit(exc, context)

    def uninstall(self) -> None:
        if sys.excepthook == self._sys_hook:
            sys.excepthook = self._old_sys
        if threading.excepthook == self._thread_hook:
            threading.excepthook = self._old_threading


def install_excepthook(parent: QWidget | Callable[[], QWidget | None] | None = None) -> ExceptHook:
    """Show uncaught exceptions of the GUI thread and of other threads in dialogs (and log them).

    ``parent`` is the window to attach dialogs to, or a function returning it
    (e.g. ``QApplication.activeWindow``). Call from the GUI thread after the
    QApplication exists.
    """
    getter = parent if callable(parent) and not isinstance(parent, QWidget) else (lambda: parent)
    return ExceptHook(getter)
