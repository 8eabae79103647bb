"""The Project facade: every verb, the audit log, undo/redo and its persistence."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from db import (
    ClaimFilter,
    ConflictError,
    DuplicateArticleError,
    InvalidValueError,
    NewArticle,
    ClaimDraft,
    NotFoundError,
    NothingToUndoError,
    Project,
    Span,
    SpeakerRole,
)

TEXT = ("Italy is willing to help, Defense Minister Guido Crosetto said on Dec. 12. 🇮🇹 "
        "“We are ready,” Crosetto added. The office of Giorgia Meloni disagreed.")


def span_of(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


@pytest.fixture
def article(project):
    art, _ = project.add_article(NewArticle(text=TEXT, title="Italy and peacekeeping", publisher="Kyiv Independent",
                                            published=dt.date(2024, 12, 13), published_source="metadata"))
    return art


def suggestion(text, needle, **kw):
    defaults = dict(kind="indirect", speaker="Guido Crosetto", model_name="en_core_web_sm", model_version="3.8.0",
                    confidence=0.9)
    defaults.update(kw)
    return ClaimDraft(content=span_of(text, needle), **defaults)


def test_add_article_returns_record_and_refuses_duplicate_text(project, article):
    assert article.id > 0 and article.title == "Italy and peacekeeping"
    assert project.article(article.id).text == TEXT
    # same text, different whitespace and case: still a duplicate, nothing stored twice
    with pytest.raises(DuplicateArticleError) as err:
        project.add_article(NewArticle(text="  " + TEXT.upper().replace(" ", "  ") + "\n"))
    assert "already in the project" in str(err.value)
    assert len(project.articles()) == 1


def test_empty_article_is_refused(project):
    with pytest.raises(InvalidValueError):
        project.add_article(NewArticle(text="  \n "))
    assert project.articles() == []


def test_records_are_frozen_and_detached(project, article):
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.title = "x"  # type: ignore[misc]


def test_save_suggestions_stores_spans_as_code_points_and_is_idempotent(project, article):
    s = suggestion(TEXT, "“We are ready,”", kind="direct")
    changes = project.save_suggestions(article.id, [s])
    assert changes.claims and changes.articles == {article.id}
    claim = project.claims()[0]
    # the flag emoji before the quote is 2 code points; offsets are Python str indices
    assert TEXT[claim.content.start:claim.content.end] == "“We are ready,”"
    assert claim.speaker == "Guido Crosetto" and claim.status == "suggested" and claim.origin == "model"
    project.save_suggestions(article.id, [s])
    assert project.count_claims() == 1
    assert project.article(article.id).suggested_at is not None
    assert project.article_ids(lacking_suggestions=True) == []


def test_redo_suggestions_never_touches_decided_claims(project, article):
    project.save_suggestions(article.id, [suggestion(TEXT, "Italy is willing to help"),
                                          suggestion(TEXT, "We are ready", kind="direct")])
    first, second = project.claims()
    project.confirm_claim(first.id, annotator="ana", stance="favor")
    project.save_suggestions(article.id, [suggestion(TEXT, "Italy is willing to help"),
                                          suggestion(TEXT, "Italy is willing"),  # overlaps a confirmed claim
                                          suggestion(TEXT, "We are ready,", kind="direct")], redo=True)
    claims = project.claims()
    assert [c.id for c in claims if c.status == "confirmed"] == [first.id]
    assert project.claim(first.id).stance == "favor"
    assert second.id not in {c.id for c in claims}  # old pending suggestion replaced
    assert sorted(c.content.text for c in claims) == ["Italy is willing to help", "We are ready,"]


def test_suggestion_outside_text_is_refused_and_nothing_is_stored(project, article):
    bad = ClaimDraft(content=Span(5, len(TEXT) + 10, "x"))
    with pytest.raises(InvalidValueError, match="outside the article text"):
        project.save_suggestions(article.id, [suggestion(TEXT, "We are ready"), bad])
    assert project.count_claims() == 0
    assert project.article(article.id).suggested_at is None


def test_confirm_edit_reject_and_filters(project, article):
    project.save_suggestions(article.id, [suggestion(TEXT, "Italy is willing to help"),
                                          suggestion(TEXT, "We are ready", kind="direct")])
    a, b = project.claims()
    project.confirm_claim(a.id, annotator="ana", stance="favor", topic="Peacekeeping", date=dt.date(2024, 12, 12),
                          date_text="on Dec. 12", role="Defense Minister")
    project.reject_claim(b.id, annotator="ana")
    got = project.claim(a.id)
    assert (got.status, got.stance, got.topic, got.date, got.role, got.annotator) == (
        "confirmed", "favor", "Peacekeeping", dt.date(2024, 12, 12), "Defense Minister", "ana")
    assert got.version > a.version
    assert [c.id for c in project.claims(ClaimFilter(statuses=("confirmed",)))] == [a.id]
    assert [c.id for c in project.claims(ClaimFilter(stance="favor"))] == [a.id]
    assert [c.id for c in project.claims(ClaimFilter(topic_id=got.topic_id))] == [a.id]
    assert [c.id for c in project.claims(ClaimFilter(date_from=dt.date(2024, 12, 1), date_to=dt.date(2024, 12, 31)))] == [a.id]
    assert [c.id for c in project.claims(ClaimFilter(speaker_id=got.speaker_id))] == [a.id, b.id]
    summary = project.articles()[0]
    assert (summary.suggested, summary.confirmed, summary.rejected) == (0, 1, 1)
    assert project.annotators() == ["ana"]


def test_the_softwares_own_acts_are_audited_but_it_is_never_listed_as_an_annotator(project, article):
    """Inferred roles are recorded under the software's name; the annotator list (the name prompt, the
    Assign dialog) holds people only, also in a project that stored that name before."""
    from sqlalchemy import text

    from kernel.vocab import SYSTEM_ACTOR

    speaker, _ = project.add_speaker("Guido Crosetto")
    project.add_speaker_role(speaker.id, "Defense Minister", annotator=SYSTEM_ACTOR)
    project.add_annotator("ana")
    assert project.annotators() == ["ana"]
    assert project.history(SYSTEM_ACTOR), "the inferred role is still in the history, under the software's name"
    with project._store.engine.begin() as conn:  # as an older version stored it
        conn.execute(text("INSERT INTO annotators (name, created_at) VALUES (:n, CURRENT_TIMESTAMP)"),
                     {"n": SYSTEM_ACTOR})
    assert project.annotators() == ["ana"]


def test_invalid_values_get_clear_messages(project, article):
    project.save_suggestions(article.id, [suggestion(TEXT, "We are ready")])
    claim = project.claims()[0]
    with pytest.raises(InvalidValueError, match="Stance must be one of"):
        project.update_claim(claim.id, stance="maybe")
    with pytest.raises(InvalidValueError, match="Unknown claim field"):
        project.update_claim(claim.id, colour="red")
    with pytest.raises(NotFoundError, match="no claim 999"):
        project.update_claim(999, stance="favor")
    assert project.claim(claim.id).version == claim.version


def test_stale_version_is_a_conflict(project, article):
    project.save_suggestions(article.id, [suggestion(TEXT, "We are ready")])
    claim = project.claims()[0]
    project.update_claim(claim.id, note="first", expected_version=claim.version)
    with pytest.raises(ConflictError, match="since you loaded it"):
        project.update_claim(claim.id, note="second", expected_version=claim.version)
    assert project.claim(claim.id).note == "first"


def test_manual_claim_and_span_edit(project, article):
    claim, changes = project.add_claim(article.id, ClaimDraft(
        content=span_of(TEXT, "The office of Giorgia Meloni disagreed"), status="confirmed", origin="manual",
        speaker="Giorgia Meloni"), annotator="ana")
    assert claim.origin == "manual" and claim.status == "confirmed" and claim.annotator == "ana"
    assert changes.claims == {claim.id} and changes.speakers
    project.update_claim(claim.id, content=span_of(TEXT, "Giorgia Meloni disagreed"), annotator="ana")
    assert project.claim(claim.id).content.text == "Giorgia Meloni disagreed"


def test_audit_log_keeps_the_model_suggestion_and_every_change(project, article):
    project.save_suggestions(article.id, [suggestion(TEXT, "We are ready", speaker="Crosetto")])
    claim = project.claims()[0]
    project.update_claim(claim.id, speaker="Guido Crosetto", annotator="ana")
    project.confirm_claim(claim.id, annotator="ana")
    history = project.claim_history(claim.id)
    assert history[0].kind == "create" and history[0].new["content_text"] == "We are ready"
    assert history[0].new["model_name"] == "en_core_web_sm"
    fields = [(h.field, h.old, h.new, h.annotator) for h in history[1:]]
    assert ("status", "suggested", "confirmed", "ana") in fields
    assert any(f == "speaker_id" for f, *_ in fields)


def test_undo_redo_of_accept_and_stance(project, article):
    project.save_suggestions(article.id, [suggestion(TEXT, "We are ready")])
    claim = project.claims()[0]
    project.confirm_claim(claim.id, annotator="ana")
    project.update_claim(claim.id, stance="against", annotator="ana", label="Set stance")
    assert project.undo_label("ana") == "Set stance"
    project.undo("ana")
    assert project.claim(claim.id).stance is None and project.claim(claim.id).status == "confirmed"
    project.undo("ana")
    assert project.claim(claim.id).status == "suggested"
    with pytest.raises(NothingToUndoError):
        project.undo("ana")
    project.redo("ana")
    assert project.claim(claim.id).status == "confirmed"
    assert project.redo_label("ana") == "Set stance"
    # a new action drops what could have been redone
    project.update_claim(claim.id, note="checked", annotator="ana")
    with pytest.raises(NothingToUndoError):
        project.redo("ana")
    kinds = [h.kind for h in project.claim_history(claim.id)]
    assert "undo" in kinds and "redo" in kinds


def test_undo_is_per_annotator(project, article):
    project.save_suggestions(article.id, [suggestion(TEXT, "We are ready")])
    claim = project.claims()[0]
    project.update_claim(claim.id, note="by ana", annotator="ana")
    project.update_claim(claim.id, stance="favor", annotator="ben")
    project.undo("ana")
    got = project.claim(claim.id)
    assert got.note is None and got.stance == "favor"


def test_undo_of_manual_claim_removes_it_and_redo_restores_same_id(project, article):
    claim, _ = project.add_claim(article.id, ClaimDraft(content=span_of(TEXT, "We are ready"), status="confirmed",
                                                      origin="manual"), annotator="ana")
    project.undo("ana")
    with pytest.raises(NotFoundError):
        project.claim(claim.id)
    project.redo("ana")
    assert project.claim(claim.id).content.text == "We are ready"


def test_undo_survives_reopening(project_path):
    with Project.open(project_path) as p:
        art, _ = p.add_article(NewArticle(text=TEXT))
        p.save_suggestions(art.id, [suggestion(TEXT, "We are ready")])
        cid = p.claims()[0].id
        for i in range(105):
            p.update_claim(cid, note=f"note {i}", annotator="ana")
    with Project.open(project_path) as p:
        assert len(p.history("ana")) == 100
        for _ in range(100):
            p.undo("ana")
        assert p.claim(cid).note == "note 4"
        p.redo("ana")
        assert p.claim(cid).note == "note 5"


def test_speakers_topics_and_config(project, article):
    sp, _ = project.add_speaker("Giorgia Meloni", aliases=["Meloni", "Meloni"], affiliation="Government of Italy",
                                roles=[SpeakerRole("Prime Minister of Italy", dt.date(2022, 10, 22))])
    assert sp.aliases == ("Meloni",) and sp.roles[0].start == dt.date(2022, 10, 22)
    assert project.find_speaker("meloni").id == sp.id
    with pytest.raises(InvalidValueError, match="already a speaker"):
        project.add_speaker("giorgia meloni")
    # a suggestion naming an alias resolves to the registry speaker
    project.save_suggestions(article.id, [suggestion(TEXT, "We are ready", speaker="Meloni")])
    assert project.claims()[0].speaker_id == sp.id
    project.update_speaker(sp.id, affiliation="Italian government")
    project.add_speaker_role(sp.id, "Leader of Brothers of Italy", dt.date(2014, 3, 8))
    got = project.speaker(sp.id)
    assert got.affiliation == "Italian government" and len(got.roles) == 2 and got.claim_count == 1
    topic, _ = project.add_topic("Peacekeepers", keywords=["peacekeeping", " troops "])
    assert topic.keywords == ("peacekeeping", "troops")
    project.update_topic(topic.id, name="Peacekeepers in Ukraine")
    assert project.find_topic("peacekeepers in ukraine").id == topic.id
    project.set_config("annotator", {"name": "ana"})
    assert project.get_config("annotator") == {"name": "ana"}
    assert project.get_config("missing", 7) == 7


def test_full_text_search_covers_claims_speakers_and_articles(project, article):
    project.save_suggestions(article.id, [suggestion(TEXT, "Italy is willing to help")])
    kinds = {(h.kind, h.id) for h in project.search("willing")}
    assert ("claim", project.claims()[0].id) in kinds and ("article", article.id) in kinds
    assert any(h.kind == "speaker" for h in project.search("Crosetto"))
    assert project.claims(ClaimFilter(text="crosetto"))  # by speaker name
    assert project.claims(ClaimFilter(text="will")) != []  # prefix match on the last word
    assert project.claims(ClaimFilter(text="nonexistentword")) == []
    assert project.search('"; DROP TABLE claims; --') == []
    assert [a.id for a in project.articles("peacekeeping")] == [article.id]


def test_delete_article_removes_its_claims_but_keeps_history(project, article):
    project.save_suggestions(article.id, [suggestion(TEXT, "We are ready")])
    cid = project.claims()[0].id
    project.delete_article(article.id)
    assert project.count_claims() == 0 and project.articles() == []
    assert project.claim_history(cid)[-1].kind == "delete"


def test_update_article_sets_publication_date_by_user(project, article):
    project.update_article(article.id, published=dt.date(2024, 12, 12), annotator="ana")
    got = project.article(article.id)
    assert got.published == dt.date(2024, 12, 12) and got.published_source == "user"
    project.undo("ana")
    assert project.article(article.id).published == dt.date(2024, 12, 13)


def test_stream_claims_pages_through_everything_in_order(project, article):
    words = [m for m in TEXT.split(" ") if len(m) > 2]
    sugg = []
    pos = 0
    for w in words:
        start = TEXT.index(w, pos)
        pos = start + len(w)
        sugg.append(ClaimDraft(content=Span(start, pos, w)))
    project.save_suggestions(article.id, sugg)
    got = list(project.stream_claims(batch=3))
    assert [c.content.start for c in got] == sorted(c.content.start for c in got)
    assert len(got) == project.count_claims() == len(sugg)


def test_warming_the_suggestion_store_reads_and_changes_nothing(project):
    """A helper process warms its statements before its first store; a missing article is no error there."""
    article, _ = project.add_article(NewArticle(text="Ana Ruiz said the plan would pass. 🙂"))
    before = (project.count_claims(), project.info())
    project.warm_saving(article.id)
    project.warm_saving(article.id + 1000)  # gone (or never there): the store itself will say so
    assert (project.count_claims(), project.info()) == before
