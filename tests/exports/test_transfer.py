"""db's bulk verbs that exports stand on: streaming reads equal the ordinary reads; bulk loads keep ids."""

from __future__ import annotations

import datetime as dt

from db import CLAIM_VALUE_FIELDS, BulkArticle, BulkClaim, BulkSpeaker, ClaimDraft, ClaimFilter, NewArticle, Project, Span


def test_stream_claims_gives_the_same_records_as_claims(filled):
    project = filled.project
    assert list(project.stream_claims()) == project.claims()
    f = ClaimFilter(statuses=("confirmed",), text="willing")
    assert list(project.stream_claims(f)) == project.claims(f)


def test_stream_claim_values_are_plain_iso_values(filled):
    project = filled.project
    values = {v[0]: dict(zip(CLAIM_VALUE_FIELDS, v)) for v in project.stream_claim_values()}
    claim = project.claim(filled.crosetto)
    row = values[filled.crosetto]
    assert row["date"] == "2024-12-12" and row["article_published"] == "2024-12-13"
    assert row["created_at"] == claim.created_at.isoformat(timespec="microseconds")
    assert (row["content_text"], row["speaker"]) == (claim.content.text, "Guido Crosetto")
    assert row["version"] == claim.version


def test_iter_articles_reads_whole_articles_in_batches(filled):
    project = filled.project
    assert list(project.iter_articles(batch=1)) == [project.article(filled.a1), project.article(filled.a2)]
    assert [a.id for a in project.iter_articles([filled.a2, 999], batch=1)] == [filled.a2]
    both = [project.article(filled.a1), project.article(filled.a2)]
    assert list(project.iter_articles([filled.a2, filled.a1, filled.a2], batch=1)) == both
    assert list(project.iter_articles([filled.a2, filled.a1], batch=5)) == both and list(project.iter_articles([])) == []


def test_load_bulk_keeps_ids_never_used_and_picks_new_ones_otherwise(project):
    text = "Rossi said the plan works. Bianchi said it does not."
    first = BulkArticle(id=7, article=NewArticle(text, title="One"), claims=(
        BulkClaim(id=40, draft=ClaimDraft(Span(11, 26, "the plan works"), status="confirmed"), speaker_id=3,
                  created_at=dt.datetime(2024, 1, 2, 3, 4, 5), version=4),
        BulkClaim(id=None, draft=ClaimDraft(Span(39, 52, "it does not."), speaker="Bianchi")),
    ))
    result = project.load_bulk([first], speakers=[BulkSpeaker(3, "Mario Rossi", aliases=("Rossi",))])
    assert (result.articles_added, result.claims_added, result.speakers_added) == (1, 2, 1)
    kept = project.claim(40)
    assert (kept.article_id, kept.speaker, kept.version, kept.created_at) == (
        7, "Mario Rossi", 4, dt.datetime(2024, 1, 2, 3, 4, 5))
    assert kept.content.text == text[11:26]
    other = next(c for c in project.claims() if c.id != 40)
    assert other.id == 1 and other.speaker == "Bianchi"
    clash = BulkArticle(id=7, article=NewArticle("A different article, said someone."), claims=(
        BulkClaim(40, ClaimDraft(Span(0, 20, "A different article,"))),))
    project.load_bulk([clash])
    ids = {c.article_id: c.id for c in project.claims(ClaimFilter(text="different"))}
    assert 7 not in ids and 40 not in ids.values()  # both ids were taken: new ones were chosen
    project.delete_claim(40)
    project.load_bulk([BulkArticle(id=None, article=NewArticle("Yet another text, said a third."), claims=(
        BulkClaim(40, ClaimDraft(Span(0, 17, "Yet another text,"))),))])
    assert 40 not in {c.id for c in project.claims()}  # a deleted claim's id is not handed out again


def test_claim_versions_for_conflict_checks(filled):
    project = filled.project
    project.update_claim(filled.schlein, note="x")
    versions = project.claim_versions([filled.schlein, filled.banner, 12345])
    assert versions == {filled.schlein: project.claim(filled.schlein).version, filled.banner: 1}


def test_load_bulk_into_a_reopened_project_continues_after_the_highest_id(tmp_path):
    path = tmp_path / "p.quotedesk"
    with Project.open(path) as p:
        p.load_bulk([BulkArticle(None, NewArticle("One said two."), claims=(
            BulkClaim(None, ClaimDraft(Span(0, 3, "One"))),))])
    with Project.open(path) as p:
        p.load_bulk([BulkArticle(None, NewArticle("Three said four."), claims=(
            BulkClaim(None, ClaimDraft(Span(0, 5, "Three"))),))])
        assert sorted(c.id for c in p.claims()) == [1, 2]
        assert [a.id for a in p.articles()] != [] and p.info().articles == 2
