"""The adjudication view: only where annotators differ, side by side, with the article text.

A window of its own (it wants the screen's width): the annotated articles on top, the
article's disagreements (``Project.disagreements``) on the left, the article text in the
middle with every fragment of every version of the current disagreement highlighted in its
annotator's colour, the versions side by side below it (the fields that differ marked), and
the final claim's form on the right.

Keys (the Team menu's adjudication actions, acting only in this view's lists and text):
1, 2, 3… take that annotator's version as the final claim (an annotator without the claim:
no claim), X or R settle it as no claim, E edits the final claim in the form, J/K move
between disagreements. A settled disagreement is not settled again by a key: Ctrl+Z undoes
the settlement (every settlement is one undoable, audited action through the window's undo
stack). The reads (the list of articles, an article's disagreements) run on the window's
reader thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

import shiboken6
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QLabel, QListView, QPlainTextEdit,
                               QPushButton, QSplitter, QTextBrowser, QTextEdit, QVBoxLayout, QWidget)

from db import Article, Claim
from desktop.claim_form import ClaimForm
from desktop.offsets import Utf16Map
from desktop.table_models import STANCE_TEXT

Index = QModelIndex | QPersistentModelIndex
# one colour per annotator of the article, in the order of their keys (1, 2, 3…)
# (no blue first: a light blue tint reads as the text selection)
ANNOTATOR_COLOURS = (QColor(230, 120, 0), QColor(20, 150, 70), QColor(170, 50, 190), QColor(0, 150, 160),
                     QColor(200, 40, 60), QColor(30, 110, 230), QColor(120, 100, 30), QColor(90, 90, 90),
                     QColor(230, 60, 150))
ALPHA = 80
WAITING = -1  # an article's open count while fewer than two of its annotators have finished it
FIELDS = (("Claim", lambda c: c.quote), ("Speaker", lambda c: c.speaker or ""), ("Role", lambda c: c.role or ""),
          ("Stance", lambda c: STANCE_TEXT.get(c.stance, c.stance or "") + (f" on {c.topic}" if c.topic else "")),
          ("Verdict", lambda c: c.verdict_rating or ""), ("Kind", lambda c: c.kind),
          ("Date", lambda c: c.date.isoformat() if c.date else ""),
          ("Span", lambda c: ", ".join(f"{f.start}–{f.end}" for f in c.fragments)))


def colour_of(index: int) -> QColor:
    return QColor(ANNOTATOR_COLOURS[index % len(ANNOTATOR_COLOURS)])


def tint(index: int, alpha: float = 0.22) -> str:
    """The annotator's colour mixed into white, as #rrggbb (rich text has no alpha)."""
    c = colour_of(index)
    return "#%02x%02x%02x" % tuple(round(255 - (255 - v) * alpha) for v in (c.red(), c.green(), c.blue()))


@dataclass(frozen=True)
class Group:
    """One disagreement as the view shows it: the versions in key order (None: that annotator has no
    such claim), how it was settled (``final`` claim, or ``no_claim``), and the record it came from."""

    versions: tuple[Claim | None, ...]
    final: Claim | None
    no_claim: bool
    record: object

    @property
    def settled(self) -> bool:
        return self.final is not None or self.no_claim

    @property
    def claim_ids(self) -> tuple[int, ...]:
        return tuple(c.id for c in self.versions if c is not None)

    @property
    def start(self) -> int:
        return min((c.content.start for c in self.versions if c is not None), default=0)

    def differs(self) -> set[str]:
        """The names of the rows (``FIELDS``) the versions do not agree on: the record's differences
        (span, speaker, stance, verdict, a missing version) and any other field shown that differs."""
        named = {"missing": "Claim", "span": "Span", "speaker": "Speaker", "stance": "Stance", "verdict": "Verdict"}
        out = {named[d] for d in getattr(self.record, "differences", ()) if d in named}
        if "Span" in out:
            out.add("Claim")
        present = [c for c in self.versions if c is not None]
        for name, get in FIELDS:
            if len({get(c) for c in present}) > 1:
                out.add(name)
        return out


def make_group(record, annotators: Sequence[str]) -> Group:
    """A ``db`` Disagreement record in the view's shape. "No claim" is settled by a rejected final claim."""
    versions = tuple(record.versions.get(a) for a in annotators)
    settled = getattr(record, "settled", None)
    no_claim = settled is not None and settled.status == "rejected"
    return Group(versions, None if no_claim else settled, no_claim, record)


def group_title(group: Group, annotators: Sequence[str]) -> str:
    """Two lines for the list: the claim's words, then who has it and what differs."""
    present = [c for c in group.versions if c is not None]
    text = " ".join((present[0].quote if present else "").split())
    text = text if len(text) <= 70 else text[:69] + "…"
    state = "✓ " if group.settled else "● "
    have = [f"{i + 1} {a}" for i, (a, c) in enumerate(zip(annotators, group.versions)) if c is not None]
    lack = [a for a, c in zip(annotators, group.versions) if c is None]
    named = ("span", "speaker", "stance", "verdict")
    differ = [d for d in named if d in getattr(group.record, "differences", ())]
    who = " · ".join(have) + (f" only (not {', '.join(lack)})" if lack else "")
    return f"{state}“{text}”\n    {who}" + (f" — {', '.join(differ)} differ{'s' if len(differ) == 1 else ''}"
                                           if differ else "")


class GroupModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.groups: list[Group] = []
        self.annotators: tuple[str, ...] = ()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.groups)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        group = self.groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return group_title(group, self.annotators)
        if role == Qt.ItemDataRole.ForegroundRole and group.settled:
            return QColor(110, 110, 110)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ("settled: " if group.settled else "open: ") + group_title(group, self.annotators)
        return None

    def set_groups(self, groups: list[Group], annotators: tuple[str, ...]) -> None:
        self.beginResetModel()
        self.groups, self.annotators = list(groups), annotators
        self.endResetModel()


class VersionsText(QPlainTextEdit):
    """The article text with each version of one disagreement painted in its annotator's colour."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAccessibleName("Article text of the disagreement")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        self.document().setDocumentMargin(12)
        self._map = Utf16Map("")
        self.painted: list[tuple[int, int, int]] = []  # (start, end, annotator index): for tests

    def set_text(self, text: str) -> None:
        self._map = Utf16Map(text)
        self.setPlainText(text)
        self.painted = []

    def show_versions(self, versions: Sequence[Claim | None]) -> None:
        """Paint every fragment of every version; where versions overlap, a dashed line in the other's colour."""
        pieces = [(f.start, f.end, i) for i, c in enumerate(versions) if c is not None for f in c.fragments]
        bounds = sorted({b for s, e, _ in pieces for b in (s, e)})
        selections, self.painted = [], [(s, e, i) for s, e, i in pieces]
        for a, b in zip(bounds, bounds[1:]):
            covering = sorted({i for s, e, i in pieces if s <= a and b <= e})
            if not covering:
                continue
            fmt = QTextCharFormat()
            colour = colour_of(covering[0])
            colour.setAlpha(ALPHA)
            fmt.setBackground(colour)
            if len(covering) > 1:  # several versions here: the next one's colour as a dashed line under it
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(colour_of(covering[1]).darker(120))
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._map.to_utf16(a))
            cursor.setPosition(self._map.to_utf16(b), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor, sel.format = cursor, fmt
            selections.append(sel)
        self.setExtraSelections(selections)
        if pieces:  # the disagreement in view, with the lines before it
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._map.to_utf16(max(e for _, e, _ in pieces)))
            self.setTextCursor(cursor)
            cursor.setPosition(self._map.to_utf16(min(s for s, _, _ in pieces)))
            self.setTextCursor(cursor)
            self.centerCursor()


def versions_html(group: Group, annotators: Sequence[str]) -> str:
    """The versions side by side, one column per annotator (its key and colour on top); the fields
    they differ on in bold on a tinted row."""
    differs = group.differs()
    width = f"{88 // max(len(annotators), 1)}%"
    taken = [c is not None and group.final is not None and _same(c, group.final) for c in group.versions]
    if group.no_claim:
        taken = [c is None for c in group.versions]
    head = '<tr><th width="12%"></th>' + "".join(
        f'<th align="left" width="{width}" bgcolor="{tint(i, 0.35)}">{i + 1} · {escape(a)}'
        + (" &nbsp;✓ final" if taken[i] else "") + "</th>"
        for i, a in enumerate(annotators)) + "</tr>"
    rows = [head]
    for name, get in FIELDS:
        hot = name in differs
        cells = []
        for c in group.versions:
            if c is None:
                cells.append('<td valign="top"><i>no claim</i></td>' if name == "Claim" else "<td></td>")
                continue
            value = escape(get(c)) or '<span style="color:#888">—</span>'
            if name == "Claim":
                value = f"“{value}”"
            cells.append(f'<td valign="top">{"<b>" + value + "</b>" if hot else value}</td>')
        label = f"<b>{name}</b>" if hot else f'<span style="color:#555">{name}</span>'
        bg = ' bgcolor="#fff3d6"' if hot else ""
        rows.append(f'<tr{bg}><td valign="top">{label}</td>{"".join(cells)}</tr>')
    return ('<table width="100%" cellspacing="0" cellpadding="5" border="1" '
            'style="border-color:#ccc; border-style:solid">' + "".join(rows) + "</table>")


class AdjudicationView(QWidget):
    """Needs ``project`` (a getter), ``reader`` (a TaskRunner), ``change(label, fn)`` (the window's undo
    stack), ``annotator`` (a getter) and ``visibility()``, which gives a plain function
    ``may_see(article_id, annotators, assignment) -> str | None`` (why the annotators' layers of the article
    are hidden from this person, None when they may see them; ``assignment``: the article's
    ``ArticleProgress``, or None when nobody is assigned to it), taken when a read starts: the reader
    calls it on a worker thread."""

    settled = Signal()  # a disagreement was just settled (for the window's status bar)

    def __init__(self, *, project: Callable, reader, change: Callable, annotator: Callable,
                 visibility: Callable[[], Callable], message: Callable[[str], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._project, self._reader, self._change, self._annotator = project, reader, change, annotator
        self._visibility, self._message = visibility, message
        self._generation = 0
        self.article_id: int | None = None
        self.article: Article | None = None
        self.annotators: tuple[str, ...] = ()
        self.hidden_reason: str | None = None
        self.open_counts: dict[int, int | None] = {}  # article id -> open disagreements (None: hidden)
        self._want_row: int | None = None
        self._text_of: int | None = None  # the article whose text the text view holds

        self.articles = QComboBox(accessibleName="Article to adjudicate")
        self.articles.setMinimumContentsLength(40)
        self.articles.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.articles.activated.connect(self._article_chosen)
        self.summary = QLabel(wordWrap=True, accessibleName="Adjudication summary")
        self.agreed_button = QPushButton("Take the agreed claims")
        self.agreed_button.setToolTip("Make every claim all annotators agree on (same span, speaker, stance and "
                                      "verdict) a final claim, in one undoable step")
        self.agreed_button.clicked.connect(self.settle_agreed)
        self.finished_only = QCheckBox("Only &finished work")
        self.finished_only.setChecked(True)
        self.finished_only.setToolTip("Compare only the annotators who marked the article finished in their queue "
                                      "(a layer just opened would show every claim as missing)")
        self.finished_only.toggled.connect(lambda _on: self.reload_articles())
        top = QHBoxLayout()
        top.addWidget(QLabel("Article:"))
        top.addWidget(self.articles, 2)
        top.addWidget(self.summary, 3)
        top.addWidget(self.finished_only)
        top.addWidget(self.agreed_button)

        self.model = GroupModel(self)
        self.groups = QListView(accessibleName="Disagreements")
        self.groups.setModel(self.model)
        self.groups.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.groups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.groups.setWordWrap(True)
        self.groups.setUniformItemSizes(False)
        self.groups.setSpacing(2)
        self.groups.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_group(cur.row()))
        self.text = VersionsText()
        self.versions = QTextBrowser(accessibleName="Versions side by side")
        self.versions.setOpenLinks(False)
        self.keys = QLabel(wordWrap=True)
        self.keys.setText("<small><b>1</b>, <b>2</b>, <b>3</b>…: take that annotator's version · <b>X</b>/<b>R</b>: "
                          "no claim · <b>E</b>: edit the final claim · <b>J</b>/<b>K</b>: next/previous · "
                          "<b>Ctrl+Z</b>: undo</small>")
        self.final_heading = QLabel(wordWrap=True, accessibleName="Final claim status")
        self.form = ClaimForm()
        self.form.accept_button.hide()
        self.form.reject_button.hide()
        self.form.edit.connect(self._form_edit)
        self.form.leave.connect(lambda: self.groups.setFocus(Qt.FocusReason.ShortcutFocusReason))

        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(self.text)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.versions, 1)
        lay.addWidget(self.keys)
        middle.addWidget(box)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 2)
        right = QWidget()
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(0, 0, 0, 0)
        rlay.addWidget(self.final_heading)
        rlay.addWidget(self.form, 10)
        rlay.addStretch(1)  # the heading stays on top while there is no final claim to show
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.groups)
        split.addWidget(middle)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setStretchFactor(2, 2)
        split.setSizes([300, 800, 320])
        self.splitter = split
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self._show_group(-1)

    # the widgets whose keys are the adjudication keys (desktop.action_table "adjudication" actions)
    def key_widgets(self) -> list[QWidget]:
        return [self.groups, self.text, self.versions]

    @property
    def project(self):
        return self._project()

    # ------------------------------------------------------------------ reads
    def reload_articles(self, select: int | None = None, *, only_if_open: bool = False) -> None:
        """The project's articles with two or more layers and how many disagreements each has open,
        read off the UI thread; then ``select`` (``only_if_open``: when it has open ones), else the
        first article with open disagreements."""
        project, may_see, finished = self.project, self._visibility(), self.finished_only.isChecked()
        self._generation += 1
        generation = self._generation

        def read(*, progress, cancelled):
            ids = project.annotated_articles()
            summaries = {a.id: a for a in project.articles(ids=ids)} if ids else {}
            assignments = {p.article_id: p for p in project.progress().per_article}
            layers = project.layer_annotators_by_article(ids) if ids else {}
            counts = {}
            for n, article_id in enumerate(ids):
                if cancelled():
                    return None
                progress(n, len(ids))
                people, assignment = layers.get(article_id, ()), assignments.get(article_id)
                if may_see(article_id, people, assignment):
                    counts[article_id] = None  # blind: not counted, not shown
                elif finished and len(set(people) & set(assignment.finished if assignment else ())) < 2:
                    counts[article_id] = WAITING
                else:
                    counts[article_id] = len(project.disagreements(article_id, open_only=True,
                                                                   finished_only=finished))
            return ids, summaries, counts

        def done(result):
            if result is None or generation != self._generation or not shiboken6.isValid(self):
                return
            ids, summaries, counts = result
            self.open_counts = counts
            self.articles.blockSignals(True)
            self.articles.clear()
            for i in ids:
                a = summaries.get(i)
                n = counts.get(i)
                state = "hidden (blind)" if n is None else "waiting" if n == WAITING else \
                    f"{n} open" if n else "settled"
                self.articles.addItem(f"{state} · {(a.title if a else None) or f'Article {i}'}", i)
            self.articles.blockSignals(False)
            if not ids:
                self.article_id = None
                self._show_nothing("No article has been annotated by two people yet. Assign articles to two or "
                                   "more annotators (Team ▸ Assign articles…) and let them work first.")
                return
            want = select if select is not None else self.article_id
            if want not in counts or (only_if_open and (counts.get(want) or 0) <= 0):
                want = next((i for i in ids if (counts.get(i) or 0) > 0), ids[0])
            self.articles.setCurrentIndex(self.articles.findData(want))
            self.open_article(want)

        self._reader.start("Read annotated articles", read, on_done=done)

    def _article_chosen(self, _index: int) -> None:
        self.open_article(self.articles.currentData())

    def open_article(self, article_id: int | None, *, keep_row: bool = False) -> None:
        """Read the article and its disagreements off the UI thread, then show them."""
        if article_id is None:
            return
        row = self.articles.findData(article_id)
        if row >= 0 and self.articles.currentIndex() != row:
            self.articles.setCurrentIndex(row)
        project = self.project
        self._generation += 1
        generation = self._generation
        self._want_row = self.groups.currentIndex().row() if keep_row and article_id == self.article_id else None

        may_see, finished = self._visibility(), self.finished_only.isChecked()

        def read(*, progress, cancelled):
            article = project.article(article_id)
            assignment = next((p for p in project.progress().per_article if p.article_id == article_id), None)
            people = project.layer_annotators(article_id)
            reason = may_see(article_id, people, assignment)
            if reason:  # blind annotation: the layers are not even read
                return article, [], {}, reason
            if finished:
                done_ = set(assignment.finished) if assignment is not None else set()
                if len(done_ & set(people)) < 2:
                    return article, [], {}, None, waiting_text(people, done_)
            return (article, project.disagreements(article_id, finished_only=finished),
                    project.layers(article_id, finished_only=finished), None)

        def done(result):
            if result is None or generation != self._generation or not shiboken6.isValid(self):
                return
            self._loaded(*result)

        self._reader.start("Read disagreements", read, on_done=done)

    def _loaded(self, article: Article, records: list, layers, hidden: str | None, waiting: str | None = None) -> None:
        """``layers``: annotator -> their decided claims (empty when hidden); ``waiting``: why there is nothing
        to compare yet (fewer than two annotators finished)."""
        self.article_id, self.article = article.id, article
        names = set(layers)
        for r in records:
            names |= set(r.versions)
        self.annotators = tuple(sorted(names))
        self.hidden_reason = hidden
        if self.hidden_reason or waiting:
            self.model.set_groups([], ())
            self._show_nothing(self.hidden_reason or waiting)
            return
        if self._text_of != article.id:
            self.text.set_text(article.text)
            self._text_of = article.id
        groups = sorted((make_group(r, self.annotators) for r in records), key=lambda g: (g.start, g.claim_ids))
        self.model.set_groups(groups, self.annotators)
        open_groups = sum(1 for g in groups if not g.settled)
        self.open_counts[article.id] = open_groups
        row = self.articles.findData(article.id)
        if row >= 0:
            self.articles.setItemText(row, (f"{open_groups} open" if open_groups else "settled")
                                      + f" · {article.title or f'Article {article.id}'}")
        who = ", ".join(f"{i + 1} {a}" for i, a in enumerate(self.annotators))
        self.summary.setText(
            f"<b>{open_groups}</b> open of {len(groups)} disagreement{'s' if len(groups) != 1 else ''} · "
            f"annotators: {escape(who)}")
        if not groups:
            self._show_group(-1)
            decided = any(layers.values()) if isinstance(layers, dict) else True
            self.versions.setHtml(
                "<p><i>The annotators agree on every claim of this article. “Take the agreed claims” makes "
                "them final.</i></p>" if decided else
                "<p><i>No annotator has decided a claim of this article yet: nothing to compare.</i></p>")
            return
        row = self._want_row if self._want_row is not None else None
        if row is None or not 0 <= row < len(groups):
            row = next((i for i, g in enumerate(groups) if not g.settled), 0)
        elif groups[row].settled:  # just settled: on to the next open one, as A does in the text
            row = next((i for i in list(range(row + 1, len(groups))) + list(range(row)) if not groups[i].settled), row)
        self._want_row = None
        self.groups.setCurrentIndex(self.model.index(row, 0))
        self._show_group(row)

    def _show_nothing(self, text: str) -> None:
        self.summary.setText(escape(text))
        self.text.set_text("")
        self._text_of = None
        self.versions.setHtml(f"<p><i>{escape(text)}</i></p>")
        self._show_group(-1)

    # --------------------------------------------------------------- showing
    def current(self) -> Group | None:
        row = self.groups.currentIndex().row()
        return self.model.groups[row] if 0 <= row < len(self.model.groups) else None

    def _show_group(self, row: int) -> None:
        group = self.model.groups[row] if 0 <= row < len(self.model.groups) else None
        if group is None:
            self.text.show_versions(())
            self.form.set_claim(None)
            self.form.hide()
            self.final_heading.setText("<b>Final claim</b><br><i>Nothing to settle here.</i>")
            return
        self.text.show_versions(group.versions)
        self.versions.setHtml(versions_html(group, self.annotators))
        self.form.article_date = self.article.published if self.article else None
        self.form.set_claim(group.final, self.article.text if self.article else "")
        self.form.setVisible(group.final is not None)
        if group.final is not None:
            source = next((a for a, c in zip(self.annotators, group.versions)
                           if c is not None and _same(c, group.final)), None)
            self.final_heading.setText("<b>Final claim</b> ✓ settled" + (f" (taken from {escape(source)})"
                                                                         if source else " (edited)")
                                       + "<br><small>E edits it here · Ctrl+Z undoes the settlement</small>")
        elif group.no_claim:
            self.final_heading.setText("<b>Final claim</b>: ✓ settled as <b>no claim</b>"
                                       "<br><small>Ctrl+Z undoes it</small>")
        else:
            self.final_heading.setText("<b>Final claim</b>: <i>open</i><br><small>1, 2, 3… take a version; "
                                       "X: no claim</small>")

    # ------------------------------------------------------------------ moves
    def step(self, forward: bool) -> None:
        rows = len(self.model.groups)
        if not rows:
            return
        row = self.groups.currentIndex().row()
        row = (0 if row < 0 else min(row + 1, rows - 1)) if forward else max(row - 1, 0)
        self.groups.setCurrentIndex(self.model.index(row, 0))

    # ---------------------------------------------------------------- changes
    def _refuse_settled(self, group: Group | None) -> bool:
        if group is None:
            self._message("No disagreement selected (J/K move between them).")
            return True
        if group.settled:
            self._message("Already settled: Ctrl+Z undoes the settlement; E edits the final claim.")
            return True
        return False

    def take(self, number: int) -> None:
        """Key ``number`` (1-based): that annotator's version becomes the final claim (their "no claim": none)."""
        group = self.current()
        if self._refuse_settled(group):
            return
        if not 1 <= number <= len(self.annotators):
            self._message(f"There is no version {number}: this article has {len(self.annotators)} annotators.")
            return
        version = group.versions[number - 1]
        if version is None:
            self.no_claim(label=f"Adjudicate: no claim ({self.annotators[number - 1]})")
            return
        project, article_id, ids, me = self.project, self.article_id, group.claim_ids, self._annotator()

        def settle():
            _claim, changes = project.adjudicate(article_id, take=version.id, replaces=ids, annotator=me)
            return changes

        self._settle(f"Adjudicate: take {self.annotators[number - 1]}'s version", settle)

    def no_claim(self, label: str = "Adjudicate: no claim") -> None:
        group = self.current()
        if self._refuse_settled(group):
            return
        project, article_id, ids, me = self.project, self.article_id, group.claim_ids, self._annotator()
        self._settle(label, lambda: _changes(project.reject_all(article_id, ids, annotator=me)))

    def _settle(self, label: str, fn) -> None:
        if self._change(label, fn) is not None:
            self.settled.emit()
            self.open_article(self.article_id, keep_row=True)

    def settle_agreed(self) -> None:
        if self.article_id is None or self.hidden_reason:
            return
        project, article_id, me = self.project, self.article_id, self._annotator()
        changes = self._change("Adjudicate: take the agreed claims",
                               lambda: _changes(project.adjudicate_agreed(article_id, annotator=me)))
        if changes is not None:
            self._message(f"{len(changes.claims)} claim record{'s' if len(changes.claims) != 1 else ''} settled "
                          "where every annotator agrees." if changes else "Nothing was agreed and still open.")
            self.open_article(self.article_id, keep_row=True)

    def edit_final(self) -> None:
        group = self.current()
        if group is None or group.final is None:
            self._message("Take a version first (1, 2, 3…); then E edits the final claim."
                          if group is not None and not group.no_claim else "There is no final claim to edit here.")
            return
        self.form.kind.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _form_edit(self, claim_id: int, label: str, fields: dict) -> None:
        group = self.current()
        if group is None or group.final is None or group.final.id != claim_id:
            return
        project, version, me = self.project, group.final.version, self._annotator()
        if self._change(f"Final claim: {label.lower()}", lambda: project.update_claim(
                claim_id, annotator=me, expected_version=version, label=label, **fields)) is not None:
            self.open_article(self.article_id, keep_row=True)

    def apply_changes(self, changes) -> None:
        """The window's ``changes_applied`` (also other people's, seen by the poll): re-read the shown article
        when a change touched it or its assignments."""
        if self.article_id is None or not self.isVisible():
            return
        known = {i for g in self.model.groups for i in g.claim_ids} | \
            {g.final.id for g in self.model.groups if g.final is not None}
        if self.article_id in changes.articles | changes.assignments or changes.claims & known:
            self.open_article(self.article_id, keep_row=True)  # an undo, an annotator who finished


def waiting_text(people, finished) -> str:
    done = sorted(set(people) & set(finished))
    working = sorted(set(people) - set(finished))
    return ("Fewer than two annotators have finished this article: nothing to compare yet "
            f"(finished: {', '.join(done) or 'nobody'}; still working: {', '.join(working) or 'nobody'}). "
            "Untick “Only finished work” to see their work so far.")


def _same(a: Claim, b: Claim) -> bool:
    """Whether the final claim is still the version as taken (the fields adjudication compares)."""
    return all(get(a) == get(b) for _, get in FIELDS)


def _changes(result):
    """A verb's Changes, whether it returns them alone or after a record."""
    return result[-1] if isinstance(result, tuple) else result
