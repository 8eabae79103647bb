"""A small streaming .xlsx writer: rows go straight to disk as SpreadsheetML.

Why not openpyxl's write-only mode: it spends about 15 µs per cell in cell
objects and style bookkeeping, so a 100,000-claim sheet (2 million cells) takes
30 s or more on a modest machine, and it adds one package relationship per
hyperlink. This writer formats each row as one string (about 6 times faster,
see benchmarks/bench_export.py) and shares one hyperlink per run of equal URLs.
openpyxl still reads every file back, in the tests and in ``import-xlsx``.

Why not XlsxWriter (constant_memory mode): its per-cell work alone, the Claims
sheet's cells through its public calls with no links, checks or other sheets,
takes 15.8 s for 100,000 claims where this writer makes the whole workbook in
5 s (``bench_export.py --xlsxwriter``, row "xlsxwriter-min"); a complete export on
it (links, drop-downs, formats, the same safety) measured 21.5 s against the 15 s
target. Revisit if a later XlsxWriter gets faster.

Safety is built in, so no caller can forget it: text is always written as an
inline string (never a formula), text that a spreadsheet would take for a
formula (leading ``= + - @``, tab, CR) also gets Excel's quote-prefix flag so
editing the cell keeps it text, characters illegal in XML are replaced by
U+FFFD, and text over Excel's 32,767-character cell limit is cut with a
visible marker.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

CELL_LIMIT = 32_767
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EPOCH = dt.datetime(1899, 12, 30)
_EPOCH_DATE = _EPOCH.date()
_TRIGGERS = "".join(FORMULA_TRIGGERS)
_CHECK_LENGTH = CELL_LIMIT // 2  # shorter text cannot exceed the limit, even in UTF-16
_PLAIN, _WRAP, _LINK, _DECIMAL = 0, 1, 2, 3

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# Cell formats (index into cellXfs in STYLES below).
GENERAL, HEADER, GUARDED, WRAP, WRAP_GUARDED, DATE, DATETIME, LINK, BOLD, DECIMAL = range(10)
STYLES = XML_HEAD + f"""<styleSheet {NS.split(' ')[0]}>
<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/><numFmt numFmtId="166" formatCode="0.000"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDE4EE"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="10">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1" quotePrefix="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass
class TextStats:
    """How often the writer had to change text, for the export summary."""

    replaced: int = 0  # cells with characters illegal in XML
    truncated: int = 0  # cells cut to Excel's limit


def cell_text(text: str, stats: TextStats | None = None) -> str:
    """Text made safe for a cell: illegal characters replaced, cut to Excel's limit with a marker."""
    if _ILLEGAL_XML.search(text):
        text = _ILLEGAL_XML.sub("\ufffd", text)
        if stats:
            stats.replaced += 1
    if len(text) > _CHECK_LENGTH and len(text.encode("utf-16-le")) // 2 > CELL_LIMIT:
        marker = f" … [cut: {len(text):,} characters in all]"
        keep = (CELL_LIMIT - len(marker)) * 2
        text = text.encode("utf-16-le")[:keep].decode("utf-16-le", errors="ignore") + marker
        if stats:
            stats.truncated += 1
    return text


_WEB_LINK = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f\"<>\\\\^`{|}]+", re.IGNORECASE)
MAX_LINK = 2079  # Excel refuses longer hyperlinks (and calls the workbook damaged)
MAX_LIST = 255  # characters in an explicit drop-down list, separators included


def is_web_link(url: str) -> bool:
    """Only http(s) addresses become clickable links; anything else (file:, javascript:, \\\\server) is text."""
    return len(url) <= MAX_LINK and _WEB_LINK.fullmatch(url) is not None


def list_values(values) -> list[str]:
    """The values an explicit list validation can hold: no separators, quotes or characters XML or
    Excel cannot take, within Excel's 255 characters (values that do not fit are left out of the list,
    not written broken)."""
    out: list[str] = []
    for value in values:
        if not value or "," in value or '"' in value or _ILLEGAL_XML.search(value) or value != value.strip() \
                or any(ord(c) < 32 for c in value):
            continue
        if len(",".join([*out, value])) > MAX_LIST:
            continue
        out.append(value)
    return out


@dataclass(frozen=True)
class Column:
    header: str
    width: float = 12
    wrap: bool = False  # long text: wrapped, top-aligned
    hidden: bool = False
    link: bool = False  # values are (text, url) pairs or URLs
    decimal: bool = False  # numbers shown with three decimals (0.750)


@dataclass(frozen=True)
class ListValidation:
    """A drop-down on one column; ``strict`` refuses other values, else Excel only warns."""

    column: int  # 1-based
    values: tuple[str, ...]
    strict: bool = True


class Sheet:
    def __init__(self, book: Workbook, name: str, columns: list[Column], *, header: bool, hidden: bool,
                 intro: tuple[str, ...] = ()):
        self.book, self.name, self.columns, self.hidden = book, name, columns, hidden
        self.header = header
        self.frozen = len(intro) + int(header)  # rows kept in view: the intro lines and the header
        self.letters = [column_letter(i + 1) for i in range(len(columns))]
        self._kinds = [_LINK if c.link else _WRAP if c.wrap else _DECIMAL if c.decimal else _PLAIN for c in columns]
        self.rows = 0
        self.width = len(columns)
        self.validations: list[ListValidation] = []
        self._links: list[tuple[str, int, int, str]] = []  # letter, first row, last row, url
        self._file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
        self._buffer: list[str] = []
        for line in intro:
            self.append([line], style=BOLD)
        if header:
            self.append([c.header for c in columns], style=HEADER)

    def append(self, values, *, style: int | None = None) -> None:
        """Add a row. Values: str, int, float, bool, date, datetime, None; in link columns (text, url).

        ``style`` (e.g. BOLD) overrides the columns' formats for the whole row.
        This is the hot loop of a 100,000-claim export: plain type checks, no per-cell objects.
        """
        self.rows += 1
        r = str(self.rows)
        parts = ['<row r="', r, '">']
        while len(values) > self.width:
            self.width += 1
            self.letters.append(column_letter(self.width))
        letters, kinds = self.letters, self._kinds
        for i, value in enumerate(values):
            if value is None:
                continue
            kind = kinds[i] if i < len(kinds) else 0
            if kind == _LINK and style is None:
                text, url = value if type(value) is tuple else (value, value)
                if url and is_web_link(url):  # file:, javascript:, UNC paths: shown as text, never clickable
                    self._link(letters[i], self.rows, url)
                value = text
                if value is None:
                    continue
            t = type(value)
            if t is str:
                if not value:
                    continue
                if len(value) > _CHECK_LENGTH or _ILLEGAL_XML.search(value):
                    value = cell_text(value, self.book.stats)
                if style is not None:
                    s = style
                elif value[0] in _TRIGGERS:
                    s = WRAP_GUARDED if kind == _WRAP else GUARDED
                else:
                    s = WRAP if kind == _WRAP else LINK if kind == _LINK else GENERAL
                if "&" in value:
                    value = value.replace("&", "&amp;")
                if "<" in value:
                    value = value.replace("<", "&lt;")
                if ">" in value:
                    value = value.replace(">", "&gt;")
                if "\r" in value:
                    value = value.replace("\r", "&#13;")
                parts.append(f'<c r="{letters[i]}{r}" t="inlineStr" s="{s}"><is><t xml:space="preserve">'
                             f'{value}</t></is></c>')
            elif t is int or (t is float and math.isfinite(value)):
                s = style or (DECIMAL if kind == _DECIMAL else GENERAL)
                parts.append(f'<c r="{letters[i]}{r}" s="{s}"><v>{value!r}</v></c>')
            elif t is dt.datetime:
                serial = (value.replace(tzinfo=None) - _EPOCH).total_seconds() / 86400
                parts.append(f'<c r="{letters[i]}{r}" s="{DATETIME}"><v>{serial!r}</v></c>')
            elif t is dt.date:
                parts.append(f'<c r="{letters[i]}{r}" s="{DATE}"><v>{(value - _EPOCH_DATE).days}</v></c>')
            elif t is bool:
                parts.append(f'<c r="{letters[i]}{r}" t="b"><v>{int(value)}</v></c>')
            else:  # anything else (NaN, Decimal, objects) as its text
                values = list(values)
                values[i] = str(value)
                self.rows -= 1
                return self.append(values, style=style)
        parts.append("</row>")
        self._buffer.append("".join(parts))
        if len(self._buffer) >= 1000:
            self._file.write("".join(self._buffer))
            self._buffer.clear()

    def _link(self, letter: str, row: int, url: str) -> None:
        last = self._links[-1] if self._links else None
        if last and last[0] == letter and last[2] == row - 1 and last[3] == url:
            self._links[-1] = (letter, last[1], row, url)
        else:
            self._links.append((letter, row, row, url))

    def ref(self) -> str:
        return f"A1:{column_letter(max(self.width, 1))}{max(self.rows, 1)}"

    def _write(self, zf: zipfile.ZipFile, index: int) -> None:
        self._file.write("".join(self._buffer))
        self._buffer.clear()
        self._file.seek(0)
        head = [XML_HEAD, f"<worksheet {NS}>", f'<dimension ref="{self.ref()}"/>', "<sheetViews>",
                '<sheetView workbookViewId="0"' + (' tabSelected="1">' if index == 1 else ">")]
        if self.frozen:
            top = f"A{self.frozen + 1}"
            head.append(f'<pane ySplit="{self.frozen}" topLeftCell="{top}" activePane="bottomLeft" state="frozen"/>'
                        f'<selection pane="bottomLeft" activeCell="{top}" sqref="{top}"/>')
        head.append('</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>')
        if self.columns:
            head.append("<cols>")
            for i, col in enumerate(self.columns, start=1):
                hidden = ' hidden="1"' if col.hidden else ""
                head.append(f'<col min="{i}" max="{i}" width="{col.width}" customWidth="1"{hidden}/>')
            head.append("</cols>")
        head.append("<sheetData>")
        tail = ["</sheetData>"]
        if self.header and self.rows > self.frozen:
            tail.append(f'<autoFilter ref="A{self.frozen}:{column_letter(max(self.width, 1))}{self.rows}"/>')
        if self.validations and self.rows > 1:
            tail.append(f'<dataValidations count="{len(self.validations)}">')
            for v in self.validations:
                letter = column_letter(v.column)
                values = list_values(v.values)
                if not values:
                    continue
                formula = escape('"' + ",".join(values) + '"')
                style = "" if v.strict else ' errorStyle="warning"'
                message = cell_text("Choose one of: " + ", ".join(values))[:255]
                tail.append(
                    f'<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"{style} '
                    f'errorTitle="Not in the list" error={quoteattr(message)} '
                    f'sqref="{letter}2:{letter}{self.rows}"><formula1>{formula}</formula1></dataValidation>')
            tail.append("</dataValidations>")
        rels = []
        if self._links:
            tail.append("<hyperlinks>")
            for n, (letter, first, last, url) in enumerate(self._links, start=1):
                ref = f"{letter}{first}" if first == last else f"{letter}{first}:{letter}{last}"
                tail.append(f'<hyperlink ref="{ref}" r:id="rId{n}"/>')
                rels.append(f'<Relationship Id="rId{n}" Type="{REL_NS}/hyperlink" '
                            f'Target={quoteattr(cell_text(url))} TargetMode="External"/>')
            tail.append("</hyperlinks>")
        tail.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
        tail.append("</worksheet>")
        with zf.open(f"xl/worksheets/sheet{index}.xml", "w", force_zip64=True) as out:
            out.write("".join(head).encode("utf-8"))
            while chunk := self._file.read(1 << 20):
                out.write(chunk.encode("utf-8"))
            out.write("".join(tail).encode("utf-8"))
        self._file.close()
        if rels:
            zf.writestr(f"xl/worksheets/_rels/sheet{index}.xml.rels",
                        XML_HEAD + f'<Relationships xmlns="{PKG_REL_NS}">' + "".join(rels) + "</Relationships>")


class Workbook:
    """Sheets are filled in any order; ``save(path)`` writes the package. Sheet order = creation order."""

    def __init__(self):
        self.sheets: list[Sheet] = []
        self.stats = TextStats()

    def add_sheet(self, name: str, columns: list[Column], *, header: bool = True, hidden: bool = False,
                  intro: tuple[str, ...] = ()) -> Sheet:
        """A sheet; ``intro`` lines (bold) come above the header, and stay in view with it."""
        sheet = Sheet(self, name[:31], columns, header=header, hidden=hidden, intro=intro)
        self.sheets.append(sheet)
        return sheet

    def discard(self) -> None:
        for sheet in self.sheets:
            sheet._file.close()

    def save(self, path: Path) -> None:
        n = len(self.sheets)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as zf:
            zf.writestr("[Content_Types].xml", XML_HEAD + (
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                '<Override PartName="/xl/workbook.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                '<Override PartName="/xl/styles.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                          f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1))
                + "</Types>"))
            zf.writestr("_rels/.rels", XML_HEAD + (
                f'<Relationships xmlns="{PKG_REL_NS}">'
                f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
                "</Relationships>"))
            sheets, names = [], []
            for i, sheet in enumerate(self.sheets, start=1):
                state = ' state="hidden"' if sheet.hidden else ""
                sheets.append(f'<sheet name={quoteattr(sheet.name)} sheetId="{i}"{state} r:id="rId{i}"/>')
                if sheet.header and sheet.rows > 1:
                    quoted = "'" + sheet.name.replace("'", "''") + "'"
                    first, last = sheet.ref().split(":")
                    absolute = ":".join("$" + re.sub(r"(\d)", r"$\1", ref, count=1) for ref in (first, last))
                    names.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i - 1}" hidden="1">'
                                 f"{escape(quoted)}!{absolute}</definedName>")
            zf.writestr("xl/workbook.xml", XML_HEAD + (
                f'<workbook {NS}><bookViews><workbookView activeTab="0"/></bookViews>'
                f'<sheets>{"".join(sheets)}</sheets>'
                + (f"<definedNames>{''.join(names)}</definedNames>" if names else "") + "</workbook>"))
            zf.writestr("xl/_rels/workbook.xml.rels", XML_HEAD + (
                f'<Relationships xmlns="{PKG_REL_NS}">'
                + "".join(f'<Relationship Id="rId{i}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                          for i in range(1, n + 1))
                + f'<Relationship Id="rId{n + 1}" Type="{REL_NS}/styles" Target="styles.xml"/></Relationships>'))
            zf.writestr("xl/styles.xml", STYLES)
            for i, sheet in enumerate(self.sheets, start=1):
                sheet._write(zf, i)


__all__ = ["CELL_LIMIT", "Column", "ListValidation", "Sheet", "TextStats", "Workbook", "cell_text"]
