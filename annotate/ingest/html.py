"""HTML pages: the article text and metadata, found by trafilatura. Nothing runs, nothing is fetched."""
from __future__ import annotations

import dataclasses
import logging
import re

from .article import read_text
from .model import IngestedArticle, IngestProblem

MIN_WORDS = 12  # fewer words than this after extraction is a menu or a stub, not an article
_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?)", re.IGNORECASE)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in text[:4096].lower()


def declared_charset(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def read_html(html: str, *, source: str | None = None, url: str | None = None,
              notes: tuple[str, ...] = ()) -> IngestedArticle:
    """Article text and metadata from a page's source. raw_text is the page source as decoded."""
    import trafilatura

    label = source or "The page"
    if not html.strip():
        raise IngestProblem(f"{label} is empty: there is no page to import.")
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_images=False,
            favor_precision=True, date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as e:  # trafilatura/lxml give up on some broken markup
        raise IngestProblem(f"{label} could not be read as HTML ({type(e).__name__}: {e}).") from e
    body = (doc.text or "").strip() if doc is not None else ""
    if len(body.split()) < MIN_WORDS:
        raise IngestProblem(f"{label} has no article text: the page holds only navigation, scripts or "
                            "other page furniture. Save the article page itself, or copy its text.")
    paragraphs = "\n\n".join(p.strip() for p in body.split("\n") if p.strip())
    title = doc.title
    if title and not paragraphs.startswith(title):
        paragraphs = f"{title}\n\n{paragraphs}"
    lang = doc.language or (m.group(1) if (m := _LANG.search(html[:4096])) else None)
    article = read_text(paragraphs, source=source, title=title, url=url or doc.url, published=doc.date,
                        author=doc.author, publisher=doc.sitename, language=lang, notes=notes)
    return dataclasses.replace(article, raw_text=html, offset_anchors=())
