"""The speaker registry and the topics: every write of a speaker, a role or a topic is here.

Also how claims find their speaker and topic by name (``resolve_speaker``, ``resolve_topic``)
and the role a speaker held on a date (``registry_role``). Merges, splits and renames are undoable actions like any other edit: every claim
they move is an ``update`` of its ``speaker_id``/``topic_id`` in one action, so
``Project.undo`` puts everything back and the audit log keeps what happened.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from . import convert
from .actions import Recorder, now
from .errors import InvalidValueError, NotFoundError
from .models import ClaimRow, ConfigRow, SpeakerRoleRow, SpeakerRow, TopicRow, name_key
from .records import Changes, MergeProposal, Speaker, SpeakerRole, Topic
from .store import Store, changes_of, clean

DISMISSED_MERGES_KEY = "registry.dismissed_merges"
# Words that make a name an institution ("Meloni's office"), never merged with a person's name.
INSTITUTION_WORDS = frozenset({
    "office", "ministry", "government", "spokesperson", "spokesman", "spokeswoman", "press", "department",
    "administration", "embassy", "cabinet", "agency", "party", "council", "committee",
})
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "dame"})
ROLE_EVIDENCE_DAYS = 365  # a role seen on a confirmed claim stands for this long either side of it


class Registry:
    def __init__(self, store: Store):
        self._store = store

    # ---------------------------------------------------------------- speakers
    def speakers(self) -> list[Speaker]:
        with self._store.reading() as s:
            counts = dict(s.execute(select(ClaimRow.speaker_id, func.count()).where(ClaimRow.layer.is_(None))
                                    .group_by(ClaimRow.speaker_id)).all())
            rows = s.scalars(select(SpeakerRow).order_by(SpeakerRow.name_key))
            return [convert.speaker(r, counts.get(r.id, 0)) for r in rows]

    def speaker(self, speaker_id: int) -> Speaker:
        with self._store.reading() as s:
            row = speaker_row(s, speaker_id)
            n = s.scalar(select(func.count()).select_from(ClaimRow)
                         .where(ClaimRow.speaker_id == speaker_id, ClaimRow.layer.is_(None)))
            return convert.speaker(row, n)

    def find_speaker(self, name: str) -> Speaker | None:
        """The registry speaker with this name or alias (case-insensitive), if any."""
        name = clean(name) or ""
        with self._store.reading() as s:
            sid = speaker_id_named(s, name)
            return convert.speaker(s.get(SpeakerRow, sid)) if sid is not None else None

    def add_speaker(self, name: str, *, aliases: Sequence[str] = (), affiliation: str | None = None,
                    roles: Sequence[SpeakerRole] = (), annotator: str | None = None) -> tuple[Speaker, Changes]:
        name = clean(name)
        if not name:
            raise InvalidValueError("A speaker needs a name.")
        with self._store.action("New speaker", annotator) as rec:
            s = rec.session
            if s.scalar(select(SpeakerRow.id).where(SpeakerRow.name_key == name_key(name))) is not None:
                raise InvalidValueError(f"There is already a speaker called {name}.")
            row = SpeakerRow(name=name, aliases=[a for a in dict.fromkeys(map(str.strip, aliases)) if a],
                             affiliation=clean(affiliation), created_at=now())
            s.add(row)
            rec.inserted(row)
            for r in roles:
                role_row = SpeakerRoleRow(speaker_id=row.id, role=r.role, start=r.start, end=r.end)
                s.add(role_row)
                rec.inserted(role_row)
            sid = row.id
        return self.speaker(sid), changes_of(rec)

    def update_speaker(self, speaker_id: int, *, annotator: str | None = None, expected_version: int | None = None,
                       **fields: Any) -> Changes:
        """Change name, aliases or affiliation of a speaker, undoably (ConflictError when stale)."""
        unknown = set(fields) - {"name", "aliases", "affiliation"}
        if unknown:
            raise InvalidValueError(f"Unknown speaker field(s): {', '.join(sorted(unknown))}.")
        with self._store.action("Edit speaker", annotator) as rec:
            row = speaker_row(rec.session, speaker_id)
            rec.expect(row, expected_version, fields)
            if "name" in fields:
                name = clean(fields["name"])
                if not name:
                    raise InvalidValueError("A speaker needs a name.")
                clash = rec.session.scalar(select(SpeakerRow.id).where(
                    SpeakerRow.name_key == name_key(name), SpeakerRow.id != speaker_id))
                if clash is not None:
                    raise InvalidValueError(f"There is already a speaker called {name}; merge them instead.")
                rec.set(row, "name", name)
            if "aliases" in fields:
                rec.set(row, "aliases", [a for a in dict.fromkeys(a.strip() for a in fields["aliases"]) if a])
            if "affiliation" in fields:
                rec.set(row, "affiliation", clean(fields["affiliation"]))
        return changes_of(rec)

    def add_speaker_role(self, speaker_id: int, role: str, start: dt.date | None = None,
                         end: dt.date | None = None, *, annotator: str | None = None) -> Changes:
        role = clean(role)
        if not role:
            raise InvalidValueError("A role needs a title.")
        if start and end and end < start:
            raise InvalidValueError("A role cannot end before it starts.")
        with self._store.action("Add role", annotator) as rec:
            speaker_row(rec.session, speaker_id)
            row = SpeakerRoleRow(speaker_id=speaker_id, role=role, start=start, end=end)
            rec.session.add(row)
            rec.inserted(row)
        return changes_of(rec)

    # ------------------------------------------------------------------ topics
    def topics(self) -> list[Topic]:
        with self._store.reading() as s:
            counts = dict(s.execute(select(ClaimRow.topic_id, func.count()).where(ClaimRow.layer.is_(None))
                                    .group_by(ClaimRow.topic_id)).all())
            return [convert.topic(r, counts.get(r.id, 0)) for r in s.scalars(select(TopicRow).order_by(TopicRow.name))]

    def topic(self, topic_id: int) -> Topic:
        with self._store.reading() as s:
            row = topic_row(s, topic_id)
            return convert.topic(row)

    def find_topic(self, name: str) -> Topic | None:
        with self._store.reading() as s:
            row = s.scalar(select(TopicRow).where(TopicRow.name_key == name_key(name or "")))
            return convert.topic(row) if row else None

    def add_topic(self, name: str, *, keywords: Sequence[str] = (), examples: Sequence[str] = (),
                  annotator: str | None = None) -> tuple[Topic, Changes]:
        name = clean(name)
        if not name:
            raise InvalidValueError("A topic needs a name.")
        with self._store.action("New topic", annotator) as rec:
            s = rec.session
            if s.scalar(select(TopicRow.id).where(TopicRow.name_key == name_key(name))) is not None:
                raise InvalidValueError(f"There is already a topic called {name}.")
            row = TopicRow(name=name, keywords=[k.strip() for k in keywords if k.strip()],
                           examples=[e.strip() for e in examples if e.strip()], created_at=now())
            s.add(row)
            rec.inserted(row)
            tid = row.id
        return self.topic(tid), changes_of(rec)

    def update_topic(self, topic_id: int, *, annotator: str | None = None, expected_version: int | None = None,
                     **fields: Any) -> Changes:
        unknown = set(fields) - {"name", "keywords", "examples"}
        if unknown:
            raise InvalidValueError(f"Unknown topic field(s): {', '.join(sorted(unknown))}.")
        with self._store.action("Edit topic", annotator) as rec:
            row = topic_row(rec.session, topic_id)
            rec.expect(row, expected_version, fields)
            if "name" in fields:
                name = clean(fields["name"])
                if not name:
                    raise InvalidValueError("A topic needs a name.")
                rec.set(row, "name", name)
            for key in ("keywords", "examples"):
                if key in fields:
                    rec.set(row, key, [v.strip() for v in fields[key] if v.strip()])
        return changes_of(rec)

    # ---------------------------------------------------------- merge, split
    def merge_speakers(self, keep_id: int, other_id: int, *, annotator: str | None = None) -> Changes:
        """Fold speaker ``other_id`` into ``keep_id``: its claims, name (as an alias), aliases and roles follow.

        One undoable action ("Merge speakers"); the merged-away speaker is deleted.
        """
        if keep_id == other_id:
            raise InvalidValueError("A speaker cannot be merged with itself.")
        with self._store.action("Merge speakers", annotator) as rec:
            s = rec.session
            keep, other = speaker_row(s, keep_id), speaker_row(s, other_id)
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
        return changes_of(rec)

    def split_alias(self, speaker_id: int, alias: str, *, affiliation: str | None = None,
                    annotator: str | None = None) -> tuple[Speaker, Changes]:
        """Make an alias its own speaker again; claims whose speaker mention is that alias go with it."""
        wanted = (alias or "").strip().casefold()
        with self._store.action("Split alias", annotator) as rec:
            s = rec.session
            row = speaker_row(s, speaker_id)
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
        return self.speaker(new_id), changes_of(rec)

    def suggest_role(self, speaker_id: int, on_date: dt.date | None = None) -> str | None:
        """The role a speaker held on a date (the current one without a date), or None.

        From the registry's dated roles first: when several cover the date, the one that
        started last wins (a minister promoted to prime minister is the prime minister
        from that day on). Failing that, the role on the speaker's confirmed claim nearest
        in date, if it is within ROLE_EVIDENCE_DAYS.
        """
        with self._store.reading() as s:
            speaker_row(s, speaker_id)
            return registry_role(s, speaker_id, on_date)

    def speaker_merge_proposals(self) -> list[MergeProposal]:
        """Pairs of speakers that look like one person ("Meloni" / "Giorgia Meloni"), for a person to confirm.

        Pairs dismissed with ``dismiss_merge_proposal`` are not proposed again.
        """
        with self._store.reading() as s:
            counts = dict(s.execute(select(ClaimRow.speaker_id, func.count()).where(ClaimRow.layer.is_(None))
                                    .group_by(ClaimRow.speaker_id)).all())
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
        with self._store.writing() as s:
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
        with self._store.action("Rename topic", annotator) as rec:
            row = topic_row(rec.session, topic_id)
            clash = rec.session.scalar(select(TopicRow.id).where(
                TopicRow.name_key == name_key(name), TopicRow.id != topic_id))
            if clash is not None:
                raise InvalidValueError(f"There is already a topic called {name}; merge them instead.")
            rec.set(row, "name", name)
        return changes_of(rec)

    def merge_topics(self, keep_id: int, other_id: int, *, annotator: str | None = None) -> Changes:
        """Fold topic ``other_id`` into ``keep_id``: claims, keywords and examples follow; one undoable action."""
        if keep_id == other_id:
            raise InvalidValueError("A topic cannot be merged with itself.")
        with self._store.action("Merge topics", annotator) as rec:
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
        return changes_of(rec)

    def remove_topic(self, topic_id: int, *, annotator: str | None = None) -> Changes:
        """Delete a topic; claims on it keep everything but the topic and their stance on it. One undoable action."""
        with self._store.action("Remove topic", annotator) as rec:
            s = rec.session
            row = topic_row(s, topic_id)
            for claim in s.scalars(select(ClaimRow).where(ClaimRow.topic_id == topic_id)):
                rec.set(claim, "topic_id", None)
                rec.set(claim, "stance", None)
            rec.delete(row)
        return changes_of(rec)


def speaker_row(s, speaker_id: int) -> SpeakerRow:
    row = s.get(SpeakerRow, speaker_id)
    if row is None:
        raise NotFoundError(f"There is no speaker {speaker_id} in this project.")
    return row


def topic_row(s, topic_id: int) -> TopicRow:
    row = s.get(TopicRow, topic_id)
    if row is None:
        raise NotFoundError(f"There is no topic {topic_id} in this project.")
    return row


def speaker_id_named(s, name: str) -> int | None:
    """The speaker whose name or one of whose aliases is ``name`` (case-insensitive)."""
    key = name_key(name)
    found = s.scalar(select(SpeakerRow.id).where(SpeakerRow.name_key == key).order_by(SpeakerRow.id))
    if found is not None:
        return found
    for sid, aliases in s.execute(select(SpeakerRow.id, SpeakerRow.aliases).order_by(SpeakerRow.id)):
        if any(name_key(a) == key for a in aliases or ()):
            return sid
    return None


def resolve_speaker(rec: Recorder | None, s, name: str | None) -> int | None:
    """The id of the speaker a claim names, created when new (and recorded, inside an action)."""
    name = clean(name)
    if not name:
        return None
    found = speaker_id_named(s, name)
    if found is not None:
        return found
    row = _added(s, SpeakerRow(name=name, aliases=[], affiliation=None, created_at=now()))
    if row is None:  # another process added it a moment ago: theirs is the one
        return speaker_id_named(s, name)
    if rec is not None:
        rec.inserted(row)
    return row.id


def resolve_topic(rec: Recorder | None, s, name: str | None) -> int | None:
    """The id of the topic a claim names, created when new (and recorded, inside an action)."""
    name = clean(name)
    if not name:
        return None
    named = select(TopicRow.id).where(TopicRow.name_key == name_key(name)).order_by(TopicRow.id)
    found = s.scalar(named)
    if found is not None:
        return found
    row = _added(s, TopicRow(name=name, keywords=[], examples=[], created_at=now()))
    if row is None:  # another process added it a moment ago: theirs is the one
        return s.scalar(named)
    if rec is not None:
        rec.inserted(row)
    return row.id


def _added(s, row):
    """``row`` inserted, or None when its unique name was taken by a write committed meanwhile.

    Two annotators naming the same new speaker at the same moment (PostgreSQL runs their writes in
    parallel): the second insert waits for the first to commit, then fails on the unique name; a
    savepoint keeps the rest of this action, and the name now refers to the other's row."""
    try:
        with s.begin_nested():
            s.add(row)
            s.flush()
    except IntegrityError:
        return None
    return row


def registry_role(s, speaker_id: int, on_date: dt.date | None) -> str | None:
    """``suggest_role`` inside an open session (also used when a claim is stored without a role)."""
    roles = list(s.scalars(select(SpeakerRoleRow).where(SpeakerRoleRow.speaker_id == speaker_id)))
    role = pick_role([(r.role, r.start, r.end) for r in roles], on_date)
    if role is not None or on_date is None:
        return role
    evidence = s.execute(select(ClaimRow.role, ClaimRow.date).where(
        ClaimRow.speaker_id == speaker_id, ClaimRow.status == "confirmed", ClaimRow.role.is_not(None),
        ClaimRow.layer.is_(None),
        ClaimRow.date.is_not(None))).all()
    near = [(abs((d - on_date).days), r) for r, d in evidence if abs((d - on_date).days) <= ROLE_EVIDENCE_DAYS]
    return min(near)[1] if near else None


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
