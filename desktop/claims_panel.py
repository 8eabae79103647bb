"""The table of all the project's claims, with sort, filters and full-text search.

Loading the claims and running a full-text search are queries that grow with the
project, so both run on the task runner; the filters that follow (status,
speaker, topic, stance, date range) are applied by a proxy model in memory.
Double-clicking (or Enter on) a row asks the window to open that claim.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QGridLayout, QHeaderView, QLabel, QLineEdit,
                               QTableView, QVBoxLayout, QWidget)

from db import STATUSES, ClaimFilter, Project, Speaker, Topic
from desktop.models import ID_ROLE, ClaimFilterProxy, ClaimTableModel

ANY_DATE = QDate(1900, 1, 1)


def _date(edit: QDateEdit) -> dt.date | None:
    d = edit.date()
    return None if d == ANY_DATE else dt.date(d.year(), d.month(), d.day())


class ClaimList(list):
    """Loaded claims, with the one-line summary the task runner's status widget shows."""

    @property
    def message(self) -> str:
        return f"{len(self)} claim{'s' if len(self) != 1 else ''}."


class ClaimsPanel(QWidget):
    claim_activated = Signal(int)  # double-click or Enter: open the claim in its article
    claim_selected = Signal(int)  # a click or arrow key: the claim becomes the current one

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self.project: Project | None = None
        self.stale = True
        self._generation = 0
        self.model = ClaimTableModel(self)
        self.proxy = ClaimFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(placeholderText="Search claims, speakers and notes…", clearButtonEnabled=True)
        self.search.setAccessibleName("Search claims")
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _: self._search_timer.start())

        self.status = QComboBox(accessibleName="Filter by status")
        self.status.addItem("any status", None)
        for s in STATUSES:
            self.status.addItem(s, s)
        self.speaker = QComboBox(accessibleName="Filter by speaker")
        self.topic = QComboBox(accessibleName="Filter by topic")
        self.stance = QComboBox(accessibleName="Filter by stance")
        for text, value in (("any stance", None), ("in favour", "favor"), ("against", "against"),
                            ("neutral", "neutral"), ("not judged", "none")):
            self.stance.addItem(text, value)
        self.date_from = self._date_edit("from any date", "Statements on or after")
        self.date_to = self._date_edit("to any date", "Statements on or before")
        for combo in (self.status, self.speaker, self.topic, self.stance):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.set_registry([], [])

        filters = QGridLayout()  # two rows of three, so the table stays usable in a narrow window
        for i, w in enumerate((self.status, self.speaker, self.topic, self.stance, self.date_from, self.date_to)):
            filters.addWidget(w, i // 3, i % 3)
        for combo in (self.status, self.speaker, self.topic, self.stance):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)

        self.table = QTableView(accessibleName="All claims")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((80, 140, 320, 80, 120, 90, 200)):
            self.table.setColumnWidth(col, width)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.installEventFilter(self)
        self.search.installEventFilter(self)
        self.count = QLabel()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    def _date_edit(self, empty: str, name: str) -> QDateEdit:
        edit = QDateEdit(calendarPopup=True, accessibleName=name)
        edit.setMinimumDate(ANY_DATE)
        edit.setSpecialValueText(empty)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(ANY_DATE)
        edit.dateChanged.connect(self._filters_changed)
        return edit

    # -------------------------------------------------------------- contents
    def set_registry(self, speakers: list[Speaker], topics: list[Topic]) -> None:
        for combo, items, blank in ((self.speaker, [(s.name, s.id) for s in speakers], "any speaker"),
                                    (self.topic, [(t.name, t.id) for t in topics], "any topic")):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(blank, None)
            for name, ident in items:
                combo.addItem(name, ident)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
            combo.blockSignals(False)

    def reload(self) -> None:
        """Fetch every claim again, off the UI thread; the table fills in when it arrives."""
        if self.project is None:
            return
        self.stale = False
        self._generation += 1
        generation, project = self._generation, self.project

        def fetch(*, progress, cancelled):
            return ClaimList(project.stream_claims(ClaimFilter()))

        self._runner.start("Load claims", fetch, on_done=lambda claims: self._loaded(generation, claims))

    def _loaded(self, generation: int, claims) -> None:
        if generation != self._generation or claims is None:
            return
        self.model.set_records(claims)
        self._update_count()

    def update_claims(self, claims) -> None:
        """Rows of claims that changed (and are already listed) replaced in place."""
        self.model.update_records(claims)
        self.proxy.refilter()
        self._update_count()

    # ---------------------------------------------------------------- filters
    def _filters_changed(self, *_) -> None:
        self.proxy.set_filter(status=self.status.currentData(), speaker_id=self.speaker.currentData(),
                              topic_id=self.topic.currentData(), stance=self.stance.currentData(),
                              date_from=_date(self.date_from), date_to=_date(self.date_to))
        self._update_count()

    def _run_search(self) -> None:
        text = self.search.text().strip()
        if not text or self.project is None:
            self.proxy.set_filter(ids=None)
            self._update_count()
            return
        project = self.project

        def find(*, progress, cancelled):
            return frozenset(c.id for c in project.claims(ClaimFilter(text=text)))

        def found(ids):
            if ids is not None and self.search.text().strip() == text:
                self.proxy.set_filter(ids=ids)
                self._update_count()

        self._runner.start("Search claims", find, on_done=found)

    def _update_count(self) -> None:
        self.count.setText(f"{self.proxy.rowCount()} of {self.model.rowCount()} claims")

    def eventFilter(self, obj, event) -> bool:
        """Enter on a row opens it (the window's Enter-accepts belongs to the text); Escape leaves the search."""
        kind = event.type()
        if obj is self.table and kind == QEvent.Type.ShortcutOverride \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return True
        if obj is self.search and kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return super().eventFilter(obj, event)

    def _current_changed(self, current, _previous) -> None:
        claim_id = current.data(ID_ROLE) if current.isValid() else None
        if claim_id is not None:
            self.claim_selected.emit(int(claim_id))

    def _activated(self, index) -> None:
        claim_id = index.data(ID_ROLE)
        if claim_id is not None:
            self.claim_activated.emit(int(claim_id))
