"""ORM rows to frozen records. Only records leave db/."""

from __future__ import annotations

from kernel import Span

from . import fragments
from .models import ArticleRow, AuditRow, ClaimRow, SpeakerRow, TopicRow
from .records import Article, AuditEntry, Claim, Speaker, SpeakerRole, Topic


def span(start: int | None, end: int | None, text: str | None) -> Span | None:
    if start is None or end is None:
        return None
    return Span(start, end, text or "")


def article(row: ArticleRow) -> Article:
    return Article(
        id=row.id,
        title=row.title,
        source=row.source,
        url=row.url,
        publisher=row.publisher,
        author=row.author,
        published=row.published,
        published_source=row.published_source,
        language=row.language,
        raw_text=row.raw_text,
        text=row.text,
        content_hash=row.content_hash,
        imported_at=row.imported_at,
        done=bool(row.done),
        suggested_at=row.suggested_at,
        version=row.version,
    )


def claim(row: ClaimRow, speaker_name: str | None = None, topic_name: str | None = None,
          article_title: str | None = None, article_published=None) -> Claim:
    content = Span(row.start, row.end, row.content_text)
    return Claim(
        id=row.id,
        article_id=row.article_id,
        content=content,
        fragments=fragments.from_stored(row.fragments, content),
        kind=row.kind,
        cue=span(row.cue_start, row.cue_end, row.cue_text),
        speaker_id=row.speaker_id,
        speaker=speaker_name,
        mention=span(row.mention_start, row.mention_end, row.mention_text),
        role=row.role,
        date=row.date,
        date_text=row.date_text,
        date_assumed=bool(row.date_assumed),
        stance=row.stance,
        topic_id=row.topic_id,
        topic=topic_name,
        verdict_rating=row.verdict_rating,
        verdict_explanation=row.verdict_explanation,
        verdict_url=row.verdict_url,
        note=row.note,
        status=row.status,
        origin=row.origin,
        model_name=row.model_name,
        model_version=row.model_version,
        confidence=row.confidence,
        annotator=row.annotator,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
        verdict_date=row.verdict_date,
        article_title=article_title,
        article_published=article_published,
        layer=row.layer,
        settled_by=row.settled_by,
    )


def speaker(row: SpeakerRow, claim_count: int = 0) -> Speaker:
    return Speaker(
        id=row.id,
        name=row.name,
        aliases=tuple(row.aliases or ()),
        affiliation=row.affiliation,
        roles=tuple(SpeakerRole(r.role, r.start, r.end) for r in row.roles),
        claim_count=claim_count,
        version=row.version,
    )


def topic(row: TopicRow, claim_count: int = 0) -> Topic:
    return Topic(
        id=row.id,
        name=row.name,
        keywords=tuple(row.keywords or ()),
        examples=tuple(row.examples or ()),
        claim_count=claim_count,
        version=row.version,
    )


def audit_entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        entity=row.entity,
        entity_id=row.entity_id,
        action_id=row.action_id,
        kind=row.kind,
        field=row.field,
        old=row.old,
        new=row.new,
        annotator=row.annotator,
        at=row.at,
    )
