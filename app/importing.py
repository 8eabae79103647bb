"""Read articles and store them: the one import loop, for the command line and the GUI's background job.

No Qt here. The GUI runs `import_paths` on a worker thread and passes `progress` and `cancelled`
callables; the loop checks `cancelled()` between articles, and every article is stored in its own
transaction, so a cancelled or failed import never leaves half an article behind.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotate.ingest import IngestError, IngestResult, read_paths
from db import DuplicateArticleError, Project, QuotedeskError
from app.projects import to_new_article


@dataclass(frozen=True)
class Duplicate:
    source: str
    existing_id: int
    title: str | None


@dataclass
class ImportSummary:
    imported: list[int] = field(default_factory=list)  # ids of the new articles, in order
    duplicates: list[Duplicate] = field(default_factory=list)
    failed: list[IngestError] = field(default_factory=list)
    cancelled: bool = False

    @property
    def nothing_imported(self) -> bool:
        """True when the run stored nothing and found nothing already stored: the caller failed."""
        return not self.imported and not self.duplicates


def import_paths(project: Project, paths: Sequence[str | Path], *,
                 progress: Callable[[int, int | None], None] | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 on_result: Callable[[IngestResult, str], None] | None = None) -> ImportSummary:
    """Import files, folders, batches and URLs into the project.

    on_result(result, outcome) is called per article with outcome "imported", "duplicate" or
    "failed" (the CLI names the current file with it). A cancelled run is not an error: the
    summary says cancelled=True and holds what was stored before.
    """
    summary = ImportSummary()
    for result in read_paths(paths, progress=progress, cancelled=cancelled):
        outcome = _store(project, result, summary)
        if on_result is not None:
            on_result(result, outcome)
    summary.cancelled = bool(cancelled and cancelled())
    return summary


def _store(project: Project, result: IngestResult, summary: ImportSummary) -> str:
    if result.article is None:
        summary.failed.append(result.error or IngestError(result.source, f"{result.source} could not be read."))
        return "failed"
    try:
        article, _ = project.add_article(to_new_article(result.article))
    except DuplicateArticleError as e:
        summary.duplicates.append(Duplicate(result.source, e.existing_id, e.title))
        return "duplicate"
    except QuotedeskError as e:
        summary.failed.append(IngestError(result.source, f"{result.source}: {e}"))
        return "failed"
    summary.imported.append(article.id)
    return "imported"
