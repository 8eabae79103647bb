"""Claim layers for blind double annotation, and adjudication that turns them into final claims.

A claim's ``layer`` is NULL for the project's final claims and an annotator's name for that
annotator's private version of an article. ``open_layer`` copies the article's pending final
suggestions into the annotator's layer once; from then on the ordinary claim writes (accept, reject,
edit, fragments, manual claims) work on the layer claims, refused for anyone but their annotator
(``db.claims.check_layer``). Adjudication (``settle``) makes final claims from layer claims, or a
rejected final claim for "no claim", and links the layer claims it settles (``settled_by``); it is one
undoable action, and every annotator's version stays in their layer and in the audit log.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from . import convert
from .actions import audit, ensure_annotator, last_change, now, snapshot
from .articles import article_row
from .claims import claim_query, claim_row, new_claim_row
from .errors import InvalidValueError
from .models import AssignmentRow, ClaimRow, LayerRow, SpeakerRow
from .records import Changes, Claim, LayerValues, Settlement
from .store import Store, changes_of
from .team import names

LATE = dt.timedelta(seconds=60)  # a suggestion stored this long before a layer was last opened is looked at again
# what a copy of a claim (into a layer, or from a layer into the final one) takes from the original
NOT_COPIED = {"id", "layer", "settled_by", "annotator", "version", "created_at", "updated_at"}


def copied(row: ClaimRow, **changes) -> ClaimRow:
    """A new claim row with every field of ``row`` but its identity and bookkeeping, then ``changes``."""
    at = now()
    values = {c.key: getattr(row, c.key) for c in ClaimRow.__table__.columns if c.key not in NOT_COPIED}
    values["fragments"] = list(row.fragments) if row.fragments else None
    values.update(created_at=at, updated_at=at, version=1, annotator=None, layer=None, settled_by=None)
    values.update(changes)
    return ClaimRow(**values)


class Layers:
    def __init__(self, store: Store):
        self._store = store

    # ------------------------------------------------------------- opening
    def open_layer(self, article_id: int, annotator: str) -> Changes:
        """The annotator's layer of an article: made the first time, with the article's pending final
        suggestions copied into it; opened again, only suggestions stored since (a suggestion run after the
        first opening) that overlap nothing in the layer are copied. Twice in a row, or in two processes at
        once, nothing is copied twice."""
        person = names([annotator])[0]
        with self._store.reading() as s:
            seen = s.scalar(select(LayerRow.opened_at).where(LayerRow.article_id == article_id,
                                                            LayerRow.annotator == person))
            if seen is None:
                article_row(s, article_id)  # a clear message for an article that is not there
            elif s.scalar(self._late_suggestions(article_id, seen).with_only_columns(ClaimRow.id).limit(1)) is None:
                return Changes()  # the usual case: two small reads, no write lock taken
        try:
            with self._store.writing() as s:
                return self._open(s, article_id, person)
        except IntegrityError:
            with self._store.reading() as s:
                if self._opened(s, article_id, person):  # the other process opened it: the same result
                    return Changes()
            raise

    @staticmethod
    def _late_suggestions(article_id: int, seen: dt.datetime):
        """Final suggestions stored since a layer was last opened (with a margin for slow commits)."""
        return select(ClaimRow).where(
            ClaimRow.article_id == article_id, ClaimRow.layer.is_(None), ClaimRow.status == "suggested",
            ClaimRow.created_at > seen - LATE).order_by(ClaimRow.start, ClaimRow.id)

    def _open(self, s, article_id: int, person: str) -> Changes:
        at = now()
        marker = s.scalar(select(LayerRow).where(LayerRow.article_id == article_id, LayerRow.annotator == person)
                          .with_for_update())  # PostgreSQL: a second opener waits here for the first
        ops = []
        if marker is None:
            marker = LayerRow(article_id=article_id, annotator=person, opened_at=at)
            s.add(marker)
            s.flush()  # on PostgreSQL a racing first open waits here, then fails on the unique key
            ops.append({"op": "insert", "entity": "layer", "id": marker.id, "row": snapshot(marker)})
            finals = s.scalars(select(ClaimRow).where(
                ClaimRow.article_id == article_id, ClaimRow.layer.is_(None), ClaimRow.status == "suggested")
                .order_by(ClaimRow.start, ClaimRow.id)).all()
        else:
            mine = s.execute(select(ClaimRow.start, ClaimRow.end).where(
                ClaimRow.article_id == article_id, ClaimRow.layer == person)).all()
            finals = [c for c in s.scalars(self._late_suggestions(article_id, marker.opened_at))
                      if not any(a < c.end and c.start < b for a, b in mine)]
            marker.opened_at = at
        copies = [copied(c, layer=person) for c in finals]
        s.add_all(copies)
        s.flush()
        ops[:0] = [{"op": "insert", "entity": "claim", "id": c.id, "row": snapshot(c)} for c in copies]
        audit(s, ops, kind=None, action_id=None, annotator=person, at=at)
        ensure_annotator(s, person)
        if not ops:
            return Changes()
        return Changes(articles=frozenset({article_id}), claims=frozenset(c.id for c in copies))

    @staticmethod
    def _opened(s, article_id: int, person: str) -> bool:
        return s.scalar(select(LayerRow.id).where(LayerRow.article_id == article_id,
                                                  LayerRow.annotator == person)) is not None

    def is_open(self, article_id: int, annotator: str) -> bool:
        with self._store.reading() as s:
            return self._opened(s, article_id, annotator)

    # ------------------------------------------------------------- reading
    def annotators_of(self, article_id: int) -> list[str]:
        """Who has a layer of this article, by name."""
        with self._store.reading() as s:
            return self._annotators(s, article_id)

    def annotators_by_article(self, article_ids: Sequence[int] | None = None) -> dict[int, tuple[str, ...]]:
        """Who has a layer of each article (those with any), by name: one query over the layer markers."""
        out: dict[int, list[str]] = {}
        wanted = None if article_ids is None else sorted(set(article_ids))
        chunks = [None] if wanted is None else [wanted[i:i + 500] for i in range(0, len(wanted), 500)]
        with self._store.reading() as s:
            for chunk in chunks:
                q = select(LayerRow.article_id, LayerRow.annotator).order_by(LayerRow.article_id, LayerRow.annotator)
                if chunk is not None:
                    q = q.where(LayerRow.article_id.in_(chunk))
                for article_id, who in s.execute(q):
                    out.setdefault(article_id, []).append(who)
        return {a: tuple(who) for a, who in out.items()}

    @staticmethod
    def _annotators(s, article_id: int) -> list[str]:
        return sorted(s.scalars(select(LayerRow.annotator).where(LayerRow.article_id == article_id)))

    def layer_claims(self, article_id: int, annotator: str) -> list[Claim]:
        """Every claim of an annotator's layer of an article (suggested, decided, rejected), in text order."""
        with self._store.reading() as s:
            q = claim_query().where(ClaimRow.article_id == article_id, ClaimRow.layer == annotator)
            return [convert.claim(*r) for r in s.execute(q.order_by(ClaimRow.start, ClaimRow.id))]

    def layers(self, article_id: int, *, finished_only: bool = False) -> dict[str, list[Claim]]:
        """Each annotator's decided claims of an article (status confirmed: accepted, edited or their own),
        by annotator name; an annotator whose layer holds none has an empty list. With ``finished_only``
        only annotators who marked their assignment of the article finished."""
        with self._store.reading() as s:
            people = self._annotators(s, article_id)
            if finished_only:
                done = set(s.scalars(select(AssignmentRow.annotator).where(
                    AssignmentRow.article_id == article_id, AssignmentRow.finished_at.is_not(None))))
                people = [p for p in people if p in done]
            out: dict[str, list[Claim]] = {p: [] for p in people}
            q = claim_query().where(ClaimRow.article_id == article_id, ClaimRow.layer.in_(people),
                                    ClaimRow.status == "confirmed").order_by(ClaimRow.start, ClaimRow.id)
            for r in s.execute(q):
                out[r[0].layer].append(convert.claim(*r))
            return out

    def annotated_articles(self) -> list[int]:
        """Articles with at least two annotators' layers, in id order."""
        with self._store.reading() as s:
            return list(s.scalars(select(LayerRow.article_id).group_by(LayerRow.article_id)
                                  .having(func.count(LayerRow.id) >= 2).order_by(LayerRow.article_id)))

    def stream_layer_values(self, article_ids: Sequence[int] | None = None, *,
                            batch: int = 5000) -> Iterator[LayerValues]:
        """Every layer claim (all statuses) as light rows, in article, layer and text order."""
        columns = (ClaimRow.article_id, ClaimRow.layer, ClaimRow.id, ClaimRow.start, ClaimRow.end,
                   ClaimRow.content_text, ClaimRow.fragments, ClaimRow.speaker_id, SpeakerRow.name, ClaimRow.stance,
                   ClaimRow.verdict_rating, ClaimRow.status, ClaimRow.settled_by)
        wanted = None if article_ids is None else sorted(set(article_ids))
        chunks = [None] if wanted is None else [wanted[i:i + 500] for i in range(0, len(wanted), 500)]
        for chunk in chunks:
            with self._store.reading() as s:
                q = (select(*columns).outerjoin(SpeakerRow, SpeakerRow.id == ClaimRow.speaker_id)
                     .where(ClaimRow.layer.is_not(None))
                     .order_by(ClaimRow.article_id, ClaimRow.layer, ClaimRow.start, ClaimRow.id))
                if chunk is not None:
                    q = q.where(ClaimRow.article_id.in_(chunk))
                result = s.connection().execute(q)
                while rows := result.fetchmany(batch):
                    for r in rows:
                        pieces = tuple((p["start"], p["end"]) for p in r[6]) if r[6] else ((r[3], r[4]),)
                        yield LayerValues(r[0], r[1], r[2], r[3], r[4], r[5], pieces, *r[7:])

    # ------------------------------------------------------------- adjudication
    def settle(self, article_id: int, settlements: Sequence[Settlement], *, annotator: str | None = None,
               label: str = "Adjudicate") -> tuple[list[Claim], Changes]:
        """Make final claims from adjudication decisions, in one undoable action.

        Each decision makes one final claim: a copy of the layer claim ``take`` (every field, status
        confirmed), an edited ``draft`` (status confirmed), or, with ``reject``, a rejected final claim
        copied from the first claim it settles ("no claim here"). The layer claims it settles point at it
        (``settled_by``); pending final suggestions overlapping it are removed (the decision replaces
        them). Refused as a whole when a claim is not a layer claim of the article or is already settled.
        """
        if not settlements:
            raise InvalidValueError("Nothing to adjudicate: no decision was given.")
        made: list[int] = []
        with self._store.action(label, annotator) as rec:
            s = rec.session
            article = article_row(s, article_id)
            seen: set[int] = set()
            for st in settlements:
                settles = self._settled_rows(s, article_id, st, seen)
                if st.take is not None:
                    final = copied(claim_row(s, st.take), status="confirmed", annotator=annotator)
                    s.add(final)
                elif st.draft is not None:
                    draft = dataclasses.replace(st.draft, status="confirmed")
                    final = new_claim_row(s, rec, article, draft, annotator)
                else:
                    final = copied(settles[0], status="rejected", annotator=annotator)
                    s.add(final)
                rec.inserted(final)
                overlapping = s.scalars(select(ClaimRow).where(
                    ClaimRow.article_id == article_id, ClaimRow.layer.is_(None), ClaimRow.status == "suggested",
                    ClaimRow.id != final.id, ClaimRow.start < final.end, ClaimRow.end > final.start)
                    .order_by(ClaimRow.id)).all()
                for row in overlapping:
                    rec.delete(row)
                for row in settles:
                    rec.set(row, "settled_by", final.id)
                made.append(final.id)
        with self._store.reading() as s:
            finals = {r[0].id: convert.claim(*r) for r in s.execute(claim_query().where(ClaimRow.id.in_(made)))}
        return [finals[i] for i in made], changes_of(rec) | Changes(articles=frozenset({article_id}))

    @staticmethod
    def _settled_rows(s, article_id: int, st: Settlement, seen: set[int]) -> list[ClaimRow]:
        chosen = sum(x for x in (st.take is not None, st.draft is not None, bool(st.reject)))
        if chosen != 1:
            raise InvalidValueError("An adjudication takes one version, or gives an edited claim, or rejects "
                                    "them all: exactly one of these.")
        ids = list(dict.fromkeys(([st.take] if st.take is not None else []) + [int(i) for i in st.replaces]))
        if st.reject and not ids:
            raise InvalidValueError("Rejecting needs the annotators' claims it settles.")
        rows = []
        for ident in ids:
            row = claim_row(s, ident)
            if row.layer is None or row.article_id != article_id:
                where = "a final claim" if row.layer is None else f"a claim of article {row.article_id}"
                raise InvalidValueError(f"Claim {ident} is {where}, not an annotator's claim of article "
                                        f"{article_id}; only those are adjudicated. Nothing was changed.")
            if row.settled_by is not None or ident in seen:
                who, when, _ = last_change(s, "claim", ident, "settled_by")
                by = f" by {who}" if who else ""
                at = f" at {when:%H:%M:%S} UTC" if when else ""
                raise InvalidValueError(
                    f"{row.layer}'s claim {ident} was already settled{by}{at}"
                    + (f" (final claim {row.settled_by})" if row.settled_by else "")
                    + ". Nothing was changed; undo that decision first to decide again.")
            seen.add(ident)
            rows.append(row)
        return rows
