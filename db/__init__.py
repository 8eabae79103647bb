"""Storage: SQLAlchemy models behind one facade, ``Project``. Imports nothing of Quotedesk but the kernel.

What leaves this package: ``Project`` and the plain records its verbs take and return.
"""

from kernel import KINDS, STANCES, STATUSES, ClaimDraft, Span, content_hash

from .bulk import CLAIM_VALUE_FIELDS, BulkArticle, BulkClaim, BulkSpeaker, BulkTopic, LoadResult
from .errors import (
    ConflictError,
    CorruptProjectError,
    DuplicateArticleError,
    InvalidValueError,
    NewerSchemaError,
    NotAProjectError,
    NotFoundError,
    NothingToUndoError,
    NotYourLayerError,
    ProjectError,
    QuotedeskError,
)
from .project import Project
from .records import (
    ANY_LAYER,
    DIFFERENCES,
    FINAL,
    Disagreement,
    AnnotatorProgress,
    ArticleProgress,
    Layer,
    LayerValues,
    Progress,
    QueueItem,
    Settlement,
    Article,
    ArticleSummary,
    AuditEntry,
    Changes,
    Claim,
    ClaimFilter,
    ClaimValues,
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
    "ANY_LAYER", "DIFFERENCES", "Disagreement", "FINAL", "AnnotatorProgress", "ArticleProgress", "Layer", "LayerValues", "NotYourLayerError",
    "Progress", "QueueItem", "Settlement",
    "CLAIM_VALUE_FIELDS", "KINDS", "STANCES", "STATUSES", "Article", "ArticleSummary", "AuditEntry", "BulkArticle",
    "BulkClaim", "BulkSpeaker", "BulkTopic", "Changes", "Claim", "ClaimDraft", "ClaimFilter", "ClaimValues",
    "ConflictError", "CorruptProjectError", "DuplicateArticleError", "HistoryItem", "InvalidValueError",
    "LoadResult", "MergeProposal", "NewArticle", "NewerSchemaError", "NotAProjectError", "NotFoundError",
    "NothingToUndoError", "Project", "ProjectError", "ProjectInfo", "QuotedeskError", "SearchHit", "Span", "Speaker",
    "SpeakerRole", "StanceChange", "StancePoint", "Topic", "content_hash",
]
