"""Lossless, versioned JSON ("quotedesk.v1") of a whole project or a selection, and loading it back.

Offsets are code point indices into each article's ``text``. Timestamps are
UTC, ISO 8601 with a Z. Export → import into a new project → export gives the
same document apart from ``exported_at``. The writer streams: one article at a
time, claims read from one snapshot, never the whole project in memory.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import json
import math
import re
import time
from dataclasses import dataclass
from operator import attrgetter

from db import (
    BulkArticle, BulkClaim, BulkSpeaker, BulkTopic, ClaimFilter, ClaimValues, LoadResult, NewArticle, Project,
    SpeakerRole,
)
from kernel import KINDS, STANCES, STATUSES, ClaimDraft, Span

from .common import (
    Cancel, Cancelled, ExportError, ExportSummary, Progress, Scope, Ticker, finish, iso, output, plain,
)
from .json_stream import MAX_DEPTH, MAX_FILE_BYTES, MAX_TEXT_CHARS, Head, JsonStream, Refused

__all__ = ["FORMAT", "MAX_DEPTH", "MAX_FILE_BYTES", "MAX_TEXT_CHARS", "JsonImport", "export_json", "import_json",
           "scan_document"]

FORMAT = "quotedesk.v1"
_dumps = json.JSONEncoder(ensure_ascii=False).encode
_encode_str = json.encoder.encode_basestring  # C-accelerated where available, as json.dumps uses
_float = float.__repr__


def _n(value) -> str:
    """A JSON number or null (floats as the json module writes them)."""
    if value is None:
        return "null"
    if type(value) is float:
        return _float(value) if math.isfinite(value) else "null"
    return str(int(value))


# A claim's fields by name, fetched in one call (as fast as unpacking the row by position).
_CLAIM_PARTS = attrgetter(
    "id", "start", "end", "content_text", "kind", "cue_start", "cue_end", "cue_text", "speaker_id", "speaker",
    "mention_start", "mention_end", "mention_text", "role", "date", "date_text", "date_assumed", "stance", "topic",
    "verdict_rating", "verdict_explanation", "verdict_url", "note", "status", "origin", "model_name", "model_version",
    "confidence", "annotator", "created_at", "updated_at", "version", "verdict_date", "fragments")


def claim_text(r: ClaimValues) -> str:
    """The JSON text of one claim (from a ``Project.stream_claim_values`` row), written directly:
    building dicts and encoding them costs twice as much, most of a 100,000-claim export."""
    (cid, start, end, text, kind, cue_start, cue_end, cue_text, speaker_id, speaker, m_start, m_end, m_text, role,
     date, date_text, date_assumed, stance, topic, rating, explanation, url, note, status, origin, model_name,
     model_version, confidence, annotator, created_at, updated_at, version, verdict_date,
     stored_fragments) = _CLAIM_PARTS(r)
    e = _encode_str
    (t_status, t_kind, t_text, t_cue, t_speaker, t_mention, t_role, t_date, t_date_text, t_stance, t_topic,
     t_rating, t_explanation, t_url, t_verdict_date, t_origin, t_annotator, t_note, t_model, t_model_version) = [
        "null" if v is None else e(v) for v in (
            status, kind, text, None if cue_start is None else cue_text or "", speaker,
            None if m_start is None else m_text or "", role, date, date_text, stance, topic, rating, explanation,
            url, verdict_date, origin, annotator, note, model_name, model_version)]
    cue = "null" if cue_start is None else f'{{"start": {cue_start}, "end": {cue_end}, "text": {t_cue}}}'
    if speaker_id is None and m_start is None:
        speaker_part = "null"
    else:
        mention = "null" if m_start is None else f'{{"start": {m_start}, "end": {m_end}, "text": {t_mention}}}'
        speaker_part = f'{{"id": {_n(speaker_id)}, "name": {t_speaker}, "mention": {mention}}}'
    if rating or explanation or url or verdict_date:
        verdict = (f'{{"rating": {t_rating}, "explanation": {t_explanation}, "url": {t_url}, '
                   f'"date": {t_verdict_date}}}')
    else:
        verdict = "null"
    if stored_fragments:  # a split quote: its pieces; else its one piece, the whole content
        pieces = ", ".join(f'{{"start": {_n(f["start"])}, "end": {_n(f["end"])}, "text": {e(f["text"])}}}'
                           for f in stored_fragments)
    else:
        pieces = f'{{"start": {start}, "end": {end}, "text": {t_text}}}'
    created = "null" if created_at is None else f'"{created_at}Z"'  # ISO text: nothing to escape
    updated = "null" if updated_at is None else f'"{updated_at}Z"'
    return (
        f'{{"id": {cid}, "status": {t_status}, "kind": {t_kind}, '
        f'"content": {{"start": {start}, "end": {end}, "text": {t_text}, "fragments": [{pieces}]}}, '
        f'"cue": {cue}, "speaker": {speaker_part}, '
        f'"role": {t_role}, "date": {t_date}, "date_text": {t_date_text}, '
        f'"date_assumed": {"true" if date_assumed else "false"}, "stance": {t_stance}, "topic": {t_topic}, '
        f'"verdict": {verdict}, "confidence": {_n(confidence)}, "origin": {t_origin}, "annotator": {t_annotator}, '
        f'"created_at": {created}, "updated_at": {updated}, "note": {t_note}, "model_name": {t_model}, '
        f'"model_version": {t_model_version}, "version": {_n(version)}}}'
    )


def article_text(a, claims: list[str]) -> str:
    """The JSON text of an article with its claims' texts spliced in."""
    head = _dumps(article_json(a))
    return head[:-1] + ', "claims": [' + ", ".join(claims) + "]}"


def article_json(a) -> dict:
    """An article's fields as the document holds them (its "claims" are added by ``article_text``)."""
    return {
        "id": a.id, "title": a.title, "publisher": a.publisher, "url": a.url, "published": iso(a.published),
        "text": a.text,
        "author": a.author, "source": a.source, "published_source": a.published_source, "language": a.language,
        "raw_text": None if a.raw_text == a.text else a.raw_text, "content_hash": a.content_hash,
        "imported_at": iso(a.imported_at), "done": a.done, "suggested_at": iso(a.suggested_at),
    }


def export_json(project: Project, path, *, claim_filter: ClaimFilter | None = None, statuses=None,
                article_id: int | None = None, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> ExportSummary:
    """Write the project (or the scope's articles and claims) as one quotedesk.v1 document."""
    started = time.perf_counter()
    scope = Scope.of(claim_filter, statuses, article_id).checked(project)
    article_ids = scope.article_ids(project)
    ticker = Ticker(project.count_claims(scope.claim_filter), progress, cancelled)
    dumps = _dumps
    claims = iter(project.stream_claim_values(scope.claim_filter))
    pending = next(claims, None)
    articles = 0
    try:
        with output(path) as fh:
            # Speakers and topics first: claims refer to them, so a streaming reader needs them first.
            fh.write('{"format": %s, "exported_at": %s,\n"speakers": %s,\n"topics": %s,\n"articles": [' % (
                dumps(FORMAT), dumps(iso(dt.datetime.now(dt.UTC))),
                dumps([_speaker_json(s) for s in sorted(project.speakers(), key=lambda s: s.id)]),
                dumps([_topic_json(t) for t in sorted(project.topics(), key=lambda t: t.id)])))
            for art in project.iter_articles(article_ids):
                own = []
                while pending is not None and pending.article_id < art.id:
                    pending = next(claims, None)  # a claim of an article out of scope (cannot happen)
                while pending is not None and pending.article_id == art.id:
                    own.append(claim_text(pending))
                    pending = next(claims, None)
                fh.write(("\n" if not articles else ",\n") + article_text(art, own))
                articles += 1
                if ticker.step(len(own)) or (not own and articles % 200 == 0 and cancelled and cancelled()):
                    raise Cancel
            fh.write('\n],\n"stance_changes": [')
            for n, change in enumerate(project.stance_changes()):
                fh.write(("\n" if not n else ",\n") + dumps(plain(change)))
            fh.write("]")
            fh.write("}\n")
    except Cancel:
        return finish("json", path, started, claims=ticker.done, articles=articles, cancelled=True)
    finally:
        claims.close()
    ticker.finish()
    return finish("json", path, started, claims=ticker.done, articles=articles)


def _speaker_json(s) -> dict:
    return {"id": s.id, "name": s.name, "aliases": list(s.aliases), "affiliation": s.affiliation,
            "roles": [{"role": r.role, "start": iso(r.start), "end": iso(r.end)} for r in s.roles]}


def _topic_json(t) -> dict:
    return {"id": t.id, "name": t.name, "keywords": list(t.keywords), "examples": list(t.examples)}


# ------------------------------------------------------------------ import
@dataclass(frozen=True)
class JsonImport:
    """What ``import_json`` loaded."""

    result: LoadResult
    cancelled: bool = False

    def describe(self) -> str:
        if self.cancelled:
            return "The import was cancelled; nothing was imported."
        r = self.result
        lines = [f"Added {r.articles_added:,} article(s) and {r.claims_added:,} claim(s); "
                 f"{r.speakers_added:,} new speaker(s), {r.topics_added:,} new topic(s)."]
        if r.articles_merged:
            lines.append(f"{r.articles_merged:,} article(s) were already here: added only the claims they lacked "
                         f"({r.claims_skipped:,} claim(s) already present).")
        return "\n".join([*lines, *r.notes])


MAX_ID = 2**31 - 1  # ids, versions and offsets are 32-bit integers on PostgreSQL (64-bit on SQLite)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value, what: str, *, limit: int = 100_000) -> str | None:
    """An optional text field: a string (or nothing), without lone surrogates, of sane length."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ExportError(f"{what} should be text, not {_kind(value)}.")
    if _SURROGATE.search(value):
        at = _SURROGATE.search(value).start()
        raise ExportError(f"{what} holds a lone UTF-16 surrogate (\\u{ord(value[at]):04x}) at character {at}, "
                          "which is not a character; the file was not written by Quotedesk or was damaged.")
    if len(value) > limit:
        raise ExportError(f"{what} is {len(value):,} characters long; the limit is {limit:,}.")
    return value


def _kind(value) -> str:
    names = {dict: "an object", list: "a list", bool: "true/false", int: "a number", float: "a number",
             str: "text"}
    return names.get(type(value), type(value).__name__)


def _texts(value, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ExportError(f"{what} should be a list of texts, not {_kind(value)}.")
    return tuple(_text(v, what) or "" for v in value)


def _list(value, what: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ExportError(f"{what} should be a list, not {_kind(value)}.")
    return value


def _date(value, what: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ExportError(f"{what} is not a date (YYYY-MM-DD): {_show(value)}.") from None


def _stamp(value, what: str) -> dt.datetime | None:
    if value in (None, ""):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise ExportError(f"{what} is not a timestamp: {_show(value)}.") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


def _show(value) -> str:
    """A value from the file, short and safe to print (no control characters)."""
    text = repr(value) if not isinstance(value, (dict, list)) else _kind(value)
    text = text if len(text) <= 60 else text[:57] + "…"
    return text.encode("unicode_escape", "backslashreplace").decode("ascii") if not text.isprintable() else text


def _label(value, otherwise: str) -> str:
    """How a record names itself in a message: its id or name when that is short plain text."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**12:
        return str(value)
    if isinstance(value, str) and value.strip() and len(value) <= 60 and value.isprintable():
        return value
    return otherwise if value in (None, "") else f"{_show(value)} ({otherwise})" if otherwise else _show(value)


def _offset(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_ID:
        raise ExportError(f"{what} needs whole-number start and end offsets (code point indices), "
                          f"not {_show(value)}.")
    return value


def _read_span(data, text: str, what: str) -> Span | None:
    if data is None:
        return None
    if not isinstance(data, dict) or "start" not in data or "end" not in data:
        raise ExportError(f"{what} should be an object with start and end offsets, not {_kind(data)}.")
    start, end = _offset(data["start"], what), _offset(data["end"], what)
    if not (0 <= start < end <= len(text)):
        raise ExportError(f"{what} ({start}–{end}) lies outside the article text (0–{len(text)} characters).")
    said = _text(data.get("text"), f"The text of {what[0].lower() + what[1:]}", limit=MAX_TEXT_CHARS)
    if said is not None and said != text[start:end]:
        raise ExportError(f"{what} says {_show(said)} but the text at {start}–{end} is "
                          f"{_show(text[start:end])}; the offsets must be code point indices into the text.")
    return Span(start, end, text[start:end])


def _read_fragments(content, whole: Span, text: str, what: str) -> tuple[Span, ...]:
    """The content's pieces (``content.fragments``), checked: in text order, apart, spanning the content."""
    data = content.get("fragments") if isinstance(content, dict) else None
    if data is None:
        return ()
    if not isinstance(data, list) or not data:
        raise ExportError(f"The fragments of {what} should be a list of spans, not {_show(data)}.")
    pieces = [_read_span(f, text, f"Content fragment {n} of {what}") for n, f in enumerate(data, start=1)]
    if None in pieces:
        raise ExportError(f"Content fragment {pieces.index(None) + 1} of {what} is empty (null); "
                          "each fragment needs start and end offsets.")
    for n, (a, b) in enumerate(zip(pieces, pieces[1:]), start=2):
        if b.start < a.end:
            raise ExportError(
                f"Content fragments {n - 1} and {n} of {what} ({a.start}–{a.end} and {b.start}–{b.end}) "
                f"{'overlap' if b.start >= a.start else 'are out of order'}: fragments must be in text order "
                "and must not overlap.")
    if (pieces[0].start, pieces[-1].end) != (whole.start, whole.end):
        raise ExportError(f"The content of {what} ({whole.start}–{whole.end}) must run from its first fragment's "
                          f"start to its last fragment's end ({pieces[0].start}–{pieces[-1].end}).")
    return tuple(pieces)


def _object(value, what: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ExportError(f"{what} should be a JSON object, not {_kind(value)}.")
    return value


def _number(value, what: str, kind=int):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (
            kind is int and (not isinstance(value, int) or not 1 <= value <= MAX_ID)) or (
            kind is float and not math.isfinite(value)):
        wanted = f"a whole number from 1 to {MAX_ID:,}" if kind is int else "a number"
        raise ExportError(f"{what} should be {wanted}, not {_show(value)}.")
    return kind(value)


def _choice(value, what: str, allowed) -> str | None:
    value = _text(value, what)
    if value is not None and value not in allowed:
        raise ExportError(f"{what} must be one of {', '.join(allowed)}, not {_show(value)}.")
    return value


def _claim(c, text: str, where: str) -> BulkClaim:
    """A claim of the file, checked; ExportError naming what is wrong and where."""
    return _usual_claim(c, text) or _checked_claim(c, text, where)


_TEXT_LIMIT = 100_000  # _text's default limit
_CLAIM_TEXTS = ("role", "date_text", "topic", "note", "origin", "model_name", "model_version", "annotator")
_VERDICT_TEXTS = ("rating", "explanation", "url")
_new = object.__new__


def _usual_span(data, text: str, size: int) -> Span:
    """``_read_span`` for a span as Quotedesk writes it; _Unusual for anything else (and for null).

    Records are built without the frozen __init__'s setattr per field (a fifth of an import's
    time went to building Spans and ClaimDrafts that way)."""
    if type(data) is not dict:
        raise _Unusual
    start, end, said = data.get("start"), data.get("end"), data.get("text")
    if type(start) is not int or type(end) is not int or not 0 <= start < end <= size:
        raise _Unusual
    piece = text[start:end]
    if said is not None and said != piece:
        raise _Unusual
    span = _new(Span)
    span.__dict__.update(start=start, end=end, text=piece)
    return span


def _usual_id(value) -> int | None:
    if value is None:
        return None
    if type(value) is not int or not 1 <= value <= MAX_ID:
        raise _Unusual
    return value


def _usual_claim(c, text: str) -> BulkClaim | None:
    """What ``_checked_claim`` makes of a claim as Quotedesk writes it, checked in fewer steps; None
    when anything in it is unusual (``_checked_claim`` then checks it again and says what is wrong).
    tests/hostile/test_json_usual_claims.py holds the two to the same result."""
    try:
        if type(c) is not dict:
            return None
        get = c.get
        content, speaker, verdict = get("content"), get("speaker"), get("verdict")
        if speaker is None:
            speaker = _NOTHING
        if verdict is None:
            verdict = _NOTHING
        if type(speaker) is not dict or type(verdict) is not dict:
            return None
        size = len(text)
        whole = _usual_span(content, text, size)
        pieces = content.get("fragments")
        if pieces is None:
            pieces = ()
        else:  # one piece, the whole content; a split quote is checked the long way
            if type(pieces) is not list or len(pieces) != 1 or type(piece := pieces[0]) is not dict:
                return None
            start, end, said = piece.get("start"), piece.get("end"), piece.get("text")
            if type(start) is not int or type(end) is not int or start != whole.start or end != whole.end or (
                    said is not None and said != whole.text):
                return None
            pieces = (whole,)
        cue, mention = get("cue"), speaker.get("mention")
        if cue is not None:
            cue = _usual_span(cue, text, size)
        if mention is not None:
            mention = _usual_span(mention, text, size)
        kind, status, stance = get("kind"), get("status"), get("stance")
        if kind not in _KINDS_OR_NONE or status not in _STATUSES_OR_NONE or stance not in _STANCES_OR_NONE:
            return None
        role, date_text, topic, note, origin, model_name, model_version, annotator = map(get, _CLAIM_TEXTS)
        rating, explanation, url = map(verdict.get, _VERDICT_TEXTS)
        speaker_name = speaker.get("name")
        texts = (role, date_text, topic, note, origin, model_name, model_version, annotator, rating, explanation,
                 url, speaker_name)
        joined = "".join([t for t in texts if t is not None])  # TypeError (unusual) for anything but text
        if _SURROGATE.search(joined) or (
                len(joined) > _TEXT_LIMIT and any(t is not None and len(t) > _TEXT_LIMIT for t in texts)):
            return None
        confidence = get("confidence")
        if confidence is not None:
            if type(confidence) not in (int, float) or not math.isfinite(confidence):
                return None
            confidence = float(confidence)
        date, verdict_date = get("date"), verdict.get("date")
        draft = _new(ClaimDraft)
        draft.__dict__.update(
            content=whole, kind=kind or "indirect", cue=cue, speaker=speaker_name, mention=mention, role=role,
            date=None if date is None or date == "" else _day(date), date_text=date_text,
            date_assumed=bool(get("date_assumed")), stance=stance, topic=topic, confidence=confidence,
            model_name=model_name, model_version=model_version, note=note, verdict_rating=rating,
            verdict_explanation=explanation, verdict_url=url,
            verdict_date=None if verdict_date is None or verdict_date == "" else _day(verdict_date),
            status=status or "suggested", origin=origin or "import", fragments=pieces)
        claim = _new(BulkClaim)
        claim.__dict__.update(id=_usual_id(get("id")), draft=draft, speaker_id=_usual_id(speaker.get("id")),
                              annotator=annotator, created_at=_usual_stamp(get("created_at")),
                              updated_at=_usual_stamp(get("updated_at")), version=_usual_id(get("version")) or 1)
        return claim
    except (_Unusual, TypeError, ValueError, OverflowError):
        return None


class _Unusual(Exception):
    """Something in a claim the quick check does not take: the full check looks at it."""


_NOTHING: dict = {}
_KINDS_OR_NONE, _STATUSES_OR_NONE, _STANCES_OR_NONE = (frozenset((*words, None)) for words in (KINDS, STATUSES, STANCES))
_day = dt.date.fromisoformat


@functools.lru_cache(maxsize=1024)
def _usual_stamp(value) -> dt.datetime | None:
    """``_stamp`` for a timestamp as written (a claim's repeat: edits come in sessions); cached."""
    if value is None or value == "":
        return None
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


def _checked_claim(c, text: str, where: str) -> BulkClaim:
    c = _object(c, f"A claim of {where}")
    what = f"Claim {_label(c.get('id'), '')} of {where}".replace("Claim  of", "A claim of")
    low = what[0].lower() + what[1:]
    speaker = _object(c.get("speaker"), f"The speaker of {low}")
    verdict = _object(c.get("verdict"), f"The verdict of {low}")
    if c.get("content") is None:
        raise ExportError(f"{what} has no content span.")
    content = _read_span(c["content"], text, f"The content of {low}")
    if content is None:
        raise ExportError(f"{what} has no content span.")
    draft = ClaimDraft(
        content=content, fragments=_read_fragments(c["content"], content, text, low),
        kind=_choice(c.get("kind"), f"The kind of {low}", KINDS) or "indirect",
        cue=_read_span(c.get("cue"), text, f"The cue of {low}"),
        speaker=_text(speaker.get("name"), f"The speaker name of {low}"),
        mention=_read_span(speaker.get("mention"), text, f"The speaker mention of {low}"),
        role=_text(c.get("role"), f"The role of {low}"), date=_date(c.get("date"), f"The date of {low}"),
        date_text=_text(c.get("date_text"), f"The date phrase of {low}"),
        date_assumed=bool(c.get("date_assumed")), stance=_choice(c.get("stance"), f"The stance of {low}", STANCES),
        topic=_text(c.get("topic"), f"The topic of {low}"),
        verdict_rating=_text(verdict.get("rating"), f"The verdict rating of {low}"),
        verdict_explanation=_text(verdict.get("explanation"), f"The verdict explanation of {low}"),
        verdict_url=_text(verdict.get("url"), f"The verdict URL of {low}"),
        verdict_date=_date(verdict.get("date"), f"The verdict date of {low}"),
        note=_text(c.get("note"), f"The note of {low}"),
        status=_choice(c.get("status"), f"The status of {low}", STATUSES) or "suggested",
        origin=_text(c.get("origin"), f"The origin of {low}") or "import",
        model_name=_text(c.get("model_name"), f"The model name of {low}"),
        model_version=_text(c.get("model_version"), f"The model version of {low}"),
        confidence=_number(c.get("confidence"), f"The confidence of {low}", float),
    )
    return BulkClaim(
        id=_number(c.get("id"), f"The id of {low}"), draft=draft,
        speaker_id=_number(speaker.get("id"), f"The speaker id of {low}"),
        annotator=_text(c.get("annotator"), f"The annotator of {low}"),
        created_at=_stamp(c.get("created_at"), f"created_at of {low}"),
        updated_at=_stamp(c.get("updated_at"), f"updated_at of {low}"),
        version=_number(c.get("version"), f"The version of {low}") or 1,
    )


def _article(a, n: int) -> BulkArticle:
    a = _object(a, f"Article number {n} in the file")
    where = f"article {_label(a.get('id'), f'number {n} in the file')}"
    text = _text(a.get("text"), f"The text of {where}", limit=MAX_TEXT_CHARS)
    if not text or not text.strip():
        raise ExportError(f"The {where} has no text.")
    article = NewArticle(
        text=text, title=_text(a.get("title"), f"The title of {where}"),
        source=_text(a.get("source"), f"The source of {where}"), url=_text(a.get("url"), f"The URL of {where}"),
        publisher=_text(a.get("publisher"), f"The publisher of {where}"),
        author=_text(a.get("author"), f"The author of {where}"),
        published=_date(a.get("published"), f"published of {where}"),
        published_source=_text(a.get("published_source"), f"published_source of {where}"),
        language=_text(a.get("language"), f"The language of {where}"),
        raw_text=_text(a.get("raw_text"), f"The raw text of {where}", limit=MAX_TEXT_CHARS),
        # Never trusted: a wrong hash would defeat duplicate detection from then on. db computes it from the text.
        content_hash=None,
    )
    return BulkArticle(
        id=_number(a.get("id"), f"The id of {where}"), article=article,
        imported_at=_stamp(a.get("imported_at"), f"imported_at of {where}"),
        done=bool(a.get("done")), suggested_at=_stamp(a.get("suggested_at"), f"suggested_at of {where}"),
        claims=tuple(_claim(c, text, where) for c in _list(a.get("claims"), f"The claims of {where}")),
    )


def _speaker(s, n: int) -> BulkSpeaker:
    s = _object(s, f"Speaker number {n} in the file")
    what = f"speaker {_label(s.get('name'), f'number {n} in the file')}"
    roles = []
    for r in _list(s.get("roles"), f"The roles of {what}"):
        r = _object(r, f"A role of {what}")
        role = _text(r.get("role"), f"A role of {what}")
        if role:
            roles.append(SpeakerRole(role, _date(r.get("start"), f"A role start of {what}"),
                                     _date(r.get("end"), f"A role end of {what}")))
    name = _text(s.get("name"), f"The name of {what}")
    if not name or not name.strip():
        raise ExportError(f"Speaker number {n} in the file has no name.")
    return BulkSpeaker(id=_number(s.get("id"), f"The id of {what}"), name=name,
                       aliases=_texts(s.get("aliases"), f"The aliases of {what}"),
                       affiliation=_text(s.get("affiliation"), f"The affiliation of {what}"),
                       roles=tuple(roles))


def _topic(t, n: int) -> BulkTopic:
    t = _object(t, f"Topic number {n} in the file")
    what = f"topic {_label(t.get('name'), f'number {n} in the file')}"
    name = _text(t.get("name"), f"The name of {what}")
    if not name or not name.strip():
        raise ExportError(f"Topic number {n} in the file has no name.")
    return BulkTopic(id=_number(t.get("id"), f"The id of {what}"), name=name,
                     keywords=_texts(t.get("keywords"), f"The keywords of {what}"),
                     examples=_texts(t.get("examples"), f"The examples of {what}"))


class _Stop(Exception):
    """Raised among the articles when the user cancels: the load's transaction is rolled back."""


def scan_document(path) -> Head:
    """Read the whole document as ``import_json`` does, storing nothing; Refused/ExportError if it is bad."""
    stream = JsonStream(path)
    head = _checked_head(stream)
    for n, a in enumerate(stream.articles(), start=1):
        _article(a, n)
    return head


def _checked_head(stream: JsonStream) -> Head:
    head = stream.head()
    if head.format != FORMAT:
        raise Refused(f"{stream.path} is not a Quotedesk JSON export (format {_show(head.format)}; "
                      f"expected {FORMAT!r}).")
    if head.articles_kind not in (None, "a list"):
        raise ExportError(f"The articles should be a list, not {head.articles_kind}.")
    return head


@contextlib.contextmanager
def _no_automatic_collection():
    """Python's cycle collector kept off while a document is loaded: the load makes no reference cycles
    to speak of, yet its millions of short-lived objects set the collector off a thousand times, each
    walking what the process holds (a tenth of an import's time). The window keeps it off anyway and
    collects on a timer; a command-line import gets it back when the load ends."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def import_json(project: Project, path, *, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> JsonImport:
    """Load a quotedesk.v1 document into the project (empty or not); ids are kept where never used here.

    The file is read as a stream, one article at a time, and stored in one
    transaction as it is read; an error anywhere in it (or a cancel: ``cancelled()``
    is asked between articles) rolls the transaction back, so a bad file changes
    nothing. ``progress(bytes read, file size)``.
    """
    stream = JsonStream(path, progress)

    def articles():
        for n, a in enumerate(stream.articles(), start=1):
            if cancelled is not None and n % 50 == 0 and cancelled():
                raise _Stop
            yield _article(a, n)

    try:
        head = _checked_head(stream)
        speakers = [_speaker(s, n) for n, s in enumerate(_list(head.speakers, "The speakers"), start=1)]
        topics = [_topic(t, n) for n, t in enumerate(_list(head.topics, "The topics"), start=1)]
        if cancelled is not None and cancelled():
            raise _Stop
        with _no_automatic_collection():
            result = project.load_bulk(articles(), speakers=speakers, topics=topics)
    except _Stop:
        return JsonImport(LoadResult(), cancelled=True)
    except Refused as exc:
        raise Refused(f"{exc} Nothing was imported.") from None
    except ExportError as exc:
        raise ExportError(f"{path}: {exc} Nothing was imported; correct the file or export it again.") from None
    return JsonImport(result)
