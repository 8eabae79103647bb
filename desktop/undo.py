"""The window's view of the project's one undo history, and of other people's changes.

The core owns undo: every change is a Project verb that records an undoable action in
the database, per annotator. ``CoreUndoStack`` keeps no history of its own (the old
QUndoStack mirror drifted from the core, e.g. after an ``import-xlsx`` by the same
annotator): after every change, undo, redo or change seen from elsewhere it asks the
project for the labels of this annotator's next undo and redo, so the Undo/Redo actions
always name what the core will undo.

It also polls the project's change counter (``db.feed.ChangeFeed``: one indexed max()
query a second, on the window's reader thread) and emits other annotators' changes through
``changed_elsewhere``, so views refresh only what changed, within ``POLL_MS``.

A write refused because someone else changed the row first (``ConflictError``) is emitted
through ``conflict`` for the window to resolve with the person (desktop.conflicts); an
undo or redo refused for the same reason (``UndoConflictError``) through ``failed``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from db import Changes, ConflictError, Project
from db.errors import UndoConflictError
from db.feed import ChangeFeed

log = logging.getLogger(__name__)
POLL_MS = 1000  # other annotators' changes show within this (plus one short read)
HISTORY_ON_OPEN = 50  # kept for callers that still read it: the core keeps the whole history


class CoreUndoStack(QObject):
    """Undo/Redo labels and enabled state from the core, refreshed after each change.

    Keeps the few QUndoStack methods the window uses (``canUndo``, ``undoText``,
    ``indexChanged``...) so it is a drop-in, thin view of the core's history.
    """

    changed = Signal(object)  # Changes of an apply, undo or redo made here
    changed_elsewhere = Signal(object)  # Changes other people (or processes) made, seen by the poll
    failed = Signal(object)  # an exception, for the window's error handler
    conflict = Signal(object, str)  # ConflictError, label of the refused change
    indexChanged = Signal(int)  # the labels may have changed (also when another project is opened)
    cleanChanged = Signal(bool)

    def __init__(self, project: Project, annotator: str, parent: QObject | None = None, *, poll: bool = True,
                 runner=None):
        """``runner`` (a desktop.tasks.TaskRunner) reads new audit rows off the UI thread; without
        one, polls are read in the calling thread."""
        super().__init__(parent)
        self._runner = runner
        self._polling = False
        self._timer_alive = True
        self.project = project
        self.annotator = annotator
        self._undo_label: str | None = None
        self._redo_label: str | None = None
        self._own_actions: set[int] = set()
        self._feed: ChangeFeed | None = None
        self._generation = 0
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self.poll)
        self.load_history()
        if poll:
            self._timer.start()

    # ------------------------------------------------------------ the labels
    def load_history(self) -> None:
        """Start over on ``self.project`` for ``self.annotator`` (after opening a project or a new name)."""
        self._own_actions.clear()
        self._polling = False
        try:
            self._feed = self.project.change_feed(ignore=self._own_actions.__contains__)
        except Exception as exc:  # noqa: BLE001 - a project that cannot be read shows its error elsewhere
            log.warning("Change feed unavailable: %s", exc)
            self._feed = None
        self.refresh()

    def refresh(self, labels: tuple[str | None, str | None] | None = None) -> None:
        """Ask the core what Undo and Redo would do now (or take ``labels``, just read elsewhere), and
        tell the window."""
        self._undo_label, self._redo_label = labels if labels is not None else (
            self.project.undo_label(self.annotator), self.project.redo_label(self.annotator))
        self._generation += 1
        self.indexChanged.emit(self._generation)

    def canUndo(self) -> bool:  # noqa: N802 - QUndoStack's names, which the window uses
        return self._undo_label is not None

    def canRedo(self) -> bool:  # noqa: N802
        return self._redo_label is not None

    def undoText(self) -> str:  # noqa: N802
        return self._undo_label or ""

    def redoText(self) -> str:  # noqa: N802
        return self._redo_label or ""

    # --------------------------------------------------------------- changes
    def apply(self, label: str, change: Callable[[], Changes]) -> Changes | None:
        """Run a Project verb that records an undoable action.

        Returns its Changes, or None when it failed (``conflict`` or ``failed`` was emitted).
        """
        try:
            changes = change()
        except UndoConflictError as exc:
            self.failed.emit(exc)
            return None
        except ConflictError as exc:
            self.conflict.emit(exc, label)
            return None
        except Exception as exc:  # shown by whoever listens to ``failed``
            self.failed.emit(exc)
            return None
        self._done(changes)
        return changes

    def undo(self) -> bool:
        """Undo this annotator's last action; False when refused (``failed`` says why)."""
        return self._run(lambda: self.project.undo(self.annotator))

    def redo(self) -> bool:
        return self._run(lambda: self.project.redo(self.annotator))

    def _run(self, fn: Callable[[], Changes]) -> bool:
        try:
            changes = fn()
        except Exception as exc:  # an UndoConflictError says who changed what; the action stays
            self.failed.emit(exc)
            self.refresh()
            return False
        self._done(changes)
        return True

    def applied(self, changes: Changes) -> None:
        """A change made off the UI thread (a job on the task runner) by this annotator: recorded and
        refreshed like one made through ``apply``."""
        self._done(changes)

    def _done(self, changes: Changes) -> None:
        if changes.action_id is not None:
            self._own_actions.add(changes.action_id)
        self.changed.emit(changes)
        self.refresh()

    # ------------------------------------------------ other people's changes
    def poll(self) -> Changes | None:
        """Pick up changes made elsewhere (other annotators, the command line) since the last poll.

        With a runner, the change counter and the new audit rows are read there and applied
        when they arrive (the return value is then None): the UI thread reads nothing, not even
        the counter (a read can wait while the helper process's writes and checkpoints go on: up
        to 260 ms seen under load, benchmarks/bench_window_table.py --profile). Without a runner
        everything happens here.
        """
        feed = self._feed
        if feed is None or self._polling:
            return Changes()
        if self._runner is not None:
            self._polling = True
            project, annotator, generation = self.project, self.annotator, self._generation

            def read(*, progress, cancelled):  # the labels too: changes elsewhere may be this annotator's
                changes = feed.poll()
                return changes, (project.undo_label(annotator), project.redo_label(annotator)) if changes else None

            self._runner.start("Check for other people's changes", read, on_error=self._poll_failed,
                               on_done=lambda got: self._arrived(feed, *(got or (None, None)), generation))
            return None
        try:
            latest = feed.current_counter()
            if not feed.has_news(latest):
                return Changes()
            changes = feed.poll(latest)
        except Exception as exc:  # noqa: BLE001 - a lost connection: try again on the next tick
            self._poll_failed(exc)
            return Changes()
        self._arrived(feed, changes)
        return changes

    def _arrived(self, feed: ChangeFeed, changes: Changes | None, labels=None, generation: int | None = None) -> None:
        """``labels`` (undo, redo) were read with the changes while the labels were at ``generation``:
        used unless the labels were refreshed since (a change made here meanwhile), then read again."""
        self._polling = False
        if feed is not self._feed or not changes or not self._timer_alive:
            return  # another project was opened meanwhile, or nothing new
        current = labels is not None and generation == self._generation
        self.changed_elsewhere.emit(changes)
        self.refresh(labels if current else None)  # e.g. an import-xlsx by this annotator is now what Undo undoes

    def _poll_failed(self, exc: BaseException) -> None:
        self._polling = False
        log.warning("Could not check the project for other people's changes: %s", exc)

    def stop_polling(self) -> None:
        """Stop polling (the window closes); a read still on its way is dropped when it arrives."""
        self._timer_alive = False
        self._timer.stop()
