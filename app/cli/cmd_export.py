"""``quotedesk export``: write claims as Excel, JSON, training data, CSV or ClaimReview."""

from __future__ import annotations

import dataclasses
import os
import shutil
import sys
import tempfile
from pathlib import Path

from db import STATUSES
from app.cli import EXIT_FAILURE, EXIT_USAGE, add_db_argument, terminal_safe
from app.projects import open_project


def register(sub) -> None:
    from exports import FORMATS

    p = sub.add_parser("export", help="export claims (xlsx, json, jsonl, spacy, csv, claimreview)",
                       description="Export the project's claims. " + "; ".join(
                           f"{name}: {desc}" for name, (desc, _) in FORMATS.items()) + ".")
    add_db_argument(p)
    p.add_argument("--format", "-f", choices=list(FORMATS),
                   help="export format (default: from the file name's suffix)")
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="file to write; - writes to standard output (then say --format)")
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


def _progress_to(stream):
    """A progress callback that writes a percentage to ``stream`` when it is a terminal, else None. Asked
    once: asking at every report let the export's writer thread take the GIL each time (1,200 times for
    120,000 claims), and the export waited to get it back."""
    if not stream.isatty():
        return None

    shown = [-1]

    def progress(done: int, total: int) -> None:
        percent = done * 100 // total if total else shown[0]
        if percent != shown[0]:  # (one write a percent, not one a report)
            shown[0] = percent
            print(f"\rExporting… {percent:3d}%", end="" if done < total else "\n", file=stream)

    return progress


TRAINING_FORMATS = ("jsonl", "spacy")


def run(args) -> int:
    from exports import export, format_for_path

    to_stdout = args.output == "-"
    fmt = args.format or (None if to_stdout else format_for_path(args.output))
    if fmt is None:
        print("quotedesk export: say which --format to write "
              + ("(standard output has no file name to tell)" if to_stdout else
                 "(the file name's suffix does not tell)"), file=sys.stderr)
        return EXIT_USAGE
    try:
        statuses = _statuses(args.status)
    except ValueError as exc:
        print(f"quotedesk export: {exc}", file=sys.stderr)
        return EXIT_USAGE
    options = dict(statuses=statuses, article_id=args.article, progress=_progress_to(sys.stderr))
    if fmt == "claimreview" and args.organization:
        options["organization"] = args.organization
    if fmt in TRAINING_FORMATS:
        options["negatives"] = args.negatives
        options["processes"] = 2  # a second process where the machine has a second core (exports/forked.py)
        # spaCy loads on a thread while the project opens (its file check lets go of the GIL)
        from exports.training import prepare_tokenizer

        prepare_tokenizer()
    with open_project(args.db) as project:
        if fmt in TRAINING_FORMATS and _positive_claims(project, statuses, args.article) == 0:
            print(_why_empty(statuses, project.info().claims_by_status), file=sys.stderr)
            return EXIT_FAILURE
        if to_stdout:
            summary = _export_to_stdout(project, fmt, options)
        else:
            summary = export(project, fmt, args.output, **options)
    # The summary is for the person; with -o - standard output carries only the data.
    print(terminal_safe(summary.describe()), file=sys.stderr if to_stdout else sys.stdout)
    return 0


def _positive_claims(project, statuses: tuple[str, ...] | None, article_id: int | None) -> int:
    """How many claims a training export would hold as examples (default: the confirmed ones)."""
    from exports import Scope

    scope = Scope.of(None, statuses or ("confirmed",), article_id).checked(project)
    return project.count_claims(scope.claim_filter)


def _export_to_stdout(project, fmt: str, options: dict):
    """Export to a temporary file (exporters write files atomically), then copy it to standard output."""
    from exports import export

    folder = tempfile.mkdtemp(prefix="quotedesk-export-")
    try:
        path = os.path.join(folder, "export")
        summary = export(project, fmt, path, **options)
        if os.path.exists(path):
            try:
                with open(path, "rb") as fh:
                    shutil.copyfileobj(fh, sys.stdout.buffer)
                sys.stdout.buffer.flush()
            except BrokenPipeError:  # the reader stopped early (`| head`): not an error
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
        return dataclasses.replace(summary, path=Path("standard output"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _why_empty(statuses: tuple[str, ...] | None, by_status: dict[str, int]) -> str:
    """Why a training export holds no claim, and what to type instead."""
    if not by_status:
        return "quotedesk export: the project has no claims yet; run `quotedesk suggest` first."
    have = ", ".join(f"{n} {s}" for s, n in sorted(by_status.items()))
    if statuses is None:
        return ("quotedesk export: no claim was written: training data holds only confirmed claims unless "
                f"--status says otherwise, and this project has {have}. Confirm claims in the window, or "
                "include others with e.g. --status confirmed,suggested. No file was written.")
    return (f"quotedesk export: no claim has status {', '.join(statuses)} in that scope "
            f"(the project has {have}); no file was written.")
