"""The shared shapes: one hash of an article's text, one claim draft."""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata

from annotate.ingest import read_text
from db import NewArticle, Project
from kernel import ClaimDraft, Span, content_hash


def _hash_before_nfc(text: str) -> str:
    """The hash ingest stored before there was one hash (case-folded, whitespace collapsed, no NFC)."""
    return hashlib.sha256(" ".join(text.casefold().split()).encode("utf-8")).hexdigest()


def test_hashes_stored_by_ingest_before_stay_valid():
    raw = "Cafe\u0301 owners protest 👋\n\nThe mayor said the square stays open.\r\nMu\u0308ller agreed."
    article = read_text(raw)
    assert unicodedata.is_normalized("NFC", article.text)
    assert article.content_hash == content_hash(article.text) == _hash_before_nfc(article.text)


def test_the_hash_ignores_case_spacing_and_composition():
    assert content_hash("Café  owners\nPROTEST") == content_hash("cafe\u0301 owners protest")
    assert content_hash("Café owners protest") != content_hash("Cafe owners protest")


def test_a_project_finds_an_ingested_article_again_by_its_hash(tmp_path):
    article = read_text("Mu\u0308ller said the plan works.\n\nMore followed.")
    with Project.open(tmp_path / "p.quotedesk") as project:
        project.add_article(NewArticle(text=article.text, content_hash=article.content_hash))
        stored = project.articles()[0]
        assert project.article(stored.id).content_hash == content_hash(article.text)


def test_a_draft_is_one_piece_unless_it_has_fragments():
    draft = ClaimDraft(Span(0, 5, "Hello"))
    assert draft.fragments == () and (draft.status, draft.origin) == ("suggested", "model")
    split = dataclasses.replace(draft, fragments=(Span(0, 2, "He"), Span(3, 5, "lo")))
    assert split.fragments[1].text == "lo"
