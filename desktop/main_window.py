"""The main window: article list, article text, claim form, all-claims table, and the keyboard flow.

Every change goes through ``self.undo`` (a CoreUndoStack) as one Project verb,
so it is saved at once, audited under the annotator's name and undoable; the
``Changes`` it returns say what to refresh. Slow work (model loading, import,
suggestions, export, loading the claims table) runs on ``self.runner``.
Small per-article reads (one article and its claims) stay on the UI thread.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QDockWidget, QHeaderView, QLabel, QLineEdit, QMainWindow, QMenu,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from db import FINAL, Changes, Claim, ClaimFilter, Project
from desktop.action_table import build_menus, create_actions, install_local
from desktop.article_view import ArticleView, legend_html
from desktop.claim_form import ClaimForm
from desktop.claims_panel import ClaimsPanel
from desktop.conflicts import resolve_conflict
from desktop.dialogs import HelpOverlay
from desktop.errors import show_error
from desktop.factcheck import install_factcheck_views
from desktop.table_models import ID_ROLE, ArticleTableModel
from desktop.settings import Settings
from desktop.task_runner import READER_NICENESS, TaskRunner
from desktop.team import TeamViews
from desktop.undo import CoreUndoStack
from desktop.window_actions import AnnotationActions
from desktop.window_background import BackgroundWork
from desktop.window_projects import ProjectMenuMixin

log = logging.getLogger(__name__)
FIRST_SIZE = (1440, 900)  # px: the window on a first start, where the screen has room
NARROW_WINDOW = 1280  # px: narrower, the article list hides its Rej and Done columns (the header menu shows them)
MIN_TITLE_WIDTH = 160  # px: below this the article list's titles read "It…"; the list grows back when it can
LIST_REFRESH_MS = 1500  # article list refresh while a background job reports progress
REGISTRY_REFRESH_MS = 1000  # speakers and topics made elsewhere (a suggestion run) are re-read at most this often
MANY_ARTICLES = 100  # a change over more articles re-reads the speakers and topics off the UI thread


class MainWindow(AnnotationActions, BackgroundWork, ProjectMenuMixin, QMainWindow):
    """``project``, ``annotator``, ``runner``, ``open_claim(id)`` and ``menu(name)`` are for other views too."""

    model_ready = Signal()
    suggestions_done = Signal(object)  # SuggestSummary
    # After every write (an edit, undo or redo, an import, a suggestion run, in this process or the
    # helper's) with its Changes: each view refreshes what it shows of them (Anki's operation_did_execute).
    changes_applied = Signal(object)  # Changes
    project_opened = Signal()  # another project is shown: every view starts again

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
        # quiet reads (article list while jobs run, the claims table, claim search): off the UI
        # thread too, but on their own runner so they never take over the status bar's progress
        self.reader = TaskRunner(self, max_threads=1, niceness=READER_NICENESS)
        # the claims table's ids on a thread of their own: its first rows never wait behind the reader's
        # reads over the whole project (the article list, the speakers, the merge proposals at opening)
        self.claims_reader = TaskRunner(self, max_threads=1, niceness=READER_NICENESS)
        self._list_generation = 0
        self._list_shown = 0  # the generation of the article list read last shown
        self._closed = False
        self.owns_project = owns_project
        self.auto_suggest = auto_suggest
        self.nlp = None
        self.model_name: str | None = None
        self._waiting_for_model: set[int] = set()
        self.article_id: int | None = None
        self.shown_layer: str | None = FINAL  # the layer of the shown article's claims (blind annotation)
        self.claim_id: int | None = None
        self._shown_once = False
        self._narrow_columns = False  # Rej and Done hidden for a small window
        self._columns_chosen = False  # the user picked the article list's columns (header menu)

        self.undo = CoreUndoStack(project, annotator, self, runner=self.reader)
        self.undo.changed.connect(self.apply_changes)
        self.undo.failed.connect(self.show_error)
        self.undo.conflict.connect(lambda exc, label: resolve_conflict(self, self.undo, exc, label))
        self.undo.changed_elsewhere.connect(self.apply_remote_changes)

        self._build_widgets()
        self.changes_applied.connect(self.claims_panel.apply_changes)
        self.actions = create_actions(self)
        self._menus = build_menus(self.menuBar(), self.actions)
        install_local(self.actions, [self.article_view, self.claims_panel.table])
        self.install_project_menu(self._menus["File"])
        self.team = TeamViews(self)
        self._bind_actions()
        self._watch_undo()
        self.article_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.article_view.customContextMenuRequested.connect(self._article_menu)
        self.actions["show_rejected"].setChecked(self.settings.show_rejected())
        self.help_overlay = HelpOverlay(self)
        self._build_status_bar()

        self._list_timer = QTimer(self, singleShot=True, interval=LIST_REFRESH_MS)
        self._list_timer.timeout.connect(self.refresh_articles_later)
        self._registry_timer = QTimer(self, singleShot=True, interval=REGISTRY_REFRESH_MS)
        self._registry_timer.timeout.connect(self._read_registry)
        self.runner.task_ended.connect(self._task_ended)
        self._load_project()
        install_factcheck_views(self)
        self._restore_layout()  # after every dock exists, so their places are restored too
        if load_model:
            QTimer.singleShot(0, self.load_model)

    def _bind_actions(self) -> None:
        """Each action of desktop.action_table.ACTIONS to its handler; a checkable one gets its checked state."""
        triggered = {
            "new_project": self.act_new_project, "open_project": self.act_open_project,
            "import_files": self.act_import_files, "import_folder": self.act_import_folder,
            "suggest": self.act_suggest, "export": self.act_export, "change_annotator": self.act_change_annotator,
            "quit": self.act_quit, "undo": self.act_undo, "redo": self.act_redo, "find": self.act_find,
            "find_claims": self.act_find_claims, "next_suggestion": self.act_next_suggestion,
            "prev_suggestion": self.act_prev_suggestion, "accept": self.act_accept, "reject": self.act_reject,
            "stance_favor": self.act_stance_favor, "stance_against": self.act_stance_against,
            "stance_neutral": self.act_stance_neutral, "stance_none": self.act_stance_none,
            "focus_speaker": self.act_focus_speaker, "speaker_from_selection": self.act_speaker_from_selection,
            "edit_fields": self.act_edit_fields, "new_claim": self.act_new_claim,
            "add_fragment": self.act_add_fragment, "remove_fragment": self.act_remove_fragment,
            "delete_claim": self.act_delete_claim, "next_article": self.act_next_article,
            "prev_article": self.act_prev_article, "show_claims": self.act_show_claims,
            "show_article": self.act_show_article, "help": self.act_help, "about": self.act_about,
            "train_model": self.act_train_model, "claim_history": self.act_claim_history,
            "edit_article": self.act_edit_article, "span_start_earlier": self.act_span_start_earlier,
            "span_start_later": self.act_span_start_later, "span_end_earlier": self.act_span_end_earlier,
            "span_end_later": self.act_span_end_later,
        }
        toggled = {"mark_done": self.act_mark_done, "show_rejected": self.act_show_rejected,
                   "suggest_statements": self.act_suggest_statements}
        team_triggered, team_toggled = self.team.handlers()
        triggered.update(team_triggered)
        toggled.update(team_toggled)
        unbound = set(self.actions) - set(triggered) - set(toggled)
        if unbound:
            raise RuntimeError(f"Actions without a handler: {', '.join(sorted(unbound))}")
        for name, handler in triggered.items():
            self.actions[name].triggered.connect(lambda _checked=False, h=handler: h())
        for name, handler in toggled.items():
            self.actions[name].toggled.connect(handler)

    # ------------------------------------------------------------------ layout
    def _build_widgets(self) -> None:
        self.article_search = QLineEdit(placeholderText="Search articles…", clearButtonEnabled=True)
        self.article_search.setAccessibleName("Search articles")
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.refresh_articles_later)
        self.article_search.textChanged.connect(lambda _: self._search_timer.start())
        self.article_model = ArticleTableModel(self, fetch=self._article_rows)
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
        # fixed widths from the font, not ResizeToContents: measuring every row on every update
        # stalls the window once the list is long
        metrics = self.article_table.fontMetrics()
        for col, sample in ((2, "0000-00-00"), (3, "Sug"), (4, "Conf"), (5, "Rej"), (6, "Done")):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.article_table.setColumnWidth(col, metrics.horizontalAdvance(sample) + 16)
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
        self.article_header.setOpenExternalLinks(False)
        self.article_header.linkActivated.connect(self._header_link)
        self.article_view = ArticleView()
        self.article_view.claim_clicked.connect(lambda cid: self.select_claim(cid))
        self.article_view.span_dragged.connect(self._span_dragged)
        article_page = QWidget()
        page = QVBoxLayout(article_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        self.finished_banner = QLabel(accessibleName="Article finished", wordWrap=True)
        self.finished_banner.setStyleSheet("QLabel { background: #d9f2dd; color: #14401c; padding: 6px 10px; }")
        self.finished_banner.hide()
        page.addWidget(self.article_header)
        page.addWidget(self.finished_banner)
        page.addWidget(self.article_view, 1)
        self._article_page_layout = page
        self.claims_panel = ClaimsPanel(self.claims_reader)
        self.claims_panel.claim_activated.connect(self.open_claim)
        self.claims_panel.claim_selected.connect(self.show_claim)
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
        self.form.leave.connect(self._leave_form)
        self.form_dock = self._dock("Claim", self.form, Qt.DockWidgetArea.RightDockWidgetArea)
        scrollbar = self.form.verticalScrollBar().sizeHint().width()
        self.form.setMinimumWidth(self.form.widget().minimumSizeHint().width() + scrollbar + 4)
        self.article_search.installEventFilter(self)
        self.setTabOrder(self.article_search, self.article_table)
        self.setTabOrder(self.article_table, self.article_view)
        self.setTabOrder(self.article_view, self.form)

    def _article_menu(self, pos) -> None:
        """Right-click in the text: the claim under the pointer is selected, and its actions offered."""
        if not self.article_view.textCursor().hasSelection():
            self.article_view.setTextCursor(self.article_view.cursorForPosition(pos))  # "the fragment at the cursor"
            hits = self.article_view.claims_at(self.article_view._offset_at(pos))
            if hits and self.claim_id not in {c.id for c in hits}:
                self.select_claim(hits[0].id, scroll=False)
        menu = self.article_view.createStandardContextMenu(pos)
        menu.addSeparator()
        for name in ("accept", "reject", None, "stance_favor", "stance_against", "stance_neutral", "stance_none",
                     None, "new_claim", "add_fragment", "remove_fragment", "speaker_from_selection", "delete_claim"):
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions[name])
        menu.exec(self.article_view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _article_columns_menu(self, pos) -> None:
        menu = QMenu(self)
        for col in range(1, self.article_model.columnCount()):
            action = menu.addAction(self.article_model.headerData(col, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not self.article_table.isColumnHidden(col))
            action.toggled.connect(lambda on, c=col: self._choose_column(c, on))
        menu.exec(self.article_table.horizontalHeader().mapToGlobal(pos))

    def _choose_column(self, col: int, on: bool) -> None:
        self._columns_chosen = True
        self.article_table.setColumnHidden(col, not on)

    def _leave_form(self) -> None:
        """Escape in a field: back to where claims are shown; the form shows what is stored."""
        if self.tabs.currentWidget() is self.claims_panel:
            self.claims_panel.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.article_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.form.set_claim(self.current_claim())

    def eventFilter(self, obj, event) -> bool:
        """Escape leaves the article search for the text (the search stays as typed)."""
        if obj is self.article_search and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Escape:
            self.article_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return super().eventFilter(obj, event)

    def _header_link(self, link: str) -> None:
        if link == "edit:article":
            self.act_edit_article()
        elif link.startswith(("http://", "https://")):
            QDesktopServices.openUrl(QUrl(link))

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
        self.team.install(self._article_page_layout, bar)
        self._show_annotator()

    def _restore_layout(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self._first_size()
        state = self.settings.window_state()
        self._default_docks = state is None or not self.restoreState(state)

    def _first_size(self) -> None:
        """1440 × 900 on a first start, or the whole screen where that is smaller (a 1280 × 800 laptop):
        a window larger than its screen hides the claim form's right-hand side."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        if room is None or (room.width() >= FIRST_SIZE[0] + 40 and room.height() >= FIRST_SIZE[1] + 60):
            self.resize(*FIRST_SIZE)  # (room for the window manager's frame and title bar)
            return
        self.resize(min(FIRST_SIZE[0], room.width()), min(FIRST_SIZE[1], room.height()))
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:  # keys start in the text: J, A, ? act at once, nothing types into a field
            self._shown_once = True
            self.article_view.setFocus(Qt.FocusReason.OtherFocusReason)
        if self._default_docks:  # first start: docks sized once the window has its size
            self._default_docks = False
            QTimer.singleShot(0, self._size_side_docks)

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
        self.team.read_blind()
        self.team.load_queue_now()  # which layer each article opens in
        self._read_registry()  # speakers and topics with their claim counts: on the reader, before the list
        self.sync_suggest_scope()
        self.open_article(None)
        self.article_model.set_ids([])
        self.article_header.setText("<i>Reading the article list…</i>")
        self.refresh_articles()
        if self.tabs.currentWidget() is self.claims_panel:
            self.claims_panel.reload()
        self.project_opened.emit()

    def refresh_registry(self) -> None:
        self._show_registry((self.project.speakers(), self.project.topics()))

    def refresh_registry_later(self) -> None:
        """Speakers and topics made elsewhere: read on the reader thread, once per REGISTRY_REFRESH_MS
        however many changes name new ones (a suggestion run adds speakers article after article)."""
        if not self._registry_timer.isActive():
            self._registry_timer.start()

    def _read_registry(self) -> None:
        project = self.project
        self.reader.start("Read speakers", lambda *, progress, cancelled: (project.speakers(), project.topics()),
                          on_done=lambda registry: project is self.project and not self._closed
                          and self._show_registry(registry))

    def _show_registry(self, registry) -> None:
        speakers, topics = registry
        self.form.set_speakers(speakers)
        self.form.set_topics(topics)
        self.claims_panel.set_registry(speakers, topics)

    def refresh_articles(self) -> None:
        """Re-read the article list's ids on the reader thread (no claim counting: the rows shown re-read
        their counts). A newer read replaces an older one still on its way. When no article is shown
        (a project just opened, the first import), the list's first one opens once the ids are there.
        The list is never read on the UI thread: its query grows with the project."""
        self._list_generation += 1
        generation, project = self._list_generation, self.project
        search = self.article_search.text().strip() or None

        def read(*, progress, cancelled):
            return project.article_list_ids(search)

        def done(ids):
            if ids is not None and generation == self._list_generation and project is self.project \
                    and not self._closed:
                self._show_articles(ids)
                self._list_shown = generation
                if self.article_id is None:
                    self._open_first_article()

        self.reader.start("Read articles", read, on_done=done)

    def refresh_articles_later(self) -> None:
        """``refresh_articles`` (a timer's or the search field's)."""
        self.refresh_articles()

    @property
    def article_list_current(self) -> bool:
        """The article list shows the newest read asked for (none is on its way)."""
        return self._list_shown == self._list_generation

    def _open_first_article(self) -> None:
        if self.article_model.rowCount():
            self.article_table.selectRow(0)
        else:
            self.open_article(None)

    def _article_rows(self, ids):
        """The summaries (counts included) of the article rows the list shows: a small read."""
        return self.project.articles(ids=ids) if self.project is not None and ids else []

    def _show_articles(self, ids: list[int]) -> None:
        if ids == self.article_model.ids():
            self.article_model.forget()
        else:
            self.article_model.set_ids(ids)
            row = self.article_model.row_of(self.article_id) if self.article_id is not None else None
            if row is not None:
                self.article_table.selectionModel().setCurrentIndex(
                    self.article_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.articles_dock.setWindowTitle(f"Articles ({len(ids)})")

    def _article_row_changed(self, current, _previous) -> None:
        article_id = current.data(ID_ROLE) if current.isValid() else None
        if article_id is not None and article_id != self.article_id:
            self.open_article(article_id)

    def open_article(self, article_id: int | None) -> None:
        """Show an article and select its first pending suggestion."""
        self.article_id = article_id
        if article_id is None:
            self.shown_layer = FINAL
            self.team.sync_current()
            self.article_view.set_article(None)
            self.article_header.setText("<i>No article. Import some with File ▸ Import articles… "
                                        "or drop files on this window.</i>")
            self.select_claim(None)
            return
        article = self.project.article(article_id)
        self.shown_layer = self.team.layer_for(article_id)
        if self.shown_layer is not FINAL:  # blind annotation: this annotator's layer, made on first opening
            self.project.open_layer(article_id, self.shown_layer)
        self.article_view.set_article(article, self.project.claims(
            ClaimFilter(article_id=article_id, layer=self.shown_layer)))
        self.team.sync_current()
        self._show_header(article)
        self._set_done_mark(article.done)
        row = self.article_model.row_of(article_id)
        if row is not None and self.article_table.currentIndex().row() != row:
            self.article_table.selectionModel().setCurrentIndex(
                self.article_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        pending = [c for c in self.article_view.visible_claims() if c.status == "suggested"]
        self.select_claim(pending[0].id if pending else None)

    def _show_header(self, article) -> None:
        details = [_html(article.publisher or "no publisher"), _html(article.author or ""),
                   article.published.isoformat() if article.published else "no publication date"]
        source = (f'<a href="{_html(article.url)}">{_html(_short_url(article.url))}</a>' if article.url
                  else "no source URL")
        status = "no suggestions yet" if article.suggested_at is None else ""
        self.article_header.setText(
            f"<b>{_html(article.title or '(untitled)')}</b><br><small>"
            + " · ".join(d for d in details + [source, status] if d)
            + ' · <a href="edit:article">edit details</a>'
            + "&nbsp;&nbsp;&nbsp;" + legend_html() + "</small>")

    # ----------------------------------------------------------------- claims
    def current_claim(self) -> Claim | None:
        return self.article_view.claim(self.claim_id) if self.claim_id is not None else None

    def select_claim(self, claim_id: int | None, *, scroll: bool = True) -> None:
        self.claim_id = claim_id
        self.article_view.select_claim(claim_id, scroll=scroll)
        article = self.article_view.article
        self.form.article_date = article.published if article is not None else None
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

    def show_claim(self, claim_id: int) -> None:
        """A row clicked in the claims table: that claim becomes the current one (form, A, R, stance keys);
        the table keeps the focus and its place."""
        if claim_id == self.claim_id or self.tabs.currentWidget() is not self.claims_panel:
            return
        claim = self.project.claim(claim_id)
        if claim.status == "rejected" and not self.article_view.show_rejected:
            self.actions["show_rejected"].setChecked(True)
        if claim.article_id != self.article_id:
            self.open_article(claim.article_id)
        self.select_claim(claim_id)

    def apply_changes(self, changes: Changes, *, elsewhere: bool = False) -> None:
        """The one refresh path: what a change touched in the window (the shown article, the lists,
        the form), then ``changes_applied`` so every other view refreshes itself.

        ``elsewhere``: other people's changes, polled while the person works; their Changes name
        the articles that gained or lost claims, and the article list is re-read off the UI thread.
        """
        if not changes:
            return
        # the article list is always re-read off the UI thread; other people's changes and changes over
        # many articles (the end of a suggestion run or an import) re-read the speakers and topics there
        # too; the UI thread reads only the shown article
        background = elsewhere or len(changes.articles) > MANY_ARTICLES
        if changes.speakers or changes.topics:
            if background:
                self.refresh_registry_later()
            else:
                self.refresh_registry()
        shown = {c.id for c in self.article_view.claims()}
        current = self.article_id is not None and (
            self.article_id in changes.articles
            or (bool(changes.claims & shown) if elsewhere else self._touches_current(changes)))
        if current:
            if self.article_id in changes.articles:  # metadata (done mark) may have changed; the text never does
                self.article_view.article = self.project.article(self.article_id)
                self._show_header(self.article_view.article)
                self._set_done_mark(self.article_view.article.done)
            self.reload_current_claims()
        if current and self._only_current(changes):
            if self.shown_layer is FINAL:  # the list counts final claims, not an annotator's layer
                self._update_current_row()  # no query over the whole project for a one-article change
        elif not (elsewhere and self._list_timer.isActive()):  # a running job's list refresh is due anyway
            self.refresh_articles()  # on the reader thread, as every read of the list
        self.changes_applied.emit(changes)

    def show_finished_banner(self) -> None:
        """A green line above the text while every suggestion of the article is decided."""
        article, claims = self.article_view.article, self.article_view.claims()
        finished = article is not None and bool(claims) and not any(c.status == "suggested" for c in claims)
        if finished:
            self.finished_banner.setText(
                "✓ <b>Article finished</b>: every suggestion decided."
                + (" Marked done." if article.done else " Ctrl+D: mark done · Ctrl+PgDown: next article"))
        self.finished_banner.setVisible(finished)

    def apply_remote_changes(self, changes: Changes) -> None:
        """Other annotators' changes (seen by the undo stack's poll), through the one refresh path."""
        self.apply_changes(changes, elsewhere=True)

    def _set_done_mark(self, done: bool) -> None:
        self.show_finished_banner()
        self.actions["mark_done"].blockSignals(True)
        self.actions["mark_done"].setChecked(done)
        self.actions["mark_done"].blockSignals(False)

    def _only_current(self, changes: Changes) -> bool:
        shown = {c.id for c in self.article_view.claims()}
        return changes.articles <= {self.article_id} and changes.claims <= shown and not changes.speakers \
            and not changes.topics

    def _update_current_row(self) -> None:
        """The shown article's counts and done mark in the list, from the claims already loaded."""
        row = self.article_model.row_of(self.article_id)
        if row is None:
            return
        claims = self.article_view.claims()
        summary = self.article_model.record(row)
        if summary is None:
            return
        self.article_model.update_records([dataclasses.replace(
            summary, suggested=sum(c.status == "suggested" for c in claims),
            confirmed=sum(c.status == "confirmed" for c in claims),
            rejected=sum(c.status == "rejected" for c in claims),
            done=self.article_view.article.done if self.article_view.article else summary.done)])

    def _touches_current(self, changes: Changes) -> bool:
        """Whether a change made here touched the shown article's claims. A claim not shown may be new
        in it: the article's claim ids (an indexed read of one article) say so, however many claims
        the change names (a suggestion run's thousands are never read on the UI thread)."""
        shown = {c.id for c in self.article_view.claims()}
        if changes.claims & shown:
            return True
        new = changes.claims - shown
        return bool(new) and not new.isdisjoint(self.project.claim_ids(
            ClaimFilter(article_id=self.article_id, layer=self.shown_layer)))

    def reload_current_claims(self) -> None:
        """Fetch the shown article's claims again, keeping the selected claim when it still exists."""
        claims = self.project.claims(ClaimFilter(article_id=self.article_id, layer=self.shown_layer))
        self.article_view.set_claims(claims)
        if self.claim_id is not None and self.article_view.claim(self.claim_id) is None:
            self.claim_id = None
        self.select_claim(self.claim_id, scroll=False)
        self.show_finished_banner()

    def change(self, label: str, fn) -> Changes | None:
        """Apply one Project verb as an undoable, audited change (for other views too)."""
        return self.undo.apply(label, fn)

    def _form_edit(self, claim_id: int, label: str, fields: dict) -> None:
        claim = self.form.claim if self.form.claim is not None and self.form.claim.id == claim_id \
            else self.current_claim()  # the form's: the version its edit started from
        version = claim.version if claim is not None and claim.id == claim_id else None
        self.change(label, lambda: self.project.update_claim(
            claim_id, annotator=self.annotator, expected_version=version, label=label, **fields))

    def _add_alias(self, claim_id: int) -> None:
        claim = self.project.claim(claim_id)
        if claim.speaker_id is None or claim.mention is None:
            return
        speaker = self.project.speaker(claim.speaker_id)
        self.change("Add alias", lambda: self.project.update_speaker(
            speaker.id, annotator=self.annotator, aliases=[*speaker.aliases, claim.mention.text],
            expected_version=speaker.version))

    # ------------------------------------------------------------------ close
    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_layout(self.saveGeometry(), self.saveState())
        self.undo.stop_polling()
        self._closed = True  # reads still on their way find no window to fill
        self.settings.sync()
        self.runner.shutdown()
        self.reader.shutdown()
        self.claims_reader.shutdown()
        if self.nlp is not None:
            self.nlp.close()  # stops the helper process
        if self.owns_project:
            self.project.close()
        super().closeEvent(event)

    def _size_side_docks(self) -> None:
        """The article list and the form get their share of the width (the text keeps at least 40%)."""
        width = self.width()
        self._fit_columns()  # in a small window the titles matter more than Rej and Done
        self.resizeDocks([self.articles_dock, self.form_dock], [min(470, width * 3 // 10), min(400, width * 3 // 10)],
                         Qt.Orientation.Horizontal)

    def _title_column_cramped(self) -> bool:
        return self.article_table.columnWidth(0) < MIN_TITLE_WIDTH

    def _fit_columns(self) -> None:
        """Below NARROW_WINDOW the article list hides Rej and Done (unless the user chose its columns)."""
        narrow = self.width() < NARROW_WINDOW
        if narrow != self._narrow_columns and not self._columns_chosen:
            self._narrow_columns = narrow
            for col in (5, 6):
                self.article_table.setColumnHidden(col, narrow)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()
        if event.oldSize().width() > 0 and event.size().width() > event.oldSize().width() \
                and self._title_column_cramped():
            # grown back from a small window: the article list takes its share again ("It…" no more)
            QTimer.singleShot(0, self._size_side_docks)
        if self.help_overlay.isVisible():
            self.help_overlay.popup()


def _short_url(url: str, width: int = 48) -> str:
    bare = url.split("://", 1)[-1]
    return bare if len(bare) <= width else bare[:width - 1] + "…"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

