"""The table of all the project's claims, with sort, filters and full-text search.

The filters (status, speaker, topic, stance, date range) and the full-text search make one
``ClaimFilter``, the claims filter the command line and the exports use too. The table holds only
the ids of the claims it selects, read and sorted in SQL by ``Project.claim_ids`` on the task runner
(the query grows with the project); the rows a view shows are read on demand, a block at a time
(``desktop.table_models.IdTableModel``). Double-clicking (or Enter on) a row asks the window to open
that claim.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools

import shiboken6
from PySide6.QtCore import QDate, QElapsedTimer, QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QGridLayout, QHeaderView, QLabel, QLineEdit,
                               QTableView, QVBoxLayout, QWidget)

from db import FINAL, STATUSES, Changes, ClaimFilter, Project, Speaker, Topic
from desktop.table_models import ID_ROLE, ClaimTableModel
from kernel import NO_STANCE

ANY_DATE = QDate(1900, 1, 1)
FIRST_ROWS = 200
"""A new filter or sort shows its first rows from a query with this LIMIT, then reads every id in the
background: the first rows do not wait for the whole selection to be sorted (the default sort, by
article title, of 120,000 claims took 130-370 ms under load; its first 200 rows take ~15 ms)."""
RELOAD_MS = 4000
"""A stream of changes (a suggestion run storing article after article) re-reads the table's ids at
most this often: each re-read is a query over the whole project (sorting 120,000 claims: 70-100 ms of
a reader thread's CPU, which the GUI thread and the helper's parsing share a core with) and the rows
it shows again (10-14 ms on the GUI thread). New rows still appear within a few seconds."""


def _date(edit: QDateEdit) -> dt.date | None:
    d = edit.date()
    return None if d == ANY_DATE else dt.date(d.year(), d.month(), d.day())


class ClaimList(list):
    """The ids of the selected claims, with the one-line summary the task runner's status widget shows."""

    total: int | None = 0  # claims in the project, shown or not (None: not counted, with the first rows)
    row_of: dict[int, int] | None = None  # id -> row, built off the UI thread with the ids
    complete = True  # every id the filter selects (False: the first FIRST_ROWS of them)

    @property
    def message(self) -> str:
        return f"{len(self)} claim{'s' if len(self) != 1 else ''}."


class ClaimsPanel(QWidget):
    claim_activated = Signal(int)  # double-click or Enter: open the claim in its article
    claim_selected = Signal(int)  # a click or arrow key: the claim becomes the current one
    loaded = Signal()  # every id the filters select is in the table (after the first rows, the rest)

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self.project: Project | None = None
        self.layer: str | None = FINAL  # the annotator's own layer in blind annotation (desktop.team)
        self.stale = True
        self._generation = 0
        self._last_reload = -RELOAD_MS  # ms on self._clock
        self._clock = QElapsedTimer()
        self._clock.start()
        self._reload_timer = QTimer(self, singleShot=True)
        self._reload_timer.timeout.connect(lambda: self.reload(keep_place=True))
        self.model = ClaimTableModel(self, fetch=self._fetch)
        self._total = 0
        self._first_rows = False  # the table shows only the first rows of its selection; the rest come

        self.search = QLineEdit(placeholderText="Search claims, speakers and notes…", clearButtonEnabled=True)
        self.search.setAccessibleName("Search claims")
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self._filters_changed)
        self.search.textChanged.connect(lambda _: self._search_timer.start())

        self.status = QComboBox(accessibleName="Filter by status")
        self.status.addItem("any status", None)
        for s in STATUSES:
            self.status.addItem(s, s)
        self.speaker = QComboBox(accessibleName="Filter by speaker")
        self.topic = QComboBox(accessibleName="Filter by topic")
        self.stance = QComboBox(accessibleName="Filter by stance")
        for text, value in (("any stance", None), ("in favour", "favor"), ("against", "against"),
                            ("neutral", "neutral"), ("not judged", NO_STANCE)):
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
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)  # the model does not sort: a new sort reads the ids again
        self.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._filters_changed)
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

    def claim_filter(self) -> ClaimFilter:
        """The claims the filters and the search select."""
        status = self.status.currentData()
        return ClaimFilter(statuses=(status,) if status else None, speaker_id=self.speaker.currentData(),
                           topic_id=self.topic.currentData(), stance=self.stance.currentData(),
                           date_from=_date(self.date_from), date_to=_date(self.date_to),
                           text=self.search.text().strip() or None, layer=self.layer)

    def reload(self, *, keep_place: bool = False) -> None:
        """Fetch the selected claims again, off the UI thread; the table fills in when they arrive.

        A new filter or sort reads its first ``FIRST_ROWS`` ids, shows them, then reads them all (the
        rows are appended; the view keeps its place). ``keep_place`` (the same filters, new rows): all
        ids at once, and the top row and the current claim stay."""
        if self.project is None:
            return
        self.stale = False
        self._reload_timer.stop()
        self._last_reload = self._clock.elapsed()
        self._generation += 1
        generation, project, selected = self._generation, self.project, self.claim_filter()
        header = self.table.horizontalHeader()
        sort = self.model.sort_names[header.sortIndicatorSection()] \
            if 0 <= header.sortIndicatorSection() < len(self.model.sort_names) else None
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

        def fetch(*, progress, cancelled, first: bool = False):
            if cancelled():
                return None
            f = dataclasses.replace(selected, limit=FIRST_ROWS) if first else selected
            ids = ClaimList(project.claim_ids(f, sort=sort, descending=descending))
            ids.complete = not first or len(ids) < FIRST_ROWS
            every = ClaimFilter(layer=selected.layer)
            # no filter: the ids are the total (counted apart, claims stored meanwhile by a suggestion
            # run showed as "120,259 of 120,279 claims")
            ids.total = None if not ids.complete else len(ids) if selected == every else project.count_claims(every)
            ids.row_of = {ident: row for row, ident in enumerate(ids)}  # here, not on the UI thread
            return ids

        def rest() -> None:
            self._runner.start("Load claims", fetch,
                               on_done=lambda claims: self._loaded(generation, claims, rest=True))

        if keep_place:
            self._runner.start("Load claims", fetch,
                               on_done=lambda claims: self._loaded(generation, claims, keep_place=True))
        else:
            self._runner.start("Load claims", functools.partial(fetch, first=True),
                               on_done=lambda claims: self._loaded(generation, claims, then=rest))

    def reload_soon(self) -> None:
        """``reload``, now when the last one is ``RELOAD_MS`` old, else once when it is: a stream of
        changes costs one id query per ``RELOAD_MS``, not one per change."""
        wait = self._last_reload + RELOAD_MS - self._clock.elapsed()
        if wait <= 0:
            self.reload(keep_place=True)
        elif not self._reload_timer.isActive():
            self._reload_timer.start(wait)

    def _fetch(self, ids):
        """The records of the rows the table shows (a block of ids), on the UI thread: a small read."""
        if self.project is None or not ids:
            return []
        return self._read(ClaimFilter(ids=tuple(ids), layer=self.layer))

    def _read(self, f: ClaimFilter) -> list:
        """The claims of a small filter (a block of rows): streamed without ORM objects, the quick read, from
        the final layer; an annotator's own layer (blind annotation) through the filter's read."""
        if f.layer is not FINAL:
            return self.project.claims(f)
        return list(self.project.stream_claims(f))

    def _loaded(self, generation: int, ids, keep_place: bool = False, then=None, rest: bool = False) -> None:
        """Show the ids read (``then``: read the rest, when these are the first rows only; ``rest``: these
        are all the ids, after the first rows)."""
        if generation != self._generation or ids is None or not shiboken6.isValid(self.model):
            return  # a newer read is on its way, or the window closed while this one ran
        top = self.table.rowAt(0)
        anchor = self.model.data(self.model.index(top, 0), ID_ROLE) if top >= 0 else None
        current = self.table.currentIndex().data(ID_ROLE)
        if rest:  # the rest after the first rows
            if not self.model.grow_to(ids, row_of=ids.row_of):
                self._keep_place(anchor, current)  # changed meanwhile: replaced, kept in place
        elif self.model.show_ids(ids, row_of=ids.row_of) and keep_place:
            self._keep_place(anchor, current)
        self._first_rows = not ids.complete
        if ids.total is not None:
            self._total = ids.total
        self._update_count()
        if ids.complete:
            self.loaded.emit()
        elif then is not None:  # once the first rows are painted: the rest's read competes for the GIL
            QTimer.singleShot(0, then)

    def _keep_place(self, anchor: int | None, current: int | None) -> None:
        """After new rows: the row that was at the top stays there, the current claim stays current."""
        row = self.model.row_of(current) if current is not None else None
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        row = self.model.row_of(anchor) if anchor is not None else None
        if row is not None:
            self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def apply_changes(self, changes: Changes) -> None:
        """Refresh the changed claims (the window's ``changes_applied``): listed rows in place; new claims,
        and ones gone or no longer selected, re-read the ids (``reload_soon``: a suggestion run's stream
        of changes re-reads them at most every RELOAD_MS, keeping the table's place); when hidden, at
        the next showing."""
        if not changes.claims or self.project is None:
            return
        if not self.isVisible():
            self.stale = True
            return
        if len(changes.claims) > self.model.BLOCK:  # a run over many articles: read the ids again
            self.reload_soon()
            return
        if any(self.model.row_of(c) is None for c in changes.claims):  # new rows: where they go is the ids' query
            self.reload_soon()
            return
        found = self._read(  # at most a block of rows, read as the rows shown are
            dataclasses.replace(self.claim_filter(), ids=tuple(changes.claims)))
        self.model.update_records(found)  # rows stay in place (as in Anki's browser) until the next sort
        if len(found) != len(changes.claims):  # gone, or no longer selected by the filters: until the
            self.model.forget(changes.claims - {c.id for c in found})  # re-read, their rows show what is stored
            self.reload_soon()

    # ---------------------------------------------------------------- filters
    def _filters_changed(self, *_) -> None:
        self.reload()

    def _update_count(self) -> None:
        if self._first_rows:
            self.count.setText(f"The first {self.model.rowCount()} claims; reading the rest…")
        else:
            self.count.setText(f"{self.model.rowCount()} of {self._total} claims")

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
