"""The lead's dialog for giving out articles: which annotators, which articles, round-robin or by hand.

It reads what it shows (the annotators' progress, the article list) on the window's reader
thread, and it does not write: ``plan()`` says what to do, and the window runs it on the task
runner (``desktop.team.TeamViews.assign``), since assigning thousands of articles takes a while.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QDialog, QDialogButtonBox, QGridLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QRadioButton, QSpinBox, QTableView, QVBoxLayout, QWidget)

from desktop.table_models import ID_ROLE, ArticleTableModel

ROUND_ROBIN, BY_HAND, UNASSIGN = "round_robin", "by_hand", "unassign"
ALL, UNASSIGNED, CHOSEN = "all", "unassigned", "chosen"


@dataclass(frozen=True)
class AssignPlan:
    """What the lead asked for. ``article_ids`` None: every article of the project."""

    mode: str  # ROUND_ROBIN | BY_HAND | UNASSIGN
    annotators: tuple[str, ...]
    article_ids: tuple[int, ...] | None
    per_article: int = 1

    def describe(self) -> str:
        who = ", ".join(self.annotators)
        what = "every article" if self.article_ids is None else \
            f"{len(self.article_ids)} article{'s' if len(self.article_ids) != 1 else ''}"
        if self.mode == ROUND_ROBIN:
            return f"Gives {what} round-robin to {who}, {self.per_article} annotator{'s' if self.per_article != 1 else ''} per article."
        if self.mode == BY_HAND:
            return f"Gives {what} to each of {who}."
        return f"Takes {what} away from {who} (their decisions stay in the project)."


class AssignDialog(QDialog):
    """``known``: the project's annotators; ``load``: progress per annotator (``AnnotatorProgress`` records);
    ``fetch(ids)``: article summaries for the article table; ``article_ids``: the project's articles in
    list order; ``assigned``: article id -> its annotators (for "not yet assigned")."""

    def __init__(self, known: list[str], *, article_ids: list[int], fetch, load: list,
                 assigned: dict[int, tuple[str, ...]], selected: list[int] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Assign articles")
        self._assigned = assigned
        self._all_ids = list(article_ids)
        loads = {p.annotator: p for p in load}

        people = QGroupBox("Annotators")
        self.annotators = QListWidget(accessibleName="Annotators to assign to")
        for name in sorted(set(known) | set(loads)):
            self._add_person(name, loads.get(name), checked=False)
        self.new_name = QLineEdit(placeholderText="a name, then Enter", accessibleName="New annotator name")
        self.new_name.installEventFilter(self)  # Enter adds the name; it never assigns
        add = QPushButton("Add")
        add.setAutoDefault(False)
        add.clicked.connect(self._add_typed)
        name_label = QLabel("&Name:")
        name_label.setBuddy(self.new_name)
        row = QHBoxLayout()
        row.addWidget(name_label)
        row.addWidget(self.new_name, 1)
        row.addWidget(add)
        box = QVBoxLayout(people)
        box.addWidget(QLabel("Each checked name gets articles; the counts are what each has now."))
        box.addWidget(self.annotators, 1)
        box.addLayout(row)

        how = QGroupBox("How")
        self.round_robin = QRadioButton("&Round-robin: each article to")
        self.per_article = QSpinBox(minimum=1, maximum=20, value=2, suffix=" annotators",
                                    accessibleName="Annotators per article")
        self.by_hand = QRadioButton("By &hand: each chosen article to every checked annotator")
        self.unassign = QRadioButton("Take the chosen articles a&way from the checked annotators")
        self.mode = QButtonGroup(self)
        for button, mode in ((self.round_robin, ROUND_ROBIN), (self.by_hand, BY_HAND), (self.unassign, UNASSIGN)):
            self.mode.addButton(button)
            button.setProperty("mode", mode)
        self.round_robin.setChecked(True)
        grid = QGridLayout(how)
        grid.addWidget(self.round_robin, 0, 0)
        grid.addWidget(self.per_article, 0, 1)
        grid.addWidget(QLabel("(the load spread evenly, the same result every time)"), 1, 0, 1, 2)
        grid.addWidget(self.by_hand, 2, 0, 1, 2)
        grid.addWidget(self.unassign, 3, 0, 1, 2)

        which = QGroupBox("Which articles")
        self.all_articles = QRadioButton(f"A&ll {len(self._all_ids)} articles")
        unassigned = sum(1 for a in self._all_ids if not assigned.get(a))
        self.unassigned_articles = QRadioButton(f"Those not assigned to an&yone yet ({unassigned})")
        self.chosen_articles = QRadioButton("Those s&elected below")
        self.scope = QButtonGroup(self)
        for button, scope in ((self.all_articles, ALL), (self.unassigned_articles, UNASSIGNED),
                              (self.chosen_articles, CHOSEN)):
            self.scope.addButton(button)
            button.setProperty("scope", scope)
        self.article_model = ArticleTableModel(self, fetch=fetch)
        self.article_model.set_ids(self._all_ids)
        self.articles = QTableView(accessibleName="Articles to assign")
        self.articles.setModel(self.article_model)
        self.articles.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.articles.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.articles.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.articles.verticalHeader().hide()
        self.articles.setWordWrap(False)
        for col in range(1, self.article_model.columnCount()):
            self.articles.setColumnHidden(col, col != 2)
        self.articles.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.articles.setColumnWidth(2, self.articles.fontMetrics().horizontalAdvance("0000-00-00") + 16)
        self.articles.selectionModel().selectionChanged.connect(self._articles_picked)
        for article_id in selected:
            row = self.article_model.row_of(article_id)
            if row is not None:
                self.articles.selectionModel().select(
                    self.article_model.index(row, 0),
                    self.articles.selectionModel().SelectionFlag.Select | self.articles.selectionModel().SelectionFlag.Rows)
        (self.chosen_articles if selected else self.unassigned_articles if unassigned else self.all_articles) \
            .setChecked(True)
        box = QVBoxLayout(which)
        for button in (self.all_articles, self.unassigned_articles, self.chosen_articles):
            box.addWidget(button)
        box.addWidget(self.articles, 1)

        self.summary = QLabel(wordWrap=True, accessibleName="What will be done")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Assign")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(people, 1)
        left.addWidget(how)
        top = QHBoxLayout()
        top.addLayout(left, 2)
        top.addWidget(which, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.annotators.itemChanged.connect(self._update)
        self.mode.buttonToggled.connect(self._update)
        self.scope.buttonToggled.connect(self._update)
        self.per_article.valueChanged.connect(self._update)
        self.resize(900, 560)
        self._update()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.new_name and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._add_typed()
            return True
        return super().eventFilter(obj, event)

    # ------------------------------------------------------------- annotators
    def _add_person(self, name: str, progress=None, *, checked: bool) -> QListWidgetItem:
        text = name if progress is None else \
            f"{name}  —  {progress.assigned} assigned, {progress.finished} finished"
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.annotators.addItem(item)
        return item

    def _add_typed(self) -> None:
        name = " ".join(self.new_name.text().split())
        if not name:
            return
        for i in range(self.annotators.count()):
            item = self.annotators.item(i)
            if item.data(Qt.ItemDataRole.UserRole).casefold() == name.casefold():
                item.setCheckState(Qt.CheckState.Checked)
                break
        else:
            self._add_person(name, checked=True)
        self.new_name.clear()
        self._update()

    def checked(self) -> tuple[str, ...]:
        out = []
        for i in range(self.annotators.count()):
            item = self.annotators.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return tuple(out)

    def check(self, *names: str) -> None:
        """Check these annotators (adding the unknown ones)."""
        for name in names:
            self.new_name.setText(name)
            self._add_typed()

    # ---------------------------------------------------------------- the plan
    def _articles_picked(self, *_args) -> None:
        if self.articles.selectionModel().hasSelection():
            self.chosen_articles.setChecked(True)
        self._update()

    def chosen_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.articles.selectionModel().selectedRows()})
        return [self.article_model.index(r, 0).data(ID_ROLE) for r in rows]

    def plan(self) -> AssignPlan | None:
        """What to do, or None when it cannot be done yet (``problem()`` says why)."""
        if self.problem():
            return None
        mode = self.mode.checkedButton().property("mode")
        scope = self.scope.checkedButton().property("scope")
        ids = None if scope == ALL else tuple(self.chosen_ids()) if scope == CHOSEN else \
            tuple(a for a in self._all_ids if not self._assigned.get(a))
        return AssignPlan(mode, self.checked(), ids, self.per_article.value())

    def problem(self) -> str | None:
        annotators = self.checked()
        mode = self.mode.checkedButton().property("mode")
        scope = self.scope.checkedButton().property("scope")
        if not annotators:
            return "Check the annotators who get the articles (or add a name)."
        if mode == ROUND_ROBIN and self.per_article.value() > len(annotators):
            return (f"{self.per_article.value()} annotators per article needs at least that many checked names; "
                    f"{len(annotators)} {'is' if len(annotators) == 1 else 'are'} checked.")
        if scope == CHOSEN and not self.chosen_ids():
            return "Select the articles in the list (Ctrl or Shift + click for several)."
        if scope == UNASSIGNED and not any(not self._assigned.get(a) for a in self._all_ids):
            return "Every article is assigned already: choose all articles or select some."
        if mode == UNASSIGN and scope == UNASSIGNED:
            return "Articles nobody has cannot be taken away: select the articles instead."
        return None

    def _update(self, *_args) -> None:
        problem = self.problem()
        self.per_article.setEnabled(self.round_robin.isChecked())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(problem is None)
        ok.setText("&Take away" if self.unassign.isChecked() else "&Assign")
        self.summary.setText(problem or self.plan().describe())
