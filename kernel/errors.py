"""The base of the errors Quotedesk raises on purpose."""

from __future__ import annotations


class QuotedeskError(Exception):
    """Base of the errors we raise on purpose; ``str(err)`` is shown to the user as is."""
