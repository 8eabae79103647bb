"""What other people changed: the audit log read as a feed of ``Changes``.

Every write to a claim, speaker, topic or article appends to ``audit_log``, so its
largest id is a change counter both back ends answer from the primary key index in
one cheap query. A window polls ``ChangeFeed.poll`` every second or so; when the
counter moved it reads only the new audit rows and turns them into one ``Changes``
record, which the window's existing refresh path applies.

On PostgreSQL ids are taken when a row is inserted but become visible at commit, so
a later id can be seen before an earlier one: ids skipped over are kept as gaps and
asked for again for a while (``GAP_SECONDS``), so a slow transaction's rows are not lost.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from sqlalchemy import func, or_, select

from .models import AssignmentRow, AuditRow, ConfigRow
from .records import Changes

GAP_SECONDS = 30.0  # how long an unseen id may still turn up (a transaction still running)
MAX_ROWS = 20_000  # one poll reads at most this many audit rows; the rest on the next poll


class ChangeFeed:
    """Polls a project's audit log for changes made since the last poll (by anyone, anywhere)."""

    def __init__(self, store, *, ignore: Callable[[int | None], bool] | None = None,
                 clock: Callable[[], float] = time.monotonic):
        """``store`` is the project's db.store.Store (``Project.change_feed`` makes one);
        ``ignore(action_id)`` drops rows of actions the caller made itself."""
        self._store = store
        self._ignore = ignore or (lambda action_id: False)
        self._clock = clock
        self.counter = self.current_counter()
        self._gaps: dict[int, float] = {}  # id -> when it was first missed

    def current_counter(self) -> int:
        """The largest audit id: one indexed max() query."""
        with self._store.reading() as s:
            return s.scalar(select(func.max(AuditRow.id))) or 0

    def has_news(self, latest: int) -> bool:
        """Whether a poll up to ``latest`` (from ``current_counter``) can find anything."""
        return latest > self.counter or bool(self._gaps)

    def poll(self, latest: int | None = None) -> Changes:
        """Changes recorded since the last poll (empty when nothing happened).

        ``latest`` is a counter read just before (so a caller can read it on one thread
        and poll on another); one poll at a time per feed.
        """
        if latest is None:
            latest = self.current_counter()
        if not self.has_news(latest):
            return Changes()
        now = self._clock()
        self._gaps = {i: t for i, t in self._gaps.items() if now - t < GAP_SECONDS}
        with self._store.reading() as s:
            cond = AuditRow.id > self.counter
            if self._gaps:
                cond = or_(cond, AuditRow.id.in_(list(self._gaps)))
            rows = s.execute(select(AuditRow.id, AuditRow.entity, AuditRow.entity_id, AuditRow.action_id,
                                    AuditRow.new["article_id"].as_integer().label("new_article"),
                                    AuditRow.old["article_id"].as_integer().label("old_article"),
                                    AuditRow.new["key"].as_string().label("new_key"),
                                    AuditRow.old["key"].as_string().label("old_key"))
                             .where(cond, AuditRow.id <= latest).order_by(AuditRow.id).limit(MAX_ROWS)).all()
            team = team_lookups(s, rows)
        seen = [r.id for r in rows]
        for i in seen:
            self._gaps.pop(i, None)
        top = max([self.counter, *seen]) if len(rows) == MAX_ROWS else latest
        for missing in set(range(self.counter + 1, top + 1)) - set(seen):
            self._gaps[missing] = now
        self.counter = top
        return changes_of((r for r in rows if not self._ignore(r.action_id)), team)


def team_lookups(s, rows) -> dict[tuple[str, int], object]:
    """The article of each assignment and the key of each setting the rows name (an update's audit row
    holds only the changed value): {("assignment", id): article id, ("config", id): key}."""
    out: dict[tuple[str, int], object] = {}
    assignments = {r.entity_id for r in rows if r.entity == "assignment"}
    settings = {r.entity_id for r in rows if r.entity == "config"}
    if assignments:
        out.update((("assignment", i), a) for i, a in s.execute(
            select(AssignmentRow.id, AssignmentRow.article_id).where(AssignmentRow.id.in_(assignments))))
    if settings:
        out.update((("config", i), k) for i, k in s.execute(
            select(ConfigRow.id, ConfigRow.key).where(ConfigRow.id.in_(settings))))
    return out


def changes_of(rows: Iterable, team: dict[tuple[str, int], object] | None = None) -> Changes:
    """One Changes record for audit rows (entity, entity_id, new_article/old_article of a claim snapshot).

    ``team`` (``team_lookups``) names the article of an assignment and the key of a setting; a removed
    assignment or setting is known by its snapshot.
    """
    team = team or {}
    out: dict[str, set] = {"article": set(), "claim": set(), "speaker": set(), "topic": set(),
                           "assignment": set(), "config": set()}
    for r in rows:
        if r.entity == "assignment":
            out["assignment"].update(a for a in (r.new_article, r.old_article, team.get(("assignment", r.entity_id)))
                                     if a is not None)
            continue
        if r.entity == "config":
            out["config"].update(k for k in (r.new_key, r.old_key, team.get(("config", r.entity_id))) if k)
            continue
        out.setdefault(r.entity, set()).add(r.entity_id)
        if r.entity in ("claim", "layer"):  # a created or deleted claim (a row snapshot): its article's counts change
            out["article"].update(a for a in (r.new_article, r.old_article) if a is not None)
    return Changes(articles=frozenset(out["article"]), claims=frozenset(out["claim"]),
                   speakers=frozenset(out["speaker"]), topics=frozenset(out["topic"]),
                   assignments=frozenset(out["assignment"]), settings=frozenset(out["config"]))
