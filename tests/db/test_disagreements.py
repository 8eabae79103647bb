"""Where annotators differ: their layers' claims grouped as `quotedesk eval` matches, for adjudication."""

from __future__ import annotations

import datetime as dt

import pytest

from db import ClaimDraft, NewArticle, Span

TEXT = ("Rome 🇮🇹 — Defence Minister Guido Crosetto said that Italy is ready to send peacekeepers. "
        "Prime Minister Giorgia Meloni said Italy does not plan to send troops. "
        "Opposition leader Elly Schlein said the government was divided. "
        "A spokesman said the decision would come in April.")


def span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), needle)


SUGGESTED = ("Italy is ready to send peacekeepers", "Italy does not plan to send troops",
             "the government was divided", "the decision would come in April")


@pytest.fixture
def art(project):
    a, _ = project.add_article(NewArticle(text=TEXT, title="Troops", published=dt.date(2025, 3, 7)))
    project.save_suggestions(a.id, [ClaimDraft(content=span(s)) for s in SUGGESTED])
    return a


def annotate(project, art, who, decisions):
    """decisions: suggestion text -> dict of fields to confirm with, or None to reject it."""
    project.open_layer(art.id, who)
    mine = {c.content.text: c for c in project.layer_claims(art.id, who)}
    for needle, fields in decisions.items():
        if fields is None:
            project.reject_claim(mine[needle].id, annotator=who)
        else:
            project.confirm_claim(mine[needle].id, annotator=who, **fields)


def by_text(groups):
    return {next(c for c in g.versions.values() if c is not None).content.text.strip(): g for g in groups}


def test_two_annotators_differences_are_named(project, art):
    annotate(project, art, "ana", {
        SUGGESTED[0]: {"stance": "favor", "speaker": "Guido Crosetto"},
        SUGGESTED[1]: {"stance": "against", "speaker": "Giorgia Meloni"},
        SUGGESTED[2]: {"speaker": "Elly Schlein"},
        SUGGESTED[3]: None})
    annotate(project, art, "ben", {
        SUGGESTED[0]: {"stance": "favor", "speaker": "Guido Crosetto",  # a wider span: still the same claim
                       "content": span("that Italy is ready to send peacekeepers.")},
        SUGGESTED[1]: {"stance": "neutral", "speaker": "Giorgia Meloni"},
        SUGGESTED[2]: None,
        SUGGESTED[3]: None})
    groups = by_text(project.adjudication_groups(art.id))
    assert set(groups) == {SUGGESTED[0], SUGGESTED[1], SUGGESTED[2], SUGGESTED[3]}
    # "that" and the full stop are boundary-neutral in the eval's matching: the same span
    assert groups[SUGGESTED[0]].agreed and list(groups[SUGGESTED[0]].versions) == ["ana", "ben"]
    assert groups[SUGGESTED[1]].differences == {"stance"}
    assert groups[SUGGESTED[2]].differences == {"missing"} and groups[SUGGESTED[2]].versions["ben"] is None
    assert groups[SUGGESTED[3]].agreed and groups[SUGGESTED[3]].rejected
    found = project.disagreements(art.id)
    assert [d.versions["ana"].content.text for d in found] == [SUGGESTED[1], SUGGESTED[2]]  # text order
    assert project.open_disagreement_counts() == {art.id: 2} == project.open_disagreement_counts([art.id, 99])
    project.adjudicate(art.id, take=found[0].versions["ben"].id, replaces=found[0].open_ids, annotator="lead")
    assert project.open_disagreement_counts() == {art.id: 1} == {art.id: len(project.disagreements(
        art.id, open_only=True))}


def test_three_annotators_span_speaker_and_verdict(project, art):
    annotate(project, art, "ana", {SUGGESTED[0]: {"speaker": "Guido Crosetto", "verdict_rating": "True"},
                                   SUGGESTED[1]: {"speaker": "Giorgia Meloni"}})
    annotate(project, art, "ben", {SUGGESTED[0]: {"speaker": "Guido Crosetto", "verdict_rating": "False"},
                                   SUGGESTED[1]: {"speaker": "Meloni's office",
                                                  "content": span("Italy does not plan")}})
    annotate(project, art, "cy", {SUGGESTED[0]: {"speaker": "Guido Crosetto", "verdict_rating": "True"},
                                  SUGGESTED[1]: {"speaker": "Giorgia Meloni"}})
    groups = project.disagreements(art.id)
    assert [sorted(g.differences) for g in groups] == [["verdict"], ["span", "speaker"]]
    assert list(groups[0].versions) == ["ana", "ben", "cy"]
    assert all(v is not None for g in groups for v in g.versions.values())  # Jaccard 19/34 >= 0.5: one claim


def test_adjudication_settles_a_group_and_agreed_ones_in_one_go(project, art):
    annotate(project, art, "ana", {SUGGESTED[0]: {"stance": "favor"}, SUGGESTED[1]: {"stance": "against"},
                                   SUGGESTED[3]: None})
    annotate(project, art, "ben", {SUGGESTED[0]: {"stance": "favor"}, SUGGESTED[1]: {"stance": "neutral"},
                                   SUGGESTED[3]: None})
    changes = project.adjudicate_agreed(art.id, annotator="lead")
    assert changes.action_id is not None and project.undo_label("lead") == "Adjudicate agreed claims"
    finals = {c.content.text: c for c in project.claims()}
    assert finals[SUGGESTED[0]].status == "confirmed" and finals[SUGGESTED[0]].stance == "favor"
    assert finals[SUGGESTED[3]].status == "rejected"  # everyone rejected it: "no claim"
    assert finals[SUGGESTED[1]].status == "suggested"  # still in dispute
    assert not project.adjudicate_agreed(art.id, annotator="lead")  # nothing left that is agreed
    (open_one,) = project.disagreements(art.id, open_only=True)
    final, _ = project.adjudicate(art.id, take=open_one.versions["ben"].id, replaces=open_one.open_ids,
                                  annotator="lead")
    assert project.disagreements(art.id, open_only=True) == []
    (settled,) = project.disagreements(art.id)
    assert settled.is_settled and settled.settled == final and final.stance == "neutral"
    project.undo("lead")
    project.undo("lead")
    assert [c.status for c in project.claims()] == ["suggested"] * 4
    assert len(project.disagreements(art.id, open_only=True)) == 1


def test_an_annotator_without_a_layer_is_not_counted_and_finished_only_narrows(project, art):
    annotate(project, art, "ana", {SUGGESTED[0]: {}})
    assert [g.differences for g in project.adjudication_groups(art.id)] == [frozenset()]
    annotate(project, art, "ben", {})
    assert [g.differences for g in project.adjudication_groups(art.id)] == [{"missing"}]
    project.assign([art.id], ["ana", "ben"], by="lead")
    project.finish_assignment(art.id, "ana")
    assert [list(g.versions) for g in project.adjudication_groups(art.id, finished_only=True)] == [["ana"]]
    assert project.disagreements(art.id, finished_only=True) == []


def test_open_counts_in_bulk_equal_the_per_article_lists(project, art):
    other, _ = project.add_article(NewArticle(text=TEXT + " Again.", title="Again"))
    project.save_suggestions(other.id, [ClaimDraft(content=span(s)) for s in SUGGESTED])
    for a in (art, other):
        annotate(project, a, "ana", {SUGGESTED[0]: {"stance": "favor"}, SUGGESTED[1]: {}})
        annotate(project, a, "ben", {SUGGESTED[0]: {"stance": "against"}})
    annotate(project, other, "cy", {SUGGESTED[1]: {}})
    expected = {a.id: len(project.disagreements(a.id, open_only=True)) for a in (art, other)}
    assert expected == {art.id: 2, other.id: 2}
    assert project.open_disagreement_counts() == expected
    project.assign([other.id], ["ana", "cy"], by="lead")
    project.finish_assignment(other.id, "ana")
    project.finish_assignment(other.id, "cy")
    assert project.open_disagreement_counts(finished_only=True) == {other.id: 1} == {
        other.id: len(project.disagreements(other.id, open_only=True, finished_only=True))}
