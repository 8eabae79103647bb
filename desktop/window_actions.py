"""The annotation flow of the main window: the ``act_*`` handlers of the action table (a mixin).

Each handler is one keyboard or menu action (``desktop.action_table.ACTIONS``); changes
go through ``self.change`` (the undo stack), so they are saved, audited and undoable.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from db import ClaimDraft, Span
from desktop.claim_form import snap_to_words
from desktop.dialogs import ask_annotator


class AnnotationActions:
    """Needs the MainWindow's widgets, ``project``, ``annotator``, ``undo`` and ``change``."""

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
        if self.change(label, lambda: verb(claim.id, annotator=self.annotator,
                                           expected_version=claim.version)) is not None:
            if self.tabs.currentWidget() is self.claims_panel:
                return  # the table keeps its row: the next claim is the user's choice there
            if self.current_claim() is None or self.current_claim().status != "suggested":
                self._step(True, pending_only=True)
            self._cue_finished()

    def _cue_finished(self) -> None:
        """When the last pending suggestion of the article is decided, say so and what comes next."""
        if self.article_view.article is None or any(c.status == "suggested" for c in self.article_view.claims()):
            return
        self.statusBar().showMessage(
            "Article finished: every suggestion is decided. Ctrl+D marks it done; "
            "Ctrl+PgDown opens the next article.", 10000)
        self.show_finished_banner()

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
        if claim is not None and (claim.stance != stance or (stance is None and claim.topic)):
            fields = {"stance": stance}
            if stance is None and claim.topic:
                fields["topic_id"] = None  # not judged: about no topic, so off the timeline
            elif stance and not claim.topic:
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
        start, end = snap_to_words(self.article_view.article.text, sel[0], sel[1])  # no half words
        text = self.article_view.article.text[start:end]
        kind = "direct" if text[:1] in "\"“«„'‘" or (start and self.article_view.article.text[start - 1] in "\"“«„") \
            else "indirect"
        new = ClaimDraft(content=Span(start, end, text), kind=kind, status="confirmed", origin="manual")
        article_id = self.article_id
        created = {}

        def add():
            layer = {} if self.shown_layer is None else {"layer": self.shown_layer}  # blind: into my layer
            claim, changes = self.project.add_claim(article_id, new, annotator=self.annotator, **layer)
            created["id"] = claim.id
            return changes

        if self.change("New claim", add) is not None:
            self.select_claim(created["id"])

    def act_add_fragment(self) -> None:
        claim, sel = self.current_claim(), self._selection()
        if claim is None:
            self.statusBar().showMessage("Select a claim first, then the text to add to it.", 4000)
            return
        if sel is None:
            return
        start, end, text = sel
        self.change("Add fragment", lambda: self.project.add_fragment(
            claim.id, Span(start, end, text), annotator=self.annotator, expected_version=claim.version))

    def act_remove_fragment(self) -> None:
        claim = self.current_claim()
        if claim is None:
            self.statusBar().showMessage("Select a split claim first.", 4000)
            return
        if len(claim.fragments) < 2:
            self.statusBar().showMessage("This claim is in one piece; delete it instead (Ctrl+Delete).", 4000)
            return
        span = self.article_view.selected_span()
        offset = span[0] if span else self.article_view.cursor_offset()
        index = next((i for i, f in enumerate(claim.fragments) if f.start <= offset < f.end), None)
        if index is None and span is None and offset > 0:  # the cursor just after a fragment's last character
            index = next((i for i, f in enumerate(claim.fragments) if f.end == offset), None)
        if index is None:
            self.statusBar().showMessage("Put the text cursor in the fragment to remove (click it).", 4000)
            return
        self.change("Remove fragment", lambda: self.project.remove_fragment(
            claim.id, index, annotator=self.annotator, expected_version=claim.version))

    def act_span_start_earlier(self) -> None:
        self.form.move_span("grow_start")

    def act_span_start_later(self) -> None:
        self.form.move_span("shrink_start")

    def act_span_end_earlier(self) -> None:
        self.form.move_span("shrink_end")

    def act_span_end_later(self) -> None:
        self.form.move_span("grow_end")

    def _span_dragged(self, claim_id: int, start: int, end: int) -> None:
        """An end of the selected claim dragged with the mouse: whole words, one undoable edit."""
        text = self.article_view.article.text if self.article_view.article else ""
        start, end = snap_to_words(text, start, end)
        claim = self.current_claim()
        if claim is None or claim.id != claim_id or start >= end \
                or (start, end) == (claim.content.start, claim.content.end):
            self.article_view.select_claim(self.claim_id, scroll=False)  # repaint as stored
            return
        self._form_edit(claim_id, "Edit span", {"content": Span(start, end, text[start:end])})

    def act_speaker_from_selection(self) -> None:
        claim, sel = self.current_claim(), self._selection()
        if claim is None or sel is None:
            return
        start, end, text = sel
        self._form_edit(claim.id, "Set speaker", {"speaker": " ".join(text.split()), "mention": Span(start, end, text)})

    def act_undo(self) -> None:
        self._undo_redo(undo=True)

    def act_redo(self) -> None:
        self._undo_redo(undo=False)

    def _undo_redo(self, *, undo: bool) -> None:
        """Undo or redo, and say in the status bar what it was."""
        can, text = (self.undo.canUndo(), self.undo.undoText()) if undo else (self.undo.canRedo(), self.undo.redoText())
        if not can:
            self.statusBar().showMessage("Nothing to undo." if undo else "Nothing to redo.", 4000)
            return
        if (self.undo.undo if undo else self.undo.redo)():  # refused: the error dialog says why
            self.statusBar().showMessage(f"{'Undid' if undo else 'Redid'}: {text}", 6000)

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

    def act_claim_history(self) -> None:
        claim = self.current_claim()
        if claim is None:
            self.statusBar().showMessage("Select a claim first (J/K move between claims).", 4000)
            return
        from desktop.claim_history import ClaimHistoryDialog

        dialog = ClaimHistoryDialog(self.project, claim.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.history_dialog = dialog
        dialog.show()

    def act_edit_article(self) -> None:
        if self.article_id is None:
            return
        from desktop.article_details import ArticleDetailsDialog

        article_id = self.article_id
        dialog = ArticleDetailsDialog(self.project.article(article_id), self)
        if dialog.exec() and dialog.fields():
            fields = dialog.fields()
            if self.change("Edit article details", lambda: self.project.update_article(
                    article_id, annotator=self.annotator, **fields)) is not None and article_id == self.article_id:
                self.article_view.article = self.project.article(article_id)
                self._show_header(self.article_view.article)
        dialog.deleteLater()

    def act_mark_done(self, on: bool) -> None:
        if self.article_id is not None:
            self.change("Mark article done" if on else "Mark article not done",
                        lambda: self.project.update_article(
                            self.article_id, annotator=self.annotator, done=on,
                            expected_version=self.article_view.article.version if self.article_view.article else None))

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
            self.team.read_blind()  # the claims table's layer is the annotator's
            self.team.load_queue_now()
            self.claims_panel.stale = True
            self.open_article(self.article_id)  # their layer (blind annotation), their queue's marks

    def act_quit(self) -> None:
        self.close()
