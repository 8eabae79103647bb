"""Two annotators naming the same new speaker (or topic) at the same moment: one speaker, both claims kept.

On PostgreSQL the two writes run in parallel; the second insert of the name waits for the first to
commit and then hits the unique name. It must use the other's row, not fail with a database error.
(Only the exact name is unique in the schema: "ed" and "Ed" typed at the same moment still make two
speakers, which View → Speakers proposes to merge.)
"""

from __future__ import annotations

import threading
import time

from db import ClaimDraft, NewArticle, Project, Span
from db.registry import resolve_speaker, resolve_topic

TEXT = "Ed said nothing matters. Flo said everything does."


def test_a_speaker_and_topic_created_meanwhile_by_another_writer_is_reused(project):
    art, _ = project.add_article(NewArticle(text=TEXT, title="Two sayings"))
    other = Project.open(project.url)
    done: dict = {}
    try:
        with project._store.writing() as s:  # the first writer: has added "Ed" and the topic, not committed yet
            first_speaker = resolve_speaker(None, s, "Ed")
            first_topic = resolve_topic(None, s, "Everything")

            def second():
                try:
                    done["claim"], _ = other.add_claim(art.id, ClaimDraft(
                        content=Span(8, 23, TEXT[8:23]), speaker="Ed", topic="Everything", status="confirmed"),
                        annotator="ben")
                except Exception as exc:  # reported below, with its message
                    done["error"] = exc

            thread = threading.Thread(target=second)
            thread.start()
            time.sleep(0.5)  # the second writer is now waiting on the first
        thread.join(30)
        assert not thread.is_alive()
        assert "error" not in done, done.get("error")
        claim = done["claim"]
        assert [sp.name for sp in project.speakers()] == ["Ed"]
        assert project.find_speaker("Ed").id == first_speaker
        assert claim.speaker == "Ed" and claim.topic == "Everything"
        assert [t.id for t in project.topics()] == [first_topic]
    finally:
        other.close()


def test_a_new_annotator_acting_through_two_connections_at_once_is_listed_once(project):
    """The first action of a new annotator name adds it to the project's annotators; two at once must not fail."""
    from db.actions import ensure_annotator

    art, _ = project.add_article(NewArticle(text=TEXT, title="Two sayings"))
    other = Project.open(project.url)
    done: dict = {}
    try:
        with project._store.writing() as s:  # the first writer has added "cy", not committed yet
            ensure_annotator(s, "cy")

            def second():
                try:
                    done["claim"], _ = other.add_claim(art.id, ClaimDraft(
                        content=Span(29, 50, TEXT[29:50]), status="confirmed"), annotator="cy")
                except Exception as exc:  # reported below, with its message
                    done["error"] = exc

            thread = threading.Thread(target=second)
            thread.start()
            time.sleep(0.5)  # the second writer is now waiting on the first
        thread.join(30)
        assert not thread.is_alive()
        assert "error" not in done, done.get("error")
        assert project.annotators() == ["cy"]
        assert project.undo_label("cy") == "New claim"
    finally:
        other.close()
