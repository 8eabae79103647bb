"""The stance-changes view: per topic, where a speaker or an affiliation changed stance.

One row per change (``Project.stance_changes``): who, then the earlier claim and the
later one side by side, each with its date, stance, speaker, quote and source.
Double-clicking a side opens that claim in its article.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QTableView, QVBoxLayout, QWidget)

from db import Project, StanceChange, StancePoint
from desktop.timeline import STANCE_COLOURS

Index = QModelIndex | QPersistentModelIndex
CLAIM_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
STANCE_WORDS = {"favor": "IN FAVOUR", "against": "AGAINST", "neutral": "NEUTRAL"}
WHO, BEFORE, AFTER = range(3)


def side_text(p: StancePoint) -> str:
    date = f"{p.date.day} {p.date:%b %Y}" + (" (article date)" if p.date_from_article else "")
    who = ", ".join(x for x in (p.speaker or "Unknown speaker", p.role) if x)
    source = " · ".join(x for x in (p.article_title or f"Article {p.article_id}", p.publisher) if x)
    return f"{date} — {STANCE_WORDS.get(p.stance, '')}\n{who}\n“{p.quote}”\n{source}"


def side_html(p: StancePoint) -> str:
    colour = STANCE_COLOURS.get(p.stance, STANCE_COLOURS[None]).darker(130).name()
    date = f"{p.date.day} {p.date:%b %Y}" + (" <i>(article date)</i>" if p.date_from_article else "")
    role = f", {escape(p.role)}" if p.role else ""
    source = " · ".join(escape(x) for x in (p.article_title or f"Article {p.article_id}", p.publisher) if x)
    link = f' · <a href="{escape(p.article_url)}">{escape(p.article_url)}</a>' if p.article_url else ""
    return (f'<b>{date}</b> &nbsp;<b style="color:{colour}">{STANCE_WORDS.get(p.stance, "")}</b><br>'
            f"<b>{escape(p.speaker or 'Unknown speaker')}</b>{role}"
            f'<p style="margin-top:4px; margin-bottom:4px">“{escape(p.quote)}”</p>'
            f'<small style="color:#555">{source}{link}</small>')


def who_html(change: StanceChange, show_topic: bool) -> str:
    basis = "same speaker" if change.basis == "speaker" else "same affiliation"
    before, after = (STANCE_WORDS.get(s.stance, "") for s in (change.before, change.after))
    topic = f'<br><br><small style="color:#555">Topic: {escape(change.topic)}</small>' if show_topic else ""
    return f"<b>{escape(change.group)}</b><br><small>({basis})</small><br><br>{before} → {after}{topic}"


class HtmlDelegate(QStyledItemDelegate):
    """Draws a cell's HTML_ROLE text as rich text, wrapped to the column width."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(6)
        doc.setHtml(index.data(HTML_ROLE) or "")
        doc.setTextWidth(max(60, option.rect.width()))
        return doc

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        option.text = ""
        option.widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        painter.translate(option.rect.topLeft())
        doc.drawContents(painter)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        self.initStyleOption(option, index)
        view = option.widget
        if view is not None:
            option.rect.setWidth(view.columnWidth(index.column()))
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))


class StanceChangesModel(QAbstractTableModel):
    headers = ("Who", "Before", "After")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.changes: list[StanceChange] = []
        self.show_topic = True

    def set_changes(self, changes: list[StanceChange], *, show_topic: bool) -> None:
        self.beginResetModel()
        self.changes, self.show_topic = list(changes), show_topic
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.changes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        change = self.changes[index.row()]
        col = index.column()
        side = change.before if col == BEFORE else change.after if col == AFTER else None
        if role == Qt.ItemDataRole.DisplayRole:
            if side is None:
                basis = "same speaker" if change.basis == "speaker" else "same affiliation"
                topic = f"\n\nTopic: {change.topic}" if self.show_topic else ""
                arrow = f"{STANCE_WORDS.get(change.before.stance)} → {STANCE_WORDS.get(change.after.stance)}"
                return f"{change.group}\n({basis})\n\n{arrow}{topic}"
            return side_text(side)
        if role == HTML_ROLE:
            return who_html(change, self.show_topic) if side is None else side_html(side)
        if role == Qt.ItemDataRole.BackgroundRole and side is not None:
            colour = QColor(STANCE_COLOURS.get(side.stance, STANCE_COLOURS[None]))
            colour.setAlpha(45)
            return colour
        if role == Qt.ItemDataRole.ToolTipRole and side is not None:
            return "Double-click to open this claim in its article."
        if role == CLAIM_ROLE and side is not None:
            return side.claim_id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None


class StanceChangesView(QWidget):
    """Stance changes for one topic or all; ``open_claim(claim_id)`` opens a side."""

    claim_activated = Signal(int)

    def __init__(self, project: Project, *, open_claim: Callable[[int], None] | None = None, parent=None):
        super().__init__(parent)
        self.project = project
        if open_claim is not None:
            self.claim_activated.connect(open_claim)
        self.topic_box = QComboBox()
        self.topic_box.setMinimumContentsLength(28)
        self.topic_box.currentIndexChanged.connect(lambda _: self.refresh())
        self.model = StanceChangesModel(self)
        self.table = QTableView(accessibleName="Stance changes")
        self.table.setModel(self.model)
        self.table.setItemDelegate(HtmlDelegate(self.table))
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(WHO, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AFTER, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(WHO, 190)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.doubleClicked.connect(self._activated)
        open_button = QPushButton("Open claim")
        open_button.clicked.connect(lambda: self._activated(self.table.currentIndex()))
        self.summary = QLabel(wordWrap=True)

        bar = QHBoxLayout()
        bar.addWidget(QLabel("Topic:"))
        bar.addWidget(self.topic_box, 1)
        bar.addWidget(open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.reload_topics()

    def reload_topics(self) -> None:
        keep = self.topic_box.currentData()
        self.topic_box.blockSignals(True)
        self.topic_box.clear()
        self.topic_box.addItem("All topics", None)
        for t in self.project.topics():
            self.topic_box.addItem(t.name, t.id)
        self.topic_box.setCurrentIndex(max(0, self.topic_box.findData(keep)))
        self.topic_box.blockSignals(False)
        self.refresh()

    def set_topic(self, topic_id: int | None) -> None:
        self.topic_box.setCurrentIndex(max(0, self.topic_box.findData(topic_id)))
        self.refresh()

    def refresh(self) -> None:
        topic_id = self.topic_box.currentData()
        changes = self.project.stance_changes(topic_id)
        self.model.set_changes(changes, show_topic=topic_id is None)
        self.table.resizeRowsToContents()
        if changes:
            topics = len({c.topic_id for c in changes})
            self.summary.setText(
                f"{len(changes)} stance change{'s' if len(changes) != 1 else ''}"
                + (f" on {topics} topic{'s' if topics != 1 else ''}" if topic_id is None else "")
                + ": the earlier claim on the left, the later on the right. Double-click a side to open it.")
        else:
            self.summary.setText("No stance changes: no speaker or affiliation has confirmed claims with "
                                 "different stances on " + ("this topic." if topic_id is not None else "one topic."))

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        claim_id = index.data(CLAIM_ROLE)
        if claim_id is None:  # the "who" column: open the later claim
            claim_id = self.model.changes[index.row()].after.claim_id
        self.claim_activated.emit(claim_id)
