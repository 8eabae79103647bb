"""Remembered projects and the claim table's filters."""

import datetime as dt

from PySide6.QtCore import QDate

from db import ClaimDraft, NewArticle, Span
from desktop.claims_panel import ANY_DATE, ClaimsPanel
from desktop.task_runner import TaskRunner
from kernel import NO_STANCE


def test_recent_projects_keep_the_newest_first_without_duplicates(settings):
    for name in ("a", "b", "a", "c"):
        settings.remember_project(f"/p/{name}.quotedesk")
    assert settings.recent_projects() == ["/p/c.quotedesk", "/p/a.quotedesk", "/p/b.quotedesk"]
    assert settings.last_project() == "/p/c.quotedesk"
    settings.forget_project("/p/c.quotedesk")
    assert settings.last_project() is None and "/p/c.quotedesk" not in settings.recent_projects()


def test_recent_projects_are_capped(settings):
    for i in range(20):
        settings.remember_project(f"/p/{i}.quotedesk")
    assert len(settings.recent_projects()) == 8


def test_claim_filters_narrow_by_status_stance_speaker_dates_and_search(qtbot, project):
    """The claims table selects with the one claims filter (SQL); "not judged" is a claim without a stance."""
    text = "One. Two. Three. Four."
    article, _ = project.add_article(NewArticle(text=text))
    project.save_suggestions(article.id, [
        ClaimDraft(content=Span(0, 4, "One."), speaker="A", stance="favor", date=dt.date(2025, 1, 1)),
        ClaimDraft(content=Span(5, 9, "Two."), speaker="B", stance="against", date=dt.date(2025, 2, 1)),
        ClaimDraft(content=Span(10, 16, "Three."), speaker="A"),
    ])
    project.confirm_claim(project.claims()[0].id)
    runner = TaskRunner()
    panel = ClaimsPanel(runner)
    qtbot.addWidget(panel)
    panel.project = project
    panel.set_registry(project.speakers(), project.topics())

    def shown(change=None):
        with qtbot.waitSignal(runner.task_ended, timeout=10_000):
            change() if change else panel.reload()
        return sorted(panel.model.index(r, 2).data() for r in range(panel.model.rowCount()))

    def choose(combo, value):
        return lambda: combo.setCurrentIndex(combo.findData(value))

    assert shown() == ["One.", "Three.", "Two."]
    assert shown(choose(panel.status, "suggested")) == ["Three.", "Two."]
    assert shown(choose(panel.stance, NO_STANCE)) == ["Three."]
    assert panel.count.text() == "1 of 3 claims"
    assert [c.content.text for c in project.claims(panel.claim_filter())] == ["Three."]  # the same filter
    shown(choose(panel.status, None))
    shown(choose(panel.stance, None))
    assert shown(choose(panel.speaker, project.find_speaker("A").id)) == ["One.", "Three."]
    shown(choose(panel.speaker, None))
    assert shown(lambda: panel.date_from.setDate(QDate(2025, 1, 15))) == ["Two."]
    panel.date_from.blockSignals(True)
    panel.date_from.setDate(ANY_DATE)
    panel.date_from.blockSignals(False)
    assert shown(lambda: (panel.search.setText("three"), panel._filters_changed())) == ["Three."]
