"""Bulk reading and loading of whole projects (JSON import, exports, benchmarks).

Reading streams plain records from one read transaction (a consistent snapshot,
without the ORM's per-row cost); loading inserts prepared records in bulk,
keeping their ids, timestamps and versions where the target project allows.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import MISSING, dataclass, field, fields

from sqlalchemy import JSON, DateTime, String, bindparam, cast, func, insert, literal_column, select, text, type_coerce
from sqlalchemy.exc import OperationalError

from kernel import KINDS, ORIGINS, STANCES, STATUSES, ClaimDraft, Span, content_hash

from . import fragments as _fragments
from .actions import ensure_annotator, now
from .errors import InvalidValueError
from .models import ArticleRow, AuditRow, ClaimRow, SpeakerRoleRow, SpeakerRow, TopicRow, name_key
from .claims import filtered, paged
from .records import Article, Claim, ClaimFilter, ClaimValues, NewArticle, SpeakerRole
from .registry import resolve_speaker, resolve_topic
from .search import indexed_after_insert
from .store import Store


@dataclass(frozen=True)
class BulkClaim:
    """A claim to load as it was elsewhere: its draft (offsets into its article's text) and what the
    other project recorded about it (id, speaker id, annotator, timestamps and version, kept)."""

    id: int | None
    draft: ClaimDraft
    speaker_id: int | None = None  # an id of the loaded document's speakers; else draft.speaker names one
    annotator: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    version: int = 1


@dataclass(frozen=True)
class BulkArticle:
    """An article to load as it was elsewhere: what an importer would add (``NewArticle``) and what
    the other project recorded about it (id, import time, done mark, when it got suggestions), with
    its claims."""

    id: int | None
    article: NewArticle
    imported_at: dt.datetime | None = None
    done: bool = False
    suggested_at: dt.datetime | None = None
    claims: tuple[BulkClaim, ...] = ()


@dataclass(frozen=True)
class BulkSpeaker:
    id: int | None
    name: str
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    roles: tuple[SpeakerRole, ...] = ()


@dataclass(frozen=True)
class BulkTopic:
    id: int | None
    name: str
    keywords: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class LoadResult:
    """What ``load_bulk`` did; ``notes`` are sentences for the person who asked for the import."""

    articles_added: int = 0
    articles_merged: int = 0
    articles_skipped: int = 0
    claims_added: int = 0
    claims_skipped: int = 0
    speakers_added: int = 0
    topics_added: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)


_CLAIM_COLUMNS = tuple(zip(ClaimValues._fields, (  # (name, column), in ClaimValues' order
    ClaimRow.id, ClaimRow.article_id, ClaimRow.start, ClaimRow.end, ClaimRow.content_text, ClaimRow.kind,
    ClaimRow.cue_start, ClaimRow.cue_end, ClaimRow.cue_text, ClaimRow.speaker_id, SpeakerRow.name,
    ClaimRow.mention_start, ClaimRow.mention_end, ClaimRow.mention_text, ClaimRow.role, ClaimRow.date,
    ClaimRow.date_text, ClaimRow.date_assumed, ClaimRow.stance, ClaimRow.topic_id, TopicRow.name,
    ClaimRow.verdict_rating, ClaimRow.verdict_explanation, ClaimRow.verdict_url, ClaimRow.note, ClaimRow.status,
    ClaimRow.origin, ClaimRow.model_name, ClaimRow.model_version, ClaimRow.confidence, ClaimRow.annotator,
    ClaimRow.created_at, ClaimRow.updated_at, ClaimRow.version, ArticleRow.title, ArticleRow.published,
    ClaimRow.verdict_date, ClaimRow.fragments, ClaimRow.layer, ClaimRow.settled_by,
), strict=True))
# Dates come back as stored (ISO text on SQLite) and are parsed by the C ``fromisoformat``:
# SQLAlchemy's SQLite date processing costs more than the rest of the row.
_DAYS = ("date", "article_published", "verdict_date")
_MOMENTS = ("created_at", "updated_at")
_STREAM_COLUMNS = tuple((type_coerce(c, String) if name in _DAYS + _MOMENTS else c).label(name)
                        for name, c in _CLAIM_COLUMNS)
# On SQLite, timestamps "YYYY-MM-DD HH:MM:SS.ffffff" become ISO 8601 in the query itself, and a claim in
# one piece (its fragments stored as the JSON text null) comes back as NULL: not decoded row by row.
_ISO_COLUMNS = tuple(type_coerce(func.replace(c, " ", "T"), String).label(name) if name in _MOMENTS
                     else type_coerce(func.nullif(type_coerce(c, String), "null"), JSON).label(name)
                     if name == "fragments" else stream
                     for (name, c), stream in zip(_CLAIM_COLUMNS, _STREAM_COLUMNS, strict=True))


def _day(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value[:10])


def _moment(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(value)


def _iso_day(value) -> str | None:
    if value is None or isinstance(value, str):
        return value[:10] if value else None
    return value.isoformat()


def _iso_moment(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 26:  # SQLite's "YYYY-MM-DD HH:MM:SS.ffffff"
        return value[:10] + "T" + value[11:]
    return _moment(value).isoformat(timespec="microseconds")


CLAIM_VALUE_FIELDS = ClaimValues._fields


@functools.cache
def _claim_fields_type(names: tuple[str, ...]) -> type:
    """A named tuple of some of ``ClaimValues``' fields (read by name, like it)."""
    return collections.namedtuple("ClaimFields", names)


# Defaults of fields a newer Claim may have that this module does not read yet.
_CLAIM_DEFAULTS = {f.name: f.default for f in fields(Claim) if f.default is not MISSING}
_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))
_ARTICLE_COLUMNS = tuple(type_coerce(getattr(ArticleRow, name), String)
                         if name in ("published", "imported_at", "suggested_at") else getattr(ArticleRow, name)
                         for name in _ARTICLE_FIELDS)
_ARTICLES_BY_ID = (select(*_ARTICLE_COLUMNS).where(ArticleRow.id.in_(bindparam("ids", expanding=True)))
                   .order_by(ArticleRow.id))
_new = object.__new__


def _record(cls, names: tuple[str, ...], values, defaults: dict | None = None) -> object:
    """A frozen record built without its __init__ (whose frozen setattr per field is the cost of a big export)."""
    obj = _new(cls)
    if defaults:
        obj.__dict__.update(defaults)
    obj.__dict__.update(zip(names, values))
    return obj


def _span(start, end, text) -> Span | None:
    if start is None or end is None:
        return None
    obj = _new(Span)
    obj.__dict__.update(start=start, end=end, text=text or "")
    return obj


def _pieces(value, content: Span) -> tuple[Span, ...]:
    if not value:
        return (content,)
    return tuple(_span(d["start"], d["end"], d["text"]) for d in value)


def _claim(v: ClaimValues) -> Claim:
    """The claim record of a streamed row, read by name."""
    content = _span(v.start, v.end, v.content_text)
    obj = _new(Claim)
    obj.__dict__.update(_CLAIM_DEFAULTS)
    obj.__dict__.update(
        id=v.id, article_id=v.article_id, content=content, kind=v.kind,
        cue=_span(v.cue_start, v.cue_end, v.cue_text), speaker_id=v.speaker_id, speaker=v.speaker,
        mention=_span(v.mention_start, v.mention_end, v.mention_text), role=v.role, date=_day(v.date),
        date_text=v.date_text, date_assumed=bool(v.date_assumed), stance=v.stance, topic_id=v.topic_id,
        topic=v.topic, verdict_rating=v.verdict_rating, verdict_explanation=v.verdict_explanation,
        verdict_url=v.verdict_url, note=v.note, status=v.status, origin=v.origin, model_name=v.model_name,
        model_version=v.model_version, confidence=v.confidence, annotator=v.annotator,
        created_at=_moment(v.created_at), updated_at=_moment(v.updated_at), version=v.version,
        article_title=v.article_title, article_published=_day(v.article_published),
        verdict_date=_day(v.verdict_date), fragments=_pieces(v.fragments, content), layer=v.layer,
        settled_by=v.settled_by)
    return obj


class _Ids:
    """Ids for new rows of one table: the wanted id when never used here, else the next unused one.

    Ids are never reused (undo and the audit log refer to them), so a wanted id
    is kept only above the table's high-water mark (SQLite's AUTOINCREMENT
    counter). Ids are assigned here, inside the write transaction, so rows can
    be inserted in large batches; ``_sync_sequences`` tells PostgreSQL afterwards.
    """

    def __init__(self, s, table: str, taken):
        self.taken = set(taken)
        self.floor = max(_high_water(s, table), max(self.taken, default=0))
        self.next = self.floor + 1

    def take(self, wanted: int | None) -> int:
        if wanted is not None and wanted > self.floor and wanted not in self.taken:
            self.taken.add(wanted)
            return wanted
        while self.next in self.taken:
            self.next += 1
        self.taken.add(self.next)
        return self.next


def _high_water(s, table: str) -> int:
    """The highest id a table ever handed out (SQLite keeps it in sqlite_sequence)."""
    if s.get_bind().dialect.name != "sqlite":
        return 0
    try:
        return s.execute(text("SELECT seq FROM sqlite_sequence WHERE name = :t"), {"t": table}).scalar() or 0
    except OperationalError:  # no AUTOINCREMENT table yet
        return 0


def _sync_sequences(s) -> None:
    """After inserting explicit ids, move PostgreSQL's id sequences past them (SQLite needs nothing)."""
    if s.get_bind().dialect.name != "postgresql":
        return
    for table in ("articles", "claims", "speakers", "topics", "audit_log"):
        s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                       f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"))


# Columns of the rows ``load_bulk`` inserts, in the order its tuples hold them.
_ARTICLE_INSERT = ("id", "title", "source", "url", "publisher", "author", "published", "published_source",
                   "language", "raw_text", "text", "content_hash", "imported_at", "done", "suggested_at", "version")
_CLAIM_INSERT = ("id", "article_id", "start", "end", "content_text", "fragments", "kind", "cue_start", "cue_end",
                 "cue_text", "speaker_id", "mention_start", "mention_end", "mention_text", "role", "date",
                 "date_text", "date_assumed", "stance", "topic_id", "verdict_rating", "verdict_explanation",
                 "verdict_url", "verdict_date", "note", "status", "origin", "model_name", "model_version",
                 "confidence", "annotator", "created_at", "updated_at", "version")
_STATEMENTS: dict = {}  # (dialect, table, columns) -> (INSERT statement, [(position, bind processor, is JSON)])


def _insert_rows(s, table, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Insert rows (tuples of Python values in ``columns``' order) with the driver's executemany.

    Each value is converted by the column type's own bind processor for this dialect, as
    SQLAlchemy's ``insert()`` would (dates as ISO text and JSON serialised on SQLite, JSON
    wrapped for psycopg), so the rows are stored exactly as a Core insert stores them; what is
    skipped is SQLAlchemy's per-row parameter handling (dicts, compiled-parameter lookups),
    which cost more than SQLite's own work. Only the columns that have a processor are
    converted, a column at a time.
    """
    conn = s.connection()
    dialect = conn.dialect
    key = (dialect.name, table.name, columns)
    if key not in _STATEMENTS:
        quote = dialect.identifier_preparer.quote
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        statement = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
                     f"VALUES ({', '.join([mark] * len(columns))})")
        processors = []
        for i, name in enumerate(columns):
            process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                processors.append((i, process, isinstance(table.c[name].type, JSON)))
        _STATEMENTS[key] = statement, processors
    statement, processors = _STATEMENTS[key]
    if processors:
        values = list(zip(*rows, strict=True))
        for i, process, is_json in processors:
            values[i] = _converted(process, values[i], by_type=is_json)
        rows = list(zip(*values, strict=True))
    conn.exec_driver_sql(statement, rows)


def _audit_loaded(s, floor: int, stamp: dt.datetime) -> None:
    """An "import" entry in the audit log for each claim loaded (ids above ``floor``), made by one
    INSERT ... SELECT: ``{"status": …, "origin": …, "version": …}`` written by SQL exactly as
    json.dumps writes it (status and origin are words of our vocabularies: nothing to escape), in
    claim id order."""
    def json_text(expr):  # PostgreSQL's json column needs a cast; SQLite would make a number of one
        return cast(expr, JSON) if s.get_bind().dialect.name == "postgresql" else type_coerce(expr, JSON)

    def word(sql_text: str):  # a constant written into the statement (no bound value for JSON to encode)
        return literal_column(f"'{sql_text}'", String)

    new = (word('{"status": "') + ClaimRow.status + word('", "origin": "') + ClaimRow.origin + word('", "version": ')
           + cast(ClaimRow.version, String) + word("}"))
    rows = (select(word("claim"), ClaimRow.id, word("import"), json_text(word("null")), json_text(new),
                   bindparam("at", stamp, type_=DateTime))
            .where(ClaimRow.id > floor).order_by(ClaimRow.id))
    s.execute(insert(AuditRow.__table__).from_select(["entity", "entity_id", "kind", "old", "new", "at"], rows))


def _converted(process, column, *, by_type: bool) -> list:
    """``process`` applied to each value of a column, once per distinct value: a load's timestamps,
    dates, flags and empty JSON repeat (converting a timestamp on SQLite costs more than storing it).

    Values that compare equal convert alike for dates, timestamps, numbers and flags; a JSON
    column must keep 1, 1.0 and True apart (``by_type``), and may hold lists (unhashable)."""
    if not by_type:
        try:
            table = {value: process(value) for value in set(column)}
        except TypeError:  # an unhashable value: convert each
            return [process(value) for value in column]
        return list(map(table.__getitem__, column))
    memo: dict = {}
    out = []
    add = out.append
    for value in column:
        key = (value.__class__, value)
        try:
            add(memo[key])
        except KeyError:
            memo[key] = converted = process(value)
            add(converted)
        except TypeError:  # unhashable: a JSON list or object
            add(process(value))
    return out


class Bulk:
    def __init__(self, store: Store):
        self._store = store

    # ------------------------------------------------------------- reading
    def stream_claims(self, f: ClaimFilter | None = None, *, batch: int = 5000) -> Iterator[Claim]:
        for v in self._claim_rows(f, batch):
            yield _claim(v)

    def stream_claim_values(self, f: ClaimFilter | None = None, *, batch: int = 5000,
                            fields: Sequence[str] | None = None) -> Iterator[ClaimValues]:
        """``Project.stream_claim_values``."""
        if fields is not None:
            yield from self._claim_fields(f, batch, tuple(fields))
            return
        if self._store.dialect == "sqlite":  # SQLite already stores ISO text: finish it in SQL
            yield from self._claim_rows(f, batch, _ISO_COLUMNS)
            return
        for v in self._claim_rows(f, batch):
            yield v._replace(date=_iso_day(v.date), article_published=_iso_day(v.article_published),
                             verdict_date=_iso_day(v.verdict_date), created_at=_iso_moment(v.created_at),
                             updated_at=_iso_moment(v.updated_at))

    def _claim_fields(self, f: ClaimFilter | None, batch: int, names: tuple[str, ...]) -> Iterator[tuple]:
        """Rows of only these ``ClaimValues`` fields: a reader that needs half of them reads half."""
        unknown = [n for n in names if n not in CLAIM_VALUE_FIELDS]
        if unknown or len(set(names)) != len(names):
            raise InvalidValueError(f"Claim fields to read must be distinct names of ClaimValues' fields, "
                                    f"not {', '.join(unknown) or 'repeated ones'}.")
        sqlite = self._store.dialect == "sqlite"
        columns = dict(zip(CLAIM_VALUE_FIELDS, _ISO_COLUMNS if sqlite else _STREAM_COLUMNS, strict=True))
        rows = self._claim_rows(f, batch, [columns[n] for n in names], _claim_fields_type(names))
        if sqlite:
            yield from rows
            return
        convert = [(i, _iso_day if n in _DAYS else _iso_moment) for i, n in enumerate(names) if n in _DAYS + _MOMENTS]
        for v in rows:
            if convert:
                values = list(v)
                for i, to_iso in convert:
                    values[i] = to_iso(values[i])
                v = v._make(values)
            yield v

    def _claim_rows(self, f: ClaimFilter | None, batch: int, columns=_STREAM_COLUMNS,
                    record=ClaimValues) -> Iterator[ClaimValues]:
        f = f or ClaimFilter()
        make = record._make
        with self._store.streaming() as s:
            q = (select(*columns)
                 .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
                 .outerjoin(SpeakerRow, SpeakerRow.id == ClaimRow.speaker_id)
                 .outerjoin(TopicRow, TopicRow.id == ClaimRow.topic_id))
            result = s.connection().execute(paged(filtered(s, q, f), f))  # Core rows: no ORM loading
            while rows := result.fetchmany(batch):
                yield from map(make, rows)

    def iter_articles(self, ids: Sequence[int] | None = None, *, batch: int = 500) -> Iterator[Article]:
        """Whole articles (with text) in id order, all of them or those with the given ids."""
        if ids is not None:
            wanted = sorted(set(ids))
            for at in range(0, len(wanted), batch):  # the ids as one expanding parameter: the statement
                with self._store.streaming() as s:   # is built once, not once per batch with a value per id
                    yield from self._articles(s.connection().execute(_ARTICLES_BY_ID, {"ids": wanted[at:at + batch]}))
            return
        last = 0
        while True:
            with self._store.streaming() as s:
                q = select(*_ARTICLE_COLUMNS).where(ArticleRow.id > last).order_by(ArticleRow.id).limit(batch)
                rows = self._articles(s.connection().execute(q))
            yield from rows
            if len(rows) < batch:
                return
            last = rows[-1].id

    @staticmethod
    def _articles(result) -> list[Article]:
        return [_record(Article, _ARTICLE_FIELDS, (
            *r[:6], _day(r[6]), *r[7:12], _moment(r[12]), bool(r[13]), _moment(r[14]), r[15])) for r in result]

    def claim_versions(self, ids: Iterable[int]) -> dict[int, int]:
        """Current version of each existing claim among ``ids`` (for conflict checks)."""
        ids = list(dict.fromkeys(ids))
        out: dict[int, int] = {}
        with self._store.reading() as s:
            for i in range(0, len(ids), 500):
                out.update(s.execute(select(ClaimRow.id, ClaimRow.version)
                                     .where(ClaimRow.id.in_(ids[i:i + 500]))).all())
        return out

    # ------------------------------------------------------------- loading
    def load_bulk(self, articles: Iterable[BulkArticle], *, speakers: Sequence[BulkSpeaker] = (),
                  topics: Sequence[BulkTopic] = (), audit: bool = True) -> LoadResult:
        """``Project.load_bulk``."""
        notes: list[str] = []
        counts = dict.fromkeys(("articles_added", "articles_merged", "articles_skipped", "claims_added",
                                "claims_skipped", "speakers_added", "topics_added"), 0)
        with self._store.writing() as s, indexed_after_insert(s):
            speaker_ids = self._load_speakers(s, speakers, counts)
            topic_ids = {name_key(t.name): i for i, t in self._load_topics(s, topics, counts)}
            article_ids = _Ids(s, "articles", s.scalars(select(ArticleRow.id)))
            claim_ids = _Ids(s, "claims", s.scalars(select(ClaimRow.id)))
            pending_articles: list[tuple] = []
            pending_claims: list[tuple] = []
            by_hash = dict(s.execute(select(ArticleRow.content_hash, ArticleRow.id)).all())
            annotators: set[str] = set()
            stamp = now()
            for bulk in articles:
                art = bulk.article
                digest = art.content_hash or content_hash(art.text)
                existing = by_hash.get(digest)
                if existing is not None:
                    # Rare: only these rows are read back, after storing what is pending (same transaction),
                    # so nothing of the articles already loaded is held in memory.
                    self._flush(s, pending_articles, pending_claims)
                    if s.scalar(select(ArticleRow.text).where(ArticleRow.id == existing)) != art.text:
                        counts["articles_skipped"] += 1
                        notes.append(f"Skipped “{art.title or bulk.id}”: a different version of its text "
                                     f"is already in the project (article {existing}).")
                        continue
                    article_id = existing
                    counts["articles_merged"] += 1
                    spans = {(a, b) for a, b in s.execute(
                        select(ClaimRow.start, ClaimRow.end).where(ClaimRow.article_id == existing,
                                                                  ClaimRow.layer.is_(None)))}
                else:
                    if not art.text.strip():
                        raise InvalidValueError(f"Article {bulk.id} has no text.")
                    article_id = article_ids.take(bulk.id)
                    pending_articles.append((  # in _ARTICLE_INSERT's order
                        article_id, art.title, art.source, art.url, art.publisher, art.author, art.published,
                        art.published_source, art.language, art.raw_text if art.raw_text is not None else art.text,
                        art.text, digest, bulk.imported_at or stamp, bool(bulk.done), bulk.suggested_at, 1))
                    by_hash[digest] = article_id
                    counts["articles_added"] += 1
                    spans = set()
                for c in bulk.claims:
                    key = (c.draft.content.start, c.draft.content.end)
                    if key in spans:
                        counts["claims_skipped"] += 1
                        continue
                    spans.add(key)
                    pending_claims.append(self._bulk_claim_row(s, bulk, article_id, c, speaker_ids, topic_ids,
                                                               counts, claim_ids, stamp))
                    counts["claims_added"] += 1
                    if c.annotator:
                        annotators.add(c.annotator)
                if len(pending_claims) >= 5000 or len(pending_articles) >= 500:
                    self._flush(s, pending_articles, pending_claims)
            self._flush(s, pending_articles, pending_claims)
            if audit:
                _audit_loaded(s, claim_ids.floor, stamp)
            _sync_sequences(s)
            for name in annotators:
                ensure_annotator(s, name)
        return LoadResult(**counts, notes=tuple(notes))

    @staticmethod
    def _flush(s, articles: list[tuple], claims: list[tuple]) -> None:
        """Insert the pending rows (articles first, then claims), then clear the lists."""
        if articles:
            _insert_rows(s, ArticleRow.__table__, _ARTICLE_INSERT, articles)
        if claims:
            _insert_rows(s, ClaimRow.__table__, _CLAIM_INSERT, claims)
        articles.clear()
        claims.clear()

    def _bulk_claim_row(self, s, loaded: BulkArticle, article_id: int, bulk: BulkClaim, speaker_ids: dict,
                        topic_ids: dict, counts: dict, ids: _Ids, stamp: dt.datetime) -> tuple:
        c, text = bulk.draft, loaded.article.text
        kind, status, stance = c.kind, c.status, c.stance
        if kind not in KINDS or status not in STATUSES or (stance is not None and stance not in STANCES):
            label = f"claim {bulk.id} of article {loaded.id}"
            for what, value, allowed in (("kind", kind, KINDS), ("status", status, STATUSES),
                                         ("stance", stance, STANCES)):
                if value not in allowed and (what != "stance" or value is not None):
                    raise InvalidValueError(f"The {what} of {label} must be one of {', '.join(allowed)}, "
                                            f"not {value!r}.")
        content, cue, mention = c.content, c.cue, c.mention
        if content is None:
            raise InvalidValueError(f"Claim {bulk.id} of article {loaded.id} has no content span.")
        size = len(text)
        start, end = content.start, content.end
        if not 0 <= start < end <= size or (cue is not None and not 0 <= cue.start < cue.end <= size) or (
                mention is not None and not 0 <= mention.start < mention.end <= size):
            for what, sp in (("content", content), ("cue", cue), ("mention", mention)):
                if sp is not None and not 0 <= sp.start < sp.end <= size:
                    raise InvalidValueError(f"The {what} span {sp.start}–{sp.end} of claim {bulk.id} of article "
                                            f"{loaded.id} is outside the article text (0–{size}).")
        pieces = None
        fragments = c.fragments
        if fragments and (len(fragments) > 1 or fragments[0].start != start or fragments[0].end != end):
            label = f"claim {bulk.id} of article {loaded.id}"
            checked = _fragments.checked(text, fragments, label)
            if (checked[0].start, checked[-1].end) != (start, end):
                raise InvalidValueError(
                    f"The content span {start}–{end} of {label} must run from its first "
                    f"fragment's start to its last fragment's end ({checked[0].start}–{checked[-1].end}).")
            pieces = _fragments.to_stored(checked)
        speaker_id = None if bulk.speaker_id is None else speaker_ids.get(bulk.speaker_id)
        if speaker_id is None and c.speaker and c.speaker.strip():
            key = ("name", name_key(c.speaker))
            speaker_id = speaker_ids.get(key)
            if speaker_id is None:  # found by name or alias, or created
                speaker_id = speaker_ids[key] = resolve_speaker(None, s, c.speaker)
        topic_id = None
        if c.topic:
            topic_id = topic_ids.get(("as written", c.topic))
            if topic_id is None:
                topic_id = topic_ids.get(name_key(c.topic))
                if topic_id is None:
                    topic_id = topic_ids[name_key(c.topic)] = resolve_topic(None, s, c.topic)
                    counts["topics_added"] += 1
                topic_ids[("as written", c.topic)] = topic_id
        if cue is None:
            cue_start = cue_end = cue_text = None
        else:
            cue_start, cue_end = cue.start, cue.end
            cue_text = text[cue_start:cue_end]
        if mention is None:
            mention_start = mention_end = mention_text = None
        else:
            mention_start, mention_end = mention.start, mention.end
            mention_text = text[mention_start:mention_end]
        created_at, version = bulk.created_at or stamp, bulk.version
        return (  # in _CLAIM_INSERT's order
            ids.take(bulk.id), article_id, start, end, text[start:end], pieces, kind, cue_start, cue_end,
            cue_text, speaker_id, mention_start, mention_end, mention_text, c.role, c.date, c.date_text,
            bool(c.date_assumed), stance, topic_id, c.verdict_rating, c.verdict_explanation, c.verdict_url,
            c.verdict_date, c.note, status, c.origin if c.origin in ORIGINS else "import", c.model_name,
            c.model_version, c.confidence, bulk.annotator, created_at, bulk.updated_at or created_at,
            version if type(version) is int and version >= 1 else max(1, int(version or 1)))

    def _load_speakers(self, s, speakers: Sequence[BulkSpeaker], counts: dict) -> dict:
        """Map of document speaker id -> id here, adding the speakers that are new.

        Also maps ("name", case-folded name) -> id, a cache for claims that name their speaker.
        """
        existing = {name_key(name): i for i, name in s.execute(select(SpeakerRow.id, SpeakerRow.name))}
        ids = _Ids(s, "speakers", existing.values())
        mapping: dict = {}
        added: list[dict] = []  # new speakers, inserted together
        roles: dict[int, set] = {}  # each speaker's roles (role, start, end): a new one has none yet
        new_roles: list[dict] = []
        for sp in speakers:
            name = (sp.name or "").strip()
            if not name:
                continue
            sid = existing.get(name_key(name))
            if sid is None:
                sid = ids.take(sp.id)
                added.append(dict(id=sid, name=name, aliases=list(sp.aliases), affiliation=sp.affiliation,
                                  created_at=now()))
                existing[name_key(name)] = sid
                roles[sid] = set()
                counts["speakers_added"] += 1
            have = roles.get(sid)
            if have is None:
                have = roles[sid] = {tuple(r) for r in s.execute(
                    select(SpeakerRoleRow.role, SpeakerRoleRow.start, SpeakerRoleRow.end)
                    .where(SpeakerRoleRow.speaker_id == sid))}
            adding = [(r.role, r.start, r.end) for r in sp.roles if (r.role, r.start, r.end) not in have]
            new_roles += [dict(speaker_id=sid, role=role, start=start, end=end) for role, start, end in adding]
            have.update(adding)
            if sp.id is not None:
                mapping[sp.id] = sid
            mapping[("name", name_key(name))] = sid
        if added:
            s.execute(insert(SpeakerRow.__table__), added)
        if new_roles:
            s.execute(insert(SpeakerRoleRow.__table__), new_roles)
        return mapping

    def _load_topics(self, s, topics: Sequence[BulkTopic], counts: dict) -> list[tuple[int, BulkTopic]]:
        existing = {name_key(name): i for i, name in s.execute(select(TopicRow.id, TopicRow.name))}
        ids = _Ids(s, "topics", existing.values())
        out = []
        for t in topics:
            name = (t.name or "").strip()
            if not name:
                continue
            tid = existing.get(name_key(name))
            if tid is None:
                tid = ids.take(t.id)
                s.execute(insert(TopicRow.__table__), [dict(id=tid, name=name, keywords=list(t.keywords),
                                                            examples=list(t.examples), created_at=now())])
                existing[name_key(name)] = tid
                counts["topics_added"] += 1
            out.append((tid, t))
        return out
