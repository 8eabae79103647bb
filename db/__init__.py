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
from .project import Project, content_hash
from .records import (
    KINDS,
    STANCES,
    STATUSES,
    Article,
    ArticleSummary,
    AuditEntry,
    Changes,
    Claim,
    ClaimFilter,
    HistoryItem,
    MergeProposal,
    NewArticle,
    NewClaim,
    ProjectInfo,
    SearchHit,
    Span,
    Speaker,
    SpeakerRole,
    StanceChange,
    StancePoint,
    Topic,
)

__all__ = [
    "KINDS", "STANCES", "STATUSES", "Article", "ArticleSummary", "AuditEntry", "Changes", "Claim",
    "ClaimFilter", "ConflictError", "CorruptProjectError", "DuplicateArticleError", "HistoryItem",
    "InvalidValueError", "NewArticle", "NewClaim", "NewerSchemaError", "NotAProjectError", "NotFoundError",
    "NothingToUndoError", "Project", "ProjectError", "ProjectInfo", "QuotedeskError", "SearchHit", "Span",
    "Speaker", "SpeakerRole", "Topic", "content_hash",
    "MergeProposal", "StanceChange", "StancePoint",
]
