"""The selected claim's fields, each saved the moment it changes.

The form does not write to the project itself: every change leaves as
``edit(claim_id, label, fields)``, which the window applies through the undo
stack (one audited, undoable action per change). The claim shown is always the
one the project returned last, so the form never holds edits of its own.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QCompleter, QFormLayout, QGridLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from db import Claim, Span, Speaker, Topic
from desktop.date_field import DateField
from kernel import VERDICT_RATINGS

STANCE_CHOICES = (("not judged", None), ("in favour (1)", "favor"), ("against (2)", "against"),
                  ("neutral (3)", "neutral"))
WORD = re.compile(r"\w+|[^\w\s]", re.UNICODE)


# ---------------------------------------------------------------- span edits
def _tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in WORD.finditer(text)]


def grow_start(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Move the start back to the previous word (or punctuation mark)."""
    before = [t for t in _tokens(text) if t[0] < span[0]]
    return (before[-1][0], span[1]) if before else span


def shrink_start(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Move the start forward past its first word, keeping at least one word."""
    inside = [t for t in _tokens(text) if span[0] <= t[0] and t[1] <= span[1]]
    return (inside[1][0], span[1]) if len(inside) > 1 else span


def grow_end(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Move the end forward to the end of the next word (or punctuation mark)."""
    after = [t for t in _tokens(text) if t[1] > span[1]]
    return (span[0], after[0][1]) if after else span


def shrink_end(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Move the end back before its last word, keeping at least one word."""
    inside = [t for t in _tokens(text) if span[0] <= t[0] and t[1] <= span[1]]
    return (span[0], inside[-2][1]) if len(inside) > 1 else span


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span that starts or ends inside a word to the whole word ("med Finland's … Ukrai" ->
    "claimed Finland's … Ukraine"); spaces at its ends are dropped."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


class _TextBox(QPlainTextEdit):
    """A multi-line field that reports ``editingFinished`` when it loses focus, like QLineEdit."""

    editingFinished = Signal()

    def __init__(self, lines: int, parent=None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 12)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


class ClaimForm(QScrollArea):
    edit = Signal(int, str, dict)  # claim id, undo label, fields for Project.update_claim
    accept_clicked = Signal()
    reject_clicked = Signal()
    alias_requested = Signal(int)  # add the claim's mention as an alias of its speaker
    leave = Signal()  # Escape in a field: back to the article text (Enter saves and stays)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName("Claim form")
        self.claim: Claim | None = None
        self._text = ""
        self._speakers: list[Speaker] = []
        self.article_date: dt.date | None = None  # where the date's calendar opens for an undated claim
        body = QWidget()
        self.setWidget(body)
        outer = QVBoxLayout(body)

        self.heading = QLabel("No claim selected")
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Claim status")
        outer.addWidget(self.heading)

        self.content = QPlainTextEdit(readOnly=True)
        self.content.setTabChangesFocus(True)
        self.content.setFixedHeight(self.content.fontMetrics().lineSpacing() * 5 + 12)
        self.content.setAccessibleName("Claim content")
        outer.addWidget(self.content)
        span_row = QGridLayout()
        self.span_buttons = {}
        for col, (name, text, tip) in enumerate((
                ("grow_start", "◀ start", "Start the claim one word earlier"),
                ("shrink_start", "start ▶", "Start the claim one word later"),
                ("shrink_end", "◀ end", "End the claim one word earlier"),
                ("grow_end", "end ▶", "End the claim one word later"))):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(lambda _=False, n=name: self._move_span(n))
            span_row.addWidget(button, col // 2, col % 2)  # two by two: the form stays narrow
            self.span_buttons[name] = button
        outer.addLayout(span_row)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind = QComboBox()
        self.kind.addItems(["direct", "indirect"])
        self.kind.currentTextChanged.connect(lambda v: self._save("Set kind", kind=v))
        form.addRow("&Kind", self.kind)

        self.speaker = QLineEdit()
        self.speaker.setPlaceholderText("Who said it (type to complete)")
        self._speaker_names = QStringListModel(self)
        completer = QCompleter(self._speaker_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.speaker.setCompleter(completer)
        self.speaker.editingFinished.connect(self._speaker_done)
        self.alias_button = QPushButton("Add mention as alias")
        self.alias_button.setToolTip("Remember the name used in the text as another name of this speaker")
        self.alias_button.clicked.connect(lambda: self.claim and self.alias_requested.emit(self.claim.id))
        speaker_box = QVBoxLayout()
        speaker_box.addWidget(self.speaker)
        speaker_box.addWidget(self.alias_button)
        form.addRow(self._buddy("&Speaker", self.speaker), speaker_box)

        self.role = QLineEdit()
        self.role.setPlaceholderText("e.g. Italian Defense Minister")
        self.role.editingFinished.connect(lambda: self._save_text("Set role", "role", self.role.text()))
        form.addRow("&Role", self.role)

        self.date = DateField()
        self.date.committed.connect(lambda value: self._save("Set date", date=value))
        self.date_phrase = QLabel()
        self.date_phrase.setWordWrap(True)
        self.date_assumed = QCheckBox("assumed")
        self.date_assumed.setToolTip("No phrase in the text gives the date; it was carried over or is the publication date")
        self.date_assumed.toggled.connect(lambda on: self._save("Set date", date_assumed=on))
        date_row = QHBoxLayout()
        date_row.addWidget(self.date, 1)
        date_row.addWidget(self.date_assumed)
        date_box = QVBoxLayout()
        date_box.addLayout(date_row)
        date_box.addWidget(self.date_phrase)
        form.addRow(self._buddy("&Date", self.date), date_box)

        self.stance = QComboBox()
        for text, value in STANCE_CHOICES:
            self.stance.addItem(text, value)
        self.stance.currentIndexChanged.connect(lambda _: self._stance_chosen())
        form.addRow("S&tance", self.stance)

        self.topic = QComboBox(editable=True)
        self.topic.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.topic.lineEdit().setPlaceholderText("topic the stance is about")
        self.topic.lineEdit().editingFinished.connect(self._topic_done)
        self.topic.activated.connect(lambda _: self._topic_done())
        form.addRow("To&pic", self.topic)
        outer.addLayout(form)

        verdict = QGroupBox("Verdict")
        vform = QFormLayout(verdict)
        self.verdict_rating = QComboBox(editable=True)
        self.verdict_rating.addItems(["", *VERDICT_RATINGS])  # the scale the exports know; other text is kept
        self.verdict_rating.lineEdit().editingFinished.connect(
            lambda: self._save_text("Set verdict", "verdict_rating", self.verdict_rating.currentText()))
        self.verdict_rating.activated.connect(
            lambda _: self._save_text("Set verdict", "verdict_rating", self.verdict_rating.currentText()))
        vform.addRow("R&ating", self.verdict_rating)
        self.verdict_explanation = _TextBox(3)
        self.verdict_explanation.editingFinished.connect(lambda: self._save_text(
            "Set verdict", "verdict_explanation", self.verdict_explanation.toPlainText()))
        vform.addRow("E&xplanation", self.verdict_explanation)
        self.verdict_url = QLineEdit()
        self.verdict_url.setPlaceholderText("https://… evidence")
        self.verdict_url.editingFinished.connect(
            lambda: self._save_text("Set verdict", "verdict_url", self.verdict_url.text()))
        vform.addRow("Evidence &URL", self.verdict_url)
        outer.addWidget(verdict)

        self.note = _TextBox(3)
        self.note.editingFinished.connect(lambda: self._save_text("Edit note", "note", self.note.toPlainText()))
        note_form = QFormLayout()
        note_form.addRow("&Note", self.note)
        outer.addLayout(note_form)

        buttons = QHBoxLayout()
        self.accept_button = QPushButton("Accept (A)")
        self.accept_button.clicked.connect(self.accept_clicked)
        self.reject_button = QPushButton("Reject (R)")
        self.reject_button.clicked.connect(self.reject_clicked)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        outer.addLayout(buttons)
        outer.addStretch(1)

        for widget, name in ((self.kind, "Kind"), (self.speaker, "Speaker"), (self.role, "Role"),
                             (self.date_assumed, "Date assumed"),
                             (self.stance, "Stance"), (self.topic, "Topic"), (self.verdict_rating, "Verdict rating"),
                             (self.verdict_explanation, "Verdict explanation"), (self.verdict_url, "Evidence URL"),
                             (self.note, "Note"), (self.accept_button, "Accept claim"),
                             (self.reject_button, "Reject claim")):
            widget.setAccessibleName(name)
        for combo in (self.kind, self.stance, self.topic, self.verdict_rating):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for field in (self.speaker, self.role, self.verdict_url, self.date.edit, self.kind, self.stance, self.topic,
                      self.verdict_rating, self.verdict_explanation, self.note):
            field.installEventFilter(self)
            if isinstance(field, QComboBox) and field.lineEdit() is not None:
                field.lineEdit().installEventFilter(self)
        self._loading = False
        self.set_claim(None)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Enter and Escape belong to the field being edited: Enter saves it and the focus stays (so
        what is typed next goes to the field, never to the stance keys); Escape reverts and leaves."""
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            key = event.key()
            if key == Qt.Key.Key_Escape or (key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                                            and not isinstance(obj, QPlainTextEdit)):
                if kind == QEvent.Type.ShortcutOverride:
                    event.accept()
                    return True
                if key == Qt.Key.Key_Escape:  # leave without saving what was typed
                    self._revert(obj)
                    self.leave.emit()
                    return True
        return False

    def _revert(self, field: QObject) -> None:
        """Put the claim's stored value back into a one-line field the user typed in."""
        c = self.claim
        if c is None:
            return
        stored = {self.speaker: c.speaker, self.role: c.role, self.verdict_url: c.verdict_url,
                  self.date.edit: c.date.isoformat() if c.date else None,
                  self.topic.lineEdit(): c.topic, self.verdict_rating.lineEdit(): c.verdict_rating}
        if field in stored:
            field.setText(stored[field] or "")

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    # ------------------------------------------------------------- contents
    def set_speakers(self, speakers: list[Speaker]) -> None:
        self._speakers = list(speakers)
        names = []
        for s in speakers:
            names.append(s.name)
            names += [a for a in s.aliases if a.casefold() != s.name.casefold()]
        self._speaker_names.setStringList(sorted(set(names), key=str.casefold))
        self._update_alias_button()

    def set_topics(self, topics: list[Topic]) -> None:
        self._loading = True
        current = self.topic.currentText()
        self.topic.clear()
        self.topic.addItem("")
        self.topic.addItems([t.name for t in topics])
        self.topic.setCurrentText(current)
        self._loading = False

    def _being_edited(self, claim: Claim | None) -> set[QWidget]:
        """Text boxes the person is typing in (focused, changed) for this same claim."""
        if claim is None or self.claim is None or claim.id != self.claim.id:
            return set()
        return {w for w, field in ((self.note, "note"), (self.verdict_explanation, "verdict_explanation"))
                if w.hasFocus() and w.toPlainText().strip() != (getattr(self.claim, field) or "")}

    def set_claim(self, claim: Claim | None, article_text: str | None = None) -> None:
        # a refresh (e.g. someone else's change) never replaces what you are typing, and your
        # edit stays based on the version you started from, so it meets theirs as a conflict
        editing, before = self._being_edited(claim), self.claim
        self.claim = claim
        if article_text is not None:
            self._text = article_text
        self._loading = True
        try:
            self.widget().setEnabled(claim is not None)
            self.heading.setEnabled(True)
            if claim is None:
                self.heading.setText("No claim selected. Use J/K to move between claims, "
                                     "or select text and press M to mark one.")
                for w in (self.content, self.verdict_explanation, self.note):
                    w.setPlainText("")
                for w in (self.speaker, self.role, self.verdict_url):
                    w.setText("")
                self.date.set_value(None)
                self.date_phrase.setText("")
                self.topic.setCurrentText("")
                self.verdict_rating.setCurrentText("")
                self.stance.setCurrentIndex(0)
                return
            origin = {"model": "Suggested by the model", "manual": "Marked by hand", "import": "Imported"}
            who = f" · last change by {claim.annotator}" if claim.annotator else ""
            self.heading.setText(f"<b>{claim.status.capitalize()}</b> · {origin.get(claim.origin, claim.origin)}"
                                 + (f" ({claim.confidence:.0%})" if claim.confidence else "") + who)
            self.content.setPlainText(claim.quote)  # a split quote's fragments joined with " … "
            self.kind.setCurrentText(claim.kind)
            if not self.speaker.hasFocus():
                self.speaker.setText(claim.speaker or "")
            self.role.setText(claim.role or "")
            self.date.set_value(claim.date, near=self.article_date)
            phrase = f"from “{claim.date_text}”" if claim.date_text else "no date phrase in the text"
            self.date_phrase.setText(phrase + (" (assumed)" if claim.date_assumed else ""))
            self.date_assumed.setChecked(claim.date_assumed)
            self.stance.setCurrentIndex(next(i for i, (_, v) in enumerate(STANCE_CHOICES) if v == claim.stance))
            self.topic.setCurrentText(claim.topic or "")
            self.topic.lineEdit().setCursorPosition(0)  # a long topic reads from its start
            self.verdict_rating.setCurrentText(claim.verdict_rating or "")
            if self.verdict_explanation not in editing:
                self.verdict_explanation.setPlainText(claim.verdict_explanation or "")
            self.verdict_url.setText(claim.verdict_url or "")
            if self.note not in editing:
                self.note.setPlainText(claim.note or "")
            if editing:
                self.claim = before
            self.accept_button.setEnabled(claim.status != "confirmed")
            self.reject_button.setEnabled(claim.status != "rejected")
            self._update_alias_button()
        finally:
            self._loading = False

    def focus_speaker(self) -> None:
        self.speaker.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.speaker.selectAll()

    def _update_alias_button(self) -> None:
        c = self.claim
        speaker = next((s for s in self._speakers if c and s.id == c.speaker_id), None)
        mention = c.mention.text.strip() if c and c.mention else ""
        known = speaker is not None and mention.casefold() in {n.casefold() for n in (speaker.name, *speaker.aliases)}
        self.alias_button.setEnabled(bool(speaker and mention and not known))
        self.alias_button.setToolTip(f"Remember “{mention}” as another name of {speaker.name}"
                                     if speaker and mention and not known else
                                     "The claim's speaker mention is already a known name")

    # -------------------------------------------------------------- saving
    def _save(self, label: str, **fields) -> None:
        if self._loading or self.claim is None:
            return
        if all(getattr(self.claim, k, object()) == v for k, v in fields.items()):
            return
        self.edit.emit(self.claim.id, label, fields)

    def _save_text(self, label: str, field: str, value: str) -> None:
        self._save(label, **{field: value.strip() or None})

    def _speaker_done(self) -> None:
        if self._loading or self.claim is None:
            return
        name = self.speaker.text().strip()
        if name.casefold() != (self.claim.speaker or "").casefold():
            self.edit.emit(self.claim.id, "Set speaker", {"speaker": name or None})

    def _stance_chosen(self) -> None:
        stance = self.stance.currentData()
        if stance is None and self.claim is not None and self.claim.topic:
            self._save("Set stance", stance=None, topic_id=None)  # not judged: off the topic's timeline
        else:
            self._save("Set stance", stance=stance)

    def _topic_done(self) -> None:
        if self._loading or self.claim is None:
            return
        name = self.topic.currentText().strip()
        if name != (self.claim.topic or ""):
            self.edit.emit(self.claim.id, "Set topic", {"topic": name or None})

    def move_span(self, how: str) -> None:
        """grow_start, shrink_start, shrink_end or grow_end by one word (the Alt+arrow keys)."""
        self._move_span(how)

    def _move_span(self, how: str) -> None:
        if self.claim is None or not self._text:
            return
        move = {"grow_start": grow_start, "shrink_start": shrink_start, "grow_end": grow_end,
                "shrink_end": shrink_end}[how]
        start, end = move(self._text, (self.claim.content.start, self.claim.content.end))
        if (start, end) != (self.claim.content.start, self.claim.content.end):
            self.edit.emit(self.claim.id, "Edit span", {"content": Span(start, end, self._text[start:end])})
