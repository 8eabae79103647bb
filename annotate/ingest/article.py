"""From decoded text to an IngestedArticle: header, layout, dates, hash, offsets."""
from __future__ import annotations

import datetime
import re

from kernel import content_hash

from .dates import infer_date, parse_date
from .furniture import lay_out
from .header import read_header
from .language import guess_language
from .lines import assemble, split_lines
from .model import IngestedArticle, IngestProblem


def _as_date(value) -> datetime.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):  # a number (1e308, a timestamp?) or true: not a date we can trust
        return None
    return parse_date(value)


# Terminal escape sequences (CSI, OSC and the rest) and other control characters: never part of a
# title, a name or an address, and harmful when echoed to a terminal.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # and bidi overrides
_LITERALS = {"true", "false", "null", "none", "nan", "undefined", "infinity", "-infinity"}


def clean_field(value) -> str | None:
    """A one-line metadata field (title, author, URL, ...) as stored: escape sequences and control
    characters removed, whitespace collapsed."""
    if value is None:
        return None
    text = _CONTROLS.sub(" ", _ESCAPES.sub("", str(value)))
    return " ".join(text.split()) or None


def check_words(text: str, label: str) -> None:
    """Refuse text that is a bare value ("12345", "true") rather than something to annotate."""
    stripped = text.strip()
    if stripped.lower() in _LITERALS:
        raise IngestProblem(f"{label} is just the value “{stripped}”, not an article; check that the right "
                            "column or field holds the article text.")
    if not any(c.isalpha() for c in stripped):
        shown = stripped if len(stripped) <= 40 else stripped[:37] + "…"
        raise IngestProblem(f"{label} has no words, only numbers or symbols (“{clean_field(shown)}”); "
                            "there is nothing to annotate. Check that the right column or field holds the text.")


def read_text(text: str, *, source=None, title=None, url=None, published=None, author=None,
              publisher=None, language=None, notes: tuple[str, ...] = ()) -> IngestedArticle:
    """Build an article from text as decoded. Arguments given here win over what the text says.

    Raises IngestProblem for text with nothing to annotate.
    """
    label = source or "The text"
    if not text:
        raise IngestProblem(f"{label} is empty: there is no text to import.")
    if not text.strip():
        raise IngestProblem(f"{label} contains only whitespace: there is no text to import.")
    check_words(text, label)
    meta, lines = read_header(split_lines(text))
    layout = lay_out(lines)
    display, anchors = assemble(layout.kept)
    if not display:
        raise IngestProblem(f"{label} has no article text: everything in it looks like page "
                            "furniture (banners, links, bylines).")
    notes = tuple(notes)
    published_source = None
    date = _as_date(published)
    if published not in (None, "") and date is None:
        notes += (f"The publication date {clean_field(repr(published)[:80])} could not be read and was left out.",)
    if date is not None:
        published_source = "metadata"
    elif (date := _as_date(meta.get("published"))) is not None:
        published_source = "metadata"
    elif (date := layout.byline_date) is not None:
        published_source = "byline"
    elif (date := infer_date("\n".join(ln.text for ln in lines))) is not None:
        published_source = "inferred"
    return IngestedArticle(
        title=clean_field(title) or clean_field(meta.get("title")) or clean_field(layout.title),
        source=None if source is None else str(source),
        url=clean_field(url) or clean_field(meta.get("url")),
        publisher=clean_field(publisher) or clean_field(meta.get("publisher")),
        author=clean_field(author) or clean_field(meta.get("author")) or clean_field(layout.author),
        published=date,
        published_source=published_source,
        language=clean_field(language) or clean_field(meta.get("language")) or guess_language(display),
        raw_text=text,
        text=display,
        content_hash=content_hash(display),
        offset_anchors=anchors,
        notes=notes,
    )
