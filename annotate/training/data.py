"""Gold attributions (the shared gold JSONL format) to spaCy training data.

Each article becomes one ``Doc`` whose entities are the attributions' pieces, labelled
``CONTENT``, ``SOURCE`` and ``CUE``. A quote split by its attribution (``"A," she said, "B."``)
gives one CONTENT entity per fragment: the source and cue sit between the fragments, and a
flat labelling cannot hold a span that contains them. The hybrid engine joins the fragments
again (:mod:`annotate.hybrid`). Where pieces overlap (an attribution nested inside another's
content, about 0.7% of PolNeAR) the longest piece wins, so the outer content is kept.
Content is trimmed of surrounding whitespace, punctuation and quote marks, the way matching
ignores them, so the model learns one boundary convention.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

TRIM = " \t\r\n\u00a0\"'“”‘’«».,;:—–-"


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    claims: tuple[dict, ...]


def read_gold(path: Path) -> Iterator[GoldArticle]:
    """Articles of a gold JSONL file (see the shared gold README); ValueError naming the file and
    line when one cannot be used."""
    from ..evaluate import GoldFormatError, iter_gold

    try:
        for number, row in iter_gold(path):
            yield GoldArticle(str(row.get("id", number)), row["text"], tuple(row["claims"]))
    except GoldFormatError as exc:
        raise ValueError(str(exc)) from exc


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) without surrounding whitespace, punctuation and quote marks."""
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def fragments(claim: dict) -> list[tuple[int, int]]:
    frags = claim.get("content_fragments") or [claim["content"]]
    return [(int(s), int(e)) for s, e in frags]


def _span(doc: Doc, start: int, end: int, label: str, trimmed: bool = True) -> Span | None:
    text = doc.text
    if trimmed:
        start, end = trim(text, start, end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None:
        return None
    first, last = span.start, span.end
    while first < last and doc[first].is_space:
        first += 1
    while last > first and doc[last - 1].is_space:
        last -= 1
    return Span(doc, first, last, label=label) if last > first else None


def article_doc(nlp: Language, article: GoldArticle) -> Doc:
    """The article tokenised by ``nlp``, with its attributions' pieces as entities."""
    doc = nlp.make_doc(article.text)
    spans: list[Span] = []
    for claim in article.claims:
        for s, e in fragments(claim):
            spans.append(_span(doc, s, e, "CONTENT"))
        for s, e in claim.get("cue_spans") or ():
            spans.append(_span(doc, s, e, "CUE", trimmed=False))
        for s, e in claim.get("speaker_spans") or ():
            spans.append(_span(doc, s, e, "SOURCE", trimmed=False))
    doc.set_ents(filter_spans([s for s in spans if s is not None]), default="outside")
    return doc


def to_docbin(nlp: Language, articles: Iterable[GoldArticle]) -> DocBin:
    db = DocBin(store_user_data=False)
    for article in articles:
        db.add(article_doc(nlp, article))
    return db
