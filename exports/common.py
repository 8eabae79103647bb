"""What every exporter shares: the scope of an export, progress and cancel, the summary, safe writing."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from db import ClaimFilter, Project
from kernel import FRAGMENT_GAP, QuotedeskError

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ExportError(QuotedeskError):
    """An export or import that cannot be done as asked; the message is for the user."""


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote. ``cancelled``: stopped on request, nothing left at ``path``."""

    format: str
    path: Path
    claims: int = 0
    articles: int = 0
    cancelled: bool = False
    seconds: float = 0.0
    warnings: tuple[str, ...] = ()

    def describe(self) -> str:
        if self.cancelled:
            return f"Export to {self.path.name} cancelled; no file was written."
        text = (f"Wrote {self.claims:,} claim{'s' * (self.claims != 1)} from {self.articles:,} "
                f"article{'s' * (self.articles != 1)} to {self.path} in {self.seconds:.1f} s.")
        return "\n".join([text, *self.warnings])


@dataclass(frozen=True)
class Scope:
    """Which claims an export holds: a claims-table filter, narrowed by status and article."""

    claim_filter: ClaimFilter
    narrowed: bool  # selects particular claims or articles (not the whole project)

    @classmethod
    def of(cls, claim_filter: ClaimFilter | None = None, statuses=None, article_id: int | None = None) -> Scope:
        f = claim_filter or ClaimFilter()
        changes = {}
        if statuses is not None:
            statuses = (statuses,) if isinstance(statuses, str) else tuple(statuses)
            changes["statuses"] = statuses
        if article_id is not None:
            changes["article_id"] = article_id
        f = dataclasses.replace(f, **changes, limit=None, offset=0)
        narrowed = any(getattr(f, name) is not None for name in
                       ("article_id", "speaker_id", "topic_id", "stance", "date_from", "date_to", "ids")) \
            or bool(f.text and f.text.strip())
        return cls(f, narrowed)

    def checked(self, project: Project) -> Scope:
        """This scope, after making sure its article exists (NotFoundError with a clear message if not)."""
        if self.claim_filter.article_id is not None:
            project.article(self.claim_filter.article_id)
        return self

    def article_ids(self, project: Project) -> list[int] | None:
        """Articles the export covers: None = every article; else the article or those with claims in scope."""
        f = self.claim_filter
        if f.article_id is not None:
            project.article(f.article_id)  # raises NotFoundError with a clear message
            return [f.article_id]
        if not self.narrowed:
            return None
        return sorted({values.article_id for values in project.stream_claim_values(f)})


class Ticker:
    """Calls progress(done, total) now and then and tells when the user cancelled."""

    def __init__(self, total: int, progress: Progress | None, cancelled: Cancelled | None, every: int = 500):
        self.total, self.progress, self.cancelled, self.every = total, progress, cancelled, every
        self.done = 0
        if progress:
            progress(0, total)

    def step(self, n: int = 1) -> bool:
        """Count n items; returns True when the export should stop."""
        before = self.done
        self.done += n
        if before == 0 or before // self.every != self.done // self.every:
            if self.progress:
                self.progress(min(self.done, self.total), self.total)
            return bool(self.cancelled and self.cancelled())
        return False

    def finish(self) -> None:
        if self.progress:
            self.progress(self.total, self.total)


class Cancel(Exception):
    """Raised inside an exporter to stop; ``output`` turns it into a cancelled summary."""


@contextlib.contextmanager
def output(path: str | os.PathLike, *, mode: str = "w", encoding: str | None = "utf-8",
           newline: str | None = None) -> Iterator:
    """Write to a temporary file beside ``path`` and move it into place only when complete.

    A failed or cancelled export never leaves a half-written file, nor destroys an older file of the
    same name; a finished one is on disk (fsynced) before it replaces the old one.
    """
    with replaced(path) as part:
        if "b" in mode:
            fh = open(part, mode)
        else:
            fh = open(part, mode, encoding=encoding, newline=newline)
        with fh:
            yield fh


@contextlib.contextmanager
def replaced(path: str | os.PathLike) -> Iterator[Path]:
    """A temporary path beside ``path`` for a writer to fill; when the block ends without error the
    file is fsynced, renamed over ``path`` and the folder fsynced, so a power cut leaves either the old
    file or the whole new one. Leftover temporary files of earlier, killed exports are removed first.
    File system errors become an ExportError that names the file and says what to do."""
    path = check_target(path)
    remove_stale_parts(path)
    part = temporary_path(path)
    try:
        yield part
        _fsync(part)
        os.replace(part, path)
        _fsync(path.parent)
    except OSError as exc:
        raise write_error(path, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.EBADF):  # folders on some file systems cannot be synced
            raise
    finally:
        os.close(fd)


def write_error(path: Path, exc: OSError) -> ExportError:
    """What a failed write means for the person exporting, and what to do about it."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        text = (f"There is not enough space on the disk to write {path}. Nothing was written and any older "
                "file of that name is unchanged; free some space or export to another disk.")
    elif code in (errno.EACCES, errno.EPERM):
        text = (f"Cannot write {path}: permission denied. Choose a folder you may write to, or close the "
                "file if another program (Excel?) has it open.")
    elif code == errno.EROFS:
        text = f"Cannot write {path}: the disk is read-only. Export to a folder on a writable disk."
    elif code == errno.ENOTDIR:
        text = f"Cannot write {path}: part of the folder path is a file, not a folder. Choose another folder."
    elif code == errno.ENAMETOOLONG:
        text = f"Cannot write {path}: the file name is too long. Choose a shorter name."
    elif code == errno.EISDIR:
        text = f"{path} is a folder; give a file name to export to."
    else:
        text = f"Cannot write {path}: {exc.strerror or exc}. Nothing was written."
    return ExportError(text)


def check_target(path: str | os.PathLike) -> Path:
    """The path to export to, after checking what can be checked before writing (ExportError if not)."""
    path = Path(path)
    try:
        if path.is_dir():
            raise ExportError(f"{path} is a folder; give a file name to export to.")
        if path.exists() and not path.is_file():
            raise ExportError(f"{path} is not a regular file (a device, pipe or socket); give a file name to "
                              "export to.")
        for parent in path.parents:
            if parent.exists():
                if not parent.is_dir():
                    raise ExportError(f"Cannot write {path}: {parent} is a file, not a folder. "
                                      "Choose another folder.")
                break
        if not path.parent.exists():
            raise ExportError(f"The folder {path.parent} does not exist. Create it first, or choose another "
                              "folder.")
        if len(path.name.encode("utf-8", "surrogateescape")) > 240:  # room for the temporary file's name
            raise ExportError(f"Cannot write {path}: the file name is too long. Choose a shorter name.")
    except OSError as exc:
        raise write_error(path, exc) from exc
    return path


def temporary_path(path: str | os.PathLike) -> Path:
    """The hidden sibling a writer fills before it replaces ``path``; it names this process, so a
    leftover of a killed export can be told from one still being written."""
    path = Path(path)
    return path.with_name(f".{path.name}.{os.getpid()}.part")


def remove_stale_parts(path: Path) -> list[Path]:
    """Remove temporary files of earlier exports to ``path`` whose process has gone (killed, crashed)."""
    removed = []
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".part")):
            continue
        middle = name[len(prefix):-len(".part")]
        if not middle or (middle.isdigit() and not _alive(int(middle))):  # no id: written before ids were added
            stale = path.parent / name
            with contextlib.suppress(OSError):
                stale.unlink()
                removed.append(stale)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


def finish(fmt: str, path, started: float, *, claims: int, articles: int, warnings=(),
           cancelled=False) -> ExportSummary:
    return ExportSummary(fmt, Path(path), claims, articles, cancelled, round(time.perf_counter() - started, 3),
                         tuple(warnings))


def quote_text(content_text: str, fragments) -> str:
    """A claim's words as a reader wants them: the fragments of a split quote joined with " … ".

    ``fragments`` are the stored ``{"start", "end", "text"}`` dicts of a
    ``Project.stream_claim_values`` row (None for a claim in one piece); ``Claim.quote``
    is the same for a record.
    """
    if not fragments or len(fragments) < 2:
        return content_text
    return FRAGMENT_GAP.join(f["text"] for f in fragments)


def iso(value) -> str | None:
    """Dates as YYYY-MM-DD; timestamps (stored as naive UTC) as ISO 8601 with a Z."""
    if value is None:
        return None
    if type(value) is dt.datetime:
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat(timespec="microseconds") + "Z"
    return value.isoformat()


def plain(value):
    """A record (dataclass) as JSON-ready data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple, frozenset, set)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return iso(value)
    if isinstance(value, Path):
        return str(value)
    return value


SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’']?\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n\s*\n?")


def context_of(text: str, start: int | None, end: int | None, width: int = 600) -> str | None:
    """The sentence(s) around ``text[start:end]``, cut at sentence ends and at ``width`` code points:
    what an editor needs to judge a claim without the article."""
    if not text or start is None or end is None:
        return None
    left = max(0, start - width // 2)
    ends = [m.end() for m in SENTENCE_END.finditer(text, left, start)]
    begin = ends[-1] if ends else left
    after = SENTENCE_END.search(text, end, min(len(text), end + width // 2))
    stop = after.start() if after else min(len(text), end + width // 2)
    piece = " ".join(text[begin:stop].split())
    return ("…" if begin == left and left > 0 else "") + piece + ("…" if after is None and stop < len(text) else "")
