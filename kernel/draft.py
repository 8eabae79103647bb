"""The one write-side shape of a claim: what the engine suggests, a person marks, or an import brings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .span import Span


@dataclass(frozen=True)
class ClaimDraft:
    """A claim to store: a model suggestion, a manual mark, or an imported claim.

    Offsets are code point indices into the article's display text. ``speaker`` and
    ``topic`` are names; storage resolves them to registry entries (by name or alias),
    creating them when new. ``fragments`` holds the pieces of a quote split by
    interjected text ("We will," she said, "send troops"); empty means the content is one piece.
    """

    content: Span
    kind: str = "indirect"
    cue: Span | None = None
    speaker: str | None = None
    mention: Span | None = None  # the mention in the sentence (name, title, organisation, pronoun)
    role: str | None = None
    date: dt.date | None = None
    date_text: str | None = None  # the phrase in the text that gave the date
    date_assumed: bool = False  # no phrase governs the cue (carried over or publication date)
    stance: str | None = None  # one of STANCES, or None
    topic: str | None = None
    confidence: float | None = None  # 0..1, for model suggestions
    model_name: str | None = None
    model_version: str | None = None
    note: str | None = None
    verdict_rating: str | None = None
    verdict_explanation: str | None = None
    verdict_url: str | None = None
    verdict_date: dt.date | None = None
    status: str = "suggested"
    origin: str = "model"
    fragments: tuple[Span, ...] = ()
