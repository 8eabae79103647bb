"""Undo and redo of user actions, and each claim's recorded history (one place for both)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import convert
from .actions import apply_ops, audit, now, undo_refusal
from .errors import ConcurrentWriteError, NothingToUndoError
from .models import ActionRow, AuditRow
from .records import AuditEntry, Changes, HistoryItem
from .store import Store, changes_from


def next_action(s: Session, annotator: str | None, state: str) -> ActionRow | None:
    """This annotator's action to undo (``state`` "done": the newest) or redo ("undone": the oldest)."""
    q = select(ActionRow).where(ActionRow.annotator.is_not_distinct_from(annotator), ActionRow.state == state)
    q = q.order_by(ActionRow.id.desc() if state == "done" else ActionRow.id.asc()).limit(1)
    return s.scalar(q)


class History:
    def __init__(self, store: Store):
        self._store = store

    def items(self, annotator: str | None = None, *, limit: int = 100) -> list[HistoryItem]:
        with self._store.reading() as s:
            rows = s.scalars(
                select(ActionRow).where(ActionRow.annotator.is_not_distinct_from(annotator),
                                        ActionRow.state.in_(("done", "undone")))
                .order_by(ActionRow.id.desc()).limit(limit))
            return [HistoryItem(r.id, r.label, r.annotator, r.at, r.state) for r in rows]

    def label(self, annotator: str | None, state: str) -> str | None:
        with self._store.reading() as s:
            row = next_action(s, annotator, state)
            return row.label if row else None

    def undo_redo(self, annotator: str | None, *, undo: bool) -> Changes:
        """Undo or redo this annotator's next action.

        Refused (UndoConflictError, nothing written, the action stays where it is) when a
        field no longer holds what the action (or its undo) wrote: it would overwrite a later
        change, usually someone else's.
        """
        try:
            with self._store.writing() as s:
                action = next_action(s, annotator, "done" if undo else "undone")
                if action is None:
                    raise NothingToUndoError("Nothing to undo." if undo else "Nothing to redo.")
                at = now()
                touched = apply_ops(s, action.ops, reverse=undo, at=at, label=action.label)
                action.state = "undone" if undo else "done"
                audit(s, action.ops, kind="undo" if undo else "redo", action_id=action.id, annotator=annotator,
                      at=at)
                return changes_from(touched, action.ops, action.id)
        except ConcurrentWriteError as exc:  # someone committed a change to one of its rows meanwhile
            with self._store.reading() as s:
                action = next_action(s, annotator, "done" if undo else "undone")
                raise undo_refusal(s, action.ops, reverse=undo, label=action.label) from exc

    def of_claim(self, claim_id: int) -> list[AuditEntry]:
        with self._store.reading() as s:
            rows = s.scalars(select(AuditRow).where(AuditRow.entity == "claim", AuditRow.entity_id == claim_id)
                             .order_by(AuditRow.id))
            return [convert.audit_entry(r) for r in rows]
