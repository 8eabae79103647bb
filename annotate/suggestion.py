"""Plain result types of the suggestion engine.

Offsets are Python ``str`` (code point) indices into the article text, end exclusive.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TopicSpec:
    """A topic defined in the project: a name plus keywords and/or example claims."""

    name: str
    keywords: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    content: Span
    kind: str  # "direct" | "indirect"
    cue: Span | None
    speaker_mention: Span | None  # the mention in the sentence (name, title, org, pronoun)
    speaker: str | None  # resolved canonical name
    role: str | None
    date: datetime.date | None
    date_text: str | None  # the phrase in the text that gave the date
    date_assumed: bool  # True when no phrase governs the cue (carried or publication date)
    stance: str | None  # "favor" | "against" | "neutral" | None
    topic: str | None  # TopicSpec.name when a stance was judged
    confidence: float  # 0..1
    model_name: str
    model_version: str
