"""``quotedesk import-json``: load a Quotedesk JSON export into a project (empty or not)."""

from __future__ import annotations

import signal
import sys
import threading

from app.cli import EXIT_FAILURE, add_db_argument, terminal_safe
from app.projects import open_project


def register(sub) -> None:
    p = sub.add_parser("import-json", help="load a Quotedesk JSON export (articles, claims, speakers, topics)",
                       description="Load a quotedesk.v1 JSON export. Articles already in the project get only "
                                   "the claims they lack; ids are kept where they are free. The file is read "
                                   "as a stream and stored in one transaction: a bad file, or Ctrl-C, "
                                   "leaves the project as it was.")
    add_db_argument(p)
    p.add_argument("file", metavar="FILE", help="the .json file exported by Quotedesk")
    p.set_defaults(handler=run)


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        print(f"\rReading… {done * 100 // total:3d}%", end="" if done < total else "\n", file=sys.stderr)


def run(args) -> int:
    from exports.jsondoc import import_json

    stop = threading.Event()
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, lambda *_: stop.set()) if main_thread else None
    try:
        with open_project(args.db) as project:
            report = import_json(project, args.file, progress=_progress, cancelled=stop.is_set)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    print(terminal_safe(report.describe()))
    return EXIT_FAILURE if report.cancelled else 0
