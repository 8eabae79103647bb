"""A blind-mode project: whatever the annotators decided in their layers, exports hold the final claims only."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from db import ClaimDraft, NewArticle, Span
from exports.excel import CLAIM_ID, export_xlsx
from exports.jsondoc import export_json
from exports.training import export_jsonl

TEXT = ("Defence Minister Guido Crosetto said Italy is ready to send peacekeepers. 🇮🇹 "
        "Prime Minister Giorgia Meloni said Italy does not plan to send troops. "
        "Opposition leader Elly Schlein said the government was divided.")


def span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), needle)


@pytest.fixture
def blind(project):
    """Two annotators have decided everything in their layers; nothing is adjudicated yet."""
    project.set_blind(True, annotator="lead")
    art, _ = project.add_article(NewArticle(text=TEXT, title="Troops", published=dt.date(2025, 3, 7)))
    project.save_suggestions(art.id, [
        ClaimDraft(content=span("Italy is ready to send peacekeepers"), speaker="Guido Crosetto"),
        ClaimDraft(content=span("Italy does not plan to send troops"), speaker="Giorgia Meloni"),
    ])
    project.assign([art.id], ["ana", "ben"], by="lead")
    for who, stance in (("ana", "favor"), ("ben", "against")):
        project.open_layer(art.id, who)
        first, second = project.layer_claims(art.id, who)
        project.confirm_claim(first.id, annotator=who, stance=stance, note=f"{who}'s reading")
        project.reject_claim(second.id, annotator=who)
        project.add_claim(art.id, ClaimDraft(content=span("the government was divided"), speaker="Elly Schlein",
                                             status="confirmed", origin="manual", note=f"{who}'s own"),
                          annotator=who, layer=who)
        project.finish_assignment(art.id, who)
    layer_ids = {c.id for who in ("ana", "ben") for c in project.layer_claims(art.id, who)}
    return project, art, layer_ids


def _json_claims(path) -> list[dict]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    return [c for a in doc["articles"] for c in a["claims"]]


def _xlsx_claims(path) -> list[dict]:
    sheet = openpyxl.load_workbook(path)["Claims"]
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]


def test_exports_of_a_blind_project_hold_no_layer_claim(blind, tmp_path):
    project, art, layer_ids = blind
    finals = project.claims()
    assert len(layer_ids) == 6 and [c.status for c in finals] == ["suggested", "suggested"]

    export_json(project, tmp_path / "p.json")
    claims = _json_claims(tmp_path / "p.json")
    assert sorted(c["id"] for c in claims) == sorted(c.id for c in finals)
    assert all(c["status"] == "suggested" and c["note"] is None for c in claims)

    export_xlsx(project, tmp_path / "p.xlsx")
    rows = _xlsx_claims(tmp_path / "p.xlsx")
    assert sorted(r[CLAIM_ID] for r in rows) == sorted(c.id for c in finals)
    assert not any("reading" in str(v) or "own" in str(v) for r in rows for v in r.values())

    summary = export_jsonl(project, tmp_path / "train.jsonl")  # confirmed claims only: none is final yet
    assert summary.claims == 0
    assert "divided" not in (tmp_path / "train.jsonl").read_text(encoding="utf-8")


def test_after_adjudication_exports_hold_the_adjudicated_finals(blind, tmp_path):
    project, art, layer_ids = blind
    ana = {c.content.text: c for c in project.layer_claims(art.id, "ana")}
    ben = {c.content.text: c for c in project.layer_claims(art.id, "ben")}
    ready = "Italy is ready to send peacekeepers"
    final, _ = project.adjudicate(art.id, take=ana[ready].id, replaces=[ben[ready].id], annotator="lead")
    divided = "the government was divided"
    project.reject_all(art.id, [ana[divided].id, ben[divided].id], annotator="lead")

    export_jsonl(project, tmp_path / "train.jsonl")
    tasks = [json.loads(line) for line in (tmp_path / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    claims = [s for t in tasks for s in t["spans"] if s["label"] == "CLAIM"]
    assert [(s["claim_id"], s["text"], s["stance"]) for s in claims] == [(final.id, ready, "favor")]

    export_json(project, tmp_path / "p.json")
    got = {c["id"]: c for c in _json_claims(tmp_path / "p.json")}
    assert not set(got) & layer_ids
    assert got[final.id]["status"] == "confirmed" and got[final.id]["note"] == "ana's reading"
    assert sorted((c["content"]["text"], c["status"]) for c in got.values()) == [
        ("Italy does not plan to send troops", "suggested"), (ready, "confirmed"), (divided, "rejected")]

    export_xlsx(project, tmp_path / "p.xlsx")
    assert sorted(r[CLAIM_ID] for r in _xlsx_claims(tmp_path / "p.xlsx")) == sorted(got)
