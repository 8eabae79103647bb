"""Saved web pages: article text and metadata, no scripts, no navigation, nothing fetched."""
from __future__ import annotations

import datetime
from pathlib import Path

from annotate.ingest import read_html, read_paths

DATA = Path(__file__).resolve().parent / "data" / "ingest"


def _read(name):
    (result,) = list(read_paths([DATA / name]))
    return result


def test_html_article_imports_with_title_author_date_publisher_and_url():
    article = _read("article.html").article
    assert article.title == "Port strike ends after 12 days, union says"
    assert article.author == "Amelia Ortiz"
    assert article.published == datetime.date(2024, 5, 8)
    assert article.published_source == "metadata"
    assert article.publisher == "The Harbour Gazette"
    assert article.url == "https://harbourgazette.example/news/2024/05/port-strike-ends"
    assert article.language == "en"


def test_html_article_text_is_clean_paragraphs_without_scripts_navigation_or_footer():
    article = _read("article.html").article
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == article.title
    assert paragraphs[1].startswith("Dock workers at the city's container terminal")
    assert paragraphs[-1].endswith("who runs a wholesale bakery near the docks.")
    assert len(paragraphs) == 6
    for junk in ["TRACKING", "dataLayer", "font-family", "Subscribe", "Become a member", "Related",
                 "Council approves new ferry route", "All rights reserved", "Privacy policy", "min read",
                 "@context", "<"]:
        assert junk not in article.text


def test_html_raw_text_is_the_page_source_as_read():
    article = _read("article.html").article
    assert article.raw_text == (DATA / "article.html").read_text(encoding="utf-8")
    assert article.raw_offset(0) is None  # display text is extracted, not cut from the source


def test_malformed_html_still_yields_its_article():
    article = _read("malformed.html").article
    assert (article.title, article.author, article.published) == (
        "Council backs new ferry route", "Sam Lee", datetime.date(2024, 4, 2))
    assert "council leader Maria Costa said." in article.text
    assert "<b>" not in article.text and "<p>" not in article.text


def test_html_page_without_an_article_is_refused_with_a_message():
    result = _read("no_article.html")
    assert result.article is None
    assert result.error.message.endswith("has no article text: the page holds only navigation, scripts or "
                                         "other page furniture. Save the article page itself, or copy its text.")


def test_html_given_as_a_string_uses_the_url_given():
    html = (DATA / "article.html").read_text(encoding="utf-8")
    article = read_html(html, source="clipboard", url="https://example.org/copy")
    assert article.url == "https://example.org/copy"
    assert article.source == "clipboard"
