"""A failing rule costs one article's field, or that one article, never a whole suggestion run.

The engine reads an article through thousands of lines of field rules (speaker, role, date,
stance). A bug in one of them raised on one article used to end the whole run. Now the engine
catches it where it knows what it loses: a rule that fails for one claim leaves that claim's field
empty; a pass over the whole article for one field (the speakers observed in every paragraph, the
dated events) leaves the field empty in every claim of the article; a failure in finding the claims
themselves skips the article (no suggestions for it, so nothing half-made is stored). Every
failure is kept, with its traceback, on the article's result (``Suggestions.failures``), which the
storing loop (``app.suggesting``) logs with the article's id and counts for the person.

Bugs stay loud where they are made: with ``QUOTEDESK_STRICT_RULES`` set (the test suite sets it)
every guard raises the rule's exception again, unchanged.
"""
from __future__ import annotations

import os
import traceback
from dataclasses import dataclass

STRICT_ENV = "QUOTEDESK_STRICT_RULES"
"""Set (to anything but "" or "0") the guards raise again instead of carrying on; tests set it."""

FIELDS = ("speaker", "date", "stance")
"""What a failing rule can leave empty (the speaker's rules give the role with the speaker)."""

ARTICLE = "article"
"""The stage of a failure that skipped the whole article."""


def strict() -> bool:
    """Whether the guards raise again (read at each failure only: nothing on the hot path)."""
    return os.environ.get(STRICT_ENV, "") not in ("", "0")


@dataclass(frozen=True)
class RuleFailure:
    """One rule that raised while suggesting an article's claims."""

    stage: str  # one of FIELDS, or ARTICLE (the article was skipped)
    error: str  # "TypeError: '<' not supported between ..."
    details: str  # the traceback, for the log
    at: int | None = None  # code-point offset of the claim's content, None for a pass over the article

    @classmethod
    def of(cls, stage: str, exc: BaseException, at: int | None = None) -> RuleFailure:
        error = f"{type(exc).__name__}: {exc}".strip().removesuffix(":")
        return cls(stage, error, "".join(traceback.format_exception(exc)), at)


class Suggestions(list):
    """One article's suggestions (a plain list of ``ClaimDraft``), with the rules that failed on it.

    Picklable as it is (it crosses from worker and helper processes). Empty with a failure of stage
    ``ARTICLE`` when the article was skipped."""

    failures: tuple[RuleFailure, ...] = ()

    def __init__(self, drafts=(), failures: tuple[RuleFailure, ...] | list[RuleFailure] = ()):
        super().__init__(drafts)
        if failures:
            self.failures = tuple(failures)

    @property
    def skipped(self) -> bool:
        """The article got no suggestions because a rule failed (not because it has no claims)."""
        return any(f.stage == ARTICLE for f in self.failures)

    @property
    def emptied(self) -> tuple[str, ...]:
        """The fields left empty in some claim because a rule failed, in FIELDS order."""
        stages = {f.stage for f in self.failures}
        return tuple(f for f in FIELDS if f in stages)


def failures_of(suggestions) -> tuple[RuleFailure, ...]:
    """The failures a suggester's result carries (none for a plain list)."""
    return getattr(suggestions, "failures", ())
