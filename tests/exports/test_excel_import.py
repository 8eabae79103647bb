"""Editors' changes come back from the workbook; claims changed since the export are refused."""

from __future__ import annotations

import openpyxl
import pytest

from desktop.cli import main
from exports import ExportError
from exports.excel import export_xlsx
from exports.excel_import import import_xlsx


def _edit(path, edits: dict[int, dict[str, object]]) -> None:
    """Change cells of the Claims sheet as an editor would, by claim id and header."""
    book = openpyxl.load_workbook(path)
    sheet = book["Claims"]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        for column, value in edits.get(row[0].value, {}).items():
            row[header.index(column)].value = value
    book.save(path)


def _snapshot(project):
    return {c.id: c for c in project.claims()}


def test_import_applies_stance_verdict_note_and_status(filled, tmp_path):
    project = filled.project
    path = tmp_path / "claims.xlsx"
    export_xlsx(project, path)
    before = _snapshot(project)
    _edit(path, {
        filled.schlein: {"Stance": "neutral", "Verdict": "Misleading", "Explanation": "Out of context.",
                         "Evidence URL": "https://factcheck.example/2", "Note": "asked the party"},
        filled.meloni_indirect: {"Status": "confirmed"},
        filled.crosetto: {"Content": "editors cannot rewrite quotes", "Speaker": "Somebody Else"},
    })
    report = import_xlsx(project, path, annotator="editor")
    assert not report.conflicts and not report.errors
    assert {(c.claim_id, c.field, c.new) for c in report.changes} == {
        (filled.schlein, "stance", "neutral"), (filled.schlein, "verdict_rating", "Misleading"),
        (filled.schlein, "verdict_explanation", "Out of context."),
        (filled.schlein, "verdict_url", "https://factcheck.example/2"), (filled.schlein, "note", "asked the party"),
        (filled.meloni_indirect, "status", "confirmed"),
    }
    assert "Claim 3: stance “against” → “neutral”" in report.describe()
    after = _snapshot(project)
    schlein = after[filled.schlein]
    assert (schlein.stance, schlein.verdict_rating, schlein.note) == ("neutral", "Misleading", "asked the party")
    assert schlein.annotator == "editor"
    assert after[filled.meloni_indirect].status == "confirmed"
    # Nothing else moved: other columns are not read, other claims keep their version.
    assert after[filled.crosetto] == before[filled.crosetto]
    assert after[filled.banner] == before[filled.banner] and after[filled.meloni] == before[filled.meloni]
    # Importing the same file again changes nothing more (its versions are now stale, but nothing differs).
    again = import_xlsx(project, path)
    assert not again.changes and not again.conflicts and again.unchanged == 5


def test_import_refuses_rows_whose_claim_changed_after_the_export(filled, tmp_path):
    project = filled.project
    path = tmp_path / "claims.xlsx"
    export_xlsx(project, path)
    project.update_claim(filled.schlein, stance="favor", annotator="ada")  # someone works on after the export
    _edit(path, {filled.schlein: {"Stance": "neutral"}, filled.meloni: {"Note": "fine"}})
    report = import_xlsx(project, path)
    assert [c.claim_id for c in report.conflicts] == [filled.schlein]
    assert "changed in the project after the export" in report.conflicts[0].message
    assert project.claim(filled.schlein).stance == "favor"  # the newer work survives
    assert project.claim(filled.meloni).note == "fine"  # other rows still apply


def test_import_reports_bad_values_and_unknown_claims(filled, tmp_path):
    project = filled.project
    path = tmp_path / "claims.xlsx"
    export_xlsx(project, path)
    _edit(path, {filled.schlein: {"Stance": "strongly for"}, filled.meloni: {"Status": ""}})
    project.delete_claim(filled.banner)
    report = import_xlsx(project, path)
    messages = {e.claim_id: e.message for e in report.errors}
    assert "stance must be one of in favour, against, neutral" in messages[filled.schlein]
    assert messages[filled.meloni] == "status cannot be empty"
    assert messages[filled.banner] == "this claim is no longer in the project"
    assert project.claim(filled.schlein).stance == "against"


def test_import_keeps_text_that_export_had_to_clean(filled, tmp_path):
    """The note with a control character comes back as U+FFFD; that is not an editor's change."""
    path = tmp_path / "claims.xlsx"
    export_xlsx(filled.project, path)
    report = import_xlsx(filled.project, path)
    assert not report.changes and report.unchanged == 5


def test_dry_run_changes_nothing(filled, tmp_path):
    path = tmp_path / "claims.xlsx"
    export_xlsx(filled.project, path)
    _edit(path, {filled.schlein: {"Stance": "neutral"}})
    report = import_xlsx(filled.project, path, dry_run=True)
    assert [c.field for c in report.changes] == ["stance"] and "Would change 1 claim" in report.describe()
    assert filled.project.claim(filled.schlein).stance == "against"


def test_import_of_a_workbook_not_from_quotedesk_is_refused(project, tmp_path):
    path = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.save(path)
    with pytest.raises(ExportError, match="no “Claims” sheet"):
        import_xlsx(project, path)
    (tmp_path / "not.xlsx").write_text("hello")
    with pytest.raises(ExportError, match="not an Excel workbook"):
        import_xlsx(project, tmp_path / "not.xlsx")


def test_cli_import_xlsx_prints_changes_and_fails_on_conflict(filled, tmp_path, project_path, capsys):
    path = tmp_path / "claims.xlsx"
    assert main(["export", "--db", str(project_path), "-o", str(path)]) == 0
    filled.project.update_claim(filled.meloni, note="newer", annotator="bob")
    _edit(path, {filled.schlein: {"Stance": "neutral"}, filled.meloni: {"Note": "older"}})
    capsys.readouterr()
    assert main(["import-xlsx", "--db", str(project_path), str(path)]) == 1
    out = capsys.readouterr().out
    assert "Claim 3: stance “against” → “neutral”" in out
    assert "Conflicts (not applied):" in out and f"(claim {filled.meloni})" in out
    assert filled.project.claim(filled.meloni).note == "newer"


def test_import_reads_verdict_dates_typed_as_dates_or_text(filled, tmp_path):
    import datetime as dt

    project = filled.project
    path = tmp_path / "claims.xlsx"
    export_xlsx(project, path)
    _edit(path, {filled.crosetto: {"Verdict date": dt.datetime(2025, 2, 3)},
                 filled.meloni: {"Verdict date": "2025-03-20"},
                 filled.schlein: {"Verdict date": "next week"}})
    report = import_xlsx(project, path)
    assert project.claim(filled.crosetto).verdict_date == dt.date(2025, 2, 3)
    assert project.claim(filled.meloni).verdict_date == dt.date(2025, 3, 20)
    assert "verdict date must be a date" in report.errors[0].message
    assert "Claim 1: verdict date (empty) → 2025-02-03" in report.describe()
    # Written back out, the verdict date is a real Excel date and ClaimReview's datePublished.
    export_xlsx(project, path)
    again = import_xlsx(project, path)
    assert not again.changes and not again.errors
