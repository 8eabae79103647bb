"""When two marks of a claim are the same claim: the matching `quotedesk eval` scores with, shared.

The engine against a gold file (``annotate.evaluate``), one annotator against another
(``kernel.agreement``) and the adjudication's groups of versions (``db``) all match claims this way:

* A claim is compared on the union of its fragments' characters, each fragment trimmed of
  surrounding whitespace, punctuation and quote marks and of a leading "that"/"whether"/"if",
  which are boundary-neutral like punctuation (:func:`pieces`).
* Two claims match when their character Jaccard is at least the threshold (0.5 "partial",
  1.0 "exact": identical after trimming), one to one, best pair first (:func:`match_pieces`).
* With more than two sides, claims are grouped the same way, best pair first, a group never
  holding two claims of one side (:func:`group_pieces`); with two sides the groups are exactly the
  one-to-one pairs of :func:`match_pieces` plus the unmatched claims alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

PARTIAL, EXACT = 0.5, 1.0
NEUTRAL_LEADS = ("that", "whether", "if")

Pieces = tuple[tuple[int, int], ...]


def _is_trim(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding whitespace, punctuation and quote marks, nor a leading
    "that", "whether" or "if" (a word of its own)."""
    while True:
        while start < end and _is_trim(text[start]):
            start += 1
        while end > start and _is_trim(text[end - 1]):
            end -= 1
        word = re.match(r"\w+", text[start:end])
        if word is None or word.group().lower() not in NEUTRAL_LEADS or word.end() == end - start:
            return start, end
        start += word.end()


def pieces(text: str, spans: Iterable[tuple[int, int]]) -> Pieces:
    """Trimmed, sorted, non-empty character ranges of a claim's content fragments."""
    out = sorted(trim(text, s, e) for s, e in spans)
    return tuple((s, e) for s, e in out if e > s)


def length(p: Pieces) -> int:
    return sum(e - s for s, e in p)


def overlap(a: Pieces, b: Pieces) -> int:
    """Characters two unions of ranges share."""
    return sum(max(0, min(ae, be) - max(as_, bs)) for as_, ae in a for bs, be in b)


def jaccard_pieces(a: Pieces, b: Pieces) -> float:
    """Character Jaccard of two unions of ranges (each union's ranges do not overlap)."""
    inter = overlap(a, b)
    union = length(a) + length(b) - inter
    return inter / union if union else 0.0


def scored_pairs(a: Sequence[Pieces], b: Sequence[Pieces]) -> list[tuple[float, int, int]]:
    """(Jaccard, index in a, index in b) of every overlapping pair, best first."""
    out = []
    bounds = [(y[0][0], max(e for _, e in y), length(y)) if y else (0, 0, 0) for y in b]
    for ai, x in enumerate(a):
        if not x:
            continue
        lx, x_start, x_end = length(x), x[0][0], max(e for _, e in x)
        for bi, y in enumerate(b):
            y_start, y_end, ly = bounds[bi]
            if y_start >= x_end or x_start >= y_end:  # the claims' extents do not meet
                continue
            inter = overlap(x, y)
            if inter:
                out.append((inter / (lx + ly - inter), ai, bi))
    out.sort(reverse=True)
    return out


def one_to_one(scored: Sequence[tuple[float, int, int]], threshold: float) -> list[tuple[int, int]]:
    """The pairs of :func:`scored_pairs` kept one to one, best first, down to the threshold."""
    used_a, used_b, out = set(), set(), []
    for score, ai, bi in scored:
        if score < threshold or score <= 0:
            break
        if ai in used_a or bi in used_b:
            continue
        used_a.add(ai)
        used_b.add(bi)
        out.append((ai, bi))
    return out


def match_pieces(a: Sequence[Pieces], b: Sequence[Pieces], threshold: float) -> list[tuple[int, int]]:
    """One-to-one (index in a, index in b) pairs with Jaccard >= threshold, best first."""
    return one_to_one(scored_pairs(a, b), threshold)


def group_pieces(sides: Mapping[str, Sequence[Pieces]], threshold: float = PARTIAL) -> list[dict[str, int]]:
    """Every claim of every side in exactly one group ({side: index}), matched best pair first.

    Pairs of claims of different sides with Jaccard >= threshold join their groups, best first,
    unless the joined group would hold two claims of one side. Groups come in the order of their
    first claim (sides in the mapping's order, then index)."""
    names = list(sides)
    if len(names) == 2:  # the same groups, without the general bookkeeping
        a, b = names
        return pair_groups(a, b, len(sides[a]), len(sides[b]), match_pieces(sides[a], sides[b], threshold))
    return _grouped(sides, threshold)


def _grouped(sides: Mapping[str, Sequence[Pieces]], threshold: float) -> list[dict[str, int]]:
    """group_pieces for any number of sides."""
    names = list(sides)
    pairs = sorted(((score, si, xi, ti, yi)
                    for si in range(len(names)) for ti in range(si + 1, len(names))
                    for score, xi, yi in scored_pairs(sides[names[si]], sides[names[ti]])), reverse=True)
    group_of: dict[tuple[int, int], dict[int, int]] = {
        (si, xi): {si: xi} for si, name in enumerate(names) for xi in range(len(sides[name]))}
    for score, si, xi, ti, yi in pairs:
        if score < threshold or score <= 0:
            break
        g, h = group_of[(si, xi)], group_of[(ti, yi)]
        if g is h or g.keys() & h.keys():
            continue
        g.update(h)
        for side, index in h.items():
            group_of[(side, index)] = g
    seen: set[int] = set()
    out = []
    for key in sorted(group_of):
        g = group_of[key]
        if id(g) not in seen:
            seen.add(id(g))
            out.append({names[side]: index for side, index in sorted(g.items())})
    return out


def pair_groups(a: str, b: str, count_a: int, count_b: int, pairs: Sequence[tuple[int, int]]) -> list[dict[str, int]]:
    """Two sides' groups from their one-to-one pairs: each pair, and each unmatched claim alone, in the
    order :func:`group_pieces` gives (by first claim: a's in index order, then b's left alone)."""
    partner = dict(pairs)
    matched_b = set(partner.values())
    out = [{a: i, b: partner[i]} if i in partner else {a: i} for i in range(count_a)]
    out += [{b: j} for j in range(count_b) if j not in matched_b]
    return out
