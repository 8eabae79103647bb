"""Errors of the storage layer, each with a message for the person at the keyboard."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kernel import QuotedeskError


class ProjectError(QuotedeskError):
    """The project file cannot be opened as it is."""


class NotAProjectError(ProjectError):
    pass


class CorruptProjectError(ProjectError):
    pass


class NewerSchemaError(ProjectError):
    pass


class NotFoundError(QuotedeskError):
    pass


class NotYourLayerError(ProjectError):
    """A write to a claim in another annotator's private layer (blind annotation); nothing was changed."""


class DuplicateArticleError(QuotedeskError):
    def __init__(self, existing_id: int, title: str | None):
        self.existing_id = existing_id
        self.title = title
        super().__init__(
            f"This article is already in the project (article {existing_id}"
            + (f", “{title}”" if title else "")
            + ")."
        )


class ConflictError(QuotedeskError):
    """A write made against an older version of a claim, speaker, topic or article.

    The write was not applied. ``mine`` holds the fields the write wanted (as the verb
    was called), ``theirs`` the same fields as they are now, ``who``/``when``/``fields``
    the last recorded change to the row (from the audit log) so a person can decide.
    """

    def __init__(self, entity: str, entity_id: int, expected: int | None, actual: int | None, *,
                 who: str | None = None, when: dt.datetime | None = None, fields: tuple[str, ...] = (),
                 mine: dict[str, Any] | None = None, theirs: dict[str, Any] | None = None):
        self.entity = entity
        self.entity_id = entity_id
        self.expected = expected
        self.actual = actual
        self.who = who
        self.when = when
        self.fields = tuple(fields)
        self.mine = dict(mine or {})
        self.theirs = dict(theirs or {})
        super().__init__(self._message())

    def _what(self) -> str:
        return f"{self.entity.capitalize()} {self.entity_id}"

    def _by(self) -> str:
        changed = ", ".join(f.replace("_", " ") for f in self.fields)
        out = f" by {self.who or 'someone'}" if self.who or self.when else " elsewhere"
        if self.when is not None:
            out += f" at {describe_time(self.when)}"
        if changed:
            out += f" ({changed})"
        return out

    def _message(self) -> str:
        if self.actual is None:
            return f"{self._what()} was deleted{self._by()} since you loaded it; your change was not saved."
        return (f"{self._what()} was changed{self._by()} since you loaded it "
                f"(version {self.expected}, now {self.actual}); your change was not saved. "
                "Reload it and try again.")


class ConcurrentWriteError(ConflictError):
    """Two writes to the same rows at the same moment; this one lost and nothing of it was saved."""

    def __init__(self):
        super().__init__("row", 0, None, None)

    def _message(self) -> str:
        return "Someone else changed the same data at the same moment; nothing was saved. Try again."


class UndoConflictError(ConflictError):
    """Undo or redo would overwrite a change made after the action; nothing was changed."""

    def __init__(self, label: str, undo: bool, entity: str, entity_id: int, *, field: str | None = None,
                 who: str | None = None, when: dt.datetime | None = None):
        self.label = label
        self.undo = undo
        self.field = field
        super().__init__(entity, entity_id, None, None, who=who, when=when, fields=(field,) if field else ())

    def _message(self) -> str:
        verb = "undo" if self.undo else "redo"
        what = f"the {self.field.replace('_', ' ')} of {self.entity} {self.entity_id}" if self.field \
            else f"{self.entity} {self.entity_id}"
        by = f"{self.who or 'someone'}" + (f" at {describe_time(self.when)}" if self.when else "")
        return (f"Cannot {verb} “{self.label}”: {by} changed {what} after it, and {verb}ing would "
                f"overwrite their change. Nothing was changed; “{self.label}” stays on the "
                f"{verb} list.")


def describe_time(when: dt.datetime) -> str:
    """A stored (naive UTC) time as a person reads it: 22:41 UTC, or with the date when not today."""
    today = dt.datetime.now(dt.UTC).date()
    return when.strftime("%H:%M:%S UTC") if when.date() == today else when.strftime("%Y-%m-%d %H:%M UTC")


class InvalidValueError(QuotedeskError):
    pass


class NothingToUndoError(QuotedeskError):
    pass
