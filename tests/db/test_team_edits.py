"""Several annotators on one project: conditional writes, conflicts that name who, undo that refuses."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import event

from db import ClaimDraft, ConflictError, NewArticle, Project, Span
from db.errors import UndoConflictError
from db.models import ClaimRow

TEXT = "Italy is willing to help, Defense Minister Guido Crosetto said. “We are ready,” Crosetto added. 🇮🇹"


def span_of(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), needle)


@pytest.fixture
def claim(project):
    art, _ = project.add_article(NewArticle(text=TEXT, title="Italy", published=dt.date(2024, 12, 13)))
    project.save_suggestions(art.id, [ClaimDraft(content=span_of("We are ready"), speaker="Guido Crosetto")])
    return project.claims()[0]


@pytest.fixture
def other(project):
    """A second connection to the same project: another annotator's window."""
    p = Project.open(project.url)
    yield p
    p.close()


def test_every_claim_write_is_conditional_on_the_version_in_sql(project, claim):
    seen: list[str] = []

    def record(conn, cursor, statement, *args):
        seen.append(" ".join(statement.split()))

    event.listen(project._store.engine, "before_cursor_execute", record)
    try:
        project.update_claim(claim.id, note="checked", annotator="ana", expected_version=claim.version)
    finally:
        event.remove(project._store.engine, "before_cursor_execute", record)
    updates = [s for s in seen if s.startswith("UPDATE claims")]
    assert updates and all("WHERE claims.id = " in s and "AND claims.version = " in s for s in updates)


def test_two_stale_writers_one_succeeds_one_conflict(project, other, claim):
    project.update_claim(claim.id, note="ana's note", annotator="ana", expected_version=claim.version)
    with pytest.raises(ConflictError) as err:
        other.update_claim(claim.id, note="ben's note", annotator="ben", expected_version=claim.version)
    assert project.claim(claim.id).note == "ana's note"
    assert project.claim(claim.id).version == claim.version + 1
    conflict = err.value
    assert (conflict.entity, conflict.entity_id, conflict.who, conflict.fields) == ("claim", claim.id, "ana", ("note",))
    assert conflict.theirs == {"note": "ana's note"} and conflict.mine == {"note": "ben's note"}
    assert "changed by ana at" in str(conflict) and "(note)" in str(conflict)


def test_racing_writers_in_threads_exactly_one_wins_each_round(project, other, claim):
    for round_ in range(8):
        version = project.claim(claim.id).version
        start = threading.Barrier(2)
        results: dict[str, str] = {}

        def write(p: Project, name: str) -> None:
            start.wait()
            try:
                p.update_claim(claim.id, note=f"{name} {round_}", annotator=name, expected_version=version)
                results[name] = "ok"
            except ConflictError:
                results[name] = "conflict"

        threads = [threading.Thread(target=write, args=a) for a in ((project, "ana"), (other, "ben"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(results.values()) == ["conflict", "ok"]
        winner = next(n for n, r in results.items() if r == "ok")
        got = project.claim(claim.id)
        assert (got.note, got.version) == (f"{winner} {round_}", version + 1)


def test_write_racing_inside_the_transaction_is_refused_by_the_sql_condition(project, other, claim):
    """The version check in Python passed, then someone committed: the UPDATE … AND version = ? matches nothing."""
    if project.path is not None:
        pytest.skip("SQLite serialises writers with BEGIN IMMEDIATE: a second writer cannot commit meanwhile")
    with pytest.raises(ConflictError) as err:
        with project._store.action("Edit claim", "ana") as rec:
            row = rec.session.get(ClaimRow, claim.id)
            rec.expect(row, claim.version, {"note": "ana"})
            other.update_claim(claim.id, note="ben", annotator="ben", expected_version=claim.version)
            rec.set(row, "note", "ana")
    assert err.value.who == "ben" and err.value.theirs == {"note": "ben"}
    assert project.claim(claim.id).note == "ben"
    assert project.undo_label("ana") is None  # nothing half-recorded


def test_stale_accept_never_overwrites_a_reject(project, other, claim):
    other.reject_claim(claim.id, annotator="ben", expected_version=claim.version)
    with pytest.raises(ConflictError, match="ben"):
        project.confirm_claim(claim.id, annotator="ana", expected_version=claim.version)
    assert project.claim(claim.id).status == "rejected"
    with pytest.raises(ConflictError):
        project.delete_claim(claim.id, annotator="ana", expected_version=claim.version)


def test_speakers_topics_and_articles_refuse_stale_writes(project, other, claim):
    speaker = project.speaker(claim.speaker_id)
    other.update_speaker(speaker.id, annotator="ben", expected_version=speaker.version, affiliation="Italy")
    with pytest.raises(ConflictError, match="Speaker .* changed by ben"):
        project.update_speaker(speaker.id, annotator="ana", expected_version=speaker.version, affiliation="FdI")
    assert project.speaker(speaker.id).affiliation == "Italy"

    topic, _ = project.add_topic("Peacekeeping", annotator="ana")
    other.update_topic(topic.id, annotator="ben", expected_version=topic.version, keywords=["troops"])
    with pytest.raises(ConflictError) as err:
        project.update_topic(topic.id, annotator="ana", expected_version=topic.version, keywords=["soldiers"])
    assert err.value.theirs == {"keywords": ["troops"]}

    article = project.article(claim.article_id)
    other.update_article(article.id, annotator="ben", expected_version=article.version, done=True)
    with pytest.raises(ConflictError):
        project.update_article(article.id, annotator="ana", expected_version=article.version, title="Mine")
    assert project.article(article.id).title == "Italy"


def test_undo_refuses_to_overwrite_another_annotators_later_change(project, other, claim):
    project.update_claim(claim.id, note="ana's note", annotator="ana")
    other.update_claim(claim.id, note="ben's note", annotator="ben")
    with pytest.raises(UndoConflictError) as err:
        project.undo("ana")
    assert "ben" in str(err.value) and "note" in str(err.value) and "stays on the undo list" in str(err.value)
    assert project.claim(claim.id).note == "ben's note"
    assert project.undo_label("ana") == "Edit claim"  # still on the stack
    other.undo("ben")  # ben takes his note back: the field holds ana's value again
    project.undo("ana")
    assert project.claim(claim.id).note is None


def test_redo_refuses_when_the_field_moved_on(project, other, claim):
    project.update_claim(claim.id, stance="favor", annotator="ana")
    project.undo("ana")
    other.update_claim(claim.id, stance="against", annotator="ben")
    with pytest.raises(UndoConflictError, match="Cannot redo"):
        project.redo("ana")
    assert project.claim(claim.id).stance == "against"
    assert project.redo_label("ana") == "Edit claim"  # still on the redo list


def test_undo_of_a_new_claim_refuses_once_someone_edited_it(project, other, claim):
    new, _ = project.add_claim(claim.article_id, ClaimDraft(content=span_of("Italy is willing to help"),
                                                          status="confirmed", origin="manual"), annotator="ana")
    other.update_claim(new.id, note="ben checked this", annotator="ben")
    with pytest.raises(UndoConflictError, match="ben"):
        project.undo("ana")
    assert project.claim(new.id).note == "ben checked this"


def test_undo_keeps_a_new_speaker_someone_else_now_uses(project, other, claim):
    project.update_claim(claim.id, speaker="Giorgia Meloni", annotator="ana")  # creates the speaker
    meloni = project.find_speaker("Giorgia Meloni")
    second, _ = other.add_claim(claim.article_id, ClaimDraft(content=span_of("Italy is willing to help"),
                                                           speaker="Giorgia Meloni", status="confirmed",
                                                           origin="manual"), annotator="ben")
    with pytest.raises(UndoConflictError):
        project.undo("ana")
    assert project.claim(second.id).speaker_id == meloni.id


def test_change_feed_turns_other_peoples_writes_into_changes(project, other, claim):
    feed = project.change_feed()
    assert not feed.poll()
    other.update_claim(claim.id, note="ben", annotator="ben")
    art, _ = other.add_article(NewArticle(text="Another article entirely, said someone."))
    got = feed.poll()
    assert got.claims == {claim.id} and art.id in got.articles
    assert not feed.poll()
    other.undo("ben")
    assert feed.poll().claims == {claim.id}


def test_older_file_gets_versions_on_speakers_topics_and_articles(tmp_path):
    path = tmp_path / "old.quotedesk"
    shutil.copy(Path(__file__).parent / "data" / "v1.quotedesk", path)
    with Project.open(path) as p:
        speaker = p.speakers()[0]
        assert speaker.version == 1 and p.topics()[0].version == 1 and p.article(1).version == 1
        p.update_speaker(speaker.id, affiliation="Government of Italy", annotator="ana", expected_version=1)
        with pytest.raises(ConflictError):
            p.update_speaker(speaker.id, affiliation="FdI", annotator="ben", expected_version=1)
    backup = next(tmp_path.glob("old.backup-0001-*.quotedesk"))
    con = sqlite3.connect(backup)
    assert "version" not in {r[1] for r in con.execute("PRAGMA table_info(speakers)")}
    con.close()
