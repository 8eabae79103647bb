"""Fact-check queries: a topic's stance timeline and where speakers or affiliations changed stance."""

from __future__ import annotations

from collections import defaultdict
from operator import itemgetter

from sqlalchemy import select

from .errors import NotFoundError
from .models import ArticleRow, ClaimRow, SpeakerRow, TopicRow
from .records import FRAGMENT_GAP, StanceChange, StancePoint
from .store import Store


class Stances:
    def __init__(self, store: Store):
        self._store = store

    def stance_timeline(self, topic_id: int | None = None) -> list[StancePoint]:
        """Confirmed claims on a topic (or on any topic) in date order.

        The date is the statement date, or the article's publication date when the
        claim has none (``date_from_article``); claims with neither are left out.
        """
        with self._store.reading() as s:
            _check_topic(s, topic_id)
            return _points(s.connection().execute(_timeline_query(topic_id)))

    def stance_changes(self, topic_id: int | None = None, *, same_day: bool = False) -> list[StanceChange]:
        """Where a speaker, or speakers of one affiliation, changed stance on a topic, strongest first.

        Each speaker's and each affiliation's confirmed claims with a stance are put in
        date order and grouped into moments (one article on one day). A moment whose
        decided stance (in favour or against) differs from the lane's last decided stance
        is a reversal; a moment that differs from the one before only by going to or from
        neutral is a softer shift. Two claims of one moment make a change only when
        ``same_day`` asks for them. Ordered by topic, reversals first, then by the date of
        the later claim.

        Plain column queries: first the few columns that decide where stances change
        (claim, article, topic, stance, dates, speaker, affiliation), then whole points
        only for the claims in a change, a few hundred of 100,000.
        """
        q = (select(ClaimRow.id, ClaimRow.article_id, ClaimRow.topic_id, ClaimRow.stance, ClaimRow.date,
                    ArticleRow.published, ClaimRow.speaker_id, SpeakerRow.affiliation)
             .join(TopicRow, TopicRow.id == ClaimRow.topic_id)
             .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
             .outerjoin(SpeakerRow, SpeakerRow.id == ClaimRow.speaker_id)
             .where(ClaimRow.status == "confirmed", ClaimRow.stance.is_not(None), ClaimRow.layer.is_(None)))
        if topic_id is not None:
            q = q.where(ClaimRow.topic_id == topic_id)
        with self._store.reading() as s:
            _check_topic(s, topic_id)
            judged = [(cid, aid, tid, stance, date or published, speaker_id, affiliation)
                      for cid, aid, tid, stance, date, published, speaker_id, affiliation in s.connection().execute(q)
                      if date is not None or published is not None]
            judged.sort(key=itemgetter(4, 1, 0))  # date, article, claim: the timeline's order
            found = _changed(judged, same_day=same_day)
            wanted = sorted({cid for _, before, after in found for cid in (before, after)})
            points: dict[int, StancePoint] = {}
            for first in range(0, len(wanted), 500):
                chunk = _timeline_query(topic_id).where(ClaimRow.id.in_(wanted[first:first + 500]))
                points.update((p.claim_id, p) for p in _points(s.connection().execute(chunk)))
        changes = []
        for basis, before, after in found:
            b, a = points[before], points[after]
            changes.append(StanceChange(topic_id=a.topic_id, topic=a.topic, basis=basis,
                                        group=a.speaker if basis == "speaker" else a.affiliation, before=b, after=a))
        changes.sort(key=lambda c: (c.topic.casefold(), not c.reversal, c.same_moment, c.after.date, c.before.date,
                                    c.basis != "speaker", c.after.claim_id))
        return changes


def _timeline_query(topic_id: int | None):
    """Confirmed claims on a topic (or any topic), in ``StancePoint``'s field order but for the
    date, which ``_points`` settles (statement date, else the article's publication date)."""
    q = (select(ClaimRow.id, ClaimRow.article_id, ClaimRow.topic_id, TopicRow.name, ClaimRow.content_text,
                ClaimRow.stance, ClaimRow.date, ArticleRow.published, ClaimRow.speaker_id, SpeakerRow.name,
                SpeakerRow.affiliation, ClaimRow.role, ArticleRow.title, ArticleRow.url, ArticleRow.publisher,
                ClaimRow.fragments)
         .join(TopicRow, TopicRow.id == ClaimRow.topic_id)
         .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
         .outerjoin(SpeakerRow, SpeakerRow.id == ClaimRow.speaker_id)
         .where(ClaimRow.status == "confirmed", ClaimRow.layer.is_(None)))
    return q if topic_id is None else q.where(ClaimRow.topic_id == topic_id)


def _points(rows) -> list[StancePoint]:
    """Timeline points from ``_timeline_query`` rows, in date order; claims without any date left out."""
    points = [StancePoint(cid, aid, tid, topic, FRAGMENT_GAP.join(f["text"] for f in pieces) if pieces else quote,
                          stance, date or published, date is None, *rest)
              for cid, aid, tid, topic, quote, stance, date, published, *rest, pieces in rows
              if date is not None or published is not None]
    points.sort(key=lambda p: (p.date, p.article_id, p.claim_id))
    return points


def _check_topic(s, topic_id: int | None) -> None:
    if topic_id is not None and s.get(TopicRow, topic_id) is None:
        raise NotFoundError(f"There is no topic {topic_id} in this project.")


def _changed(judged: list[tuple], *, same_day: bool = False) -> list[tuple[str, int, int]]:
    """(basis, earlier claim id, later claim id) of the stance changes in each speaker's and each
    affiliation's lane; ``judged`` rows: (claim, article, topic, stance, date, speaker, affiliation)."""
    by_topic: dict[int, list[tuple]] = defaultdict(list)
    for row in judged:
        by_topic[row[2]].append(row)
    found = []
    for rows in by_topic.values():
        seen: set[tuple[int, int]] = set()
        for basis, key_of in (("speaker", itemgetter(5)),
                              ("affiliation", lambda r: (r[6] or "").casefold() or None)):
            lanes: dict[object, list[tuple]] = defaultdict(list)
            for r in rows:
                key = key_of(r)
                if key is not None:
                    lanes[key].append(r)
            for lane in lanes.values():
                for before, after in _lane_changes(lane, same_day=same_day):
                    if (before, after) not in seen:
                        seen.add((before, after))
                        found.append((basis, before, after))
    return found


DECIDED = ("favor", "against")


def _lane_changes(lane: list[tuple], *, same_day: bool) -> list[tuple[int, int]]:
    """(earlier, later) claim ids of one lane's changes; rows in date order, grouped into moments
    (one article on one day): reversals against the last decided stance, then softer shifts between
    neighbouring moments, and, when asked, changes inside a moment."""
    moments: list[list[tuple]] = []
    for row in lane:
        if moments and (moments[-1][0][1], moments[-1][0][4]) == (row[1], row[4]):
            moments[-1].append(row)
        else:
            moments.append([row])
    out = []
    last_decided: tuple | None = None
    for i, moment in enumerate(moments):
        if same_day:
            out += [(a[0], b[0]) for a, b in zip(moment, moment[1:]) if a[3] != b[3]]
        if i:
            reversal = next((r for r in moment if r[3] in DECIDED and last_decided is not None
                             and r[3] != last_decided[3]), None)
            if reversal is not None:
                out.append((last_decided[0], reversal[0]))
            else:
                previous = moments[i - 1]
                pair = next(((a, b) for b in moment for a in reversed(previous) if a[3] != b[3]), None)
                if pair is not None:
                    out.append((pair[0][0], pair[1][0]))
        decided = [r for r in moment if r[3] in DECIDED]
        if decided:
            last_decided = decided[-1]
    return out
