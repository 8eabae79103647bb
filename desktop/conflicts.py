"""When someone else changed what you were changing: their value beside yours, and a choice.

A write refused with ``ConflictError`` carries the fields the person wanted (``mine``), the
same fields as stored now (``theirs``), and who changed them when. ``ConflictDialog`` shows
them side by side and offers: keep theirs (nothing is written), take mine (written again
against the current version), or merge (an editable result per field: text fields start as
both texts, other fields let you pick one side). Whatever is chosen is written as a new,
undoable action through the undo stack, so a second conflict while deciding is handled the
same way. Nothing is ever overwritten silently.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QGridLayout, QLabel, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from db import Changes, ConflictError, Span
from db.errors import describe_time

TEXT_FIELDS = {"note", "verdict_explanation", "verdict_rating", "role", "date_text", "title", "name",
               "affiliation", "author", "publisher", "url", "verdict_url"}
FIELD_NAMES = {"note": "Note", "status": "Status", "stance": "Stance", "speaker": "Speaker", "topic": "Topic",
               "content": "Claim text", "mention": "Speaker mention", "cue": "Cue", "role": "Role", "date": "Date",
               "verdict_rating": "Verdict", "verdict_explanation": "Verdict explanation", "aliases": "Aliases",
               "affiliation": "Affiliation", "name": "Name", "keywords": "Keywords", "done": "Done"}
EMPTY = "(empty)"


def shown(value: Any) -> str:
    """A field value as the person reads it."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, Span):
        return value.text
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def merged_text(theirs: str | None, mine: str | None) -> str:
    """A starting point for merging two texts: one when it contains the other, else both."""
    theirs, mine = theirs or "", mine or ""
    if mine in theirs:
        return theirs
    if theirs in mine:
        return mine
    return f"{theirs}\n{mine}"


class ConflictDialog(QDialog):
    """Their value beside yours for every field you changed; Keep theirs / Take mine / Merge.

    After ``exec``/``finished``, ``choice`` is "theirs", "mine" or "merge" and ``resolved()``
    gives the fields to write (empty for "theirs").
    """

    def __init__(self, conflict: ConflictError, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.conflict = conflict
        self.label = label
        self.choice: str | None = None
        what = f"{conflict.entity} {conflict.entity_id}"
        who = conflict.who or "Someone"
        self.setWindowTitle(f"{who} changed this {conflict.entity} too")
        self.setAccessibleName("Edit conflict")
        when = f" at {describe_time(conflict.when)}" if conflict.when else ""
        intro = QLabel(f"<b>{who}</b> changed {what}{when}, after you opened it. Your change "
                       f"(“{label}”) was <b>not</b> saved yet. Choose what to keep:",
                       wordWrap=True, textFormat=Qt.TextFormat.RichText)
        grid = QGridLayout()
        for col, title in enumerate(("", f"Theirs ({who})", "Yours", "Merged")):
            head = QLabel(f"<b>{title}</b>", textFormat=Qt.TextFormat.RichText)
            grid.addWidget(head, 0, col)
        self._editors: dict[str, QWidget] = {}
        for row, (field, mine) in enumerate(conflict.mine.items(), start=1):
            theirs = conflict.theirs.get(field)
            grid.addWidget(QLabel(FIELD_NAMES.get(field, field.replace("_", " ").capitalize())), row, 0)
            for col, value in ((1, theirs), (2, mine)):
                cell = QLabel(shown(value), wordWrap=True,
                              textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
                cell.setAccessibleName(f"{field} {'theirs' if col == 1 else 'yours'}")
                cell.setMinimumWidth(160)
                grid.addWidget(cell, row, col, Qt.AlignmentFlag.AlignTop)
            if field in TEXT_FIELDS and (isinstance(mine, str) or mine is None):
                editor = QPlainTextEdit(merged_text(theirs, mine))
                editor.setAccessibleName(f"{field} merged")
                editor.setMaximumHeight(90)
                editor.setTabChangesFocus(True)
            else:
                editor = QComboBox()
                editor.setAccessibleName(f"{field} merged")
                editor.addItem(f"Theirs: {shown(theirs)}", theirs)
                editor.addItem(f"Yours: {shown(mine)}", mine)
            self._editors[field] = editor
            grid.addWidget(editor, row, 3)
        buttons = QDialogButtonBox()
        self.theirs_button = buttons.addButton("Keep &theirs", QDialogButtonBox.ButtonRole.RejectRole)
        self.mine_button = buttons.addButton("Take &mine", QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button = buttons.addButton("&Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        for button, choice in ((self.theirs_button, "theirs"), (self.mine_button, "mine"),
                               (self.merge_button, "merge")):
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        self.theirs_button.setDefault(True)  # Enter never overwrites someone's work
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addLayout(grid)
        box.addWidget(buttons)

    def editor(self, field: str) -> QWidget:
        return self._editors[field]

    def button(self, choice: str) -> QPushButton:
        return {"theirs": self.theirs_button, "mine": self.mine_button, "merge": self.merge_button}[choice]

    def _choose(self, choice: str) -> None:
        self.choice = choice
        (self.reject if choice == "theirs" else self.accept)()

    def resolved(self) -> dict[str, Any]:
        """The fields to write for the choice made."""
        if self.choice == "mine":
            return dict(self.conflict.mine)
        if self.choice != "merge":
            return {}
        out = {}
        for field, editor in self._editors.items():
            if isinstance(editor, QPlainTextEdit):
                out[field] = editor.toPlainText().strip() or None
            else:
                out[field] = editor.currentData()
        return out


def write_again(project, annotator: str, conflict: ConflictError, label: str, fields: dict[str, Any]):
    """A Project call writing ``fields`` against the version the conflict found (for the undo stack)."""
    version = conflict.actual
    ident = conflict.entity_id
    if conflict.entity == "claim":
        if fields.get("status") == "deleted":
            return lambda: project.delete_claim(ident, annotator=annotator, expected_version=version)
        return lambda: project.update_claim(ident, annotator=annotator, expected_version=version, label=label,
                                            **fields)
    verb = {"speaker": project.update_speaker, "topic": project.update_topic,
            "article": project.update_article}[conflict.entity]
    return lambda: verb(ident, annotator=annotator, expected_version=version, **fields)


def resolve_conflict(parent: QWidget, stack, conflict: ConflictError, label: str) -> ConflictDialog | None:
    """Show the conflict (window-modal, not blocking) and write what the person chooses.

    ``stack`` is the window's CoreUndoStack. Returns the dialog (None when the row was
    deleted meanwhile: that is only reported, there is nothing left to merge into).
    """
    refresh = Changes(**{f"{conflict.entity}s": frozenset({conflict.entity_id})})
    stack.changed.emit(refresh)  # show their value in the window at once
    if conflict.actual is None or not conflict.mine:
        stack.failed.emit(conflict)
        return None
    dialog = ConflictDialog(conflict, label, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def done(_result: int) -> None:
        fields = dialog.resolved()
        if fields:
            stack.apply(label, write_again(stack.project, stack.annotator, conflict, label, fields))

    dialog.finished.connect(done)
    dialog.open()
    dialog.activateWindow()  # keys go to the dialog now, not to the window's claim shortcuts
    dialog.theirs_button.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
    return dialog
