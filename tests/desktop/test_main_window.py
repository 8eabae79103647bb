"""The real main window, driven from the keyboard offscreen, on a temporary project."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from db import ClaimFilter, Project
from tests.desktop.conftest import SEED

TIMEOUT = 120_000  # ms; suggestions on a slow shared machine


def _import_and_wait(qtbot, window, paths):
    with qtbot.waitSignal(window.suggestions_done, timeout=TIMEOUT):
        window.import_paths([str(p) for p in paths])
    qtbot.waitUntil(lambda: not window.runner.tasks and window.article_list_current, timeout=TIMEOUT)


def _key(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, key, modifier)


def _select_text(window, start, end):
    view = window.article_view
    cursor = view.textCursor()
    cursor.setPosition(view._map.to_utf16(start))
    cursor.setPosition(view._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def test_keyboard_flow_is_saved_undoable_and_survives_reopening(qtbot, make_window, project_path):
    window = make_window()
    _import_and_wait(qtbot, window, [SEED])
    assert window.article_id is not None and window.claim_id is not None  # first suggestion selected
    highlighted = {(a, b) for a, b, tip in window.article_view.highlighted_spans() if tip.startswith("claim")}
    assert len(highlighted) >= 3

    # accept with one key; the selection moves on to the next pending suggestion
    accepted = window.claim_id
    _key(qtbot, window, Qt.Key.Key_A)
    assert window.project.claim(accepted).status == "confirmed"
    assert window.claim_id != accepted

    # change the speaker: S, type, Enter
    changed = window.claim_id
    _key(qtbot, window, Qt.Key.Key_S)
    assert window.form.speaker.hasFocus()
    qtbot.keyClicks(window.form.speaker, "Giorgia Meloni")
    qtbot.keyClick(window.form.speaker, Qt.Key.Key_Return)
    assert window.project.claim(changed).speaker == "Giorgia Meloni"

    # set a stance, undo it, redo it
    _key(qtbot, window, Qt.Key.Key_2)
    assert window.project.claim(changed).stance == "against"
    _key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.claim(changed).stance is None
    assert window.form.stance.currentData() is None
    _key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.project.claim(changed).stance == "against"

    # reject one: gone from the text
    window.select_claim(window.article_view.visible_claims()[-1].id)
    rejected = window.claim_id
    _key(qtbot, window, Qt.Key.Key_R)
    assert window.project.claim(rejected).status == "rejected"
    assert all(tip != f"claim {rejected}" for _, _, tip in window.article_view.highlighted_spans())

    # a manual claim from a selection
    text = window.article_view.article.text
    start = text.index("Italy is the first country")
    end = start + len("Italy is the first country to signal openness to the proposal publicly")
    _select_text(window, start, end)
    _key(qtbot, window, Qt.Key.Key_M)
    manual = window.project.claim(window.claim_id)
    assert (manual.content.start, manual.content.end, manual.origin, manual.status) == \
        (start, end, "manual", "confirmed")

    window.close()
    with Project.open(project_path) as reopened:
        assert reopened.claim(accepted).status == "confirmed"
        assert reopened.claim(changed).speaker == "Giorgia Meloni"
        assert reopened.claim(changed).stance == "against"
        assert reopened.claim(rejected).status == "rejected"
        assert reopened.claim(manual.id).origin == "manual"
        assert {e.annotator for e in reopened.claim_history(changed) if e.kind != "create"} == {"ana"}


def test_emoji_before_a_claim_highlights_the_right_characters(qtbot, make_window, tmp_path):
    article = tmp_path / "emoji.txt"
    article.write_text("Ministers meet 🇮🇹🎉👋🏽 in Rome\n\n"
                       "“We are ready to help,” Italian Defence Minister Guido Crosetto said on Monday.\n",
                       encoding="utf-8")
    window = make_window()
    _import_and_wait(qtbot, window, [article])
    text = window.article_view.article.text
    claims = window.article_view.visible_claims()
    assert claims, "the quote was not suggested"
    claim = next(c for c in claims if "We are ready" in c.content.text)
    assert text.index("We are ready") >= claim.content.start
    painted = [sel for sel in window.article_view.extraSelections()
               if sel.format.stringProperty(0x100000) == f"claim {claim.id}"]
    assert "".join(sel.cursor.selectedText() for sel in painted) == claim.content.text


def test_claims_table_double_click_opens_the_claim_in_its_article(qtbot, make_window):
    window = make_window()
    _import_and_wait(qtbot, window, [SEED])
    window.act_show_claims()
    panel = window.claims_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=TIMEOUT)
    total = window.project.count_claims(ClaimFilter())
    assert panel.model.rowCount() == total
    panel.stance.setCurrentIndex(panel.stance.findData("none"))
    target = panel.model.index(panel.model.rowCount() - 1, 2)
    claim_id = target.data(Qt.ItemDataRole.UserRole + 1)
    panel.table.doubleClicked.emit(target)
    assert window.tabs.currentIndex() == 0 and window.claim_id == claim_id
    assert window.form.claim.id == claim_id


def test_help_overlay_lists_the_shortcuts_of_the_menus(qtbot, make_window):
    window = make_window()
    _key(qtbot, window, Qt.Key.Key_Question)
    qtbot.waitUntil(window.help_overlay.isVisible)
    texts = " ".join(lbl.text() for lbl in window.help_overlay.findChildren(type(window.model_label)))
    assert "Accept" in texts and "Reject" in texts and "Ctrl+Z" in texts
    assert {m: window.menu(m).title().replace("&", "") for m in ("File", "Edit", "Claim", "View", "Help")}


def test_speaker_from_a_selected_name_takes_two_actions(qtbot, make_window):
    window = make_window()
    _import_and_wait(qtbot, window, [SEED])
    claim = window.current_claim()
    text = window.article_view.article.text
    start = text.index("Emmanuel Macron")
    _select_text(window, start, start + len("Emmanuel Macron"))  # 1: select the name
    _key(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)  # 2: Shift+S
    changed = window.project.claim(claim.id)
    assert changed.speaker == "Emmanuel Macron"
    assert (changed.mention.start, changed.mention.end) == (start, start + len("Emmanuel Macron"))


def test_hovering_a_highlight_names_the_claims_fields(qtbot, make_window):
    window = make_window()
    _import_and_wait(qtbot, window, [SEED])
    claim = window.current_claim()
    hits = window.article_view.claims_at(claim.content.start + 1)
    assert claim in hits
    from desktop.table_models import claim_summary

    summary = claim_summary(claim)
    assert claim.content.text in summary and f"Speaker: {claim.speaker}" in summary


def test_dropped_files_are_imported_and_suggested(qtbot, make_window):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SEED))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.suggestions_done, timeout=TIMEOUT):
        window.dropEvent(event)
    qtbot.waitUntil(lambda: window.article_list_current, timeout=TIMEOUT)  # the list is read on the reader
    assert window.article_model.rowCount() == 1 and window.article_id == window.article_model.ids()[0]
    assert window.article_model.record(0).suggested > 0


def test_undo_after_reopening_the_window_reverts_the_last_session(qtbot, make_window, project_path):
    window = make_window()
    _import_and_wait(qtbot, window, [SEED])
    accepted = window.claim_id
    _key(qtbot, window, Qt.Key.Key_A)
    window.close()
    again = make_window(project_path)
    assert again.actions["undo"].isEnabled() and "Accept claim" in again.actions["undo"].text()
    again.actions["undo"].trigger()
    assert again.project.claim(accepted).status == "suggested"


def test_next_article_moves_down_the_list(qtbot, make_window, tmp_path):
    second = tmp_path / "second.txt"
    second.write_text("Another article\n\n“We will see,” the mayor said.\n", encoding="utf-8")
    window = make_window()
    _import_and_wait(qtbot, window, [SEED, second])
    first = window.article_id
    _key(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.article_id != first
    assert window.article_table.currentIndex().row() == window.article_model.row_of(window.article_id)


def test_window_size_and_layout_are_remembered(qtbot, make_window, settings):
    window = make_window()
    window.resize(window.minimumSizeHint().width(), 500)  # the offscreen screen is only 800x600
    window.form_dock.hide()
    window.close()
    assert settings.geometry() is not None and settings.window_state() is not None
    again = make_window()
    assert again.height() == 500
    assert not again.form_dock.isVisible()


def test_switching_projects_remembers_it_and_a_bad_file_keeps_the_current_one(qtbot, make_window, tmp_path,
                                                                              settings):
    window = make_window()
    other = tmp_path / "other.quotedesk"
    assert window.switch_project(str(other), create=True)
    assert window.project.path == other
    assert settings.recent_projects()[0] == str(other) and settings.last_project() == str(other)
    junk = tmp_path / "notes.txt"
    junk.write_text("not a project", encoding="utf-8")
    from desktop import errors

    assert not window.switch_project(str(junk), create=False)
    assert window.project.path == other
    qtbot.waitUntil(lambda: bool(errors.open_dialogs()))
    for dialog in errors.open_dialogs():
        dialog.close()


def test_article_list_counts_and_done_mark_follow_the_keyboard(qtbot, make_window):
    window = make_window()
    _import_and_wait(qtbot, window, [SEED])
    before = window.article_model.record(0)
    _key(qtbot, window, Qt.Key.Key_A)
    _key(qtbot, window, Qt.Key.Key_R)
    row = window.article_model.record(0)
    assert (row.suggested, row.confirmed, row.rejected) == (before.suggested - 2, 1, 1)
    _key(qtbot, window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.article_model.record(0).done and window.project.article(row.id).done
    _key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.article_model.record(0).done and not window.actions["mark_done"].isChecked()
    assert window.article_model.record(0) == window.project.articles()[0]  # same as a full query


def test_mention_becomes_an_alias_of_the_speaker_and_undo_removes_it(qtbot, make_window):
    window = make_window()
    _import_and_wait(qtbot, window, [SEED])
    claim = next(c for c in window.article_view.visible_claims()
                 if c.mention and c.speaker and c.mention.text.casefold() != c.speaker.casefold())
    window.select_claim(claim.id)
    assert window.form.alias_button.isEnabled()
    window.form.alias_button.click()
    assert claim.mention.text in window.project.speaker(claim.speaker_id).aliases
    assert not window.form.alias_button.isEnabled()
    window.actions["undo"].trigger()
    assert claim.mention.text not in window.project.speaker(claim.speaker_id).aliases


def test_article_search_and_claim_search_narrow_their_lists(qtbot, make_window, tmp_path):
    second = tmp_path / "second.txt"
    second.write_text("Harbour news\n\n“The port will reopen in spring,” the mayor said.\n", encoding="utf-8")
    window = make_window()
    _import_and_wait(qtbot, window, [SEED, second])
    assert window.article_model.rowCount() == 2
    window.article_search.setText("harbour")
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 1, timeout=10_000)
    assert window.article_model.record(0).title == "Harbour news"
    window.act_show_claims()
    panel = window.claims_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() > 1, timeout=10_000)
    panel.search.setText("port reopen")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    assert "port will reopen" in panel.model.index(0, 2).data()


def test_a_first_start_window_fits_its_screen(make_window):
    """1440 × 900 where there is room; on a smaller screen (the test platform's is 800 × 600) the
    whole screen, not a window whose claim form runs off its right-hand side."""
    window = make_window()
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height()
    if room.width() < 1480 or room.height() < 960:
        assert window.isMaximized()
