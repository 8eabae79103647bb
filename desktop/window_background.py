"""Background work of the main window: model loading, import, suggestions, export, drops (a mixin).

Everything slow runs on ``self.runner`` (desktop.task_runner); the results come back here
in the GUI thread. New articles get suggestions automatically once the model is ready.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from app import jobs
from db import Changes, QuotedeskError
from desktop.dialogs import ask_import_files, ask_import_folder

MANY_UNSUGGESTED = 100
"""Never-suggested articles at which opening a project says that a background run is suggesting them."""


class BackgroundWork:
    """Needs the MainWindow's ``project``, ``runner``, list refresh and status widgets."""

    def load_model(self) -> None:
        self.model_label.setText("Language model: loading…")
        self.runner.start("Load language model", jobs.load_model_job, on_done=self._model_loaded,
                          on_error=self._model_failed)

    def _model_loaded(self, loaded) -> None:
        if loaded is None:
            self.model_label.setText("Language model: not loaded")
            return
        self.use_model(loaded.model, f"{loaded.name} {loaded.version}")

    def use_model(self, model, name: str) -> None:
        """Start using a loaded model (an ``app.suggesting.Model``: in this process or the helper's).

        Articles waiting for it get their suggestions.
        """
        self.nlp = model
        self.model_name = name
        self.model_label.setText(f"Language model: {name.split()[0]}")
        rules_only = "+" not in name.split()[0]
        self.model_label.setToolTip(name + (
            "\nNo trained attribution model: suggestions come from the rules alone "
            "(File > Train suggestion model… makes one from your confirmed claims)." if rules_only else
            "\nRules plus the trained attribution model."))
        if rules_only:
            self.statusBar().showMessage("Suggestions come from the rules alone: no trained "
                                         "attribution model is installed.", 8000)
        self.model_ready.emit()
        waiting = set(self._waiting_for_model)
        self._waiting_for_model.clear()
        never = set(self.project.article_ids(lacking_suggestions=True)) if self.auto_suggest else set()
        waiting |= never
        if waiting:
            self.suggest(sorted(waiting))
        if len(never) >= MANY_UNSUGGESTED:  # a project opened with thousands waiting: say what runs
            self.statusBar().showMessage(
                f"{len(never):,} articles have no suggestions yet: suggesting them in the background "
                "(the count is beside the bar; Cancel stops, Suggest claims goes on later).", 15000)

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
            from app.suggesting import engine_for

            return jobs.suggest_job(project, engine_for(project, nlp), article_ids, redo,
                                    progress=progress, cancelled=cancelled)

        self.runner.start("Suggest claims", job, on_done=self._suggested,
                          on_progress=lambda *_: self._list_timer.isActive() or self._list_timer.start())

    def _suggested(self, summary) -> None:
        if summary is None or self.project is None:
            return
        self.apply_changes(summary.changes)  # what the run stored, here or in the helper process
        if self.article_id in summary.articles and self.claim_id is None:
            pending = [c for c in self.article_view.visible_claims() if c.status == "suggested"]
            self.select_claim(pending[0].id if pending else None)
        elif self.article_id is None and self.article_model.rowCount():
            self.article_table.selectRow(0)
        self.suggestions_done.emit(summary)

    def act_train_model(self) -> None:
        """Train the attribution model on the project's confirmed claims, in the background; when
        it is written, the language model is reloaded so the next suggestions use it."""
        from app.training import default_model_dir, project_articles, train_job

        articles = project_articles(self.project)
        if not articles:
            self.statusBar().showMessage(
                "Nothing to learn from yet: confirm some claims first (A on a suggestion).", 8000)
            return
        self.statusBar().showMessage(
            f"Training the suggestion model on {len(articles)} articles with confirmed claims…", 5000)
        self.runner.start("Train suggestion model", train_job, articles, default_model_dir(),
                          on_done=self._trained)

    def _trained(self, result) -> None:
        if result is None or result.path is None:
            self.statusBar().showMessage("Training cancelled; the suggestion model is unchanged.", 8000)
            return
        f1 = result.scores.get("attr_f")
        score = f" (held-out span F1 {f1:.2f})" if f1 is not None else ""
        self.statusBar().showMessage(
            f"New suggestion model trained on {result.train_articles} articles{score}; "
            "loading it for the next suggestions.", 10000)
        old, self.nlp = self.nlp, None
        if old is not None:
            old.close()
        self.load_model()

    def act_suggest(self) -> None:
        ids = self.project.article_ids(lacking_suggestions=True)
        if not ids and self.article_id is not None:
            ids = [self.article_id]
        self.suggest(ids)

    def act_suggest_statements(self, on: bool) -> None:
        """The project's suggestion scope: statements only (quotes, reported speech) or all attributions."""
        from app.suggesting import set_project_scope

        try:
            set_project_scope(self.project, "statements" if on else "all")
        except QuotedeskError as exc:
            self.sync_suggest_scope()
            QMessageBox.warning(self, "Suggestion setting not saved", str(exc))
            return
        self.statusBar().showMessage(
            "The next suggestions are " + ("statements only (quotes and reported speech)." if on
                                           else "all attributions (beliefs, intentions, evaluations too)."), 5000)

    def sync_suggest_scope(self) -> None:
        """Check "Suggest statements only" as the project's setting says (without saving it again)."""
        from app.suggesting import project_scope

        action = self.actions["suggest_statements"]
        action.blockSignals(True)
        action.setChecked(project_scope(self.project) == "statements")
        action.blockSignals(False)

    def import_paths(self, paths: list[str]) -> None:
        if not paths:
            return
        self.runner.start("Import articles", jobs.import_job, self.project, list(paths),
                          on_done=self._imported,
                          on_progress=lambda *_: self._list_timer.isActive() or self._list_timer.start())

    def _imported(self, report) -> None:
        if report is None:
            self.refresh_articles()
            return
        self.apply_changes(Changes(articles=frozenset(report.imported)))
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
