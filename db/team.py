"""A team's work on a project: blind annotation (a setting), assignments of articles to annotators,
each annotator's queue and everyone's progress.

Every change here is an undoable action in the project's one history (``db.actions``), audited like
claim edits, so a lead's "assign" is undone with Ctrl+Z and the change feed tells other windows.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence

from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError

from .actions import ensure_annotator, now
from .articles import article_row
from .errors import ConcurrentWriteError, InvalidValueError, NotFoundError
from .models import ArticleRow, AssignmentRow, ClaimRow, ConfigRow, LayerRow
from .records import AnnotatorProgress, ArticleProgress, Changes, Progress, QueueItem
from .store import Store, changes_of, clean

BLIND_KEY = "blind"  # the config key of the blind-annotation setting (also its name in Changes.settings)


def names(annotators: Iterable[str]) -> list[str]:
    """Annotator names as given, cleaned, each once, in order; refused when one is empty."""
    out: list[str] = []
    for raw in annotators:
        name = clean(raw) if isinstance(raw, str) else None
        if not name:
            raise InvalidValueError(f"An annotator needs a name (got {raw!r}).")
        if name not in out:
            out.append(name)
    return out


def once_more_on_a_race(verb):
    """Run a write again, once, when another process inserted the same assignment or setting meanwhile
    (PostgreSQL reports it as a unique-key violation); the second run sees theirs and adds only the rest."""
    @functools.wraps(verb)
    def run(*args, **kwargs):
        try:
            return verb(*args, **kwargs)
        except IntegrityError:
            try:
                return verb(*args, **kwargs)
            except IntegrityError as exc:
                raise ConcurrentWriteError() from exc
    return run


class Team:
    def __init__(self, store: Store):
        self._store = store

    # ------------------------------------------------------------- blind mode
    def blind(self) -> bool:
        with self._store.reading() as s:
            return bool(s.scalar(select(ConfigRow.value).where(ConfigRow.key == BLIND_KEY)))

    @once_more_on_a_race
    def set_blind(self, on: bool, *, annotator: str | None = None) -> Changes:
        label = "Blind annotation on" if on else "Blind annotation off"
        with self._store.action(label, annotator) as rec:
            row = rec.session.scalar(select(ConfigRow).where(ConfigRow.key == BLIND_KEY))
            if row is None:
                if on:
                    row = ConfigRow(key=BLIND_KEY, value=True)
                    rec.session.add(row)
                    rec.inserted(row)
            else:
                rec.set(row, "value", bool(on))
        return changes_of(rec)

    # ------------------------------------------------------------- assignments
    @once_more_on_a_race
    def assign(self, article_ids: Sequence[int], annotators: Sequence[str], *, by: str | None = None) -> Changes:
        """Give every article to every annotator; pairs already assigned are left as they are."""
        people = names(annotators)
        wanted = list(dict.fromkeys(int(a) for a in article_ids))
        with self._store.action("Assign articles", by) as rec:
            s = rec.session
            for article_id in wanted:
                article_row(s, article_id)
            have = set(s.execute(select(AssignmentRow.article_id, AssignmentRow.annotator)
                                 .where(AssignmentRow.article_id.in_(wanted))).all()) if wanted else set()
            self._insert(rec, [(a, n) for a in wanted for n in people if (a, n) not in have], by)
        return changes_of(rec)

    @once_more_on_a_race
    def assign_round_robin(self, annotators: Sequence[str], *, per_article: int = 1,
                           article_ids: Sequence[int] | None = None, by: str | None = None) -> Changes:
        """Give each article ``per_article`` distinct annotators, spreading the load evenly.

        Articles go in id order; each takes, among the annotators it lacks, those with the fewest
        assignments so far (everything they hold in the project counts), ties broken by the order the
        annotators were given. So the same project and the same call give the same assignments, and an
        article already holding enough annotators is left alone.
        """
        people = names(annotators)
        if not people:
            raise InvalidValueError("Round-robin assignment needs at least one annotator.")
        if not 1 <= int(per_article) <= len(people):
            raise InvalidValueError(f"Each article can get 1 to {len(people)} of the {len(people)} annotators "
                                    f"given, not {per_article}.")
        per_article = int(per_article)
        with self._store.action("Assign articles (round robin)", by) as rec:
            s = rec.session
            if article_ids is None:
                wanted = list(s.scalars(select(ArticleRow.id).order_by(ArticleRow.id)))
            else:
                wanted = sorted(set(int(a) for a in article_ids))
                for article_id in wanted:
                    article_row(s, article_id)
            held: dict[int, set[str]] = {}
            load: Counter[str] = Counter({p: 0 for p in people})
            for article_id, who in s.execute(select(AssignmentRow.article_id, AssignmentRow.annotator)):
                held.setdefault(article_id, set()).add(who)
                if who in load:
                    load[who] += 1
            rank = {p: i for i, p in enumerate(people)}
            pairs: list[tuple[int, str]] = []
            for article_id in wanted:
                have = held.get(article_id, set())
                need = per_article - len(have)
                if need <= 0:
                    continue
                free = sorted((p for p in people if p not in have), key=lambda p: (load[p], rank[p]))
                for person in free[:need]:
                    pairs.append((article_id, person))
                    load[person] += 1
            self._insert(rec, pairs, by)
        return changes_of(rec)

    @staticmethod
    def _insert(rec, pairs: list[tuple[int, str]], by: str | None) -> None:
        at = now()
        for person in dict.fromkeys(p for _, p in pairs):
            ensure_annotator(rec.session, person)
        for article_id, person in pairs:
            row = AssignmentRow(article_id=article_id, annotator=person, assigned_at=at, assigned_by=by)
            rec.session.add(row)
            rec.inserted(row)

    def unassign(self, article_ids: Sequence[int], annotators: Sequence[str], *, by: str | None = None) -> Changes:
        """Take articles back from annotators (their layers and claims stay)."""
        people = names(annotators)
        wanted = list(dict.fromkeys(int(a) for a in article_ids))
        with self._store.action("Unassign articles", by) as rec:
            if wanted and people:
                for row in rec.session.scalars(select(AssignmentRow).where(
                        AssignmentRow.article_id.in_(wanted), AssignmentRow.annotator.in_(people))
                        .order_by(AssignmentRow.id)):
                    rec.delete(row)
        return changes_of(rec)

    def finish(self, article_id: int, annotator: str, finished: bool = True, *,
               by: str | None = None) -> Changes:
        """Mark an annotator's assignment finished (or not finished again)."""
        person = names([annotator])[0]
        label = "Finish article" if finished else "Reopen article"
        with self._store.action(label, by if by is not None else person) as rec:
            row = rec.session.scalar(select(AssignmentRow).where(AssignmentRow.article_id == article_id,
                                                                 AssignmentRow.annotator == person))
            if row is None:
                article_row(rec.session, article_id)
                raise NotFoundError(f"Article {article_id} is not assigned to {person}; nothing was marked.")
            if finished and row.finished_at is None:
                rec.set(row, "finished_at", now())
            elif not finished and row.finished_at is not None:
                rec.set(row, "finished_at", None)
        return changes_of(rec)

    def assignments(self, article_id: int) -> list[str]:
        """Who an article is assigned to, in the order they were assigned."""
        with self._store.reading() as s:
            return list(s.scalars(select(AssignmentRow.annotator).where(AssignmentRow.article_id == article_id)
                                  .order_by(AssignmentRow.id)))

    # ------------------------------------------------------------- reading
    def queue(self, annotator: str) -> list[QueueItem]:
        """An annotator's articles: unfinished first, then by article id.

        The counts are of the annotator's layer once they opened it (blind annotation), else of the
        final layer: decided = confirmed or rejected, total = every claim there.
        """
        person = names([annotator])[0]
        with self._store.reading() as s:
            rows = s.execute(
                select(AssignmentRow.article_id, ArticleRow.title, ArticleRow.published, AssignmentRow.finished_at,
                       LayerRow.id)
                .join(ArticleRow, ArticleRow.id == AssignmentRow.article_id)
                .outerjoin(LayerRow, (LayerRow.article_id == AssignmentRow.article_id)
                           & (LayerRow.annotator == person))
                .where(AssignmentRow.annotator == person)
                .order_by(AssignmentRow.finished_at.is_not(None), AssignmentRow.article_id)).all()
            counts = self._counts(s, [r[0] for r in rows], person)
            out = []
            for article_id, title, published, finished_at, layer_id in rows:
                decided, total = counts.get((article_id, person if layer_id is not None else None), (0, 0))
                out.append(QueueItem(article_id=article_id, title=title, published=published,
                                     finished=finished_at is not None, decided=decided, total=total))
            return out

    @staticmethod
    def _counts(s, article_ids: list[int], person: str | None) -> dict[tuple[int, str | None], tuple[int, int]]:
        """(article, layer) -> (decided, total) claims, for the final layer and ``person``'s layer."""
        out: dict[tuple[int, str | None], tuple[int, int]] = {}
        for i in range(0, len(article_ids), 500):
            chunk = article_ids[i:i + 500]
            layer = ClaimRow.layer.is_(None) if person is None else (
                ClaimRow.layer.is_(None) | (ClaimRow.layer == person))
            q = (select(ClaimRow.article_id, ClaimRow.layer,
                        func.sum(case((ClaimRow.status != "suggested", 1), else_=0)), func.count())
                 .where(ClaimRow.article_id.in_(chunk), layer)
                 .group_by(ClaimRow.article_id, ClaimRow.layer))
            for article_id, lay, decided, total in s.execute(q):
                out[(article_id, lay)] = (int(decided or 0), int(total))
        return out

    def progress(self) -> Progress:
        """Per annotator (assigned, finished, claims decided on their articles) and per assigned article."""
        with self._store.reading() as s:
            rows = s.execute(select(AssignmentRow.article_id, AssignmentRow.annotator, AssignmentRow.finished_at,
                                    ArticleRow.title)
                             .join(ArticleRow, ArticleRow.id == AssignmentRow.article_id)
                             .order_by(AssignmentRow.article_id, AssignmentRow.id)).all()
            # decided claims of an annotator on their assigned articles: in their layer, and final
            # claims they were the last to decide on
            decided_q = (select(AssignmentRow.annotator, func.count(ClaimRow.id))
                         .join(ClaimRow, ClaimRow.article_id == AssignmentRow.article_id)
                         .where(ClaimRow.status != "suggested",
                                (ClaimRow.layer == AssignmentRow.annotator)
                                | (ClaimRow.layer.is_(None) & (ClaimRow.annotator == AssignmentRow.annotator)))
                         .group_by(AssignmentRow.annotator))
            decided = dict(s.execute(decided_q).all())
        per_person: dict[str, list[int]] = {}
        per_article: dict[int, tuple[str | None, list[str], list[str]]] = {}
        for article_id, who, finished_at, title in rows:
            counts = per_person.setdefault(who, [0, 0])
            counts[0] += 1
            entry = per_article.setdefault(article_id, (title, [], []))
            entry[1].append(who)
            if finished_at is not None:
                counts[1] += 1
                entry[2].append(who)
        return Progress(
            per_annotator=tuple(AnnotatorProgress(annotator=who, assigned=a, finished=f,
                                                  decided_claims=int(decided.get(who, 0)))
                                for who, (a, f) in sorted(per_person.items())),
            per_article=tuple(ArticleProgress(article_id=i, title=t, annotators=tuple(who), finished=tuple(done))
                              for i, (t, who, done) in per_article.items()),
        )
