"""The editors' workbook, read back with openpyxl."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from db import ClaimFilter, NewArticle, ClaimDraft, Span
from exports import export
from exports.excel import CLAIM_COLUMNS, export_xlsx
from exports.xlsx_stream import CELL_LIMIT


def _claims_rows(path):
    book = openpyxl.load_workbook(path)
    sheet = book["Claims"]
    header = [c.value for c in sheet[1]]
    rows = {row[0].value: dict(zip(header, row)) for row in sheet.iter_rows(min_row=2)}
    return book, sheet, rows


def test_claims_sheet_holds_every_claim_with_its_fields(filled, tmp_path):
    path = tmp_path / "claims.xlsx"
    summary = export_xlsx(filled.project, path)
    assert summary.claims == 5 and summary.articles == 2 and not summary.cancelled
    book, sheet, rows = _claims_rows(path)
    assert [c.value for c in sheet[1]] == [c.header for c in CLAIM_COLUMNS]
    row = rows[filled.crosetto]
    assert row["Article"].value == "Italy willing to join peacekeeping"
    assert row["Publisher"].value == "The Kyiv Independent"
    assert row["Article URL"].value == "https://kyivindependent.example/italy"
    assert row["Article URL"].hyperlink.target == "https://kyivindependent.example/italy"
    assert row["Content"].value == "We are willing to play this role,"
    assert row["Speaker"].value == "Guido Crosetto" and row["Role"].value == "Defense Minister"
    assert row["Statement date"].is_date and row["Statement date"].value.date() == dt.date(2024, 12, 12)
    assert row["Published"].value.date() == dt.date(2024, 12, 13)
    assert row["Stance"].value == "in favour" and row["Status"].value == "confirmed"  # the window's words
    assert row["Verdict"].value == "Mostly true" and row["Explanation"].value == "Confirmed by the ministry."
    assert row["Evidence URL"].hyperlink.target == "https://factcheck.example/1"
    assert row["Annotator"].value == "ada" and isinstance(row["Updated (UTC)"].value, dt.datetime)
    assert row["Version"].value == filled.project.claim(filled.crosetto).version
    assert rows[filled.meloni]["Article URL"].hyperlink.target == "https://example.org/meloni?a=1&b=2"


def test_workbook_is_laid_out_for_editors(filled, tmp_path):
    path = tmp_path / "claims.xlsx"
    export_xlsx(filled.project, path)
    book, sheet, rows = _claims_rows(path)
    assert book.sheetnames[:4] == ["Claims", "Articles", "Speakers", "Summary"]
    assert sheet.freeze_panes == "A2"
    assert all(c.font.b for c in sheet[1])
    assert sheet.auto_filter.ref == f"A1:W{len(rows) + 1}"
    assert sheet.column_dimensions["F"].width >= 50
    assert rows[filled.crosetto]["Content"].alignment.wrap_text
    assert sheet.column_dimensions["W"].hidden  # the version column
    lists = {str(dv.sqref)[0]: dv for dv in sheet.data_validations.dataValidation}
    assert lists["M"].formula1 == "\"in favour,against,neutral\""
    assert lists["T"].formula1 == '"suggested,confirmed,rejected"'
    assert "Mostly true" in lists["O"].formula1 and lists["O"].errorStyle == "warning"
    assert lists["M"].showErrorMessage


def test_articles_speakers_and_summary_sheets(filled, tmp_path):
    path = tmp_path / "claims.xlsx"
    export_xlsx(filled.project, path)
    book = openpyxl.load_workbook(path)
    articles = {r[0]: r for r in book["Articles"].iter_rows(min_row=2, values_only=True)}
    assert articles[filled.a1][1] == "Italy willing to join peacekeeping"
    assert articles[filled.a1][5:9] == (3, 1, 2, 0)  # exported, suggested, confirmed, rejected
    speakers = {r[1]: r for r in book["Speakers"].iter_rows(min_row=2, values_only=True)}
    assert speakers["Guido Crosetto"][3] == "Defense Minister (2022-10-22 – now)"
    assert speakers["Guido Crosetto"][5] == 2 and speakers["Giorgia Meloni"][5] == 2
    summary = [tuple(v for v in r if v is not None) for r in book["Summary"].iter_rows(values_only=True)]
    at = summary.index(("Claims by speaker and stance", "in favour", "against", "neutral", "(none)", "Total"))
    by_speaker = {r[0]: r[1:] for r in summary[at + 1:at + 4]}
    assert by_speaker["Giorgia Meloni"] == (0, 1, 0, 1, 2)
    assert by_speaker["Guido Crosetto"] == (1, 0, 0, 1, 2)
    status_at = summary.index(("Claims by status", "Claims"))
    assert summary[status_at + 1:status_at + 4] == [("suggested", 1), ("confirmed", 3), ("rejected", 1)]
    assert ("Italy sending peacekeepers to Ukraine", 3) in summary


def test_excel_escapes_formula_like_text(filled, tmp_path):
    path = tmp_path / "claims.xlsx"
    export_xlsx(filled.project, path)
    _, _, rows = _claims_rows(path)
    banner = rows[filled.banner]["Content"]
    assert banner.value == '=HYPERLINK("http://evil.example","click")'
    assert banner.data_type == "s" and banner.quotePrefix
    growth = rows[filled.schlein]["Content"]
    assert growth.value == "-5% growth in disguise" and growth.data_type == "s" and growth.quotePrefix
    assert not rows[filled.crosetto]["Content"].quotePrefix  # ordinary text stays ordinary
    # No formula anywhere in the package.
    import zipfile

    with zipfile.ZipFile(path) as z:
        assert all(b"<f>" not in z.read(n) and b"<f " not in z.read(n) for n in z.namelist())


def test_excel_replaces_characters_illegal_in_xml(filled, tmp_path):
    project = filled.project
    project.update_claim(filled.schlein, note="bell\x07 null\x00 esc\x1b tab\tok")
    path = tmp_path / "claims.xlsx"
    summary = export_xlsx(project, path)
    _, _, rows = _claims_rows(path)
    assert rows[filled.schlein]["Note"].value == "bell\ufffd null\ufffd esc\ufffd tab\tok"
    assert rows[filled.crosetto]["Note"].value == "Check the Ansa wire\ufffd first"
    assert any("control characters" in w for w in summary.warnings)


def test_excel_cuts_overlong_cells_with_a_visible_marker(project, tmp_path):
    text = "He said: " + "peace " * 7000 + "and more."
    article, _ = project.add_article(NewArticle(text=text, title="Long"))
    project.add_claim(article.id, ClaimDraft(content=Span(9, len(text), text[9:])), annotator="ada")
    path = tmp_path / "long.xlsx"
    summary = export_xlsx(project, path)
    _, _, rows = _claims_rows(path)
    (row,) = rows.values()
    cell = row["Content"].value
    assert len(cell) <= CELL_LIMIT and cell.startswith("peace peace")
    assert cell.endswith(f"[cut: {len(text) - 9:,} characters in all]")
    assert any("32,767" in w for w in summary.warnings)


@pytest.mark.parametrize("scope, expected", [
    (dict(statuses=("confirmed",)), {"crosetto", "schlein", "meloni"}),
    (dict(article_id="a2"), {"meloni", "meloni_indirect"}),
    (dict(claim_filter=ClaimFilter(stance="against")), {"schlein", "meloni"}),
    (dict(claim_filter=ClaimFilter(text="agenda")), {"meloni"}),
])
def test_excel_scope(filled, tmp_path, scope, expected):
    scope = {k: getattr(filled, v) if v in ("a1", "a2") else v for k, v in scope.items()}
    path = tmp_path / "scoped.xlsx"
    export_xlsx(filled.project, path, **scope)
    _, _, rows = _claims_rows(path)
    assert set(rows) == {getattr(filled, name) for name in expected}
    articles = {r[0] for r in openpyxl.load_workbook(path)["Articles"].iter_rows(min_row=2, values_only=True)}
    assert articles == {filled.project.claim(i).article_id for i in rows}


def test_excel_reports_progress(filled, tmp_path):
    seen = []
    export(filled.project, "xlsx", tmp_path / "done.xlsx", progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 5) and seen[-1] == (5, 5)


def test_excel_cancel_keeps_the_old_file_and_leaves_nothing_else(filled, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "claims.xlsx"
    path.write_bytes(b"older export")
    summary = export_xlsx(filled.project, path, cancelled=lambda: True)
    assert summary.cancelled and "cancelled" in summary.describe()
    assert path.read_bytes() == b"older export"
    assert list(folder.iterdir()) == [path]


def test_stance_changes_sheet_lists_a_speakers_change_of_stance(filled, tmp_path):
    project = filled.project
    project.update_claim(filled.banner, annotator="ada", stance="against", date=dt.date(2025, 1, 10),
                         topic="Italy sending peacekeepers to Ukraine")
    project.confirm_claim(filled.banner, annotator="ada")
    path = tmp_path / "claims.xlsx"
    export_xlsx(project, path)
    sheet = openpyxl.load_workbook(path)["Stance changes"]
    assert "changed stance" in sheet["A1"].value and "reversals" in sheet["A1"].value  # says what it shows
    header = [c.value for c in sheet[2]]
    rows = [dict(zip(header, r)) for r in sheet.iter_rows(min_row=3, values_only=True)]
    crosetto = [r for r in rows if r["Who"] == "Guido Crosetto"]
    assert len(crosetto) == 1
    assert (crosetto[0]["Before: stance"], crosetto[0]["After: stance"]) == ("in favour", "against")
    assert crosetto[0]["Change"].startswith("reversal")
    assert crosetto[0]["After: claim"] == filled.banner
    assert crosetto[0]["After: date"].date() == dt.date(2025, 1, 10)


def test_claims_sheet_has_the_sentence_around_each_claim_and_speakers_their_roles(filled, tmp_path):
    project = filled.project
    claim = project.claim(filled.banner)
    path = tmp_path / "claims.xlsx"
    export_xlsx(project, path)
    book = openpyxl.load_workbook(path)
    sheet = book["Claims"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, r)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    row = next(r for r in rows if r["Claim ID"] == claim.id)
    context = row["Context (sentence around the claim)"]
    assert " ".join(claim.content.text.split()) in context and len(context) > len(claim.content.text)
    speakers = book["Speakers"]
    sheader = [c.value for c in speakers[1]]
    roles = {r[sheader.index("Name")]: r[sheader.index("Roles")] for r in speakers.iter_rows(min_row=2, values_only=True)}
    assert any(roles.values())


MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# CT_Worksheet's children in the order ECMA-376 requires (Excel refuses a file out of this order).
WORKSHEET_ORDER = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
                   "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate",
                   "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations",
                   "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter"]


def test_workbook_package_parts_are_well_formed_open_xml(filled, tmp_path):
    import xml.etree.ElementTree as ET
    import zipfile

    path = tmp_path / "claims.xlsx"
    export_xlsx(filled.project, path)
    with zipfile.ZipFile(path) as z:
        roots = {name: ET.fromstring(z.read(name)) for name in z.namelist()}
    assert roots["[Content_Types].xml"].tag == "{http://schemas.openxmlformats.org/package/2006/content-types}Types"
    assert all(root.tag == RELS + "Relationships" for name, root in roots.items() if name.endswith(".rels"))
    assert roots["xl/workbook.xml"].tag == MAIN + "workbook"
    assert roots["xl/styles.xml"].tag == MAIN + "styleSheet"
    overrides = {e.get("PartName") for e in roots["[Content_Types].xml"] if e.get("PartName")}
    sheets = [n for n in roots if n.startswith("xl/worksheets/sheet")]
    assert {"/" + n for n in sheets} | {"/xl/workbook.xml", "/xl/styles.xml"} == overrides
    for name in sheets:
        root = roots[name]
        assert root.tag == MAIN + "worksheet"
        order = [WORKSHEET_ORDER.index(child.tag.removeprefix(MAIN)) for child in root]
        assert order == sorted(order), name
    xfs = roots["xl/styles.xml"].find(MAIN + "cellXfs")
    assert int(xfs.get("count")) == len(xfs)


@pytest.mark.slow
def test_libreoffice_reads_the_workbook_and_runs_no_formula(filled, tmp_path):
    """A real spreadsheet program opens the file; the formula-like quote comes out as the text itself."""
    import csv
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    path = tmp_path / "claims.xlsx"
    export_xlsx(filled.project, path)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--convert-to",
                    "csv", "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=300)
    rows = list(csv.DictReader((tmp_path / "claims.csv").read_text(encoding="utf-8").splitlines()))
    by_id = {int(r["Claim ID"]): r for r in rows}
    assert by_id[filled.banner]["Content"] == '=HYPERLINK("http://evil.example","click")'
    assert by_id[filled.schlein]["Content"] == "-5% growth in disguise"
    assert by_id[filled.crosetto]["Statement date"] == "2024-12-12"
    assert by_id[filled.crosetto]["Article URL"] == "https://kyivindependent.example/italy"
