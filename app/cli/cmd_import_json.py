"""``quotedesk import-json``: load a Quotedesk JSON export into a project (empty or not)."""

from __future__ import annotations

from app.cli import terminal_safe, add_db_argument
from app.projects import open_project


def register(sub) -> None:
    p = sub.add_parser("import-json", help="load a Quotedesk JSON export (articles, claims, speakers, topics)",
                       description="Load a quotedesk.v1 JSON export. Articles already in the project get only "
                                   "the claims they lack; ids are kept where they are free.")
    add_db_argument(p)
    p.add_argument("file", metavar="FILE", help="the .json file exported by Quotedesk")
    p.set_defaults(handler=run)


def run(args) -> int:
    from exports.jsondoc import import_json

    with open_project(args.db) as project:
        report = import_json(project, args.file)
    print(terminal_safe(report.describe()))
    return 0
