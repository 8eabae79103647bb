"""The team views in the real window, on real project files that two or three annotators worked on
blind, each in a process of their own (tests/desktop/team_scenario.py): my queue, blind annotation,
assignment, agreement and adjudication, driven from the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from db import ClaimFilter, Project
from tests.desktop import team_scenario as team
from tests.desktop.team_scenario import Q1, Q2, Q3

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
READ_MS = 20_000


@pytest.fixture
def open_window(qtbot, settings):
    """open_window(path, annotator) -> a shown MainWindow on that project file, without a language model."""
    from desktop.main_window import MainWindow

    made = []

    def make(path, annotator):
        project = Project.open(path, create=False)
        window = MainWindow(project, annotator, settings=settings, load_model=False, auto_suggest=False,
                            owns_project=True)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.waitUntil(lambda: window.article_list_current, timeout=10_000)  # read on the reader thread
        made.append(window)
        return window

    yield make
    for window in made:
        if window.isVisible():
            window.close()
        window.runner.shutdown()
        window.reader.shutdown()


def _open(window, article_id):
    window.open_article(article_id)
    window.article_view.setFocus()


def _key(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    widget.setFocus()
    qtbot.keyClick(widget, key, modifier)


def _answer(button=QMessageBox.StandardButton.Yes):
    """Press ``button`` in the message box that is about to open."""
    def press():
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(20, press)
        else:
            box.button(button).click()
    QTimer.singleShot(20, press)


# ------------------------------------------------------------------ my queue
def test_my_queue_lists_assignments_marks_finished_undoably_and_opens_the_next(qtbot, open_window, tmp_path):
    path = tmp_path / "team.quotedesk"
    briefing = team.build(path, ("ana", "ben"))
    with Project.open(path) as project:
        seed = next(a.id for a in project.articles() if a.id != briefing)
        project.assign([seed], ["ana"], by="lea")
    window = open_window(path, "ana")
    _key(qtbot, window.article_view, Qt.Key.Key_Q, CTRL | SHIFT)
    queue = window.team.queue
    assert window.team.queue_dock.isVisible()
    qtbot.waitUntil(lambda: queue.model.rowCount() == 2, timeout=READ_MS)
    assert "2</b> articles assigned to <b>ana</b>: <b>0</b> finished" in queue.heading.text()

    # a row opens its article, in ana's own layer (blind annotation)
    row = queue.model.row_of(briefing)
    queue.table.setCurrentIndex(queue.model.index(row, 1))
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    assert window.article_id == briefing and window.shown_layer == "ana"

    # Ctrl+Return: finished, in the queue at once; Ctrl+Z takes it back
    _key(qtbot, window.article_view, Qt.Key.Key_Return, CTRL)
    assert queue.item(briefing).finished and queue.bar.value() == 1
    assert window.actions["finish_assignment"].isChecked()
    assert any(q.finished for q in Project.open(path, create=False).queue("ana") if q.article_id == briefing)
    _key(qtbot, window.article_view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not queue.item(briefing).finished, timeout=READ_MS)
    assert not window.actions["finish_assignment"].isChecked()

    # finished again, then Ctrl+Shift+PgDown opens the one left
    _key(qtbot, window.article_view, Qt.Key.Key_Return, CTRL)
    _key(qtbot, window.article_view, Qt.Key.Key_PageDown, CTRL | SHIFT)
    assert window.article_id == seed
    assert window.shown_layer == "ana"  # the seed article is in ana's queue too


def test_an_annotator_without_assignments_is_told_how_to_get_some(qtbot, open_window, tmp_path):
    path = tmp_path / "team.quotedesk"
    team.build(path, ("ana", "ben"))
    window = open_window(path, "zoe")
    window.team.act_my_queue()
    assert window.team.queue.model.rowCount() == 0
    assert "Nothing is assigned to <b>zoe</b>" in window.team.queue.heading.text()
    window.team.act_next_unfinished()
    assert "Nothing is assigned to you" in window.statusBar().currentMessage()


# --------------------------------------------------------------------- blind
def test_blind_annotation_shows_and_edits_only_the_annotators_own_layer(qtbot, open_window, tmp_path):
    path = tmp_path / "team.quotedesk"
    briefing = team.build(path, ("ana", "ben"))
    team.decide_in_process(path, "ben")  # ben accepts all three, one with another speaker
    window = open_window(path, "ana")
    _open(window, briefing)

    assert window.shown_layer == "ana"
    shown = window.article_view.claims()
    assert sorted(c.content.text for c in shown) == sorted([Q1, Q2, Q3])
    assert all(c.status == "suggested" and c.layer == "ana" for c in shown)  # none of ben's decisions
    assert "Italian defence ministry" not in {c.speaker for c in shown}
    assert window.team.blind_banner.isVisible() and "your own" in window.team.blind_banner.text()
    assert window.team.blind_chip.isVisible()

    # A accepts in ana's layer: ben's layer and the final claims do not move
    first = window.claim_id
    _key(qtbot, window.article_view, Qt.Key.Key_A)
    with Project.open(path, create=False) as project:
        assert project.claim(first).status == "confirmed" and project.claim(first).layer == "ana"
        assert {c.status for c in project.claims(ClaimFilter(article_id=briefing))} == {"suggested"}
        assert {c.status for c in project.layer_claims(briefing, "ben")} == {"confirmed"}

    # All claims lists ana's own claims only
    _key(qtbot, window.article_view, Qt.Key.Key_L, CTRL)
    panel = window.claims_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=READ_MS)
    listed = {panel.model.record(r).id for r in range(panel.model.rowCount())}
    assert listed == {c.id for c in shown}

    # and the adjudication view does not show ben's versions to ana, who has not finished
    _key(qtbot, window.article_view, Qt.Key.Key_J, CTRL | SHIFT)
    adjudication = window.team.adjudication().view
    qtbot.waitUntil(lambda: adjudication.hidden_reason is not None, timeout=READ_MS)
    assert "you annotate this article too" in adjudication.hidden_reason
    assert adjudication.model.rowCount() == 0 and "Italian defence" not in adjudication.versions.toPlainText()


def test_an_article_outside_the_queue_shows_the_final_claims_and_says_so(qtbot, open_window, tmp_path):
    path = tmp_path / "team.quotedesk"
    briefing = team.build(path, ("ana", "ben"))
    team.decide_in_process(path, "ben")
    window = open_window(path, "lea")  # the lead: nothing assigned
    _open(window, briefing)
    assert window.shown_layer is None
    assert all(c.layer is None for c in window.article_view.claims())
    assert "not in your queue" in window.team.blind_banner.text()
    with Project.open(path, create=False) as project:
        assert not project.has_layer(briefing, "lea")  # looking does not make the lead an annotator


def test_blind_annotation_is_turned_on_after_asking_and_undone_with_ctrl_z(qtbot, open_window, tmp_path):
    path = tmp_path / "team.quotedesk"
    briefing = team.build(path, ("ana", "ben"), blind=False)
    window = open_window(path, "ana")
    _open(window, briefing)
    assert window.shown_layer is None and not window.team.blind_chip.isVisible()

    _answer(QMessageBox.StandardButton.Cancel)  # asked first: Cancel changes nothing
    window.actions["blind_mode"].trigger()
    assert not window.project.blind and not window.actions["blind_mode"].isChecked()

    _answer()
    window.actions["blind_mode"].trigger()
    assert window.project.blind and window.team.blind_chip.isVisible()
    assert window.shown_layer == "ana" and window.team.blind_banner.isVisible()
    window.activateWindow()  # back from the question (window shortcuts act in the active window)
    qtbot.waitUntil(window.isActiveWindow)

    _key(qtbot, window.article_view, Qt.Key.Key_Z, CTRL)
    assert not window.project.blind
    assert window.shown_layer is None and not window.team.blind_chip.isVisible()


# ---------------------------------------------------------------- assignment
def test_the_lead_assigns_round_robin_off_the_ui_thread_and_undoes_it(qtbot, open_window, tmp_path):
    path = tmp_path / "team.quotedesk"
    team.build(path, (), blind=False)
    window = open_window(path, "lea")
    asked = []

    def fill():
        dialog = window.team.assign_dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, fill)
            return
        dialog.check("ana", "ben", "cem")
        dialog.round_robin.setChecked(True)
        dialog.per_article.setValue(2)
        dialog.all_articles.setChecked(True)
        asked.append(dialog.summary.text())
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill)
    window.actions["assign"].trigger()
    qtbot.waitUntil(lambda: bool(asked) and window.team.assign_dialog is None, timeout=READ_MS)
    assert "round-robin to ana, ben, cem, 2 annotators per article" in asked[0]
    qtbot.waitUntil(lambda: not window.runner.tasks, timeout=READ_MS)
    progress = window.project.progress()
    assert sorted(p.assigned for p in progress.per_annotator) == [2, 2, 2]  # 3 articles × 2, spread evenly
    assert all(len(a.annotators) == 2 for a in progress.per_article)
    assert window.undo.undoText()

    window.activateWindow()  # back from the dialog (window shortcuts act in the active window)
    qtbot.waitUntil(window.isActiveWindow)
    _key(qtbot, window.article_view, Qt.Key.Key_Z, CTRL)
    assert not any(p.assigned for p in window.project.progress().per_annotator)


def test_the_assign_dialog_says_what_is_missing_before_it_can_assign(qtbot, tmp_path):
    from desktop.assign_dialog import AssignDialog

    path = tmp_path / "team.quotedesk"
    team.build(path, ("ana",), blind=False)
    with Project.open(path, create=False) as project:
        progress = project.progress()
        dialog = AssignDialog(project.annotators(), article_ids=project.article_list_ids(None),
                              fetch=lambda ids: project.articles(ids=ids), load=list(progress.per_annotator),
                              assigned={p.article_id: p.annotators for p in progress.per_article})
        qtbot.addWidget(dialog)
        dialog.show()
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled() and "Check the annotators" in dialog.summary.text()
        # Enter in the name field adds the name, checked; it never assigns
        dialog.new_name.setFocus()
        qtbot.keyClicks(dialog.new_name, "ana")
        qtbot.keyClick(dialog.new_name, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.checked() == ("ana",) and dialog.new_name.text() == ""
        dialog.per_article.setValue(2)
        assert not ok.isEnabled() and "at least that many" in dialog.summary.text()
        dialog.by_hand.setChecked(True)
        dialog.chosen_articles.setChecked(True)
        assert not ok.isEnabled() and "Select the articles" in dialog.summary.text()
        dialog.articles.selectRow(0)
        assert ok.isEnabled() and dialog.plan().article_ids == (project.article_list_ids(None)[0],)


# ---------------------------------------------------------------- agreement
def _agreement(qtbot, window):
    _key(qtbot, window.article_view, Qt.Key.Key_G, CTRL | SHIFT)
    view = window.team.agreement_dock().widget()
    qtbot.waitUntil(lambda: view.result is not None, timeout=READ_MS)
    return view


def test_agreement_view_shows_the_hand_computed_figures_per_article_and_for_the_project(qtbot, open_window,
                                                                                         tmp_path):
    path = tmp_path / "team.quotedesk"
    briefing = team.build(path, ("ana", "ben"))
    team.decide_in_process(path, "ana")
    team.decide_in_process(path, "ben")
    window = open_window(path, "lea")
    view = _agreement(qtbot, window)
    assert view.model.rowCount() == 1
    row = {view.model.headerData(c, Qt.Orientation.Horizontal): view.model.index(0, c).data()
           for c in range(view.model.columnCount())}
    assert row["Article"] == team.TITLE and row["Annotators"] == "ana (2), ben (3)"
    assert row["Span F1"] == "0.80" and row["Exact F1"] == "0.80"  # 2·2 / (2 + 3)
    assert row["Speaker"] == "0.50"  # Q1's speakers differ, Q2's agree
    assert "Span F1, partial match</td><td><b>0.80" in view.totals.text()
    assert "ana – ben" in view.totals.text()

    # double-click opens the article in the adjudication view
    view.table.doubleClicked.emit(view.proxy.index(0, 0))
    adjudication = window.team.adjudication().view
    qtbot.waitUntil(lambda: adjudication.article_id == briefing and adjudication.model.rowCount() > 0,
                    timeout=READ_MS)


def test_agreement_leaves_out_an_article_its_blind_annotator_has_not_seen_settled(qtbot, open_window, tmp_path):
    path = tmp_path / "team.quotedesk"
    team.build(path, ("ana", "ben"))
    team.decide_in_process(path, "ana", finish=False)
    team.decide_in_process(path, "ben")
    window = open_window(path, "ana")
    view = _agreement(qtbot, window)
    assert view.finished.isChecked() and view.model.rowCount() == 0  # ana has not finished: no pair yet
    assert "finished decisions" in view.totals.text()
    view.result = None
    view.finished.setChecked(False)  # work in progress too: ben's figures with ana's would show, but not to ana
    qtbot.waitUntil(lambda: view.result is not None, timeout=READ_MS)
    assert view.model.rowCount() == 0 and "1 left out" in view.totals.text()


# -------------------------------------------------------------- adjudication
def _adjudicate(qtbot, window):
    _key(qtbot, window.article_view, Qt.Key.Key_J, CTRL | SHIFT)
    win = window.team.adjudication()
    qtbot.waitExposed(win)
    view = win.view
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=READ_MS)
    return win, view


def _group_of(view, quote):
    return next(i for i, g in enumerate(view.model.groups)
                if any(c is not None and c.content.text == quote for c in g.versions))


def _press(qtbot, view, key, modifier=Qt.KeyboardModifier.NoModifier):
    view.groups.setFocus()
    qtbot.keyClick(view.groups, key, modifier)


def _finals(path, briefing):
    with Project.open(path, create=False) as project:
        return project.claims(ClaimFilter(article_id=briefing, statuses=("confirmed", "rejected")))


def test_adjudication_of_two_takes_a_version_with_a_key_undoes_it_and_settles_no_claim(qtbot, open_window,
                                                                                         tmp_path):
    path = tmp_path / "team.quotedesk"
    briefing = team.build(path, ("ana", "ben"))
    team.decide_in_process(path, "ana")
    team.decide_in_process(path, "ben")
    window = open_window(path, "lea")
    win, view = _adjudicate(qtbot, window)

    # only the disagreements: Q1 (speaker) and Q3 (ben alone); Q2 is the same for both
    assert view.annotators == ("ana", "ben")
    quotes = [{c.content.text for c in g.versions if c is not None} for g in view.model.groups]
    assert quotes == [{Q1}, {Q3}]
    html = view.versions.toHtml()
    assert "1 · ana" in html and "2 · ben" in html
    # every version of Q1 painted in the text, each in its annotator's colour
    start = team.TEXT.index(Q1)
    assert {(s, e, i) for s, e, i in view.text.painted} == {(start, start + len(Q1), 0), (start, start + len(Q1), 1)}

    # 2 takes ben's version; the view moves on to the next open disagreement
    view.groups.setCurrentIndex(view.model.index(_group_of(view, Q1), 0))
    _press(qtbot, view, Qt.Key.Key_2)
    finals = [c for c in _finals(path, briefing) if c.content.text == Q1]
    assert [(c.speaker, c.status, c.layer) for c in finals] == [("Italian defence ministry", "confirmed", None)]
    qtbot.waitUntil(lambda: view.model.groups[_group_of(view, Q1)].settled, timeout=READ_MS)
    assert view.current() is view.model.groups[_group_of(view, Q3)]
    taken = finals[0].id
    assert any(e.annotator == "lea" for e in window.project.claim_history(taken))  # audited

    # a key on a settled disagreement changes nothing, and says so
    view.groups.setCurrentIndex(view.model.index(_group_of(view, Q1), 0))
    _press(qtbot, view, Qt.Key.Key_1)
    assert [c.id for c in _finals(path, briefing) if c.content.text == Q1] == [taken]
    assert "Already settled" in win.status.text()
    assert "2 · ben  ✓ final" in view.versions.toPlainText() and "1 · ana  ✓" not in view.versions.toPlainText()
    assert view.form.isVisible() and view.form.claim.id == taken  # the final claim, ready for E

    # Ctrl+Z (in the adjudication window) undoes the settlement; 1 then takes ana's
    _press(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert not [c for c in _finals(path, briefing) if c.content.text == Q1]
    qtbot.waitUntil(lambda: not view.model.groups[_group_of(view, Q1)].settled, timeout=READ_MS)
    view.groups.setCurrentIndex(view.model.index(_group_of(view, Q1), 0))
    _press(qtbot, view, Qt.Key.Key_1)
    assert [c.speaker for c in _finals(path, briefing) if c.content.text == Q1] == ["Guido Crosetto"]

    # X on Q3: no claim (a rejected final claim stands for the decision)
    qtbot.waitUntil(lambda: view.current() is not None and view.current().claim_ids
                    and view.model.groups[_group_of(view, Q3)] is view.current(), timeout=READ_MS)
    _press(qtbot, view, Qt.Key.Key_X)
    assert [c.status for c in _finals(path, briefing) if c.content.text == Q3] == ["rejected"]
    qtbot.waitUntil(lambda: all(g.settled for g in view.model.groups), timeout=READ_MS)
    assert "<b>0</b> open of 2" in view.summary.text()

    # every annotator's version stays in their layer
    with Project.open(path, create=False) as project:
        assert {c.speaker for c in project.layer_claims(briefing, "ben") if c.content.text == Q1} == \
            {"Italian defence ministry"}


def test_adjudication_edits_the_final_claim_with_e(qtbot, open_window, tmp_path):
    path = tmp_path / "team.quotedesk"
    briefing = team.build(path, ("ana", "ben"))
    team.decide_in_process(path, "ana")
    team.decide_in_process(path, "ben")
    window = open_window(path, "lea")
    win, view = _adjudicate(qtbot, window)
    view.groups.setCurrentIndex(view.model.index(_group_of(view, Q1), 0))
    _press(qtbot, view, Qt.Key.Key_E)
    assert "Take a version first" in win.status.text()  # nothing to edit before a version is taken
    _press(qtbot, view, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: view.model.groups[_group_of(view, Q1)].settled, timeout=READ_MS)
    view.groups.setCurrentIndex(view.model.index(_group_of(view, Q1), 0))
    _press(qtbot, view, Qt.Key.Key_E)
    assert view.form.kind.hasFocus()
    view.form.speaker.setFocus()
    view.form.speaker.selectAll()
    qtbot.keyClicks(view.form.speaker, "Crosetto's office")
    qtbot.keyClick(view.form.speaker, Qt.Key.Key_Return)
    assert [c.speaker for c in _finals(path, briefing) if c.content.text == Q1] == ["Crosetto's office"]
    _press(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert [c.speaker for c in _finals(path, briefing) if c.content.text == Q1] == ["Guido Crosetto"]


def test_adjudication_of_three_has_a_key_and_a_colour_per_annotator(qtbot, open_window, tmp_path):
    path = tmp_path / "team.quotedesk"
    briefing = team.build(path, ("ana", "ben", "cem"))
    for name in ("ana", "ben", "cem"):
        team.decide_in_process(path, name)
    window = open_window(path, "lea")
    win, view = _adjudicate(qtbot, window)
    assert view.annotators == ("ana", "ben", "cem")
    assert "3 · cem" in view.versions.toHtml()

    # Q2: cem alone says in favour; 3 takes cem's version
    view.groups.setCurrentIndex(view.model.index(_group_of(view, Q2), 0))
    assert {i for _s, _e, i in view.text.painted} == {0, 1, 2}
    assert "Stance" in view.model.groups[_group_of(view, Q2)].differs()
    _press(qtbot, view, Qt.Key.Key_3)
    assert [c.stance for c in _finals(path, briefing) if c.content.text == Q2] == ["favor"]

    # Q3, after the emoji: painted on the right characters (code points, not UTF-16 units)
    view.groups.setCurrentIndex(view.model.index(_group_of(view, Q3), 0))
    start = team.TEXT.index(Q3)
    assert {(s, e) for s, e, _i in view.text.painted} == {(start, start + len(Q3))}
    selections = view.text.extraSelections()
    assert selections and all(sel.cursor.selectedText() == Q3 for sel in selections)
    # 1 is ana's "no claim" (she rejected Q3): settles it as no claim
    _press(qtbot, view, Qt.Key.Key_1)
    assert [c.status for c in _finals(path, briefing) if c.content.text == Q3] == ["rejected"]


def test_a_letter_in_an_open_menu_chooses_its_entry_and_never_the_claim_key_under_it(qtbot, open_window, tmp_path):
    """Alt+M then A is Team ▸ Assign articles…, not A (accept) on the claim under the menu."""
    path = tmp_path / "team.quotedesk"
    briefing = team.build(path, ("ana",), blind=False)
    window = open_window(path, "lea")
    _open(window, briefing)
    pending = window.claim_id
    assert window.project.claim(pending).status == "suggested"
    opened = []
    window.team._ask_assign = lambda *args: opened.append(args)  # the dialog itself is tested above
    menu = window.menu("Team")
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: bool(opened), timeout=READ_MS)
    assert not menu.isVisible()
    assert window.project.claim(pending).status == "suggested"


def _lead_adjudicating_with_ben_unfinished(qtbot, open_window, tmp_path):
    """(project path, adjudication view): ana finished, ben still working, the lead lea looking."""
    path = tmp_path / "team.quotedesk"
    team.build(path, ("ana", "ben"))
    team.decide_in_process(path, "ana")
    team.decide_in_process(path, "ben", finish=False)
    window = open_window(path, "lea")
    _key(qtbot, window.article_view, Qt.Key.Key_J, CTRL | SHIFT)
    return path, window.team.adjudication().view


def test_adjudication_waits_for_two_finished_annotators_unless_asked_for_work_in_progress(qtbot, open_window,
                                                                                        tmp_path):
    _, view = _lead_adjudicating_with_ben_unfinished(qtbot, open_window, tmp_path)
    qtbot.waitUntil(lambda: "Fewer than two annotators have finished" in view.summary.text(), timeout=READ_MS)
    assert view.model.rowCount() == 0 and "still working: ben" in view.summary.text()
    assert view.articles.currentText().startswith("waiting · ")
    view.finished_only.setChecked(False)  # their work so far
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=READ_MS)


def test_the_lead_sees_an_annotator_finish_in_another_process_without_reopening(qtbot, open_window, tmp_path):
    path, view = _lead_adjudicating_with_ben_unfinished(qtbot, open_window, tmp_path)
    qtbot.waitUntil(lambda: "still working: ben" in view.summary.text(), timeout=READ_MS)
    with Project.open(path, create=False) as project:  # ben's machine: finished
        project.finish_assignment(team.briefing_id(project), "ben", True)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=READ_MS)  # the window's poll brings it
