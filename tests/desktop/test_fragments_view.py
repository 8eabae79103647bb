"""A split quote in the window: one claim, every fragment highlighted, editable and undoable."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from db import ClaimDraft, NewArticle, Span
from desktop.article_view import ArticleView

# Astral characters (two UTF-16 units each) before the fragments shift Qt positions, not ours.
TEXT = ("🇮🇹🎉 Rome — “Italy is ready to help,” Defence Minister Guido Crosetto said on Thursday, "
        "“but only under a UN mandate.” 👋🏽 The office of Giorgia Meloni disagreed.")
FIRST, SECOND = "Italy is ready to help,", "but only under a UN mandate."


def span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), needle)


def _article(project):
    art, _ = project.add_article(NewArticle(text=TEXT, title="Split", published=dt.date(2025, 3, 7)))
    return art


def _split_claim(project, article_id):
    a, b = span(FIRST), span(SECOND)
    claim, _ = project.add_claim(article_id, ClaimDraft(
        content=Span(a.start, b.end, TEXT[a.start:b.end]), fragments=(a, b), kind="direct", cue=span("said"),
        speaker="Guido Crosetto", mention=span("Guido Crosetto"), status="confirmed", origin="manual"))
    return claim


def _claim_pieces(view, claim_id):
    return sorted((a, b) for a, b, tip in view.highlighted_spans() if tip == f"claim {claim_id}")


def _click(qtbot, view, offset):
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._map.to_utf16(offset))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.cursorRect(cursor).center())


def test_every_fragment_is_highlighted_as_the_claim_and_the_attribution_is_not(qtbot, project):
    art = _article(project)
    claim = _split_claim(project, art.id)
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    view.set_article(project.article(art.id), project.claims())
    a, b = span(FIRST), span(SECOND)
    assert _claim_pieces(view, claim.id) == [(a.start, a.end), (b.start, b.end)]
    for sel in view.extraSelections():  # what Qt paints is the fragments' own characters
        assert sel.cursor.selectedText() in (FIRST, SECOND)
    assert view.claims_at(span("Defence").start) == []  # the attribution is not content
    assert [c.id for c in view.claims_at(b.start + 3)] == [claim.id]

    # clicking either fragment selects the one claim
    with qtbot.waitSignal(view.claim_clicked) as clicked:
        _click(qtbot, view, b.start + 5)
    assert clicked.args == [claim.id]
    with qtbot.waitSignal(view.claim_clicked) as clicked:
        _click(qtbot, view, a.start + 2)
    assert clicked.args == [claim.id]

    # selected: both fragments strongest, the speaker and cue in the attribution marked, its other words plain
    view.select_claim(claim.id)
    painted = view.highlighted_spans()
    assert sorted((s, e) for s, e, tip in painted if tip == f"claim {claim.id}") == [(a.start, a.end), (b.start, b.end)]
    assert {tip for *_, tip in painted} == {f"claim {claim.id}", f"speaker {claim.id}", f"cue {claim.id}"}
    colours = {sel.format.background().color().rgba() for sel in view.extraSelections()
               if sel.format.stringProperty(sel.format.Property.UserProperty) == f"claim {claim.id}"}
    assert len(colours) == 1


def test_add_a_fragment_from_the_selection_remove_one_and_undo(qtbot, make_window, project_path):
    from db import Project

    with Project.open(project_path) as p:
        art = _article(p)
        p.save_suggestions(art.id, [])  # suggested already: the window runs no model on it
        first, _ = p.add_claim(art.id, ClaimDraft(content=span(FIRST), kind="direct", status="suggested"))
    window = make_window()
    window.open_article(art.id)
    window.select_claim(first.id)
    view = window.article_view
    a, b = span(FIRST), span(SECOND)

    # select the second half of the quote and press F: one claim in two fragments
    cursor = view.textCursor()
    cursor.setPosition(view._map.to_utf16(b.start))
    cursor.setPosition(view._map.to_utf16(b.end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F)
    claim = window.project.claim(first.id)
    assert [f.text for f in claim.fragments] == [FIRST, SECOND]
    assert len(window.project.claims()) == 1 and window.claim_id == first.id
    assert _claim_pieces(view, first.id) == [(a.start, a.end), (b.start, b.end)]
    assert window.form.content.toPlainText() == f"{FIRST} … {SECOND}"

    # undo and redo the fragment edit
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.claim(first.id).fragments == (a,)
    assert _claim_pieces(view, first.id) == [(a.start, a.end)]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(window.project.claim(first.id).fragments) == 2

    # put the cursor in the first fragment and take it out with Shift+F
    cursor = view.textCursor()
    cursor.setPosition(view._map.to_utf16(a.start + 4))
    view.setTextCursor(cursor)
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ShiftModifier)
    assert window.project.claim(first.id).fragments == (b,)
    assert _claim_pieces(view, first.id) == [(b.start, b.end)]
    assert window.undo.undoText() == "Remove fragment"
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [f.text for f in window.project.claim(first.id).fragments] == [FIRST, SECOND]
    assert _claim_pieces(view, first.id) == [(a.start, a.end), (b.start, b.end)]


def test_a_split_quote_suggested_by_the_engine_is_stored_and_shown_as_one_claim(qtbot, make_window, tmp_path):
    """The whole write path: import a file, the engine suggests, the window stores and paints one claim."""
    path = tmp_path / "split.txt"
    path.write_text("Italy ready to help\n\n" + TEXT + "\n", encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.suggestions_done, timeout=120_000):
        window.import_paths([str(path)])
    qtbot.waitUntil(lambda: not window.runner.tasks, timeout=120_000)
    split = [c for c in window.project.claims() if len(c.fragments) > 1]
    assert len(split) == 1, [c.content.text for c in window.project.claims()]
    claim = split[0]
    text = window.project.article(claim.article_id).text
    assert [f.text.rstrip(",.") for f in claim.fragments] == [FIRST.rstrip(","), SECOND.rstrip(".")]
    assert all(text[f.start:f.end] == f.text for f in claim.fragments)
    assert not any(c.content.text.startswith("but only") for c in window.project.claims())  # no second claim
    window.open_article(claim.article_id)
    assert _claim_pieces(window.article_view, claim.id) == [(f.start, f.end) for f in claim.fragments]
    assert window.project.claim_history(claim.id)[0].new["fragments"][1]["text"] == claim.fragments[1].text


def test_a_claims_history_shows_fragment_edits_as_their_pieces(project):
    from desktop.claim_history import history_rows

    art = _article(project)
    claim, _ = project.add_claim(art.id, ClaimDraft(content=span(FIRST), kind="direct"), annotator="ana")
    project.add_fragment(claim.id, span(SECOND), annotator="ana")
    rows = history_rows(project, project.claim_history(claim.id))
    what = rows[-1][2]
    assert f"fragments: one piece → <b>“{FIRST}” … “{SECOND}”</b>" in what
    assert "content:" not in what  # the whole span's text would only repeat the pieces and the attribution
