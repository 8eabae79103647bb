"""HTML pages: the article text and metadata, found by trafilatura. Nothing runs, nothing is fetched."""
from __future__ import annotations

import dataclasses
import html as html_lib
import logging
import re
from html.parser import HTMLParser

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


MAX_PARSER_DEPTH = 250
"""lxml (libxml2), under trafilatura, stops at 256 nested elements and loses what lies deeper; a page
nested deeper is flattened first (wrappers such as div and span removed, text and paragraphs kept)."""
_WRAPPERS = frozenset({"div", "span", "font", "section", "center", "small", "big", "b", "i", "u", "em", "strong",
                       "aside", "figure", "ins", "del", "mark", "label", "nobr", "tt", "s", "strike", "sub", "sup",
                       "abbr", "cite", "q", "bdi", "bdo", "data", "time", "var", "kbd", "samp", "code", "dfn"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr", "keygen", "command"})


class _Flattener(HTMLParser):
    """Rewrites a page without wrapper elements; and beyond MAX_PARSER_DEPTH without any element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[bool] = []  # per open element: was its tag kept?
        self.depth = 0  # kept open elements

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            self.out.append(self.get_starttag_text() or f"<{tag}>")
            return
        keep = tag not in _WRAPPERS and self.depth < MAX_PARSER_DEPTH - 10
        self.stack.append(keep)
        if keep:
            self.depth += 1
            self.out.append(self.get_starttag_text() or f"<{tag}>")

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag):
        if tag in _VOID or not self.stack:
            return
        if self.stack.pop():
            self.depth -= 1
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(html_lib.escape(data, quote=False))


def nesting_depth(html: str) -> int:
    """How deeply the page nests elements (void elements such as <br> do not count)."""
    depth = deepest = 0
    for m in re.finditer(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*?(/?)>", html):
        closing, tag, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if tag in _VOID or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def flatten(html: str) -> str:
    parser = _Flattener()
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


def _extract(html: str, url: str | None, label: str):
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_images=False,
            favor_precision=True, date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as e:  # trafilatura/lxml give up on some broken markup
        raise IngestProblem(f"{label} could not be read as HTML ({type(e).__name__}: {e}).") from e


def read_html(html: str, *, source: str | None = None, url: str | None = None,
              notes: tuple[str, ...] = ()) -> IngestedArticle:
    """Article text and metadata from a page's source. raw_text is the page source as decoded."""
    label = source or "The page"
    if not html.strip():
        raise IngestProblem(f"{label} is empty: there is no page to import.")
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    doc = _extract(html, url, label)
    body = (doc.text or "").strip() if doc is not None else ""
    if len(body.split()) < MIN_WORDS and nesting_depth(html) > MAX_PARSER_DEPTH:
        doc = _extract(flatten(html), url, label)  # what lay deeper than the parser goes
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
