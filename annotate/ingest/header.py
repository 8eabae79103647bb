"""A leading metadata header: "date 2025-03-16" or "Title: ..." lines, or a "---" front matter block.

Returns the metadata and how many characters of the first lines it used, so the rest stays text.
"""
from __future__ import annotations

import re

from .lines import Line

_KEYS = {"date": "published", "published": "published", "publication date": "published",
         "title": "title", "author": "author", "by": "author", "url": "url", "source": "url",
         "link": "url", "publisher": "publisher", "site": "publisher", "language": "language",
         "lang": "language"}
_KEY = "|".join(sorted((re.escape(k) for k in _KEYS), key=len, reverse=True))
# "date 2025-03-16 rest of line": a bare date key needs an ISO date and may share its line.
_BARE_DATE = re.compile(r"\s*(?:date|published)\s*[:=]?\s*(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)\b\s*",
                        re.IGNORECASE)
# "Title: Something" takes the whole line.
_KEYED = re.compile(rf"\s*({_KEY})\s*:\s*(\S.*?)\s*$", re.IGNORECASE)


def read_header(lines: list[Line]) -> tuple[dict[str, str], list[Line]]:
    """Metadata found at the start of the text, and the lines with the header removed."""
    lines = list(lines)
    if lines and lines[0].text.strip() == "---":
        for end in range(1, min(len(lines), 60)):
            if lines[end].text.strip() in ("---", "..."):
                meta = {}
                for line in lines[1:end]:
                    m = _KEYED.match(line.text)
                    if m:
                        meta[_KEYS[m.group(1).lower()]] = m.group(2).strip("'\"")
                return meta, lines[end + 1:]
    meta: dict[str, str] = {}
    while lines:
        first = lines[0]
        if not first.text.strip():
            if not meta:
                lines.pop(0)
                continue
            break
        m = _BARE_DATE.match(first.text)
        if m and "published" not in meta:
            meta["published"] = m.group(1)
            rest = first.cut(m.end())
            if rest.text.strip():
                lines[0] = rest
                break
            lines.pop(0)
            continue
        m = _KEYED.match(first.text)
        if m and _KEYS[m.group(1).lower()] not in meta and (meta or _looks_like_header(lines)):
            meta[_KEYS[m.group(1).lower()]] = m.group(2)
            lines.pop(0)
            continue
        break
    return meta, lines


def _looks_like_header(lines: list[Line]) -> bool:
    """"Title: ..." alone could be prose; followed by another key or a blank line it is a header."""
    if len(lines) < 2:
        return False
    following = lines[1].text
    return not following.strip() or bool(_KEYED.match(following) or _BARE_DATE.match(following))
