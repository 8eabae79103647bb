"""My queue: the articles assigned to the annotator, what they finished, and their progress.

The rows are ``Project.queue(annotator)`` records (unfinished first, in the project's stable
order), read on the window's reader thread whenever a change may have moved them. A row opens
its article (double-click or Enter); the buttons mark the shown article finished and open the
next unfinished one, the same actions as the Team menu (Ctrl+Return, Ctrl+Shift+PgDown).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from desktop.table_models import ID_ROLE, RecordTableModel



def _date(item) -> str:
    return item.published.isoformat() if getattr(item, "published", None) else ""


class QueueModel(RecordTableModel):
    """The queue's records, all held (an annotator's queue is short); ``ID_ROLE`` is the article id."""

    id_field = "article_id"
    centred = frozenset({0, 3})

    columns = (
        ("✓", lambda q: "✓" if q.finished else "", None),
        ("Title", lambda q: q.title or f"Article {q.article_id}", None),
        ("Date", _date, None),
        ("Decided", lambda q: f"{q.decided} / {q.total}", None),
    )
    header_tips = ("Finished", "Title", "Publication date", "Claims you decided of the article's claims")


    def tooltip(self, item) -> str:
        return (f"{item.title or 'Article %d' % item.article_id}\n"
                f"{'Finished' if item.finished else 'Not finished'}; "
                f"{item.decided} of {item.total} claims decided")

    def accessible_text(self, item, column: int) -> str | None:
        return ("finished" if item.finished else "not finished") if column == 0 else None


class QueueView(QWidget):
    """The queue of one annotator: progress on top, the articles below, two buttons."""

    article_activated = Signal(int)  # open this article
    next_requested = Signal()
    finish_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.annotator = ""
        self.model = QueueModel(self)
        self.heading = QLabel(wordWrap=True, accessibleName="Queue progress")
        self.bar = QProgressBar(accessibleName="Finished articles in your queue")
        self.bar.setTextVisible(True)
        self.bar.setFormat("%v of %m finished")
        self.table = QTableView(accessibleName="My queue")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, sample in ((0, "✓✓"), (2, "0000-00-00"), (3, "000 / 000")):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(col, metrics.horizontalAdvance(sample) + 16)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.table.installEventFilter(self)
        self.next_button = QPushButton("Next unfinished")
        self.next_button.setToolTip("Open the first article of your queue you have not finished (Ctrl+Shift+PgDown)")
        self.next_button.clicked.connect(self.next_requested)
        self.finish_button = QPushButton("Finished", checkable=True)
        self.finish_button.setToolTip("Mark the shown article finished in your queue; again to reopen it "
                                      "(Ctrl+Return)")
        self.finish_button.clicked.connect(self.finish_toggled)
        buttons = QHBoxLayout()
        buttons.addWidget(self.finish_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.show_items("", [])

    def show_items(self, annotator: str, items: Sequence, current: int | None = None) -> None:
        """The queue as read; ``current`` (the article shown in the window) stays selected."""
        self.annotator = annotator
        self.model.set_records(items)
        finished = sum(1 for q in items if q.finished)
        decided = sum(q.decided for q in items)
        total = sum(q.total for q in items)
        if items:
            self.heading.setText(
                f"<b>{len(items)}</b> article{'s' if len(items) != 1 else ''} assigned to <b>{_html(annotator)}</b>: "
                f"<b>{finished}</b> finished, {len(items) - finished} to do; {decided} of {total} claims decided.")
        else:
            self.heading.setText(f"Nothing is assigned to <b>{_html(annotator)}</b> yet. A lead gives out articles "
                                 "with Team ▸ Assign articles….")
        self.bar.setRange(0, max(len(items), 1))
        self.bar.setValue(finished)
        self.bar.setVisible(bool(items))
        self.next_button.setEnabled(finished < len(items))
        self.set_current(current)

    def set_current(self, article_id: int | None) -> None:
        """Select the shown article's row (when it is in the queue) and set the Finished button from it."""
        row = self.model.row_of(article_id) if article_id is not None else None
        self.finish_button.blockSignals(True)
        self.finish_button.setEnabled(row is not None)
        self.finish_button.setChecked(row is not None and self.model.records()[row].finished)
        self.finish_button.blockSignals(False)
        if row is None:
            self.table.clearSelection()
        elif self.table.currentIndex().row() != row:
            self.table.selectRow(row)

    def item(self, article_id: int):
        row = self.model.row_of(article_id)
        return None if row is None else self.model.records()[row]

    def next_unfinished(self, after: int | None = None) -> int | None:
        """The first unfinished article of the queue, other than ``after``."""
        return next((q.article_id for q in self.model.records() if not q.finished and q.article_id != after), None)

    def _activated(self, index) -> None:
        article_id = index.data(ID_ROLE)
        if article_id is not None:
            self.article_activated.emit(int(article_id))

    def eventFilter(self, obj, event) -> bool:
        """Enter on a row opens its article (the window's Enter-accepts is for the text)."""
        if obj is self.table and event.type() == QEvent.Type.ShortcutOverride \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.accept()
            return True
        return super().eventFilter(obj, event)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
