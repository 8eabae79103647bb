"""Undoable actions: every user change is a list of small reversible operations.

An operation is plain JSON so it can be stored: ``update`` (one field of one
row, old and new value), ``insert`` and ``delete`` (a whole row snapshot).
An action groups the operations of one user step (accept, edit, merge...).
It is stored in ``actions`` and every operation is also written to the
append-only ``audit_log``, so a claim's history survives undo and restarts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, DateTime, select, update
from sqlalchemy.orm import Session

from .models import ActionRow, AnnotatorRow, ArticleRow, AuditRow, Base, ClaimRow, SpeakerRoleRow, SpeakerRow, TopicRow

ENTITIES: dict[str, type[Base]] = {
    "article": ArticleRow,
    "claim": ClaimRow,
    "speaker": SpeakerRow,
    "speaker_role": SpeakerRoleRow,
    "topic": TopicRow,
}
ENTITY_OF = {model: name for name, model in ENTITIES.items()}


def now() -> dt.datetime:
    """Timestamps are stored as naive UTC."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def to_json(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def from_json(model: type[Base], field: str, value: Any) -> Any:
    if value is None:
        return None
    col_type = model.__table__.c[field].type
    if isinstance(col_type, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(col_type, Date):
        return dt.date.fromisoformat(value)
    return value


def snapshot(row: Base) -> dict[str, Any]:
    return {c.key: to_json(getattr(row, c.key)) for c in row.__table__.columns}


def _restore(session: Session, model: type[Base], data: dict[str, Any]) -> Base:
    row = model(**{k: from_json(model, k, v) for k, v in data.items()})
    session.add(row)
    session.flush()
    return row


class Recorder:
    """Collects the operations of one action inside an open session."""

    def __init__(self, session: Session, annotator: str | None):
        self.session = session
        self.annotator = annotator
        self.ops: list[dict[str, Any]] = []
        self.touched: dict[str, set[int]] = {}
        self.at = now()
        self.action_id: int | None = None

    def _touch(self, entity: str, ident: int) -> None:
        self.touched.setdefault(entity, set()).add(ident)

    def set(self, row: Base, field: str, value: Any) -> bool:
        """Set a field, recording the change; returns whether it changed."""
        old = getattr(row, field)
        if old == value:
            return False
        setattr(row, field, value)
        entity = ENTITY_OF[type(row)]
        self.ops.append(
            {"op": "update", "entity": entity, "id": row.id, "field": field, "old": to_json(old), "new": to_json(value)}
        )
        self._touch(entity, row.id)
        return True

    def inserted(self, row: Base) -> None:
        self.session.flush()
        entity = ENTITY_OF[type(row)]
        self.ops.append({"op": "insert", "entity": entity, "id": row.id, "row": snapshot(row)})
        self._touch(entity, row.id)

    def delete(self, row: Base) -> None:
        entity = ENTITY_OF[type(row)]
        self.ops.append({"op": "delete", "entity": entity, "id": row.id, "row": snapshot(row)})
        self._touch(entity, row.id)
        self.session.delete(row)
        self.session.flush()

    def finish_claim_versions(self) -> None:
        """Bump version and updated_at of every claim this action updated."""
        for ident in self.touched.get("claim", ()):
            row = self.session.get(ClaimRow, ident)
            if row is not None and any(
                op["op"] == "update" and op["entity"] == "claim" and op["id"] == ident for op in self.ops
            ):
                row.version += 1
                row.updated_at = self.at


def ensure_annotator(session: Session, name: str | None) -> None:
    if not name:
        return
    if session.scalar(select(AnnotatorRow.id).where(AnnotatorRow.name == name)) is None:
        session.add(AnnotatorRow(name=name, created_at=now()))


def audit(session: Session, ops: list[dict[str, Any]], *, kind: str | None, action_id: int | None,
          annotator: str | None, at: dt.datetime) -> None:
    """Append audit rows for operations (``kind`` overrides the op's own kind, e.g. "undo")."""
    for op in ops:
        if op["entity"] not in ("claim", "speaker", "topic", "article"):
            entity, ident = ("speaker", op["row"]["speaker_id"]) if op["entity"] == "speaker_role" else (op["entity"], op["id"])
            field = "role"
        else:
            entity, ident, field = op["entity"], op["id"], op.get("field")
        op_kind = {"update": "update", "insert": "create", "delete": "delete"}[op["op"]]
        if op["op"] == "update":
            old, new = op["old"], op["new"]
        elif op["op"] == "insert":
            old, new = None, op["row"]
        else:
            old, new = op["row"], None
        if kind in ("undo", "redo") and op["op"] != "update":
            op_kind = f"{kind}-{op_kind}"
        elif kind:
            op_kind = kind
        session.add(AuditRow(entity=entity, entity_id=ident, action_id=action_id, kind=op_kind,
                             field=field, old=old, new=new, annotator=annotator, at=at))


def record_action(session: Session, recorder: Recorder, label: str) -> int | None:
    """Store the recorder's operations as a new action; drops this annotator's redo stack."""
    if not recorder.ops:
        return None
    recorder.finish_claim_versions()
    ensure_annotator(session, recorder.annotator)
    session.execute(
        update(ActionRow)
        .where(ActionRow.state == "undone", ActionRow.annotator.is_not_distinct_from(recorder.annotator))
        .values(state="dropped")
    )
    action = ActionRow(label=label, annotator=recorder.annotator, at=recorder.at, state="done", ops=recorder.ops)
    session.add(action)
    session.flush()
    audit(session, recorder.ops, kind=None, action_id=action.id, annotator=recorder.annotator, at=recorder.at)
    return action.id


def apply_ops(session: Session, ops: list[dict[str, Any]], *, reverse: bool, at: dt.datetime) -> dict[str, set[int]]:
    """Apply operations forwards (redo) or their inverses backwards (undo)."""
    touched: dict[str, set[int]] = {}
    sequence = list(reversed(ops)) if reverse else ops
    for op in sequence:
        model = ENTITIES[op["entity"]]
        kind = op["op"]
        if reverse:
            kind = {"insert": "delete", "delete": "insert", "update": "update"}[kind]
        if kind == "update":
            row = session.get(model, op["id"])
            if row is None:
                continue
            value = op["old"] if reverse else op["new"]
            setattr(row, op["field"], from_json(model, op["field"], value))
        elif kind == "insert":
            if session.get(model, op["id"]) is None:
                _restore(session, model, op["row"])
        else:
            row = session.get(model, op["id"])
            if row is not None:
                session.delete(row)
                session.flush()
        touched.setdefault(op["entity"], set()).add(op["id"])
    for ident in touched.get("claim", ()):
        row = session.get(ClaimRow, ident)
        if row is not None:
            row.version += 1
            row.updated_at = at
    session.flush()
    return touched
