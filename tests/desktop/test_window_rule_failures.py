"""The window's suggestion task when a rule with a bug fails on one article: the run finishes, the
other articles get their suggestions, and the progress widget says in one line what it cost (with the
failures behind Details…), without an error dialog per article."""
from __future__ import annotations

import datetime as dt

from db import ClaimFilter, NewArticle, Project
from tests import failing_rules
from tests.failing_rules import TEXTS

TIMEOUT = 120_000


def test_a_failing_rule_is_one_line_in_the_window_and_the_run_goes_on(qtbot, project_path, make_window,
                                                                      monkeypatch):
    from app.suggest_errors import log_path
    from desktop.errors import open_dialogs

    monkeypatch.delenv("QUOTEDESK_STRICT_RULES", raising=False)  # what a user runs
    with Project.open(project_path) as p:
        ids = [p.add_article(NewArticle(text=t, title=f"Story {k}", published=dt.date(2024, 5, 17)))[0].id
               for k, t in enumerate(TEXTS)]
    failing_rules.install("article", monkeypatch.setattr)
    done = []
    window = make_window()  # the model is ready as the window opens: the run starts at once
    window.suggestions_done.connect(done.append)
    widget = window.runner.progress_widget()
    qtbot.waitUntil(lambda: bool(done), timeout=TIMEOUT)
    summary = done[0]
    assert summary.articles == [ids[0], ids[2]] and [aid for aid, _ in summary.skipped] == [ids[1]]
    claims = window.project.claims(ClaimFilter())
    assert {c.article_id for c in claims} == {ids[0], ids[2]} and summary.claims == len(claims)
    assert window.project.article_ids(lacking_suggestions=True) == [ids[1]]
    assert widget.label.text() == (f"Suggest claims: {len(claims)} suggestions in 2 articles; 1 article skipped "
                                   f"after an internal error, details in {log_path().name}.")
    assert widget.details_button.isVisible() and not open_dialogs()
    widget.details_button.click()
    box = widget.details_dialog
    qtbot.waitUntil(box.isVisible)
    assert box.detailedText().startswith(f"Article {ids[1]}: skipped, a suggestion rule failed (TypeError: ")
    assert f"logged with their tracebacks in {log_path()};" in box.detailedText()
    assert "Traceback" not in box.detailedText()  # that is in the log, with the article's id
    assert f"article {ids[1]}:" in log_path().read_text(encoding="utf-8")
    box.close()
