"""Plain job functions, run by the window's task runner (``desktop.task_runner``) on a worker thread.

Each job is ``job(*args, progress, cancelled)``: it reports ``progress(done,
total)`` (total None when unknown), checks ``cancelled()`` between items, and
returns a summary with a ``message`` (one line for the status bar) and, where
something went wrong for some items, ``details`` (one line per problem). The
runner calls them on a worker thread; they never touch a widget.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.importing import ImportSummary, import_paths
from app.suggesting import LocalModel, Model, Suggester, SuggestSummary
from db import Project

Progress = Callable[[int, "int | None"], None]
Cancelled = Callable[[], bool]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@dataclass(frozen=True)
class LoadedModel:
    """A loaded pipeline: ``model`` is what ``app.suggesting.engine_for`` takes."""

    model: Model  # a started app.engine_process.ProcessEngine, or a LocalModel
    name: str
    version: str

    @property
    def message(self) -> str:
        return f"{self.name} {self.version} is ready."


def load_model_job(name: str | None = None, separate_process: bool = True, *, progress: Progress,
                   cancelled: Cancelled) -> LoadedModel | None:
    """Load the spaCy pipeline (the best installed one when ``name`` is None) and warm it up.

    By default it is loaded in a helper process (``app.engine_process``),
    where parsing never holds the window's GIL; ``separate_process=False``
    loads it here. Raises annotate's PipelineNotFound, whose message says what
    to install. Returns None when cancelled.
    """
    progress(0, None)
    if separate_process:
        from app.engine_process import ProcessEngine

        engine = ProcessEngine(name).start()
        if cancelled():
            engine.close()
            return None
        progress(1, 1)
        return LoadedModel(engine, engine.model_name, engine.model_version)
    from annotate.spacy_pipelines import pipeline_id
    from app.training import load_for_suggesting

    nlp, _ = load_for_suggesting(name)
    if cancelled():
        return None
    nlp("Quotedesk warms the pipeline up, the minister said.")  # the first parse pays one-off costs
    progress(1, 1)
    return LoadedModel(LocalModel(nlp), *pipeline_id(nlp))


class ImportReport(ImportSummary):
    """``app.importing.ImportSummary`` with the lines the status bar shows."""

    @property
    def message(self) -> str:
        parts = [f"{_plural(len(self.imported), 'article')} imported"]
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} already in the project")
        if self.failed:
            parts.append(f"{len(self.failed)} could not be read")
        return ", ".join(parts) + (" (cancelled)." if self.cancelled else ".")

    @property
    def details(self) -> str:
        lines = [e.message if e.source in e.message else f"{e.source}: {e.message}" for e in self.failed]
        lines += [f"{d.source}: already in the project as article {d.existing_id}"
                  + (f" (“{d.title}”)" if d.title else "") for d in self.duplicates]
        return "\n".join(lines)


def import_job(project: Project, paths: Sequence[str | Path], *, progress: Progress,
               cancelled: Cancelled) -> ImportReport:
    """Read files, folders, batches and URLs and store the articles (``app.importing``'s loop)."""
    summary = import_paths(project, paths, progress=progress, cancelled=cancelled)
    return ImportReport(**vars(summary))


def suggest_job(project: Project, engine: Suggester, article_ids: Sequence[int], redo: bool = False, *,
                progress: Progress, cancelled: Cancelled) -> SuggestSummary:
    """Suggest claims for the articles and store them (``app.suggesting``'s loop).

    ``engine`` comes from ``app.suggesting.engine_for``; on the helper
    process's engine the loop runs in that process.
    """
    return engine.run_suggestions(project, article_ids, redo=redo, progress=progress, cancelled=cancelled)


@dataclass(frozen=True)
class ExportReport:
    path: Path
    result: Any  # what exports.export returned
    cancelled: bool = False

    @property
    def message(self) -> str:
        if self.cancelled:
            return f"cancelled; {self.path.name} was not written."
        return f"wrote {self.path.name}."


def export_job(project: Project, fmt: str, path: str | Path, *, progress: Progress, cancelled: Cancelled,
               **scope: Any) -> ExportReport:
    """Write the project (or the part ``scope`` selects) in format ``fmt`` to ``path``."""
    import exports

    path = Path(path)
    result = exports.export(project, fmt, path, progress=progress, cancelled=cancelled, **scope)
    return ExportReport(path, result, cancelled=cancelled())
