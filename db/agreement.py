"""A project's annotator agreement: its layers read in bulk and scored by ``kernel.agreement``.

The one reader behind ``quotedesk agreement``, the workbook's Agreement sheet and the window's view.
An annotator's claims are their layer's decided ones (status confirmed: accepted, edited or marked by
them); suggestions they did not decide and claims they rejected are not claims of theirs. Every
annotator with a layer of the article counts, also one whose layer holds no claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kernel.agreement import Agreement, AgreementClaim, ArticleLayers, agreement

if TYPE_CHECKING:
    from .project import Project


def project_agreement(project: Project, article_ids: Sequence[int] | None = None, *,
                      finished_only: bool = False) -> Agreement:
    """Agreement on the given articles (default: every article with at least two annotators' layers).

    With ``finished_only`` an annotator counts on an article only once they marked it finished.
    Articles left with fewer than two annotators are left out of the figures."""
    wanted = project.annotated_articles() if article_ids is None else sorted(set(article_ids))
    if not wanted:
        return agreement([])
    people = project.layer_annotators_by_article(wanted)
    if finished_only:
        done = {p.article_id: set(p.finished) for p in project.progress().per_article}
        people = {a: tuple(n for n in names if n in done.get(a, ())) for a, names in people.items()}
    wanted = [a for a in wanted if len(people.get(a, ())) >= 2]
    claims: dict[int, dict[str, list[AgreementClaim]]] = {a: {n: [] for n in people[a]} for a in wanted}
    for v in project.stream_layer_values(wanted):
        layers = claims.get(v.article_id)
        if layers is None or v.status != "confirmed" or v.layer not in layers:
            continue
        layers[v.layer].append(AgreementClaim(v.start, v.end, v.fragments, v.speaker, v.stance,
                                              v.verdict_rating, v.claim_id))
    return agreement(ArticleLayers(a.id, a.text, claims[a.id], a.title or "") for a in project.iter_articles(wanted))

