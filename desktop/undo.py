"""Qt's undo stack over the project's own undo (the core owns undo; Qt only labels it).

A change is made by calling a Project verb once, here, through ``CoreUndoStack.apply``;
the verb records an undoable action in the database. The ``QUndoCommand`` pushed
for it does nothing on its first redo (the change is already made) and afterwards
calls ``Project.undo``/``Project.redo`` for the annotator, so the database stays the
truth, the actions survive a restart, and Qt supplies the labelled Undo/Redo.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from db import Changes, Project

HISTORY_ON_OPEN = 50  # actions of earlier sessions that can be undone after reopening


class CoreCommand(QUndoCommand):
    def __init__(self, stack: CoreUndoStack, label: str, action_id: int | None):
        super().__init__(label)
        self._stack = stack
        self.action_id = action_id
        self._applied = True  # the project verb already ran

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._stack._run(lambda: self._stack.project.redo(self._stack.annotator))

    def undo(self) -> None:
        self._stack._run(lambda: self._stack.project.undo(self._stack.annotator))


class CoreUndoStack(QUndoStack):
    """A QUndoStack whose commands replay the project's recorded actions.

    ``changed`` carries the ``Changes`` of every apply, undo and redo so views refresh;
    ``failed`` carries an exception from one (shown by the window's error handler).
    """

    changed = Signal(object)
    failed = Signal(object)

    def __init__(self, project: Project, annotator: str, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.annotator = annotator
        self.load_history()

    def load_history(self) -> None:
        """Offer this annotator's earlier actions, still done in the project, for undo."""
        self.clear()
        done = []
        for item in self.project.history(self.annotator, limit=HISTORY_ON_OPEN):
            if item.state != "done":
                break
            done.append(item)
        for item in reversed(done):
            self.push(CoreCommand(self, item.label, item.id))
        self.setClean()

    def apply(self, label: str, change: Callable[[], Changes]) -> Changes | None:
        """Run a Project verb that records an undoable action and put it on the stack.

        Returns its Changes, or None when it failed (``failed`` was emitted).
        """
        try:
            changes = change()
        except Exception as exc:  # shown by whoever listens to ``failed``
            self.failed.emit(exc)
            return None
        if changes.action_id is not None:
            self.push(CoreCommand(self, label, changes.action_id))
        self.changed.emit(changes)
        return changes

    def _run(self, fn: Callable[[], Changes]) -> None:
        try:
            changes = fn()
        except Exception as exc:
            self.failed.emit(exc)
            return
        self.changed.emit(changes)
