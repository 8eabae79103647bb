"""``Project.load_bulk`` (the JSON import's storage) on SQLite and PostgreSQL: rows stored exactly as
SQLAlchemy's own insert stores them, full-text search finding what was loaded (the SQLite indexes are
filled in one statement at the load's end instead of by a trigger per row), and a failed load leaving
the project, its indexes and their triggers as they were."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import insert, text

from db import BulkArticle, BulkClaim, BulkSpeaker, BulkTopic, ClaimDraft, ClaimFilter, NewArticle, Span
from db import bulk as bulk_module
from db.errors import InvalidValueError

FLAG = "🇮🇹"


def _article(i: int, word: str, *, id: int | None = None) -> BulkArticle:
    """An article whose claim and text carry ``word`` (to search for), with emoji before the claim."""
    body = f"{FLAG} Minister {i} said: “The {word} plan {i} will hold,” she added on Monday. Others doubt it."
    start = body.index("The ")
    end = body.index(",”") + 1
    fragments = (Span(start, start + 8, body[start:start + 8]), Span(start + 9, end, body[start + 9:end]))
    return BulkArticle(id=id, article=NewArticle(body, title=f"Report {i}", published=dt.date(2024, 5, i % 28 + 1)),
                       imported_at=dt.datetime(2024, 6, 1, 12, 0, 0, 123456), done=bool(i % 2), claims=(
        BulkClaim(id=None, draft=ClaimDraft(
            Span(start, end, body[start:end]), kind="direct", cue=Span(body.index("added"), body.index("added") + 5, "added"),
            speaker=f"Minister {i}", role="Minister", date=dt.date(2024, 5, 6), date_text="on Monday",
            date_assumed=bool(i % 3), stance="favor", topic="Plans", confidence=0.25 * (i % 4), note=f"memo{i} {word}",
            verdict_rating="False" if i % 2 else None, verdict_date=dt.date(2024, 7, 1) if i % 2 else None,
            status="confirmed", origin="model", model_name="m", model_version="1",
            fragments=fragments if i % 2 else ()),
            annotator="ada", created_at=dt.datetime(2024, 6, 1, 9, 30, 15, 5), version=2 + i % 3),
        BulkClaim(id=None, draft=ClaimDraft(Span(body.index("Others"), len(body), body[body.index("Others"):])),
                  created_at=dt.datetime(2024, 6, 2)),
    ))


def _add(project, body: str, said: str) -> None:
    """An article titled Walrus with one claim, added the usual way (one at a time)."""
    art, _ = project.add_article(NewArticle(body, title="Walrus"))
    start = body.index(said)
    project.save_suggestions(art.id, [ClaimDraft(Span(start, start + len(said), said))])


def _words(project, word: str) -> tuple[set[int], set[str]]:
    """Claim ids and article titles that searching for ``word`` finds."""
    hits = project.search(word, limit=1000)
    return ({h.id for h in hits if h.kind == "claim"}, {h.snippet for h in hits if h.kind == "article"})


def test_search_finds_claims_and_articles_loaded_into_an_empty_project(project):
    project.load_bulk([_article(i, "zebra") for i in range(1, 31)],
                      speakers=[BulkSpeaker(5, "Minister 1")], topics=[BulkTopic(2, "Plans")])
    claims, titles = _words(project, "zebra")
    assert len(claims) == 30 and titles == {f"Report {i}" for i in range(1, 31)}
    assert len(project.claims(ClaimFilter(text="zebra"))) == 30
    assert {c.id for c in project.claims(ClaimFilter(text="doubt"))} - claims  # the second claim of each
    # What is added afterwards, one at a time, is found too (the triggers are back).
    _add(project, "Later someone said the walrus plan is fine.", "the walrus plan")
    assert len(_words(project, "walrus")[0]) == 1 and _words(project, "walrus")[1] == {"Walrus"}


def test_search_finds_what_is_loaded_into_a_project_that_has_claims(project):
    project.load_bulk([_article(i, "zebra") for i in range(1, 6)])
    project.load_bulk([_article(i, "okapi") for i in range(6, 12)] + [_article(1, "zebra")])  # one already here
    assert len(_words(project, "zebra")[0]) == 5 and len(_words(project, "okapi")[0]) == 6
    assert len(project.claims()) == 22
    # an edit of a loaded claim is indexed as before: the old words go, the new come
    okapi = min(_words(project, "okapi")[0])
    number = project.claim(okapi).note.split()[0]
    assert _words(project, number)[0] == {okapi}
    project.update_claim(okapi, note="gnu")
    assert okapi in _words(project, "gnu")[0] and not _words(project, number)[0]


def test_a_failed_load_leaves_the_project_its_index_and_its_triggers_as_they_were(project):
    project.load_bulk([_article(1, "zebra")])
    before = (project.claims(), project.articles(), _words(project, "zebra"))

    def articles():
        yield from (_article(i, "okapi") for i in range(2, 40))
        bad = _article(40, "okapi")
        yield BulkArticle(None, bad.article, claims=(BulkClaim(None, ClaimDraft(Span(0, 10 ** 6, "x"))),))

    with pytest.raises(InvalidValueError):
        project.load_bulk(articles())
    assert (project.claims(), project.articles(), _words(project, "zebra")) == before
    assert _words(project, "okapi") == (set(), set())
    _add(project, "Then the walrus spoke.", "the walrus")
    assert len(_words(project, "walrus")[0]) == 1
    if project._store.dialect == "sqlite":
        with project._store.reading() as s:
            for table in ("claims_fts", "articles_fts"):
                s.execute(text(f"INSERT INTO {table}({table}) VALUES ('integrity-check')"))
            triggers = s.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars().all()
        assert {"claims_fts_ai", "articles_fts_ai"} <= set(triggers)


# The columns compared: all but the load's own timestamps (the audit entries' time, when a speaker or
# topic was created) and the audit entries' own ids; JSON read as the text stored.
_COLUMNS = {
    "articles": "*",
    "claims": "*, CAST(fragments AS TEXT)",
    "speakers": "id, name, name_key, CAST(aliases AS TEXT), affiliation, version",
    "topics": "id, name, name_key, CAST(keywords AS TEXT), CAST(examples AS TEXT), version",
    "audit_log": "entity, entity_id, action_id, kind, field, CAST(old AS TEXT), CAST(new AS TEXT), annotator",
}


def _rows(project) -> dict[str, list[tuple]]:
    """The stored rows of the tables a load writes, as the database holds them (no type processing)."""
    with project._store.reading() as s:
        conn = s.connection()
        return {table: [tuple(r) for r in conn.exec_driver_sql(f"SELECT {columns} FROM {table} ORDER BY 1, 2")]
                for table, columns in _COLUMNS.items()}


def test_rows_are_stored_as_sqlalchemys_insert_stores_them(project, monkeypatch):
    """The driver-level insert converts values with the column types' own processors: same dates,
    timestamps, booleans, JSON (fragments, the audit entries) and floats as ``insert()`` gives."""
    load = [_article(i, "zebra") for i in range(1, 9)]
    project.load_bulk(load)
    fast = _rows(project)
    with project._store.writing() as s:
        for table in ("audit_log", "claims", "articles", "speakers", "topics"):
            s.execute(text(f"DELETE FROM {table}"))
        if project._store.dialect == "sqlite":  # so the same ids are handed out again
            s.execute(text("DELETE FROM sqlite_sequence"))
        else:
            for table in ("articles", "claims", "speakers", "topics", "audit_log"):
                s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 1, false)"))

    def core_insert(s, table, columns, rows):
        s.execute(insert(table), [dict(zip(columns, r, strict=True)) for r in rows])

    monkeypatch.setattr(bulk_module, "_insert_rows", core_insert)
    project.load_bulk(load)
    core = _rows(project)
    # the import entries of the history, as they were written before (json.dumps of the new values)
    claims = {r[0]: r for r in fast["claims"]}
    assert [(e, i, k, old) for e, i, _, k, _, old, _, _ in fast["audit_log"]] == [
        ("claim", i, "import", "null") for i in sorted(claims)]
    assert [json.loads(new) for *_, new, _ in fast["audit_log"]] == [
        {"status": "confirmed" if i % 2 else "suggested", "origin": "model", "version": project.claim(i).version}
        for i in sorted(claims)]
    assert all(new == json.dumps(json.loads(new)) for *_, new, _ in fast["audit_log"])
    assert len(fast["claims"]) == 16 and sum(r[-1] not in (None, "null") for r in fast["claims"]) == 4  # split quotes
    assert fast == core


def test_speakers_and_their_roles_are_loaded_once(project):
    """New speakers are inserted together; a role already known (from the project, or from the same
    speaker listed earlier in the load) is not added again; a new role of a known speaker is."""
    from db import SpeakerRole

    minister = SpeakerRole("Minister", dt.date(2022, 10, 22), None)
    envoy = SpeakerRole("Envoy", None, dt.date(2021, 1, 1))
    result = project.load_bulk([], speakers=[BulkSpeaker(7, "Ada Lovelace", aliases=("Ada",), roles=(minister,)),
                                             BulkSpeaker(8, "ada lovelace", roles=(minister, envoy)),
                                             BulkSpeaker(9, "Grace Hopper")])
    assert result.speakers_added == 2
    by_name = {s.name: s for s in project.speakers()}
    assert set(by_name) == {"Ada Lovelace", "Grace Hopper"} and by_name["Ada Lovelace"].aliases == ("Ada",)
    assert sorted(by_name["Ada Lovelace"].roles, key=lambda r: r.role) == [envoy, minister]
    assert by_name["Grace Hopper"].roles == ()
    again = project.load_bulk([], speakers=[BulkSpeaker(3, "Ada Lovelace", roles=(minister,)),
                                            BulkSpeaker(4, "Grace Hopper", roles=(envoy,))])
    assert again.speakers_added == 0
    by_name = {s.name: s for s in project.speakers()}
    assert len(by_name["Ada Lovelace"].roles) == 2 and by_name["Grace Hopper"].roles == (envoy,)
