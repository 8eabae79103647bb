"""Reading editors' changes back from an exported workbook (``quotedesk import-xlsx``).

Only stance, verdict (rating, explanation, evidence URL), note and status are
read, matched by claim id; nothing else in the project is touched. A row whose
claim changed in the project after the export (its version moved on) is refused
as a conflict rather than overwriting someone's newer work.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import warnings
from dataclasses import dataclass

from db import STANCES, STATUSES, ClaimFilter, ConflictError, InvalidValueError, Project
from kernel import STANCE_LABELS

from .common import Cancelled, ExportError, Progress
from .excel import CLAIM_ID, EDITABLE, NO_STANCE, STANCE, STATUS, VERDICT_DATE, VERSION
from .xlsx_check import check_workbook
from .xlsx_stream import cell_text


@dataclass(frozen=True)
class FieldChange:
    claim_id: int
    field: str  # the claim field (db name)
    column: str  # the sheet header
    old: object
    new: object

    def describe(self) -> str:
        return f"Claim {self.claim_id}: {self.column.lower()} {_show(self.old)} → {_show(self.new)}"


@dataclass(frozen=True)
class RowIssue:
    row: int
    claim_id: int | None
    message: str

    def describe(self) -> str:
        return f"Row {self.row}" + (f" (claim {self.claim_id})" if self.claim_id else "") + f": {self.message}"


@dataclass(frozen=True)
class XlsxImport:
    """What an import found; ``applied`` is False for a dry run."""

    changes: tuple[FieldChange, ...]
    conflicts: tuple[RowIssue, ...]
    errors: tuple[RowIssue, ...]
    unchanged: int
    applied: bool
    source: str = ""  # the workbook read
    not_read_back: tuple[FieldChange, ...] = ()  # edits in columns the import does not read
    cancelled: bool = False  # stopped while reading: nothing was applied

    @property
    def changed_claims(self) -> int:
        return len({c.claim_id for c in self.changes})

    def describe(self) -> str:
        if self.cancelled:
            return "The import was cancelled before anything was changed."
        verb = "Changed" if self.applied else "Would change"
        lines = [f"{verb} {self.changed_claims} claim(s); {self.unchanged} row(s) unchanged; "
                 f"{len(self.conflicts)} conflict(s); {len(self.errors)} row(s) with errors."]
        lines += ["  " + c.describe() for c in self.changes]
        if self.conflicts:
            lines.append("Conflicts (not applied):")
            lines += ["  " + c.describe() for c in self.conflicts]
        if self.errors:
            lines.append("Errors (not applied):")
            lines += ["  " + e.describe() for e in self.errors]
        if self.not_read_back:
            lines.append(f"Not read back (only {', '.join(EDITABLE)} are; make these changes in Quotedesk):")
            lines += ["  " + c.describe() for c in self.not_read_back]
        if (self.conflicts or self.errors) and self.source:
            lines.append(f"(Rows of the Claims sheet of {self.source}; correct them there and import it again.)")
        return "\n".join(lines)


def _show(value) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, dt.date):
        return value.isoformat()
    text = value if len(value) <= 60 else value[:57] + "…"
    return f"“{text}”"


def _cell(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


MAX_COLUMNS = 256
"""Columns of the Claims sheet read (an export has 22); further columns are ignored."""
MAX_ID = 2**31 - 1  # ids and versions are 32-bit integers on PostgreSQL


def _rows(path, sized=None):
    """(row number, {header: value}, {header: cell reference}) for each data row of the Claims sheet;
    ``sized(rows)`` is told the number of rows the sheet says it has (None if it does not say)."""
    from openpyxl.utils import get_column_letter

    check = check_workbook(path)  # limits, ZIP bombs, entities, malformed XML: refused before openpyxl reads
    blank_formulas = check.formulas_without_value("Claims")
    try:
        with _quiet():
            book = _read_only_workbook(path)
    except Exception as exc:  # openpyxl's own complaint about a part it could not make sense of
        raise ExportError(f"{path} is not an Excel workbook Quotedesk can read ({type(exc).__name__}: {exc}). "
                          "Save it again from Excel or LibreOffice as .xlsx, or export it again.") from None
    try:
        if "Claims" not in book.sheetnames:
            raise ExportError(f"{path} has no “Claims” sheet; is it a workbook exported by Quotedesk?")
        sheet = book["Claims"]
        if sized is not None:
            try:
                sized(sheet.max_row)
            except Exception:  # a dimension openpyxl cannot read: the count is only for progress
                sized(None)
        rows = sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
        try:
            with _quiet():
                header = [_cell(h) for h in next(rows, ())]
        except Exception as exc:
            raise ExportError(f"The Claims sheet of {path} cannot be read ({type(exc).__name__}: {exc}). "
                              "Save it again from Excel or LibreOffice as .xlsx.") from None
        for needed in (CLAIM_ID, VERSION):
            if needed not in header:
                raise ExportError(f"The Claims sheet of {path} has no “{needed}” column; "
                                  "export the claims again from Quotedesk and edit that file.")
        letters = {h: get_column_letter(i) for i, h in enumerate(header, start=1) if h is not None}
        n = 1
        while True:
            try:
                with _quiet():
                    values = next(rows, None)
            except Exception as exc:
                raise ExportError(f"Row {n + 1} of the Claims sheet of {path} cannot be read "
                                  f"({type(exc).__name__}: {exc}). Nothing was changed; save the workbook again "
                                  "from Excel or LibreOffice as .xlsx.") from None
            if values is None:
                break
            n += 1
            blanks = {h: f"{letters[h]}{n}" for h in letters if f"{letters[h]}{n}" in blank_formulas}
            yield n, dict(zip(header, values)), blanks
    finally:
        book.close()


_SHEET_RELATIONSHIPS = re.compile(r"xl/worksheets/_rels/[^/]+\.rels")


def _read_only_workbook(path):
    """``openpyxl.load_workbook(path, read_only=True, data_only=True)``, without the worksheets'
    relationship parts: a read-only worksheet never uses them, yet openpyxl parses each whole into
    a tree first. An export's hyperlinks are there (one per article: 17 MB of XML per sheet for
    1,000,000 claims), and that tree was the largest thing in memory during an import (~190 MB).
    The parts are still checked by ``check_workbook``."""
    from openpyxl.reader.excel import ExcelReader

    reader = ExcelReader(path, read_only=True, data_only=True)
    reader.valid_files = [name for name in reader.valid_files if not _SHEET_RELATIONSHIPS.fullmatch(name)]
    reader.read()
    return reader.wb


@contextlib.contextmanager
def _quiet():
    """openpyxl warns on stderr about what it skips or cannot read (a date out of range, an unsupported
    extension); the import reports the rows that matter itself."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        yield


def _int(value, what: str) -> int | None:
    """A whole number from a cell (3, 3.0, "3"); ValueError for 3.7, text or numbers out of range."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"the {what} must be a whole number, not {value}")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"the {what} must be a whole number, not {value:g}")
        value = int(value)
    elif isinstance(value, str):
        if not value.strip().isdigit():
            raise ValueError(f"the {what} must be a whole number, not “{_short(value)}”")
        value = int(value.strip())
    elif not isinstance(value, int):
        raise ValueError(f"the {what} must be a whole number, not “{_short(str(value))}”")
    if not 1 <= value <= MAX_ID:
        raise ValueError(f"the {what} must be a whole number from 1 to {MAX_ID:,}, not {value}")
    return value


def _short(text: str) -> str:
    text = text if len(text) <= 40 else text[:37] + "…"
    return text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text


def _read_date(raw) -> dt.date | None:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date) or raw is None:
        return raw
    text = str(raw).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"the verdict date must be a date (YYYY-MM-DD), not “{raw}”") from None


def _read_value(column: str, raw):
    if column == VERDICT_DATE:
        return _read_date(raw)
    value = _cell(raw)
    if column == STANCE and value is not None:
        value = None if value in (NO_STANCE, STANCE_LABELS[None]) else value.lower()
        value = {label: key for key, label in STANCE_LABELS.items() if key}.get(value, value)  # "in favour"
        if value is not None and value not in STANCES:
            words = ", ".join(STANCE_LABELS[s] for s in STANCES)
            raise ValueError(f"stance must be one of {words} or empty, not “{raw}”")
    if column == STATUS:
        if value is None:
            raise ValueError("status cannot be empty")
        value = value.lower()
        if value not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, not “{raw}”")
    return value


BATCH = 2000
"""Rows compared with the project at a time: the claims of one batch are read, then let go."""


def import_xlsx(project: Project, path, *, annotator: str | None = None, dry_run: bool = False,
                progress: Progress | None = None, cancelled: Cancelled | None = None) -> XlsxImport:
    """Apply editors' changes from an exported workbook; conflicts and bad rows are reported, not applied.

    The sheet is read as a stream and compared with the project ``BATCH`` rows at a time;
    only the rows that change something are kept. Nothing is applied before the whole
    sheet has been read, so a workbook that turns out damaged at its last row changes
    nothing. ``progress(rows read, rows in the sheet)``; ``cancelled()`` is asked between
    batches, before anything is applied (a cancelled import changes nothing).
    """
    found = _Found()
    seen = _SeenIds()
    batch: list[tuple[int, int, int, dict]] = []
    total = 0

    def sized(rows: int | None) -> None:
        nonlocal total
        total = rows or 0
        if progress:
            progress(0, total)

    for n, row, blank_formulas in _rows(path, sized):
        if all(v is None or v == "" for v in row.values()) and not blank_formulas:
            continue
        try:
            claim_id, version = _int(row.get(CLAIM_ID), "claim id"), _int(row.get(VERSION), "version")
        except ValueError as exc:
            found.errors.append(RowIssue(n, None, f"{exc}; the row was not applied"))
            continue
        editable_blanks = [f"{ref} ({column})" for column, ref in blank_formulas.items() if column in EDITABLE]
        if editable_blanks:
            found.errors.append(RowIssue(
                n, claim_id, f"{', '.join(editable_blanks)} hold a formula without a saved value, so the value "
                             "cannot be known; the row was not applied. Open the workbook in Excel or LibreOffice "
                             "and save it (that stores the values), or type the values in."))
            continue
        if claim_id is None or version is None:
            found.errors.append(RowIssue(n, claim_id, "no claim id and version; the row was not exported by Quotedesk"))
            continue
        if not seen.add(claim_id):
            found.errors.append(RowIssue(n, claim_id, "the claim appears twice in the sheet; only its first row counts"))
            continue
        batch.append((n, claim_id, version, _editable(row)))
        if len(batch) >= BATCH:
            found.compare(project, batch)
            batch.clear()
            if progress:
                progress(n, max(n, total))
            if cancelled is not None and cancelled():
                return XlsxImport((), (), (), 0, applied=False, source=str(path), cancelled=True)
    found.compare(project, batch)
    if progress and total:
        progress(total, total)

    changes: list[FieldChange] = []
    for n, claim_id, version, fields, changed in found.to_apply:
        if dry_run:
            changes += changed
            continue
        try:
            project.update_claim(claim_id, annotator=annotator, expected_version=version,
                                 label="Import from Excel", **fields)
        except ConflictError as exc:
            found.conflicts.append(RowIssue(n, claim_id, str(exc)))
        except InvalidValueError as exc:
            found.errors.append(RowIssue(n, claim_id, str(exc)))
        else:
            changes += changed
    return XlsxImport(tuple(changes), tuple(found.conflicts), tuple(sorted(found.errors, key=lambda e: e.row)),
                      found.unchanged, applied=not dry_run, source=str(path), not_read_back=tuple(found.ignored))


class _SeenIds:
    """The claim ids met in the sheet so far, to find a claim's second row: a bit per id below
    ``BITMAP_IDS`` (an export's ids are dense: 1,000,000 claims take 125 KB, where a set of them
    took 63 MB), a set for any id above."""

    BITMAP_IDS = 2**26  # 8 MB of bits at most

    def __init__(self):
        self.bits = bytearray()
        self.more: set[int] = set()

    def add(self, claim_id: int) -> bool:
        """Note the id; False when it was met before."""
        if claim_id >= self.BITMAP_IDS:
            if claim_id in self.more:
                return False
            self.more.add(claim_id)
            return True
        byte, bit = claim_id >> 3, 1 << (claim_id & 7)
        if byte >= len(self.bits):
            size = min(max(byte + 1, 2 * len(self.bits)), self.BITMAP_IDS >> 3)  # doubling, up to the cap
            self.bits.extend(bytes(size - len(self.bits)))
        if self.bits[byte] & bit:
            return False
        self.bits[byte] |= bit
        return True


_KEPT = (*EDITABLE, *("Speaker", "Role", "Topic"))  # the columns compared with the project


def _editable(row: dict) -> dict:
    """The cells of a row the import compares (the rest of the row is let go at once)."""
    return {column: row[column] for column in _KEPT if column in row}


class _Found:
    """What the rows compared so far hold: changes to apply, conflicts, errors, edits not read back."""

    def __init__(self):
        self.to_apply: list[tuple[int, int, int, dict, list[FieldChange]]] = []
        self.conflicts: list[RowIssue] = []
        self.errors: list[RowIssue] = []
        self.ignored: list[FieldChange] = []
        self.unchanged = 0

    def compare(self, project: Project, rows: list[tuple[int, int, int, dict]]) -> None:
        ids = [r[1] for r in rows]
        current = {}
        for i in range(0, len(ids), 500):
            current.update((c.id, c) for c in project.stream_claims(ClaimFilter(ids=tuple(ids[i:i + 500]))))
        for n, claim_id, version, row in rows:
            claim = current.get(claim_id)
            if claim is None:
                self.errors.append(RowIssue(n, claim_id, "this claim is no longer in the project"))
                continue
            self.ignored += _not_read_back(claim, row)
            fields, changed = {}, []
            try:
                for column, field in EDITABLE.items():
                    if column not in row:
                        continue
                    new = _read_value(column, row[column])
                    old = getattr(claim, field)
                    if (cell_text(old) if isinstance(old, str) else old) != new:
                        fields[field] = new
                        changed.append(FieldChange(claim_id, field, column, old, new))
            except ValueError as exc:
                self.errors.append(RowIssue(n, claim_id, str(exc)))
                continue
            if not fields:
                self.unchanged += 1
            elif claim.version != version:
                self.conflicts.append(RowIssue(n, claim_id, f"changed in the project after the export (version "
                                                            f"{version} then, {claim.version} now); this row was not "
                                                            "applied"))
            else:
                self.to_apply.append((n, claim_id, version, fields, changed))


# Columns editors may well change that the import does not read: (claim field, how it appears in the sheet).
NOT_READ_BACK = {"Speaker": "speaker", "Role": "role", "Topic": "topic"}


def _not_read_back(claim, row: dict) -> list[FieldChange]:
    """Edits in the Speaker, Role and Topic columns, which are reported rather than silently dropped."""
    out = []
    for column, field in NOT_READ_BACK.items():
        if column not in row:
            continue
        old, new = getattr(claim, field), _cell(row[column])
        if (cell_text(old).strip() or None if isinstance(old, str) else old) != new:
            out.append(FieldChange(claim.id, field, column, old, new))
    return out
