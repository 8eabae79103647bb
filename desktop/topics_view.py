"""Topics: create, rename, merge; the keywords and example claims that drive stance suggestions.

Edits go through ``change(label, fn)`` like the speaker registry's, so they are undoable.
``show_topic(topic_id)`` (optional) opens a topic's timeline.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QInputDialog,
                               QLineEdit, QPlainTextEdit, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from db import Changes, Project
from desktop.table_models import ID_ROLE, SORT_ROLE, RecordTableModel
from desktop.speakers_view import Change, RegistryEditing, direct_change


class TopicTableModel(RecordTableModel):
    columns = (
        ("Topic", lambda t: t.name, lambda t: t.name.casefold()),
        ("Keywords", lambda t: ", ".join(t.keywords), None),
        ("Examples", lambda t: len(t.examples), None),
        ("Claims", lambda t: t.claim_count, None),
    )


class TopicsView(RegistryEditing, QWidget):
    merge_title = "Merge topics"
    merge_what = "topics"
    merge_prompt = "Keep this topic (the others are folded into it):"

    def __init__(self, project: Project, *, change: Change | None = None,
                 annotator: Callable[[], str | None] = lambda: None,
                 show_topic: Callable[[int], None] | None = None, read_now: bool = True, parent=None):
        """``read_now=False``: nothing is read until the first refresh (a hidden dock's view is read when
        shown: its reads go over the whole project)."""
        super().__init__(parent)
        self.project = project
        self.change = change or direct_change(self)
        self.annotator = annotator
        self.show_topic = show_topic
        self.topic_id: int | None = None

        self.model = TopicTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(accessibleName="Topics")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(0, 240)
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _: self._show(cur.data(ID_ROLE) if cur.isValid() else None))  # None via Qt leaks a ref
        self.table.doubleClicked.connect(lambda i: self.show_topic and self.show_topic(i.data(ID_ROLE)))
        new = QPushButton("New topic…")
        new.clicked.connect(self.new_topic)
        merge = QPushButton("Merge selected…")
        merge.setToolTip("Merge the selected topics into one: claims, keywords and examples follow.")
        merge.clicked.connect(self.merge_selected)
        timeline = QPushButton("Timeline")
        timeline.clicked.connect(lambda: self.topic_id is not None and self.show_topic
                                 and self.show_topic(self.topic_id))
        timeline.setEnabled(show_topic is not None)

        self.name = QLineEdit()
        self.keywords = QLineEdit(placeholderText="words that mark a claim as on this topic, separated by commas")
        self.examples = QPlainTextEdit(placeholderText="example claims, one a line, e.g.\n"
                                       "Italy is willing to send troops to Ukraine")
        save = QPushButton("Save")
        save.clicked.connect(self.save)
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Keywords", self.keywords)
        form.addRow("Examples", self.examples)
        form.addRow("", save)
        self.editor = QGroupBox("Topic")
        self.editor.setLayout(form)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        for b in (new, merge, timeline):
            bar.addWidget(b)
        bar.addStretch(1)
        ll.addLayout(bar)
        ll.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        if read_now:
            self.refresh()

    def refresh(self) -> None:
        self.model.set_records(self.project.topics())
        keep = self.topic_id if self.model.row_of(self.topic_id or -1) is not None else None
        if keep is None and self.model.rowCount():
            keep = self.proxy.index(0, 0).data(ID_ROLE)
        self.select_topic(keep)

    def select_topic(self, topic_id: int | None) -> None:
        self._select(topic_id)

    def _show(self, topic_id: int | None) -> None:
        self.topic_id = topic_id
        row = self.model.row_of(topic_id) if topic_id is not None else None
        t = self.model.record(row) if row is not None else None
        self.editor.setEnabled(t is not None)
        self.name.setText(t.name if t else "")
        self.keywords.setText(", ".join(t.keywords) if t else "")
        self.keywords.setCursorPosition(0)
        self.examples.setPlainText("\n".join(t.examples) if t else "")

    def new_topic(self) -> None:
        name, ok = QInputDialog.getText(self, "New topic", "Topic, e.g. “Italy sending peacekeepers to Ukraine”:")
        if ok and name.strip():
            changes = self._run("New topic", lambda: self.project.add_topic(name, annotator=self.annotator())[1])
            if changes is not None and changes.topics:
                self.select_topic(min(changes.topics))

    def save(self) -> None:
        tid = self.topic_id
        if tid is None:
            return
        current = self.project.topic(tid)
        keywords = [k.strip() for k in self.keywords.text().split(",") if k.strip()]
        examples = [e.strip() for e in self.examples.toPlainText().splitlines() if e.strip()]
        if self.name.text().strip() != current.name:
            if self._run("Rename topic", lambda: self.project.rename_topic(
                    tid, self.name.text(), annotator=self.annotator())) is None:
                return
        if tuple(keywords) != current.keywords or tuple(examples) != current.examples:
            self._run("Edit topic", lambda: self.project.update_topic(
                tid, annotator=self.annotator(), keywords=keywords, examples=examples))

    def merge(self, keep_id: int, other_id: int) -> Changes | None:
        return self._run("Merge topics", lambda: self.project.merge_topics(
            keep_id, other_id, annotator=self.annotator()))
