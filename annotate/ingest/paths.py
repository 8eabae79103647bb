"""read_paths: files, folders (recursive), batches and URLs, one result per article, in order.

First a plan (walk folders, read batch files) so progress knows its total; then one result per
item, checking `cancelled()` between items. Bad input never raises: it becomes an IngestError.
"""
from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .article import read_text
from .batches import Record, csv_records, jsonl_records
from .decoding import decode
from .html import declared_charset, looks_like_html, read_html
from .model import MAX_BATCH_BYTES, MAX_FILE_BYTES, IngestError, IngestProblem, IngestResult
from .url import is_url, read_url

_log = logging.getLogger(__name__)

TEXT, HTML, JSONL, CSV = "text", "html", "jsonl", "csv"
KINDS = {".txt": TEXT, ".text": TEXT, ".md": TEXT, ".markdown": TEXT, ".html": HTML, ".htm": HTML,
         ".xhtml": HTML, ".jsonl": JSONL, ".ndjson": JSONL, ".csv": CSV, ".tsv": CSV}


@dataclass
class _Item:
    source: str
    run: Callable[[], IngestResult]


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _os_problem(path: str, e: OSError) -> IngestProblem:
    path = path or "An empty file name (\"\")"
    if isinstance(e, FileNotFoundError):
        return IngestProblem(f"{path} was not found. Check the name and the folder.")
    if isinstance(e, PermissionError):
        return IngestProblem(f"{path} cannot be read: permission denied. Check the file's permissions.")
    if isinstance(e, IsADirectoryError):
        return IngestProblem(f"{path} is a folder, not a file.")
    return IngestProblem(f"{path} cannot be read: {e.strerror or e}.")


def _read_bytes(path: str, limit: int, what: str) -> bytes:
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory", path)
        if not stat.S_ISREG(info.st_mode):
            raise IngestProblem(f"{path} is not a regular file (a device, pipe or socket); it was not read.")
        size = info.st_size
        if size > limit:
            raise IngestProblem(f"{path} is {_mb(size)}; the limit for {what} is {_mb(limit)}. "
                                "It was not imported. Split it into smaller files (or a JSONL/CSV batch).")
        with open(path, "rb") as f:
            return f.read(limit + 1)
    except OSError as e:
        raise _os_problem(path, e) from e


def _result(source: str, work: Callable[[], object]) -> IngestResult:
    try:
        return IngestResult(source, work(), None)
    except IngestProblem as e:
        return IngestResult(source, None, IngestError(source, e.message, e.line))
    except Exception as e:  # a bug or a library failure on one file must not end a batch of thousands
        return IngestResult(source, None, _unexpected(source, e))


def _unexpected(source: str, e: Exception) -> IngestError:
    _log.exception("Unexpected error while reading %s", source)
    return IngestError(source, f"{source} could not be imported because of an unexpected error "
                               f"({type(e).__name__}: {e}). The details are in the log; please report it.")


def read_file(path: str) -> IngestResult:
    """One text or HTML file (anything that is not a batch)."""
    def work():
        data = _read_bytes(path, MAX_FILE_BYTES, "one article file")
        kind = KINDS.get(Path(path).suffix.lower(), TEXT)
        charset = declared_charset(data) if kind == HTML else None
        text, encoding = None, None
        if charset:
            try:
                text, encoding = data.decode(charset), charset
            except (UnicodeDecodeError, LookupError):
                pass
        if text is None:
            text, encoding = decode(data, path)
        notes = (f"Read as {encoding}.",) if "guessed" in encoding or "detected" in encoding else ()
        if kind == HTML or looks_like_html(text):
            return read_html(text, source=path, notes=notes)
        return read_text(text, source=path, notes=notes)
    return _result(path, work)


def _record_result(path: str, record: Record) -> IngestResult:
    source = f"{path}:{record.line}"
    if record.fields is None:
        return IngestResult(source, None, IngestError(source, record.problem, record.line))

    def work():
        fields = dict(record.fields)
        if "text" not in fields:
            raise IngestProblem(f"{path}, line {record.line}: no \"text\" field, so there is no article "
                                "to import.", record.line)
        text = str(fields.pop("text"))
        if len(text) > MAX_FILE_BYTES:
            raise IngestProblem(f"{path}, line {record.line}: the text is {_mb(len(text))}; the limit for one "
                                f"article is {_mb(MAX_FILE_BYTES)}.", record.line)
        try:
            return read_text(text, source=source, **fields)
        except IngestProblem as e:
            raise IngestProblem(e.message, record.line) from e
    return _result(source, work)


def _batch_items(path: str, kind: str) -> list[_Item]:
    try:
        data = _read_bytes(path, MAX_BATCH_BYTES, "one batch file")
        text, _ = decode(data, path)
        text = text.replace("\r\n", "\n").replace("\r", "\n") if kind == JSONL else text
        records = list((jsonl_records if kind == JSONL else csv_records)(text, path))
    except IngestProblem as e:
        return [_Item(path, lambda e=e: IngestResult(path, None, IngestError(path, e.message, e.line)))]
    except Exception as e:  # see _result
        error = _unexpected(path, e)
        return [_Item(path, lambda: IngestResult(path, None, error))]
    if not records:
        problem = IngestError(path, f"{path} holds no articles (no rows with text).")
        return [_Item(path, lambda: IngestResult(path, None, problem))]
    return [_Item(f"{path}:{r.line}", lambda r=r: _record_result(path, r)) for r in records]


def _walk(folder: str) -> Iterator[str | IngestProblem]:
    """Files under folder, sorted, hidden ones skipped; an unreadable subfolder as a problem.

    Links are not followed out of the folder: a file linking outside it, and any linked folder, are
    reported and skipped (a folder of articles should not import whatever a link points at).
    """
    problems: list[OSError] = []
    root = os.path.realpath(folder)
    for here, dirs, files in os.walk(folder, onerror=problems.append):
        for d in sorted(dirs):
            if not d.startswith(".") and os.path.islink(os.path.join(here, d)):
                link = os.path.join(here, d)
                yield IngestProblem(f"{link} was skipped: it is a link to a folder ({os.readlink(link)}), and "
                                    "links to folders are not followed. Import that folder by its own name.")
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(here, name)
            if os.path.islink(path):
                try:
                    target = os.path.realpath(path)
                except OSError as e:
                    yield _os_problem(path, e)
                    continue
                if os.path.commonpath([root, target]) != root:
                    yield IngestProblem(f"{path} was skipped: it is a link to {target}, outside the folder "
                                        f"{folder}. Import that file by its own name if you mean it.")
                    continue
            yield path
    for e in problems:
        yield _os_problem(e.filename or folder, e)


def _unsupported(path: str) -> _Item:
    message = (f"{path} was skipped: {Path(path).suffix or 'files without an extension'} is not a type "
               "Quotedesk imports (.txt, .md, .html, .htm, .jsonl, .csv).")
    return _Item(path, lambda: IngestResult(path, None, IngestError(path, message)))


def _plan(paths: Sequence[str | Path]) -> Iterator[_Item]:
    for given in paths:
        path = str(given)
        if is_url(path):
            yield _Item(path, lambda u=path: read_url(u))
        elif os.path.isdir(path):
            for file in _walk(path):
                if isinstance(file, IngestProblem):
                    error = IngestError(path, file.message)  # the message names the file
                    yield _Item(path, lambda e=error: IngestResult(e.source, None, e))
                    continue
                kind = KINDS.get(Path(file).suffix.lower())
                if kind is None:
                    yield _unsupported(file)
                elif kind in (JSONL, CSV):
                    yield from _batch_items(file, kind)
                else:
                    yield _Item(file, lambda f=file: read_file(f))
        elif KINDS.get(Path(path).suffix.lower()) in (JSONL, CSV):
            yield from _batch_items(path, KINDS[Path(path).suffix.lower()])
        else:
            yield _Item(path, lambda p=path: read_file(p))


def read_paths(paths: Sequence[str | Path], *, progress: Callable[[int, int | None], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> Iterator[IngestResult]:
    """One IngestResult per article (batches: per row/line; folders: per file), in order.

    progress(done, total) is called before the first item and after each; iteration stops early,
    without error, once cancelled() returns True.
    """
    items = []
    for item in _plan(paths):
        if cancelled is not None and cancelled():
            return
        items.append(item)
    total = len(items)
    if progress is not None:
        progress(0, total)
    for done, item in enumerate(items, start=1):
        if cancelled is not None and cancelled():
            return
        yield item.run()
        if progress is not None:
            progress(done, total)
