"""Training data: Prodigy-style JSONL and spaCy DocBin, read back."""

from __future__ import annotations

import json

import spacy
from spacy.tokens import DocBin

from exports import export
from exports.training import export_jsonl, export_spacy


def _lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_has_spans_and_relations_of_confirmed_claims(filled, tmp_path):
    path = tmp_path / "train.jsonl"
    summary = export_jsonl(filled.project, path)
    assert summary.claims == 3  # confirmed only, by default
    tasks = _lines(path)
    assert [t["meta"]["article_id"] for t in tasks] == [filled.a1, filled.a2]
    assert all(t["answer"] == "accept" for t in tasks)
    task = tasks[0]
    text = task["text"]
    labels = {(s["label"], text[s["start"]:s["end"]]) for s in task["spans"]}
    assert labels == {("CLAIM", "We are willing to play this role,"), ("SPEAKER", "Crosetto"), ("CUE", "told"),
                      ("CLAIM", "-5% growth in disguise"), ("SPEAKER", "Elly Schlein"), ("CUE", "said")}
    claim = next(s for s in task["spans"] if s["text"] == "We are willing to play this role,")
    tokens = task["tokens"]
    assert tokens[claim["token_start"]]["start"] <= claim["start"]
    assert tokens[claim["token_end"]]["end"] >= claim["end"]
    assert claim["claim_id"] == filled.crosetto and claim["stance"] == "favor"
    rels = {(r["label"], text[r["head_span"]["start"]:r["head_span"]["end"]],
             text[r["child_span"]["start"]:r["child_span"]["end"]]) for r in task["relations"]}
    assert ("SPEAKER_OF", "Crosetto", "We are willing to play this role,") in rels
    assert ("CUE_OF", "told", "We are willing to play this role,") in rels
    for r in task["relations"]:
        assert r["head"] == r["head_span"]["token_end"] and r["child"] == r["child_span"]["token_end"]


def test_jsonl_includes_rejected_suggestions_as_negatives_when_asked(filled, tmp_path):
    path = tmp_path / "train.jsonl"
    export_jsonl(filled.project, path, negatives=True)
    rejected = [t for t in _lines(path) if t["answer"] == "reject"]
    assert len(rejected) == 1
    (claim,) = [s for s in rejected[0]["spans"] if s["label"] == "CLAIM"]
    assert claim["text"] == "Italy does not plan to send troops to Ukraine"
    assert rejected[0]["meta"]["claim_ids"] == [filled.meloni_indirect]
    export_jsonl(filled.project, path)
    assert all(t["answer"] == "accept" for t in _lines(path))


def test_docbin_holds_claims_speakers_and_cues(filled, tmp_path):
    path = tmp_path / "train.spacy"
    export_spacy(filled.project, path, negatives=True)
    nlp = spacy.blank("en")
    docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    assert len(docs) == 2
    first, second = docs
    assert [s.text for s in first.spans["claims"]] == ["We are willing to play this role,", "-5% growth in disguise"]
    assert {s.label_ for s in first.spans["claims"]} == {"CLAIM"}
    assert [s.id_ for s in first.spans["claims"]] == [str(filled.crosetto), str(filled.schlein)]
    assert [(s.text, s.kb_id_) for s in first.spans["speakers"]] == [("Crosetto", "Guido Crosetto"),
                                                                   ("Elly Schlein", "Elly Schlein")]
    assert [s.text for s in first.spans["cues"]] == ["told", "said"]
    assert [s.text for s in second.spans["rejected"]] == ["Italy does not plan to send troops to Ukraine"]
    meta = first.user_data["quotedesk"]
    assert meta["article_id"] == filled.a1 and meta["claims"][0]["stance"] == "favor"


def test_docbin_expands_spans_to_whole_tokens(filled, tmp_path):
    path = tmp_path / "train.spacy"
    export(filled.project, "spacy", path, statuses=("suggested",))
    (doc,) = DocBin().from_disk(path).get_docs(spacy.blank("en").vocab)
    (claim,) = doc.spans["claims"]
    assert claim.text.startswith("=HYPERLINK") and claim.start_char <= doc.text.index("=HYPERLINK")
