"""The lossless JSON document: its shape, and export → import → export giving the same document."""

from __future__ import annotations

import json

import pytest

from db import ClaimFilter, NewArticle, Project
from desktop.cli import main
from exports import ExportError
from exports.jsondoc import export_json, import_json


def _doc(path) -> dict:
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc.pop("exported_at")
    return doc


def test_json_holds_articles_claims_speakers_and_topics(filled, tmp_path):
    path = tmp_path / "project.json"
    summary = export_json(filled.project, path)
    assert (summary.claims, summary.articles) == (5, 2)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "quotedesk.v1" and doc["exported_at"].endswith("Z")
    art = {a["id"]: a for a in doc["articles"]}[filled.a1]
    assert (art["title"], art["publisher"], art["url"], art["published"]) == (
        "Italy willing to join peacekeeping", "The Kyiv Independent", "https://kyivindependent.example/italy",
        "2024-12-13")
    claims = {c["id"]: c for c in art["claims"]}
    c = claims[filled.crosetto]
    text = art["text"]
    for part in (c["content"], c["cue"], c["speaker"]["mention"]):
        assert text[part["start"]:part["end"]] == part["text"]  # code point offsets into text
    assert c["content"]["text"] == "We are willing to play this role,"
    assert c["speaker"]["name"] == "Guido Crosetto" and c["role"] == "Defense Minister"
    assert (c["date"], c["date_text"], c["stance"], c["status"]) == ("2024-12-12", "on Dec. 12", "favor", "confirmed")
    assert c["topic"] == "Italy sending peacekeepers to Ukraine"
    assert c["verdict"] == {"rating": "Mostly true", "explanation": "Confirmed by the ministry.",
                            "url": "https://factcheck.example/1", "date": None}
    assert (c["confidence"], c["origin"], c["annotator"]) == (0.9, "model", "ada")
    assert c["created_at"].endswith("Z") and c["updated_at"] >= c["created_at"]
    # The astral flag emoji before "Schlein rejected it" does not shift offsets.
    schlein = claims[filled.schlein]
    assert text[schlein["content"]["start"]:schlein["content"]["end"]] == "-5% growth in disguise"
    assert {s["name"] for s in doc["speakers"]} == {"Guido Crosetto", "Elly Schlein", "Giorgia Meloni"}
    crosetto = next(s for s in doc["speakers"] if s["name"] == "Guido Crosetto")
    assert crosetto["roles"] == [{"role": "Defense Minister", "start": "2022-10-22", "end": None}]
    assert [t["name"] for t in doc["topics"]] == ["Italy sending peacekeepers to Ukraine"]
    assert "stance_changes" in doc


def test_json_round_trip_gives_the_same_document(filled, tmp_path):
    first = tmp_path / "first.json"
    export_json(filled.project, first)
    with Project.open(tmp_path / "copy.quotedesk") as copy:
        report = import_json(copy, first)
        assert (report.result.articles_added, report.result.claims_added) == (2, 5)
        second = tmp_path / "second.json"
        export_json(copy, second)
        assert _doc(second) == _doc(first)
        assert copy.claim(filled.crosetto).version == filled.project.claim(filled.crosetto).version
        assert [e.kind for e in copy.claim_history(filled.crosetto)] == ["import"]


def test_json_status_and_article_scope(filled, tmp_path):
    path = tmp_path / "confirmed.json"
    export_json(filled.project, path, statuses=("confirmed",))
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert len(doc["articles"]) == 2  # every article, only its confirmed claims
    assert {c["status"] for a in doc["articles"] for c in a["claims"]} == {"confirmed"}
    export_json(filled.project, path, article_id=filled.a2)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert [a["id"] for a in doc["articles"]] == [filled.a2] and len(doc["articles"][0]["claims"]) == 2
    export_json(filled.project, path, claim_filter=ClaimFilter(stance="favor"))
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert [[c["id"] for c in a["claims"]] for a in doc["articles"]] == [[filled.crosetto]]


def test_import_into_a_project_that_has_the_article_adds_only_missing_claims(filled, tmp_path):
    path = tmp_path / "all.json"
    export_json(filled.project, path)
    with Project.open(tmp_path / "other.quotedesk") as other:
        other.add_article(NewArticle(text="Something else entirely, said nobody.", title="Other"))
        import_json(other, path)
        again = import_json(other, path)
        assert (again.result.articles_added, again.result.articles_merged) == (0, 2)
        assert (again.result.claims_added, again.result.claims_skipped) == (0, 5)
        assert other.info().claims == 5 and other.info().articles == 3
        assert "already here" in again.describe()


def test_import_with_wrong_offsets_changes_nothing(filled, tmp_path):
    path = tmp_path / "all.json"
    export_json(filled.project, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["articles"][1]["claims"][0]["content"]["start"] += 1
    path.write_text(json.dumps(doc), encoding="utf-8")
    with Project.open(tmp_path / "new.quotedesk") as fresh:
        with pytest.raises(ExportError, match="code point indices"):
            import_json(fresh, path)
        assert fresh.info().articles == 0


@pytest.mark.parametrize("content, message", [
    ("not json", "is not a JSON file"),
    ('{"format": "something.else"}', "not a Quotedesk JSON export"),
])
def test_import_refuses_files_that_are_not_quotedesk_json(project, tmp_path, content, message):
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ExportError, match=message):
        import_json(project, path)


def test_cli_export_and_import_json(filled, tmp_path, project_path, capsys):
    out = tmp_path / "cli.json"
    assert main(["export", "--db", str(project_path), "--format", "json", "-o", str(out),
                 "--status", "confirmed,rejected"]) == 0
    assert "Wrote 4 claims from 2 articles" in capsys.readouterr().out
    target = tmp_path / "target.quotedesk"
    assert main(["import-json", "--db", str(target), str(out)]) == 0
    assert "Added 2 article(s) and 4 claim(s)" in capsys.readouterr().out
    assert main(["export", "--db", str(project_path), "-o", str(tmp_path / "x.unknown")]) == 2
    assert main(["export", "--db", str(project_path), "-o", str(out), "--status", "maybe"]) == 2


def test_import_names_the_bad_field_of_a_hand_edited_file(filled, tmp_path):
    path = tmp_path / "all.json"
    export_json(filled.project, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["articles"][0]["claims"][0]["id"] = "seven"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with Project.open(tmp_path / "new.quotedesk") as fresh:
        with pytest.raises(ExportError, match=r"The id of claim seven of article 1 should be a whole number"):
            import_json(fresh, path)
        doc["articles"][0]["claims"][0]["id"] = 1
        doc["articles"][0]["claims"][0]["status"] = "maybe"
        path.write_text(json.dumps(doc), encoding="utf-8")
        with pytest.raises(Exception, match="status of claim 1 of article 1 must be one of"):
            import_json(fresh, path)
        assert fresh.info().claims == 0
