"""The Italy story in the window on the default project's content, with the real model and keys only:
suggestions arrive, A accepts every one, and View -> Stance changes shows the reversal first."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.desktop.test_main_window import TIMEOUT


def test_accepting_every_suggestion_shows_the_italy_reversal_in_stance_changes_and_timeline(
        qtbot, make_window, project_path):
    from db import Project
    from app.projects import seed_project

    with Project.open(project_path) as project:
        seed_project(project)
    window = make_window()
    with qtbot.waitSignal(window.suggestions_done, timeout=TIMEOUT):
        pass
    qtbot.waitUntil(lambda: not window.runner.tasks, timeout=TIMEOUT)
    window.refresh_registry()
    for _ in range(window.article_model.rowCount()):
        window.article_view.setFocus()
        for _ in range(len(window.article_view.claims())):
            if not any(c.status == "suggested" for c in window.article_view.claims()):
                break
            qtbot.keyClick(window.article_view, Qt.Key.Key_A)
        qtbot.keyClick(window.article_view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert not [c for c in window.project.claims() if c.status == "suggested"]

    actions = {a.text(): a for a in window.menu("View").actions()}
    actions["Stance changes"].trigger()
    view = window.factcheck.views["stance"]
    qtbot.waitUntil(lambda: bool(view.changes))
    first = view.changes[0]
    assert (first.group, first.strength) == ("Government of Italy", "reversal")
    html = view.browser.toHtml()
    assert "Government of Italy" in html and "IN FAVOUR" in html and "REVERSAL" in html
    actions["Speaker registry"].trigger()
    speakers = window.factcheck.views["speakers"]
    row = next(r for r in range(speakers.model.rowCount()) if speakers.model.record(r).name == "Guido Crosetto")
    shown = speakers.model.index(row, 2).data()
    assert shown == "Government of Italy (suggested)"
    speakers.select_speaker(speakers.model.record(row).id)
    assert "Italian Defense Minister" in speakers.suggestion.text()
    assert "Italian Defense Minister" in speakers.roles.text()
    actions["Stance timeline"].trigger()
    timeline = window.factcheck.views["timeline"]
    timeline.set_grouping("affiliation")
    labels = [lane.label for lane in timeline.lanes]
    italy = next(lane for lane in timeline.lanes if lane.label == "Government of Italy")
    assert {p.stance for p in italy.points} == {"favor", "against"}, labels
