"""Giving articles to annotators: by hand and round robin, their queues, finishing, progress."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from db import ClaimDraft, InvalidValueError, NewArticle, NotFoundError, Project, Span

TEXT = "Defence Minister Guido Crosetto said Italy is ready to send peacekeepers. 🇮🇹 Article {n}."


@pytest.fixture
def articles(project):
    ids = []
    for n in range(1, 8):
        text = TEXT.format(n=n)
        art, _ = project.add_article(NewArticle(text=text, title=f"Article {n}", published=dt.date(2025, 3, n)))
        needle = "Italy is ready to send peacekeepers"
        start = text.index(needle)
        project.save_suggestions(art.id, [ClaimDraft(content=Span(start, start + len(needle), needle))])
        ids.append(art.id)
    return ids


def pairs(project, ids):
    return {(a, who) for a in ids for who in project.assigned_to(a)}


def test_assigning_by_hand_is_idempotent_and_undoable(project, articles):
    changes = project.assign(articles[:2], ["ana", "ben"], by="lead")
    assert pairs(project, articles) == {(a, w) for a in articles[:2] for w in ("ana", "ben")}
    assert changes.assignments == set(articles[:2]) and changes.action_id is not None
    assert not project.assign(articles[:2], ["ana", " ben "], by="lead")  # nothing new: no action
    assert project.undo_label("lead") == "Assign articles"
    assert {"ana", "ben"} <= set(project.annotators())
    project.undo("lead")
    assert pairs(project, articles) == set()
    project.redo("lead")
    assert len(pairs(project, articles)) == 4


def test_assigning_refuses_unknown_articles_and_empty_names(project, articles):
    with pytest.raises(NotFoundError):
        project.assign([articles[0], 999], ["ana"])
    with pytest.raises(InvalidValueError, match="needs a name"):
        project.assign(articles[:1], ["ana", "  "])
    assert pairs(project, articles) == set()  # nothing of a refused call was stored


def test_round_robin_gives_each_article_n_distinct_annotators_evenly(project, articles):
    project.assign_round_robin(["ana", "ben", "cy"], per_article=2, by="lead")
    per_article = {a: project.assigned_to(a) for a in articles}
    assert all(len(set(who)) == 2 for who in per_article.values())
    load = Counter(w for who in per_article.values() for w in who)
    assert sum(load.values()) == 14 and max(load.values()) - min(load.values()) <= 1
    # deterministic: the first articles go to the annotators in the order given, then rotate
    assert per_article[articles[0]] == ["ana", "ben"]
    assert per_article[articles[1]] == ["cy", "ana"]
    assert per_article[articles[2]] == ["ben", "cy"]


def test_round_robin_is_the_same_on_a_copy_and_counts_what_people_already_hold(project, articles, tmp_path):
    project.assign(articles[:3], ["ana"], by="lead")
    project.assign_round_robin(["ana", "ben"], per_article=1, by="lead")
    got = {a: project.assigned_to(a) for a in articles}
    assert got[articles[0]] == ["ana"]  # already had one: left alone
    load = Counter(w for who in got.values() for w in who)
    assert load == {"ana": 4, "ben": 3}  # ben catches up first (articles 4-6), then the tie goes to ana
    assert [got[a] for a in articles[3:]] == [["ben"], ["ben"], ["ben"], ["ana"]]
    other = Project.open(tmp_path / "copy.quotedesk")
    try:
        for n in range(1, 8):
            other.add_article(NewArticle(text=TEXT.format(n=n), title=f"Article {n}"))
        other.assign(articles[:3], ["ana"], by="lead")
        other.assign_round_robin(["ana", "ben"], per_article=1, by="lead")
        assert {a: other.assigned_to(a) for a in articles} == got
    finally:
        other.close()


def test_round_robin_refuses_more_annotators_per_article_than_given(project, articles):
    with pytest.raises(InvalidValueError, match="1 to 2 of the 2 annotators"):
        project.assign_round_robin(["ana", "ben"], per_article=3)
    with pytest.raises(InvalidValueError, match="at least one annotator"):
        project.assign_round_robin([], per_article=1)


def test_round_robin_on_chosen_articles_and_its_undo(project, articles):
    project.assign_round_robin(["ana", "ben"], per_article=2, article_ids=articles[2:4], by="lead")
    assert pairs(project, articles) == {(a, w) for a in articles[2:4] for w in ("ana", "ben")}
    project.undo("lead")
    assert pairs(project, articles) == set()


def test_queue_lists_unfinished_first_with_counts_of_the_annotators_layer(project, articles):
    project.assign(articles[:3], ["ana"], by="lead")
    queue = project.queue("ana")
    assert [q.article_id for q in queue] == articles[:3]
    assert [(q.decided, q.total, q.finished) for q in queue] == [(0, 1, False)] * 3
    project.open_layer(articles[1], "ana")
    (mine,) = project.layer_claims(articles[1], "ana")
    project.confirm_claim(mine.id, annotator="ana")
    project.add_claim(articles[1], ClaimDraft(content=Span(0, 8, "Defence "), status="confirmed", origin="manual"),
                      annotator="ana", layer="ana")
    changes = project.finish_assignment(articles[0], "ana")
    assert changes.assignments == {articles[0]}
    queue = project.queue("ana")
    assert [q.article_id for q in queue] == [articles[1], articles[2], articles[0]]
    assert (queue[0].decided, queue[0].total) == (2, 2)  # her layer, not the final one
    assert queue[-1].finished and queue[0].title == "Article 2"
    assert project.queue("ben") == []
    assert project.undo_label("ana") == "Finish article"
    project.undo("ana")
    assert not any(q.finished for q in project.queue("ana"))


def test_finishing_an_article_not_assigned_is_refused(project, articles):
    with pytest.raises(NotFoundError, match=f"Article {articles[0]} is not assigned to ana"):
        project.finish_assignment(articles[0], "ana")


def test_progress_per_annotator_and_per_article(project, articles):
    project.assign(articles[:2], ["ana", "ben"], by="lead")
    project.assign(articles[2:3], ["ben"], by="lead")
    project.open_layer(articles[0], "ana")
    (mine,) = project.layer_claims(articles[0], "ana")
    project.reject_claim(mine.id, annotator="ana")
    final = project.claims()[2]  # ben works without blind mode on article 3: a final claim
    assert final.article_id == articles[2]
    project.confirm_claim(final.id, annotator="ben")
    project.finish_assignment(articles[0], "ana")
    project.finish_assignment(articles[2], "ben")
    progress = project.progress()
    assert [(p.annotator, p.assigned, p.finished, p.decided_claims) for p in progress.per_annotator] == [
        ("ana", 2, 1, 1), ("ben", 3, 1, 1)]
    assert [(p.article_id, p.annotators, p.finished) for p in progress.per_article] == [
        (articles[0], ("ana", "ben"), ("ana",)), (articles[1], ("ana", "ben"), ()),
        (articles[2], ("ben",), ("ben",))]
    assert progress.per_article[0].title == "Article 1"


def test_unassigning_keeps_the_layer_and_is_undoable(project, articles):
    project.assign(articles[:1], ["ana", "ben"], by="lead")
    project.open_layer(articles[0], "ana")
    project.unassign(articles[:1], ["ana"], by="lead")
    assert project.assigned_to(articles[0]) == ["ben"]
    assert len(project.layer_claims(articles[0], "ana")) == 1
    project.undo("lead")
    assert project.assigned_to(articles[0]) == ["ana", "ben"]


def test_deleting_an_article_removes_its_assignments_and_layers(project, articles):
    project.assign(articles[:1], ["ana"], by="lead")
    project.open_layer(articles[0], "ana")
    project.delete_article(articles[0])
    assert project.queue("ana") == [] and project.progress().per_article == ()
    assert project.annotated_articles() == []


def test_other_windows_hear_of_assignments(project, articles):
    other = Project.open(project.url)
    try:
        feed = other.change_feed()
        project.assign(articles[:2], ["ana"], by="lead")
        assert feed.poll().assignments == set(articles[:2])
        project.finish_assignment(articles[1], "ana")
        assert feed.poll().assignments == {articles[1]}
        project.undo("ana")
        assert feed.poll().assignments == {articles[1]}
        project.unassign(articles[:1], ["ana"], by="lead")
        assert feed.poll().assignments == {articles[0]}
    finally:
        other.close()


def test_undoing_an_unassign_after_someone_assigned_the_same_again_is_refused(project, articles):
    from db.errors import UndoConflictError

    project.assign(articles[:1], ["ana"], by="lead")
    project.unassign(articles[:1], ["ana"], by="lead")
    project.assign(articles[:1], ["ana"], by="boss")
    with pytest.raises(UndoConflictError, match="Cannot undo “Unassign articles”: boss .*assignment"):
        project.undo("lead")
    assert project.assigned_to(articles[0]) == ["ana"]
    assert project.undo_label("lead") == "Unassign articles"  # it stays on the list


def _assign_in_process(url: str, article_ids, lead: str, start, out) -> None:
    project = Project.open(url)
    try:
        start.wait(30)
        project.assign(article_ids, ["ana", "ben"], by=lead)
        out.put("ok")
    except Exception as exc:  # reported to the test, which fails with it
        out.put(repr(exc))
    finally:
        project.close()


def test_two_leads_assigning_the_same_articles_at_once_store_each_pair_once(project):
    import multiprocessing

    ids = [project.add_article(NewArticle(text=f"Text number {n}.", title=f"A{n}"))[0].id for n in range(40)]
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    workers = [ctx.Process(target=_assign_in_process, args=(project.url, ids, lead, start, out))
               for lead in ("lead", "boss")]
    for w in workers:
        w.start()
    start.set()
    results = [out.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(60)
    assert results == ["ok", "ok"]
    assert all(project.assigned_to(i) == ["ana", "ben"] for i in ids)
