"""A split quote is one claim with several content fragments: stored, edited, undone, upgraded to."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from db import BulkArticle, BulkClaim, ClaimDraft, ClaimFilter, InvalidValueError, NewArticle, Project, Span
from db.schema import head_revision

V2 = Path(__file__).parent / "data" / "v2.quotedesk"

# An emoji (two UTF-16 units, one code point) before the quote keeps offsets honest.
TEXT = ("Rome 🇮🇹 — “Italy is ready to help,” Defence Minister Guido Crosetto said on Thursday, "
        "“but only under a UN mandate.” The office of Giorgia Meloni disagreed.")
FIRST = "Italy is ready to help,"
SECOND = "but only under a UN mandate."


def span(needle: str, text: str = TEXT) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def whole(*pieces: Span, text: str = TEXT) -> Span:
    return Span(pieces[0].start, pieces[-1].end, text[pieces[0].start:pieces[-1].end])


@pytest.fixture
def article(project):
    art, _ = project.add_article(NewArticle(text=TEXT, title="Crosetto on a mandate"))
    return art


def split_claim(**kw) -> ClaimDraft:
    a, b = span(FIRST), span(SECOND)
    return ClaimDraft(content=whole(a, b), fragments=(a, b), kind="direct", speaker="Guido Crosetto",
                    cue=span("said"), **kw)


def test_split_quote_is_stored_as_one_claim_with_its_fragments(project, article):
    claim, _ = project.add_claim(article.id, split_claim(), annotator="ana")
    assert [(f.start, f.end, f.text) for f in claim.fragments] == [
        (span(FIRST).start, span(FIRST).end, FIRST), (span(SECOND).start, span(SECOND).end, SECOND)]
    assert claim.content.start == span(FIRST).start and claim.content.end == span(SECOND).end
    assert "Crosetto said" in claim.content.text  # the whole runs across the attribution
    # every read path gives the same record
    assert project.claims() == [claim]
    assert list(project.stream_claims()) == [claim]
    assert project.claims(ClaimFilter(text="mandate"))[0].fragments == claim.fragments


def test_a_claim_in_one_piece_has_one_fragment_its_content(project, article):
    claim, _ = project.add_claim(article.id, ClaimDraft(content=span(FIRST)))
    assert claim.fragments == (claim.content,)
    assert list(project.stream_claims())[0].fragments == (claim.content,)
    # given as a single fragment it is the same thing
    other, _ = project.add_claim(article.id, ClaimDraft(content=span(SECOND), fragments=(span(SECOND),)))
    assert other.fragments == (other.content,)


def test_suggestions_keep_their_fragments(project, article):
    project.save_suggestions(article.id, [split_claim(model_name="m", model_version="1")])
    (claim,) = project.claims()
    assert [f.text for f in claim.fragments] == [FIRST, SECOND]
    assert claim.status == "suggested"
    history = project.claim_history(claim.id)
    assert history[0].kind == "create" and history[0].new["fragments"][1]["text"] == SECOND


@pytest.mark.parametrize("pieces, message", [
    ((span(SECOND), span(FIRST)), "out of order"),
    ((span(FIRST), Span(span(FIRST).end - 3, span(FIRST).end + 5, "")), "overlap"),
    ((span(FIRST), Span(len(TEXT) - 2, len(TEXT) + 4, "")), "outside the article text"),
    ((span(FIRST), Span(40, 40, "")), "is empty"),
])
def test_bad_fragments_are_refused_with_a_clear_message(project, article, pieces, message):
    with pytest.raises(InvalidValueError, match=message):
        project.add_claim(article.id, ClaimDraft(content=Span(0, 1, ""), fragments=pieces))
    assert project.claims() == []


def test_content_must_span_its_fragments(project, article):
    a, b = span(FIRST), span(SECOND)
    with pytest.raises(InvalidValueError, match="first fragment's start to its last fragment's end"):
        project.add_claim(article.id, ClaimDraft(content=a, fragments=(a, b)))


def test_adding_and_removing_a_fragment_is_undoable(project, article):
    first, _ = project.add_claim(article.id, ClaimDraft(content=span(FIRST)), annotator="ana")
    changes = project.add_fragment(first.id, span(SECOND), annotator="ana")
    assert changes.claims == {first.id}
    split = project.claim(first.id)
    assert [f.text for f in split.fragments] == [FIRST, SECOND]
    assert split.content == whole(span(FIRST), span(SECOND))
    assert project.undo_label("ana") == "Add fragment"

    project.remove_fragment(first.id, 0, annotator="ana")
    assert project.claim(first.id).fragments == (span(SECOND),)
    assert project.claim(first.id).content == span(SECOND)

    project.undo("ana")
    assert project.claim(first.id).fragments == split.fragments
    project.undo("ana")
    back = project.claim(first.id)
    assert back.fragments == (span(FIRST),) and back.content == span(FIRST)
    project.redo("ana")
    assert project.claim(first.id).fragments == split.fragments
    # the audit log has every step, with the fragments before and after
    fragment_entries = [e for e in project.claim_history(first.id) if e.field == "fragments"]
    assert fragment_entries[0].old is None and len(fragment_entries[0].new) == 2
    assert [e.kind for e in fragment_entries] == ["update", "update", "undo", "undo", "redo"]


def test_a_selection_touching_or_overlapping_a_fragment_extends_it(project, article):
    claim, _ = project.add_claim(article.id, ClaimDraft(content=span(FIRST)))
    project.add_fragment(claim.id, span(SECOND))
    extra = span("Defence Minister")
    project.add_fragment(claim.id, Span(span(SECOND).start - 1, span(SECOND).end, ""))  # overlaps: merges
    assert len(project.claim(claim.id).fragments) == 2
    project.add_fragment(claim.id, extra)
    assert [f.text for f in project.claim(claim.id).fragments] == [FIRST, "Defence Minister", "“" + SECOND]


def test_the_last_fragment_cannot_be_removed(project, article):
    claim, _ = project.add_claim(article.id, ClaimDraft(content=span(FIRST)))
    with pytest.raises(InvalidValueError, match="delete the claim instead"):
        project.remove_fragment(claim.id, 0)


def test_moving_the_whole_span_of_a_split_claim_clips_its_fragments(project, article):
    claim, _ = project.add_claim(article.id, split_claim())
    a, b = span(FIRST), span(SECOND)
    shorter = Span(a.start + 6, b.end - 1, TEXT[a.start + 6:b.end - 1])  # "is ready to help," … "UN mandate"
    project.update_claim(claim.id, content=shorter)
    got = project.claim(claim.id)
    assert [f.text for f in got.fragments] == [FIRST[6:], SECOND[:-1]]
    assert got.content == shorter
    project.update_claim(claim.id, content=a)  # only the first piece left: one piece again
    assert project.claim(claim.id).fragments == (a,)


def test_bulk_load_keeps_fragments_and_refuses_bad_ones(project):
    a, b = span(FIRST), span(SECOND)
    good = BulkArticle(id=7, article=NewArticle(TEXT), claims=(
        BulkClaim(id=3, draft=ClaimDraft(content=whole(a, b), fragments=(a, b))),))
    result = project.load_bulk([good])
    assert result.claims_added == 1
    assert [f.text for f in project.claims()[0].fragments] == [FIRST, SECOND]
    bad = BulkArticle(id=8, article=NewArticle(TEXT + " More."), claims=(
        BulkClaim(id=4, draft=ClaimDraft(content=whole(a, b), fragments=(b, a))),))
    with pytest.raises(InvalidValueError, match="claim 4 of article 8.*out of order"):
        project.load_bulk([bad])
    assert len(project.claims()) == 1  # nothing of the refused load was kept


def test_a_0002_project_is_upgraded_and_its_long_quote_can_then_be_split(tmp_path):
    path = tmp_path / "old.quotedesk"
    shutil.copy(V2, path)
    with Project.open(path) as p:
        assert p.info().schema_version == head_revision()
        (claim,) = p.claims()
        assert claim.status == "confirmed" and claim.stance == "favor"
        assert claim.fragments == (claim.content,)  # everything stored before is in one piece
        assert p.undo_label("ana") == "Accept claim"
        text = p.article(claim.article_id).text
        a, b = span(FIRST, text), span(SECOND, text)
        p.update_claim(claim.id, annotator="ana", fragments=(a, b))
        assert [f.text for f in p.claim(claim.id).fragments] == [FIRST, SECOND]
        p.undo("ana")
        assert p.claim(claim.id).fragments == (claim.content,)
    backups = list(tmp_path.glob("old.backup-0002-*.quotedesk"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0002"
    assert "fragments" not in {r[1] for r in con.execute("PRAGMA table_info(claims)")}
    con.close()


def test_deleting_a_split_claim_and_undoing_brings_its_fragments_back(project, article):
    claim, _ = project.add_claim(article.id, split_claim(), annotator="ana")
    project.delete_claim(claim.id, annotator="ana")
    assert project.claims() == []
    project.undo("ana")
    assert project.claim(claim.id).fragments == claim.fragments


def test_the_timeline_quotes_a_split_claim_without_its_attribution(project, article):
    claim, _ = project.add_claim(article.id, split_claim(status="confirmed", stance="favor", topic="Troops",
                                                         date=dt.date(2025, 3, 6)))
    (point,) = project.stance_timeline()
    assert point.quote == f"{FIRST} … {SECOND}"


def test_a_postgresql_project_at_0002_is_upgraded_in_place():
    """The same upgrade on a server database: a claim stored at 0002 reads back in one piece, then splits."""
    from sqlalchemy import text

    from db import schema
    from tests.db.conftest import PG_URL, _reset_postgres

    if not PG_URL:
        pytest.skip("set QUOTEDESK_TEST_PG_URL to run the storage tests on PostgreSQL")
    _reset_postgres(PG_URL)
    engine = schema.create_project_engine(PG_URL)
    schema.upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO articles (id, title, raw_text, text, content_hash, imported_at, done) "
            "VALUES (1, 'Old', :t, :t, 'x', now(), false)"), {"t": TEXT})
        a, b = span(FIRST), span(SECOND)
        conn.execute(text(
            "INSERT INTO claims (id, article_id, start, \"end\", content_text, kind, date_assumed, status, origin, "
            "created_at, updated_at, version) VALUES (1, 1, :s, :e, :c, 'direct', false, 'confirmed', 'manual', "
            "now(), now(), 1)"), {"s": a.start, "e": b.end, "c": TEXT[a.start:b.end]})
    engine.dispose()
    with Project.open(PG_URL) as p:
        assert p.info().schema_version == head_revision()
        (claim,) = p.claims()
        assert claim.fragments == (claim.content,)
        p.update_claim(claim.id, fragments=(a, b))
        assert [f.text for f in p.claim(claim.id).fragments] == [FIRST, SECOND]


def test_streamed_rows_of_some_fields_equal_those_fields_of_whole_rows(project, article):
    split, _ = project.add_claim(article.id, split_claim(date=dt.date(2024, 12, 12)), annotator="ana")
    single, _ = project.add_claim(article.id, ClaimDraft(content=span("The office of Giorgia Meloni disagreed.")))
    whole_rows = {v.id: v for v in project.stream_claim_values()}
    fields = ("fragments", "id", "date", "updated_at", "content_text")
    rows = {v.id: v for v in project.stream_claim_values(fields=fields)}
    assert rows.keys() == {split.id, single.id}
    for claim_id, row in rows.items():
        assert row._fields == fields
        assert tuple(row) == tuple(getattr(whole_rows[claim_id], name) for name in fields)
    assert [(d["start"], d["end"], d["text"]) for d in rows[split.id].fragments] == [
        (f.start, f.end, f.text) for f in split.fragments]
    assert rows[single.id].fragments is None and rows[split.id].date == "2024-12-12"
    with pytest.raises(InvalidValueError, match="not speaker_name"):
        list(project.stream_claim_values(fields=("id", "speaker_name")))
