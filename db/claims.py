"""The claims of a project: the one claims filter, reading, and every write of a claim.

``filtered`` is the claims filter, in SQL: the window, the command line and the exports all
select claims through it (``ClaimFilter``). Claim writes (suggestions, manual marks, edits,
decisions, deletions) are all here, one place per kind of write.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kernel import KINDS, NO_STANCE, STANCES, STATUSES, ClaimDraft, Span

from . import convert, fragments, search
from .actions import Recorder, audit, now, snapshot
from .articles import article_row
from .errors import InvalidValueError, NotFoundError, NotYourLayerError
from .models import ArticleRow, ClaimRow, SpeakerRow, TopicRow
from .records import ANY_LAYER, Changes, Claim, ClaimFilter, Layer
from .registry import registry_role, resolve_speaker, resolve_topic
from .store import Store, changes_of, clean, id_column

SIMPLE_CLAIM_FIELDS = {
    "kind", "role", "date", "date_text", "date_assumed", "stance", "verdict_rating",
    "verdict_explanation", "verdict_url", "verdict_date", "note", "status", "annotator",
}
SPAN_FIELDS = {"content": ("start", "end", "content_text"), "cue": ("cue_start", "cue_end", "cue_text"),
               "mention": ("mention_start", "mention_end", "mention_text")}
CLAIM_ORDER = (ClaimRow.article_id, ClaimRow.start, ClaimRow.id)  # article, then text order


def claim_query():
    """Claims with the names of their speaker and topic and their article's title and date."""
    return (
        select(ClaimRow, SpeakerRow.name, TopicRow.name, ArticleRow.title, ArticleRow.published)
        .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        .outerjoin(SpeakerRow, SpeakerRow.id == ClaimRow.speaker_id)
        .outerjoin(TopicRow, TopicRow.id == ClaimRow.topic_id)
    )


def in_layer(layer: str | Layer | None):
    """The SQL condition for a claims filter's layer (FINAL, an annotator's name, or ANY_LAYER)."""
    if layer is ANY_LAYER:
        return None
    if layer is None:
        return ClaimRow.layer.is_(None)
    if not isinstance(layer, str):
        raise InvalidValueError(f"A claims filter's layer is FINAL, ANY_LAYER or an annotator's name, not {layer!r}.")
    return ClaimRow.layer == layer


def filtered(s: Session, q, f: ClaimFilter):
    """``q`` narrowed to the claims ``f`` selects: the one definition of the claims filter.

    Only the final layer unless the filter names another (``ClaimFilter.layer``): blind annotators'
    private layers never reach a reader that did not ask for them.
    """
    layer = in_layer(f.layer)
    if layer is not None:
        q = q.where(layer)
    if f.article_id is not None:
        q = q.where(ClaimRow.article_id == f.article_id)
    if f.statuses is not None:
        q = q.where(ClaimRow.status.in_(f.statuses))
    if f.speaker_id is not None:
        q = q.where(ClaimRow.speaker_id == f.speaker_id)
    if f.topic_id is not None:
        q = q.where(ClaimRow.topic_id == f.topic_id)
    if f.stance == NO_STANCE:
        q = q.where(ClaimRow.stance.is_(None))
    elif f.stance is not None:
        q = q.where(ClaimRow.stance == f.stance)
    if f.date_from is not None:
        q = q.where(ClaimRow.date >= f.date_from)
    if f.date_to is not None:
        q = q.where(ClaimRow.date <= f.date_to)
    if f.ids is not None:
        q = q.where(ClaimRow.id.in_(f.ids))
    if f.text and f.text.strip():
        ids = search.claim_ids_matching(s, f.text)
        if ids is not None:
            q = q.where(ClaimRow.id.in_(ids))
    return q


# What the claims table sorts by: a column's name to its SQL expression (text case-insensitively).
SORT_KEYS = {
    "status": ClaimRow.status,
    "speaker": func.lower(SpeakerRow.name),
    "claim": func.lower(ClaimRow.content_text),
    "stance": ClaimRow.stance,
    "topic": func.lower(TopicRow.name),
    "date": ClaimRow.date,
    "article": func.lower(ArticleRow.title),
}


FIRST_ARTICLES = 256
"""How many articles, in title order, ``_first_by_article`` looks in before it leaves the page to one query."""


def _first_by_article(s: Session, q, f: ClaimFilter, by_title) -> list[int] | None:
    """The first ``f.limit`` ids of claims sorted by article title, read from the first articles in title
    order (the claims table's first rows): a sort of the claims of a few articles, not of every claim
    (120,000 claims: about 15 ms instead of 130). None when those articles do not fill the page (a
    narrow filter, whose one query sorts few rows anyway): the caller's query reads it then. Same
    order as that query: title, article, text.
    """
    articles = id_column(s, select(ArticleRow.id).order_by(by_title, ArticleRow.id).limit(FIRST_ARTICLES))
    page = filtered(s, q.where(ClaimRow.article_id.in_(articles)), f).order_by(by_title, *CLAIM_ORDER)
    found = id_column(s, page.limit(f.limit)) if articles else []
    return found if len(found) >= f.limit or len(articles) < FIRST_ARTICLES else None


def paged(q, f: ClaimFilter):
    """``q`` in the claims' order, cut to the filter's page."""
    q = q.order_by(*CLAIM_ORDER)
    if f.limit is not None:
        q = q.limit(f.limit)
    if f.offset:
        q = q.offset(f.offset)
    return q


def span_values(text: str, span: Span | None, what: str) -> tuple[int | None, int | None, str | None]:
    """A span as stored (start, end, the article's text there), checked against the article."""
    if span is None:
        return None, None, None
    start, end = int(span.start), int(span.end)
    if not (0 <= start < end <= len(text)):
        raise InvalidValueError(f"The {what} span {start}–{end} is outside the article text (0–{len(text)}).")
    return start, end, text[start:end]


def content_values(text: str, content: Span | None, pieces, what: str = "claim"
                   ) -> tuple[int, int, str, list[dict] | None]:
    """start, end, text and the stored fragments of a claim's content given as a span and/or its pieces."""
    if content is None and not pieces:
        raise InvalidValueError("A claim needs its content span.")
    if len(pieces or ()) <= 1:
        if pieces and content is not None and (pieces[0].start, pieces[0].end) != (content.start, content.end):
            raise InvalidValueError(f"The {what}'s only content fragment ({pieces[0].start}–{pieces[0].end}) "
                                    f"differs from its content span ({content.start}–{content.end}).")
        start, end, value = span_values(text, content if content is not None else pieces[0], "content")
        return start, end, value, None
    checked = fragments.checked(text, pieces, what)
    span = fragments.whole(checked, text)
    if content is not None and (content.start, content.end) != (span.start, span.end):
        raise InvalidValueError(
            f"The {what}'s content span ({content.start}–{content.end}) must run from its first fragment's "
            f"start to its last fragment's end ({span.start}–{span.end}).")
    return span.start, span.end, span.text, fragments.to_stored(checked)


def set_content(rec: Recorder, row: ClaimRow, text: str, content: Span | None, pieces) -> None:
    """New content of a claim: its pieces (content follows), or a new whole span for a split claim
    (its pieces are clipped to it, see ``fragments.clipped``)."""
    if pieces is None:
        if content is None:
            raise InvalidValueError("A claim needs its content span.")
        start, end, value = span_values(text, content, "content")
        old = fragments.from_stored(row.fragments, Span(row.start, row.end, row.content_text))
        pieces = fragments.clipped(old, Span(start, end, value), text)
    start, end, value, stored = content_values(text, content, pieces)
    for col, v in (("start", start), ("end", end), ("content_text", value), ("fragments", stored)):
        rec.set(row, col, v)


def check_choice(name: str, value: Any, allowed: Sequence[str], optional: bool) -> None:
    if value is None and optional:
        return
    if value not in allowed:
        raise InvalidValueError(f"{name.capitalize()} must be one of {', '.join(allowed)}, not {value!r}.")


def claim_row(s: Session, claim_id: int) -> ClaimRow:
    row = s.get(ClaimRow, claim_id)
    if row is None:
        raise NotFoundError(f"There is no claim {claim_id} in this project.")
    return row


def check_layer(row: ClaimRow, annotator: str | None) -> None:
    """Refuse a write to a claim in another annotator's private layer."""
    if row.layer is not None and row.layer != annotator:
        who = f"{annotator} cannot change it" if annotator else "only they can change it"
        raise NotYourLayerError(
            f"Claim {row.id} is in {row.layer}'s own layer of article {row.article_id} (blind annotation): "
            f"{who}. Nothing was changed; each annotator edits only their layer, and "
            "adjudication makes the final claims.")


def new_claim_row(s: Session, rec: Recorder | None, article: ArticleRow, new: ClaimDraft,
                  annotator: str | None, layer: str | None = None) -> ClaimRow:
    """Insert one claim from its draft: every new claim but bulk loads is made here."""
    check_choice("kind", new.kind, KINDS, optional=False)
    check_choice("status", new.status, STATUSES, optional=False)
    check_choice("stance", new.stance, STANCES, optional=True)
    start, end, text, pieces = content_values(article.text, new.content, new.fragments)
    cue = span_values(article.text, new.cue, "cue")
    mention = span_values(article.text, new.mention, "speaker mention")
    stamp = now()
    speaker_id = resolve_speaker(rec, s, new.speaker)
    role = clean(new.role)
    if role is None and speaker_id is not None:  # not in the text: the role held on that date
        role = registry_role(s, speaker_id, new.date or article.published)
    row = ClaimRow(
        article_id=article.id, start=start, end=end, content_text=text, fragments=pieces, kind=new.kind,
        cue_start=cue[0], cue_end=cue[1], cue_text=cue[2],
        speaker_id=speaker_id,
        mention_start=mention[0], mention_end=mention[1], mention_text=mention[2],
        role=role, date=new.date, date_text=clean(new.date_text),
        date_assumed=bool(new.date_assumed), stance=new.stance,
        topic_id=resolve_topic(rec, s, new.topic), note=clean(new.note),
        verdict_rating=clean(new.verdict_rating), verdict_explanation=clean(new.verdict_explanation),
        verdict_url=clean(new.verdict_url), verdict_date=new.verdict_date,
        status=new.status, origin=new.origin, model_name=new.model_name,
        model_version=new.model_version, confidence=new.confidence, annotator=annotator,
        created_at=stamp, updated_at=stamp, version=1, layer=layer,
    )
    s.add(row)
    s.flush()
    return row


def _suggestion_reads(s, article_id: int) -> tuple[ArticleRow, list[ClaimRow], set[int]]:
    """What storing suggestions reads first: the article, its claims (the final layer's) and the
    speakers' ids (to tell which ones the store adds). Also run ahead of a first store, outside the
    write lock (``Claims.warm_saving``), so these are the statements it compiles."""
    article = article_row(s, article_id)
    existing = list(s.scalars(select(ClaimRow).where(ClaimRow.article_id == article_id, ClaimRow.layer.is_(None))))
    return article, existing, set(s.scalars(select(SpeakerRow.id)))


class Claims:
    def __init__(self, store: Store):
        self._store = store

    # ------------------------------------------------------------------ reading
    def get(self, claim_id: int) -> Claim:
        with self._store.reading() as s:
            r = s.execute(claim_query().where(ClaimRow.id == claim_id)).first()
            if r is None:
                raise NotFoundError(f"There is no claim {claim_id} in this project.")
            return convert.claim(*r)

    def matching(self, f: ClaimFilter | None = None) -> list[Claim]:
        f = f or ClaimFilter()
        with self._store.reading() as s:
            return [convert.claim(*r) for r in s.execute(paged(filtered(s, claim_query(), f), f))]

    def ids(self, f: ClaimFilter | None = None, *, sort: str | None = None, descending: bool = False) -> list[int]:
        """The ids of the claims ``f`` selects, sorted by a ``SORT_KEYS`` column (then article and text order).

        Only ids: a table holds these and reads the rows it shows (``matching(ClaimFilter(ids=...))``).
        """
        f = f or ClaimFilter()
        if sort is not None and sort not in SORT_KEYS:
            raise InvalidValueError(f"Claims sort by one of {', '.join(SORT_KEYS)}, not {sort!r}.")
        q = select(ClaimRow.id)
        if sort == "speaker":
            q = q.outerjoin(SpeakerRow, SpeakerRow.id == ClaimRow.speaker_id)
        elif sort == "topic":
            q = q.outerjoin(TopicRow, TopicRow.id == ClaimRow.topic_id)
        elif sort == "article":
            q = q.join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        order = [] if sort is None else [SORT_KEYS[sort].desc() if descending else SORT_KEYS[sort]]
        with self._store.reading() as s:
            if sort == "article" and f.limit is not None and not f.offset and f.article_id is None and f.ids is None:
                first = _first_by_article(s, q, f, order[0])
                if first is not None:
                    return first
            q = filtered(s, q, f).order_by(*order, *CLAIM_ORDER)
            if f.limit is not None:
                q = q.limit(f.limit)
            if f.offset:
                q = q.offset(f.offset)
            return id_column(s, q)

    def count(self, f: ClaimFilter | None = None) -> int:
        f = f or ClaimFilter()
        with self._store.reading() as s:
            return s.scalar(filtered(s, select(func.count(ClaimRow.id)), f))

    # ------------------------------------------------------------------ writing
    def warm_saving(self, article_id: int) -> None:
        """Run the reads ``save_suggestions`` starts with, in a read transaction: SQLAlchemy compiles
        each statement on its first use, and a fresh process's first store then held the write lock
        for 100 ms (a keystroke's write in the window waited that long)."""
        with self._store.reading() as s:
            try:
                _suggestion_reads(s, article_id)
            except NotFoundError:
                return  # gone meanwhile: the store says so

    def save_suggestions(self, article_id: int, suggestions: Iterable[ClaimDraft], *, redo: bool = False) -> Changes:
        with self._store.writing() as s:
            article, existing, speakers_before = _suggestion_reads(s, article_id)
            at = now()
            removed: set[int] = set()
            if redo:
                stale = [c for c in existing if c.status == "suggested" and c.origin == "model"]
                ops = [{"op": "delete", "entity": "claim", "id": c.id, "row": snapshot(c)} for c in stale]
                audit(s, ops, kind=None, action_id=None, annotator=None, at=at)
                for c in stale:
                    removed.add(c.id)
                    s.delete(c)
                s.flush()
                existing = [c for c in existing if c.id not in removed]
            spans = {(c.start, c.end) for c in existing}
            decided = [(c.start, c.end) for c in existing if c.status != "suggested"]
            added: list[ClaimRow] = []
            for new in suggestions:
                key = (new.content.start, new.content.end)
                if key in spans or any(a < new.content.end and new.content.start < b for a, b in decided):
                    continue
                row = new_claim_row(s, None, article, new, annotator=None)
                spans.add(key)
                added.append(row)
            ops = [{"op": "insert", "entity": "claim", "id": r.id, "row": snapshot(r)} for r in added]
            audit(s, ops, kind=None, action_id=None, annotator=None, at=at)
            article.suggested_at = at
            new_speakers = set(s.scalars(select(SpeakerRow.id))) - speakers_before
            return Changes(articles=frozenset({article_id}), claims=frozenset(removed | {r.id for r in added}),
                           speakers=frozenset(new_speakers))

    def add(self, article_id: int, new: ClaimDraft, *, annotator: str | None = None,
            layer: str | None = None) -> tuple[Claim, Changes]:
        if layer is not None and layer != annotator:
            raise NotYourLayerError(
                f"A claim can be added to {layer}'s own layer only by {layer} (blind annotation), not by "
                f"{annotator or 'someone unnamed'}. Nothing was changed.")
        with self._store.action("New claim", annotator) as rec:
            article = article_row(rec.session, article_id)
            row = new_claim_row(rec.session, rec, article, new, annotator, layer)
            rec.inserted(row)
            claim_id = row.id
        return self.get(claim_id), changes_of(rec)

    def update(self, claim_id: int, *, annotator: str | None = None, expected_version: int | None = None,
               label: str = "Edit claim", **fields: Any) -> Changes:
        allowed = SIMPLE_CLAIM_FIELDS | set(SPAN_FIELDS) | {"speaker", "speaker_id", "topic", "topic_id", "fragments"}
        unknown = set(fields) - allowed
        if unknown:
            raise InvalidValueError(f"Unknown claim field(s): {', '.join(sorted(unknown))}.")
        if "kind" in fields:
            check_choice("kind", fields["kind"], KINDS, optional=False)
        if "status" in fields:
            check_choice("status", fields["status"], STATUSES, optional=False)
        if "stance" in fields:
            check_choice("stance", fields["stance"], STANCES, optional=True)
        with self._store.action(label, annotator) as rec:
            s = rec.session
            row = claim_row(s, claim_id)
            check_layer(row, annotator)
            rec.expect(row, expected_version, fields)
            text = s.scalar(select(ArticleRow.text).where(ArticleRow.id == row.article_id))
            if "fragments" in fields or ("content" in fields and row.fragments):
                set_content(rec, row, text, fields.pop("content", None), fields.pop("fragments", None))
            for key, value in fields.items():
                if key in SPAN_FIELDS:
                    if key == "content" and value is None:
                        raise InvalidValueError("A claim needs its content span.")
                    for col, v in zip(SPAN_FIELDS[key], span_values(text, value, key)):
                        rec.set(row, col, v)
                elif key == "speaker":
                    rec.set(row, "speaker_id", resolve_speaker(rec, s, value))
                elif key == "topic":
                    rec.set(row, "topic_id", resolve_topic(rec, s, value))
                elif key in ("speaker_id", "topic_id"):
                    model = SpeakerRow if key == "speaker_id" else TopicRow
                    if value is not None and s.get(model, value) is None:
                        raise NotFoundError(f"There is no {key[:-3]} {value} in this project.")
                    rec.set(row, key, value)
                else:
                    rec.set(row, key, clean(value) if isinstance(value, str) else value)
            if rec.ops and annotator and "annotator" not in fields:
                rec.set(row, "annotator", annotator)
        return changes_of(rec)

    def add_fragment(self, claim_id: int, piece: Span, *, annotator: str | None = None,
                     expected_version: int | None = None) -> Changes:
        current = self.get(claim_id)
        with self._store.reading() as s:
            text = article_row(s, current.article_id).text
        start, end, value = span_values(text, piece, "fragment")
        pieces = fragments.with_piece(current.fragments, Span(start, end, value), text)
        return self.update(claim_id, annotator=annotator, label="Add fragment",
                           expected_version=expected_version if expected_version is not None else current.version,
                           fragments=pieces)

    def remove_fragment(self, claim_id: int, index: int, *, annotator: str | None = None,
                        expected_version: int | None = None) -> Changes:
        current = self.get(claim_id)
        pieces = fragments.without_piece(current.fragments, index)
        return self.update(claim_id, annotator=annotator, label="Remove fragment",
                           expected_version=expected_version if expected_version is not None else current.version,
                           fragments=pieces)

    def delete(self, claim_id: int, *, annotator: str | None = None, expected_version: int | None = None) -> Changes:
        with self._store.action("Delete claim", annotator) as rec:
            row = claim_row(rec.session, claim_id)
            check_layer(row, annotator)
            rec.expect(row, expected_version, {"status": "deleted"})
            for settled in rec.session.scalars(select(ClaimRow).where(ClaimRow.settled_by == row.id)):
                rec.set(settled, "settled_by", None)  # the layer claims it settled are open again (undoably)
            rec.delete(row)
        return changes_of(rec)
