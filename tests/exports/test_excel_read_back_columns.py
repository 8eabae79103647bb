"""The workbook says which columns come back, and edits in the others are reported, not silently dropped."""

from __future__ import annotations

import openpyxl

from desktop.cli import main
from exports.excel import EDITABLE, READ_BACK_TITLE, export_xlsx
from exports.excel_import import import_xlsx
from tests.exports.test_excel_import import _edit


def test_summary_sheet_names_the_columns_read_back(filled, tmp_path):
    path = tmp_path / "claims.xlsx"
    export_xlsx(filled.project, path)
    rows = [r[0] for r in openpyxl.load_workbook(path, read_only=True)["Summary"].iter_rows(values_only=True)]
    at = rows.index(READ_BACK_TITLE)
    assert rows[at + 1] == ", ".join(EDITABLE) == "Stance, Verdict, Explanation, Evidence URL, Verdict date, Note, Status"
    assert "not read back" in rows[at + 2]


def test_speaker_role_and_topic_edits_are_reported_as_not_read_back(filled, tmp_path, capsys):
    project = filled.project
    path = tmp_path / "claims.xlsx"
    export_xlsx(project, path)
    before = {c.id: c for c in project.claims()}
    _edit(path, {filled.crosetto: {"Speaker": "Somebody Else", "Note": "checked"},
                 filled.schlein: {"Topic": "Another topic", "Role": "party secretary"}})
    report = import_xlsx(project, path, dry_run=True)
    assert {(c.claim_id, c.column, c.new) for c in report.not_read_back} == {
        (filled.crosetto, "Speaker", "Somebody Else"), (filled.schlein, "Topic", "Another topic"),
        (filled.schlein, "Role", "party secretary")}
    text = report.describe()
    assert "Not read back (only Stance, Verdict" in text and "make these changes in Quotedesk" in text
    assert f"Claim {filled.crosetto}: speaker “{before[filled.crosetto].speaker}” → “Somebody Else”" in text

    assert main(["import-xlsx", str(path), "--db", str(project.path)]) == 1  # the note applied; the rest said
    out = capsys.readouterr().out
    assert "→ “checked”" in out and "Somebody Else" in out
    after = {c.id: c for c in project.claims()}
    assert after[filled.crosetto].speaker == before[filled.crosetto].speaker
    assert after[filled.crosetto].note == "checked"


def test_an_untouched_workbook_reports_nothing_not_read_back(filled, tmp_path):
    path = tmp_path / "claims.xlsx"
    export_xlsx(filled.project, path)
    report = import_xlsx(filled.project, path, dry_run=True)
    assert report.not_read_back == () and not report.changes
