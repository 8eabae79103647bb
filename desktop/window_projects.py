"""New, open and recent projects for the main window (a mixin, to keep main_window.py readable)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu

from db import Project
from desktop.dialogs import ask_new_project, ask_open_project


class ProjectMenuMixin:
    """Needs ``self.project``, ``self.settings``, ``self.runner``, ``self.undo`` and ``_load_project``."""

    def install_project_menu(self, file_menu: QMenu) -> None:
        self.recent_menu = QMenu("Open &recent", self)
        self.recent_menu.setObjectName("menu_recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.insertMenu(self.actions["import_files"], self.recent_menu)
        file_menu.insertSeparator(self.actions["import_files"])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        current = str(self.project.path or self.project.url)
        for target in self.settings.recent_projects():
            action = self.recent_menu.addAction(Path(target).name if "://" not in target else target)
            action.setToolTip(target)
            action.setEnabled(target != current)
            action.triggered.connect(lambda _=False, t=target: self.switch_project(t, create=False))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent projects").setEnabled(False)

    def act_new_project(self) -> None:
        path = ask_new_project(self)
        if path is not None:
            if path.exists():
                path.unlink()  # the save dialog already asked whether to replace it
            self.switch_project(str(path), create=True)

    def act_open_project(self) -> None:
        path = ask_open_project(self)
        if path is not None:
            self.switch_project(str(path), create=False)

    def switch_project(self, target: str, *, create: bool) -> bool:
        """Close the current project and show ``target``; on failure the current one stays open."""
        if self.runner.tasks:
            self.statusBar().showMessage("Wait for the background work to finish (or cancel it) first.", 6000)
            return False
        try:
            project = Project.open(target, create=create)
        except Exception as exc:  # a clear dialog, and the current project stays
            self.show_error(exc, "Open project")
            if not create:
                self.settings.forget_project(target)
            return False
        self.reader.wait(10_000)  # quick reads of the old project finish first
        old, self.project = self.project, project
        if self.owns_project:
            old.close()
        self.owns_project = True
        self.project.add_annotator(self.annotator)
        self.settings.remember_project(str(project.path or project.url))
        self.undo.project = project
        self.undo.load_history()
        self.article_id = self.claim_id = None
        self._waiting_for_model.clear()
        self._load_project()
        if self.nlp is not None and self.auto_suggest:
            pending = self.project.article_ids(lacking_suggestions=True)
            if pending:
                self.suggest(pending)
        return True
