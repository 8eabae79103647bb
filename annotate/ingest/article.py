"""From decoded text to an IngestedArticle: header, layout, dates, hash, offsets."""
from __future__ import annotations

import datetime

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
    return parse_date(str(value))


def _clean(value) -> str | None:
    value = None if value is None else " ".join(str(value).split())
    return value or None


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
        notes += (f"The publication date {published!r} could not be read and was left out.",)
    if date is not None:
        published_source = "metadata"
    elif (date := _as_date(meta.get("published"))) is not None:
        published_source = "metadata"
    elif (date := layout.byline_date) is not None:
        published_source = "byline"
    elif (date := infer_date("\n".join(ln.text for ln in lines))) is not None:
        published_source = "inferred"
    return IngestedArticle(
        title=_clean(title) or _clean(meta.get("title")) or layout.title,
        source=None if source is None else str(source),
        url=_clean(url) or _clean(meta.get("url")),
        publisher=_clean(publisher) or _clean(meta.get("publisher")),
        author=_clean(author) or _clean(meta.get("author")) or layout.author,
        published=date,
        published_source=published_source,
        language=_clean(language) or _clean(meta.get("language")) or guess_language(display),
        raw_text=text,
        text=display,
        content_hash=content_hash(display),
        offset_anchors=anchors,
        notes=notes,
    )
