"""Errors of the storage layer, each with a message for the person at the keyboard."""

from __future__ import annotations

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
    """A change was made against an older version of a claim."""

    def __init__(self, claim_id: int, expected: int, actual: int):
        self.claim_id = claim_id
        self.expected = expected
        self.actual = actual
        super().__init__(
            f"Claim {claim_id} was changed elsewhere since you loaded it "
            f"(version {expected}, now {actual}). Reload it and try again."
        )


class InvalidValueError(QuotedeskError):
    pass


class NothingToUndoError(QuotedeskError):
    pass
