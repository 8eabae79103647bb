"""Batches exported from other systems: JSONL (one object per line) and CSV, with a `text` field.

Optional fields: title, url, published, author, publisher (a few common aliases are accepted).
Each record becomes its own result, so one bad line does not stop the others.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass

from .model import IngestProblem

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


def _pick(row: dict) -> dict:
    lowered = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    out = {}
    for name, aliases in _ALIASES.items():
        for alias in aliases:
            value = lowered.get(alias)
            if value not in (None, ""):
                out[name] = ", ".join(map(str, value)) if isinstance(value, list) else value
                break
    return out


def jsonl_records(text: str, label: str) -> Iterator[Record]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            yield Record(number, None, f"{label}, line {number}: not valid JSON ({e.msg} at column "
                                       f"{e.colno}); this line was skipped, the other lines were read.")
            continue
        if not isinstance(row, dict):
            yield Record(number, None, f"{label}, line {number}: expected a JSON object with a \"text\" "
                                       f"field, found {type(row).__name__}.")
            continue
        fields = _pick(row)
        if not isinstance(fields.get("text", ""), str):
            yield Record(number, None, f"{label}, line {number}: the \"text\" field is not a string.")
            continue
        yield Record(number, fields)


def csv_records(text: str, label: str) -> Iterator[Record]:
    header_line = text.split("\n", 1)[0]
    delimiter = max(",;\t|", key=header_line.count)  # the header tells the separator; quoting is Excel's
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or [])]
    if not any(h.lower() in _ALIASES["text"] for h in header):
        found = ", ".join(repr(h) for h in header) or "none"
        raise IngestProblem(f"{label} has no \"text\" column (columns found: {found}). Name the column "
                            "that holds the article text \"text\".", line=1)
    start = reader.line_num + 1
    try:
        for row in reader:
            yield Record(start, _pick(row))
            start = reader.line_num + 1
    except csv.Error as e:
        yield Record(start, None, f"{label}, line {reader.line_num}: the CSV is broken here "
                                            f"({e}); the rows after it could not be read.")
