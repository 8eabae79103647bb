"""Lines of normalised text that remember where they came from in the raw text.

Line endings become "\n" and every line is NFC-normalised; each line keeps anchors from its own
offsets to raw offsets, so the display text assembled from kept lines can be mapped back exactly.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85")


@dataclass(frozen=True)
class Line:
    text: str
    anchors: tuple[tuple[int, int], ...]  # (offset in text, raw offset), first is (0, raw start)

    @property
    def raw_start(self) -> int:
        return self.anchors[0][1]

    def raw_at(self, offset: int) -> int:
        i = bisect.bisect_right(self.anchors, (offset, float("inf"))) - 1
        at, raw = self.anchors[max(i, 0)]
        return raw + offset - at

    def cut(self, start: int, end: int | None = None) -> Line:
        end = len(self.text) if end is None else end
        inner = tuple((a - start, r) for a, r in self.anchors if start < a < end)
        return Line(self.text[start:end], ((0, self.raw_at(start)),) + inner)

    def strip(self) -> Line:
        body = self.text.strip()
        if not body:
            return self.cut(0, 0)
        start = len(self.text) - len(self.text.lstrip())
        return self.cut(start, start + len(body))


def _nfc_line(text: str, raw_start: int) -> Line:
    if unicodedata.is_normalized("NFC", text):
        return Line(text, ((0, raw_start),))
    # Normalise chunk by chunk (a starter plus its combining marks) so every chunk keeps its origin.
    out, anchors, chunk_start = [], [(0, raw_start)], 0
    length = 0
    for i in range(1, len(text) + 1):
        if i < len(text) and unicodedata.combining(text[i]):
            continue
        piece = unicodedata.normalize("NFC", text[chunk_start:i])
        if len(piece) != i - chunk_start:
            anchors.append((length, raw_start + chunk_start))
            anchors.append((length + len(piece), raw_start + i))
        out.append(piece)
        length += len(piece)
        chunk_start = i
    return Line("".join(out), tuple(sorted(set(anchors))))


def split_lines(raw: str) -> list[Line]:
    """Split raw text into NFC lines (without their line breaks), each anchored in raw."""
    lines, start = [], 0
    for m in _LINE_BREAK.finditer(raw):
        lines.append(_nfc_line(raw[start:m.start()], start))
        start = m.end()
    lines.append(_nfc_line(raw[start:], start))
    return lines


def assemble(kept: list[tuple[Line, bool]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Join kept lines; the flag says a paragraph break (blank line) goes before the line."""
    parts, anchors, length = [], [], 0
    for line, new_paragraph in kept:
        if parts:
            sep = "\n\n" if new_paragraph else "\n"
            parts.append(sep)
            length += len(sep)
        anchors.extend((length + a, r) for a, r in line.anchors)
        parts.append(line.text)
        length += len(line.text)
    return "".join(parts), tuple(anchors)
