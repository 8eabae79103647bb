"""Statement dates: find the date phrase governing a reporting cue and resolve it to a calendar date.

Relative phrases resolve against the article's publication date: "on Tuesday" is the latest
Tuesday on or before it, "Dec. 12" the latest Dec 12 on or before it. Without a publication date,
the year comes from the full dates written elsewhere in the article ("Nov. 21, 2024").
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Doc, Token

from .lexicon import REPORTING_VERBS

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAMES = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
                r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
                # in capitals, as date lines write them ("Madrid / 12 NOV 2026 - 18:40 CET")
                r"JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|"
                r"AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?")
_MONTH_RE = r"\b(?P<mon>" + _MONTH_NAMES + r")\.?"
_MD = re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b")
_DM = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE
                 + r"(?:,?\s+(?P<year>\d{4}))?\b")
# "Nov - 12 - 2026", "12-Nov-2026", "12/NOV/2026": date lines that join the parts with dashes or slashes
_MD_JOINED = re.compile(_MONTH_RE + r"\s*[-/]\s*(?P<day>\d{1,2})\s*[-/]\s*(?P<year>\d{4})\b")
_DM_JOINED = re.compile(r"\b(?P<day>\d{1,2})\s*[-/]\s*" + _MONTH_RE + r"\s*[-/]\s*(?P<year>\d{4})\b")
_YMD = re.compile(r"\b(?P<year>\d{4})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<day>\d{1,2})\b")  # "2026/11/11 14:32"
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})(?:\b|(?=T\d))")  # "2026-11-26T14:05:00Z" too
# "06/10/2025", "6.10.2025": day and month in figures, which comes first depends on the publisher
_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})\b")
# a clock written the American way on the same line: the figures are month first
_US_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*[AaPp]\.?[Mm]\b|\b(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT)\b")
_MONTH_ONLY = re.compile(r"\b(?P<mon>" + _MONTH_NAMES + r")\.?(?:\s+(?P<year>\d{4}))?\b")
_AGO = re.compile(r"\b(\d+|a|an|one|two|three|four|five|six|seven|ten)\s+(day|week|month|year)s?\s+ago\b")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "ten": 10}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)
_SIMPLE_RELATIVE = {"today": 0, "yesterday": 1, "tonight": 0, "last night": 1,
                    "this morning": 0, "this afternoon": 0, "this evening": 0}
_DATE_WORD_RE = re.compile(  # one token; names capitalised so the modal "may" is no month
    r"^(?:(?:" + _MONTH_NAMES + r")\.?|" + "|".join(d.capitalize() for d in _WEEKDAYS)
    + r"|[Tt]oday|[Yy]esterday|[Tt]onight)$"
)
_CALENDAR_WORD_RE = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th)?|\d{4}|week|weekend|month|year|day|night|morning|afternoon|"
    r"evening|ago|earlier|later)$", re.I)
_PREPS = {"on", "in", "at", "during", "earlier", "last", "this", "late", "early", "over"}


def _mk(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_MONTH_YEAR = re.compile(r"\b(?P<mon>" + _MONTH_NAMES + r")\.?,?\s+(?P<year>\d{4})\b")


def year_of_text(text: str) -> dt.date | None:
    """The latest date the article writes with its year, for a yearless dateline or day to take its
    year from: a full date ("Nov. 21, 2024"), else a month of a year ("in June 2026", as of mid-month)."""
    written = full_dates(text)
    if not written:
        written = [d for m in _MONTH_YEAR.finditer(text)
                   if (d := _mk(int(m.group("year")), _month(m.group("mon")), 15)) is not None]
    return max(written) if written else None


def full_dates(text: str) -> list[dt.date]:
    """Every date written with its year in ``text`` (used to guess the year of the article)."""
    found = []
    for rx in (_MD, _DM):
        for m in rx.finditer(text):
            if m.group("year"):
                d = _mk(int(m.group("year")), _month(m.group("mon")), int(m.group("day")))
                if d:
                    found.append(d)
    for m in _ISO.finditer(text):
        d = _mk(int(m.group("year")), int(m.group("m")), int(m.group("day")))
        if d:
            found.append(d)
    return found


_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?|\b(?:updated?|published|posted)\b", re.I)
_OWN_DATE_CHARS = 400  # where an article states its own date: its first lines
_OWN_DATE_WORDS = 6  # words a date line may carry besides the date ("by Volodymyr Ivanyshyn")
_DATE_LINE_CHARS = 1000  # a line that says it gives the publication date may come lower, under a long standfirst
_STAMP_BRACKET = re.compile(r"\([^()\n]*\d{4}[^()\n]*\)")  # a bracket that dates the line again, not a credit
_DATE_LABEL = re.compile(r"^\W*(?:first\s+)?(?:published|posted|issued|released)\b(?:\s+(?:on|at))?\s*:?", re.I)


def own_date(text: str) -> dt.date | None:
    """The date an undated article states for itself on a line of its own near the top
    ("Thursday, September 11, 2025", "Monday 3 March 2025", "by A. Writer March 16, 2025 4:16 AM").

    A weekday written beside the date must agree with it. Dates inside sentences (a caption's
    "Rome, Nov. 21, 2024 (Getty Images)", a quote) are not the article's date.
    """
    pos = 0
    for line in text[:_DATE_LINE_CHARS].splitlines():
        pos += len(line) + 1
        labelled = bool(_DATE_LABEL.match(line))  # "Published on October 8, 2026, at 6:12 pm (Paris)"
        if pos - len(line) - 1 >= _OWN_DATE_CHARS and not labelled:
            continue
        # "Home | News | Asia Pacific | 12 November 2026 | 5 min read": a line of a site's sections, its
        # date a part of its own
        for part in [line] + (_BREADCRUMB.split(line) if _BREADCRUMB.search(line) else []):
            d = _date_of_line(part, labelled)
            if d is not None:
                return d
    return None


_BREADCRUMB = re.compile(r"\s[|\u2022\u00b7]\s")  # " | ", " • ", " · "


def _date_of_line(line: str, labelled: bool) -> dt.date | None:
    """The date a line (or a part of a line between a site's separators) gives on its own."""
    for rx in (_MD, _DM, _ISO, _MD_JOINED, _DM_JOINED, _YMD):
        m = rx.search(line)
        if not m or not m.group("year"):
            continue
        month = int(m.group("m")) if rx in (_ISO, _YMD) else _month(m.group("mon"))
        d = _mk(int(m.group("year")), month, int(m.group("day")))
        if d is None:
            continue
        rest = _TIME.sub(" ", line[:m.start()] + " " + line[m.end():])
        weekday = _WEEKDAY_RE.search(rest)
        if weekday and _WEEKDAYS.index(weekday.group(1).lower()) != d.weekday():
            continue
        rest = _WEEKDAY_RE.sub(" ", _STAMP_BRACKET.sub(" ", rest))  # "(Updated: 11 Nov 2026 09:30AM)"
        if labelled or len(re.findall(r"\w+", rest)) <= _OWN_DATE_WORDS and not rest.rstrip().endswith(")"):
            return d
    return _numeric_own_date(line)


# A dateline: where and when a wire story was filed, opening its first paragraph. House styles:
# "OTTAWA, Jan. 23, 2026 — ", "KYIV, Nov 26 (Reuters) - ", "(ANSA) - ROME, JUN 18 - ",
# "New Delhi, Mar 4 (PTI) The ...", "NAIROBI, Kenya, March 3, 2026 /PRNewswire/ -- ",
# "Berlin, 12 November 2026 (dpa) - ", "Madrid, Nov 4 (EFE).- ": a place (a city, and perhaps its
# country), a comma, the day, and a mark that ends the dateline (a dash, the agency in brackets,
# a wire's name between slashes). The year is often left out.
_PARTICLES = r"(?:de|da|do|dos|das|del|di|la|le|al|el|am|es|sur|upon)"  # "Rio de Janeiro", "Frankfurt am Main"
_AGENCY = r"\((?:[A-Z][\w&.' -]{0,28}|dpa|efe)\)"
_DATELINE_HEAD = re.compile(
    r"^[ \t]*(?:" + _AGENCY + r"\s*[-\u2013\u2014]+\s*)?"  # "(ANSA) - "
    r"(?P<place>[A-Z][\w.'\u2019-]*(?:[ -](?:[A-Z][\w.'\u2019-]*|" + _PARTICLES + r")){0,4})"  # "KUALA LUMPUR"
    r"(?:,\s+(?!(?:" + _MONTH_NAMES + r")\b)[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,2})?"  # ", Kenya"
    r"[,.]\s+(?P<date>[^\n]{3,24}?)"  # "MOSCOW. Nov 12 (Interfax) -" too
    r"(?:\s*" + _AGENCY + r"(?:\s*\.?[-\u2013\u2014]+\s|\s+(?=[A-Z\u201c\"]))"  # "(PTI) The", "(EFE).- "
    r"|\s*/[A-Za-z-]+/\.?\s*[-\u2013\u2014]*\s|\s+[-\u2013\u2014]+\s)"  # "/PRNewswire/ --", "/TASS/. "
    r"\s*(?=[A-Z0-9\u201c\u2018\"'(])", re.M)  # and the story's first sentence starts
_WIRE_WORD = re.compile(r"\s+[A-Z][A-Za-z-]{2,20}")  # "TOKYO, Nov. 12 Kyodo - ": the agency without brackets


def _dateline_day(m: re.Match) -> re.Match | None:
    phrase = m.group("date").strip().rstrip(",.")
    for rx in (_MD, _DM):
        d = rx.match(phrase)
        if d is not None and (d.end() == len(phrase) or (
                _WIRE_WORD.fullmatch(phrase, d.end()) and not _MONTH_WORD.match(phrase[d.end():].strip()))):
            return d
    return None


def dateline_end(text: str, start: int, end: int) -> int | None:
    """Where a dateline that opens the paragraph ``text[start:end]`` ends ("(ANSA) - ROME, JUN 18 - ",
    "New Delhi, Mar 4 (PTI) "), or None: the dateline is no part of the first sentence."""
    m = _DATELINE_HEAD.match(text, start, end)
    return m.end() if m is not None and _dateline_day(m) is not None else None


def dateline(text: str, year_hint: dt.date | None) -> dt.date | None:
    """The day of the dateline that opens the story (``_DATELINE_HEAD``), in the year it writes or,
    when it writes none, in the year of the dates the article writes in full (the candidate nearest
    them); None when there is no dateline or no year to be had."""
    for m in _DATELINE_HEAD.finditer(text[:_DATE_LINE_CHARS]):
        d = _dateline_day(m)
        if d is None:
            continue
        month, day = _month(d.group("mon")), int(d.group("day"))
        if d.group("year"):
            return _mk(int(d.group("year")), month, day)
        if year_hint is None:
            return None
        cands = [c for y in (year_hint.year - 1, year_hint.year, year_hint.year + 1) if (c := _mk(y, month, day))]
        return min(cands, key=lambda c: abs((c - year_hint).days)) if cands else None
    return None


_STATED = re.compile(r"\b(" + "|".join(d.capitalize() for d in _WEEKDAYS) + r"),?\s+(?:the\s+)?")


def stated_date(text: str) -> dt.date | None:
    """An undated article's day as its opening sentences state it with the weekday and the year
    ("farmers blocked roads on Tuesday, January 27, 2026", "the press conference held on Tuesday,
    December 9, 2025"): the day its relative dates ("on Monday") count from."""
    head = text[:2 * _OWN_DATE_CHARS]
    for m in _STATED.finditer(head):
        after = head[m.end():m.end() + 30]
        for rx in (_MD, _DM):
            d = rx.match(after)
            if d and d.group("year"):
                day = _mk(int(d.group("year")), _month(d.group("mon")), int(d.group("day")))
                if day is not None and day.weekday() == _WEEKDAYS.index(m.group(1).lower()):
                    return day
    return None


def _numeric_own_date(line: str) -> dt.date | None:
    """"Issued on: 06/10/2025 - 14:32", "10-12-2026 - 12:41": a date in figures on a line of its own. Day first, as most
    of the world writes it, unless only the other order is a date or the line tells the time the
    American way ("9:41 AM EST"); a weekday on the line must agree."""
    m = _NUMERIC.search(line)
    if not m:
        return None
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    day_first, month_first = _mk(year, b, a), _mk(year, a, b)
    d = month_first if _US_CLOCK.search(line) and month_first else day_first or month_first
    if d is None:
        return None
    rest = _TIME.sub(" ", line[:m.start()] + " " + line[m.end():])
    weekday = _WEEKDAY_RE.search(rest)
    if weekday and _WEEKDAYS.index(weekday.group(1).lower()) != d.weekday():
        other = month_first if d == day_first else day_first
        if other is None or _WEEKDAYS.index(weekday.group(1).lower()) != other.weekday():
            return None
        d = other
    rest = _WEEKDAY_RE.sub(" ", rest)
    if "|" in rest:  # "Press releases | Plenary session | 10-12-2026 - 12:41": the site's sections, then the date
        rest = rest.rsplit("|", 1)[1]
    words = [w for w in re.findall(r"[^\W\d_]+", rest) if w.lower() not in ("on", "issued", "modified", "date")]
    return d if len(words) <= 2 else None


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS.get(key[:4] if key.startswith("sept") else key[:3], 0)


def resolve(phrase: str, published: dt.date | None, year_hint: dt.date | None = None,
            anchor: dt.date | None = None) -> dt.date | None:
    """Calendar date of ``phrase`` or None when it cannot be settled. A day counted from another
    ("a day earlier", "the next day", "that same day") counts from ``anchor``, the last day the
    text named before it, else from the publication date."""
    shift = anchored_shift(phrase)
    if shift is not None and not _names_a_day(phrase):  # "on Tuesday, the day before the vote": Tuesday
        return shifted(anchor or published, shift)
    return _resolve(phrase, published, year_hint)


def shifted(day: dt.date | None, days: int) -> dt.date | None:
    """``day`` moved by ``days``, or None past the calendar's ends (a text may write "Jan. 1, 0001")."""
    try:
        return day + dt.timedelta(days=days) if day is not None else None
    except OverflowError:
        return None


_COUNT = r"(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven)"
_SHIFTS = (
    # "a day earlier", "two days before", "48 hours earlier", "a day later", "three days after"
    (re.compile(r"\b" + _COUNT + r"\s+(?P<unit>days?|hours)\s+(?P<dir>earlier|before|later|after)\b", re.I), None),
    (re.compile(r"\bthe\s+(?:previous|preceding)\s+(?:day|evening|night)\b|\bthe\s+(?:day|evening|night)\s+before\b"
                r"|\bthe\s+eve\b", re.I), -1),
    (re.compile(r"\bthe\s+(?:next|following)\s+(?:day|morning|evening)\b|\bthe\s+day\s+after\b", re.I), 1),
    (re.compile(r"\b(?:that|the)\s+(?:same\s+)?day\b", re.I), 0),
)


def _names_a_day(phrase: str) -> bool:
    return bool(_WEEKDAY_RE.search(phrase)) or any(rx.search(phrase) for rx in (_MD, _DM, _ISO))


def anchored_shift(phrase: str) -> int | None:
    """Days ``phrase`` counts from the day the text named last, or None when it does not count
    from one: "a day earlier" -1, "the following day" +1, "later that day" 0."""
    for rx, shift in _SHIFTS:
        m = rx.search(phrase)
        if m is None:
            continue
        if shift is not None:
            return shift
        n = m.group("n").lower()
        n = int(n) if n.isdigit() else _NUMBERS[n]
        if m.group("unit").lower() == "hours":
            if n % 24:
                return None
            n //= 24
        return -n if m.group("dir").lower() in ("earlier", "before") else n
    return None


@lru_cache(maxsize=4096)
def _resolve(phrase: str, published: dt.date | None, year_hint: dt.date | None) -> dt.date | None:
    for rx in (_MD, _DM):
        m = rx.search(phrase)
        if m:
            month, day = _month(m.group("mon")), int(m.group("day"))
            if m.group("year"):
                return _mk(int(m.group("year")), month, day)
            if published:
                d = _mk(published.year, month, day)
                if d and d > published:
                    # the same day a year back, unless the day to come is nearer: "the summit on 17 December"
                    # in November is the coming one (a day of last year is written with its year, unless
                    # it is only weeks back, as "on Dec. 28" in early January)
                    last = _mk(published.year - 1, month, day)
                    if last is not None and (published - last).days <= (d - published).days:
                        d = last
                return d
            if year_hint:  # the candidate nearest the dates written in the article
                cands = [c for y in (year_hint.year - 1, year_hint.year, year_hint.year + 1)
                         if (c := _mk(y, month, day))]
                return min(cands, key=lambda c: abs((c - year_hint).days)) if cands else None
            return None
    m = _ISO.search(phrase)
    if m:
        return _mk(int(m.group("year")), int(m.group("m")), int(m.group("day")))
    if published is None:
        return None
    low = phrase.lower()
    m = _WEEKDAY_RE.search(low)
    if m:
        back = (published.weekday() - _WEEKDAYS.index(m.group(1))) % 7
        if _WEEK_BEFORE.search(low):  # "Thursday last week": that day of the week before this one
            return shifted(published, -published.weekday() - 7 + _WEEKDAYS.index(m.group(1)))
        if "last" in low.split() and back == 0:
            back = 7
        return shifted(published, -back)
    for key, back in _SIMPLE_RELATIVE.items():
        if key in low:
            return shifted(published, -back)
    m = _AGO.search(low)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1)]
        # "three days ago" is a day; weeks, months and years ago are periods
        return shifted(published, -n) if m.group(2) == "day" else None
    if _PERIOD.search(low) or _MONTH_ONLY.search(phrase):
        return None  # "last week", "earlier this month", "in June", "in 2025": a period, not a day
    return _dateparser(phrase, published)


def is_period(phrase: str) -> bool:
    """``phrase`` names a stretch of time, not a day ("last week", "earlier this month", "in June",
    "two weeks ago"): a statement so dated has no day of its own, nor one to carry."""
    if anchored_shift(phrase) is not None or _names_a_day(phrase):
        return False
    low = phrase.lower()
    if any(key in low for key in _SIMPLE_RELATIVE):
        return False
    m = _AGO.search(low)
    return bool(m and m.group(2) != "day" or _PERIOD.search(low) or _MONTH_ONLY.search(phrase))


# a stretch of time rather than a day: no statement date ("told reporters last week" is null)
_PERIOD = re.compile(r"\b(?:last|past|this|next|coming|previous|same)\s+(?:week|weekend|month|year|decade)\b"
                     r"|\b(?:weeks|months|years|weekend)\b|^\W*(?:in|during|since|early|late|mid-?)?\s*\d{4}\W*$", re.I)


def _dateparser(phrase: str, published: dt.date) -> dt.date | None:
    import dateparser  # slow to import; only needed for unusual phrases

    base = dt.datetime.combine(published, dt.time(12))
    got = dateparser.parse(phrase, languages=["en"],
                           settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                                     "PREFER_DAY_OF_MONTH": "first"})
    return got.date() if got else None


def _is_date_token(tok: Token) -> bool:
    return (tok.ent_type_ in ("DATE", "TIME") or bool(_DATE_WORD_RE.match(tok.text)) or _counts_days(tok)
            or _day_of_month(tok))


_MONTH_WORD = re.compile(r"^(?:" + _MONTH_NAMES + r")\.?$")
_DAY_NUMBER = re.compile(r"^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$")


def _day_of_month(tok: Token) -> bool:
    """The day or the year of a date the entity tagger left unmarked ("on Aug 26", "26 Aug",
    "Aug 26, 2026"): a number beside a month's name."""
    if not tok.text[:1].isdigit():
        return False
    doc = tok.doc
    if _DAY_NUMBER.match(tok.text):
        return (tok.i > 0 and bool(_MONTH_WORD.match(doc[tok.i - 1].text))) or (
            tok.i + 1 < len(doc) and bool(_MONTH_WORD.match(doc[tok.i + 1].text)))
    return (len(tok.text) == 4 and tok.i >= 3 and doc[tok.i - 1].text == ","
            and bool(_DAY_NUMBER.match(doc[tok.i - 2].text)) and bool(_MONTH_WORD.match(doc[tok.i - 3].text)))


_COUNTED_DAY = re.compile(r"(?:\b(?:a|an|one|two|three|\d{1,2})\s+days?|\bthe\s+day)\s+(?:earlier|before|later|after)\b"
                          r"|\bthe\s+(?:previous|preceding|next|following)\s+day\b", re.I)


def _may_date(tok: Token) -> bool:
    """``tok`` may belong to a date phrase: what ``_is_date_token`` takes, without its slower checks."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in ("day", "days") or bool(_DATE_WORD_RE.match(tok.text))


def _counts_days(tok: Token) -> bool:
    """A word of "a day earlier", "the previous day", which the entity tagger does not always mark."""
    if tok.lower_ not in ("a", "an", "one", "two", "three", "the", "day", "days", "earlier", "before",
                          "later", "after", "previous", "preceding", "next", "following") and not tok.like_num:
        return False
    doc = tok.doc
    window = doc[max(0, tok.i - 3):min(len(doc), tok.i + 4)]
    if not any(t.lower_ in ("day", "days") for t in window):
        return False
    text = window.text
    return any(m.start() + window.start_char <= tok.idx < m.end() + window.start_char
               for m in _COUNTED_DAY.finditer(text))


_CLAUSES = frozenset({"ccomp", "acl", "relcl", "advcl", "xcomp", "csubj"})
_PERIOD_PREPS = frozenset({"from", "until", "till", "since", "by", "before", "starting", "effective", "for"})


def _in_clause(tok: Token, head: Token) -> bool:
    """``tok`` inside a clause of its own below ``head`` ("Asked about a report that the government
    would restrict exports from January 1, Lin said": the report's date, not the answer's). A
    participle that dates the statement itself is none: "in a statement issued on Wednesday", "in
    a report published on Monday", "in an interview aired on Tuesday"."""
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ in _CLAUSES and not _dates_its_noun(tok) and not _spoken_to(tok):
            return True
        tok = tok.head
    return False


def _spoken_to(tok: Token) -> bool:
    """"Speaking to tour operators in Kigali on Monday": the people spoken to, which the parser read
    as an infinitive ("to tour") when their first word may be a verb; no clause of its own."""
    return tok.dep_ in ("xcomp", "advcl") and tok.head.lemma_.lower() in ("speak", "talk") and any(
        c.dep_ == "aux" and c.lower_ == "to" and c.i == tok.head.i + 1 for c in tok.children)


def _dates_its_noun(verb: Token) -> bool:
    """"(a statement) issued on Wednesday", "(the draft,) dated Nov. 2,": a past participle right
    after the noun it describes, saying when that text came out."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN") and (
        verb.i > verb.head.i) and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def _bounds_period(tok: Token) -> bool:
    """"from January 1", "until Friday": the edge of a period (a rule taking effect), not a day
    on which something was said."""
    first = tok
    while first.i > 0 and first.nbor(-1).ent_type_ == "DATE" and first.nbor(-1).lower_ not in _PERIOD_PREPS:
        first = first.nbor(-1)
    return first.i > 0 and first.nbor(-1).lower_ in _PERIOD_PREPS


_COMING_PREPS = frozenset({"before", "ahead", "pending", "prior"})


def _dates_coming_event(tok: Token, head: Token) -> bool:
    """``tok`` dates an event still to come when the statement was made: "Speaking ahead of
    Thursday's summit", "said before a meeting with his counterpart on Friday"."""
    while True:
        if tok.dep_ in ("prep", "advmod") and tok.lower_ in _COMING_PREPS:
            return True
        if tok.i == head.i or tok.head.i == tok.i:
            return False
        tok = tok.head


def _phrase_from(head: Token, exclude: tuple[int, int]) -> tuple[int, int] | None:
    """Char span of the date expression in the subtree of ``head`` (a prep or adverbial)."""
    toks = [t for t in head.subtree if not (exclude[0] <= t.idx < exclude[1]) and not _in_clause(t, head)
            and not _dates_coming_event(t, head)]
    dated = [t for t in toks if _is_date_token(t) and not _bounds_period(t) and not _year_of_a_thing(t)]
    if not any(_DATE_WORD_RE.match(t.text) or _CALENDAR_WORD_RE.match(t.text) for t in dated):
        return None  # "the daily briefing", "a 10-year plan": tagged DATE, not a statement date
    start, end = dated[0], dated[-1]
    if head.lower_ in _PREPS and head.i < start.i and start.i - head.i <= 2:
        start = head
    elif start.i > 0 and start.nbor(-1).lower_ in _PREPS and start.nbor(-1) in (start.head, start.head.head):
        start = start.nbor(-1)
    if end.i + 1 < len(end.doc) and end.nbor().lower_ in _COUNTED_FROM and not (
            exclude[0] <= end.nbor().idx < exclude[1]):
        end = end.nbor()  # "The day before", "two days later": the word that says which way to count
    if _WEEKDAY_RE.fullmatch(end.text):  # "on Thursday last week", "on Monday of the previous week"
        doc = end.doc
        after = doc[end.i + 1:min(len(doc), end.i + 5)]
        m = _WEEK_BEFORE.match(after.text) if len(after) else None
        if m is not None:
            last = next(t for t in after if t.idx - after.start_char + len(t) == m.end())
            if not exclude[0] <= last.idx < exclude[1]:
                end = last
    return start.idx, end.idx + len(end)


def _year_of_a_thing(tok: Token) -> bool:
    """A year that names a thing, not a time: "the 2027 Budget Statement", "a 2018 agreement"."""
    return (len(tok.text) == 4 and tok.text.isdigit() and tok.dep_ in ("compound", "nummod", "amod")
            and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i and not _is_date_token(tok.head))


_WEEK_BEFORE = re.compile(r"(?:of\s+)?(?:last|the\s+previous|the\s+preceding)\s+week\b", re.I)


def _chars(doc: Doc, start: int, end: int) -> str:
    """``doc.text[start:end]`` for token-aligned offsets, from those tokens alone: ``Doc.text`` joins
    every token of the paragraph at each call (a second of a 30,000-word suggestion pass)."""
    span = doc.char_span(start, end)
    return span.text if span is not None else doc.text[start:end]


_COUNTED_FROM = frozenset({"before", "after", "earlier", "later"})


def date_phrase(cue: Token, exclude: tuple[int, int], clauses: bool = True) -> tuple[int, int] | None:
    """The date phrase that governs ``cue`` ("said on Dec. 12", "Talking ... on Dec. 7, X told").

    Looks at the cue's own modifiers and at participial clauses attached to it, never inside the
    claim content (``exclude``), so dates the speaker talks about are not taken as statement dates.
    """
    if not any(_may_date(t) for t in cue.sent):
        return None  # every token looked at below is of the cue's sentence: none can be a date
    best, best_rank = None, (True, 0)
    doc = cue.doc
    children = list(cue.children)
    verbs = [cue]
    if cue.dep_ in ("advcl", "conj", "xcomp") and cue.head.pos_ in ("VERB", "AUX"):
        # "The White House on Tuesday defended ..., saying ...": the head verb's date
        children += [c for c in cue.head.children if c.i < cue.i and c.dep_ != "advcl"]
        verbs.append(cue.head)
    for verb in verbs:
        # "Scholz on Wednesday said ...": the parser often hangs the date on the subject
        for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i):
            # "Senators from both parties on Tuesday pressed", "Singapore and Indonesia on Tuesday (Nov 10) signed"
            children += [c for c in subj.subtree if c.dep_ == "prep" and c.lower_ in ("on", "at") and (
                c.right_edge.i == verb.i - 1 or _restated_day(doc[c.right_edge.i + 1:verb.i]))]
            # "Kaja Raud, speaking in Tallinn on Friday, said": the date of the speaking; "The
            # draft, dated Nov. 2, says", "A report published on Monday found": the text's own date
            children += [g for c in subj.children if c.dep_ in ("acl", "advcl", "relcl") and (
                c.tag_ == "VBG" or _dates_its_noun(c) or _encounter(c)) and c.i > subj.i and c.right_edge.i < verb.i
                         for g in c.children if g.dep_ in ("prep", "npadvmod", "npmod", "dobj", "oprd")]
    for child in children:
        if exclude[0] <= child.idx < exclude[1]:
            continue
        if child.dep_ == "advcl" and not clauses:
            continue
        if child.dep_ in ("prep", "npadvmod", "advmod", "tmod", "obl", "advcl", "nmod", "pobj", "dobj"):
            if child.dep_ == "dobj" and not _is_date_token(child):
                continue
            span = _phrase_from(child, exclude)
            if span is None:
                continue
            # the nearest phrase naming a day; a period ("a 2018 agreement") only when none does
            rank = (is_period(_chars(doc, *span)), abs(span[0] - cue.idx))
            if best is None or rank < best_rank:
                best, best_rank = span, rank
    return best


def _encounter(clause: Token) -> bool:
    """"(X,) when met by reporters here yesterday,", "(X,) while visiting Cebu on Tuesday,": a clause
    set off after the speaker telling when they spoke, however the parser hung it (the small model
    makes "when met" a relative clause)."""
    return clause.tag_ in ("VBN", "VBG") and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "while") and c.i < clause.i for c in clause.children)


_BESIDE = frozenset({"alongside", "beside"})
_WITH = frozenset({"with", "next"})  # "next to" is hung on "next"
_APPEARING = frozenset({"appear", "sit", "stand", "speak", "attend", "join", "share"})


_ACCOMPANYING = frozenset({"accompany", "flank"})


def companion(subject: Token, cue: Token | None = None) -> Token | None:
    """"(Y,) who sat alongside her,", "(Y,) who appeared with Zielak at the briefing,", "(Y,) who
    accompanied Mwangi,", "Sitting next to him, (Y said)": the person the speaker appeared beside
    when they spoke (the head of the pronoun or name), from a clause in the simple past set off
    after the subject or a participle opening the sentence; "who has worked with Zielak for a
    decade" is none."""
    clauses = [c for c in subject.subtree if c.dep_ in ("relcl", "acl") and c.tag_ in ("VBD", "VBG")
               and c.i > subject.i]
    if cue is not None:
        clauses += [c for c in cue.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < subject.i]
    for clause in clauses:
        if any(c.dep_ == "aux" for c in clause.children):
            continue
        if clause.lemma_.lower() in _ACCOMPANYING:
            obj = next((c for c in clause.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.pos_ in ("PRON", "PROPN"):
                return obj
        for prep in clause.children:
            if prep.dep_ == "advmod" and prep.lower_ == "next":  # "next to him": "to" hung on "next"
                prep = next((c for c in prep.children if c.dep_ == "prep" and c.lower_ == "to"), prep)
                beside = prep.lower_ == "to"
            else:
                beside = prep.dep_ == "prep" and (prep.lower_ in _BESIDE or (
                    prep.lower_ in _WITH and clause.lemma_.lower() in _APPEARING))
            if beside:
                obj = next((c for c in prep.subtree if c.dep_ == "pobj"), None)
                if obj is not None and (obj.pos_ in ("PRON", "PROPN")):
                    return obj
    return None


def counted_event(doc: Doc, phrase: tuple[int, int]) -> tuple[str, int] | None:
    """(the noun's lemma, days to add) when a date phrase counts from an event it names: "a day
    after talks in Ankara" (+1 from the talks' day), "two days before the vote" (-2); None when it
    counts from no named event ("a day earlier", "the day before")."""
    span = doc.char_span(*phrase)
    if span is None or span[-1].lower_ not in ("after", "before"):
        return None
    last, shift = span[-1], anchored_shift(span.text)
    if shift is None:
        return None
    noun = next((c for c in last.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if noun is None or _is_date_token(noun):
        return None
    return noun.lemma_.lower(), shift


def _restated_day(between) -> bool:
    """Tokens between a day and its verb that only restate the day: "(Nov 10)", ", Nov. 10,"."""
    return 0 < len(between) <= 6 and any(t.is_punct for t in between) and all(
        t.is_punct or _is_date_token(t) for t in between)


def counted_from_head(cue: Token) -> tuple[int, Token] | None:
    """"X on Monday urged ..., a day after the governor said ...": the cue's clause is counted from
    the clause it hangs on, so the statement was made that many days before (after "before") the
    head's day: (days to add to the head's date, head verb), else None."""
    if cue.dep_ != "advcl" or cue.head.pos_ not in ("VERB", "AUX"):
        return None
    mark = next((c for c in cue.children if c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before")), None)
    count = next((c for c in cue.children if c.dep_ == "npadvmod" and c.lemma_.lower() == "day"), None)
    if mark is None or count is None:
        return None
    shift = anchored_shift(_chars(cue.doc, count.left_edge.idx, mark.idx + len(mark)))
    return (-shift, cue.head) if shift is not None else None


def frame_date(cue: Token, content: tuple[int, int]) -> tuple[int, int] | None:
    """A day named in the attribution, wherever the parser hung it: between the cue and the claim
    ("said in an interview with NTV aired late on Wednesday that ..."), or after a cue that
    follows the claim ('"...," said Inês Cardoso, the mayor, at a press conference on Friday.')."""
    doc = cue.doc
    if cue.idx >= content[1]:
        frame = [t for t in doc[cue.i + 1:cue.sent.end]]
        content_start = frame[-1].idx + len(frame[-1]) if frame else cue.idx
    else:
        content_start = content[0]
        frame = [t for t in doc[cue.i + 1:] if t.idx + len(t) <= content_start]
    days = [t for t in frame if _DATE_WORD_RE.match(t.text) and t.ent_type_ in ("DATE", "TIME")
            and not _dates_coming_event(t, cue)]
    if not days or any(t.text in ('"', "\u201c", "\u201d") for t in frame):
        return None
    first = last = days[-1]
    while first.i - 1 > cue.i and (doc[first.i - 1].lower_ in _PREPS or doc[first.i - 1].ent_type_ == "DATE"):
        first = doc[first.i - 1]
    while last.i + 1 < len(doc) and doc[last.i + 1].ent_type_ in ("DATE", "TIME") and (
            doc[last.i + 1].idx + len(doc[last.i + 1]) <= content_start):
        last = doc[last.i + 1]
    return first.idx, last.idx + len(last)


_TEXT_PARTICIPLES = frozenset({"file", "date", "issue", "release", "publish", "post", "deliver", "air", "broadcast",
                               "send", "submit", "hand", "read", "give", "write", "sign", "lodge", "table"})
_TEXTS = frozenset({"ruling", "judgment", "judgement", "statement", "letter", "speech", "interview", "report", "note",
                    "post", "address", "filing", "decision", "order", "opinion", "communique", "communiqué"})
_NOT_THE_SAYING = frozenset({"ahead", "before", "after", "following", "since", "until", "till", "from", "by",
                             "pending", "prior", "effective", "starting"})


def leading_date(cue: Token, content: tuple[int, int]) -> tuple[int, int] | None:
    """A day in the phrase set off before the speaker ("In its written reasoning, filed on
    Wednesday, the court said that ...", "In a letter dated Nov. 2, the union told ..."), however
    the parser hung it: the text the statement was made in, and its day. A day some other event
    is counted from ("Ahead of Thursday's summit", "after Monday's vote", "from Jan. 1") is none."""
    doc = cue.doc
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i), None)
    if subj is None or cue.idx >= content[0] or subj.left_edge.i - 1 <= cue.sent.start:
        return None
    if doc[subj.left_edge.i - 1].text != ",":
        return None  # an introductory phrase is set off by a comma
    frame = doc[cue.sent.start:subj.left_edge.i - 1]
    if any(t.text in ('"', "\u201c", "\u201d") for t in frame):
        return None
    days = [t for t in frame if _DATE_WORD_RE.match(t.text) and t.ent_type_ in ("DATE", "TIME")]
    if len(days) != 1 or any(doc[k].lower_ in _NOT_THE_SAYING
                             for k in range(max(frame.start, days[0].i - 3), days[0].i)):
        return None
    first = last = days[0]
    # the day of the text: "(a reasoning) filed on Wednesday", "(a letter) dated Nov. 2", "(a
    # statement) released Tuesday", "In Monday's ruling"; a day in a question or a noun's name
    # ("Asked whether the Monday deadline could slip") dates nothing said
    before = doc[first.i - 2:first.i] if first.i - 2 >= frame.start else doc[frame.start:first.i]
    participle = any(t.tag_ == "VBN" and t.lemma_.lower() in _TEXT_PARTICIPLES for t in before)
    owner = first.i + 2 < frame.end and doc[first.i + 1].tag_ == "POS" and doc[first.i + 2].lemma_.lower() in _TEXTS
    if not (participle or owner):
        return None
    while first.i > frame.start and (doc[first.i - 1].lower_ in _PREPS or doc[first.i - 1].ent_type_ == "DATE"):
        first = doc[first.i - 1]
    while last.i + 1 < frame.end and doc[last.i + 1].ent_type_ in ("DATE", "TIME"):
        last = doc[last.i + 1]
    return first.idx, last.idx + len(last)


_EVENT_PREPS = frozenset({"after", "following"})
_DATE_LINE_VERBS = frozenset({"publish", "update", "post", "issue", "modify", "last"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "shall", "must", "can", "'ll", "wo"})


def after_event(cue: Token, exclude: tuple[int, int]) -> bool:
    """``X said after the meeting``, ``Speaking after the talks, X told ...``: the statement is
    dated by an event the article has dated before, not by a phrase of its own."""
    near = list(cue.children) + ([cue.head] if cue.dep_ in ("advcl", "conj") else [])
    near += [g for c in cue.children if c.dep_ == "advcl" for g in c.children]
    for tok in near:
        if exclude[0] <= tok.idx < exclude[1] or tok.lower_ not in _EVENT_PREPS:
            continue
        if any(c.dep_ == "pobj" and c.pos_ == "NOUN" and not _is_date_token(c) for c in tok.children):
            return True
    return False


_OCCASION_PREPS = frozenset({"at", "after", "following", "before", "during"})
# what news copy names as the occasion of a statement ("after the session", "at the review's launch")
_OCCASIONS = frozenset("""meeting session summit talks vote hearing debate conference briefing ceremony launch
speech interview rally event visit reception forum signing sitting markup decision ruling announcement
presentation address negotiations consultations discussion discussions round review report seminar symposium
workshop panel roundtable webinar lecture gathering assembly congress convention plenary dinner luncheon banquet
breakfast opening inauguration unveiling commemoration memorial funeral parade march protest demonstration
exhibition expo fair festival celebration gala dialogue retreat tour""".split())
# the words as written, singular and plural: a sentence without one names no occasion (a cheap first check)
_OCCASION_FORMS = _OCCASIONS | {w + "s" for w in _OCCASIONS} | {w + "es" for w in _OCCASIONS}


def occasion_refs(cue: Token, exclude: tuple[int, int]) -> list[tuple[str, str, bool]]:
    """The occasions the frame of a statement points back to, as (preposition, noun lemma, same):
    "said after the session" ("after", "session"), "Speaking in the chamber before the vote"
    ("before", "vote"), "said at the review's launch" ("at", "review"), "Speaking at the same
    meeting" and "who attended the same reception" (same: the occasion just told of). The
    article has dated such an occasion before; a day of the frame's own is looked for first."""
    frame = list(cue.children) + ([cue.head] if cue.dep_ in ("advcl", "conj") else [])
    for subj in (c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")):
        # "X, speaking at the same meeting,", "X, who attended the same reception,"
        frame += [c for c in subj.children if c.dep_ in ("acl", "relcl", "advcl")]
    clauses = [c for c in frame if c.dep_ in ("advcl", "acl", "relcl") and c.pos_ in ("VERB", "AUX")]
    frame += [g for c in clauses for g in c.children]
    refs = []
    for tok in frame:
        if exclude[0] <= tok.idx < exclude[1]:
            continue
        nouns = []
        if tok.dep_ == "prep" and tok.lower_ in _OCCASION_PREPS:
            nouns = [(tok.lower_, c) for c in tok.children if c.dep_ in ("pobj", "pcomp")]
        elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("attend", "address", "brief"):
            nouns = [("at", tok)]  # "who attended the same reception"
        for prep, noun in nouns:
            same = any(a.lower_ == "same" for a in noun.children)
            if noun.pos_ == "VERB":  # "after meeting the EU ambassador"
                refs.append((prep, noun.lemma_.lower(), same))
                continue
            if noun.pos_ not in ("NOUN", "PROPN") or _is_date_token(noun):
                continue
            owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
            definite = same or owner is not None or any(c.lower_ in ("the", "that", "this") for c in noun.children)
            named = (owner or noun).lemma_.lower()
            if definite and (same or noun.lemma_.lower() in _OCCASIONS or named in _OCCASIONS):
                refs.append((prep, named, same))
    return refs


_EVENT_OBJECTS = frozenset({"dobj", "attr", "oprd"})


def event_refs(cue: Token, exclude: tuple[int, int]) -> list[frozenset[str]]:
    """The events a relative clause on the speaker says they took part in, as the words that name
    each (the verb's lemma and its object's): "X, who signed the agreement with Y at a ceremony,
    said" ({"sign", "agreement"}), "Y, who chaired the talks, told reporters". The article has
    told of the event, with its day, before ("Singapore and Vietnam on Aug 26 signed an
    agreement"); the statement is of that occasion. Only a clause in the simple past tells of
    an event done; "who has long opposed the deal", "who will host the summit" tell of none."""
    refs = []
    for subj in (c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i):
        # on the subject, or on the name inside it ("Second Minister for Trade Grace Teo, who signed ...")
        for verb in (c for c in subj.subtree if c.dep_ in ("relcl", "acl") and c.tag_ == "VBD"
                     and not _in_clause(c.head, subj)):
            if exclude[0] <= verb.idx < exclude[1] or any(c.dep_ == "aux" for c in verb.children):
                continue
            if any(_is_date_token(t) for t in verb.subtree):
                continue  # "who signed the 2019 accord": a day of its own, not the story's event
            objects = [c.lemma_.lower() for c in verb.children
                       if c.dep_ in _EVENT_OBJECTS and c.pos_ in ("NOUN", "PROPN")]
            refs.append(frozenset([verb.lemma_.lower(), *objects[:1]]))
    return refs


def where_date(cue: Token, content: tuple[int, int]) -> tuple[int, int] | None:
    """"Ministers met in Asunción on Monday, where Brazil and Argentina insisted that ...", "The
    council met on Friday, when Russia said ...": a statement in a clause set on the place or the
    day of an occasion was made at it; the date phrase of the verb that tells of the occasion."""
    if cue.dep_ not in ("relcl", "advcl", "acl") or not any(
            c.dep_ == "advmod" and c.lower_ in ("where", "when") and c.i < cue.i for c in cue.children):
        return None
    head = cue.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    if head.pos_ not in ("VERB", "AUX") or content[0] <= head.idx < content[1]:
        return None
    return date_phrase(head, content, clauses=False)


# met, clashed or talked with someone: both sides took part ("X clashed with Y on Monday", "X met Y")
_RECIPROCAL = frozenset({"meet", "clash", "spar", "talk", "argue", "quarrel", "confer", "negotiate", "wrangle"})


def partners(verb: Token) -> list[Token]:
    """The named people an event had on its other side: "clashed with Levin on Monday" (Levin),
    "met her Ugandan counterpart, Francis Mwebesa," (Mwebesa). Names only: "met with officials"
    names nobody who may speak next."""
    if verb.lemma_.lower() not in _RECIPROCAL:
        return []
    found = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    if verb.lemma_.lower() == "meet":
        found += [c for c in verb.children if c.dep_ == "dobj"]
    found += [c for f in found for c in f.children if c.dep_ in ("conj", "appos")]
    return [t for t in found if t.pos_ == "PROPN" and not _is_date_token(t)]


# acts a speaker speaks at: "Presenting the bill, X told lawmakers", "Introducing the motion, Y said"
_PRESENTING = frozenset({"present", "introduce", "table", "unveil", "launch", "open", "close", "chair", "host",
                         "inaugurate", "move", "sign"})


def act_refs(cue: Token, exclude: tuple[int, int]) -> list[frozenset[str]]:
    """The things a participle opening the sentence says the speaker presented when speaking, as
    the lemma of each: "Presenting the bill, Voronin told lawmakers ..." ({"bill"}). The article
    has dated what was done with it ("the Duma on Wednesday approved a bill that ..."); the
    statement is of that occasion. A reaction ("Commenting on the bill", "Asked about the bill")
    is none, nor a participle with a day of its own ("Presenting the bill on Monday")."""
    refs = []
    for clause in cue.children:
        if clause.dep_ != "advcl" or clause.tag_ != "VBG" or clause.i > cue.i or (
                clause.lemma_.lower() not in _PRESENTING or exclude[0] <= clause.idx < exclude[1]):
            continue
        if any(_is_date_token(t) for t in clause.subtree):
            continue
        obj = next((c for c in clause.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if obj is not None:
            refs.append(frozenset([obj.lemma_.lower()]))
    return refs


def same_text(cue: Token, exclude: tuple[int, int]) -> bool:
    """"In the same report, her office found ...", "in the same interview": the statement is
    in the text the article has just quoted, and has its date."""
    near = list(cue.children) + ([cue.head] if cue.dep_ in ("advcl", "conj") else [])
    return any(t.dep_ == "prep" and not exclude[0] <= t.idx < exclude[1] and any(
        g.dep_ == "pobj" and any(a.lower_ == "same" for a in g.children) for g in t.children) for t in near)


def _clause_end(tok: Token, verb: Token) -> bool:
    last = max((t for t in verb.subtree if not t.is_punct), key=lambda t: t.i)
    return tok.i == last.i


def narrative_dates(doc, reference: dt.date | None, year_hint: dt.date | None,
                    quotes: list[tuple[int, int]], anchor: dt.date | None = None,
                    occasion: Callable[[str, int], dt.date | None] | None = None,
                    pending: list[tuple[int, list[str], list[Token]]] | None = None,
                    ) -> list[tuple[int, dt.date, list[Token]]]:
    """(char offset in ``doc``, date, subject heads) of the events the article's own sentences
    date: "The court on Thursday upheld ...", "Ministers met in Riga on Friday", "A poll by Red C
    published Thursday showed ...". A date after the article's own date is something announced
    for the future (a policy taking effect), never an event that happened; a period ("in 2025",
    "last week") dates none. "A day earlier" counts from the day named last (``anchor``: the last
    event before ``doc``); "at the same meeting" is the day ``occasion(lemma, offset)`` gives the
    meeting told of before. An occasion not told of yet ("X, who also spoke at the seminar, struck
    a cautious note", the seminar told of by a statement further on) goes to ``pending`` as
    (offset, occasion lemmas, subject heads), for the statements to date."""
    out: list[tuple[int, dt.date, list[Token]]] = []
    # "at the same meeting", "who also spoke at the seminar": an occasion the article may have dated before
    says_same = occasion is not None and any(t.lower_ == "same" or t.lower_ in _OCCASION_FORMS for t in doc)

    def add(verb: Token, subjects: list[Token]) -> None:
        if any(qs < verb.idx < qe for qs, qe in quotes) or verb.pos_ not in ("VERB", "AUX"):
            return  # a date line ("Wednesday, 14 January 2026") is no event
        if verb.lemma_.lower() in _DATE_LINE_VERBS and (len(verb.sent) <= 8 or not verb.sent.text.rstrip().endswith(
                (".", "!", "?", '"', "\u201d", "'", "\u2019"))):
            return  # nor is "Published 22 September 2025", "New Delhi | Updated: December 10, 2026 07:15 IST"
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children) or any(
                a.dep_ in ("ccomp", "xcomp") for a in verb.ancestors):
            return  # what someone said would happen, not an event the article dates
        span = date_phrase(verb, (0, 0), clauses=False) or next(
            (sp for c in verb.children if c.dep_ == "xcomp"  # "failed to agree on Thursday"
             for sp in [date_phrase(c, (0, 0), clauses=False)] if sp), None) or next(
            # "began a vaccination campaign for children under five on Tuesday": the day that
            # ends the clause, whichever noun the parser hung it on; "signed an agreement on Tuesday
            # under which ...": the day right after the object, before a clause that describes it
            (sp for c in verb.children if c.dep_ == "dobj" for t in c.subtree
             if t.dep_ == "prep" and t.lower_ == "on" and (_clause_end(t.right_edge, verb) or (
                 t.head.i == c.i == t.i - 1 and any(g.dep_ == "pobj" and _WEEKDAY_RE.fullmatch(g.text) for g in t.children)))
             for sp in [_phrase_from(t, (0, 0))] if sp), None) or next(
            # "The decision followed talks in Oslo on Monday between X and Y": the occasion's own day
            (sp for c in verb.children if c.dep_ == "dobj" and c.lower_ in _OCCASION_FORMS for t in c.children
             if t.dep_ == "prep" and t.lower_ == "on" for sp in [_phrase_from(t, (0, 0))] if sp), None)
        if span is None:
            if occasion is not None and says_same:
                # "X, speaking at the same meeting, went further.", "Y, who also spoke at the seminar,
                # struck a more cautious note.": the day of the occasion told of before
                refs = occasion_refs(verb, (0, 0))
                d = next((d for _, lemma, same in refs for d in [occasion(lemma, verb.idx)] if d is not None), None)
                if d is not None:
                    out.append((verb.idx, d, subjects))
                elif refs and pending is not None:
                    pending.append((verb.idx, [lemma for _, lemma, _ in refs], subjects))
            return
        d = resolve(_chars(doc, *span), reference, year_hint,
                    anchor=next((o[1] for o in reversed(out) if o[0] < verb.sent.start_char and (
                        reference is None or (reference - o[1]).days <= 31)), anchor))
        if d is not None and (reference is None or d <= reference):
            out.append((verb.idx, d, subjects))

    for sent in doc.sents:
        if not (says_same or any(_may_date(t) for t in sent)):
            continue  # a sentence naming no day dates no event (most of them: checked first, it is cheap)
        root = sent.root
        verbs = [root] + [t for t in sent if t.pos_ in ("VERB", "AUX") and t is not root and (
            any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            # "..., Tanaiste and Minister for X Y told the Dail yesterday.": the speaking the parser
            # left without its subject (a long title read as part of what was said) is still dated
            or t.dep_ in ("advcl", "conj") and t.i > root.i and t.lemma_.lower() in REPORTING_VERBS)]
        for verb in verbs:  # the root, and any verb with a subject (the parser may root elsewhere)
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            subjects += [c for s in subjects for c in s.children if c.dep_ == "conj"]
            add(verb, subjects + partners(verb))
        for tok in sent:  # "a poll ... published Thursday": the date is the document's
            if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
                add(tok, [tok.head])
    return out
