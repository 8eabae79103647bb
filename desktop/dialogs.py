"""Small dialogs: the annotator's name, new/open project, the keyboard help overlay."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFrame, QGridLayout, QLabel, QLineEdit,
                               QScrollArea, QVBoxLayout, QWidget)

from desktop.action_table import MENUS, shortcut_text, specs
from app.projects import PROJECT_SUFFIX, data_dir

PROJECT_FILTER = f"Quotedesk projects (*{PROJECT_SUFFIX});;SQLite files (*.sqlite *.db);;All files (*)"


class AnnotatorDialog(QDialog):
    """Asks for the name recorded on every change; asked once, changeable from the File menu."""

    def __init__(self, current: str | None = None, known: list[str] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Who is annotating?")
        # wide enough for its title in a window manager's title bar, and for the note in two lines
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 60)
        layout = QVBoxLayout(self)
        text = QLabel("Your name is recorded on every change you make, so the project shows who decided what.")
        text.setWordWrap(True)
        layout.addWidget(text)
        self.name = QLineEdit(current or "")
        self.name.setPlaceholderText("Your name or initials")
        self.name.setAccessibleName("Annotator name")
        if known:
            from PySide6.QtWidgets import QCompleter

            self.name.setCompleter(QCompleter(list(known), self))
        layout.addWidget(self.name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self._check(self.name.text())

    def _check(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))

    def value(self) -> str:
        return self.name.text().strip()


def ask_annotator(parent: QWidget | None, current: str | None = None, known: list[str] = ()) -> str | None:
    dialog = AnnotatorDialog(current, known, parent)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted and dialog.value() else None


def ask_new_project(parent: QWidget | None) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, "New project", str(data_dir() / f"untitled{PROJECT_SUFFIX}"),
                                          PROJECT_FILTER)
    if not path:
        return None
    path = Path(path)
    return path if path.suffix else path.with_suffix(PROJECT_SUFFIX)


def ask_open_project(parent: QWidget | None) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open project", str(data_dir()), PROJECT_FILTER)
    return Path(path) if path else None


def ask_import_files(parent: QWidget | None) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(
        parent, "Import articles", str(Path.home()),
        "Articles (*.txt *.md *.html *.htm *.jsonl *.csv);;All files (*)")
    return paths


def ask_import_folder(parent: QWidget | None) -> str | None:
    return QFileDialog.getExistingDirectory(parent, "Import every article in a folder", str(Path.home())) or None


class HelpOverlay(QFrame):
    """Every action and its keys, drawn over the window from the same table as the menus.

    Any key or click closes it.
    """

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.setAccessibleName("Keyboard shortcuts")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        outer = QVBoxLayout(self)
        title = QLabel("<h2>Keyboard shortcuts</h2>Press any key or click to close.")
        outer.addWidget(title)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setHorizontalSpacing(24)
        column_of = {"File": 0, "Edit": 0, "Team": 0, "Claim": 1, "View": 2, "Help": 2}
        rows = [0, 0, 0]
        for menu in MENUS:
            col = column_of[menu]
            head = QLabel(f"<b>{menu}</b>")
            grid.addWidget(head, rows[col], col * 2, 1, 2)
            rows[col] += 1
            for spec in specs():
                if spec.menu != menu or not shortcut_text(spec) or not spec.in_help:
                    continue
                keys = QLabel(f"<code>{shortcut_text(spec)}</code>")
                keys.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
                grid.addWidget(keys, rows[col], col * 2)
                grid.addWidget(QLabel(spec.text.replace("&", "")), rows[col], col * 2 + 1)
                rows[col] += 1
            rows[col] += 1
        grid.setRowStretch(max(rows), 1)
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.hide()

    def popup(self) -> None:
        parent = self.parentWidget()
        margin = 40
        self.setGeometry(margin, margin, parent.width() - 2 * margin, parent.height() - 2 * margin)
        self.raise_()
        self.show()
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.hide()
        event.accept()

    def mousePressEvent(self, event) -> None:
        self.hide()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if not self.isAncestorOf(self.focusWidget() or self):
            self.hide()


def ask_export(parent: QWidget | None) -> tuple[str, Path] | None:
    """(format, path) to export to; the format follows the chosen file type (``exports.FORMATS``)."""
    from exports import FORMATS

    names = list(FORMATS)
    filters = ";;".join(f"{label} (*{suffix})" for label, suffix in FORMATS.values())
    path, chosen = QFileDialog.getSaveFileName(parent, "Export claims", str(Path.home() / "claims.xlsx"), filters)
    if not path:
        return None
    path = Path(path)
    fmt = next((n for n in names if chosen.startswith(FORMATS[n][0])), names[0])
    by_suffix = {suffix: n for n, (_, suffix) in FORMATS.items()}
    if path.suffix in by_suffix:
        fmt = by_suffix[path.suffix]
    else:
        path = path.with_suffix(FORMATS[fmt][1])
    return fmt, path
