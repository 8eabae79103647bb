"""Exports: the project's work leaves as Excel, JSON, training data, CSV and ClaimReview — and comes back.

Every exporter is ``export_<fmt>(project, path, *, claim_filter=None, statuses=None,
article_id=None, progress=None, cancelled=None) -> ExportSummary``; ``export``
dispatches on a format name from ``FORMATS``. Exporters read the project only
through db's ``Project`` API. ``progress(done, total)`` counts claims;
``cancelled()`` is polled between items and a cancelled export leaves no file.
"""

from __future__ import annotations

from pathlib import Path

from .common import ExportError, ExportSummary, Scope

# Format name -> (description for menus, file suffix).
FORMATS: dict[str, tuple[str, str]] = {
    "xlsx": ("Excel workbook for editors", ".xlsx"),
    "json": ("Quotedesk JSON (lossless, re-importable)", ".json"),
    "jsonl": ("Training data: Prodigy-style spans and relations (JSONL)", ".jsonl"),
    "spacy": ("Training data: spaCy DocBin", ".spacy"),
    "csv": ("CSV of claims", ".csv"),
    "claimreview": ("ClaimReview JSON-LD (claims with a verdict)", ".jsonld"),
}


def exporter(fmt: str):
    """The ``export_<fmt>`` function for a format name."""
    if fmt == "xlsx":
        from .excel import export_xlsx as fn
    elif fmt == "json":
        from .jsondoc import export_json as fn
    elif fmt == "jsonl":
        from .training import export_jsonl as fn
    elif fmt == "spacy":
        from .training import export_spacy as fn
    elif fmt == "csv":
        from .csvfile import export_csv as fn
    elif fmt == "claimreview":
        from .claimreview import export_claimreview as fn
    else:
        raise ExportError(f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    return fn


def format_for_path(path) -> str | None:
    """The format whose usual suffix the file name has (``.jsonld`` → claimreview), if any."""
    suffix = Path(path).suffix.lower()
    for fmt, (_, ext) in FORMATS.items():
        if ext == suffix:
            return fmt
    return None


def export(project, fmt: str, path, **options) -> ExportSummary:
    """Export in the named format; options as for the ``export_<fmt>`` functions.

    The target is checked first (a folder that does not exist, a parent that is a file), so a long
    export does not fail only at its end."""
    from .common import check_target

    check_target(path)
    return exporter(fmt)(project, path, **options)


__all__ = ["FORMATS", "ExportError", "ExportSummary", "Scope", "export", "exporter", "format_for_path"]
