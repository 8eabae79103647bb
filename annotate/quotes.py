"""Pairing quotation marks in a paragraph (character level, not by sentence)."""
from __future__ import annotations

import re

from .lexicon import OPEN_QUOTES

_DOUBLE_STRAIGHT = '"'
_SINGLES = {"'", "\u2018"}


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


_TWO_APOSTROPHES = re.compile(r"''")


def double_apostrophes(text: str) -> str:
    """``text`` with quotes written as two apostrophes (''A,'' she said) in double marks, same length:
    an opening pair becomes '" ', a closing pair ' "', so offsets do not move."""
    if "''" not in text:
        return text
    out = list(text)
    for m in _TWO_APOSTROPHES.finditer(text):
        i = m.start()
        before = text[i - 1] if i else " "
        after = text[i + 2] if i + 2 < len(text) else " "
        if not before.isalnum() and (after.isalnum() or after in "$\u2026."):
            out[i], out[i + 1] = '"', " "
        elif not after.isalnum():
            out[i], out[i + 1] = " ", '"'
    return "".join(out)


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans (open_mark, close_mark_end) of quoted passages in ``text``.

    Double marks (straight or curly) pair in order; single marks only open at the start of a
    word and close at the end of one, so apostrophes ("Ukraine's", "don't") are ignored.
    A mark left open at the end of the text is dropped.
    """
    text = double_apostrophes(text)
    spans: list[tuple[int, int]] = []
    stack: list[tuple[int, str]] = []  # (position, expected closer)
    n = len(text)
    for i, ch in enumerate(text):
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < n else " "
        if stack and ch == _DOUBLE_STRAIGHT and stack[-1][1] == "\u201d" and "\u201d" not in text[i:]:
            start, _ = stack.pop()  # “...": a curly quote closed by a straight mark
            spans.append((start, i + 1))
            continue
        if stack and ch == stack[-1][1]:
            opener_single = stack[-1][1] in {"'", "\u2019"}
            if opener_single and _is_word_char(after):
                continue  # an apostrophe inside a single-quoted passage
            if ch == _DOUBLE_STRAIGHT or not _is_word_char(after) or not opener_single:
                start, _ = stack.pop()
                spans.append((start, i + 1))
                continue
        if ch in OPEN_QUOTES:
            if ch in _SINGLES and (_is_word_char(before) or not _is_word_char(after)):
                continue  # apostrophe or stray mark
            if ch == _DOUBLE_STRAIGHT and stack and stack[-1][1] == _DOUBLE_STRAIGHT:
                continue
            stack.append((i, OPEN_QUOTES[ch]))
    spans.sort()
    return spans


def open_quote_tail(text: str, spans: list[tuple[int, int]]) -> int | None:
    """Position of a double mark opening a quote that runs to the end of the paragraph.

    News style leaves a quote open at the end of a paragraph when the next paragraph continues it.
    Only a mark that opens a sentence and is not inside a paired quote counts.
    """
    paired = {i for s, e in spans for i in (s, e - 1)}
    for i in range(len(text) - 1, -1, -1):
        ch = text[i]
        if ch in ('"', "\u201c") and i not in paired and not any(s < i < e for s, e in spans):
            before = text[:i].rstrip()
            if (not before or before[-1] in ".!?:\u201d\"") and text[i + 1:i + 2].isalnum():
                return i
            return None
    return None
