"""``quotedesk info``: where the project is, its schema version and what it holds."""

from __future__ import annotations

import sys

from db.schema import sqlite_path, to_url
from app.cli import EXIT_FAILURE, add_db_argument
from app.projects import open_project


def register(sub) -> None:
    p = sub.add_parser("info", help="show the project's location, schema version and counts")
    add_db_argument(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    path = sqlite_path(to_url(args.db)) if args.db else None
    if path is not None and not path.exists():
        print(f"quotedesk: there is no project at {path}. To create one, import articles into it:\n"
              f"  quotedesk import ARTICLES… --db {args.db}\n"
              f"or open it in the window (File → New project, or: quotedesk --db {args.db}).", file=sys.stderr)
        return EXIT_FAILURE
    with open_project(args.db, create=False) as project:
        info = project.info()
    print(f"Project:        {info.path or info.url}")
    print(f"Schema version: {info.schema_version}")
    print(f"Articles:       {info.articles}")
    for title in info.article_titles[:20]:
        print(f"  - {title}")
    if info.articles > 20:
        print(f"  … and {info.articles - 20} more")
    statuses = ", ".join(f"{n} {s}" for s, n in sorted(info.claims_by_status.items())) or "none"
    print(f"Claims:         {info.claims} ({statuses})")
    print(f"Speakers:       {info.speakers}")
    print(f"Topics:         {info.topics}")
    return 0
