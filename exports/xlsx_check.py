"""Checks on a workbook someone gives us, before openpyxl reads it.

An .xlsx file is a ZIP archive of XML parts. A hostile or damaged one can be a
ZIP bomb (a small file that expands to gigabytes), declare XML entities (the
"billion laughs"), hold malformed XML or characters XML forbids. Every part is
checked here with limits on size and expansion and parsed with defusedxml
(no DTDs, no entities, no external references), so that a bad file is refused
with the file, the part and the place named, and nothing is read into memory
unbounded. The same pass finds formula cells that carry no saved value (files
written by pandas or openpyxl): openpyxl reads those as empty, which would clear
a field the editor never touched.
"""

from __future__ import annotations

import os
import posixpath
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from .common import ExportError

MAX_WORKBOOK_BYTES = 200 * 1024 * 1024
"""Largest workbook file read (an export of 100,000 claims is about 20 MB)."""
MAX_EXPANDED_BYTES = 3 * 1024 * 1024 * 1024
"""Largest total size of the workbook's parts once unzipped: an export of 1,000,000 claims (Excel holds
1,048,576 rows) unzips to about 1.7 GB, read as a stream by the check and by the import alike."""
MAX_RATIO = 100
"""Largest expansion of one part (unzipped size / zipped size) for parts over 1 MB unzipped;
real sheets expand 5 to 20 times, ZIP bombs thousands of times."""
MAX_PARTS = 10_000

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_XML_SUFFIXES = (".xml", ".rels", ".vml")


@dataclass
class WorkbookCheck:
    """What the check learned: each sheet's part, and formula cells without a saved value per part."""

    sheets: dict[str, str] = field(default_factory=dict)  # sheet name -> part name
    blank_formulas: dict[str, set[str]] = field(default_factory=dict)  # part -> {"N12", ...}

    def formulas_without_value(self, sheet: str) -> set[str]:
        return self.blank_formulas.get(self.sheets.get(sheet, ""), set())


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def check_workbook(path) -> WorkbookCheck:
    """Refuse (ExportError) a file that is not a workbook we can safely read; else what we learned."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ExportError(f"There is no file {path}. Check the name and the folder.") from None
    except OSError as exc:
        raise ExportError(f"{path} cannot be read: {exc.strerror or exc}.") from None
    if stat.S_ISDIR(info.st_mode):
        raise ExportError(f"{path} is a folder; give the .xlsx file exported by Quotedesk.")
    if not stat.S_ISREG(info.st_mode):
        raise ExportError(f"{path} is not a regular file (a device, pipe or socket); give the .xlsx file.")
    if info.st_size > MAX_WORKBOOK_BYTES:
        raise ExportError(f"{path} is {_mb(info.st_size)}; the limit for a workbook is {_mb(MAX_WORKBOOK_BYTES)}. "
                          "Export fewer claims per workbook (one article, or a filter).")
    not_workbook = (f"{path} is not an Excel workbook (.xlsx) Quotedesk can read: {{}}. "
                    "Give the file written by `quotedesk export --format xlsx`, saved from Excel or LibreOffice "
                    "as .xlsx.")
    try:
        with zipfile.ZipFile(path) as zf:
            return _check_parts(zf, path, not_workbook)
    except PermissionError:
        raise ExportError(f"{path} cannot be read: permission denied. Check the file's permissions.") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise ExportError(not_workbook.format(f"it is not a valid ZIP archive ({exc})")) from None
    except (NotImplementedError, RuntimeError) as exc:  # an unknown compression method, or encryption
        raise ExportError(not_workbook.format(f"it uses a ZIP feature Quotedesk does not read ({exc})")) from None
    except OSError as exc:
        raise ExportError(f"{path} cannot be read: {exc.strerror or exc}.") from None


def _check_parts(zf: zipfile.ZipFile, path: Path, not_workbook: str) -> WorkbookCheck:
    members = zf.infolist()
    if len(members) > MAX_PARTS:
        raise ExportError(not_workbook.format(f"it holds {len(members):,} parts (at most {MAX_PARTS:,})"))
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names:
        raise ExportError(not_workbook.format("it has no xl/workbook.xml part (is it a .docx, .odt or other ZIP?)"))
    total = 0
    for m in members:
        total += m.file_size
        if total > MAX_EXPANDED_BYTES:
            raise ExportError(not_workbook.format(
                f"its parts unzip to more than {_mb(MAX_EXPANDED_BYTES)}, the limit"))
        if m.file_size > 2**20 and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise ExportError(not_workbook.format(
                f"its part {m.filename} expands {m.file_size // max(m.compress_size, 1):,} times when unzipped "
                f"(at most {MAX_RATIO} times); it looks like a ZIP bomb"))
    check = WorkbookCheck()
    for m in members:
        if m.filename.endswith(_XML_SUFFIXES):
            blanks = _parse(zf, m, path, is_sheet=m.filename.startswith("xl/worksheets/"))
            if blanks:
                check.blank_formulas[m.filename] = blanks
    check.sheets = _sheet_parts(zf)
    return check


def _parse(zf: zipfile.ZipFile, member: zipfile.ZipInfo, path: Path, *, is_sheet: bool) -> set[str]:
    """Parse one XML part safely, streaming; for sheets, the cells holding a formula but no value."""
    blanks: set[str] = set()
    stack = []
    try:
        with zf.open(member) as fh:
            for event, elem in SafeET.iterparse(fh, events=("start", "end"), forbid_dtd=True):
                if event == "start":
                    stack.append(elem)
                    continue
                stack.pop()
                if is_sheet and elem.tag == f"{_MAIN}c":
                    formula, value = elem.find(f"{_MAIN}f"), elem.find(f"{_MAIN}v")
                    inline = elem.find(f"{_MAIN}is")
                    if formula is not None and inline is None and (value is None or not (value.text or "")):
                        blanks.add(elem.get("r", "?"))
                if stack and elem.tag != f"{_MAIN}f" and elem.tag != f"{_MAIN}v" and elem.tag != f"{_MAIN}is":
                    stack[-1].remove(elem)  # keep memory flat: nothing parsed is kept
    except DefusedXmlException as exc:
        raise ExportError(f"{path} was refused: its part {member.filename} declares a DTD or XML entities "
                          f"({type(exc).__name__}), which Excel never writes and which can make a small file "
                          "expand without end. Save the workbook again from Excel or LibreOffice.") from None
    except ParseError as exc:
        line, column = getattr(exc, "position", (None, None))
        raise ExportError(f"{path} is damaged: its part {member.filename} is not well-formed XML "
                          f"(line {line}, column {column}: {_reason(exc)}). Save the workbook again from Excel "
                          "or LibreOffice, or export it again from Quotedesk.") from None
    except LookupError as exc:  # an XML declaration naming an encoding that does not exist
        raise ExportError(f"{path} is damaged: its part {member.filename} declares an unknown text encoding "
                          f"({exc}). Save the workbook again from Excel or LibreOffice.") from None
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as exc:
        raise ExportError(f"{path} is damaged: its part {member.filename} cannot be unzipped ({exc}). "
                          "Export the workbook again from Quotedesk.") from None
    return blanks


def _reason(exc: ParseError) -> str:
    text = str(exc)
    return text.split(":", 1)[0] if ": line" in text else text


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> part name, from xl/workbook.xml and its relationships (both already checked)."""
    try:
        rels = SafeET.fromstring(zf.read("xl/_rels/workbook.xml.rels"), forbid_dtd=True)
        book = SafeET.fromstring(zf.read("xl/workbook.xml"), forbid_dtd=True)
    except (KeyError, ParseError, DefusedXmlException):
        return {}
    targets = {}
    for rel in rels.iter(f"{_PKG}Relationship"):
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[rel.get("Id")] = part
    return {s.get("name"): targets.get(s.get(f"{_REL}id"), "") for s in book.iter(f"{_MAIN}sheet")}
