"""The main window: article list, article text, claim form, all-claims table, and the keyboard flow.

Every change goes through ``self.undo`` (a CoreUndoStack) as one Project verb,
so it is saved at once, audited under the annotator's name and undoable; the
``Changes`` it returns say what to refresh. Slow work (model loading, import,
suggestions, export, loading the claims table) runs on ``self.runner``.
Small per-article reads (one article and its claims) stay on the UI thread.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (QAbstractItemView, QDockWidget, QHeaderView, QLabel, QLineEdit, QMainWindow, QMenu,
                               QMessageBox, QTableView, QTabWidget, QVBoxLayout, QWidget)

from db import Changes, Claim, ClaimFilter, NewClaim, Project, Span
from desktop import jobs
from desktop.actions import build_menus, create_actions
from desktop.article_view import ArticleView
from desktop.claim_form import ClaimForm
from desktop.claims_panel import ClaimsPanel
from desktop.dialogs import HelpOverlay, ask_annotator, ask_import_files, ask_import_folder
from desktop.errors import show_error
from desktop.models import ID_ROLE, ArticleTableModel
from desktop.settings import Settings
from desktop.tasks import TaskRunner
from desktop.undo import CoreUndoStack
from desktop.window_projects import ProjectMenuMixin

log = logging.getLogger(__name__)
LIST_REFRESH_MS = 1500  # article list refresh while a background job reports progress
STANCE_KEYS = {"stance_favor": "favor", "stance_against": "against", "stance_neutral": "neutral", "stance_none": None}


class MainWindow(ProjectMenuMixin, QMainWindow):
    """``project``, ``annotator``, ``runner``, ``open_claim(id)`` and ``menu(name)`` are for other views too."""

    model_ready = Signal()
    suggestions_done = Signal(object)  # SuggestSummary

    def __init__(self, project: Project, annotator: str, *, settings: Settings | None = None,
                 runner: TaskRunner | None = None, load_model: bool = True, auto_suggest: bool = True,
                 owns_project: bool = False):
        super().__init__()
        self.setWindowTitle("Quotedesk")
        self.setAcceptDrops(True)
        self.project = project
        self.annotator = annotator
        self.settings = settings or Settings()
        self.runner = runner or TaskRunner(self)
        self.owns_project = owns_project
        self.auto_suggest = auto_suggest
        self.nlp = None
        self.model_name: str | None = None
        self._waiting_for_model: set[int] = set()
        self.article_id: int | None = None
        self.claim_id: int | None = None

        self.undo = CoreUndoStack(project, annotator, self)
        self.undo.changed.connect(self.apply_changes)
        self.undo.failed.connect(self.show_error)

        self._build_widgets()
        self.actions = create_actions(self)
        self._menus = build_menus(self.menuBar(), self.actions)
        self.install_project_menu(self._menus["File"])
        for name, action in self.actions.items():
            handler = getattr(self, f"act_{name}")
            (action.toggled if action.isCheckable() else action.triggered).connect(
                lambda *a, h=handler: h(*a[:1]) if h.__code__.co_argcount > 1 else h())
        self._watch_undo()
        self.actions["show_rejected"].setChecked(self.settings.show_rejected())
        self.help_overlay = HelpOverlay(self)
        self._build_status_bar()
        self._restore_layout()

        self._list_timer = QTimer(self, singleShot=True, interval=LIST_REFRESH_MS)
        self._list_timer.timeout.connect(self.refresh_articles)
        self.runner.task_ended.connect(self._task_ended)
        self._load_project()
        try:
            from desktop.factcheck import install_factcheck_views
        except ImportError:
            install_factcheck_views = None
        if install_factcheck_views is not None:
            install_factcheck_views(self)
        if load_model:
            QTimer.singleShot(0, self.load_model)

    # ------------------------------------------------------------------ layout
    def _build_widgets(self) -> None:
        self.article_search = QLineEdit(placeholderText="Search articles…", clearButtonEnabled=True)
        self.article_search.setAccessibleName("Search articles")
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.refresh_articles)
        self.article_search.textChanged.connect(lambda _: self._search_timer.start())
        self.article_model = ArticleTableModel(self)
        self.article_table = QTableView(accessibleName="Articles")
        self.article_table.setModel(self.article_model)
        self.article_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.article_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.article_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.article_table.setWordWrap(False)
        self.article_table.verticalHeader().hide()
        header = self.article_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.article_table.setColumnWidth(1, 80)
        header.setMinimumSectionSize(28)
        for col in range(2, self.article_model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.article_table.verticalHeader().setDefaultSectionSize(self.article_table.fontMetrics().height() + 8)
        self.article_table.setColumnHidden(1, True)  # publisher: in the header above the text; header menu shows it
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._article_columns_menu)
        self.article_table.selectionModel().currentRowChanged.connect(self._article_row_changed)
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(6, 6, 6, 6)
        box.addWidget(self.article_search)
        box.addWidget(self.article_table, 1)
        self.articles_dock = self._dock("Articles", left, Qt.DockWidgetArea.LeftDockWidgetArea)

        self.article_header = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.article_header.setAccessibleName("Article details")
        self.article_header.setContentsMargins(8, 6, 8, 2)
        self.article_view = ArticleView()
        self.article_view.claim_clicked.connect(lambda cid: self.select_claim(cid))
        article_page = QWidget()
        page = QVBoxLayout(article_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        page.addWidget(self.article_header)
        page.addWidget(self.article_view, 1)
        self.claims_panel = ClaimsPanel(self.runner)
        self.claims_panel.claim_activated.connect(self.open_claim)
        self.tabs = QTabWidget(documentMode=True)
        self.tabs.addTab(article_page, "&Article")
        self.tabs.addTab(self.claims_panel, "All &claims")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)

        self.form = ClaimForm()
        self.form.edit.connect(self._form_edit)
        self.form.accept_clicked.connect(self.act_accept)
        self.form.reject_clicked.connect(self.act_reject)
        self.form.alias_requested.connect(self._add_alias)
        self.form.leave.connect(lambda: self.article_view.setFocus(Qt.FocusReason.ShortcutFocusReason))
        self.form_dock = self._dock("Claim", self.form, Qt.DockWidgetArea.RightDockWidgetArea)
        scrollbar = self.form.verticalScrollBar().sizeHint().width()
        self.form.setMinimumWidth(self.form.widget().minimumSizeHint().width() + scrollbar + 4)
        self.setTabOrder(self.article_search, self.article_table)
        self.setTabOrder(self.article_table, self.article_view)
        self.setTabOrder(self.article_view, self.form)

    def _article_columns_menu(self, pos) -> None:
        menu = QMenu(self)
        for col in range(1, self.article_model.columnCount()):
            action = menu.addAction(self.article_model.headerData(col, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not self.article_table.isColumnHidden(col))
            action.toggled.connect(lambda on, c=col: self.article_table.setColumnHidden(c, not on))
        menu.exec(self.article_table.horizontalHeader().mapToGlobal(pos))

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{title.lower()}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.model_label = QLabel("Language model: not loaded")
        self.model_label.setAccessibleName("Language model status")
        self.annotator_label = QLabel()
        bar.addPermanentWidget(self.runner.progress_widget())
        bar.addPermanentWidget(self.model_label)
        bar.addPermanentWidget(self.annotator_label)
        self._show_annotator()

    def _restore_layout(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1440, 900)
        state = self.settings.window_state()
        self._default_docks = state is None or not self.restoreState(state)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._default_docks:  # first start: docks sized once the window has its size
            self._default_docks = False
            QTimer.singleShot(0, lambda: self.resizeDocks([self.articles_dock, self.form_dock], [470, 400],
                                                          Qt.Orientation.Horizontal))

    def menu(self, name: str) -> QMenu:
        return self._menus[name]

    def show_error(self, exc: BaseException, context: str | None = None) -> None:
        show_error(self, exc, context=context)

    def _show_annotator(self) -> None:
        self.annotator_label.setText(f"Annotator: {self.annotator}")

    # ----------------------------------------------------------------- project
    def _load_project(self) -> None:
        path = self.project.path
        self.setWindowTitle(f"{path.stem if path else self.project.url} – Quotedesk")
        self.claims_panel.project = self.project
        self.claims_panel.stale = True
        self.refresh_registry()
        self.refresh_articles()
        if self.article_model.rowCount():
            self.article_table.selectRow(0)
        else:
            self.open_article(None)
        if self.tabs.currentWidget() is self.claims_panel:
            self.claims_panel.reload()

    def refresh_registry(self) -> None:
        speakers, topics = self.project.speakers(), self.project.topics()
        self.form.set_speakers(speakers)
        self.form.set_topics(topics)
        self.claims_panel.set_registry(speakers, topics)

    def refresh_articles(self) -> None:
        summaries = self.project.articles(self.article_search.text().strip() or None)
        old_ids = self.article_model.ids()
        if [s.id for s in summaries] == old_ids:
            self.article_model.update_records(summaries)
        else:
            self.article_model.set_records(summaries)
            row = self.article_model.row_of(self.article_id) if self.article_id is not None else None
            if row is not None:
                self.article_table.selectionModel().setCurrentIndex(
                    self.article_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.articles_dock.setWindowTitle(f"Articles ({len(summaries)})")

    def _article_row_changed(self, current, _previous) -> None:
        article_id = current.data(ID_ROLE) if current.isValid() else None
        if article_id is not None and article_id != self.article_id:
            self.open_article(article_id)

    def open_article(self, article_id: int | None) -> None:
        """Show an article and select its first pending suggestion."""
        self.article_id = article_id
        if article_id is None:
            self.article_view.set_article(None)
            self.article_header.setText("<i>No article. Import some with File ▸ Import articles… "
                                        "or drop files on this window.</i>")
            self.select_claim(None)
            return
        article = self.project.article(article_id)
        self.article_view.set_article(article, self.project.claims(ClaimFilter(article_id=article_id)))
        details = [article.publisher, article.author,
                   article.published.isoformat() if article.published else "no publication date"]
        status = "no suggestions yet" if article.suggested_at is None else ""
        self.article_header.setText(
            f"<b>{_html(article.title or '(untitled)')}</b><br><small>"
            + " · ".join(_html(d) for d in details + [status] if d) + "</small>")
        self.actions["mark_done"].blockSignals(True)
        self.actions["mark_done"].setChecked(article.done)
        self.actions["mark_done"].blockSignals(False)
        row = self.article_model.row_of(article_id)
        if row is not None and self.article_table.currentIndex().row() != row:
            self.article_table.selectionModel().setCurrentIndex(
                self.article_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        pending = [c for c in self.article_view.visible_claims() if c.status == "suggested"]
        self.select_claim(pending[0].id if pending else None)

    # ----------------------------------------------------------------- claims
    def current_claim(self) -> Claim | None:
        return self.article_view.claim(self.claim_id) if self.claim_id is not None else None

    def select_claim(self, claim_id: int | None, *, scroll: bool = True) -> None:
        self.claim_id = claim_id
        self.article_view.select_claim(claim_id, scroll=scroll)
        self.form.set_claim(self.current_claim(),
                            self.article_view.article.text if self.article_view.article else "")

    def open_claim(self, claim_id: int) -> None:
        """Select the claim's article, show the claim and scroll to it."""
        claim = self.project.claim(claim_id)
        if claim.status == "rejected" and not self.article_view.show_rejected:
            self.actions["show_rejected"].setChecked(True)
        if self.article_search.text() and self.article_model.row_of(claim.article_id) is None:
            self.article_search.clear()
            self.refresh_articles()
        if claim.article_id != self.article_id:
            self.open_article(claim.article_id)
        self.tabs.setCurrentIndex(0)
        self.select_claim(claim_id)
        self.article_view.setFocus()

    def apply_changes(self, changes: Changes) -> None:
        """Refresh what a change touched: the current article's claims, the lists, the form."""
        if not changes:
            return
        if changes.speakers or changes.topics:
            self.refresh_registry()
        if self.article_id is not None and (self.article_id in changes.articles or self._touches_current(changes)):
            self.reload_current_claims()
        self.refresh_articles()
        if changes.claims:
            if self.tabs.currentWidget() is self.claims_panel:
                found = self.project.claims(ClaimFilter(ids=tuple(changes.claims)))
                if len(found) != len(changes.claims) or any(
                        self.claims_panel.model.row_of(c.id) is None for c in found):
                    self.claims_panel.reload()
                else:
                    self.claims_panel.update_claims(found)
            else:
                self.claims_panel.stale = True

    def _touches_current(self, changes: Changes) -> bool:
        shown = {c.id for c in self.article_view.claims()}
        if changes.claims & shown:
            return True
        new = changes.claims - shown
        return bool(new) and any(c.article_id == self.article_id
                                 for c in self.project.claims(ClaimFilter(ids=tuple(new))))

    def reload_current_claims(self) -> None:
        """Fetch the shown article's claims again, keeping the selected claim when it still exists."""
        claims = self.project.claims(ClaimFilter(article_id=self.article_id))
        self.article_view.set_claims(claims)
        if self.claim_id is not None and self.article_view.claim(self.claim_id) is None:
            self.claim_id = None
        self.select_claim(self.claim_id, scroll=False)

    def change(self, label: str, fn) -> Changes | None:
        """Apply one Project verb as an undoable, audited change (for other views too)."""
        return self.undo.apply(label, fn)

    def _form_edit(self, claim_id: int, label: str, fields: dict) -> None:
        claim = self.current_claim()
        version = claim.version if claim is not None and claim.id == claim_id else None
        self.change(label, lambda: self.project.update_claim(
            claim_id, annotator=self.annotator, expected_version=version, label=label, **fields))

    def _add_alias(self, claim_id: int) -> None:
        claim = self.project.claim(claim_id)
        if claim.speaker_id is None or claim.mention is None:
            return
        speaker = self.project.speaker(claim.speaker_id)
        self.change("Add alias", lambda: self.project.update_speaker(
            speaker.id, annotator=self.annotator, aliases=[*speaker.aliases, claim.mention.text]))

    def _step(self, forward: bool, *, pending_only: bool = False) -> None:
        claims = [c for c in self.article_view.visible_claims() if not pending_only or c.status == "suggested"]
        if not claims:
            self.select_claim(None)
            return
        current = self.current_claim()
        key = (current.content.start, current.content.end, current.id) if current else None
        keys = [(c.content.start, c.content.end, c.id) for c in claims]
        if key is None:
            target = claims[0] if forward else claims[-1]
        elif forward:
            target = next((c for c, k in zip(claims, keys) if k > key), None)
        else:
            target = next((c for c, k in zip(reversed(claims), reversed(keys)) if k < key), None)
        if target is None and pending_only:
            target = claims[0]  # wrap round to pending suggestions earlier in the text
        if target is not None:
            self.select_claim(target.id)

    def _decide(self, label: str, verb) -> None:
        claim = self.current_claim()
        if claim is None:
            self.statusBar().showMessage("Select a claim first (J/K move between claims).", 4000)
            return
        if self.change(label, lambda: verb(claim.id, annotator=self.annotator)) is not None:
            if self.current_claim() is None or self.current_claim().status != "suggested":
                self._step(True, pending_only=True)

    # ---------------------------------------------------------------- actions
    def act_next_suggestion(self) -> None:
        self._step(True)

    def act_prev_suggestion(self) -> None:
        self._step(False)

    def act_accept(self) -> None:
        self._decide("Accept claim", self.project.confirm_claim)

    def act_reject(self) -> None:
        self._decide("Reject claim", self.project.reject_claim)

    def act_delete_claim(self) -> None:
        self._decide("Delete claim", self.project.delete_claim)

    def _set_stance(self, stance: str | None) -> None:
        claim = self.current_claim()
        if claim is not None and claim.stance != stance:
            fields = {"stance": stance}
            if stance and not claim.topic:
                topics = self.project.topics()
                if len(topics) == 1:  # the project's only topic is the one the stance is about
                    fields["topic_id"] = topics[0].id
            self._form_edit(claim.id, "Set stance", fields)

    def act_stance_favor(self) -> None:
        self._set_stance("favor")

    def act_stance_against(self) -> None:
        self._set_stance("against")

    def act_stance_neutral(self) -> None:
        self._set_stance("neutral")

    def act_stance_none(self) -> None:
        self._set_stance(None)

    def act_focus_speaker(self) -> None:
        if self.current_claim() is not None:
            self.form_dock.show()
            self.form.focus_speaker()

    def act_edit_fields(self) -> None:
        if self.current_claim() is not None:
            self.form_dock.show()
            self.form.kind.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _selection(self) -> tuple[int, int, str] | None:
        span = self.article_view.selected_span()
        text = self.article_view.article.text if self.article_view.article else ""
        if span is None:
            self.statusBar().showMessage("Select some text in the article first.", 4000)
            return None
        start, end = span
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end, text[start:end]) if start < end else None

    def act_new_claim(self) -> None:
        sel = self._selection()
        if sel is None or self.article_id is None:
            return
        start, end, text = sel
        kind = "direct" if text[:1] in "\"“«„'‘" or (start and self.article_view.article.text[start - 1] in "\"“«„") \
            else "indirect"
        new = NewClaim(content=Span(start, end, text), kind=kind, status="confirmed", origin="manual")
        article_id = self.article_id
        created = {}

        def add():
            claim, changes = self.project.add_claim(article_id, new, annotator=self.annotator)
            created["id"] = claim.id
            return changes

        if self.change("New claim", add) is not None:
            self.select_claim(created["id"])

    def act_speaker_from_selection(self) -> None:
        claim, sel = self.current_claim(), self._selection()
        if claim is None or sel is None:
            return
        start, end, text = sel
        self._form_edit(claim.id, "Set speaker", {"speaker": " ".join(text.split()), "mention": Span(start, end, text)})

    def act_undo(self) -> None:
        self.undo.undo()

    def act_redo(self) -> None:
        self.undo.redo()

    def _watch_undo(self) -> None:
        self.undo.indexChanged.connect(self._update_undo_actions)
        self.undo.cleanChanged.connect(self._update_undo_actions)
        self._update_undo_actions()

    def _update_undo_actions(self, *_) -> None:
        undo, redo = self.actions["undo"], self.actions["redo"]
        undo.setEnabled(self.undo.canUndo())
        redo.setEnabled(self.undo.canRedo())
        undo.setText(f"&Undo {self.undo.undoText()}" if self.undo.canUndo() else "&Undo")
        redo.setText(f"&Redo {self.undo.redoText()}" if self.undo.canRedo() else "&Redo")

    def act_find(self) -> None:
        self.articles_dock.show()
        self.article_search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.article_search.selectAll()

    def act_find_claims(self) -> None:
        self.tabs.setCurrentWidget(self.claims_panel)
        self.claims_panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.claims_panel.search.selectAll()

    def _move_article(self, step: int) -> None:
        rows = self.article_model.rowCount()
        if not rows:
            return
        row = self.article_model.row_of(self.article_id) if self.article_id is not None else None
        row = 0 if row is None else min(max(row + step, 0), rows - 1)
        self.open_article(self.article_model.record(row).id)
        self.article_view.setFocus()

    def act_next_article(self) -> None:
        self._move_article(1)

    def act_prev_article(self) -> None:
        self._move_article(-1)

    def act_mark_done(self, on: bool) -> None:
        if self.article_id is not None:
            self.change("Mark article done" if on else "Mark article not done",
                        lambda: self.project.update_article(self.article_id, annotator=self.annotator, done=on))

    def act_show_rejected(self, on: bool) -> None:
        self.settings.set_show_rejected(on)
        self.article_view.set_show_rejected(on)
        self.select_claim(self.claim_id if self.current_claim() and (on or self.current_claim().status != "rejected")
                          else None, scroll=False)

    def act_show_claims(self) -> None:
        self.tabs.setCurrentWidget(self.claims_panel)
        self.claims_panel.table.setFocus()

    def act_show_article(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.article_view.setFocus()

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.claims_panel and self.claims_panel.stale:
            self.claims_panel.reload()

    def act_help(self) -> None:
        self.help_overlay.popup()

    def act_about(self) -> None:
        QMessageBox.about(self, "About Quotedesk",
                          "<b>Quotedesk</b><br>Annotate and fact-check attributed claims in news articles.<br>"
                          f"Project: {self.project.path or self.project.url}<br>"
                          f"Language model: {self.model_name or 'not loaded'}")

    def act_change_annotator(self) -> None:
        name = ask_annotator(self, self.annotator, self.project.annotators())
        if name and name != self.annotator:
            self.annotator = name
            self.settings.set_annotator(name)
            self.project.add_annotator(name)
            self.undo.annotator = name
            self.undo.load_history()
            self._show_annotator()

    def act_quit(self) -> None:
        self.close()

    # ------------------------------------------------------- background work
    def load_model(self) -> None:
        self.model_label.setText("Language model: loading…")
        self.runner.start("Load language model", jobs.load_model_job, on_done=self._model_loaded,
                          on_error=self._model_failed)

    def _model_loaded(self, loaded) -> None:
        if loaded is None:
            self.model_label.setText("Language model: not loaded")
            return
        self.use_model(loaded.nlp, f"{loaded.name} {loaded.version}")

    def use_model(self, nlp, name: str) -> None:
        """Start using a loaded spaCy pipeline; articles waiting for it get their suggestions."""
        self.nlp = nlp
        self.model_name = name
        self.model_label.setText(f"Language model: {name.split()[0]}")
        self.model_label.setToolTip(name)
        self.model_ready.emit()
        waiting = set(self._waiting_for_model)
        self._waiting_for_model.clear()
        if self.auto_suggest:
            waiting |= set(self.project.article_ids(lacking_suggestions=True))
        if waiting:
            self.suggest(sorted(waiting))

    def _model_failed(self, exc: BaseException) -> None:
        self.model_label.setText("Language model: unavailable")
        self.show_error(exc, "Load language model")

    def suggest(self, article_ids: list[int], redo: bool = False) -> None:
        """Suggest claims for these articles in the background (after the model has loaded)."""
        if self.nlp is None:
            self._waiting_for_model |= set(article_ids)
            self.statusBar().showMessage("Suggestions will run as soon as the language model is ready.", 5000)
            return
        project, nlp = self.project, self.nlp

        def job(*, progress, cancelled):
            from desktop.suggesting import engine_for

            return jobs.suggest_job(project, engine_for(project, nlp), article_ids, redo,
                                    progress=progress, cancelled=cancelled)

        self.runner.start("Suggest claims", job, on_done=self._suggested,
                          on_progress=lambda *_: self._list_timer.isActive() or self._list_timer.start())

    def _suggested(self, summary) -> None:
        if summary is None or self.project is None:
            return
        self.refresh_registry()
        self.refresh_articles()
        if self.article_id in summary.articles:
            if self.claim_id is None:
                self.open_article(self.article_id)
            else:
                self.reload_current_claims()
        elif self.article_id is None and self.article_model.rowCount():
            self.article_table.selectRow(0)
        if summary.articles:
            self.claims_panel.stale = True
            if self.tabs.currentWidget() is self.claims_panel:
                self.claims_panel.reload()
        self.suggestions_done.emit(summary)

    def act_suggest(self) -> None:
        ids = self.project.article_ids(lacking_suggestions=True)
        if not ids and self.article_id is not None:
            ids = [self.article_id]
        self.suggest(ids)

    def import_paths(self, paths: list[str]) -> None:
        if not paths:
            return
        self.runner.start("Import articles", jobs.import_job, self.project, list(paths),
                          on_done=self._imported,
                          on_progress=lambda *_: self._list_timer.isActive() or self._list_timer.start())

    def _imported(self, report) -> None:
        self.refresh_articles()
        if report is None:
            return
        if self.article_id is None and self.article_model.rowCount():
            self.article_table.selectRow(0)
        if report.imported and self.auto_suggest:
            self.suggest(list(report.imported))

    def act_import_files(self) -> None:
        self.import_paths(ask_import_files(self))

    def act_import_folder(self) -> None:
        folder = ask_import_folder(self)
        if folder:
            self.import_paths([folder])

    def act_export(self) -> None:
        from desktop.dialogs import ask_export

        choice = ask_export(self)
        if choice is None:
            return
        fmt, path = choice
        self.runner.start("Export", jobs.export_job, self.project, fmt, path)

    def _task_ended(self, task) -> None:
        if task.label in ("Import articles", "Suggest claims"):
            self._list_timer.stop()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.import_paths(paths)

    # ------------------------------------------------------------------ close
    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_layout(self.saveGeometry(), self.saveState(), b"")
        self.settings.sync()
        self.runner.shutdown()
        if self.owns_project:
            self.project.close()
        super().closeEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.help_overlay.isVisible():
            self.help_overlay.popup()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

