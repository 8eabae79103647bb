"""Team work in the main window: my queue, assignment, blind annotation, agreement and adjudication.

``TeamViews(window)`` adds the views of the Team menu (desktop.action_table) and owns the
blind-mode rules the window follows:

- **Which claims the window shows** (``layer_for``): the project's final claims, except in blind
  annotation on an article of the annotator's queue, where it shows (and edits) their own layer,
  opened from the article's suggestions the first time (``Project.open_layer``). An article not in
  their queue shows the final claims, which hold no one's private decisions.
- **Who may see the annotators' layers** (``hidden_reason``): in blind annotation, not someone who
  annotates the article too (is assigned to it or has a layer of it), until every annotator of the
  article has finished it. A lead who does not annotate it sees them at once.

The queue is read on the window's reader thread after every change that may move it; the
assignment runs on the task runner; agreement and disagreements are read off the UI thread by
their views. Every write goes through the window's undo stack (``window.change``), so it is
audited and undoable like any other edit.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDockWidget, QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from db import FINAL, Changes
from desktop.action_table import install_local, specs
from desktop.queue_view import QueueView

QUEUE_REFRESH_MS = 300  # many changes at once (a suggestion run): one queue read
BLIND_STYLE = "QLabel { background: #ece3fb; color: #2e1065; padding: 6px 10px; border-bottom: 1px solid #c4b5fd; }"
CHIP_STYLE = "QLabel { background: #5b21b6; color: white; padding: 1px 8px; border-radius: 3px; font-weight: bold; }"


class TeamViews(QObject):
    """The team views of a MainWindow; kept as ``window.team``."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.blind = False
        self.queue_loaded = False
        self._queue_generation = 0
        self._adjudication = None  # the adjudication window, made when first shown
        self._agreement_dock = None
        self.assign_dialog = None  # while the lead's dialog is open

        self.queue = QueueView()
        self.queue.article_activated.connect(self._open_from_queue)
        self.queue.next_requested.connect(self.act_next_unfinished)
        self.queue.finish_toggled.connect(self.act_finish_assignment)
        self.queue_dock = QDockWidget("My queue", window)
        self.queue_dock.setObjectName("dock_my_queue")
        self.queue_dock.setWidget(self.queue)
        self.queue_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                    | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                                    | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.queue_dock)
        window.tabifyDockWidget(window.articles_dock, self.queue_dock)
        window.articles_dock.raise_()
        self.queue_dock.hide()

        self.blind_banner = QLabel(accessibleName="Blind annotation", wordWrap=True)
        self.blind_banner.setStyleSheet(BLIND_STYLE)
        self.blind_banner.hide()
        self.blind_chip = QLabel("BLIND", accessibleName="Blind annotation is on")
        self.blind_chip.setStyleSheet(CHIP_STYLE)
        self.blind_chip.setToolTip("Blind annotation is on: each annotator decides in their own layer of the "
                                   "articles in their queue; nobody sees the others' decisions until adjudication.")
        self.blind_chip.hide()

        self._queue_timer = QTimer(self, singleShot=True, interval=QUEUE_REFRESH_MS)
        self._queue_timer.timeout.connect(self.reload_queue)
        window.changes_applied.connect(self.apply_changes)
        window.project_opened.connect(self.project_opened)

    # ---------------------------------------------------------- installation
    def handlers(self) -> tuple[dict, dict]:
        """(triggered, toggled) handlers of the Team menu's actions, for ``MainWindow._bind_actions``."""
        triggered = {"my_queue": self.act_my_queue, "next_unfinished": self.act_next_unfinished,
                     "assign": self.act_assign, "agreement": self.act_agreement, "adjudicate": self.act_adjudicate,
                     "adj_edit": lambda: self._adjudicate_key("edit_final"),
                     "adj_no_claim": lambda: self._adjudicate_key("no_claim"),
                     "adj_next": lambda: self._adjudicate_key("step", True),
                     "adj_prev": lambda: self._adjudicate_key("step", False)}
        for n in range(1, 10):
            triggered[f"take_{n}"] = lambda n=n: self._adjudicate_key("take", n)
        toggled = {"finish_assignment": self.act_finish_assignment, "blind_mode": self.act_blind_mode}
        for spec in specs():  # the adjudication keys act once its window is open
            if spec.where == "adjudication":
                self.window.actions[spec.name].setEnabled(False)
        return triggered, toggled

    def install(self, article_page_layout: QVBoxLayout, status_bar) -> None:
        """The banner above the text and the status bar's chip (the window calls this once its widgets exist)."""
        article_page_layout.insertWidget(1, self.blind_banner)
        status_bar.addPermanentWidget(self.blind_chip)

    # -------------------------------------------------------------- project
    @property
    def project(self):
        return self.window.project

    @property
    def annotator(self) -> str:
        return self.window.annotator

    def project_opened(self) -> None:
        """A project was opened (the window has read its blind setting and this person's queue)."""
        if self._adjudication is not None and self._adjudication.isVisible():
            self._adjudication.view.reload_articles()

    def read_blind(self) -> None:
        self.blind = bool(self.project.blind)
        action = self.window.actions["blind_mode"]
        action.blockSignals(True)
        action.setChecked(self.blind)
        action.blockSignals(False)
        self.blind_chip.setVisible(self.blind)
        panel, layer = self.window.claims_panel, self.annotator if self.blind else FINAL
        if panel.layer != layer:
            panel.layer = layer
            panel.stale = True
            if panel.isVisible():
                panel.reload()
        self._show_count_columns(not self.blind)

    def _show_count_columns(self, on: bool) -> None:
        """The article list's claim counts are the final layer's: in blind annotation they would not
        follow the annotator's own decisions (the queue counts those), so they are hidden."""
        if getattr(self.window, "_columns_chosen", False):
            return
        for col in (3, 4, 5):
            self.window.article_table.setColumnHidden(col, not on)

    def load_queue_now(self) -> None:
        """Read the queue on the UI thread: the window needs it to know which layer an article opens in
        (one person's queue is short)."""
        items = self.project.queue(self.annotator)
        self._queue_generation += 1
        self._show_queue(items)

    def reload_queue(self) -> None:
        """Read the queue again on the window's reader thread."""
        self._queue_generation += 1
        generation, project, annotator = self._queue_generation, self.project, self.annotator

        def read(*, progress, cancelled):
            return project.queue(annotator)

        def done(items):
            if items is not None and generation == self._queue_generation and project is self.project \
                    and not self.window._closed:
                self._show_queue(items)

        self.window.reader.start("Read my queue", read, on_done=done)

    def _show_queue(self, items) -> None:
        self.queue_loaded = True
        before = self.layer_for(self.window.article_id) if self.window.article_id is not None else None
        self.queue.show_items(self.annotator, items, self.window.article_id)
        self.queue_dock.setWindowTitle(f"My queue ({sum(not q.finished for q in items)} to do)")
        self.sync_current()
        # an article of the window that moved into or out of this person's queue: show the right layer
        if self.window.article_id is not None and self.layer_for(self.window.article_id) != before \
                and getattr(self.window, "shown_layer", FINAL) != self.layer_for(self.window.article_id):
            self.window.open_article(self.window.article_id)

    def apply_changes(self, changes: Changes) -> None:
        """The window's ``changes_applied``: the blind setting, the queue, the adjudication view."""
        if "blind" in changes.settings:
            was = self.blind
            self.read_blind()
            if was != self.blind and self.window.article_id is not None:
                self.window.open_article(self.window.article_id)
        mine = {q.article_id for q in self.queue.model.records()}
        if changes.assignments or (changes.articles & mine) or (changes.claims and self.window.article_id in mine):
            self._queue_timer.start()  # the queue's marks and counts
        if self._adjudication is not None:
            self._adjudication.view.apply_changes(changes)
        if self._agreement_dock is not None:
            self._agreement_dock.widget().apply_changes(changes)

    # ----------------------------------------------------------- blind mode
    def in_queue(self, article_id: int | None) -> bool:
        return article_id is not None and self.queue.item(article_id) is not None

    def layer_for(self, article_id: int | None) -> str | None:
        """The layer the window shows of an article: this annotator's in blind mode for an article of
        their queue, else the final one."""
        return self.annotator if self.blind and self.in_queue(article_id) else FINAL

    def sync_current(self) -> None:
        """The banner, the queue's selection and the Finished action for the article shown in the window."""
        article_id = self.window.article_id
        item = self.queue.item(article_id) if article_id is not None else None
        action = self.window.actions["finish_assignment"]
        action.blockSignals(True)
        action.setEnabled(item is not None)
        action.setChecked(bool(item and item.finished))
        action.blockSignals(False)
        self.queue.set_current(article_id)
        if not self.blind or article_id is None:
            self.blind_banner.hide()
        elif item is not None:
            self.blind_banner.setText(
                f"<b>Blind annotation</b> · you see and edit only <b>your own</b> decisions on this article "
                f"(your layer, “{_html(self.annotator)}”). The others' work stays hidden until adjudication."
                + (" <b>Finished</b> in your queue." if item.finished else " Ctrl+Return: finished."))
            self.blind_banner.show()
        else:
            self.blind_banner.setText(
                "<b>Blind annotation</b> · this article is not in your queue: you see the project's "
                "<b>final claims</b> (suggestions and adjudicated claims), no one's private decisions.")
            self.blind_banner.show()

    def act_blind_mode(self, on: bool) -> None:
        """Turn blind annotation on or off for the whole project, after asking."""
        action = self.window.actions["blind_mode"]
        text = ("Turn blind annotation on for everyone on this project?\n\n"
                "Each annotator then decides in their own layer of the articles in their queue, and nobody "
                "sees the others' decisions until adjudication.") if on else (
                "Turn blind annotation off for everyone on this project?\n\n"
                "The window then shows and edits the project's final claims again. The annotators' layers "
                "are kept; adjudication still reads them.")
        answer = QMessageBox.question(self.window, "Blind annotation", text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            action.blockSignals(True)
            action.setChecked(self.blind)
            action.blockSignals(False)
            return
        project, me = self.project, self.annotator
        if self.window.change("Blind annotation on" if on else "Blind annotation off",
                              lambda: _changes(project.set_blind(on, annotator=me))) is None:
            action.blockSignals(True)
            action.setChecked(self.blind)
            action.blockSignals(False)
            return
        was = self.blind
        self.read_blind()
        if was != self.blind and self.window.article_id is not None:
            self.window.open_article(self.window.article_id)
        self.window.statusBar().showMessage(
            "Blind annotation is on: you work in your own layer of the articles in your queue."
            if self.blind else "Blind annotation is off: the window shows the final claims.", 8000)

    def hidden_reason(self, article_id: int, layers, article_progress) -> str | None:
        """Why this person may not see the annotators' layers of the article (None: they may)."""
        return layers_hidden_reason(self.blind, self.annotator, article_id, layers, article_progress)

    def visibility(self):
        """``hidden_reason`` as it stands now, as a plain function of (article_id, layers, progress): the
        views' reader jobs call it on a worker thread, where no Qt object (this one) may be touched."""
        return functools.partial(layers_hidden_reason, self.blind, self.annotator)

    # ---------------------------------------------------------------- queue
    def act_my_queue(self) -> None:
        self.queue_dock.show()
        self.queue_dock.raise_()
        self.queue.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.reload_queue()

    def _open_from_queue(self, article_id: int) -> None:
        self.window.open_article(article_id)
        self.window.act_show_article()

    def act_next_unfinished(self) -> None:
        article_id = self.queue.next_unfinished(after=self.window.article_id)
        if article_id is None:
            self.window.statusBar().showMessage(
                "Your queue is done: every article in it is finished." if self.queue.model.records()
                else "Nothing is assigned to you (Team ▸ Assign articles…).", 6000)
            return
        self._open_from_queue(article_id)

    def act_finish_assignment(self, on: bool) -> None:
        """Mark the shown article finished (or not) in this person's queue: one undoable, audited change."""
        article_id = self.window.article_id
        if article_id is None or not self.in_queue(article_id):
            self.sync_current()
            self.window.statusBar().showMessage("This article is not in your queue.", 4000)
            return
        project, me = self.project, self.annotator
        changes = self.window.change("Finished in my queue" if on else "Not finished in my queue",
                                     lambda: _changes(project.finish_assignment(article_id, me, finished=on)))
        if changes is None:
            self.sync_current()
            return
        self.load_queue_now()  # the Finished mark at once, not a moment later
        if on:
            left = sum(not q.finished for q in self.queue.model.records())
            self.window.statusBar().showMessage(
                f"Finished. {left} article{'s' if left != 1 else ''} left in your queue"
                + (" (Ctrl+Shift+PgDown opens the next)." if left else "."), 8000)

    # ----------------------------------------------------------- assignment
    def act_assign(self) -> None:
        """The lead's dialog, once the project's assignments are read (off the UI thread); what it asks
        for runs on the task runner."""
        project = self.project

        def read(*, progress, cancelled):
            return project.progress(), project.annotators(), project.article_list_ids(None)

        self.window.reader.start("Read assignments", read, on_done=lambda result: result and self._ask_assign(*result))

    def _ask_assign(self, progress, annotators, article_ids) -> None:
        from desktop.assign_dialog import AssignDialog

        project = self.project
        assigned = {p.article_id: tuple(p.annotators) for p in progress.per_article}
        dialog = AssignDialog(annotators, article_ids=article_ids,
                              fetch=lambda ids: project.articles(ids=ids) if ids else [],
                              load=list(progress.per_annotator), assigned=assigned, parent=self.window)
        self.assign_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.plan() is not None:
            self.assign(dialog.plan())
        dialog.deleteLater()
        self.assign_dialog = None

    def assign(self, plan) -> None:
        """Run an ``AssignPlan`` off the UI thread; its Changes go through the window's one refresh path."""
        from desktop.assign_dialog import BY_HAND, ROUND_ROBIN

        project, me = self.project, self.annotator

        def job(*, progress, cancelled):
            for name in plan.annotators:
                project.add_annotator(name)
            if plan.mode == ROUND_ROBIN:
                return _changes(project.assign_round_robin(list(plan.annotators), per_article=plan.per_article,
                                                           article_ids=plan.article_ids, by=me))
            ids = list(plan.article_ids) if plan.article_ids is not None else project.article_ids()
            if plan.mode == BY_HAND:
                return _changes(project.assign(ids, list(plan.annotators), by=me))
            return _changes(project.unassign(ids, list(plan.annotators)))

        def done(changes):
            if changes is not None:
                self.window.undo.applied(changes)
            self.reload_queue()
            self.window.statusBar().showMessage(plan.describe().replace("Gives", "Gave", 1)
                                                .replace("Takes", "Took", 1), 8000)

        self.window.runner.start("Assign articles", job, on_done=done)

    # ------------------------------------------------------- agreement view
    def agreement_dock(self):
        if self._agreement_dock is None:
            from desktop.agreement_view import AgreementView

            view = AgreementView(project=lambda: self.project, runner=self.window.runner,
                                 visibility=self.visibility, adjudicate=self.show_adjudication)
            dock = QDockWidget("Agreement", self.window)
            dock.setObjectName("dock_agreement")
            dock.setWidget(view)
            self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            dock.visibilityChanged.connect(lambda visible: visible and view.refresh())
            self._agreement_dock = dock
        return self._agreement_dock

    def act_agreement(self) -> None:
        dock = self.agreement_dock()
        dock.show()
        dock.raise_()
        QTimer.singleShot(0, lambda: dock.isVisible() and self.window.resizeDocks(
            [dock], [max(dock.minimumSizeHint().height(), self.window.height() * 2 // 5)], Qt.Orientation.Vertical))
        dock.widget().refresh()

    # ---------------------------------------------------- adjudication view
    def adjudication(self):
        if self._adjudication is None:
            self._adjudication = AdjudicationWindow(self)
        return self._adjudication

    def act_adjudicate(self) -> None:
        """The adjudication window, on the shown article when it has open disagreements, else on the
        first article that has."""
        self.show_adjudication(self.window.article_id, only_if_open=True)

    def show_adjudication(self, article_id: int | None = None, *, only_if_open: bool = False) -> None:
        win = self.adjudication()
        win.show()
        win.raise_()
        win.activateWindow()
        win.view.reload_articles(select=article_id, only_if_open=only_if_open)
        win.view.groups.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _adjudicate_key(self, name: str, *args) -> None:
        if self._adjudication is not None:
            getattr(self._adjudication.view, name)(*args)


class AdjudicationWindow(QWidget):
    """The adjudication view in a window of its own (it wants the screen's width); the main window's
    Undo, Redo and help keys work in it too."""

    def __init__(self, team: TeamViews):
        super().__init__(team.window, Qt.WindowType.Window)
        from desktop.adjudication_view import AdjudicationView

        window = team.window
        self.setWindowTitle("Adjudication – Quotedesk")
        self.setObjectName("adjudication_window")
        self.view = AdjudicationView(
            project=lambda: window.project, reader=window.reader, change=window.change,
            annotator=lambda: window.annotator, visibility=team.visibility,
            message=lambda text: self.status.setText(text))
        self._team = team
        self.status = QLabel(accessibleName="Adjudication messages")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        install_local(window.actions, self.view.key_widgets(), where="adjudication")
        for name in ("undo", "redo", "help", "quit"):
            self.addAction(window.actions[name])
        window.undo.changed.connect(lambda _c: self.status.setText(""))
        self.resize(min(1500, window.screen().availableGeometry().width() - 40) if window.screen() else 1400, 900)

    def _keys_enabled(self, on: bool) -> None:
        """The Team menu's adjudication entries act only while this window is open."""
        for spec in specs():
            if spec.where == "adjudication":
                self._team.window.actions[spec.name].setEnabled(on)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._keys_enabled(True)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._keys_enabled(False)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Cancel):
            self.close()
            return
        super().keyPressEvent(event)


def _changes(result) -> Changes:
    """A verb's Changes, whether it returns them alone or after a record (``(claim, changes)``)."""
    if isinstance(result, tuple):
        result = result[-1]
    return result if isinstance(result, Changes) else Changes()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def layers_hidden_reason(blind: bool, me: str, article_id: int, layers, article_progress) -> str | None:
    """Why ``me`` may not see the annotators' layers of the article (None: they may): in blind annotation,
    not while they annotate it too and someone assigned to it has not finished."""
    if not blind:
        return None
    assigned = set(getattr(article_progress, "annotators", ()) or ())
    finished = set(getattr(article_progress, "finished", ()) or ())
    if me not in set(layers) | assigned:
        return None
    if assigned and assigned <= finished:
        return None
    waiting = ", ".join(sorted(assigned - finished)) or "everyone"
    return (f"Blind annotation: you annotate this article too, so the others' versions stay hidden until "
            f"every annotator of it has finished (still working: {waiting}).")
