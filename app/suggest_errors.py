"""The log of suggestion rules that failed: which article, which field, and the traceback. No Qt here.

A rule that raises costs one article or one field of it (``annotate.guard``); the run goes on and
tells the person how many articles it cost, pointing here for the details. The log is a file in
the user's data directory (``suggest-errors.log``), kept small by rotation, written only when
something failed. Its lines name the project (a PostgreSQL URL without its password) and the
article's id, so the article can be found and the bug reported.
"""

from __future__ import annotations

import logging
import logging.handlers
import threading
from collections.abc import Sequence
from pathlib import Path

from annotate.guard import ARTICLE, RuleFailure
from app.projects import data_dir
from db.schema import display_name

LOG_NAME = "suggest-errors.log"
MAX_BYTES = 1_000_000
"""Size at which the log is rotated (one older file is kept): a rule failing on every article of a
large run must not fill the disk."""

_log = logging.getLogger("quotedesk.suggest_errors")
_log.propagate = False  # tracebacks go to the file; the person gets one line (SuggestSummary.message)
_log.setLevel(logging.INFO)
_lock = threading.Lock()


def log_path() -> Path:
    """Where the failures are logged (the user's data directory; QUOTEDESK_DATA_DIR in tests)."""
    return data_dir() / LOG_NAME


def _handler(path: Path) -> logging.Handler:
    """The file handler for ``path``, made on first use (and again when the data directory changed)."""
    for handler in _log.handlers:
        if getattr(handler, "baseFilename", None) == str(path.absolute()):
            return handler
    for handler in list(_log.handlers):
        _log.removeHandler(handler)
        handler.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=1,
                                                   encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    _log.addHandler(handler)
    return handler


def project_source(url: str) -> str:
    """How the log names a project: its file, or its URL without the password."""
    return f"project {display_name(url)}"


def log_failures(source: str, article_id: int, failures: Sequence[RuleFailure]) -> Path:
    """Append one entry per failing field, with its traceback; returns the log's path. ``source`` says
    where the article is (``project_source(url)``; ``quotedesk eval``: the gold file)."""
    path = log_path()
    by_stage: dict[str, list[RuleFailure]] = {}
    for f in failures:
        by_stage.setdefault(f.stage, []).append(f)
    with _lock:
        _handler(path)
        for stage, fs in by_stage.items():  # one traceback per field: a rule failing on every claim says so once
            at = [f.at for f in fs if f.at is not None]
            what = ("skipped the article" if stage == ARTICLE else
                    f"left the {stage} empty" + (" in every claim of the article" if len(at) < len(fs) else
                                                 f" in the claims at character {', '.join(map(str, sorted(set(at))))}"))
            others = {f.error for f in fs} - {fs[0].error}
            _log.error("%s, article %s: a suggestion rule failed and %s: %s%s\n%s",
                       source, article_id, what, fs[0].error,
                       f" (and {'; '.join(sorted(others))})" if others else "", fs[0].details.rstrip())
    logging.getLogger(__name__).info("article %s: a suggestion rule failed (%s); details in %s",
                                     article_id, failures[0].error if failures else "?", path)
    return path
