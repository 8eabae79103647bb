"""Batches exported from other systems: JSONL (one object per line) and CSV, with a `text` field.

Optional fields: title, url, published, author, publisher (a few common aliases are accepted).
Each record becomes its own result, so one bad line does not stop the others.
"""
from __future__ import annotations

import csv
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kernel.jsontext import json_depth

from .model import MAX_FILE_BYTES, IngestProblem

FIELDS = ("title", "url", "published", "author", "publisher", "language")
_ALIASES = {"text": ("text", "body", "content", "article", "article_text"),
            "title": ("title", "headline"), "url": ("url", "link", "source_url"),
            "published": ("published", "date", "published_at", "publication_date", "pubdate"),
            "author": ("author", "byline", "authors"), "publisher": ("publisher", "site", "source"),
            "language": ("language", "lang")}


@dataclass(frozen=True)
class Record:
    line: int
    fields: dict | None  # None when the record itself is broken
    problem: str | None = None


MAX_DEPTH = 64
"""A JSONL line nested deeper than this is refused unparsed (an article record needs 2 levels)."""
MAX_BROKEN_ROWS = 1000
"""After this many broken CSV rows the rest of the file is not read (and the message says how much)."""
_PHYSICAL_LINES = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}


class _BadField(ValueError):
    pass


def _kind(value) -> str:
    return {dict: "an object", list: "a list", bool: "true/false", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__)


def _field(name: str, value):
    """A record's field as read_text takes it; _BadField for a type that cannot be that field."""
    if isinstance(value, str) and _SURROGATE.search(value):
        raise _BadField(f"the \"{name}\" field holds a lone UTF-16 surrogate (\\u{ord(_SURROGATE.search(value).group()):04x}), "
                        "which is not a character; the file is damaged")
    if name == "text":
        if not isinstance(value, str):
            raise _BadField(f"the \"text\" field is {_kind(value)}, not text")
        return value
    if name == "author" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(value)
    if isinstance(value, str):
        return value
    if name == "published" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return value  # read_text leaves a number out, with a note: we do not guess what it counts
    if name in ("title", "publisher") and isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # a title "1984"
    raise _BadField(f"the \"{name}\" field is {_kind(value)}, not text")


def _pick(row: dict) -> dict:
    lowered = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    out = {}
    for name, aliases in _ALIASES.items():
        for alias in aliases:
            value = lowered.get(alias)
            if value not in (None, ""):
                out[name] = _field(name, value)
                break
    return out


def jsonl_records(text: str, label: str) -> Iterator[Record]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{label}, line {number}"
        depth = json_depth(line)
        if depth > MAX_DEPTH:
            yield Record(number, None, f"{where}: the JSON is nested {depth} levels deep (the limit is {MAX_DEPTH}); "
                                       "this line was skipped, the other lines were read.")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            yield Record(number, None, f"{where}: not valid JSON ({e.msg} at column "
                                       f"{e.colno}); this line was skipped, the other lines were read.")
            continue
        except (RecursionError, ValueError) as e:
            yield Record(number, None, f"{where}: cannot be read as JSON ({e}); this line was skipped, the "
                                       "other lines were read.")
            continue
        if not isinstance(row, dict):
            yield Record(number, None, f"{where}: expected a JSON object with a \"text\" "
                                       f"field, found {_kind(row)}.")
            continue
        try:
            fields = _pick(row)
        except _BadField as e:
            yield Record(number, None, f"{where}: {e}; this line was skipped, the other lines were read.")
            continue
        yield Record(number, fields)


def csv_records(text: str, label: str) -> Iterator[Record]:
    """One record per row. Quoting is read strictly: a row with a stray quote, or with more or fewer
    fields than the header (the sign of a quote out of place that swallowed a line break), is a
    failed record, and reading starts again on the line after that row began, so the rows it would
    have swallowed are read on their own and every failure is counted."""
    if csv.field_size_limit() <= MAX_FILE_BYTES:
        csv.field_size_limit(MAX_FILE_BYTES + 1)  # one article's text fits in a field
    lines = _PHYSICAL_LINES.findall(text)
    delimiter = max(",;\t|", key=(lines[0] if lines else "").count)  # the header tells; quoting is Excel's
    reader = csv.reader(iter(lines), delimiter=delimiter, strict=True)
    try:
        header = [h.strip() for h in next(reader, None) or []]
    except csv.Error as e:
        raise IngestProblem(f"{label}, line 1: the header row cannot be read ({e}).", line=1) from None
    if not any(h.lower() in _ALIASES["text"] for h in header):
        found = ", ".join(repr(h) for h in header) or "none"
        raise IngestProblem(f"{label} has no \"text\" column (columns found: {found}). Name the column "
                            "that holds the article text \"text\".", line=1)
    start, broken = reader.line_num, 0
    separator = _SEPARATORS[delimiter]
    while start < len(lines):
        if broken >= MAX_BROKEN_ROWS:
            yield Record(start + 1, None, f"{label}, line {start + 1}: more than {MAX_BROKEN_ROWS} broken rows; "
                                          f"the last {len(lines) - start:,} lines were not read. Check the "
                                          "file's quoting (save it again from a spreadsheet as CSV).")
            return
        reader = csv.reader(itertools.islice(lines, start, None), delimiter=delimiter, strict=True)
        consumed, restart = 0, None
        try:
            for row in reader:
                first, consumed = start + consumed, reader.line_num
                if not any(f.strip() for f in row):
                    continue  # a blank line
                if len(row) == len(header):
                    try:
                        yield Record(first + 1, _pick(dict(zip(header, row))))
                    except _BadField as e:
                        yield Record(first + 1, None, f"{label}, line {first + 1}: {e}.")
                    continue
                broken += 1
                yield Record(first + 1, None, f"{label}, line {first + 1}: this row has {len(row)} field(s) but "
                                              f"the header has {len(header)}; a quote or a {separator} is out of "
                                              "place (a quote inside a quoted field must be doubled: \"\"). The "
                                              "row was skipped; the other rows were read.")
                if start + consumed > first + 1:  # it ran over several lines: read them again, one by one
                    restart = first + 1
                    break
        except csv.Error as e:
            first = start + consumed
            if "field larger than field limit" in str(e):
                yield Record(first + 1, None, f"{label}, line {first + 1}: a field is larger than "
                                              f"{MAX_FILE_BYTES // 2**20} MB, the limit for one article; this row "
                                              f"and the {len(lines) - first - 1:,} lines after it were not read. "
                                              "Split the file, or import very long articles as files.")
                return
            broken += 1
            yield Record(first + 1, None, f"{label}, line {first + 1}: the quoting is broken ({e}); a quote "
                                          "inside a quoted field must be doubled (\"\"). The row was skipped; "
                                          "the other rows were read.")
            restart = first + 1
        if restart is None:
            return
        start = restart
