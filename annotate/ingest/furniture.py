"""Page furniture: the parts of a copied web page that are not the article.

Works on lines. Three kinds of evidence, from safest to boldest:
  * lines that are furniture wherever they stand ("2 min read", "Read more", membership banners,
    "This audio is created with AI assistance", photo captions with a picture credit);
  * the head: once the headline is found (the line before the byline or reading time, or a
    headline the page repeats), short lines above it are site chrome, and the byline is metadata;
  * the foot: a trailing block that holds an end marker ("Avatar", "Read more", "Show More", ...)
    and otherwise only short lines, related headlines and an author bio is cut whole.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .dates import FULL_DATE, from_match
from .lines import Line

_ALWAYS = re.compile(
    r"""^(?:\d+\s*(?:min|mins|minute|minutes)\.?\s*(?:read|listen)
    |read\ more|show\ more|load\ more|see\ more|view\ more|more\ stories|news\ feed
    |advertisement|sponsored(?:\ content)?|skip\ to\ (?:main\ )?content|share(?:\ this\ article)?
    |listen\ to\ (?:this\ )?article|this\ audio\ is\ (?:created|generated)\ with\ ai\ assistance
    |\d[\d,.]*\ out\ of\ \d[\d,.]*|avatar|photo|image|print|copy\ link|back\ to\ top
    )[.:!]?$""", re.IGNORECASE | re.VERBOSE)
_PROMO = re.compile(
    r"become\ a\ member|support\ (?:our|independent|quality)\ journalism|quality\ journalism\ takes\ work"
    r"|help\ us\ reach\ [\d,.]+|sign\ up\ for\ (?:our|the)\ newsletter|subscribe\ (?:now|today|to\ our)"
    r"|be\ among\ the\ first\ to\ get\ it|join\ our\ community|already\ a\ (?:member|subscriber)"
    r"|donate\ (?:now|today)|unlock\ (?:this|unlimited)",
    re.IGNORECASE | re.VERBOSE)
_CREDIT = re.compile(r"\((?=[^()]*(?:Getty\ Images|AFP|Reuters|AP\ Photo|Associated\ Press|EPA|Anadolu"
                     r"|Shutterstock|Photo|Pool|/))[^()]{3,200}\)$", re.VERBOSE)
_END_MARKER = re.compile(r"^(?:avatar|read\ more|show\ more|load\ more|more\ from\ .{0,60}|related(?:\ \w+)?"
                         r"|recommended|most\ (?:read|popular)|about\ the\ author|tags?|tags?:\ .*|topics:?"
                         r"|comments?|share(?:\ this\ article)?|news\ feed)[.:]?$", re.IGNORECASE | re.VERBOSE)
_BY = re.compile(r"^by\s+(?P<author>[^\d|•·,]+?)(?=\s*(?:$|[|•·,]|\d|on\s|updated|published|"
                 + FULL_DATE.replace("?P<", "?P<b") + "))", re.IGNORECASE)
_DATE_LINE = re.compile(rf"^(?:published|updated|posted)?\s*(?:on\s+)?(?:\w+day,?\s+)?{FULL_DATE}"
                        r"(?:\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?)?"
                        r"(?:\s*[|•·-]?\s*\d+\s*min\w*\s+read)?\.?$", re.IGNORECASE)
_NAME_PARTICLES = {"and", "&", "de", "da", "di", "van", "von", "der", "la", "le", "al", "bin", "el"}
_SENTENCE_END = re.compile(r"[.!?…:;\"”’')\]]$")
_FULL = re.compile(FULL_DATE)
_READ_TIME = re.compile(r"^\d+\s*min\w*\.?\s*read\b", re.IGNORECASE)
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(?=\S)")


@dataclass
class Layout:
    kept: list[tuple[Line, bool]]  # (line, paragraph break before it)
    title: str | None = None
    author: str | None = None
    byline_date: datetime.date | None = None


def is_furniture(text: str) -> bool:
    t = text.strip()
    return bool(_ALWAYS.match(t) or (len(t) < 200 and _PROMO.search(t)) or _is_caption(t))


def _is_caption(t: str) -> bool:
    return bool(_CREDIT.search(t)) and not t.startswith(("\"", "“", "'"))


def _headline_like(t: str) -> bool:
    words = t.split()
    return 2 <= len(words) <= 40 and len(t) <= 300 and not t.endswith((".", ":", ";", ","))


def _byline(t: str) -> tuple[str | None, datetime.date | None] | None:
    """(author, date) if the line is a byline or a dateline, else None."""
    m = _BY.match(t)
    if m or _DATE_LINE.match(t):
        d = _FULL.search(t)
        date = from_match(d)[0] if d else None
        author = m.group("author").strip() if m else None
        if m and (len(author.split()) > 8 or len(t) > 200 or not all(
                w[0].isupper() or w.lower() in _NAME_PARTICLES for w in author.split())):
            return None
        return author, date
    return None


def _find_title(lines: list[Line], drop: set[int]) -> int | None:
    nonblank = [i for i, ln in enumerate(lines) if ln.text.strip()][:20]
    texts = {i: lines[i].text.strip() for i in nonblank}
    candidates = [i for i in nonblank if i not in drop and _headline_like(texts[i])]
    for i in nonblank:  # the line before a byline, dateline or reading time
        if _byline(texts[i]) or _READ_TIME.match(texts[i]):
            before = [j for j in candidates if j < i]
            if before:
                return before[-1]
    for i in candidates:  # a headline the page repeats
        if any(texts[j] == texts[i] for j in nonblank if j > i):
            return i
    content = [i for i in nonblank if i not in drop]
    if content and content[0] in candidates and len(texts[content[0]]) < 200:
        return content[0]
    return None


def _foot_start(lines: list[Line], drop: set[int], author: str | None, start: int) -> int | None:
    names = {author} if author else set()
    tail = [i for i in range(max(start, len(lines) - 25), len(lines)) if lines[i].text.strip()]
    names |= {lines[i].text.strip() for i in tail
              if re.fullmatch(r"(?:[A-Z][\w'’.-]+\s){1,3}[A-Z][\w'’.-]+", lines[i].text.strip())}
    bio = re.compile("^(?:" + "|".join(re.escape(n) for n in names) + r")\s+(?:is|was|has|covers|writes)\b") \
        if names else None
    foot, marker = None, False
    for i in range(len(lines) - 1, start, -1):
        t = lines[i].text.strip()
        if not t:
            continue
        if i in drop or _END_MARKER.match(t):
            marker = marker or bool(_END_MARKER.match(t))
        elif not (len(t) <= 80 and not _SENTENCE_END.search(t) or bio and bio.match(t)
                  or _headline_like(t) and not _SENTENCE_END.search(t)):
            break
        foot = i
    return foot if marker else None


def _footer_author(lines: list[Line], foot: int) -> str | None:
    """The name under an author photo ("Avatar") in the footer box."""
    texts = [ln.text.strip() for ln in lines[foot:] if ln.text.strip()]
    for before, name in zip(texts, texts[1:]):
        if before.lower() == "avatar" and re.fullmatch(r"(?:[A-Z][\w'’.-]+\s){1,3}[A-Z][\w'’.-]+", name):
            return name
    return None


def _without_markdown_heading(line: Line) -> Line:
    m = _MD_HEADING.match(line.text)
    return line.cut(m.end()) if m else line


def lay_out(lines: list[Line]) -> Layout:
    lines = [_without_markdown_heading(ln) for ln in lines]
    drop = {i for i, ln in enumerate(lines) if is_furniture(ln.text)}
    title_at = _find_title(lines, drop)
    title = author = date = None
    body_from = 0
    if title_at is not None:
        title = lines[title_at].text.strip()
        head = [i for i in range(title_at) if lines[i].text.strip()]
        if sum(len(lines[i].text) for i in head) < 800 and all(len(lines[i].text) < 300 for i in head):
            drop.update(head)
        body_from = title_at + 1
        for i in range(title_at + 1, min(len(lines), title_at + 8)):
            t = lines[i].text.strip()
            if t == title:
                drop.add(i)
            elif (found := _byline(t)) is not None:
                drop.add(i)
                author = author or found[0]
                date = date or found[1]
            elif t and i not in drop and len(t) > 200:
                break
    foot = _foot_start(lines, drop, author, body_from)
    if foot is not None:
        author = author or _footer_author(lines, foot)
        drop.update(range(foot, len(lines)))
    kept, gap = [], False
    for i, ln in enumerate(lines):
        if i in drop or not ln.text.strip():
            gap = True
            continue
        kept.append((ln.strip(), gap))
        gap = False
    return Layout(kept, title, author, date)
