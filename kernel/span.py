"""A stretch of an article's text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A stretch of an article's display text, as code point offsets (end exclusive), with its text."""

    start: int
    end: int
    text: str
