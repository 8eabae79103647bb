"""A split quote in every export, read back: JSON (and import-json round trip), Excel, CSV,
ClaimReview, JSONL and DocBin."""

from __future__ import annotations

import csv
import json
from types import SimpleNamespace

import openpyxl
import pytest
import spacy
from spacy.tokens import DocBin

from db import NewArticle, ClaimDraft, Project, Span
from desktop.cli import main
from exports import ExportError
from exports.claimreview import export_claimreview
from exports.csvfile import export_csv
from exports.excel import export_xlsx
from exports.jsondoc import export_json, import_json
from exports.training import export_jsonl, export_spacy

# The emoji before the quote is one code point and two UTF-16 units.
TEXT = ("Rome 🇮🇹 — “Italy is ready to help,” Defence Minister Guido Crosetto said on Thursday, "
        "“but only under a UN mandate.” Opposition leader Elly Schlein said the plan was rushed.")
FIRST, SECOND = "Italy is ready to help,", "but only under a UN mandate."


def span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), needle)


@pytest.fixture
def split(project, project_path):
    return _fill(project, project_path)


def _fill(project, project_path=None):
    """An article with a split quote (verdict given) and a claim in one piece, both confirmed."""
    art, _ = project.add_article(NewArticle(text=TEXT, title="Crosetto on a mandate", url="https://example.org/a"))
    a, b = span(FIRST), span(SECOND)
    claim, _ = project.add_claim(art.id, ClaimDraft(
        content=Span(a.start, b.end, TEXT[a.start:b.end]), fragments=(a, b), kind="direct", cue=span("said"),
        speaker="Guido Crosetto", mention=span("Guido Crosetto"), status="confirmed"), annotator="ana")
    project.update_claim(claim.id, annotator="ana", verdict_rating="Half true")
    plain, _ = project.add_claim(art.id, ClaimDraft(content=span("the plan was rushed"), speaker="Elly Schlein",
                                                    mention=span("Elly Schlein"), cue=span("said the"),
                                                    status="confirmed"), annotator="ana")
    return SimpleNamespace(project=project, path=project_path, article=art.id, claim=claim.id, plain=plain.id,
                           a=a, b=b)


def _pieces(spans) -> list[dict]:
    return [{"start": s.start, "end": s.end, "text": s.text} for s in spans]


def test_json_content_keeps_the_whole_and_lists_the_fragments(split, tmp_path):
    path = tmp_path / "doc.json"
    export_json(split.project, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    claims = {c["id"]: c for c in doc["articles"][0]["claims"]}
    content = claims[split.claim]["content"]
    assert (content["start"], content["end"]) == (split.a.start, split.b.end)
    assert content["text"] == TEXT[split.a.start:split.b.end]
    assert content["fragments"] == _pieces([split.a, split.b])
    for piece in content["fragments"]:
        assert TEXT[piece["start"]:piece["end"]] == piece["text"]  # code point offsets, emoji included
    one = claims[split.plain]["content"]  # a claim in one piece lists that piece
    assert one["fragments"] == [{"start": one["start"], "end": one["end"], "text": one["text"]}]


def test_json_round_trip_keeps_fragments(split, tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    export_json(split.project, first)
    with Project.open(tmp_path / "copy.quotedesk") as copy:
        import_json(copy, first)
        assert copy.claim(split.claim).fragments == (split.a, split.b)
        export_json(copy, second)
    strip = lambda p: {k: v for k, v in json.loads(p.read_text(encoding="utf-8")).items() if k != "exported_at"}  # noqa: E731
    assert strip(second) == strip(first)


def test_a_file_without_fragments_still_imports(split, tmp_path):
    path = tmp_path / "old.json"
    export_json(split.project, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    for claim in doc["articles"][0]["claims"]:
        del claim["content"]["fragments"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    with Project.open(tmp_path / "copy.quotedesk") as copy:
        import_json(copy, path)
        claim = copy.claim(split.claim)
        assert claim.fragments == (claim.content,)


@pytest.mark.parametrize("change, message", [
    (lambda f: f.reverse(), "are out of order"),
    (lambda f: f[1].update(start=f[0]["end"] - 3, text=None), "overlap"),
    (lambda f: f[1].update(end=10_000, text=None), r"outside the article text"),
    (lambda f: f.pop(), "must run from its first fragment's start to its last fragment's end"),
    (lambda f: f[0].update(text="something else"), "code point indices"),
])
def test_import_json_refuses_bad_fragments_with_a_clear_message(split, tmp_path, capsys, change, message):
    path = tmp_path / "bad.json"
    export_json(split.project, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    claim = next(c for c in doc["articles"][0]["claims"] if c["id"] == split.claim)
    change(claim["content"]["fragments"])
    path.write_text(json.dumps(doc), encoding="utf-8")
    with Project.open(tmp_path / "fresh.quotedesk") as fresh:
        with pytest.raises(ExportError, match=message):
            import_json(fresh, path)
        assert fresh.info().articles == 0  # nothing half-loaded
    target = tmp_path / "cli.quotedesk"
    assert main(["import-json", "--db", str(target), str(path)]) != 0
    err = capsys.readouterr().err
    assert "fragment" in err and "Traceback" not in err


def test_excel_shows_the_fragments_joined(split, tmp_path):
    path = tmp_path / "claims.xlsx"
    export_xlsx(split.project, path)
    sheet = openpyxl.load_workbook(path)["Claims"]
    header = [c.value for c in sheet[1]]
    rows = {r[0]: dict(zip(header, r)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[split.claim]["Content"] == f"{FIRST} … {SECOND}"
    assert rows[split.plain]["Content"] == "the plan was rushed"


def test_csv_and_claimreview_use_the_joined_quote(split, tmp_path):
    path = tmp_path / "claims.csv"
    export_csv(split.project, path)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = {int(r["claim_id"]): r for r in csv.DictReader(fh)}
    row = rows[split.claim]
    assert row["content"] == f"{FIRST} … {SECOND}"
    assert (int(row["start"]), int(row["end"])) == (split.a.start, split.b.end)
    assert row["fragments"] == f"{split.a.start}-{split.a.end};{split.b.start}-{split.b.end}"
    review_path = tmp_path / "reviews.json"
    export_claimreview(split.project, review_path)
    (review,) = json.loads(review_path.read_text(encoding="utf-8"))["@graph"]
    assert review["claimReviewed"] == f"{FIRST} … {SECOND}"


def test_jsonl_has_one_claim_span_per_fragment(split, tmp_path):
    path = tmp_path / "train.jsonl"
    export_jsonl(split.project, path)
    (task,) = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    pieces = [s for s in task["spans"] if s["label"] == "CLAIM" and s["claim_id"] == split.claim]
    assert [(s["text"], s["fragment"], s["fragments"]) for s in pieces] == [(FIRST, 0, 2), (SECOND, 1, 2)]
    text = task["text"]
    assert not any(s["label"] == "CLAIM" and "said" in text[s["start"]:s["end"]] and s["claim_id"] == split.claim
                   for s in task["spans"])  # the attribution between the fragments is not content
    rels = {(r["label"], text[r["child_span"]["start"]:r["child_span"]["end"]]) for r in task["relations"]}
    assert {("SPEAKER_OF", FIRST), ("SPEAKER_OF", SECOND), ("CUE_OF", FIRST), ("CUE_OF", SECOND)} <= rels


def test_docbin_has_every_fragment(split, tmp_path):
    path = tmp_path / "train.spacy"
    export_spacy(split.project, path)
    (doc,) = DocBin().from_disk(path).get_docs(spacy.blank("en").vocab)
    pieces = [s for s in doc.spans["claims"] if s.id_ == str(split.claim)]
    assert [s.text for s in pieces] == [FIRST, SECOND]
    meta = {m["id"]: m for m in doc.user_data["quotedesk"]["claims"]}
    assert [list(p) for p in meta[split.claim]["fragments"]] == [[split.a.start, split.a.end], [split.b.start, split.b.end]]


def test_json_from_postgresql_carries_fragments_too(tmp_path):
    """Streaming differs on PostgreSQL (dates and JSON come back typed): the document must not."""
    from tests.db.conftest import PG_URL, _reset_postgres

    if not PG_URL:
        pytest.skip("set QUOTEDESK_TEST_PG_URL to run the storage tests on PostgreSQL")
    _reset_postgres(PG_URL)
    docs = []
    for target in (PG_URL, tmp_path / "lite.quotedesk"):
        with Project.open(target) as p:
            made = _fill(p)
            path = tmp_path / f"doc{len(docs)}.json"
            export_json(p, path)
            doc = json.loads(path.read_text(encoding="utf-8"))
            claim = next(c for c in doc["articles"][0]["claims"] if c["id"] == made.claim)
            docs.append(claim["content"])
    assert docs[0] == docs[1]
    assert docs[0]["fragments"] == _pieces([span(FIRST), span(SECOND)])
