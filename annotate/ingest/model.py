"""The plain records that leave the ingest package, and its own error type."""
from __future__ import annotations

import bisect
import datetime
from dataclasses import dataclass

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Largest single article file (text or HTML) we read; bigger files are refused, unread."""

MAX_BATCH_BYTES = 512 * 1024 * 1024
"""Largest JSONL/CSV batch file we read."""


class IngestProblem(ValueError):
    """Bad input, with a message written for the person importing the file."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class IngestedArticle:
    title: str | None
    source: str | None
    url: str | None
    publisher: str | None
    author: str | None
    published: datetime.date | None
    published_source: str | None  # "metadata" | "byline" | "inferred" | None
    language: str | None
    raw_text: str
    text: str
    content_hash: str
    # (text offset, raw offset) anchors: between two anchors text and raw_text advance together.
    # Empty when text is not cut from raw_text (HTML, where raw_text is the page source).
    offset_anchors: tuple[tuple[int, int], ...] = ()
    notes: tuple[str, ...] = ()  # things the importer decided, for a person (e.g. a guessed encoding)

    def raw_offset(self, offset: int) -> int | None:
        """Where text[offset] came from in raw_text (None when unknown, e.g. for HTML)."""
        if not self.offset_anchors or not 0 <= offset <= len(self.text):
            return None
        i = bisect.bisect_right(self.offset_anchors, (offset, float("inf"))) - 1
        text_at, raw_at = self.offset_anchors[max(i, 0)]
        return raw_at + (offset - text_at)

    def text_offset(self, raw_offset: int) -> int | None:
        """Where raw_text[raw_offset] is in text, or None when that part was left out."""
        for (t0, r0), nxt in zip(self.offset_anchors, self.offset_anchors[1:] + ((None, None),)):
            t1 = nxt[0] if nxt[0] is not None else len(self.text)
            if r0 <= raw_offset < r0 + (t1 - t0):
                return t0 + raw_offset - r0
        return None


@dataclass(frozen=True)
class IngestError:
    source: str
    message: str
    line: int | None = None


@dataclass(frozen=True)
class IngestResult:
    source: str
    article: IngestedArticle | None
    error: IngestError | None
