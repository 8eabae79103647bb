"""The agreement view: how far the annotators agree, for the project and per article.

The figures are ``kernel.agreement``'s (the same as ``quotedesk agreement`` and the Excel
Agreement sheet): span F1 partial and exact (``quotedesk eval``'s matching), speaker agreement
on matched claims, Cohen's κ (two annotators) and Krippendorff's α for stance and verdict. They
are computed on the task runner (every annotated article is read), with progress and Cancel in
the status bar. In blind annotation an article this person annotates is left out until its
annotators have finished (``desktop.team``), and the project's figures are pooled over the
articles shown. Double-click (or Enter on) an article opens it in the adjudication view.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import shiboken6
from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from desktop.table_models import ID_ROLE, SORT_ROLE, RecordTableModel

REFRESH_MS = 1500  # after changes while the view is open: one recomputation for a burst of edits


def figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def chance(labels, kappa: float | None) -> str:
    """κ / α of one label (stance or verdict) as "κ 0.61 · α 0.60", "—" when neither can be computed."""
    parts = ([f"κ {kappa:.2f}"] if kappa is not None else []) + \
        ([f"α {labels.alpha:.2f}"] if labels.alpha is not None else [])
    return " · ".join(parts) if parts else "—"


def _sort(value: float | None) -> float:
    return -1.0 if value is None else value


class ArticleAgreementModel(RecordTableModel):
    id_field = "article_id"
    centred = frozenset(range(2, 7))

    columns = (
        ("Article", lambda a: a.title or f"Article {a.article_id}", lambda a: (a.title or "").casefold()),
        ("Annotators", lambda a: ", ".join(f"{n} ({c})" for n, c in zip(a.annotators, a.claims)), None),
        ("Span F1", lambda a: figure(a.f1_partial), lambda a: _sort(a.f1_partial)),
        ("Exact F1", lambda a: figure(a.f1_exact), lambda a: _sort(a.f1_exact)),
        ("Speaker", lambda a: figure(a.speaker), lambda a: _sort(a.speaker)),
        ("Stance", lambda a: chance(a.stance, a.kappa("stance")), lambda a: _sort(a.stance.alpha)),
        ("Verdict", lambda a: chance(a.verdict, a.kappa("verdict")), lambda a: _sort(a.verdict.alpha)),
    )
    header_tips = ("The article", "Its annotators and how many claims each decided",
                   "Claims found by both, partially matched (character overlap ≥ 50%): F1",
                   "Claims with exactly the same span: F1", "Matched claims naming the same speaker (share)",
                   "Chance-corrected agreement on the stance of matched claims: Cohen's κ (two annotators), "
                   "Krippendorff's α", "The same for the verdict rating")


def _labelled(n: int) -> str:
    return f" &nbsp;<small>({n} matched claim{'s' if n != 1 else ''} labelled by two or more)</small>"


def totals_html(total, hidden: int) -> str:
    """The project's figures as a small table, one row per measure."""
    articles = len(total.articles)
    claims = sum(sum(a.claims) for a in total.articles)
    rows = [("Span F1, partial match", figure(total.f1_partial)), ("Span F1, exact match", figure(total.f1_exact)),
            ("Speaker agreement (matched claims)", figure(total.speaker)),
            ("Stance", chance(total.stance, total.kappa("stance")) + _labelled(total.stance.n)),
            ("Verdict", chance(total.verdict, total.kappa("verdict")) + _labelled(total.verdict.n))]
    pairs = "".join(
        f"<tr><td>{escape(p.a)} – {escape(p.b)}</td><td align='center'>{p.articles}</td>"
        f"<td align='center'>{figure(p.f1_partial)}</td><td align='center'>{figure(p.f1_exact)}</td>"
        f"<td align='center'>{figure(p.speaker)}</td><td align='center'>{figure(p.stance.kappa)}</td>"
        f"<td align='center'>{figure(p.verdict.kappa)}</td></tr>" for p in total.pairs)
    note = (f"<br><small>{hidden} article{'s' if hidden != 1 else ' is'}{' are' if hidden != 1 else ''} left out: "
            "you annotate them too (blind annotation) and not everyone has finished.</small>" if hidden else "")
    return (f"<b>Project</b>: {articles} article{'s' if articles != 1 else ''} annotated by two or more, "
            f"{len(total.annotators)} annotators ({escape(', '.join(total.annotators))}), {claims} decided claims. "
            "<small>Pooled over the claims of all articles, not averaged.</small>" + note
            + '<table cellspacing="0" cellpadding="3"><tr><td valign="top"><table cellpadding="2">'
            + "".join(f"<tr><td>{name}</td><td><b>{value}</b></td></tr>" for name, value in rows)
            + '</table></td><td width="24"></td><td valign="top"><table cellpadding="2" border="1" '
              'cellspacing="0" style="border-color:#ccc">'
            + "<tr><th>Pair</th><th>Articles</th><th>Span F1</th><th>Exact</th><th>Speaker</th>"
              "<th>Stance κ</th><th>Verdict κ</th></tr>" + pairs + "</table></td></tr></table>")


class AgreementView(QWidget):
    """``project``: a getter; ``runner``: the window's TaskRunner; ``visibility()``: a plain function
    ``hidden_reason(article_id, annotators, assignment)`` saying why an article's layers are hidden from this
    person (desktop.team), taken when a computation starts (it runs on a worker thread);
    ``adjudicate(id)`` opens an article in the adjudication view."""

    def __init__(self, *, project: Callable, runner, visibility: Callable[[], Callable],
                 adjudicate: Callable[[int], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._project, self._runner, self._visibility, self._adjudicate = project, runner, visibility, adjudicate
        self._generation = 0
        self._task = None
        self.result = None  # (pooled Agreement of the shown articles, articles left out)
        self.totals = QLabel(wordWrap=True, accessibleName="Agreement of the project",
                             textFormat=Qt.TextFormat.RichText)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.finished = QCheckBox("Only &finished work")
        self.finished.setChecked(True)
        self.finished.setToolTip("Count an annotator on an article only once they marked it finished in their "
                                 "queue (work in progress would pull the figures down)")
        self.finished.toggled.connect(lambda _on: self.refresh())
        self.refresh_button = QPushButton("Recompute")
        self.refresh_button.setToolTip("Compute the agreement again from the annotators' current decisions")
        self.refresh_button.clicked.connect(self.refresh)
        self.adjudicate_button = QPushButton("Adjudicate the selected article")
        self.adjudicate_button.clicked.connect(self._adjudicate_selected)
        self.model = ArticleAgreementModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(accessibleName="Agreement per article")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # the articles they agree least on first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for col, sample in ((1, "annotator (00), annotator (00)"), (2, "Span F1"), (3, "Exact F1"),
                            (4, "Speaker"), (5, "κ 0.00 · α 0.00"), (6, "κ 0.00 · α 0.00")):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, metrics.horizontalAdvance(sample) + 20)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        buttons = QHBoxLayout()
        buttons.addWidget(self.finished)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.adjudicate_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.totals)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.totals.setText("<i>Computing…</i>")

    def refresh(self) -> None:
        """Compute the agreement on the task runner (a newer request replaces an older one)."""
        if self._task is not None and self._task.running:
            self._task.cancel()
        self._generation += 1
        generation, project, hidden_reason = self._generation, self._project(), self._visibility()
        finished = self.finished.isChecked()

        def job(*, progress, cancelled):
            return compute(project, hidden_reason, finished_only=finished, progress=progress, cancelled=cancelled)

        def done(result):
            if result is not None and generation == self._generation and shiboken6.isValid(self):
                self._show(*result)

        self._task = self._runner.start("Compute agreement", job, on_done=done)

    def _show(self, total, hidden: int) -> None:
        self.result = (total, hidden)
        self.model.set_records(total.articles)
        if total.articles:
            self.totals.setText(totals_html(total, hidden))
        else:
            self.totals.setText(
                "<i>No article has two annotators' " + ("finished " if self.finished.isChecked() else "")
                + "decisions yet" + (
                    f" that you may see ({hidden} left out: you annotate them too, blind)" if hidden else "")
                + ". Assign articles to two or more annotators (Team ▸ Assign articles…); the figures appear "
                  "here as they decide.</i>")

    def apply_changes(self, changes) -> None:
        """After changes (the window's ``changes_applied``): recompute soon, when shown."""
        if self.isVisible() and (changes.claims or getattr(changes, "assignments", None)):
            self._timer.start()

    def _activated(self, index) -> None:
        article_id = index.data(ID_ROLE)
        if article_id is not None:
            self._adjudicate(int(article_id))

    def _adjudicate_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._activated(index)


def compute(project, hidden_reason, *, finished_only: bool = True, progress, cancelled):
    """The agreement of the articles this person may see, pooled, and how many were left out (a job).
    ``finished_only``: an annotator counts on an article once they marked it finished."""
    from db.agreement import project_agreement
    from kernel.agreement import pool

    progress(0, None)
    result = project_agreement(project, finished_only=finished_only)
    if cancelled():
        return None
    assignments = {p.article_id: p for p in project.progress().per_article}
    shown = [a for a in result.articles
             if hidden_reason(a.article_id, a.annotators, assignments.get(a.article_id)) is None]
    return pool(shown), len(result.articles) - len(shown)
