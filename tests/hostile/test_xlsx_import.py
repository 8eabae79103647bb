"""``quotedesk import-xlsx`` on damaged and hostile workbooks: refused before openpyxl reads them, with
the file and the part named; rows that cannot be read reported by row and cell, never applied."""

from __future__ import annotations

import re
import zipfile

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from exports.excel import CLAIM_COLUMNS, CLAIM_ID, NOTE, STANCE, STATUS, VERDICT_DATE, VERSION
from exports.xlsx_check import MAX_RATIO, MAX_WORKBOOK_BYTES

from .conftest import dump, rezip

SHEET = "xl/worksheets/sheet1.xml"
BOMB = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
EXTERNAL = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _column(header: str) -> int:
    return [c.header for c in CLAIM_COLUMNS].index(header) + 1


def _inject_doctype(prefix: bytes):
    def change(data: bytes) -> bytes:
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        return prefix + body
    return change


def _replace(old: bytes, new: bytes, count: int = 1):
    def change(data: bytes) -> bytes:
        assert old in data, old
        return data.replace(old, new, count)
    return change


PART_DAMAGE = {
    "sheet not well-formed": {SHEET: _replace(b"</sheetData>", b"</sheetDat>")},
    "sheet truncated": {SHEET: lambda d: d[: len(d) // 2]},
    "sheet empty": {SHEET: b""},
    "sheet not XML": {SHEET: b"this is not xml"},
    "illegal character reference": {SHEET: _replace(b"<t xml:space=\"preserve\">", b"<t xml:space=\"preserve\">&#1;")},
    "illegal escape character reference": {SHEET: _replace(b"<t xml:space=\"preserve\">",
                                                           b"<t xml:space=\"preserve\">&#27;[31m")},
    "undefined entity": {SHEET: _replace(b"<t xml:space=\"preserve\">", b"<t xml:space=\"preserve\">&nbsp;")},
    "entity bomb in the sheet": {SHEET: _inject_doctype(BOMB)},
    "entity bomb in the workbook": {"xl/workbook.xml": _inject_doctype(BOMB)},
    "entity bomb in the content types": {"[Content_Types].xml": _inject_doctype(BOMB)},
    "entity bomb in the styles": {"xl/styles.xml": _inject_doctype(BOMB)},
    "external entity in the sheet": {SHEET: _inject_doctype(EXTERNAL)},
    "external entity in the relationships": {"xl/_rels/workbook.xml.rels": _inject_doctype(EXTERNAL)},
    "doctype without entities": {SHEET: _inject_doctype(b'<?xml version="1.0"?><!DOCTYPE worksheet>')},
    "workbook part missing": {"xl/workbook.xml": None},
    "workbook part not XML": {"xl/workbook.xml": b"\x00\x01\x02"},
    "relationships not well-formed": {"xl/_rels/workbook.xml.rels": b"<Relationships"},
    "content types not well-formed": {"[Content_Types].xml": b"<Types><Default"},
    "styles not well-formed": {"xl/styles.xml": b"<styleSheet><"},
    "wrong encoding declared": {SHEET: _replace(b'encoding="UTF-8"', b'encoding="EBCDIC-NOPE"')},
    "sheet in UTF-16 without a declaration": {SHEET: lambda d: d.decode("utf-8").encode("utf-16-le")},
}


@pytest.mark.parametrize("damage", list(PART_DAMAGE.values()), ids=list(PART_DAMAGE))
def test_a_damaged_part_is_refused_naming_the_part(cli, workbook, tmp_path, damage):
    path = rezip(workbook, tmp_path / "damaged.xlsx", damage)
    run = cli.refuses("import-xlsx", path)
    part = next(iter(damage))
    assert part in run.err or "no xl/workbook.xml" in run.err or "Claims" in run.err or "openpyxl" not in run.err


def _raw(data: bytes):
    return lambda workbook: data


def _truncated(workbook) -> bytes:
    data = workbook.read_bytes()
    return data[: len(data) // 2]


def _flipped(workbook) -> bytes:
    data = bytearray(workbook.read_bytes())
    middle = len(data) // 3
    data[middle:middle + 64] = bytes(b ^ 0xFF for b in data[middle:middle + 64])
    return bytes(data)


def _docx_like(workbook) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def _encrypted(workbook) -> bytes:
    """Every part flagged as encrypted (general purpose bit 0 of local and central headers)."""
    data = bytearray(workbook.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at != -1:
            data[at + offset] |= 0x1
            at = data.find(signature, at + 4)
    return bytes(data)


def _unknown_compression(workbook) -> bytes:
    data = bytearray(workbook.read_bytes())
    # the compression method of every local and central header (offsets 8 and 10) set to 99
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.find(signature)
        while at != -1:
            data[at + offset:at + offset + 2] = (99).to_bytes(2, "little")
            at = data.find(signature, at + 4)
    return bytes(data)


def _bomb(workbook) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(workbook) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/sharedStrings.xml" or info.filename == SHEET:
                data = data.replace(b"</sheetData>", b"<!--" + b" " * (64 * 2**20) + b"--></sheetData>")
            dst.writestr(info.filename, data)
    return buffer.getvalue()


def _many_parts(workbook) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(workbook) as src, zipfile.ZipFile(buffer, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        for n in range(10_001):
            dst.writestr(f"xl/media/x{n}.bin", b"")
    return buffer.getvalue()


FILES = {
    "empty": _raw(b""),
    "text": _raw(b"Claim ID,Version\n1,1\n"),
    "csv renamed": _raw(b"\xef\xbb\xbfClaim ID;Stance\n1;favor\n"),
    "png": _raw(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    "random bytes": _raw(bytes(range(256)) * 16),
    "zip signature only": _raw(b"PK\x03\x04"),
    "empty zip": _raw(b"PK\x05\x06" + b"\x00" * 18),
    "truncated": _truncated,
    "bytes flipped": _flipped,
    "a docx-like zip": _docx_like,
    "encrypted parts": _encrypted,
    "unknown compression": _unknown_compression,
    "zip bomb": _bomb,
    "too many parts": _many_parts,
}


@pytest.mark.parametrize("make", list(FILES.values()), ids=list(FILES))
def test_a_file_that_is_not_a_safe_workbook_is_refused(cli, workbook, tmp_path, make):
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(make(workbook))
    cli.refuses("import-xlsx", path)


def test_the_expansion_limit_is_stated(cli, workbook, tmp_path):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(_bomb(workbook))
    cli.refuses("import-xlsx", path, says=f"at most {MAX_RATIO} times")


def test_the_size_limit_is_stated_and_the_file_not_read(cli, tmp_path):
    path = tmp_path / "huge.xlsx"
    with open(path, "wb") as fh:
        fh.truncate(MAX_WORKBOOK_BYTES + 1)  # sparse: no disk used
    cli.refuses("import-xlsx", path, says=r"the limit for a workbook is 200 MB")


@pytest.mark.parametrize("kind", ["folder", "missing", "fifo", "device"])
def test_a_path_that_is_not_a_file_is_refused(cli, tmp_path, kind):
    import os

    path = tmp_path / "x.xlsx"
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path = "/dev/zero"
    cli.refuses("import-xlsx", path)


def _edit(workbook, tmp_path, cells: dict[tuple[int, str], object], *, formula_only=False):
    """The workbook with Claims cells set by openpyxl (which writes formulas without saved values)."""
    book = load_workbook(workbook)
    sheet = book["Claims"]
    for (row, header), value in cells.items():
        sheet.cell(row=row, column=_column(header)).value = value
    path = tmp_path / "edited.xlsx"
    book.save(path)
    return path


ROW_ERRORS = {
    "claim id 3.7": ({(2, CLAIM_ID): 3.7}, "whole number"),
    "claim id text": ({(2, CLAIM_ID): "three"}, "whole number"),
    "claim id negative": ({(2, CLAIM_ID): -1}, "whole number"),
    "claim id zero": ({(2, CLAIM_ID): 0}, "whole number"),
    "claim id beyond 2^63": ({(2, CLAIM_ID): 2.0**64}, "whole number"),
    "claim id true": ({(2, CLAIM_ID): True}, "whole number"),
    "version 1.5": ({(2, VERSION): 1.5}, "whole number"),
    "version text": ({(2, VERSION): "v2"}, "whole number"),
    "stance formula without value": ({(2, STANCE): '=IF(1,"favor","")'}, "formula without a saved value"),
    "note formula without value": ({(3, NOTE): "=A1"}, "formula without a saved value"),
    "status formula without value": ({(2, STATUS): '="confirmed"'}, "formula without a saved value"),
    "stance unknown": ({(2, STANCE): "maybe"}, "stance must be one of"),
    "status empty": ({(2, STATUS): None}, "status cannot be empty"),
    "status unknown": ({(2, STATUS): "perhaps"}, "status must be one of"),
    "verdict date words": ({(2, VERDICT_DATE): "soon"}, "verdict date must be a date"),
    "claim not in the project": ({(2, CLAIM_ID): 999_999}, "no longer in the project"),
}


@pytest.mark.parametrize("cells, says", list(ROW_ERRORS.values()), ids=list(ROW_ERRORS))
def test_a_row_that_cannot_be_read_is_reported_and_not_applied(cli, workbook, tmp_path, cells, says):
    path = _edit(workbook, tmp_path, cells)
    before = dump(cli.db)
    run = cli("import-xlsx", path)
    assert run.code == 1
    row = min(r for r, _ in cells)
    assert f"Row {row}" in run.out and says in run.out, run.out
    assert str(path) in run.out
    assert dump(cli.db) == before


def test_formula_cells_do_not_clear_what_the_editor_never_touched(cli, workbook, tmp_path):
    from db import Project

    with Project.open(cli.db) as project:
        before = {c.id: (c.stance, c.note) for c in project.claims()}
    book = load_workbook(workbook)
    sheet = book["Claims"]
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row=row, column=_column(NOTE), value=f"=T(\"{row}\")")
    path = tmp_path / "formulas.xlsx"
    book.save(path)
    run = cli("import-xlsx", path)
    assert run.code == 1 and "formula without a saved value" in run.out
    with Project.open(cli.db) as project:
        assert {c.id: (c.stance, c.note) for c in project.claims()} == before


def test_a_formula_with_a_saved_value_is_read_as_its_value(cli, workbook, tmp_path):
    """What Excel writes: the formula and the value it computed; the value counts."""
    from db import Project

    book = load_workbook(workbook)
    book["Claims"].cell(row=2, column=_column(NOTE)).value = '="from a "&"formula"'
    book.save(tmp_path / "formula.xlsx")
    ref = f"{get_column_letter(_column(NOTE))}2".encode()
    path = rezip(tmp_path / "formula.xlsx", tmp_path / "cached.xlsx", {SHEET: lambda d: re.sub(
        rb'<c r="' + ref + rb'"([^>]*)><f>"from a "&amp;"formula"</f><v></v>',
        rb'<c r="' + ref + rb'"\1 t="str"><f>"from a "&amp;"formula"</f><v>from a formula</v>', d)})
    run = cli("import-xlsx", path)
    assert run.code == 0, run.out
    with Project.open(cli.db) as project:
        assert any(c.note == "from a formula" for c in project.claims())


FAR_CELLS = {
    "cell in the last column": b'<row r="3"><c r="XFD3" t="inlineStr"><is><t>x</t></is></c></row>',
    "row at the last row": b'<row r="1048576"><c r="A1048576"><v>1</v></c></row>',
}


@pytest.mark.parametrize("row", list(FAR_CELLS.values()), ids=list(FAR_CELLS))
def test_far_away_cells_are_read_in_bounded_time(cli, workbook, tmp_path, row):
    path = rezip(workbook, tmp_path / "far.xlsx", {SHEET: _replace(b"</sheetData>", row + b"</sheetData>")})
    run = cli("import-xlsx", path)
    assert run.code in (0, 1)


def test_a_workbook_without_the_claims_sheet_or_columns_is_refused(cli, workbook, tmp_path):
    book = load_workbook(workbook)
    book["Claims"].title = "Sheet1"
    path = tmp_path / "renamed.xlsx"
    book.save(path)
    cli.refuses("import-xlsx", path, says="no “Claims” sheet")
    book = load_workbook(workbook)
    book["Claims"].delete_cols(_column(VERSION))
    book.save(path)
    cli.refuses("import-xlsx", path, says="no “Version” column")


# ---------------------------------------------------------------- streaming: rows compared a batch at a time
def _last_row_damaged(data: bytes) -> bytes:
    """The sheet with its last row's claim id cell holding text where a number must be."""
    last = data.rindex(b"<row ")
    cell = re.compile(rb'(<c r="A\d+"[^>]*>)<v>\d+</v>')
    return data[:last] + cell.sub(rb"\1<v>not a number</v>", data[last:], count=1)


def test_a_row_that_cannot_be_read_after_many_batches_changes_nothing(cli, workbook, tmp_path, monkeypatch):
    """Rows are compared with the project a batch at a time, but nothing is applied before the last row
    has been read: a damaged last row leaves the changes of the rows before it unapplied."""
    from exports import excel_import

    monkeypatch.setattr(excel_import, "BATCH", 2)
    edited = _edit(workbook, tmp_path, {(2, NOTE): "changed by an editor", (3, STANCE): "neutral"})
    path = rezip(edited, tmp_path / "late.xlsx", {SHEET: _last_row_damaged})
    rows = load_workbook(edited, read_only=True)["Claims"].max_row
    assert rows > 2 * excel_import.BATCH
    cli.refuses("import-xlsx", path, says=f"Row {rows} of the Claims sheet .* cannot be read.*Nothing was changed")


def test_a_cancelled_import_changes_nothing_and_progress_counts_rows(cli, workbook, tmp_path, monkeypatch):
    from db import Project
    from exports import excel_import

    monkeypatch.setattr(excel_import, "BATCH", 2)
    path = _edit(workbook, tmp_path, {(2, NOTE): "changed by an editor", (6, NOTE): "and another"})
    before = dump(cli.db)
    seen = []
    with Project.open(cli.db) as project:
        report = excel_import.import_xlsx(project, path, progress=lambda done, total: seen.append((done, total)),
                                          cancelled=lambda: True)
    assert report.cancelled and not report.changes and "cancelled" in report.describe()
    assert dump(cli.db) == before and seen[0] == (0, load_workbook(path, read_only=True)["Claims"].max_row)
    seen.clear()
    with Project.open(cli.db) as project:
        report = excel_import.import_xlsx(project, path, progress=lambda done, total: seen.append((done, total)))
    assert {c.new for c in report.changes} == {"changed by an editor", "and another"}
    assert seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)


# ---------------------------------------------------------------- memory: what is kept while reading
def test_a_claims_second_row_is_reported_also_for_ids_far_apart(cli, workbook, tmp_path):
    """The ids met are kept as bits (dense ids) and in a set (ids far above): a repeat is found in both."""
    from exports.excel_import import _SeenIds

    book = load_workbook(workbook)
    sheet = book["Claims"]
    first_id = sheet.cell(row=2, column=_column(CLAIM_ID)).value
    far = _SeenIds.BITMAP_IDS + 5
    sheet.cell(row=3, column=_column(CLAIM_ID)).value = first_id  # the first claim again
    sheet.cell(row=4, column=_column(CLAIM_ID)).value = far
    sheet.cell(row=5, column=_column(CLAIM_ID)).value = far
    path = tmp_path / "twice.xlsx"
    book.save(path)
    run = cli("import-xlsx", path)
    assert run.code == 1
    assert f"Row 3 (claim {first_id}): the claim appears twice" in run.out, run.out
    assert f"Row 4 (claim {far}): this claim is no longer in the project" in run.out
    assert f"Row 5 (claim {far}): the claim appears twice" in run.out


def test_seen_ids_grow_as_needed_and_stay_bounded():
    from exports.excel_import import _SeenIds

    seen = _SeenIds()
    assert [seen.add(i) for i in (1, 9, 1, 8, 9)] == [True, True, False, True, False]
    assert seen.add(1_000_000) and not seen.add(1_000_000) and len(seen.bits) <= 2 * 1_000_000 // 8 + 1
    top = _SeenIds.BITMAP_IDS - 1
    assert seen.add(top) and not seen.add(top) and len(seen.bits) == _SeenIds.BITMAP_IDS // 8
    assert seen.add(top + 1) and not seen.add(top + 1) and seen.more == {top + 1}
    assert not seen.add(8) and not seen.add(1_000_000)


def test_the_worksheets_relationships_are_not_parsed_by_openpyxl(cli, workbook, tmp_path, monkeypatch):
    """openpyxl's read-only mode parses each worksheet's relationship part whole and throws it away;
    an export's hyperlinks are there (190 MB of tree for 1,000,000 claims). The import skips them and
    still reads every row."""
    import openpyxl.reader.excel as excel_reader

    with zipfile.ZipFile(workbook) as zf:
        assert "xl/worksheets/_rels/sheet1.xml.rels" in zf.namelist()  # the template has links
    path = _edit(workbook, tmp_path, {(2, NOTE): "checked by an editor"})
    parsed = []
    real = excel_reader.get_dependents
    monkeypatch.setattr(excel_reader, "get_dependents", lambda archive, name: parsed.append(name) or real(archive, name))
    run = cli("import-xlsx", path)
    assert run.code == 0 and "checked by an editor" in run.out and "Changed 1 claim" in run.out, run.out
    assert not [name for name in parsed if name.startswith("xl/worksheets/_rels/")], parsed
