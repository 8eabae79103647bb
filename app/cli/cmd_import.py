"""``quotedesk import PATH…``: import articles from files, folders, JSONL/CSV batches or URLs."""
from __future__ import annotations

import shutil
import signal
import sys
import threading

from app.cli import EXIT_FAILURE, EXIT_OK, add_db_argument, terminal_safe
from app.importing import ImportSummary, import_paths
from app.projects import open_project


def register(sub) -> None:
    p = sub.add_parser("import", help="import articles (.txt, .md, .html, .jsonl, .csv, folders, URLs)",
                       description="Import articles into the project. Folders are read recursively; "
                       "JSONL and CSV batches need a 'text' field. The exit code is non-zero only when "
                       "nothing could be imported.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or http(s) URL")
    add_db_argument(p)
    p.set_defaults(handler=run)


class _Bar:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, stream=None):
        self.stream = stream = stream or sys.stderr
        self.active = stream.isatty()
        self.current = ""

    def __call__(self, done: int, total: int | None) -> None:
        if not self.active:
            return
        width = max(10, min(40, shutil.get_terminal_size((80, 20)).columns - 40))
        filled = int(width * done / total) if total else 0
        label = terminal_safe(self.current)[-30:]
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total or '?'} {label:<30}")
        self.stream.flush()

    def close(self) -> None:
        if self.active:
            self.stream.write("\r" + " " * (shutil.get_terminal_size((80, 20)).columns - 1) + "\r")
            self.stream.flush()


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def print_summary(summary: ImportSummary, out=None) -> None:
    out = out or sys.stdout
    print(f"Imported:   {len(summary.imported)}", file=out)
    print(f"Duplicates: {len(summary.duplicates)}", file=out)
    for d in summary.duplicates:
        title = f" “{d.title}”" if d.title else ""
        print(terminal_safe(f"  - {d.source}: already in the project as article {d.existing_id}{title}"), file=out)
    print(f"Failed:     {len(summary.failed)}", file=out)
    for error in summary.failed:
        print(terminal_safe(f"  - {error.message}"), file=out)
    if summary.cancelled:
        print("The import was cancelled; the articles above were stored.", file=out)


def run(args) -> int:
    bar = _Bar()
    stop = threading.Event()

    def on_result(result, outcome):
        bar.current = result.source

    def interrupted(signum, frame):  # Ctrl-C: finish the current article, then stop and report
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    previous = signal.signal(signal.SIGINT, interrupted) if _main_thread() else None
    try:
        with open_project(args.db) as project:
            summary = import_paths(project, args.paths, progress=bar, cancelled=stop.is_set,
                                   on_result=on_result)
    finally:
        bar.close()
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    print_summary(summary)
    return EXIT_FAILURE if summary.nothing_imported else EXIT_OK
