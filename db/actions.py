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

from sqlalchemy import Date, DateTime, UniqueConstraint, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kernel.vocab import SYSTEM_ACTOR

from .errors import ConcurrentWriteError, ConflictError, UndoConflictError
from .models import (ActionRow, AnnotatorRow, ArticleRow, AssignmentRow, AuditRow, Base, ClaimRow, ConfigRow,
                     SpeakerRoleRow, SpeakerRow, TopicRow)
from .records import Span

ENTITIES: dict[str, type[Base]] = {
    "article": ArticleRow,
    "claim": ClaimRow,
    "speaker": SpeakerRow,
    "speaker_role": SpeakerRoleRow,
    "topic": TopicRow,
    "assignment": AssignmentRow,
    "config": ConfigRow,
}
ENTITY_OF = {model: name for name, model in ENTITIES.items()}
CLAIM_SPANS = {"content": ("start", "end", "content_text"), "cue": ("cue_start", "cue_end", "cue_text"),
               "mention": ("mention_start", "mention_end", "mention_text")}


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


VERSIONED = (ArticleRow, ClaimRow, SpeakerRow, TopicRow)
IGNORED_IN_COMPARISON = {"version", "updated_at", "annotator"}  # bookkeeping, not what a person changed
LAST_TOUCHED = {("claim", "annotator")}  # who touched a claim last, set by every edit


def bump(row: Base, bumped: dict[tuple[str, int], int], at: dt.datetime) -> None:
    """Move a versioned row to its next version, once per action.

    The ORM writes the row with ``UPDATE … SET version = v + 1 … WHERE id = ? AND version = v``
    (``version_id_col`` in db.models), so a row changed by someone else since it was read
    updates nothing and the flush raises StaleDataError, turned into a ConflictError.
    """
    if not isinstance(row, VERSIONED):
        return
    key = (ENTITY_OF[type(row)], row.id)
    if key in bumped:
        return
    bumped[key] = row.version
    row.version = row.version + 1
    if isinstance(row, ClaimRow):
        row.updated_at = at


class Recorder:
    """Collects the operations of one action inside an open session."""

    def __init__(self, session: Session, annotator: str | None):
        self.session = session
        self.annotator = annotator
        self.ops: list[dict[str, Any]] = []
        self.touched: dict[str, set[int]] = {}
        self.at = now()
        self.action_id: int | None = None
        self.bumped: dict[tuple[str, int], int] = {}  # (entity, id) -> version read before this action
        self.mine: dict[tuple[str, int], dict[str, Any]] = {}  # what the verb asked for, for a conflict

    def _touch(self, entity: str, ident: int) -> None:
        self.touched.setdefault(entity, set()).add(ident)

    def expect(self, row: Base, expected_version: int | None, mine: dict[str, Any] | None = None) -> None:
        """Refuse the action when the row is no longer at the version the caller read.

        ``mine`` (the fields as the verb was called) goes into the ConflictError so the
        window can show them beside the stored ones.
        """
        entity = ENTITY_OF[type(row)]
        if mine is not None:
            self.mine[(entity, row.id)] = dict(mine)
        if expected_version is not None and row.version != expected_version:
            raise conflict(self.session, entity, row.id, expected_version, mine)

    def set(self, row: Base, field: str, value: Any) -> bool:
        """Set a field, recording the change; returns whether it changed."""
        old = getattr(row, field)
        if old == value:
            return False
        bump(row, self.bumped, self.at)
        setattr(row, field, value)
        entity = ENTITY_OF[type(row)]
        op = {"op": "update", "entity": entity, "id": row.id, "field": field, "old": to_json(old),
              "new": to_json(value)}
        if entity == "assignment":  # what the views refresh by (Changes.assignments)
            op["article_id"] = row.article_id
        elif entity == "config":
            op["key"] = row.key
        self.ops.append(op)
        self._touch(entity, row.id)
        return True

    def inserted(self, row: Base) -> None:
        self.session.flush()
        entity = ENTITY_OF[type(row)]
        self.ops.append({"op": "insert", "entity": entity, "id": row.id, "row": snapshot(row)})
        self._touch(entity, row.id)

    def delete(self, row: Base) -> None:
        entity = ENTITY_OF[type(row)]
        if isinstance(row, VERSIONED):
            self.bumped.setdefault((entity, row.id), row.version)
        self.ops.append({"op": "delete", "entity": entity, "id": row.id, "row": snapshot(row)})
        self._touch(entity, row.id)
        self.session.delete(row)  # DELETE … WHERE id = ? AND version = ?
        self.session.flush()

    def stale_conflict(self, session: Session) -> ConflictError:
        """After a StaleDataError (and a rollback): which row moved on, who moved it, when."""
        for (entity, ident), version in self.bumped.items():
            current = session.scalar(select(ENTITIES[entity].version).where(ENTITIES[entity].id == ident))
            if current != version:
                return conflict(session, entity, ident, version, self.mine.get((entity, ident)))
        if not self.bumped:
            return ConcurrentWriteError()
        entity, ident = next(iter(self.bumped))
        return conflict(session, entity, ident, self.bumped[(entity, ident)], self.mine.get((entity, ident)))


def last_change(session: Session, entity: str, ident: int,
                field: str | None = None) -> tuple[str | None, dt.datetime | None, tuple[str, ...]]:
    """Who last changed a row (or one field of it), when, and which fields that change touched."""
    q = select(AuditRow).where(AuditRow.entity == entity, AuditRow.entity_id == ident)
    if field is not None:
        q = q.where(AuditRow.field == field)
    last = session.scalar(q.order_by(AuditRow.id.desc()).limit(1))
    if last is None:
        return None, None, ()
    fields: tuple[str, ...] = ()
    if last.action_id is not None:
        fields = tuple(dict.fromkeys(
            f for f in session.scalars(select(AuditRow.field).where(
                AuditRow.action_id == last.action_id, AuditRow.entity == entity, AuditRow.entity_id == ident,
                AuditRow.at == last.at).order_by(AuditRow.id)) if f and (entity, f) not in LAST_TOUCHED))
    elif last.field:
        fields = (last.field,)
    return last.annotator, last.at, fields


def current_values(session: Session, entity: str, ident: int, keys: Any) -> dict[str, Any]:
    """The stored values of the fields a verb was called with, in the verb's own terms."""
    row = session.get(ENTITIES[entity], ident)
    if row is None:
        return {}
    out: dict[str, Any] = {}
    for key in keys:
        if entity == "claim" and key in CLAIM_SPANS:
            start, end, text = (getattr(row, c) for c in CLAIM_SPANS[key])
            out[key] = None if start is None else Span(start, end, text or "")
        elif entity == "claim" and key in ("speaker", "topic"):
            ref = session.get(SpeakerRow if key == "speaker" else TopicRow, getattr(row, f"{key}_id"))
            out[key] = ref.name if ref is not None else None
        elif hasattr(row, key):
            value = getattr(row, key)
            out[key] = list(value) if isinstance(value, list) else value
    return out


def conflict(session: Session, entity: str, ident: int, expected: int | None,
             mine: dict[str, Any] | None) -> ConflictError:
    """A ConflictError for a row, naming (from the audit log) who changed it last and when."""
    session.expire_all()
    actual = session.scalar(select(ENTITIES[entity].version).where(ENTITIES[entity].id == ident))
    who, when, fields = last_change(session, entity, ident)
    theirs = current_values(session, entity, ident, (mine or {}).keys())
    return ConflictError(entity, ident, expected, actual, who=who, when=when, fields=fields, mine=mine,
                         theirs=theirs)


def ensure_annotator(session: Session, name: str | None) -> None:
    """Add an annotator's name to the project's list the first time it acts.

    Two processes acting for the same new name at once (PostgreSQL runs their writes in parallel): the
    second insert waits for the first to commit, then fails on the unique name; a savepoint keeps the
    rest of the action, and the name is there."""
    if not name or name == SYSTEM_ACTOR:  # the software's own acts are audited under its name, not a person's
        return
    if session.scalar(select(AnnotatorRow.id).where(AnnotatorRow.name == name)) is None:
        try:
            with session.begin_nested():
                session.add(AnnotatorRow(name=name, created_at=now()))
                session.flush()
        except IntegrityError:
            pass


def audit(session: Session, ops: list[dict[str, Any]], *, kind: str | None, action_id: int | None,
          annotator: str | None, at: dt.datetime) -> None:
    """Append audit rows for operations (``kind`` overrides the op's own kind, e.g. "undo")."""
    for op in ops:
        if op["entity"] == "speaker_role":
            entity, ident, field = "speaker", op["row"]["speaker_id"], "role"
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


def _unique_clash(session: Session, model: type[Base], data: dict[str, Any]) -> int | None:
    """The id of another row already holding a unique value (or unique pair) of a row to restore."""
    table = model.__table__
    keys = [tuple(c.name for c in con.columns) for con in table.constraints if isinstance(con, UniqueConstraint)]
    keys += [tuple(c.name for c in ix.columns) for ix in table.indexes if ix.unique]
    keys += [(c.name,) for c in table.columns if c.unique]
    for cols in dict.fromkeys(keys):
        if any(data.get(c) is None for c in cols):
            continue
        found = session.scalar(select(table.c.id).where(*(table.c[c] == from_json(model, c, data[c]) for c in cols),
                                                        table.c.id != data["id"]).limit(1))
        if found is not None:
            return found
    return None


def _same_row(row: Base, data: dict[str, Any]) -> str | None:
    """The first field (other than bookkeeping) where a row differs from a snapshot, or None."""
    now_data = snapshot(row)
    for key, value in data.items():
        if key not in IGNORED_IN_COMPARISON and now_data.get(key) != value:
            return key
    return None


def apply_ops(session: Session, ops: list[dict[str, Any]], *, reverse: bool, at: dt.datetime,
              label: str = "the action") -> dict[str, set[int]]:
    """Apply operations forwards (redo) or their inverses backwards (undo).

    Before each operation the row must still hold what the action (or its undo) left there:
    a field another change has moved on, a row edited since it was inserted, or a speaker or
    topic another claim now uses, refuses the whole undo/redo with UndoConflictError (the
    caller's transaction is rolled back, so the action stays where it was). Every write is
    conditional on the row's version, so a change committed meanwhile is refused too.
    """
    touched: dict[str, set[int]] = {}
    bumped: dict[tuple[str, int], int] = {}
    sequence = list(reversed(ops)) if reverse else ops

    def refuse(entity: str, ident: int, field: str | None) -> UndoConflictError:
        who, when, _ = last_change(session, entity, ident, field)
        return UndoConflictError(label, reverse, entity, ident, field=field, who=who, when=when)

    for op in sequence:
        model = ENTITIES[op["entity"]]
        kind = op["op"]
        if reverse:
            kind = {"insert": "delete", "delete": "insert", "update": "update"}[kind]
        if kind == "update":
            row = session.get(model, op["id"])
            if row is None:
                raise refuse(op["entity"], op["id"], None)
            expected, value = (op["new"], op["old"]) if reverse else (op["old"], op["new"])
            if to_json(getattr(row, op["field"])) != expected:
                if (op["entity"], op["field"]) in LAST_TOUCHED:
                    continue  # someone touched the claim since: the "last annotator" stays theirs
                raise refuse(op["entity"], op["id"], op["field"])
            bump(row, bumped, at)
            setattr(row, op["field"], from_json(model, op["field"], value))
        elif kind == "insert":
            if session.get(model, op["id"]) is None:
                clash = _unique_clash(session, model, op["row"])
                if clash is not None:  # e.g. the same article assigned to the same person again since
                    who, when, _ = last_change(session, op["entity"], clash)
                    raise UndoConflictError(label, reverse, op["entity"], clash, who=who, when=when)
                _restore(session, model, op["row"])
        else:
            row = session.get(model, op["id"])
            if row is not None:
                changed = _same_row(row, op["row"])
                if changed is not None:
                    raise refuse(op["entity"], op["id"], changed)
                if model in (SpeakerRow, TopicRow):  # deleting it would take it off someone's claim
                    session.flush()
                    column = ClaimRow.speaker_id if model is SpeakerRow else ClaimRow.topic_id
                    if session.scalar(select(ClaimRow.id).where(column == op["id"]).limit(1)) is not None:
                        raise refuse(op["entity"], op["id"], None)
                session.delete(row)
                session.flush()
        touched.setdefault(op["entity"], set()).add(op["id"])
    session.flush()
    return touched


def undo_refusal(session: Session, ops: list[dict[str, Any]], *, reverse: bool, label: str) -> UndoConflictError:
    """After an undo/redo lost a race (StaleDataError): the row that moved on, who moved it, when."""
    sequence = list(reversed(ops)) if reverse else ops
    for op in sequence:
        if op["op"] == "update":
            current = session.scalar(select(ENTITIES[op["entity"]].__table__.c[op["field"]])
                                     .where(ENTITIES[op["entity"]].id == op["id"]))
            if to_json(current) != (op["new"] if reverse else op["old"]) and (op["entity"], op["field"]) not in LAST_TOUCHED:
                who, when, _ = last_change(session, op["entity"], op["id"], op["field"])
                return UndoConflictError(label, reverse, op["entity"], op["id"], field=op["field"], who=who, when=when)
    op = sequence[0]
    who, when, _ = last_change(session, op["entity"], op["id"])
    return UndoConflictError(label, reverse, op["entity"], op["id"], who=who, when=when)
