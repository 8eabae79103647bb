"""ClaimReview JSON-LD (schema.org) for claims that have a verdict.

One ``ClaimReview`` per claim with a verdict rating, in an ``@graph`` under the
schema.org context: the claim reviewed, the rating (its name as
``alternateName``, a 1–5 ``ratingValue`` where the rating has one), and the
reviewed ``Claim`` with its author (a Person with a jobTitle), the date it was
made and where it appeared (the article). A split quote is reviewed as its fragments joined
with " … ", without the attribution between them.
"""

from __future__ import annotations

import json
import time

from db import ClaimFilter, Project
from kernel import VERDICT_RATINGS

from .common import Cancel, Cancelled, ExportSummary, Progress, Scope, Ticker, finish, iso, output

_RATINGS = {name.casefold(): value for name, value in VERDICT_RATINGS.items()}


def review(c, article, organization: str | None) -> dict:
    rating = {"@type": "Rating", "alternateName": c.verdict_rating}
    value = _RATINGS.get(c.verdict_rating.casefold())
    if value is not None:
        rating.update(ratingValue=value, bestRating=5, worstRating=1)
    appearance = {"@type": "CreativeWork", "url": article.url, "headline": article.title,
                  "datePublished": iso(article.published)}
    if article.publisher:
        appearance["publisher"] = {"@type": "Organization", "name": article.publisher}
    item = {"@type": "Claim", "appearance": {k: v for k, v in appearance.items() if v is not None},
            "datePublished": iso(c.date or article.published)}
    if c.speaker:
        author = {"@type": "Person", "name": c.speaker}
        if c.role:
            author["jobTitle"] = c.role
        item["author"] = author
    out = {"@type": "ClaimReview", "identifier": f"quotedesk-claim-{c.id}", "claimReviewed": c.quote,
           "reviewRating": rating, "itemReviewed": {k: v for k, v in item.items() if v is not None},
           "datePublished": iso(c.verdict_date or c.updated_at.date())}
    if c.verdict_url:
        out["url"] = c.verdict_url
    if c.verdict_explanation:
        out["reviewBody"] = c.verdict_explanation
    if organization:
        out["author"] = {"@type": "Organization", "name": organization}
    return out


_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                                "\u2029": "\\u2029"})


def script_safe(json_text: str) -> str:
    """JSON that can be pasted into a <script type="application/ld+json"> element as is: a claim or
    a title containing "</script>" or "<!--" cannot end the element (those characters occur only
    inside JSON strings, where the \\u escapes mean the same)."""
    return json_text.translate(_SCRIPT_UNSAFE)


def export_claimreview(project: Project, path, *, claim_filter: ClaimFilter | None = None, statuses=None,
                       article_id: int | None = None, organization: str | None = None,
                       progress: Progress | None = None, cancelled: Cancelled | None = None) -> ExportSummary:
    """Write ClaimReviews for the claims in scope that have a verdict rating (others are skipped)."""
    started = time.perf_counter()
    scope = Scope.of(claim_filter, statuses, article_id).checked(project)
    organization = organization or project.get_config("organization")
    ticker = Ticker(project.count_claims(scope.claim_filter), progress, cancelled)
    reviews, articles, cache = [], set(), {}
    try:
        for c in project.stream_claims(scope.claim_filter):
            if ticker.step():
                raise Cancel
            if not (c.verdict_rating and c.verdict_rating.strip()):
                continue
            if c.article_id not in cache:
                cache.clear()
                cache[c.article_id] = project.article(c.article_id)
            reviews.append(review(c, cache[c.article_id], organization))
            articles.add(c.article_id)
        text = json.dumps({"@context": "https://schema.org", "@graph": reviews}, ensure_ascii=False, indent=1)
        with output(path) as fh:
            fh.write(script_safe(text))
    except Cancel:
        return finish("claimreview", path, started, claims=len(reviews), articles=len(articles), cancelled=True)
    ticker.finish()
    skipped = ticker.done - len(reviews)
    warnings = [f"{skipped:,} claim(s) without a verdict were left out."] if skipped else []
    return finish("claimreview", path, started, claims=len(reviews), articles=len(articles), warnings=warnings)
