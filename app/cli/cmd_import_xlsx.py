"""``quotedesk import-xlsx``: read editors' changes (stance, verdict, note, status) back from an export."""

from __future__ import annotations

from app.cli import terminal_safe, EXIT_FAILURE, add_db_argument
from app.projects import open_project


def register(sub) -> None:
    p = sub.add_parser("import-xlsx", help="apply editors' changes from an exported Excel workbook",
                       description="Read stance, verdict, explanation, evidence URL, note and status back from "
                                   "the Claims sheet of a workbook made by `quotedesk export`, by claim id. Rows "
                                   "whose claim changed in the project after the export are reported as "
                                   "conflicts and not applied. Edits in other columns (speaker, role, topic) are not read back; "
                                   "they are listed. Exit status 1 when there were conflicts, errors or such edits.")
    add_db_argument(p)
    p.add_argument("file", metavar="FILE", help="the .xlsx file")
    p.add_argument("--dry-run", action="store_true", help="only show what would change")
    p.add_argument("--annotator", metavar="NAME", help="record the changes under this annotator's name")
    p.set_defaults(handler=run)


def run(args) -> int:
    from exports.excel_import import import_xlsx

    with open_project(args.db) as project:
        report = import_xlsx(project, args.file, annotator=args.annotator, dry_run=args.dry_run)
    print(terminal_safe(report.describe()))
    return EXIT_FAILURE if report.conflicts or report.errors or report.not_read_back else 0
