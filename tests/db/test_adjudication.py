"""Adjudication: annotators' layer claims become final claims, undoably, with every version kept."""

from __future__ import annotations

import datetime as dt

import pytest

from db import ClaimDraft, ConflictError, InvalidValueError, NewArticle, Project, Settlement, Span

TEXT = ("Rome 🇮🇹 — “Italy is ready to help,” Defence Minister Guido Crosetto said, “but only under a UN "
        "mandate.” Prime Minister Giorgia Meloni said Italy does not plan to send troops. "
        "Opposition leader Elly Schlein said the government was divided.")


def span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), needle)


def whole(a: Span, b: Span) -> Span:
    return Span(a.start, b.end, TEXT[a.start:b.end])


@pytest.fixture
def two(project):
    """ana and ben have annotated one article blind: they agree on Meloni, differ on Crosetto."""
    project.add_topic("Troops")
    art, _ = project.add_article(NewArticle(text=TEXT, title="Troops", published=dt.date(2025, 3, 7)))
    a, b = span("Italy is ready to help,"), span("but only under a UN mandate.")
    project.save_suggestions(art.id, [
        ClaimDraft(content=whole(a, b), fragments=(a, b), kind="direct", speaker="Guido Crosetto",
                   mention=span("Guido Crosetto"), cue=span("said")),
        ClaimDraft(content=span("Italy does not plan to send troops"), speaker="Giorgia Meloni"),
    ])
    for who, stance in (("ana", "favor"), ("ben", "neutral")):
        project.open_layer(art.id, who)
        crosetto, meloni = project.layer_claims(art.id, who)
        project.confirm_claim(crosetto.id, annotator=who, stance=stance, topic="Troops", verdict_rating="Half true")
        project.confirm_claim(meloni.id, annotator=who, stance="against", topic="Troops")
    ana = project.layer_claims(art.id, "ana")
    ben = project.layer_claims(art.id, "ben")
    return art, ana, ben


def test_taking_a_version_makes_a_final_claim_with_every_field(project, two):
    art, ana, ben = two
    final, changes = project.adjudicate(art.id, take=ana[0].id, replaces=[ben[0].id], annotator="lead")
    taken = ana[0]
    assert final.layer is None and final.status == "confirmed" and final.annotator == "lead"
    for field in ("content", "fragments", "kind", "cue", "speaker_id", "mention", "role", "date", "stance",
                  "topic_id", "verdict_rating", "origin"):
        assert getattr(final, field) == getattr(taken, field), field
    assert len(final.fragments) == 2
    assert project.claim(ana[0].id).settled_by == final.id == project.claim(ben[0].id).settled_by
    assert project.claim(ben[0].id).stance == "neutral"  # ben's version stays his
    finals = project.claims()
    assert [c.id for c in finals if c.status == "confirmed"] == [final.id]
    assert len(finals) == 2  # the pending Crosetto suggestion it replaces is gone; Meloni's is pending
    assert final.id in changes.claims and art.id in changes.articles and changes.action_id is not None
    assert project.stance_timeline()[0].claim_id == final.id  # finals feed the fact-check views


def test_adjudication_is_one_undoable_action(project, two):
    art, ana, ben = two
    before = project.claims()
    final, _ = project.adjudicate(art.id, take=ana[0].id, replaces=[ben[0].id], annotator="lead")
    assert project.undo_label("lead") == "Adjudicate claim"
    project.undo("lead")
    assert project.claims() == before
    assert project.claim(ana[0].id).settled_by is None and project.claim(ben[0].id).settled_by is None
    project.redo("lead")
    assert project.claim(final.id).status == "confirmed"
    assert project.claim(ben[0].id).settled_by == final.id
    kinds = [(e.kind, e.field) for e in project.claim_history(ben[0].id)]
    assert ("update", "settled_by") in kinds and ("undo", "settled_by") in kinds


def test_an_edited_draft_becomes_the_final(project, two):
    art, ana, ben = two
    draft = ClaimDraft(content=span("Italy is ready to help"), speaker="Guido Crosetto", stance="neutral",
                       topic="Troops", origin="manual")
    final, _ = project.adjudicate(art.id, draft=draft, replaces=[ana[0].id, ben[0].id], annotator="lead")
    assert final.status == "confirmed" and final.content.text == "Italy is ready to help"
    assert final.stance == "neutral" and final.layer is None
    assert project.undo_label("lead") == "Adjudicate edited claim"


def test_rejecting_all_settles_as_no_claim(project, two):
    art, ana, ben = two
    changes = project.reject_all(art.id, [ana[1].id, ben[1].id], annotator="lead")
    (final,) = [c for c in project.claims() if c.status == "rejected"]
    assert final.content == ana[1].content and final.id in changes.claims
    assert project.claim(ana[1].id).settled_by == final.id
    assert [c.status for c in project.claims()] == ["suggested", "rejected"]
    project.undo("lead")
    assert [c.status for c in project.claims()] == ["suggested", "suggested"]


def test_several_decisions_are_one_action(project, two):
    art, ana, ben = two
    finals, _ = project.settle(art.id, [Settlement(take=ana[0].id, replaces=(ben[0].id,)),
                                        Settlement(take=ben[1].id, replaces=(ana[1].id,))], annotator="lead")
    assert [c.status for c in finals] == ["confirmed", "confirmed"]
    assert [c.status for c in project.claims()] == ["confirmed", "confirmed"]
    project.undo("lead")
    assert all(c.settled_by is None for c in project.layer_claims(art.id, "ana"))


def test_adjudication_refuses_what_it_cannot_settle(project, two):
    art, ana, ben = two
    final_suggestion = project.claims()[0]
    with pytest.raises(InvalidValueError, match=f"Claim {final_suggestion.id} is a final claim"):
        project.adjudicate(art.id, take=final_suggestion.id, annotator="lead")
    with pytest.raises(InvalidValueError, match="exactly one"):
        project.settle(art.id, [Settlement(take=ana[0].id, reject=True)], annotator="lead")
    with pytest.raises(InvalidValueError, match="exactly one"):
        project.settle(art.id, [Settlement(replaces=(ana[0].id,))], annotator="lead")
    other, _ = project.add_article(NewArticle(text="Another text entirely.", title="Other"))
    with pytest.raises(InvalidValueError, match=f"not an annotator's claim of article {other.id}"):
        project.adjudicate(other.id, take=ana[0].id, annotator="lead")
    project.adjudicate(art.id, take=ana[0].id, replaces=[ben[0].id], annotator="lead")
    with pytest.raises(InvalidValueError, match=f"ben's claim {ben[0].id} was already settled by lead"):
        project.adjudicate(art.id, take=ben[0].id, annotator="lead")
    assert len([c for c in project.claims() if c.status == "confirmed"]) == 1  # nothing half-done


def test_two_adjudicators_on_one_claim_one_wins(project, two):
    art, ana, ben = two
    other = Project.open(project.url)
    try:
        project.adjudicate(art.id, take=ana[0].id, replaces=[ben[0].id], annotator="lead")
        with pytest.raises((InvalidValueError, ConflictError)):
            other.adjudicate(art.id, take=ben[0].id, replaces=[ana[0].id], annotator="second")
    finally:
        other.close()
    assert len([c for c in project.claims() if c.status == "confirmed"]) == 1


def test_deleting_a_final_claim_reopens_what_it_settled(project, two):
    art, ana, ben = two
    final, _ = project.adjudicate(art.id, take=ana[0].id, replaces=[ben[0].id], annotator="lead")
    project.delete_claim(final.id, annotator="lead")
    assert project.claim(ana[0].id).settled_by is None
    project.undo("lead")
    assert project.claim(ana[0].id).settled_by == final.id == project.claim(ben[0].id).settled_by


def test_layers_and_stream_layer_values(project, two):
    art, ana, ben = two
    project.reject_claim(ben[1].id, annotator="ben")
    layers = project.layers(art.id)
    assert list(layers) == ["ana", "ben"]
    assert [c.id for c in layers["ana"]] == [c.id for c in ana]
    assert [c.id for c in layers["ben"]] == [ben[0].id]  # rejected claims are not decided claims
    assert project.annotated_articles() == [art.id]
    empty, _ = project.add_article(NewArticle(text="Nothing said here.", title="Empty"))
    project.open_layer(empty.id, "cy")
    assert project.layer_annotators_by_article() == {art.id: ("ana", "ben"), empty.id: ("cy",)}
    assert project.layer_annotators_by_article([empty.id, 999]) == {empty.id: ("cy",)}
    assert project.layers(art.id, finished_only=True) == {}
    project.assign([art.id], ["ana"], by="lead")
    project.finish_assignment(art.id, "ana")
    assert list(project.layers(art.id, finished_only=True)) == ["ana"]
    rows = list(project.stream_layer_values())
    assert [(r.layer, r.claim_id) for r in rows] == [("ana", c.id) for c in ana] + [("ben", c.id) for c in ben]
    first = rows[0]
    assert first.fragments == tuple((f.start, f.end) for f in ana[0].fragments) and len(first.fragments) == 2
    assert (first.speaker, first.stance, first.verdict_rating, first.status) == (
        "Guido Crosetto", "favor", "Half true", "confirmed")
    assert rows[-1].status == "rejected" and rows[-1].fragments == ((ben[1].content.start, ben[1].content.end),)
    assert list(project.stream_layer_values([999])) == []
