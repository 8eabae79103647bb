"""What the engine is told about the project's topics.

The engine's results are ``kernel.ClaimDraft`` records (offsets are code point indices into
the article text, end exclusive), the same shape every other write path uses.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TopicSpec:
    """A topic defined in the project: a name plus keywords and/or example claims."""

    name: str
    keywords: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
