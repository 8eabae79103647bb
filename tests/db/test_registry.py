"""Speaker registry, topics and stance changes on the seed articles, through the Project API."""

from __future__ import annotations

import datetime as dt

import pytest

from app.projects import SEED_TOPIC
from db import ClaimDraft, ClaimFilter, InvalidValueError, NewArticle, NotFoundError, Span, SpeakerRole
from tests.factcheck_seeds import (
    CROSETTO_QUOTE,
    CROSETTO_QUOTE_2,
    GOVERNMENT,
    OFFICE_QUOTE,
    confirm,
    seed_claims,
)


def topic_id(project) -> int:
    return project.find_topic(SEED_TOPIC).id


# ------------------------------------------------------------------ stance changes
def test_seed_government_change_from_favor_to_against_is_found(project):
    ids = seed_claims(project)
    changes = project.stance_changes(topic_id(project))
    assert len(changes) == 1
    change = changes[0]
    assert (change.basis, change.group, change.topic) == ("affiliation", GOVERNMENT, SEED_TOPIC)
    assert change.reversal
    before, after = change.before, change.after
    assert (before.claim_id, before.stance, before.date) == (ids["crosetto"], "favor", dt.date(2024, 12, 12))
    assert (after.claim_id, after.stance, after.date) == (ids["office"], "against", dt.date(2025, 3, 15))
    assert before.quote == CROSETTO_QUOTE and after.quote == OFFICE_QUOTE
    assert before.speaker == "Guido Crosetto" and after.speaker == "Giorgia Meloni's office"
    assert before.role == "Italian Defense Minister"
    assert "willing to join" in before.article_title and "does not plan" in after.article_title
    # the same finding without naming the topic
    assert project.stance_changes() == changes
    row = change.flat()  # one spreadsheet row
    assert (row["group"], row["before_stance"], row["after_stance"]) == (GOVERNMENT, "favor", "against")
    assert row["before_quote"] == CROSETTO_QUOTE and row["after_date"] == dt.date(2025, 3, 15)


def test_no_stance_change_when_the_stances_agree(project):
    seed_claims(project, office="favor")
    assert project.stance_changes(topic_id(project)) == []
    assert project.stance_changes() == []


def test_rejected_claims_do_not_make_a_stance_change(project):
    ids = seed_claims(project)
    project.reject_claim(ids["office"], annotator="tester")
    assert project.stance_changes() == []


def test_a_speaker_contradicting_themself_is_reported_once_by_speaker(project):
    ids = seed_claims(project)
    # Crosetto himself, in the March article's words: the change is his own, not only his government's
    later = confirm(project, "Italy does not have plans to participate", speaker="Guido Crosetto",
                    mention="Meloni's office", role=None, date=dt.date(2025, 3, 20), stance="against")
    changes = project.stance_changes()
    by_speaker = [c for c in changes if c.basis == "speaker"]
    assert [(c.group, c.before.claim_id, c.after.claim_id) for c in by_speaker] == [
        ("Guido Crosetto", ids["crosetto"], later)]
    pairs = [(c.before.claim_id, c.after.claim_id) for c in changes]
    assert len(pairs) == len(set(pairs))  # the speaker's change is not repeated under the affiliation
    assert [c.after.date for c in changes] == sorted(c.after.date for c in changes)


def test_claim_without_statement_date_is_placed_at_the_article_date(project):
    ids = seed_claims(project, extra=True)
    macron = next(p for p in project.stance_timeline(topic_id(project)) if p.claim_id == ids["macron"])
    assert macron.date_from_article and macron.date == project.article(
        project.claim(ids["macron"]).article_id).published


def test_timeline_lists_confirmed_claims_in_date_order(project):
    seed_claims(project, extra=True)
    points = project.stance_timeline(topic_id(project))
    assert [p.date for p in points] == sorted(p.date for p in points)
    assert {p.speaker for p in points} >= {"Guido Crosetto", "Giorgia Meloni", "Alexander Stubb"}
    with pytest.raises(NotFoundError):
        project.stance_timeline(9999)


# --------------------------------------------------------------- speaker registry
def test_merging_speakers_moves_claims_and_undo_restores_both(project):
    ids = seed_claims(project)
    crosetto = project.find_speaker("Guido Crosetto")
    project.add_speaker_role(crosetto.id, "Italian Defense Minister", dt.date(2022, 10, 22), annotator="tester")
    short_id = confirm(project, CROSETTO_QUOTE_2, speaker="Crosetto", mention="Crosetto", role=None,
                       date=dt.date(2024, 12, 12), stance="favor")
    short = project.find_speaker("Crosetto")
    project.add_speaker_role(short.id, "Member of Parliament", dt.date(2018, 3, 23), annotator="tester")

    changes = project.merge_speakers(crosetto.id, short.id, annotator="tester")

    assert changes.claims == {short_id} and {crosetto.id, short.id} <= changes.speakers
    assert project.claim(short_id).speaker_id == crosetto.id
    merged = project.speaker(crosetto.id)
    assert "Crosetto" in merged.aliases and merged.claim_count == 2  # his own and the moved one
    assert {r.role for r in merged.roles} == {"Italian Defense Minister", "Member of Parliament"}
    assert project.find_speaker("Crosetto").id == crosetto.id  # the old name now finds him by alias
    with pytest.raises(NotFoundError):
        project.speaker(short.id)
    kinds = [(e.kind, e.field, e.new) for e in project.claim_history(short_id)]
    assert ("update", "speaker_id", crosetto.id) in kinds
    assert project.undo_label("tester") == "Merge speakers"

    project.undo("tester")
    assert project.claim(short_id).speaker_id == short.id
    assert project.claim(ids["crosetto"]).speaker_id == crosetto.id
    restored = project.speaker(short.id)
    assert restored.name == "Crosetto" and [r.role for r in restored.roles] == ["Member of Parliament"]
    assert project.speaker(crosetto.id).aliases == ()
    assert [r.role for r in project.speaker(crosetto.id).roles] == ["Italian Defense Minister"]

    project.redo("tester")
    assert project.claim(short_id).speaker_id == crosetto.id


def test_merging_a_speaker_into_itself_is_refused(project):
    sp, _ = project.add_speaker("Guido Crosetto")
    with pytest.raises(InvalidValueError, match="itself"):
        project.merge_speakers(sp.id, sp.id)


def test_split_alias_makes_a_speaker_again_and_takes_its_mentions(project):
    ids = seed_claims(project, extra=True)
    office = project.find_speaker("Giorgia Meloni's office")
    meloni = project.find_speaker("Giorgia Meloni")
    project.merge_speakers(meloni.id, office.id, annotator="tester")
    assert project.claim(ids["office"]).speaker_id == meloni.id

    split, changes = project.split_alias(meloni.id, "giorgia meloni's office", annotator="tester")

    assert split.name == "Giorgia Meloni's office" and split.id != office.id
    assert project.claim(ids["office"]).speaker_id == split.id  # its mention was that name
    assert project.claim(ids["office_2"]).speaker_id == meloni.id  # mentioned as "Meloni's office": stays
    assert "Giorgia Meloni's office" not in project.speaker(meloni.id).aliases
    with pytest.raises(InvalidValueError, match="not an alias"):
        project.split_alias(meloni.id, "Crosetto")
    project.undo("tester")
    assert project.find_speaker("Giorgia Meloni's office").id == meloni.id


def test_role_is_suggested_from_the_statement_date(project):
    meloni, _ = project.add_speaker("Giorgia Meloni", roles=[
        SpeakerRole("Minister of Youth", dt.date(2008, 5, 8), dt.date(2011, 11, 16)),
        SpeakerRole("Member of the Chamber of Deputies", dt.date(2006, 4, 28)),
        SpeakerRole("Italian Prime Minister", dt.date(2022, 10, 22)),
    ])
    assert project.suggest_role(meloni.id, dt.date(2010, 1, 1)) == "Minister of Youth"
    assert project.suggest_role(meloni.id, dt.date(2015, 6, 1)) == "Member of the Chamber of Deputies"
    assert project.suggest_role(meloni.id, dt.date(2025, 3, 15)) == "Italian Prime Minister"
    assert project.suggest_role(meloni.id, None) == "Italian Prime Minister"
    assert project.suggest_role(meloni.id, dt.date(2000, 1, 1)) is None
    with pytest.raises(NotFoundError):
        project.suggest_role(9999, None)


def test_without_registry_roles_the_role_comes_from_confirmed_claims_near_the_date(project):
    seed_claims(project, extra=True)
    meloni = project.find_speaker("Giorgia Meloni")  # no registry roles; Mar 6 2025 claim says Prime Minister
    assert project.speaker(meloni.id).roles == ()
    assert project.suggest_role(meloni.id, dt.date(2025, 6, 1)) == "Italian Prime Minister"
    assert project.suggest_role(meloni.id, dt.date(2020, 1, 1)) is None  # too far from any evidence
    project.add_speaker_role(meloni.id, "Leader of Brothers of Italy", dt.date(2014, 3, 8))
    assert project.suggest_role(meloni.id, dt.date(2025, 6, 1)) == "Leader of Brothers of Italy"  # registry first


def test_surname_and_full_name_across_articles_are_proposed_for_merging(project):
    seed_claims(project, extra=True)
    # article 1 calls him "Crosetto" in a later quote; article 2 has "Meloni's office" beside the full name
    confirm(project, CROSETTO_QUOTE_2, speaker="Crosetto", mention="Crosetto", role=None,
            date=dt.date(2024, 12, 12), stance="favor")
    confirm(project, "Italy will continue to work with European and Western allies", speaker="Meloni's office",
            mention="Meloni's office", role=None, date=dt.date(2025, 3, 15), stance=None)
    project.add_speaker("G. Meloni")
    project.add_speaker("Meloni")

    pairs = {(p.keep, p.other): p for p in project.speaker_merge_proposals()}

    assert ("Guido Crosetto", "Crosetto") in pairs
    assert ("Giorgia Meloni's office", "Meloni's office") in pairs
    assert ("Giorgia Meloni", "Meloni") in pairs and ("Giorgia Meloni", "G. Meloni") in pairs
    assert "part of" in pairs[("Guido Crosetto", "Crosetto")].reason
    assert pairs[("Guido Crosetto", "Crosetto")].keep_claims == 2
    # a person and her office are not one speaker; different people are not proposed
    assert ("Giorgia Meloni's office", "Giorgia Meloni") not in pairs
    assert ("Giorgia Meloni", "Giorgia Meloni's office") not in pairs
    assert not any("Stubb" in k or "Stubb" in o for k, o in pairs)

    proposal = pairs[("Giorgia Meloni", "Meloni")]
    project.dismiss_merge_proposal(proposal.other_id, proposal.keep_id)
    assert ("Giorgia Meloni", "Meloni") not in {(p.keep, p.other) for p in project.speaker_merge_proposals()}


# ------------------------------------------------------------------------ topics
def test_renaming_a_topic_to_an_existing_name_is_refused(project):
    seed_claims(project)
    other, _ = project.add_topic("Ceasefire")
    with pytest.raises(InvalidValueError, match="merge them instead"):
        project.rename_topic(other.id, SEED_TOPIC.upper())
    project.rename_topic(other.id, "Ceasefire in Ukraine", annotator="tester")
    assert project.topic(other.id).name == "Ceasefire in Ukraine"


def test_merging_topics_moves_claims_and_keywords_and_can_be_undone(project):
    ids = seed_claims(project)
    troops, _ = project.add_topic("European troops in Ukraine", keywords=["troops", "boots on the ground"])
    project.update_claim(ids["office"], topic_id=troops.id, annotator="tester")
    assert project.stance_changes() == []  # the two claims are on different topics now

    project.merge_topics(topic_id(project), troops.id, annotator="tester")

    assert project.claim(ids["office"]).topic == SEED_TOPIC
    assert "boots on the ground" in project.find_topic(SEED_TOPIC).keywords
    assert project.find_topic("European troops in Ukraine") is None
    assert len(project.stance_changes()) == 1
    project.undo("tester")
    assert project.claim(ids["office"]).topic == "European troops in Ukraine"
    assert project.count_claims(ClaimFilter(topic_id=troops.id)) == 1


def test_a_claim_stored_without_a_role_gets_the_role_held_on_its_date(project):
    meloni, _ = project.add_speaker("Giorgia Meloni", roles=[
        SpeakerRole("Minister of Youth", dt.date(2008, 5, 8), dt.date(2011, 11, 16)),
        SpeakerRole("Italian Prime Minister", dt.date(2022, 10, 22)),
    ])
    text = "Meloni said the plan was sound. Earlier, Meloni said youth jobs came first."
    art, _ = project.add_article(NewArticle(text=text, published=dt.date(2025, 3, 16)))
    first, second = text.index("the plan was sound"), text.index("youth jobs came first")
    project.save_suggestions(art.id, [
        ClaimDraft(content=Span(first, first + 18, ""), speaker="Giorgia Meloni"),  # dated by the article
        ClaimDraft(content=Span(second, second + 21, ""), speaker="Giorgia Meloni", date=dt.date(2010, 2, 1)),
        ClaimDraft(content=Span(0, 6, ""), speaker="Giorgia Meloni", role="Party leader"),  # the text's role wins
    ])
    roles = {c.content.text: c.role for c in project.claims()}
    assert roles == {"the plan was sound": "Italian Prime Minister", "youth jobs came first": "Minister of Youth",
                     "Meloni": "Party leader"}


def _lane_project(project, stances):
    """One speaker's confirmed claims on the seed topic: (article text tag, date, stance) each."""
    from app.projects import seed_project

    seed_project(project)
    ids = []
    for i, (tag, date, stance) in enumerate(stances):
        text = f"Article {tag}: the minister spoke."
        found = next((a for a in project.articles() if (a.title or "").endswith(tag)), None)
        if found is None:
            article, _ = project.add_article(NewArticle(text=text, title=f"Article {tag}", published=date))
            article_id = article.id
        else:
            article_id = found.id
        claim, _ = project.add_claim(article_id, ClaimDraft(
            content=Span(0, 10, text[:10]), speaker="Guido Crosetto", date=date, stance=stance,
            topic=SEED_TOPIC, status="confirmed", origin="manual"))
        ids.append(claim.id)
    return ids


def test_reversals_across_dates_come_first_and_neutral_shifts_after_marked_softer(project):
    d1, d2, d3 = dt.date(2024, 12, 12), dt.date(2025, 1, 10), dt.date(2025, 3, 15)
    ids = _lane_project(project, [("A", d1, "favor"), ("B", d2, "neutral"), ("C", d3, "against")])
    changes = project.stance_changes()
    assert [(c.before.claim_id, c.after.claim_id, c.strength) for c in changes] == [
        (ids[0], ids[2], "reversal"),  # favour in December, against in March, across the neutral January
        (ids[0], ids[1], "softer")]  # (neutral -> against in March is the reversal's, not listed twice)


def test_two_claims_of_one_article_on_one_day_make_no_change_unless_asked(project):
    d1, d2 = dt.date(2025, 3, 15), dt.date(2025, 3, 20)
    ids = _lane_project(project, [("A", d1, "against"), ("A", d1, "neutral"), ("B", d2, "against")])
    assert [(c.before.claim_id, c.after.claim_id) for c in project.stance_changes()] == [(ids[1], ids[2])]
    asked = project.stance_changes(same_day=True)
    assert (ids[0], ids[1], "same article") in {(c.before.claim_id, c.after.claim_id, c.strength) for c in asked}
