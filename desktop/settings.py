"""What the window remembers between runs (QSettings): layout, size, last and recent projects, annotator.

Per user and machine, not per project: the project file holds the work, this file
holds how the user likes the window.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Quotedesk"
APPLICATION = "Quotedesk"
MAX_RECENT = 8


class Settings:
    def __init__(self, settings: QSettings | None = None):
        self._s = settings or QSettings(ORGANIZATION, APPLICATION)

    # ---------------------------------------------------------------- window
    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    def show_rejected(self) -> bool:
        return self._s.value("view/show_rejected", False, type=bool)

    def set_show_rejected(self, on: bool) -> None:
        self._s.setValue("view/show_rejected", bool(on))

    # -------------------------------------------------------------- projects
    def last_project(self) -> str | None:
        value = self._s.value("projects/last")
        return str(value) if value else None

    def recent_projects(self) -> list[str]:
        value = self._s.value("projects/recent", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return [str(v) for v in value or [] if v]

    def remember_project(self, target: str) -> None:
        """Make ``target`` the last project and the first of the recent ones."""
        recent = [target] + [p for p in self.recent_projects() if p != target]
        self._s.setValue("projects/recent", recent[:MAX_RECENT])
        self._s.setValue("projects/last", target)

    def forget_project(self, target: str) -> None:
        self._s.setValue("projects/recent", [p for p in self.recent_projects() if p != target])
        if self.last_project() == target:
            self._s.remove("projects/last")

    # ------------------------------------------------------------- annotator
    def annotator(self) -> str | None:
        value = self._s.value("annotator/name")
        return str(value).strip() or None if value else None

    def set_annotator(self, name: str) -> None:
        self._s.setValue("annotator/name", name.strip())

    def sync(self) -> None:
        self._s.sync()
