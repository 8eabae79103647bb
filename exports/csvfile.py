"""CSV of claims: UTF-8 with a byte order mark so Excel opens it right, one row per claim.

A split quote's content is its fragments joined with " … " (start and end span the whole;
the ``fragments`` column lists each piece's offsets as ``start-end`` separated by ``;``).
CSV has no cell types, so text that a spreadsheet would run as a formula
(leading ``= + - @``, tab or CR) is written with a leading apostrophe, the
usual guard (OWASP "CSV injection"); control characters become U+FFFD.
"""

from __future__ import annotations

import csv
import time

from db import ClaimFilter, Project

from .common import Cancel, Cancelled, ExportSummary, Progress, Scope, Ticker, finish, iso, output
from .xlsx_stream import FORMULA_TRIGGERS, cell_text

HEADERS = ["claim_id", "article_id", "article_title", "article_published", "content", "start", "end", "kind",
           "speaker", "role", "date", "date_text", "stance", "topic", "verdict_rating", "verdict_explanation",
           "verdict_url", "note", "status", "origin", "annotator", "updated_at", "version", "fragments"]


def csv_text(value) -> str:
    """A value as CSV text, guarded against formula injection."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    value = cell_text(value)
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def export_csv(project: Project, path, *, claim_filter: ClaimFilter | None = None, statuses=None,
               article_id: int | None = None, progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> ExportSummary:
    started = time.perf_counter()
    scope = Scope.of(claim_filter, statuses, article_id).checked(project)
    ticker = Ticker(project.count_claims(scope.claim_filter), progress, cancelled)
    articles: set[int] = set()
    try:
        with output(path, encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(HEADERS)
            for c in project.stream_claims(scope.claim_filter):
                writer.writerow([csv_text(v) for v in (
                    c.id, c.article_id, c.article_title, iso(c.article_published),
                    c.quote, c.content.start,
                    c.content.end, c.kind, c.speaker, c.role, iso(c.date), c.date_text, c.stance, c.topic,
                    c.verdict_rating, c.verdict_explanation, c.verdict_url, c.note, c.status, c.origin,
                    c.annotator, iso(c.updated_at), c.version,
                    ";".join(f"{f.start}-{f.end}" for f in c.fragments))])
                articles.add(c.article_id)
                if ticker.step():
                    raise Cancel
    except Cancel:
        return finish("csv", path, started, claims=ticker.done, articles=len(articles), cancelled=True)
    ticker.finish()
    return finish("csv", path, started, claims=ticker.done, articles=len(articles))
