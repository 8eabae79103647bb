"""Two annotators on one claim, in the real window: the conflict dialog, stale accepts, undo, live refresh."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from db import ClaimDraft, NewArticle, Project, Span
from desktop.conflicts import ConflictDialog, merged_text
from desktop.errors import open_dialogs

TEXT = "Italy is willing to help, Defense Minister Guido Crosetto said. “We are ready 🇮🇹,” Crosetto added."


def span_of(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), needle)


@pytest.fixture
def shared(project_path):
    """The project file, with one article and two suggestions, and ben's own connection to it."""
    with Project.open(project_path) as p:
        art, _ = p.add_article(NewArticle(text=TEXT, title="Italy"))
        p.save_suggestions(art.id, [ClaimDraft(content=span_of("Italy is willing to help"), speaker="Guido Crosetto"),
                                    ClaimDraft(content=span_of("We are ready 🇮🇹"), speaker="Guido Crosetto")])
    ben = Project.open(project_path)
    yield ben
    ben.close()


@pytest.fixture
def window(qtbot, project_path, settings, shared):
    from desktop.main_window import MainWindow

    w = MainWindow(Project.open(project_path), "ana", settings=settings, load_model=False, auto_suggest=False,
                   owns_project=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.waitUntil(lambda: w.article_list_current, timeout=10_000)  # read on the reader thread
    w.open_claim(w.project.claims()[0].id)
    return w


def _dialog(qtbot, window) -> ConflictDialog:
    qtbot.waitUntil(lambda: window.findChild(ConflictDialog) is not None, timeout=5000)
    dialog = window.findChild(ConflictDialog)
    assert dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)  # it has the keyboard, not the window behind it
    return dialog


def _type_note(qtbot, window, text: str) -> None:
    window.activateWindow()  # back from a dialog
    qtbot.waitUntil(window.isActiveWindow)
    window.form.note.setFocus()
    qtbot.waitUntil(window.form.note.hasFocus)
    qtbot.keyClicks(window.form.note, text)


def _finish_note(qtbot, window) -> None:
    window.article_view.setFocus()  # leaving the box saves the note
    qtbot.waitUntil(lambda: not window.form.note.hasFocus())


def test_merging_two_notes_in_the_conflict_dialog(qtbot, window, shared):
    claim_id = window.claim_id
    _type_note(qtbot, window, "Quote checked against the video.")
    shared.update_claim(claim_id, note="Date is from the press release.", annotator="ben")
    qtbot.wait(1500)  # the window's poll sees ben's change meanwhile; it must not replace what ana types
    assert window.form.note.toPlainText() == "Quote checked against the video."
    _finish_note(qtbot, window)

    dialog = _dialog(qtbot, window)
    assert "ben" in dialog.windowTitle()
    theirs = [w for w in dialog.findChildren(QLabel) if w.accessibleName() == "note theirs"]
    yours = [w for w in dialog.findChildren(QLabel) if w.accessibleName() == "note yours"]
    assert theirs[0].text() == "Date is from the press release."
    assert yours[0].text() == "Quote checked against the video."
    editor = dialog.editor("note")
    assert editor.toPlainText() == "Date is from the press release.\nQuote checked against the video."
    editor.selectAll()
    qtbot.keyClicks(editor, "Date from the press release; quote checked against the video.")
    qtbot.mouseClick(dialog.button("merge"), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: window.project.claim(claim_id).note
                    == "Date from the press release; quote checked against the video.")
    assert window.undo.undoText() == "Edit note"
    qtbot.waitUntil(lambda: window.form.note.toPlainText().startswith("Date from the press release;"))


def test_take_mine_and_keep_theirs(qtbot, window, shared):
    claim_id = window.claim_id
    _type_note(qtbot, window, "mine")
    shared.update_claim(claim_id, note="theirs", annotator="ben")
    _finish_note(qtbot, window)
    qtbot.mouseClick(_dialog(qtbot, window).button("mine"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.project.claim(claim_id).note == "mine")
    assert window.project.claim_history(claim_id)[-1].annotator == "ana"

    qtbot.waitUntil(lambda: window.findChild(ConflictDialog) is None)
    window.form.note.selectAll()
    _type_note(qtbot, window, "mine again")
    shared.update_claim(claim_id, note="theirs again", annotator="ben")
    _finish_note(qtbot, window)
    qtbot.mouseClick(_dialog(qtbot, window).button("theirs"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.form.note.toPlainText() == "theirs again")
    assert window.project.claim(claim_id).note == "theirs again"


def test_a_stale_accept_shows_the_reject_and_keeps_it(qtbot, window, shared):
    window.undo.stop_polling()  # ben's reject must not have reached the window yet
    claim_id = window.claim_id
    shared.reject_claim(claim_id, annotator="ben")
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_A)
    dialog = _dialog(qtbot, window)
    combo = dialog.editor("status")
    assert combo.itemData(0) == "rejected" and combo.itemData(1) == "confirmed"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter keeps theirs: never overwrites by accident
    qtbot.waitUntil(lambda: window.findChild(ConflictDialog) is None)
    assert window.project.claim(claim_id).status == "rejected"


def test_undo_that_would_overwrite_ben_refuses_and_stays(qtbot, window, shared):
    claim_id = window.claim_id
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_1)  # favor
    assert window.project.claim(claim_id).stance == "favor"
    shared.update_claim(claim_id, stance="against", annotator="ben")
    qtbot.keyClick(window.article_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any("ben" in d.text() for d in open_dialogs() if hasattr(d, "text")))
    message = next(d.text() for d in open_dialogs() if hasattr(d, "text"))
    assert "Cannot undo “Set stance”" in message and "stance" in message
    assert window.project.claim(claim_id).stance == "against"
    assert window.actions["undo"].text() == "&Undo Set stance"  # left on the stack
    for d in open_dialogs():
        d.close()


def test_other_annotators_changes_show_within_two_seconds(qtbot, window, shared):
    claim_id = window.claim_id
    shared.update_claim(claim_id, note="ben's note", stance="neutral", annotator="ben")
    qtbot.waitUntil(lambda: window.form.note.toPlainText() == "ben's note", timeout=2000)
    assert window.current_claim().stance == "neutral"
    art, _ = shared.add_article(NewArticle(text="A second article, the editor said.", title="Second"))
    qtbot.waitUntil(lambda: window.article_model.row_of(art.id) is not None, timeout=2000)


def test_undo_label_follows_an_import_by_the_same_annotator(qtbot, window, project_path):
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_2)
    assert window.actions["undo"].text() == "&Undo Set stance"
    with Project.open(project_path) as same_annotator_elsewhere:
        same_annotator_elsewhere.update_claim(window.claim_id, note="from Excel", annotator="ana",
                                              label="Import from Excel")
    qtbot.waitUntil(lambda: window.actions["undo"].text() == "&Undo Import from Excel", timeout=2000)
    qtbot.keyClick(window.article_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.claim(window.claim_id).note is None
    assert window.project.claim(window.claim_id).stance == "against"
    assert window.actions["undo"].text() == "&Undo Set stance"


def test_merged_text_starts_from_both_unless_one_contains_the_other():
    assert merged_text("a", "b") == "a\nb"
    assert merged_text("checked", "checked twice") == "checked twice"
    assert merged_text(None, "mine") == "mine"
