"""The workbook's Agreement sheet: there only when some article has two annotators' layers, readable, read back."""

from __future__ import annotations

import openpyxl
import pytest

from db import ClaimDraft, NewArticle, Project, Span
from exports import export

TEXT = "Ana said the plan works. Ben said taxes will rise. Cy said rain is coming."
PHRASES = ("the plan works", "taxes will rise", "rain is coming")


def _span(phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span(start, start + len(phrase), phrase)


@pytest.fixture
def project(project_path):
    with Project.open(project_path) as p:
        for n in range(2):
            art, _ = p.add_article(NewArticle(text=TEXT + f" ({n})", title=f"Sayings {n}"))
            p.save_suggestions(art.id, [ClaimDraft(content=_span(w)) for w in PHRASES])
        yield p


def _decide(p: Project, article: int, who: str, stances) -> None:
    """Confirm the layer's suggestions with these stances (None: reject it)."""
    p.open_layer(article, who)
    for claim, stance in zip(p.layer_claims(article, who), stances):
        if stance is None:
            p.reject_claim(claim.id, annotator=who)
        else:
            p.update_claim(claim.id, annotator=who, status="confirmed", stance=stance)


def _sheet_rows(path, name="Agreement"):
    book = openpyxl.load_workbook(path)
    return book, book[name] if name in book.sheetnames else None


def test_no_agreement_sheet_without_two_layers(project, tmp_path):
    export(project, "xlsx", tmp_path / "none.xlsx")
    assert "Agreement" not in openpyxl.load_workbook(tmp_path / "none.xlsx").sheetnames
    project.set_blind(True)
    _decide(project, 1, "anna", ["favor", "against", None])  # one annotator: nothing to compare yet
    export(project, "xlsx", tmp_path / "one.xlsx")
    assert "Agreement" not in openpyxl.load_workbook(tmp_path / "one.xlsx").sheetnames


def test_agreement_sheet_figures_formats_and_frozen_header(project, tmp_path):
    """Article 1: anna favor/against/-, ben favor/favor/neutral: 2 of anna's 2 and ben's 3 matched:
    F1 = 4/5 = 0.8; stance (favor,favor) (against,favor): κ = (1/2 - 1/2)/(1 - 1/2) = 0
    (p_e = (1*2 + 1*0)/4). Article 2: both favor/favor/favor: F1 1, one label only: κ and α cannot be
    computed there. Pooled: matched 2 + 3 of 5 + 6 claims: F1 = 10/11."""
    project.set_blind(True)
    _decide(project, 1, "anna", ["favor", "against", None])
    _decide(project, 1, "ben", ["favor", "favor", "neutral"])
    _decide(project, 2, "anna", ["favor"] * 3)
    _decide(project, 2, "ben", ["favor"] * 3)
    export(project, "xlsx", tmp_path / "team.xlsx")
    book, sheet = _sheet_rows(tmp_path / "team.xlsx")
    assert sheet is not None and book.sheetnames[-1] == "Agreement"
    rows = list(sheet.iter_rows(values_only=True))
    header_row = next(i for i, r in enumerate(rows, 1) if r[0] == "Scope")
    assert sheet.freeze_panes == f"A{header_row + 1}"  # intro lines and header stay in view
    assert all(isinstance(r[0], str) and r[0] for r in rows[:header_row - 1])  # the intro explains
    header = rows[header_row - 1]
    table = [dict(zip(header, r)) for r in rows[header_row:]]
    assert [r["Scope"] for r in table] == ["All articles", "Pair", "Article", "Article"]
    total, pair, first, second = table
    assert total["Span F1 (partial)"] == pytest.approx(10 / 11)
    assert total["Claims"] == 11 and total["Annotators"] == "anna, ben"
    assert pair["Annotators"] == "anna and ben" and pair["Stance α (Krippendorff)"] is None
    assert first["Article ID"] == 1 and first["Article"] == "Sayings 0" and first["Annotators"] == "anna (2), ben (3)"
    assert first["Span F1 (partial)"] == pytest.approx(0.8)
    assert first["Stance κ (Cohen)"] == pytest.approx(0.0) and first["Stance: claims compared"] == 2
    assert second["Span F1 (exact)"] == 1.0
    assert second["Stance κ (Cohen)"] is None and second["Stance α (Krippendorff)"] is None  # one label only
    # Figures are numbers shown with three decimals; counts are whole numbers.
    f1_col = header.index("Span F1 (partial)") + 1
    cell = sheet.cell(row=header_row + 1, column=f1_col)
    assert isinstance(cell.value, float) and cell.number_format == "0.000"
    assert sheet.cell(row=header_row + 1, column=header.index("Claims") + 1).number_format == "General"
    assert sheet.auto_filter.ref.startswith(f"A{header_row}:")
    # The other sheets hold the final claims only: the suggestions nobody has adjudicated yet.
    claims = list(book["Claims"].iter_rows(min_row=2, values_only=True))
    assert len(claims) == 6 and {r[19] for r in claims} == {"suggested"}


def test_one_article_exported_gets_that_article_s_agreement_only(project, tmp_path):
    """Article 1 has two layers, article 2 only anna's: exporting article 2 alone has no Agreement sheet."""
    project.set_blind(True)
    _decide(project, 1, "anna", ["favor"] * 3)
    _decide(project, 1, "ben", ["favor", None, None])
    _decide(project, 2, "anna", ["favor"] * 3)
    export(project, "xlsx", tmp_path / "one.xlsx", article_id=1)
    _, sheet = _sheet_rows(tmp_path / "one.xlsx")
    assert [r[1] for r in sheet.iter_rows(values_only=True) if r[0] == "Article"] == [1]
    export(project, "xlsx", tmp_path / "two.xlsx", article_id=2)
    assert "Agreement" not in openpyxl.load_workbook(tmp_path / "two.xlsx").sheetnames
