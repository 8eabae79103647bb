"""Content fragments: the pieces of a claim whose content is split by its attribution.

``“Italy is ready,” Crosetto said, “but only under a UN mandate.”`` is one claim with two
fragments. A claim's fragments are in text order and apart (two may touch, none overlap),
inside its article's text, and its ``content`` runs from the first fragment's start to the
last one's end. Every claim record has at least one fragment: a claim in one piece has one,
equal to its content. Stored as JSON on the claim row, NULL for a claim in one piece.
"""

from __future__ import annotations

from collections.abc import Sequence

from kernel import Span

from .errors import InvalidValueError


def checked(text: str, pieces: Sequence[Span], what: str = "claim") -> tuple[Span, ...]:
    """The pieces with their text taken from ``text``; InvalidValueError says what is wrong with them."""
    out: list[Span] = []
    for n, piece in enumerate(pieces, start=1):
        start, end = int(piece.start), int(piece.end)
        if not (0 <= start <= len(text) and 0 <= end <= len(text)) or start >= end:
            problem = "is empty" if 0 <= end <= start <= len(text) else f"is outside the article text (0–{len(text)})"
            raise InvalidValueError(f"Content fragment {n} of the {what} ({start}–{end}) {problem}.")
        if out and start < out[-1].end:
            prev = out[-1]
            raise InvalidValueError(
                f"Content fragments {n - 1} and {n} of the {what} ({prev.start}–{prev.end} and {start}–{end}) "
                f"{'overlap' if start >= prev.start else 'are out of order'}: a claim's fragments must be "
                "in text order and must not overlap.")
        out.append(Span(start, end, text[start:end]))
    if not out:
        raise InvalidValueError(f"The {what} needs its content.")
    return tuple(out)


def whole(pieces: Sequence[Span], text: str) -> Span:
    """The content span of these pieces: first start to last end."""
    return Span(pieces[0].start, pieces[-1].end, text[pieces[0].start:pieces[-1].end])


def to_stored(pieces: Sequence[Span]) -> list[dict] | None:
    """The JSON column's value: None for one piece."""
    if len(pieces) <= 1:
        return None
    return [{"start": p.start, "end": p.end, "text": p.text} for p in pieces]


def from_stored(value: list | None, content: Span) -> tuple[Span, ...]:
    if not value:
        return (content,)
    return tuple(Span(d["start"], d["end"], d["text"]) for d in value)


def clipped(pieces: Sequence[Span], content: Span, text: str) -> tuple[Span, ...]:
    """The pieces after the whole content span was moved to ``content``.

    Pieces wholly outside it go, the first and last remaining ones stretch or shrink to its
    ends; with none left inside, the claim is in one piece again.
    """
    inside = [p for p in pieces if p.start < content.end and content.start < p.end]
    if len(inside) <= 1:
        return (content,)
    first, *middle, last = inside
    spans = [(content.start, first.end), *((p.start, p.end) for p in middle), (last.start, content.end)]
    return tuple(Span(a, b, text[a:b]) for a, b in spans)


def with_piece(pieces: Sequence[Span], added: Span, text: str) -> tuple[Span, ...]:
    """The pieces with ``added`` joined in; pieces it overlaps or touches merge with it."""
    spans = sorted([(p.start, p.end) for p in pieces] + [(added.start, added.end)])
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return tuple(Span(a, b, text[a:b]) for a, b in merged)


def without_piece(pieces: Sequence[Span], index: int) -> tuple[Span, ...]:
    """The pieces without the one at ``index``; a claim keeps at least one piece."""
    if not 0 <= index < len(pieces):
        raise InvalidValueError(f"The claim has no content fragment {index + 1}.")
    if len(pieces) == 1:
        raise InvalidValueError("A claim in one piece has no fragment to remove; delete the claim instead.")
    return tuple(p for i, p in enumerate(pieces) if i != index)


def piece_at(pieces: Sequence[Span], start: int, end: int | None = None) -> int | None:
    """Index of the piece containing offset ``start`` (or overlapping ``start``–``end``), if any."""
    for i, p in enumerate(pieces):
        if (p.start <= start < p.end) if end is None or end <= start else (p.start < end and start < p.end):
            return i
    return None
