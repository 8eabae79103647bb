"""Storage: SQLAlchemy models behind one facade, ``Project``. Imports nothing else of Quotedesk."""

from .errors import (
    ConflictError,
    CorruptProjectError,
    DuplicateArticleError,
    InvalidValueError,
    NewerSchemaError,
    NotAProjectError,
    NotFoundError,
    NothingToUndoError,
    ProjectError,
    QuotedeskError,
)
from kernel import KINDS, STANCES, STATUSES, ClaimDraft, Span, content_hash

from .project import Project
from .records import (
    Article,
    ArticleSummary,
    AuditEntry,
    Changes,
    Claim,
    ClaimFilter,
    HistoryItem,
    MergeProposal,
    NewArticle,
    ProjectInfo,
    SearchHit,
    Speaker,
    SpeakerRole,
    StanceChange,
    StancePoint,
    Topic,
)

__all__ = [
    "KINDS", "STANCES", "STATUSES", "Article", "ArticleSummary", "AuditEntry", "Changes", "Claim",
    "ClaimDraft", "ClaimFilter", "ConflictError", "CorruptProjectError", "DuplicateArticleError", "HistoryItem",
    "InvalidValueError", "NewArticle", "NewerSchemaError", "NotAProjectError", "NotFoundError",
    "NothingToUndoError", "Project", "ProjectError", "ProjectInfo", "QuotedeskError", "SearchHit", "Span",
    "Speaker", "SpeakerRole", "Topic", "content_hash",
    "MergeProposal", "StanceChange", "StancePoint",
]
