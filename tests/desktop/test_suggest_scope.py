"""File > Suggest statements only: a checkable action that is the project's suggestion scope."""
from __future__ import annotations


def test_suggest_statements_only_toggles_the_project_setting(qtbot, make_window, project_path):
    from app.suggesting import SCOPE_KEY, engine_for, project_scope
    from db import Project

    window = make_window()
    action = window.actions["suggest_statements"]
    assert action.isCheckable() and not action.isChecked()
    assert project_scope(window.project) == "all"
    file_menu = next(m for m in window.menuBar().findChildren(type(window.menuBar().actions()[0].menu()))
                     if action in m.actions())
    assert file_menu.title().replace("&", "") == "File"
    action.trigger()
    assert action.isChecked() and window.project.get_config(SCOPE_KEY) == "statements"
    assert "statements only" in window.statusBar().currentMessage()
    assert engine_for(window.project, window.nlp).engine.scope == "statements"  # what the next run uses
    window.close()
    with Project.open(project_path) as p:  # saved in the project file
        assert project_scope(p) == "statements"
    again = make_window()
    assert again.actions["suggest_statements"].isChecked()  # the window shows the project's setting
    again.actions["suggest_statements"].trigger()
    assert project_scope(again.project) == "all" and not again.actions["suggest_statements"].isChecked()
