"""Code point <-> UTF-16 offsets: the one boundary between our offsets and Qt's.

Everything in Quotedesk counts characters as Python ``str`` indices (code points).
Qt's text classes (QTextCursor, QTextDocument, QString) count UTF-16 code units,
in which every character outside the Basic Multilingual Plane (emoji, many CJK
extensions, mathematical letters) takes two. Converting here, and only here,
keeps highlights on the right characters after an emoji.
"""

from __future__ import annotations

import bisect


class Utf16Map:
    """Offset conversion for one text, precomputed so each lookup is a binary search.

    Only the astral characters are recorded; a text without any converts for free.
    """

    def __init__(self, text: str):
        self._length = len(text)
        # code point indices of the characters that take two UTF-16 units, ascending
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []
        # their UTF-16 positions (the first unit of each pair)
        self._astral16 = [i + n for n, i in enumerate(self._astral)]

    @property
    def utf16_length(self) -> int:
        return self._length + len(self._astral)

    def to_utf16(self, offset: int) -> int:
        """UTF-16 position of the code point offset ``offset`` (0..len(text))."""
        if not 0 <= offset <= self._length:
            raise ValueError(f"offset {offset} is outside the text (0–{self._length})")
        return offset + bisect.bisect_left(self._astral, offset)

    def from_utf16(self, position: int) -> int:
        """Code point offset of a UTF-16 position; a position inside a surrogate pair maps to its character."""
        if not 0 <= position <= self.utf16_length:
            raise ValueError(f"position {position} is outside the text (0–{self.utf16_length})")
        full = bisect.bisect_right(self._astral16, position - 2)  # pairs wholly before position
        inside = full < len(self._astral16) and self._astral16[full] == position - 1
        return position - full - (1 if inside else 0)

    def span_from_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.from_utf16(start), self.from_utf16(end)


def to_utf16(text: str, offset: int) -> int:
    """UTF-16 position of code point ``offset`` in ``text``."""
    return Utf16Map(text).to_utf16(offset)


def from_utf16(text: str, position: int) -> int:
    """Code point offset of UTF-16 ``position`` in ``text``."""
    return Utf16Map(text).from_utf16(position)
