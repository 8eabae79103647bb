"""CSV of claims and ClaimReview JSON-LD, read back."""

from __future__ import annotations

import csv
import json

from exports import FORMATS, export, format_for_path
from exports.claimreview import export_claimreview
from exports.csvfile import export_csv


def test_csv_is_utf8_with_bom_and_guards_formulas(filled, tmp_path):
    path = tmp_path / "claims.csv"
    summary = export_csv(filled.project, path)
    assert summary.claims == 5
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = {int(r["claim_id"]): r for r in csv.DictReader(raw.decode("utf-8-sig").splitlines(keepends=True))}
    assert rows[filled.banner]["content"] == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    assert rows[filled.schlein]["content"] == "'-5% growth in disguise"
    assert rows[filled.crosetto]["content"] == "We are willing to play this role,"
    assert rows[filled.crosetto]["note"] == "Check the Ansa wire\ufffd first"
    assert rows[filled.crosetto]["speaker"] == "Guido Crosetto" and rows[filled.crosetto]["date"] == "2024-12-12"
    assert rows[filled.meloni]["verdict_rating"] == "False"


def test_claimreview_covers_claims_with_a_verdict(filled, tmp_path):
    path = tmp_path / "reviews.jsonld"
    summary = export_claimreview(filled.project, path, organization="Fact Desk")
    assert summary.claims == 2 and "3 claim(s) without a verdict" in summary.warnings[0]
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["@context"] == "https://schema.org"
    reviews = {r["claimReviewed"]: r for r in doc["@graph"]}
    assert all(r["@type"] == "ClaimReview" for r in reviews.values())
    r = reviews["We are willing to play this role,"]
    assert r["reviewRating"] == {"@type": "Rating", "alternateName": "Mostly true", "ratingValue": 4,
                                 "bestRating": 5, "worstRating": 1}
    item = r["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "Guido Crosetto", "jobTitle": "Defense Minister"}
    assert item["datePublished"] == "2024-12-12"
    assert item["appearance"]["url"] == "https://kyivindependent.example/italy"
    assert r["url"] == "https://factcheck.example/1" and r["author"] == {"@type": "Organization", "name": "Fact Desk"}
    assert len(r["datePublished"]) == 10
    meloni = reviews["Sending Italian soldiers is not on the agenda,"]
    assert meloni["reviewRating"]["ratingValue"] == 1
    assert meloni["itemReviewed"]["author"]["jobTitle"] == "Prime Minister"


def test_every_format_exports_through_the_dispatcher(filled, tmp_path):
    for fmt, (_, suffix) in FORMATS.items():
        path = tmp_path / f"out{suffix}"
        assert format_for_path(path) == fmt
        summary = export(filled.project, fmt, path)
        assert path.stat().st_size > 0 and summary.format == fmt and not summary.cancelled
        summary = export(filled.project, fmt, tmp_path / f"cancelled{suffix}", cancelled=lambda: True)
        assert summary.cancelled and not (tmp_path / f"cancelled{suffix}").exists()


# The schema.org terms a ClaimReview may use here (https://schema.org/ClaimReview and the types it nests).
SCHEMA_TERMS = {
    "ClaimReview": {"identifier", "claimReviewed", "reviewRating", "itemReviewed", "datePublished", "url",
                    "reviewBody", "author"},
    "Rating": {"alternateName", "ratingValue", "bestRating", "worstRating"},
    "Claim": {"author", "datePublished", "appearance"},
    "Person": {"name", "jobTitle"},
    "Organization": {"name"},
    "CreativeWork": {"url", "headline", "datePublished", "publisher"},
}


def _check_node(node: dict) -> None:
    assert node["@type"] in SCHEMA_TERMS, node
    assert set(node) - {"@type"} <= SCHEMA_TERMS[node["@type"]], node
    for value in node.values():
        if isinstance(value, dict):
            _check_node(value)
        else:
            assert value is not None and isinstance(value, (str, int, float)), node


def test_claimreview_uses_only_schema_org_terms_and_no_nulls(filled, tmp_path):
    path = tmp_path / "reviews.jsonld"
    export_claimreview(filled.project, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert set(doc) == {"@context", "@graph"}
    for node in doc["@graph"]:
        _check_node(node)


def test_claimreview_date_is_the_verdict_date_when_known(filled, tmp_path):
    import datetime as dt

    filled.project.update_claim(filled.meloni, verdict_date=dt.date(2025, 3, 20))
    path = tmp_path / "reviews.jsonld"
    export_claimreview(filled.project, path, statuses=("confirmed",), article_id=filled.a2)
    (review,) = json.loads(path.read_text(encoding="utf-8"))["@graph"]
    assert review["datePublished"] == "2025-03-20"
