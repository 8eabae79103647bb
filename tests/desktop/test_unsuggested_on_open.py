"""Opening a project with many never-suggested articles: they are suggested visibly in the background,
with a count beside the bar and a Cancel that keeps what was stored."""

from __future__ import annotations

from db import NewArticle, Project

ARTICLES = 120


def test_a_project_with_many_unsuggested_articles_suggests_them_visibly_and_can_stop(qtbot, project_path,
                                                                                     make_window):
    with Project.open(project_path) as p:
        for i in range(ARTICLES):
            p.add_article(NewArticle(text=f"Mayor Lina Ortiz {i} said the bridge would reopen in May 🌉.\n\n"
                                          f"“We are nearly done,” Ortiz said about bridge {i}.",
                                     title=f"Bridge {i}"))
    window = make_window()  # the model is ready as the window opens: the run starts at once
    widget = window.runner.progress_widget()
    assert f"{ARTICLES} articles have no suggestions yet" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: widget.label.text().startswith("Suggest claims… ")
                    and not widget.label.text().startswith("Suggest claims… 0 of"), timeout=60_000)
    assert widget.label.text().endswith(f" of {ARTICLES}") and widget.cancel_button.isVisible()
    done = []
    window.suggestions_done.connect(done.append)
    widget.cancel_button.click()
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    summary = done[0]
    assert summary.cancelled and 0 < len(summary.articles) < ARTICLES
    left = window.project.article_ids(lacking_suggestions=True)
    assert len(left) == ARTICLES - len(summary.articles)
    assert window.project.count_claims() > 0
