"""The streamed training exports write exactly what the straightforward code wrote.

JSONL tasks are written with their tokens spliced in from the Doc's arrays, articles are
read in batches, and the DocBin is written piece by piece from temporary files
(exports/docbin_file.py). Here the old way (a dict per token through json.dumps, one
article read per group of claims, spaCy's own DocBin.add and to_disk) runs on the same
project, in the same test, and the files must be the same bytes.
"""

from __future__ import annotations

import json

import pytest
from spacy.tokens import DocBin

from db import BulkArticle, BulkClaim, ClaimDraft, NewArticle, Span
from exports import docbin_file, training
from exports.training import export_jsonl, export_spacy
from tests.exports.conftest import fill
from tests.exports.test_export_fragments import _fill as fill_split

STATUSES = ("confirmed", "rejected", "suggested", "confirmed")


@pytest.fixture
def varied(project, project_path):
    """The exports' project, a split quote beside an emoji, manual claims, and 450 more articles (more
    than one batch of articles; msgpack headers past their short forms), some with odd text."""
    fill(project)
    fill_split(project, project_path)
    more = []
    for i in range(450):
        text = (f"Report {i} 🇺🇦: “We will send {i} engineers,” the minister said. Critics 👩‍👩‍👧 disagreed "
                f"loudly\u00a0— “it is too late”, {'they' if i % 2 else 'she'} told reporters in Zürich.")
        first = text.index("We will")
        quote = text[first:text.index(",”")]
        cue = text.index("said")
        late = text.index("it is too late")
        more.append(BulkArticle(None, NewArticle(text=text, title=f"Report {i}" if i % 7 else None), claims=(
            BulkClaim(None, ClaimDraft(
                content=Span(first, first + len(quote), quote), cue=Span(cue, cue + 4, "said"),
                speaker="the minister", mention=Span(cue - 13, cue - 1, text[cue - 13:cue - 1]), kind="direct",
                status=STATUSES[i % 4], origin="manual" if i % 3 else "model", stance="favor" if i % 5 else None)),
            BulkClaim(None, ClaimDraft(content=Span(late, late + 14, "it is too late"), status=STATUSES[(i + 1) % 4],
                                       origin="manual"), annotator="ana"))))
    project.load_bulk(more)
    return project


class _SpacysDocBin:
    """What export_spacy used before: spaCy's DocBin, filled whole and written at the end."""

    def __init__(self, folder, attrs=("ORTH", "SPACY"), store_user_data=False):
        self.bin = DocBin(attrs=list(attrs), store_user_data=store_user_data)

    def add(self, doc):
        self.bin.add(doc)

    def write(self, path):
        self.bin.to_disk(path)

    def close(self):
        pass


def _old_by_article(project, f):
    group = []
    for c in project.stream_claims(f):
        if group and group[0].article_id != c.article_id:
            yield project.article(group[0].article_id), group
            group = []
        group.append(c)
    if group:
        yield project.article(group[0].article_id), group


def _the_old_way(monkeypatch):
    monkeypatch.setattr(training, "_task_json", lambda tok, article, claims, answer: json.dumps(
        training._task(tok, article, claims, answer), ensure_ascii=False))
    monkeypatch.setattr(training, "_by_article", _old_by_article)
    monkeypatch.setattr(docbin_file, "DocBinFile", _SpacysDocBin)


@pytest.mark.parametrize("negatives", [False, True], ids=["confirmed", "with negatives"])
@pytest.mark.parametrize("export", [export_jsonl, export_spacy], ids=["jsonl", "spacy"])
def test_the_streamed_export_writes_the_same_bytes_as_the_old_way(varied, tmp_path, monkeypatch, export, negatives):
    new = export(varied, tmp_path / "new.out", negatives=negatives)
    with monkeypatch.context() as m:
        _the_old_way(m)
        old = export(varied, tmp_path / "old.out", negatives=negatives)
    assert (new.claims, new.articles, new.warnings) == (old.claims, old.articles, old.warnings)
    assert new.articles > 200
    assert (tmp_path / "new.out").read_bytes() == (tmp_path / "old.out").read_bytes()


def test_the_streamed_docbin_reads_back_with_spacy(varied, tmp_path):
    import spacy

    export_spacy(varied, tmp_path / "out.spacy")
    docs = list(DocBin().from_disk(tmp_path / "out.spacy").get_docs(spacy.blank("en").vocab))
    assert len(docs) > 200
    split = next(d for d in docs if d.text.startswith("Rome 🇮🇹"))
    assert [s.text for s in split.spans["claims"]][:2] == ["Italy is ready to help,", "but only under a UN mandate."]
    assert all(d.user_data["quotedesk"]["claims"] for d in docs)


def test_a_cancelled_docbin_export_leaves_no_file_and_no_temporary_files(varied, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    summary = export_spacy(varied, folder / "x.spacy", cancelled=lambda: True)
    assert summary.cancelled and list(folder.iterdir()) == []
