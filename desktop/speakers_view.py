"""The speaker registry: names, aliases, affiliations and dated roles; merging, splitting, proposals.

Every edit is a Project verb run through ``change(label, fn)`` (the window's undo stack
when there is one), so it is audited and undoable like any claim edit. The lower table
lists speakers that look like one person ("Meloni" / "Giorgia Meloni") for a person
to merge or dismiss.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QCompleter, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QLineEdit, QPushButton, QSplitter, QTableView,
                               QVBoxLayout, QWidget)

from db import Changes, InvalidValueError, MergeProposal, Project, Speaker
from app.affiliating import AffiliationSuggestion
from app.affiliating import confirm as confirm_affiliation
from app.affiliating import pending as pending_affiliations
from desktop.errors import show_error
from desktop.table_models import ID_ROLE, SORT_ROLE, RecordTableModel

Change = Callable[[str, Callable[[], Changes]], "Changes | None"]


def direct_change(parent: QWidget) -> Change:
    """Run a verb at once, showing a failure to the user (for views used outside the main window)."""

    def run(label: str, fn: Callable[[], Changes]) -> Changes | None:
        try:
            return fn()
        except Exception as exc:  # shown, not raised: this is a button's slot
            show_error(parent, exc, context=label)
            return None

    return run


def parse_date(text: str, what: str) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidValueError(f"The {what} date “{text}” is not a date; write it as 2024-12-12.") from None


def roles_text(s: Speaker) -> str:
    def one(r) -> str:
        span = f"{r.start or '…'} – {r.end or 'now'}" if (r.start or r.end) else ""
        return f"{r.role} ({span})" if span else r.role

    return "; ".join(one(r) for r in s.roles)


class SpeakerTableModel(RecordTableModel):
    columns = (
        ("Name", lambda s: s.name, lambda s: s.name.casefold()),
        ("Aliases", lambda s: ", ".join(s.aliases), None),
        ("Affiliation", lambda s: s.affiliation or "", lambda s: (s.affiliation or "").casefold()),
        ("Roles", roles_text, None),
        ("Claims", lambda s: s.claim_count, None),
    )
    suggested: dict[int, AffiliationSuggestion] = {}  # affiliations the model suggested, not yet kept by a person

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        value = super().data(index, role)
        if index.isValid() and index.column() == 2 and role in (Qt.ItemDataRole.DisplayRole,
                                                                Qt.ItemDataRole.ToolTipRole):
            sug = self.suggested.get(self._rows[index.row()].id)
            if sug is not None:
                return f"{value} (suggested)" if role == Qt.ItemDataRole.DisplayRole else \
                    f"Suggested from “{sug.evidence}”; keep or edit it in the speaker's form"
        if index.isValid() and index.column() == 2 and role == Qt.ItemDataRole.FontRole \
                and self._rows[index.row()].id in self.suggested:
            font = QFont()
            font.setItalic(True)
            return font
        return value


class ProposalModel(QAbstractTableModel):
    headers = ("Keep", "Merge into it", "Why")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.proposals: list[MergeProposal] = []

    def set_proposals(self, proposals: list[MergeProposal]) -> None:
        self.beginResetModel()
        self.proposals = list(proposals)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.proposals)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        p = self.proposals[index.row()]
        return (f"{p.keep} ({p.keep_claims})", f"{p.other} ({p.other_claims})", p.reason)[index.column()]


class RegistryEditing:
    """What the speaker and topic views share: selection, undoable edits, merging selected rows.

    Expects ``table``, ``proxy``, ``model``, ``change``, ``refresh``, ``_show(id)`` and
    ``merge(keep_id, other_id)``.
    """

    merge_title = "Merge"
    merge_what = "items"
    merge_prompt = "Keep this one:"

    def selected_ids(self) -> list[int]:
        return [i.data(ID_ROLE) for i in self.table.selectionModel().selectedRows()]

    def _select(self, record_id: int | None) -> None:
        """Select a record's row (none when it is not listed) and show it in the editor."""
        row = self.model.row_of(record_id) if record_id is not None else None
        if row is None:
            self.table.clearSelection()
            self._show(None)
            return
        self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self._show(record_id)

    def _run(self, label: str, fn: Callable[[], Changes]) -> Changes | None:
        changes = self.change(label, fn)
        if changes is not None:
            self.refresh()
        return changes

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) < 2:
            show_error(self, InvalidValueError(f"Select two or more {self.merge_what} to merge (Ctrl+click)."),
                       context=self.merge_title)
            return
        names = {self.model.record(self.model.row_of(i)).name: i for i in ids}
        keep, ok = QInputDialog.getItem(self, self.merge_title, self.merge_prompt, list(names), 0, False)
        if ok:
            for other in [i for i in ids if i != names[keep]]:
                if self.merge(names[keep], other) is None:
                    break


class SpeakersView(RegistryEditing, QWidget):
    merge_title = "Merge speakers"
    merge_what = "speakers"
    merge_prompt = "Keep this name (the others become aliases):"

    def __init__(self, project: Project, *, change: Change | None = None,
                 annotator: Callable[[], str | None] = lambda: None, read_now: bool = True, parent=None):
        """``read_now=False``: the registry is read at the first ``refresh`` (a hidden dock's view is read
        when shown: every speaker's claim count and the merge proposals go over the whole project)."""
        super().__init__(parent)
        self.project = project
        self.change = change or direct_change(self)
        self.annotator = annotator
        self.speaker_id: int | None = None
        self.shown_version: int | None = None

        self.filter = QLineEdit(placeholderText="Filter speakers…", clearButtonEnabled=True)
        self.model = SpeakerTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(accessibleName="Speakers")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col in (0, 2, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 120)
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _: self._show(cur.data(ID_ROLE) if cur.isValid() else None))  # None via Qt leaks a ref
        merge = QPushButton("Merge selected…")
        merge.setToolTip("Merge the selected speakers into one: claims, aliases and roles follow.")
        merge.clicked.connect(self.merge_selected)

        self.name = QLineEdit()
        self.aliases = QLineEdit(placeholderText="other names, separated by commas")
        self.affiliation = QLineEdit(placeholderText="e.g. Government of Italy")
        self.affiliation_completer = QCompleter([], self)
        self.affiliation_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.affiliation.setCompleter(self.affiliation_completer)
        save = QPushButton("Save")
        save.clicked.connect(self.save)
        self.roles = QLabel(wordWrap=True)
        self.role = QLineEdit(placeholderText="role, e.g. Italian Defense Minister")
        self.role_start = QLineEdit(placeholderText="from (2022-10-22)")
        self.role_end = QLineEdit(placeholderText="to (empty: still)")
        add_role = QPushButton("Add role")
        add_role.clicked.connect(self.add_role)
        self.alias_box = QComboBox()
        split = QPushButton("Split off")
        split.setToolTip("Make this alias a speaker of its own; claims that mention it by that name go with it.")
        split.clicked.connect(self.split_alias)

        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Aliases", self.aliases)
        form.addRow("Affiliation", self.affiliation)
        self.suggestion = QLabel(wordWrap=True)
        self.keep_suggestion = QPushButton("Keep suggested affiliation")
        self.keep_suggestion.setToolTip("The affiliation is right: stop marking it as suggested")
        self.keep_suggestion.clicked.connect(self.keep_suggested)
        suggestion_row = QHBoxLayout()
        suggestion_row.addWidget(self.suggestion, 1)
        suggestion_row.addWidget(self.keep_suggestion)
        form.addRow("", suggestion_row)
        form.addRow("", save)
        for line in (self.name, self.aliases, self.affiliation):  # Enter saves the speaker, nothing else
            line.returnPressed.connect(self.save)
        for line in (self.role, self.role_start, self.role_end):
            line.returnPressed.connect(self.add_role)
        form.addRow("Roles", self.roles)
        form.addRow("New role", self.role)
        role_row = QHBoxLayout()
        for w in (self.role_start, self.role_end, add_role):
            role_row.addWidget(w)
        form.addRow("", role_row)
        split_row = QHBoxLayout()
        split_row.addWidget(self.alias_box, 1)
        split_row.addWidget(split)
        form.addRow("Alias", split_row)
        self.editor = QGroupBox("Speaker")
        self.editor.setLayout(form)

        self.proposal_model = ProposalModel(self)
        self.proposals = QTableView(accessibleName="Proposed merges")
        self.proposals.setModel(self.proposal_model)
        self.proposals.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.proposals.verticalHeader().setVisible(False)
        self.proposals.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        accept = QPushButton("Merge")
        accept.clicked.connect(self.accept_proposal)
        dismiss = QPushButton("Not the same person")
        dismiss.clicked.connect(self.dismiss_proposal)
        proposal_box = QGroupBox("Proposed merges: the same person under different names?")
        pl = QVBoxLayout(proposal_box)
        pl.addWidget(self.proposals)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(accept)
        buttons.addWidget(dismiss)
        pl.addLayout(buttons)

        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(merge)
        tl.addLayout(bar)
        tl.addWidget(self.table, 1)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(top)
        upper.addWidget(self.editor)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        upper.setSizes([600, 400])
        split_v = QSplitter(Qt.Orientation.Vertical)
        split_v.addWidget(upper)
        split_v.addWidget(proposal_box)
        split_v.setStretchFactor(0, 3)
        split_v.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(split_v)
        if read_now:
            self.refresh()

    # ---------------------------------------------------------------- reading
    def refresh(self) -> None:
        speakers = self.project.speakers()
        self.model.suggested = pending_affiliations(self.project)
        self.model.set_records(speakers)
        self.affiliation_completer.model().setStringList(sorted({s.affiliation for s in speakers if s.affiliation}))
        self.proposal_model.set_proposals(self.project.speaker_merge_proposals())
        self.proposals.resizeColumnsToContents()
        keep = self.speaker_id if self.model.row_of(self.speaker_id or -1) is not None else None
        self.select_speaker(keep)

    def select_speaker(self, speaker_id: int | None) -> None:
        self._select(speaker_id)

    def _show(self, speaker_id: int | None) -> None:
        self.speaker_id = speaker_id
        row = self.model.row_of(speaker_id) if speaker_id is not None else None
        s = self.model.record(row) if row is not None else None
        self.shown_version = s.version if s else None  # an edit of what is shown is refused once it is stale
        self.editor.setEnabled(s is not None)
        self.editor.setTitle(f"Speaker: {s.name}" if s else "Speaker")
        self.name.setText(s.name if s else "")
        self.aliases.setText(", ".join(s.aliases) if s else "")
        self.affiliation.setText((s.affiliation or "") if s else "")
        sug = self.model.suggested.get(speaker_id) if s is not None else None
        self.suggestion.setText(
            f"<i>Suggested</i> from “{escape(sug.evidence)}”" + (f" (claim {sug.claim_id})" if sug.claim_id else "")
            if sug else "")
        self.suggestion.setVisible(sug is not None)
        self.keep_suggestion.setVisible(sug is not None)
        self.roles.setText((roles_text(s) or "none yet") if s else "")
        self.alias_box.clear()
        self.alias_box.addItems(list(s.aliases) if s else [])

    # ---------------------------------------------------------------- editing
    def save(self) -> None:
        sid = self.speaker_id
        if sid is None:
            return
        aliases = [a.strip() for a in self.aliases.text().split(",") if a.strip()]
        self._run("Edit speaker", lambda: self.project.update_speaker(
            sid, annotator=self.annotator(), name=self.name.text(), aliases=aliases,
            affiliation=self.affiliation.text(), expected_version=self.shown_version))

    def keep_suggested(self) -> None:
        if self.speaker_id is not None:
            confirm_affiliation(self.project, self.speaker_id)
            self.refresh()

    def add_role(self) -> None:
        sid = self.speaker_id
        if sid is None:
            return

        def add() -> Changes:
            start, end = parse_date(self.role_start.text(), "start"), parse_date(self.role_end.text(), "end")
            return self.project.add_speaker_role(sid, self.role.text(), start, end, annotator=self.annotator())

        if self._run("Add role", add) is not None:
            for w in (self.role, self.role_start, self.role_end):
                w.clear()

    def split_alias(self) -> None:
        sid, alias = self.speaker_id, self.alias_box.currentText()
        if sid is None or not alias:
            return
        self._run("Split alias", lambda: self.project.split_alias(sid, alias, annotator=self.annotator())[1])

    def merge(self, keep_id: int, other_id: int) -> Changes | None:
        return self._run("Merge speakers", lambda: self.project.merge_speakers(
            keep_id, other_id, annotator=self.annotator()))

    def current_proposal(self) -> MergeProposal | None:
        index = self.proposals.currentIndex()
        return self.proposal_model.proposals[index.row()] if index.isValid() else None

    def accept_proposal(self) -> None:
        p = self.current_proposal()
        if p is not None:
            self.merge(p.keep_id, p.other_id)

    def dismiss_proposal(self) -> None:
        p = self.current_proposal()
        if p is not None:
            self.project.dismiss_merge_proposal(p.keep_id, p.other_id)
            self.proposal_model.set_proposals(self.project.speaker_merge_proposals())
