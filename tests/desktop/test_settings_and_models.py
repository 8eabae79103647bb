"""Remembered projects and the claim table's filters."""

import datetime as dt

from db import NewArticle, ClaimDraft, Span
from desktop.models import ClaimFilterProxy, ClaimTableModel


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


def test_claim_filters_narrow_by_status_stance_speaker_and_dates(qapp, project):
    text = "One. Two. Three. Four."
    article, _ = project.add_article(NewArticle(text=text))
    project.save_suggestions(article.id, [
        ClaimDraft(content=Span(0, 4, "One."), speaker="A", stance="favor", date=dt.date(2025, 1, 1)),
        ClaimDraft(content=Span(5, 9, "Two."), speaker="B", stance="against", date=dt.date(2025, 2, 1)),
        ClaimDraft(content=Span(10, 16, "Three."), speaker="A"),
    ])
    claims = project.claims()
    project.confirm_claim(claims[0].id)
    model = ClaimTableModel()
    model.set_records(project.claims())
    proxy = ClaimFilterProxy()
    proxy.setSourceModel(model)

    def shown():
        return sorted(proxy.index(r, 2).data() for r in range(proxy.rowCount()))

    assert shown() == ["One.", "Three.", "Two."]
    proxy.set_filter(status="suggested")
    assert shown() == ["Three.", "Two."]
    proxy.set_filter(status=None, stance="none")
    assert shown() == ["Three."]
    proxy.set_filter(stance=None, speaker_id=project.find_speaker("A").id)
    assert shown() == ["One.", "Three."]
    proxy.set_filter(speaker_id=None, date_from=dt.date(2025, 1, 15))
    assert shown() == ["Two."]
    proxy.set_filter(date_from=None, ids=frozenset({claims[2].id}))
    assert shown() == ["Three."]
