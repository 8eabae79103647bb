"""Project verbs for the speaker registry, topics and fact-check analysis (stance changes).

Mixed into ``db.project.Project``; uses its ``_reading``/``_writing``/``_action`` helpers.
Merges, splits and renames are undoable actions like any other edit: every claim
they move is an ``update`` of its ``speaker_id``/``topic_id`` in one action, so
``Project.undo`` puts everything back and the audit log keeps what happened.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from itertools import combinations
from operator import itemgetter

from sqlalchemy import func, select

from .actions import now
from .errors import InvalidValueError, NotFoundError
from .models import ArticleRow, ClaimRow, ConfigRow, SpeakerRoleRow, SpeakerRow, TopicRow, name_key
from .records import FRAGMENT_GAP, Changes, MergeProposal, Speaker, StanceChange, StancePoint

DISMISSED_MERGES_KEY = "registry.dismissed_merges"
# Words that make a name an institution ("Meloni's office"), never merged with a person's name.
INSTITUTION_WORDS = frozenset({
    "office", "ministry", "government", "spokesperson", "spokesman", "spokeswoman", "press", "department",
    "administration", "embassy", "cabinet", "agency", "party", "council", "committee",
})
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "dame"})
ROLE_EVIDENCE_DAYS = 365  # a role seen on a confirmed claim stands for this long either side of it


class RegistryVerbs:
    # ---------------------------------------------------------------- speakers
    def _speaker_row(self, s, speaker_id: int) -> SpeakerRow:
        row = s.get(SpeakerRow, speaker_id)
        if row is None:
            raise NotFoundError(f"There is no speaker {speaker_id} in this project.")
        return row

    def merge_speakers(self, keep_id: int, other_id: int, *, annotator: str | None = None) -> Changes:
        """Fold speaker ``other_id`` into ``keep_id``: its claims, name (as an alias), aliases and roles follow.

        One undoable action ("Merge speakers"); the merged-away speaker is deleted.
        """
        if keep_id == other_id:
            raise InvalidValueError("A speaker cannot be merged with itself.")
        with self._action("Merge speakers", annotator) as rec:
            s = rec.session
            keep, other = self._speaker_row(s, keep_id), self._speaker_row(s, other_id)
            for claim in s.scalars(select(ClaimRow).where(ClaimRow.speaker_id == other_id)):
                rec.set(claim, "speaker_id", keep_id)
            aliases = list(keep.aliases or [])
            seen = {keep.name.casefold(), *(a.casefold() for a in aliases)}
            for name in [other.name, *(other.aliases or [])]:
                if name.casefold() not in seen:
                    aliases.append(name)
                    seen.add(name.casefold())
            rec.set(keep, "aliases", aliases)
            if not keep.affiliation and other.affiliation:
                rec.set(keep, "affiliation", other.affiliation)
            have = {(r.role.casefold(), r.start, r.end)
                    for r in s.scalars(select(SpeakerRoleRow).where(SpeakerRoleRow.speaker_id == keep_id))}
            for role in list(s.scalars(select(SpeakerRoleRow).where(SpeakerRoleRow.speaker_id == other_id)
                                       .order_by(SpeakerRoleRow.id))):
                key = (role.role.casefold(), role.start, role.end)
                if key not in have:
                    moved = SpeakerRoleRow(speaker_id=keep_id, role=role.role, start=role.start, end=role.end)
                    s.add(moved)
                    rec.inserted(moved)
                    have.add(key)
                rec.delete(role)
            rec.delete(other)
        return self._changes(rec)

    def split_alias(self, speaker_id: int, alias: str, *, affiliation: str | None = None,
                    annotator: str | None = None) -> tuple[Speaker, Changes]:
        """Make an alias its own speaker again; claims whose speaker mention is that alias go with it."""
        wanted = (alias or "").strip().casefold()
        with self._action("Split alias", annotator) as rec:
            s = rec.session
            row = self._speaker_row(s, speaker_id)
            found = [a for a in (row.aliases or []) if a.casefold() == wanted]
            if not found:
                raise InvalidValueError(f"“{alias}” is not an alias of {row.name}.")
            name = found[0]
            if s.scalar(select(SpeakerRow.id).where(SpeakerRow.name_key == name_key(name))) is not None:
                raise InvalidValueError(f"There is already a speaker called {name}.")
            rec.set(row, "aliases", [a for a in row.aliases if a.casefold() != wanted])
            new = SpeakerRow(name=name, aliases=[], affiliation=(affiliation or "").strip() or None,
                             created_at=now())
            s.add(new)
            rec.inserted(new)
            for claim in s.scalars(select(ClaimRow).where(ClaimRow.speaker_id == speaker_id)):
                if (claim.mention_text or "").strip().casefold() == wanted:
                    rec.set(claim, "speaker_id", new.id)
            new_id = new.id
        return self.speaker(new_id), self._changes(rec)

    def suggest_role(self, speaker_id: int, on_date: dt.date | None = None) -> str | None:
        """The role a speaker held on a date (the current one without a date), or None.

        From the registry's dated roles first: when several cover the date, the one that
        started last wins (a minister promoted to prime minister is the prime minister
        from that day on). Failing that, the role on the speaker's confirmed claim nearest
        in date, if it is within ROLE_EVIDENCE_DAYS.
        """
        with self._reading() as s:
            self._speaker_row(s, speaker_id)
            return self._registry_role(s, speaker_id, on_date)

    @staticmethod
    def _registry_role(s, speaker_id: int, on_date: dt.date | None) -> str | None:
        """``suggest_role`` inside an open session (also used when a claim is stored without a role)."""
        roles = list(s.scalars(select(SpeakerRoleRow).where(SpeakerRoleRow.speaker_id == speaker_id)))
        role = pick_role([(r.role, r.start, r.end) for r in roles], on_date)
        if role is not None or on_date is None:
            return role
        evidence = s.execute(select(ClaimRow.role, ClaimRow.date).where(
            ClaimRow.speaker_id == speaker_id, ClaimRow.status == "confirmed", ClaimRow.role.is_not(None),
            ClaimRow.date.is_not(None))).all()
        near = [(abs((d - on_date).days), r) for r, d in evidence if abs((d - on_date).days) <= ROLE_EVIDENCE_DAYS]
        return min(near)[1] if near else None

    def speaker_merge_proposals(self) -> list[MergeProposal]:
        """Pairs of speakers that look like one person ("Meloni" / "Giorgia Meloni"), for a person to confirm.

        Pairs dismissed with ``dismiss_merge_proposal`` are not proposed again.
        """
        with self._reading() as s:
            counts = dict(s.execute(select(ClaimRow.speaker_id, func.count()).group_by(ClaimRow.speaker_id)).all())
            rows = [(r.id, r.name, tuple(r.aliases or ())) for r in s.scalars(select(SpeakerRow))]
            dismissed = s.scalar(select(ConfigRow.value).where(ConfigRow.key == DISMISSED_MERGES_KEY)) or []
        dismissed = {tuple(sorted(pair)) for pair in dismissed}
        variants = {sid: [(n, name_tokens(n)) for n in (name, *aliases)] for sid, name, aliases in rows}
        names = {sid: name for sid, name, _ in rows}
        by_surname: dict[str, set[int]] = defaultdict(set)
        for sid, forms in variants.items():
            for _, tokens in forms:
                names_only = [t for t in tokens if t not in INSTITUTION_WORDS]
                if names_only:  # "Meloni's office" is filed under "meloni", not "office"
                    by_surname[names_only[-1]].add(sid)
        pairs = {tuple(sorted(p)) for ids in by_surname.values() for p in combinations(ids, 2)}
        out = []
        for a, b in sorted(pairs - dismissed):
            match = _best_match(variants[a], variants[b])
            if match is None:
                continue
            full_a, full_b, reason = match
            a_first = _fuller(full_a, counts.get(a, 0), a) >= _fuller(full_b, counts.get(b, 0), b)
            keep, other = (a, b) if a_first else (b, a)
            out.append(MergeProposal(keep_id=keep, keep=names[keep], other_id=other, other=names[other],
                                     reason=reason, keep_claims=counts.get(keep, 0),
                                     other_claims=counts.get(other, 0)))
        return sorted(out, key=lambda p: (p.keep.casefold(), p.other.casefold()))

    def dismiss_merge_proposal(self, speaker_a: int, speaker_b: int) -> None:
        """Remember that two speakers are different people, so they are not proposed for merging again."""
        pair = sorted((speaker_a, speaker_b))
        with self._writing() as s:
            row = s.scalar(select(ConfigRow).where(ConfigRow.key == DISMISSED_MERGES_KEY))
            if row is None:
                s.add(ConfigRow(key=DISMISSED_MERGES_KEY, value=[pair]))
            elif pair not in row.value:
                row.value = [*row.value, pair]

    # ------------------------------------------------------------------ topics
    def rename_topic(self, topic_id: int, name: str, *, annotator: str | None = None) -> Changes:
        name = (name or "").strip()
        if not name:
            raise InvalidValueError("A topic needs a name.")
        with self._action("Rename topic", annotator) as rec:
            row = rec.session.get(TopicRow, topic_id)
            if row is None:
                raise NotFoundError(f"There is no topic {topic_id} in this project.")
            clash = rec.session.scalar(select(TopicRow.id).where(
                TopicRow.name_key == name_key(name), TopicRow.id != topic_id))
            if clash is not None:
                raise InvalidValueError(f"There is already a topic called {name}; merge them instead.")
            rec.set(row, "name", name)
        return self._changes(rec)

    def merge_topics(self, keep_id: int, other_id: int, *, annotator: str | None = None) -> Changes:
        """Fold topic ``other_id`` into ``keep_id``: claims, keywords and examples follow; one undoable action."""
        if keep_id == other_id:
            raise InvalidValueError("A topic cannot be merged with itself.")
        with self._action("Merge topics", annotator) as rec:
            s = rec.session
            keep, other = s.get(TopicRow, keep_id), s.get(TopicRow, other_id)
            for ident, row in ((keep_id, keep), (other_id, other)):
                if row is None:
                    raise NotFoundError(f"There is no topic {ident} in this project.")
            for claim in s.scalars(select(ClaimRow).where(ClaimRow.topic_id == other_id)):
                rec.set(claim, "topic_id", keep_id)
            for key in ("keywords", "examples"):
                merged = list(getattr(keep, key) or [])
                seen = {v.casefold() for v in merged}
                merged += [v for v in getattr(other, key) or [] if v.casefold() not in seen]
                rec.set(keep, key, merged)
            rec.delete(other)
        return self._changes(rec)

    # -------------------------------------------------------------- fact-check
    @staticmethod
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
             .where(ClaimRow.status == "confirmed"))
        return q if topic_id is None else q.where(ClaimRow.topic_id == topic_id)

    @staticmethod
    def _points(rows) -> list[StancePoint]:
        """Timeline points from ``_timeline_query`` rows, in date order; claims without any date left out."""
        points = [StancePoint(cid, aid, tid, topic, FRAGMENT_GAP.join(f["text"] for f in pieces) if pieces else quote,
                              stance, date or published, date is None, *rest)
                  for cid, aid, tid, topic, quote, stance, date, published, *rest, pieces in rows
                  if date is not None or published is not None]
        points.sort(key=lambda p: (p.date, p.article_id, p.claim_id))
        return points

    @staticmethod
    def _check_topic(s, topic_id: int | None) -> None:
        if topic_id is not None and s.get(TopicRow, topic_id) is None:
            raise NotFoundError(f"There is no topic {topic_id} in this project.")

    def stance_timeline(self, topic_id: int | None = None) -> list[StancePoint]:
        """Confirmed claims on a topic (or on any topic) in date order.

        The date is the statement date, or the article's publication date when the
        claim has none (``date_from_article``); claims with neither are left out.
        """
        with self._reading() as s:
            self._check_topic(s, topic_id)
            return self._points(s.connection().execute(self._timeline_query(topic_id)))

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
             .where(ClaimRow.status == "confirmed", ClaimRow.stance.is_not(None)))
        if topic_id is not None:
            q = q.where(ClaimRow.topic_id == topic_id)
        with self._reading() as s:
            self._check_topic(s, topic_id)
            judged = [(cid, aid, tid, stance, date or published, speaker_id, affiliation)
                      for cid, aid, tid, stance, date, published, speaker_id, affiliation in s.connection().execute(q)
                      if date is not None or published is not None]
            judged.sort(key=itemgetter(4, 1, 0))  # date, article, claim: the timeline's order
            found = self._changed(judged, same_day=same_day)
            wanted = sorted({cid for _, before, after in found for cid in (before, after)})
            points: dict[int, StancePoint] = {}
            for first in range(0, len(wanted), 500):
                chunk = self._timeline_query(topic_id).where(ClaimRow.id.in_(wanted[first:first + 500]))
                points.update((p.claim_id, p) for p in self._points(s.connection().execute(chunk)))
        changes = []
        for basis, before, after in found:
            b, a = points[before], points[after]
            changes.append(StanceChange(topic_id=a.topic_id, topic=a.topic, basis=basis,
                                        group=a.speaker if basis == "speaker" else a.affiliation, before=b, after=a))
        changes.sort(key=lambda c: (c.topic.casefold(), not c.reversal, c.same_moment, c.after.date, c.before.date,
                                    c.basis != "speaker", c.after.claim_id))
        return changes

    @staticmethod
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


def pick_role(roles: list[tuple[str, dt.date | None, dt.date | None]], on_date: dt.date | None) -> str | None:
    """The role covering ``on_date`` that started last; without a date, the open-ended one that started last."""
    if on_date is None:
        covering = [r for r in roles if r[2] is None]
    else:
        covering = [r for r in roles if (r[1] is None or r[1] <= on_date) and (r[2] is None or on_date <= r[2])]
    if not covering:
        return None
    return max(covering, key=lambda r: (r[1] or dt.date.min, r[2] is not None))[0]


def name_tokens(name: str) -> tuple[str, ...]:
    """Lower-case words of a name without accents, possessive 's and honorifics."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"['’]s\b", "", plain)
    return tuple(t for t in re.findall(r"\w+", plain) if t not in HONORIFICS)


def _part_of(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Every word of ``short`` appears in ``long`` in order (an initial matches its word); same last word."""
    if not short or not long or short[-1] != long[-1] or len(short[-1]) < 2:
        return False
    i = 0
    for word in long:
        if i < len(short) and (word == short[i] or (len(short[i]) == 1 and word.startswith(short[i]))):
            i += 1
    return i == len(short)


def _best_match(forms_a, forms_b) -> tuple[tuple[str, ...], tuple[str, ...], str] | None:
    for name_a, a in forms_a:
        for name_b, b in forms_b:
            if bool(INSTITUTION_WORDS & set(a)) != bool(INSTITUTION_WORDS & set(b)):
                continue
            if a == b:
                return a, b, f"“{name_a}” and “{name_b}” differ only in case, accents or titles"
            if len(a) <= len(b) and _part_of(a, b):
                return a, b, f"“{name_a}” is part of “{name_b}”"
            if len(b) <= len(a) and _part_of(b, a):
                return a, b, f"“{name_b}” is part of “{name_a}”"
    return None


def _fuller(tokens: tuple[str, ...], claims: int, ident: int) -> tuple[int, int, int, int]:
    """Sort key for the name to keep: more words, then longer words (not initials), more claims, older."""
    return len(tokens), sum(map(len, tokens)), claims, -ident
