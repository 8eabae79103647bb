"""The claims table's first rows sorted by article title are read from the first articles in title order
(``db.claims._first_by_article``): they must be exactly the first rows of the whole sort, whatever the
filter, the direction, ties between titles, untitled articles and the page size."""

from __future__ import annotations

import dataclasses

import pytest

from db import ClaimDraft, ClaimFilter, NewArticle, Span
from db import claims as claims_module

TITLES = ("Budget", "budget", None, "Avalanche", "Zebra crossing", "", "Budget", "Émile", "alpha")


def fill(project) -> None:
    """27 articles: titles that tie when case is ignored, untitled ones, one without claims; 1-5 claims each."""
    speakers = ("Ann Lee", "Bo Chan", "Cy Diaz")
    for a in range(27):
        title = TITLES[a % len(TITLES)]
        n = (a * 7) % 6  # 0 to 5 claims
        chunks = [f"“Line {a}-{i} 😀 holds,” said {speakers[(a + i) % 3]}. " for i in range(max(n, 1))]
        text = "".join(chunks)
        article, _ = project.add_article(NewArticle(text=text, title=title))
        drafts, at = [], 0
        for i, chunk in enumerate(chunks[:n]):
            end = at + chunk.index("”")
            drafts.append(ClaimDraft(content=Span(at + 1, end, text[at + 1:end]), kind="direct",
                                     speaker=speakers[(a + i) % 3]))
            at += len(chunk)
        if drafts:
            project.save_suggestions(article.id, list(reversed(drafts)))  # stored out of text order


@pytest.mark.parametrize("articles", [256, 3])  # all the project's articles; a few, then the one query
def test_first_rows_by_article_are_the_first_rows_of_the_whole_sort(project, monkeypatch, articles):
    monkeypatch.setattr(claims_module, "FIRST_ARTICLES", articles)
    fill(project)
    some = project.claims()
    project.confirm_claim(some[3].id)
    project.confirm_claim(some[10].id)
    bo = project.find_speaker("Bo Chan").id
    filters = [ClaimFilter(), ClaimFilter(statuses=("confirmed",)), ClaimFilter(speaker_id=bo),
               ClaimFilter(text="holds"), ClaimFilter(text="nothing like it")]
    for f in filters:
        for descending in (False, True):
            whole = project.claim_ids(f, sort="article", descending=descending)
            for limit in (1, 2, 7, 40, 1000):
                first = project.claim_ids(dataclasses.replace(f, limit=limit), sort="article", descending=descending)
                assert first == whole[:limit], (f, descending, limit)
    assert len(project.claim_ids(sort="article")) == project.count_claims() > 40
