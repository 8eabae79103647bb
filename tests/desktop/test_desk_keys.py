"""Keys never change data by accident: Enter acts on the focused widget only, a clicked row of the
claims table is the claim A acts on, typing in a field never reaches the stance keys.

Driven with keys and mouse clicks on the real window, as a fact-checker would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit

from db import ClaimFilter
from tests.desktop.conftest import SEED
from tests.desktop.test_main_window import TIMEOUT, _import_and_wait


def _snapshot(project):
    return {c.id: (c.status, c.stance, c.topic, c.speaker, c.date, c.version) for c in project.claims(ClaimFilter())}


def _text_fields(root):
    fields = root.findChildren(QLineEdit) + root.findChildren(QPlainTextEdit) + root.findChildren(QAbstractSpinBox)
    return [f for f in fields if f.isVisible() and f.isEnabled() and f is not root.article_view
            and not (isinstance(f, QPlainTextEdit) and f.isReadOnly())]


def test_enter_in_every_text_field_changes_no_claim(qtbot, make_window):
    window = make_window()
    _import_and_wait(qtbot, window, [SEED])
    assert window.claim_id is not None
    before = _snapshot(window.project)
    pressed = []

    def press_enter_everywhere():
        for field in _text_fields(window):
            field.setFocus(Qt.FocusReason.TabFocusReason)
            if not field.hasFocus():
                continue
            qtbot.keyClick(field, Qt.Key.Key_Return)
            pressed.append(field.accessibleName() or field.placeholderText() if isinstance(field, QLineEdit)
                           else field.accessibleName() or type(field).__name__)
            assert _snapshot(window.project) == before, f"Enter in {pressed[-1]!r} changed a claim"

    # the article search with text typed in it, as in the report
    qtbot.mouseClick(window.article_search, Qt.MouseButton.LeftButton)
    assert window.article_search.hasFocus()
    qtbot.keyClicks(window.article_search, "peace")
    qtbot.keyClick(window.article_search, Qt.Key.Key_Return)
    assert _snapshot(window.project) == before
    window.article_search.clear()
    press_enter_everywhere()
    window.act_show_claims()
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 0, timeout=TIMEOUT)
    press_enter_everywhere()
    window.act_show_article()
    for key in window.factcheck.docks:  # the speaker registry, topics, timeline, stance changes
        window.factcheck.show(key)
        qtbot.waitUntil(window.factcheck.docks[key].isVisible)
        press_enter_everywhere()
    names = set(pressed)
    assert {"Search articles", "Search claims", "Speaker", "Role"} <= names, names
    assert len(pressed) >= 12


def test_a_table_click_then_a_acts_on_the_clicked_claim(qtbot, make_window):
    window = make_window()
    _import_and_wait(qtbot, window, [SEED])
    shown_first = window.claim_id
    window.act_show_claims()
    panel = window.claims_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() > 3, timeout=TIMEOUT)
    row = panel.model.rowCount() - 1
    index = panel.model.index(row, 2)
    target = int(index.data(Qt.ItemDataRole.UserRole + 1))
    assert target != shown_first
    rect = panel.table.visualRect(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.form.claim.id == target and window.claim_id == target
    assert window.tabs.currentWidget() is panel  # the table stays in front, with the focus
    qtbot.keyClick(panel.table, Qt.Key.Key_A)
    assert window.project.claim(target).status == "confirmed"
    assert window.project.claim(shown_first).status == "suggested"
    qtbot.keyClick(panel.table, Qt.Key.Key_2)
    assert window.project.claim(target).stance == "against"
    # Enter on a row opens it in the article; it accepts nothing
    before = _snapshot(window.project)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == 0 and window.claim_id == target
    assert _snapshot(window.project) == before


def test_digits_typed_in_a_field_after_enter_stay_in_the_field(qtbot, make_window):
    window = make_window()
    _import_and_wait(qtbot, window, [SEED])
    claim_id = window.claim_id
    stance = window.project.claim(claim_id).stance
    qtbot.keyClick(window.article_view, Qt.Key.Key_E)  # to the form
    assert window.form.kind.hasFocus()
    qtbot.mouseClick(window.form.role, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.form.role, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.form.role, "Minister")
    qtbot.keyClick(window.form.role, Qt.Key.Key_Return)
    assert window.project.claim(claim_id).role == "Minister"
    assert window.form.role.hasFocus()  # focus did not jump back to the text
    qtbot.keyClicks(window.form.role, " 2 3 1")
    assert window.project.claim(claim_id).stance == stance
    assert window.form.role.text().endswith("2 3 1")


def test_focus_starts_in_the_article_and_escape_leaves_the_search(qtbot, make_window):
    window = make_window()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.article_view)
    qtbot.keyClick(window.article_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.article_search.hasFocus()
    qtbot.keyClicks(window.article_search, "Italy")
    qtbot.keyClick(window.article_search, Qt.Key.Key_Escape)
    assert window.article_view.hasFocus() and window.article_search.text() == "Italy"


def test_typing_a_date_into_an_undated_claim_stores_it_and_the_calendar_opens_near_the_article(qtbot, make_window):
    import datetime as dt

    window = make_window()
    _import_and_wait(qtbot, window, [SEED])
    claim_id = window.claim_id
    window.project.update_claim(claim_id, date=None)  # as a hand-marked claim has none
    window.reload_current_claims()
    assert window.form.date.edit.text() == ""
    qtbot.mouseClick(window.form.date.edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.form.date.edit, "2025-03-15")
    qtbot.keyClick(window.form.date.edit, Qt.Key.Key_Return)
    assert window.project.claim(claim_id).date == dt.date(2025, 3, 15)
    assert window.form.date.edit.hasFocus()
    # words work too, and garbage is refused without touching the stored date
    qtbot.keyClick(window.form.date.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.form.date.edit, "12 December 2024")
    qtbot.keyClick(window.form.date.edit, Qt.Key.Key_Return)
    assert window.project.claim(claim_id).date == dt.date(2024, 12, 12)
    qtbot.keyClick(window.form.date.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.form.date.edit, "no date20250315")
    qtbot.keyClick(window.form.date.edit, Qt.Key.Key_Return)
    assert window.project.claim(claim_id).date == dt.date(2024, 12, 12)
    assert window.form.date.edit.styleSheet()  # marked as not a date
    # emptying the field clears the date; the calendar then opens at the article's month, not 1900
    qtbot.keyClick(window.form.date.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.form.date.edit, Qt.Key.Key_Delete)
    qtbot.keyClick(window.form.date.edit, Qt.Key.Key_Return)
    assert window.project.claim(claim_id).date is None
    published = window.article_view.article.published
    window.form.date._open_calendar()
    assert (window.form.date.calendar.yearShown(), window.form.date.calendar.monthShown()) == \
        ((published.year, published.month) if published else (dt.date.today().year, dt.date.today().month))


def test_stance_zero_clears_the_topic_and_undo_says_what_it_undid(qtbot, make_window):
    window = make_window()
    _import_and_wait(qtbot, window, [SEED])
    window.change("Add topic", lambda: window.project.add_topic("Italy sending peacekeepers to Ukraine")[1])
    claim_id = window.claim_id
    qtbot.keyClick(window.article_view, Qt.Key.Key_1)
    assert window.project.claim(claim_id).topic is not None
    qtbot.keyClick(window.article_view, Qt.Key.Key_0)
    claim = window.project.claim(claim_id)
    assert claim.stance is None and claim.topic is None
    qtbot.keyClick(window.article_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Undid: Set stance"
    assert window.project.claim(claim_id).stance == "favor"


def test_the_last_decision_in_an_article_says_it_is_finished(qtbot, make_window):
    window = make_window()
    _import_and_wait(qtbot, window, [SEED])
    pending = [c for c in window.article_view.claims() if c.status == "suggested"]
    for _ in pending:
        qtbot.keyClick(window.article_view, Qt.Key.Key_A)
    assert "Article finished" in window.statusBar().currentMessage()
    assert window.finished_banner.isVisible() and "Article finished" in window.finished_banner.text()


def test_view_menu_brings_a_view_to_the_front_at_a_third_of_the_height(qtbot, make_window):
    window = make_window()
    window.resize(1600, 1000)
    actions = {a.text(): a for a in window.menu("View").actions()}
    actions["Stance timeline"].trigger()
    actions["Stance changes"].trigger()
    stance, timeline = window.factcheck.docks["stance"], window.factcheck.docks["timeline"]
    qtbot.waitUntil(lambda: stance.isVisible() and not stance.visibleRegion().isEmpty())
    assert timeline.visibleRegion().isEmpty()  # behind the tab that came to the front
    qtbot.waitUntil(lambda: stance.height() < window.height() * 0.45)


def test_article_source_url_and_publisher_are_shown_and_editable(qtbot, make_window, monkeypatch):
    from desktop.article_details import ArticleDetailsDialog

    window = make_window()
    _import_and_wait(qtbot, window, [SEED])
    assert "no source URL" in window.article_header.text()

    def fill(dialog):
        dialog.show()
        dialog.activateWindow()
        qtbot.waitActive(dialog)
        qtbot.mouseClick(dialog.url, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.url, "https://kyivindependent.com/italy-peacekeepers")
        dialog.publisher.selectAll()
        qtbot.keyClicks(dialog.publisher, "The Kyiv Independent")
        from PySide6.QtWidgets import QDialogButtonBox

        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(ArticleDetailsDialog, "exec", fill)
    qtbot.keyClick(window.article_view, Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    article = window.project.article(window.article_id)
    assert (article.url, article.publisher) == ("https://kyivindependent.com/italy-peacekeepers", "The Kyiv Independent")
    assert "kyivindependent.com/italy-peacekeepers" in window.article_header.text()
    assert "The Kyiv Independent" in window.article_header.text()
    qtbot.keyClick(window.article_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.article(window.article_id).url is None


def test_h_shows_who_changed_what_with_the_models_suggestion_first(qtbot, make_window):
    window = make_window()
    _import_and_wait(qtbot, window, [SEED])
    claim_id = window.claim_id
    original = window.project.claim(claim_id)
    qtbot.keyClick(window.article_view, Qt.Key.Key_S)
    qtbot.keyClicks(window.form.speaker, "Giorgia Meloni")
    qtbot.keyClick(window.form.speaker, Qt.Key.Key_Return)
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_H)
    dialog = window.history_dialog
    qtbot.waitExposed(dialog)
    first, *later = dialog.rows
    assert first[1] == "model" and "Suggested by the model" in first[2]
    assert original.content.text[:30] in first[2]
    assert any(who == "ana" and "speaker:" in what and "Giorgia Meloni" in what for _, who, what in later)
    assert "Giorgia Meloni" in dialog.browser.toPlainText()
    dialog.close()


def _select(window, start, end):
    from PySide6.QtGui import QTextCursor

    view = window.article_view
    cursor = view.textCursor()
    cursor.setPosition(view._map.to_utf16(start))
    cursor.setPosition(view._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def test_m_on_a_selection_inside_words_marks_whole_words(qtbot, make_window, tmp_path):
    article = tmp_path / "stubb.txt"
    article.write_text("Stubb affirmed Finland's support for Ukraine but kept troops home.\n", encoding="utf-8")
    window = make_window()
    _import_and_wait(qtbot, window, [article])
    text = window.article_view.article.text
    start = text.index("med Finland")
    end = text.index("Ukraine") + len("Ukrai")
    _select(window, start, end)  # "med Finland's support for Ukrai"
    qtbot.keyClick(window.article_view, Qt.Key.Key_M)
    claim = window.project.claim(window.claim_id)
    assert claim.content.text == "affirmed Finland's support for Ukraine"


def test_alt_arrows_move_the_claims_ends_by_a_word_and_the_mouse_drags_them(qtbot, make_window):
    window = make_window()
    _import_and_wait(qtbot, window, [SEED])
    claim = next(c for c in window.article_view.claims() if c.content.text.startswith("Italy is willing"))
    window.select_claim(claim.id)
    text = window.article_view.article.text
    view = window.article_view
    view.setFocus()
    alt, shift = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_Right, alt)  # start one word later
    assert window.project.claim(claim.id).content.text.startswith("is willing")
    qtbot.keyClick(view, Qt.Key.Key_Left, alt)  # and back
    qtbot.keyClick(view, Qt.Key.Key_Left, alt | shift)  # end one word earlier
    now = window.project.claim(claim.id).content
    assert now.start == claim.content.start and now.end < claim.content.end
    qtbot.keyClick(view, Qt.Key.Key_Right, alt | shift)
    assert window.project.claim(claim.id).content.end == claim.content.end

    # drag the end over the next words with the mouse; it lands on a word end
    from PySide6.QtGui import QTextCursor

    def point(offset):
        cursor = QTextCursor(view.document())
        cursor.setPosition(view._map.to_utf16(offset))
        return view.cursorRect(cursor).center()

    end = claim.content.end
    target = text.index("Crosetto", end) + 3  # mid-word: snaps to the end of "Crosetto"
    view.ensureCursorVisible()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=point(end))
    qtbot.mouseMove(view.viewport(), point(target))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=point(target))
    dragged = window.project.claim(claim.id).content
    assert dragged.start == claim.content.start
    assert dragged.text.endswith("Guido Crosetto")
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.claim(claim.id).content.end == end


def test_article_titles_stay_readable_at_1024x700_and_recover_after_enlarging(qtbot, make_window, settings):
    window = make_window()
    window.resize(1024, 700)
    window._size_side_docks()
    qtbot.waitUntil(lambda: window.article_table.columnWidth(0) >= 120)
    assert window.article_view.width() >= 1024 * 0.33  # the text keeps room too
    assert window.article_table.isColumnHidden(5) and window.article_table.isColumnHidden(6)  # Rej, Done
    window.resize(1600, 1000)  # enlarged: the list takes its share again, with every column
    qtbot.waitUntil(lambda: window.article_table.columnWidth(0) >= 160 and not window.article_table.isColumnHidden(6))


def test_the_selected_claim_is_underlined_and_its_neighbours_are_not(qtbot, make_window):
    window = make_window()
    _import_and_wait(qtbot, window, [SEED])
    qtbot.keyClick(window.article_view, Qt.Key.Key_J)
    selected = window.claim_id
    underlined = {sel.format.stringProperty(0x100000) for sel in window.article_view.extraSelections()
                  if sel.format.fontUnderline() and sel.format.stringProperty(0x100000).startswith("claim")}
    assert underlined == {f"claim {selected}"}


def test_the_timeline_topic_menu_counts_what_the_chart_draws(qtbot, make_window):
    window = make_window()
    _import_and_wait(qtbot, window, [SEED])
    window.change("Add topic", lambda: window.project.add_topic("Italy sending peacekeepers to Ukraine")[1])
    for _ in range(3):  # two confirmed with the topic, one left suggested with it
        qtbot.keyClick(window.article_view, Qt.Key.Key_1)
        qtbot.keyClick(window.article_view, Qt.Key.Key_A)
    qtbot.keyClick(window.article_view, Qt.Key.Key_1)
    window.factcheck.show("timeline")
    timeline = window.factcheck.views["timeline"]
    qtbot.waitUntil(lambda: timeline.topic_box.count() > 0)
    drawn = sum(len(lane.points) for lane in timeline.lanes)
    assert drawn == 3
    assert timeline.topic_box.currentText().endswith(f"({drawn})")
