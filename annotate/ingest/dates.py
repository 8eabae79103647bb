"""Dates as articles write them: ISO, "March 16, 2025", "16 March 2025", "Dec. 12" (no year)."""
from __future__ import annotations

import datetime
import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<{}>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
          r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
ISO = r"(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
MDY = _MONTH.format("m1") + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y1>\d{4})"
DMY = r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.format("m2") + r",?\s+(?P<y2>\d{4})"
MD = _MONTH.format("m3") + r"\s+(?P<d3>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})(?!:)"
FULL_DATE = rf"(?:{ISO}|{MDY}|{DMY})"
_FULL = re.compile(rf"\b{FULL_DATE}\b")
_ANY = re.compile(rf"\b(?:{ISO}|{MDY}|{DMY}|{MD})", re.IGNORECASE)


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")[:4 if name.lower().startswith("sept") else 3]]


def _make(year, month, day) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def from_match(m: re.Match) -> tuple[datetime.date | None, bool]:
    """(date, has_year) for a match of FULL_DATE or the year-less form; date is None if invalid."""
    g = m.groupdict()
    if g.get("iy"):
        return _make(g["iy"], g["im"], g["id"]), True
    if g.get("y1"):
        return _make(g["y1"], _month(g["m1"]), g["d1"]), True
    if g.get("y2"):
        return _make(g["y2"], _month(g["m2"]), g["d2"]), True
    return _make(2000, _month(g["m3"]), g["d3"]), False  # 2000 is a leap year: Feb 29 stays valid


def find_full_date(text: str) -> tuple[datetime.date, re.Match] | None:
    for m in _FULL.finditer(text):
        date, _ = from_match(m)
        if date:
            return date, m
    return None


EARLIEST_YEAR = 1000
"""Publication dates before this year, or more than a year in the future, are not believed."""


def plausible(date: datetime.date | None) -> datetime.date | None:
    if date is None or date.year < EARLIEST_YEAR or date > datetime.date.today() + datetime.timedelta(days=366):
        return None
    return date


def parse_date(value: str) -> datetime.date | None:
    """A date given as metadata: ISO (with or without time), or written out in English.

    Only absolute dates: "now", "tomorrow" or a number are not a publication date, and neither is
    a date before the year 1000, one more than a year ahead, or a negative (BC) year.
    """
    value = value.strip()
    if not value or value.startswith(("-", "\u2212")) or len(value) > 100:
        return None
    try:
        return plausible(datetime.date.fromisoformat(value[:10]))
    except ValueError:
        pass
    found = find_full_date(value)
    if found:
        return plausible(found[0])
    if not any(c.isalpha() for c in value) and not re.fullmatch(r"[\d\s./-]+", value):
        return None  # "1e+308", "12:30": not a date dateparser should turn into today
    import dateparser  # slow to import; only needed for unusual metadata formats

    parsed = dateparser.parse(value, settings={"STRICT_PARSING": True, "PARSERS": ["custom-formats", "absolute-time"]})
    return plausible(parsed.date()) if parsed else None


def infer_date(text: str) -> datetime.date | None:
    """The latest date the text mentions; year-less dates take the year of the latest full date.

    An article is published on or after the events it reports, so this is a floor; callers mark
    the result as inferred.
    """
    full, yearless = [], []
    for m in _ANY.finditer(text):
        date, has_year = from_match(m)
        if date:
            (full if has_year else yearless).append(date)
    if not full:
        return None
    latest = max(full)
    for d in yearless:
        try:
            guess = d.replace(year=latest.year)
        except ValueError:
            continue
        if guess < latest - datetime.timedelta(days=180):  # "Jan. 3" after "Dec. 20, 2024"
            guess = guess.replace(year=latest.year + 1)
        latest = max(latest, guess)
    return latest
