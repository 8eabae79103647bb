"""Plain frozen dataclasses: the only shapes that leave db/.

Everything the rest of the program sees of the database is one of these; they
are safe to pass between threads and hold no session.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import NamedTuple

from kernel import FRAGMENT_GAP, ClaimDraft, Span


class Layer(enum.Enum):
    """``ClaimFilter.layer`` values beyond the final layer (``FINAL``, None) and an annotator's name."""

    ANY = "any"  # every layer: the final one and every annotator's


FINAL = None
"""The project's final layer: the claims exports, training, search, timelines and the window read."""
ANY_LAYER = Layer.ANY
"""Claims of every layer (for agreement and adjudication code that wants them all)."""


@dataclass(frozen=True)
class NewArticle:
    """What an importer hands to ``Project.add_article``."""

    text: str
    raw_text: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: dt.date | None = None
    published_source: str | None = None  # metadata | byline | inferred | user
    language: str | None = None
    content_hash: str | None = None  # computed from text when None


@dataclass(frozen=True)
class Article:
    id: int
    title: str | None
    source: str | None
    url: str | None
    publisher: str | None
    author: str | None
    published: dt.date | None
    published_source: str | None
    language: str | None
    raw_text: str
    text: str
    content_hash: str
    imported_at: dt.datetime
    done: bool
    suggested_at: dt.datetime | None
    version: int = 1  # pass back as expected_version so a stale write is refused


@dataclass(frozen=True)
class ArticleSummary:
    """A row of the article list: no text, with claim counts."""

    id: int
    title: str | None
    publisher: str | None
    published: dt.date | None
    published_source: str | None
    url: str | None
    done: bool
    suggested: int
    confirmed: int
    rejected: int
    suggested_at: dt.datetime | None


@dataclass(frozen=True)
class Claim:
    id: int
    article_id: int
    content: Span
    kind: str
    cue: Span | None
    speaker_id: int | None
    speaker: str | None
    mention: Span | None
    role: str | None
    date: dt.date | None
    date_text: str | None
    date_assumed: bool
    stance: str | None
    topic_id: int | None
    topic: str | None
    verdict_rating: str | None
    verdict_explanation: str | None
    verdict_url: str | None
    note: str | None
    status: str
    origin: str
    model_name: str | None
    model_version: str | None
    confidence: float | None
    annotator: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int
    article_title: str | None = None
    article_published: dt.date | None = None
    verdict_date: dt.date | None = None  # when the verdict was published (ClaimReview datePublished)
    # The content's pieces in text order, at least one: a quote split by its attribution has several,
    # a claim in one piece has one, equal to ``content`` (which always spans them all).
    fragments: tuple[Span, ...] = ()
    layer: str | None = None  # None: the final layer; else the annotator whose private (blind) layer holds it
    settled_by: int | None = None  # a layer claim settled by adjudication: the final claim made of it

    def __post_init__(self) -> None:
        if not self.fragments:
            object.__setattr__(self, "fragments", (self.content,))

    @property
    def quote(self) -> str:
        """The claim's words as a reader wants them: a split quote's pieces joined with " … "."""
        if len(self.fragments) < 2:
            return self.content.text
        return FRAGMENT_GAP.join(f.text for f in self.fragments)


@dataclass(frozen=True)
class SpeakerRole:
    role: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class Speaker:
    id: int
    name: str
    aliases: tuple[str, ...]
    affiliation: str | None
    roles: tuple[SpeakerRole, ...]
    claim_count: int = 0
    version: int = 1


@dataclass(frozen=True)
class Topic:
    id: int
    name: str
    keywords: tuple[str, ...]
    examples: tuple[str, ...]
    claim_count: int = 0
    version: int = 1


@dataclass(frozen=True)
class AuditEntry:
    id: int
    entity: str
    entity_id: int
    action_id: int | None
    kind: str
    field: str | None
    old: object
    new: object
    annotator: str | None
    at: dt.datetime


@dataclass(frozen=True)
class HistoryItem:
    """One undoable action."""

    id: int
    label: str
    annotator: str | None
    at: dt.datetime
    state: str


@dataclass(frozen=True)
class Changes:
    """What a verb changed, so views refresh only that (after Anki's OpChanges)."""

    articles: frozenset[int] = frozenset()
    claims: frozenset[int] = frozenset()
    speakers: frozenset[int] = frozenset()
    topics: frozenset[int] = frozenset()
    action_id: int | None = None
    assignments: frozenset[int] = frozenset()  # articles whose assignments changed (queues, progress)
    settings: frozenset[str] = frozenset()  # project settings changed (e.g. "blind")

    def __bool__(self) -> bool:
        return bool(self.articles or self.claims or self.speakers or self.topics or self.assignments
                    or self.settings)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.articles | other.articles,
            self.claims | other.claims,
            self.speakers | other.speakers,
            self.topics | other.topics,
            other.action_id or self.action_id,
            self.assignments | other.assignments,
            self.settings | other.settings,
        )


@dataclass(frozen=True)
class ClaimFilter:
    """Selects claims; every field narrows, ``None`` means any."""

    article_id: int | None = None
    statuses: tuple[str, ...] | None = None
    speaker_id: int | None = None
    topic_id: int | None = None
    stance: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str | None = None  # full-text search over content, speaker, note
    ids: tuple[int, ...] | None = None
    limit: int | None = None
    offset: int = 0
    # Which layer: FINAL (None, the default) is the project's final claims; an annotator's name is their
    # private layer in blind annotation; ANY_LAYER is every layer. It narrows ``ids`` too.
    layer: str | Layer | None = FINAL


@dataclass(frozen=True)
class QueueItem:
    """An article in an annotator's queue."""

    article_id: int
    title: str | None
    published: dt.date | None
    finished: bool
    decided: int  # claims decided (confirmed or rejected) in the annotator's layer, or in the final layer
    total: int  # claims there (suggested ones included)


@dataclass(frozen=True)
class AnnotatorProgress:
    annotator: str
    assigned: int
    finished: int
    decided_claims: int  # claims they decided on their assigned articles (in their layer, or final ones)


@dataclass(frozen=True)
class ArticleProgress:
    article_id: int
    title: str | None
    annotators: tuple[str, ...]  # assigned, by name
    finished: tuple[str, ...]  # those of them who marked it finished


@dataclass(frozen=True)
class Progress:
    per_annotator: tuple[AnnotatorProgress, ...]
    per_article: tuple[ArticleProgress, ...]


@dataclass(frozen=True)
class Settlement:
    """One adjudication decision: a final claim taken from a layer claim (``take``), or written anew
    (``draft``), or none at all (``reject``: "no claim"), settling the layer claims in ``replaces``."""

    take: int | None = None
    draft: ClaimDraft | None = None
    replaces: tuple[int, ...] = ()
    reject: bool = False


DIFFERENCES = ("missing", "span", "speaker", "stance", "verdict")
"""How annotators' versions of a claim can differ (``Disagreement.differences``)."""


@dataclass(frozen=True)
class Disagreement:
    """One group of matched claims of an article's layers (``Project.disagreements``): at most one version
    per annotator, matched as ``quotedesk eval`` matches (``kernel.matching``). Agreed when ``differences``
    is empty: everyone has it, with the same trimmed span, speaker, stance and verdict."""

    article_id: int
    versions: dict[str, Claim | None]  # every annotator with a layer of the article, in name order
    differences: frozenset[str]  # of DIFFERENCES
    settled: Claim | None = None  # the final claim adjudication made of it, once any version is settled
    rejected: bool = False  # every annotator rejected this suggestion: an agreed "no claim"

    @property
    def agreed(self) -> bool:
        return not self.differences

    @property
    def claim_ids(self) -> tuple[int, ...]:
        """The versions there are, in annotator order."""
        return tuple(c.id for c in self.versions.values() if c is not None)

    @property
    def open_ids(self) -> tuple[int, ...]:
        """The versions adjudication has not settled yet (pass them as ``replaces``)."""
        return tuple(c.id for c in self.versions.values() if c is not None and c.settled_by is None)

    @property
    def is_settled(self) -> bool:
        return not self.open_ids

    @property
    def start(self) -> int:
        """Where the group's first version starts in the article text."""
        return min(c.content.start for c in self.versions.values() if c is not None)


class LayerValues(NamedTuple):
    """One layer claim as light values, for agreement over many articles (``Project.stream_layer_values``)."""

    article_id: int
    layer: str
    claim_id: int
    start: int
    end: int
    content_text: str
    fragments: tuple[tuple[int, int], ...]  # the content's pieces (start, end), at least one
    speaker_id: int | None
    speaker: str | None
    stance: str | None
    verdict_rating: str | None
    status: str
    settled_by: int | None


@dataclass(frozen=True)
class ProjectInfo:
    url: str
    path: str | None
    schema_version: str
    articles: int
    claims: int
    claims_by_status: dict[str, int] = field(default_factory=dict)
    speakers: int = 0
    topics: int = 0
    article_titles: tuple[str, ...] = ()
    layer_claims: int = 0  # claims in annotators' private layers (blind annotation), not counted in ``claims``


@dataclass(frozen=True)
class SearchHit:
    kind: str  # claim | article | speaker
    id: int
    article_id: int | None
    snippet: str


@dataclass(frozen=True)
class MergeProposal:
    """Two registry speakers that look like one person ("Meloni" and "Giorgia Meloni")."""

    keep_id: int  # the fuller name, proposed as the canonical one
    keep: str
    other_id: int
    other: str
    reason: str  # for the person deciding, e.g. "“Meloni” is part of “Giorgia Meloni”"
    keep_claims: int = 0
    other_claims: int = 0


@dataclass(frozen=True)
class StancePoint:
    """A confirmed claim on a topic, placed in time: one point of the timeline."""

    claim_id: int
    article_id: int
    topic_id: int
    topic: str
    quote: str
    stance: str | None
    date: dt.date
    date_from_article: bool  # the claim has no statement date; the article's publication date stands in
    speaker_id: int | None
    speaker: str | None
    affiliation: str | None
    role: str | None
    article_title: str | None
    article_url: str | None
    publisher: str | None


@dataclass(frozen=True)
class StanceChange:
    """Two confirmed claims on one topic, by one speaker or one affiliation, whose stances differ."""

    topic_id: int
    topic: str
    basis: str  # "speaker" or "affiliation"
    group: str  # the speaker's name or the affiliation
    before: StancePoint
    after: StancePoint

    @property
    def reversal(self) -> bool:
        """favor ↔ against, as opposed to a move to or from neutral."""
        return {self.before.stance, self.after.stance} == {"favor", "against"}

    @property
    def same_moment(self) -> bool:
        """Both claims are from one article on one day (listed only when asked for)."""
        return self.before.article_id == self.after.article_id and self.before.date == self.after.date

    @property
    def strength(self) -> str:
        """How the change reads: "reversal" (in favour ↔ against), "softer" (to or from neutral)
        or "same article" (two claims of one article on one day)."""
        if self.same_moment:
            return "same article"
        return "reversal" if self.reversal else "softer"

    def flat(self) -> dict[str, object]:
        """One flat row (for a spreadsheet): the change, then each side's fields prefixed before_/after_."""
        row: dict[str, object] = {"topic": self.topic, "basis": self.basis, "group": self.group,
                                  "reversal": self.reversal}
        for prefix, point in (("before", self.before), ("after", self.after)):
            for name in ("date", "stance", "speaker", "affiliation", "role", "quote", "article_title",
                         "article_url", "publisher", "claim_id", "article_id", "date_from_article"):
                row[f"{prefix}_{name}"] = getattr(point, name)
        return row


class ClaimValues(NamedTuple):
    """One claim as plain column values, the fastest shape to serialise many claims (read it by name).

    From ``Project.stream_claim_values``: dates as ``YYYY-MM-DD`` and timestamps as ISO 8601
    text (UTC, microseconds, no zone suffix); spans spread out into start, end and text.
    """

    id: int
    article_id: int
    start: int
    end: int
    content_text: str
    kind: str
    cue_start: int | None
    cue_end: int | None
    cue_text: str | None
    speaker_id: int | None
    speaker: str | None
    mention_start: int | None
    mention_end: int | None
    mention_text: str | None
    role: str | None
    date: str | None
    date_text: str | None
    date_assumed: bool
    stance: str | None
    topic_id: int | None
    topic: str | None
    verdict_rating: str | None
    verdict_explanation: str | None
    verdict_url: str | None
    note: str | None
    status: str
    origin: str
    model_name: str | None
    model_version: str | None
    confidence: float | None
    annotator: str | None
    created_at: str | None
    updated_at: str | None
    version: int
    article_title: str | None
    article_published: str | None
    verdict_date: str | None
    fragments: list | None  # as stored: None for a claim in one piece, else [{"start", "end", "text"}, ...]
    layer: str | None  # None: a final claim (exports read only these); else the annotator's private layer
    settled_by: int | None  # a layer claim settled by adjudication: the final claim made of it
