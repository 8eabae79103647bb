"""The few shapes every package shares: spans, the claim draft, vocabularies, the base error, the text hash.

Imports nothing of Quotedesk (a contract in pyproject.toml), so annotate, db, exports, app and
desktop can all use it without importing each other.
"""

from .draft import ClaimDraft
from .errors import QuotedeskError
from .hashing import content_hash
from .span import Span
from .vocab import (FRAGMENT_GAP, KINDS, NO_STANCE, ORIGINS, STANCE_LABELS, STANCES, STATUSES, STRENGTH_LABELS,
                    VERDICT_RATINGS)

__all__ = ["FRAGMENT_GAP", "KINDS", "NO_STANCE", "ORIGINS", "STANCE_LABELS", "STANCES", "STATUSES", "STRENGTH_LABELS", "VERDICT_RATINGS", "ClaimDraft", "QuotedeskError", "Span",
           "content_hash"]
