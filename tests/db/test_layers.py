"""Blind double annotation: each annotator's private layer of an article, kept out of every final reader."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from db import (
    ANY_LAYER,
    ClaimDraft,
    ClaimFilter,
    ConflictError,
    NewArticle,
    NotYourLayerError,
    Project,
    Span,
)
from db.schema import head_revision
from tests.db.conftest import PG_URL, _reset_postgres

V5 = Path(__file__).parent / "data" / "v5.quotedesk"
TEXT = ("Rome 🇮🇹 — Defence Minister Guido Crosetto said Italy is ready to send peacekeepers. "
        "Prime Minister Giorgia Meloni said Italy does not plan to send troops. "
        "Opposition leader Elly Schlein said the government was divided.")


def span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), needle)


@pytest.fixture
def article(project):
    art, _ = project.add_article(NewArticle(text=TEXT, title="Troops", published=dt.date(2025, 3, 7)))
    project.save_suggestions(art.id, [
        ClaimDraft(content=span("Italy is ready to send peacekeepers"), speaker="Guido Crosetto", confidence=0.9),
        ClaimDraft(content=span("Italy does not plan to send troops"), speaker="Giorgia Meloni", confidence=0.8),
    ])
    return art


def test_opening_a_layer_copies_the_pending_suggestions_once(project, article):
    finals = project.claims()
    changes = project.open_layer(article.id, "ana")
    ana = project.layer_claims(article.id, "ana")
    assert [c.content for c in ana] == [c.content for c in finals]
    assert all(c.layer == "ana" and c.status == "suggested" and c.speaker is not None for c in ana)
    assert changes.claims == {c.id for c in ana} and changes.articles == {article.id}
    assert project.open_layer(article.id, "ana") == project.open_layer(article.id, "ana")  # nothing more
    assert not project.open_layer(article.id, "ana")
    assert len(project.layer_claims(article.id, "ana")) == 2
    assert project.claims() == finals  # the final layer is untouched and reads as before


def test_final_readers_never_see_layer_claims(project, article):
    project.add_topic("Troops")
    project.open_layer(article.id, "ana")
    first = project.layer_claims(article.id, "ana")[0]
    project.confirm_claim(first.id, annotator="ana", stance="favor", topic="Troops")
    project.add_claim(article.id, ClaimDraft(content=span("the government was divided"), status="confirmed",
                                             origin="manual", speaker="Elly Schlein"), annotator="ana", layer="ana")
    final_ids = {c.id for c in project.claims()}
    layer_ids = {c.id for c in project.layer_claims(article.id, "ana")}
    assert len(final_ids) == 2 and len(layer_ids) == 3 and not final_ids & layer_ids
    assert set(project.claim_ids()) == final_ids
    assert project.count_claims() == 2
    assert project.claims(ClaimFilter(ids=tuple(layer_ids))) == []  # the layer narrows ids too
    assert {c.id for c in project.claims(ClaimFilter(layer="ana"))} == layer_ids
    assert {c.id for c in project.claims(ClaimFilter(layer=ANY_LAYER))} == final_ids | layer_ids
    assert {c.id for c in project.stream_claims()} == final_ids
    assert {v.id for v in project.stream_claim_values()} == final_ids
    for f in (ClaimFilter(layer="ana"), ClaimFilter(layer=ANY_LAYER), ClaimFilter(ids=tuple(layer_ids), layer="ana")):
        assert list(project.stream_claims(f)) == project.claims(f)  # the window's quick read of layer rows
    assert project.stance_timeline() == [] and project.stance_changes() == []
    assert [h for h in project.search("divided") if h.kind == "claim"] == []
    assert project.claims(ClaimFilter(text="divided")) == []
    summary = project.articles()[0]
    assert (summary.suggested, summary.confirmed) == (2, 0)
    info = project.info()
    assert info.claims == 2 and info.layer_claims == 3
    assert project.find_topic("Troops") is not None and project.topics()[0].claim_count == 0


def test_the_filter_refuses_a_layer_it_does_not_understand(project, article):
    from db import InvalidValueError

    with pytest.raises(InvalidValueError, match="FINAL, ANY_LAYER or an annotator"):
        project.claims(ClaimFilter(layer=3))


def test_another_annotators_layer_cannot_be_written(project, article):
    project.open_layer(article.id, "ana")
    claim = project.layer_claims(article.id, "ana")[0]
    for write in (lambda: project.confirm_claim(claim.id, annotator="ben"),
                  lambda: project.reject_claim(claim.id, annotator="ben"),
                  lambda: project.update_claim(claim.id, annotator="ben", note="peek"),
                  lambda: project.add_fragment(claim.id, span("Rome"), annotator="ben"),
                  lambda: project.delete_claim(claim.id, annotator="ben"),
                  lambda: project.confirm_claim(claim.id)):
        with pytest.raises(NotYourLayerError, match=f"Claim {claim.id} is in ana's own layer.*Nothing was changed"):
            write()
    with pytest.raises(NotYourLayerError, match=r"\(blind annotation\): ben cannot change it\. Nothing"):
        project.reject_claim(claim.id, annotator="ben")
    with pytest.raises(NotYourLayerError, match=r"\(blind annotation\): only they can change it\. Nothing"):
        project.reject_claim(claim.id)
    with pytest.raises(NotYourLayerError, match="only by ana"):
        project.add_claim(article.id, ClaimDraft(content=span("Rome")), annotator="ben", layer="ana")
    assert project.claim(claim.id) == claim
    project.confirm_claim(claim.id, annotator="ana", stance="against")  # its annotator may
    assert project.claim(claim.id).status == "confirmed"


def test_layer_edits_are_undone_by_their_annotator(project, article):
    project.open_layer(article.id, "ana")
    claim = project.layer_claims(article.id, "ana")[0]
    project.confirm_claim(claim.id, annotator="ana", stance="favor")
    assert project.undo_label("ana") == "Accept claim"
    project.undo("ana")
    assert project.claim(claim.id).status == "suggested"
    project.redo("ana")
    assert project.claim(claim.id).stance == "favor"
    kinds = [e.kind for e in project.claim_history(claim.id)]
    assert kinds[0] == "create" and "undo" in kinds and "redo" in kinds


def test_suggesting_again_leaves_layers_alone(project, article):
    project.open_layer(article.id, "ana")
    mine = project.layer_claims(article.id, "ana")
    project.reject_claim(mine[0].id, annotator="ana")
    project.save_suggestions(article.id, [ClaimDraft(content=span("Italy is ready to send peacekeepers"))],
                             redo=True)
    assert project.layer_claims(article.id, "ana") == [project.claim(c.id) for c in mine]
    assert [c.content for c in project.claims()] == [span("Italy is ready to send peacekeepers")]


def test_blind_mode_is_a_setting_undone_like_an_edit(project):
    assert project.blind is False
    changes = project.set_blind(True, annotator="lead")
    assert project.blind is True and changes.settings == {"blind"} and changes.action_id is not None
    assert project.undo_label("lead") == "Blind annotation on"
    again = Project.open(project.url)
    try:
        assert again.blind is True
    finally:
        again.close()
    project.set_blind(False, annotator="lead")
    assert project.blind is False
    project.undo("lead")
    assert project.blind is True
    project.undo("lead")
    assert project.blind is False


def test_the_change_feed_tells_other_windows_about_layers_and_settings(project, article):
    other = Project.open(project.url)
    try:
        feed = other.change_feed()
        project.open_layer(article.id, "ana")
        seen = feed.poll()
        assert seen.articles == {article.id}
        assert seen.claims == {c.id for c in project.layer_claims(article.id, "ana")}
        project.set_blind(True, annotator="lead")
        assert feed.poll().settings == {"blind"}
        project.undo("lead")
        assert feed.poll().settings == {"blind"}
    finally:
        other.close()


def _open_in_process(url: str, article_id: int, annotator: str, start, out) -> None:
    project = Project.open(url)
    try:
        start.wait(30)
        out.put(sorted(project.open_layer(article_id, annotator).claims))
    except Exception as exc:  # reported to the test, which fails with it
        out.put(repr(exc))
    finally:
        project.close()


def test_two_processes_opening_one_layer_copy_the_suggestions_once(project, article):
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    workers = [ctx.Process(target=_open_in_process, args=(project.url, article.id, "ana", start, out))
               for _ in range(2)]
    for w in workers:
        w.start()
    start.set()
    results = [out.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(60)
    assert all(isinstance(r, list) for r in results), results
    assert sorted(len(r) for r in results) == [0, 2]  # one made the layer, the other found it made
    assert len(project.layer_claims(article.id, "ana")) == 2


def test_a_0005_project_is_upgraded_with_its_claims_final(tmp_path):
    path = tmp_path / "team.quotedesk"
    shutil.copy(V5, path)
    with Project.open(path) as p:
        assert p.info().schema_version == head_revision() == "0006"
        claims = p.claims()
        assert len(claims) == 5 and all(c.layer is None and c.settled_by is None for c in claims)
        crosetto = claims[0]
        assert crosetto.status == "confirmed" and crosetto.stance == "favor" and len(crosetto.fragments) == 2
        assert p.undo_label("ben") == "New claim" and p.undo_label("ana") == "Reject claim"
        assert p.blind is False and p.progress().per_annotator == ()
        art = next(a.id for a in p.articles() if a.title == "Scholz on Ukraine")
        p.open_layer(art, "ana")
        assert len(p.layer_claims(art, "ana")) == 1  # the one pending suggestion of that article
        p.undo("ben")  # history from before the upgrade still undoes
        assert len(p.claims()) == 4
    backups = list(tmp_path.glob("team.backup-0005-*.quotedesk"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0005"
    assert "layer" not in {r[1] for r in con.execute("PRAGMA table_info(claims)")}
    con.close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'mandate'").fetchone()[0] == 1
    con.close()


def test_a_postgresql_project_at_0005_is_upgraded_in_place():
    from db import schema

    if not PG_URL:
        pytest.skip("set QUOTEDESK_TEST_PG_URL to run the storage tests on PostgreSQL")
    _reset_postgres(PG_URL)
    engine = schema.create_project_engine(PG_URL)
    schema.upgrade(engine, "0005")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO articles (id, title, raw_text, text, content_hash, imported_at, done, version) "
            "VALUES (1, 'Old', :t, :t, 'x', now(), false, 1)"), {"t": TEXT})
        for ident, needle, status in ((1, "Italy is ready to send peacekeepers", "confirmed"),
                                      (2, "Italy does not plan to send troops", "suggested")):
            s = span(needle)
            conn.execute(text(
                "INSERT INTO claims (id, article_id, start, \"end\", content_text, kind, date_assumed, status, "
                "origin, created_at, updated_at, version) VALUES (:i, 1, :s, :e, :c, 'indirect', false, :st, "
                "'model', now(), now(), 1)"), {"i": ident, "s": s.start, "e": s.end, "c": s.text, "st": status})
        conn.execute(text("SELECT setval(pg_get_serial_sequence('claims', 'id'), 3, false)"))
    engine.dispose()
    with Project.open(PG_URL) as p:
        assert p.info().schema_version == head_revision()
        assert [(c.id, c.layer) for c in p.claims()] == [(1, None), (2, None)]
        assert len(p.open_layer(1, "ana").claims) == 1
        (mine,) = p.layer_claims(1, "ana")
        assert mine.content == span("Italy does not plan to send troops") and mine.id > 2
        assert len(p.claims()) == 2


def test_a_stale_write_to_a_layer_claim_is_a_conflict(project, article):
    """Versioned writes work in layers as in the final one: ana's two windows on her layer."""
    project.open_layer(article.id, "ana")
    claim = project.layer_claims(article.id, "ana")[0]
    other = Project.open(project.url)
    try:
        other.confirm_claim(claim.id, annotator="ana", expected_version=claim.version)
        with pytest.raises(ConflictError, match=f"Claim {claim.id} was changed by ana"):
            project.reject_claim(claim.id, annotator="ana", expected_version=claim.version)
        assert project.claim(claim.id).status == "confirmed"
    finally:
        other.close()


def test_suggestions_stored_after_a_layer_was_opened_reach_it_when_opened_again(project):
    art, _ = project.add_article(NewArticle(text=TEXT, title="Late"))
    assert project.open_layer(art.id, "ana").claims == frozenset()  # opened before any suggestion: empty
    assert project.has_layer(art.id, "ana") and project.layer_claims(art.id, "ana") == []
    project.save_suggestions(art.id, [ClaimDraft(content=span("Italy is ready to send peacekeepers")),
                                      ClaimDraft(content=span("Italy does not plan to send troops"))])
    changes = project.open_layer(art.id, "ana")
    mine = project.layer_claims(art.id, "ana")
    assert [c.content.text for c in mine] == ["Italy is ready to send peacekeepers",
                                              "Italy does not plan to send troops"]
    assert changes.claims == {c.id for c in mine}
    project.reject_claim(mine[0].id, annotator="ana")
    # a later run that proposes an overlapping span again does not bring it back to her layer
    project.save_suggestions(art.id, [ClaimDraft(content=span("ready to send peacekeepers")),
                                      ClaimDraft(content=span("the government was divided"))], redo=True)
    project.open_layer(art.id, "ana")
    assert [c.content.text for c in project.layer_claims(art.id, "ana")] == [
        "Italy is ready to send peacekeepers", "Italy does not plan to send troops", "the government was divided"]
    assert not project.open_layer(art.id, "ana")
