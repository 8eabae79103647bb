"""``quotedesk export``: write claims as Excel, JSON, training data, CSV or ClaimReview."""

from __future__ import annotations

import sys

from db import STATUSES
from desktop.cli import terminal_safe, EXIT_USAGE, add_db_argument
from desktop.projects import open_project


def register(sub) -> None:
    from exports import FORMATS

    p = sub.add_parser("export", help="export claims (xlsx, json, jsonl, spacy, csv, claimreview)",
                       description="Export the project's claims. " + "; ".join(
                           f"{name}: {desc}" for name, (desc, _) in FORMATS.items()) + ".")
    add_db_argument(p)
    p.add_argument("--format", "-f", choices=list(FORMATS),
                   help="export format (default: from the file name's suffix)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
    p.add_argument("--status", action="append", metavar="STATUS",
                   help=f"only claims with this status ({', '.join(STATUSES)}); repeat or separate with commas "
                        "(default: all statuses; training formats: confirmed)")
    p.add_argument("--article", type=int, metavar="ID", help="only this article's claims")
    p.add_argument("--negatives", action="store_true",
                   help="jsonl/spacy: include rejected suggestions as negative examples")
    p.add_argument("--organization", metavar="NAME", help="claimreview: the fact-checking organization")
    p.set_defaults(handler=run)


def _statuses(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    out = tuple(dict.fromkeys(s.strip().lower() for v in values for s in v.split(",") if s.strip()))
    bad = [s for s in out if s not in STATUSES]
    if bad:
        raise ValueError(f"unknown status {', '.join(bad)}; choose from {', '.join(STATUSES)}")
    return out


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        print(f"\rExporting… {done * 100 // total:3d}%", end="" if done < total else "\n", file=sys.stderr)


def run(args) -> int:
    from exports import export, format_for_path

    fmt = args.format or format_for_path(args.output)
    if fmt is None:
        print("quotedesk export: say which --format to write (the file name's suffix does not tell)",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        statuses = _statuses(args.status)
    except ValueError as exc:
        print(f"quotedesk export: {exc}", file=sys.stderr)
        return EXIT_USAGE
    options = dict(statuses=statuses, article_id=args.article, progress=_progress)
    if fmt in ("jsonl", "spacy"):
        options["negatives"] = args.negatives
    if fmt == "claimreview" and args.organization:
        options["organization"] = args.organization
    with open_project(args.db) as project:
        summary = export(project, fmt, args.output, **options)
    print(terminal_safe(summary.describe()))
    return 0
