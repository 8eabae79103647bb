"""Lossless, versioned JSON ("quotedesk.v1") of a whole project or a selection, and loading it back.

Offsets are code point indices into each article's ``text``. Timestamps are
UTC, ISO 8601 with a Z. Export → import into a new project → export gives the
same document apart from ``exported_at``. The writer streams: one article at a
time, claims read from one snapshot, never the whole project in memory.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import time
from dataclasses import dataclass

from db import ClaimFilter, Project, Span, SpeakerRole
from db.transfer import BulkArticle, BulkClaim, BulkSpeaker, BulkTopic, LoadResult

from .common import (
    Cancel, Cancelled, ExportError, ExportSummary, Progress, Scope, Ticker, finish, iso, output, plain,
    stance_changes,
)

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


def claim_text(r: tuple) -> str:
    """The JSON text of one claim (from a ``Project.stream_claim_values`` row), written directly:
    building dicts and encoding them costs twice as much, most of a 100,000-claim export."""
    (cid, _article, start, end, text, kind, cue_start, cue_end, cue_text, speaker_id, speaker, m_start, m_end,
     m_text, role, date, date_text, date_assumed, stance, _topic_id, topic, rating, explanation, url, note, status,
     origin, model_name, model_version, confidence, annotator, created_at, updated_at, version, _title, _published,
     verdict_date, stored_fragments, *_) = r
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
            fh.write('{"format": %s, "exported_at": %s, "articles": [' % (
                dumps(FORMAT), dumps(iso(dt.datetime.now(dt.UTC)))))
            for art in project.iter_articles(article_ids):
                own = []
                while pending is not None and pending[1] < art.id:
                    pending = next(claims, None)  # a claim of an article out of scope (cannot happen)
                while pending is not None and pending[1] == art.id:
                    own.append(claim_text(pending))
                    pending = next(claims, None)
                fh.write(("\n" if not articles else ",\n") + article_text(art, own))
                articles += 1
                if ticker.step(len(own)) or (not own and articles % 200 == 0 and cancelled and cancelled()):
                    raise Cancel
            fh.write('\n], "speakers": %s' % dumps([_speaker_json(s) for s in
                                                  sorted(project.speakers(), key=lambda s: s.id)]))
            fh.write(',\n"topics": %s' % dumps([_topic_json(t) for t in sorted(project.topics(), key=lambda t: t.id)]))
            changes = stance_changes(project)
            if changes is not None:
                fh.write(',\n"stance_changes": [')
                for n, change in enumerate(changes):
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

    def describe(self) -> str:
        r = self.result
        lines = [f"Added {r.articles_added:,} article(s) and {r.claims_added:,} claim(s); "
                 f"{r.speakers_added:,} new speaker(s), {r.topics_added:,} new topic(s)."]
        if r.articles_merged:
            lines.append(f"{r.articles_merged:,} article(s) were already here: added only the claims they lacked "
                         f"({r.claims_skipped:,} claim(s) already present).")
        return "\n".join([*lines, *r.notes])


def _date(value, what: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ExportError(f"{what} is not a date (YYYY-MM-DD): {value!r}.") from None


def _stamp(value, what: str) -> dt.datetime | None:
    if value in (None, ""):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise ExportError(f"{what} is not a timestamp: {value!r}.") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


def _read_span(data, text: str, what: str) -> Span | None:
    if data is None:
        return None
    try:
        start, end = int(data["start"]), int(data["end"])
    except (TypeError, KeyError, ValueError):
        raise ExportError(f"{what} needs integer start and end offsets.") from None
    if not (0 <= start < end <= len(text)):
        raise ExportError(f"{what} ({start}–{end}) lies outside the article text (0–{len(text)} characters).")
    if data.get("text") is not None and data["text"] != text[start:end]:
        raise ExportError(f"{what} says {data['text'][:60]!r} but the text at {start}–{end} is "
                          f"{text[start:end][:60]!r}; the offsets must be code point indices into the text.")
    return Span(start, end, text[start:end])


def _read_fragments(content, whole: Span, text: str, what: str) -> tuple[Span, ...]:
    """The content's pieces (``content.fragments``), checked: in text order, apart, spanning the content."""
    data = content.get("fragments") if isinstance(content, dict) else None
    if data is None:
        return ()
    if not isinstance(data, list) or not data:
        raise ExportError(f"The fragments of {what} should be a list of spans, not {data!r}.")
    pieces = [_read_span(f, text, f"Content fragment {n} of {what}") for n, f in enumerate(data, start=1)]
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
        raise ExportError(f"{what} should be a JSON object, not {type(value).__name__}.")
    return value


def _number(value, what: str, kind=int):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (kind is int and value != int(value)):
        raise ExportError(f"{what} should be {'a whole number' if kind is int else 'a number'}, not {value!r}.")
    return kind(value)


def _claim(c, text: str, where: str) -> BulkClaim:
    c = _object(c, f"A claim of {where}")
    what = f"Claim {c.get('id')} of {where}"
    speaker = _object(c.get("speaker"), f"The speaker of {what.lower()}")
    verdict = _object(c.get("verdict"), f"The verdict of {what.lower()}")
    if "content" not in c:
        raise ExportError(f"{what} has no content span.")
    content = _read_span(c["content"], text, f"The content of {what.lower()}")
    if content is None:
        raise ExportError(f"{what} has no content span.")
    return BulkClaim(
        id=_number(c.get("id"), f"The id of {what.lower()}"), content=content,
        fragments=_read_fragments(c["content"], content, text, what.lower()),
        kind=c.get("kind") or "indirect", cue=_read_span(c.get("cue"), text, f"The cue of {what.lower()}"),
        speaker_id=_number(speaker.get("id"), f"The speaker id of {what.lower()}"), speaker=speaker.get("name"),
        mention=_read_span(speaker.get("mention"), text, f"The speaker mention of {what.lower()}"),
        role=c.get("role"), date=_date(c.get("date"), f"The date of {what.lower()}"), date_text=c.get("date_text"),
        date_assumed=bool(c.get("date_assumed")), stance=c.get("stance"), topic=c.get("topic"),
        verdict_rating=verdict.get("rating"), verdict_explanation=verdict.get("explanation"),
        verdict_url=verdict.get("url"), verdict_date=_date(verdict.get("date"), f"The verdict date of {what.lower()}"),
        note=c.get("note"), status=c.get("status") or "suggested",
        origin=c.get("origin") or "import", model_name=c.get("model_name"), model_version=c.get("model_version"),
        confidence=_number(c.get("confidence"), f"The confidence of {what.lower()}", float),
        annotator=c.get("annotator"),
        created_at=_stamp(c.get("created_at"), f"created_at of {what.lower()}"),
        updated_at=_stamp(c.get("updated_at"), f"updated_at of {what.lower()}"),
        version=_number(c.get("version"), f"The version of {what.lower()}") or 1,
    )


def _article(a, n: int) -> BulkArticle:
    a = _object(a, f"Article number {n} in the file")
    where = f"article {a.get('id', n)}"
    text = a.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ExportError(f"The {where} has no text.")
    return BulkArticle(
        id=_number(a.get("id"), f"The id of {where}"), text=text, title=a.get("title"), source=a.get("source"), url=a.get("url"),
        publisher=a.get("publisher"), author=a.get("author"),
        published=_date(a.get("published"), f"published of {where}"),
        published_source=a.get("published_source"), language=a.get("language"), raw_text=a.get("raw_text"),
        content_hash=a.get("content_hash"), imported_at=_stamp(a.get("imported_at"), f"imported_at of {where}"),
        done=bool(a.get("done")), suggested_at=_stamp(a.get("suggested_at"), f"suggested_at of {where}"),
        claims=tuple(_claim(c, text, where) for c in a.get("claims") or ()),
    )


def read_document(path) -> dict:
    try:
        with open(path, encoding="utf-8-sig") as fh:
            doc = json.load(fh)
    except FileNotFoundError:
        raise ExportError(f"There is no file {path}.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExportError(f"{path} is not a JSON file ({exc}).") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        found = doc.get("format") if isinstance(doc, dict) else None
        raise ExportError(f"{path} is not a Quotedesk JSON export (format {found!r}; expected {FORMAT!r}).")
    return doc


def _speaker(s, n: int) -> BulkSpeaker:
    s = _object(s, f"Speaker number {n} in the file")
    what = f"speaker {s.get('name') or n}"
    roles = []
    for r in s.get("roles") or ():
        r = _object(r, f"A role of {what}")
        if r.get("role"):
            roles.append(SpeakerRole(str(r["role"]), _date(r.get("start"), f"A role start of {what}"),
                                     _date(r.get("end"), f"A role end of {what}")))
    return BulkSpeaker(id=_number(s.get("id"), f"The id of {what}"), name=str(s.get("name") or ""),
                       aliases=tuple(map(str, s.get("aliases") or ())), affiliation=s.get("affiliation"),
                       roles=tuple(roles))


def _topic(t, n: int) -> BulkTopic:
    t = _object(t, f"Topic number {n} in the file")
    return BulkTopic(id=_number(t.get("id"), f"The id of topic {t.get('name') or n}"), name=str(t.get("name") or ""),
                     keywords=tuple(map(str, t.get("keywords") or ())),
                     examples=tuple(map(str, t.get("examples") or ())))


def import_json(project: Project, path) -> JsonImport:
    """Load a quotedesk.v1 document into the project (empty or not); ids are kept where never used here.

    The whole document is checked before anything is stored, and stored in one
    transaction: a file with an error changes nothing.
    """
    doc = read_document(path)
    articles = [_article(a, n) for n, a in enumerate(doc.get("articles") or (), start=1)]
    speakers = [_speaker(s, n) for n, s in enumerate(doc.get("speakers") or (), start=1)]
    topics = [_topic(t, n) for n, t in enumerate(doc.get("topics") or (), start=1)]
    return JsonImport(project.load_bulk(articles, speakers=speakers, topics=topics))
