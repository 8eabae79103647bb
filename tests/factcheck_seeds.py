"""The seed articles with their peacekeeping claims confirmed, as a fact-checker would leave them.

Shared by the registry, timeline, fact-check view and report tests. Claims are placed by
``str.find`` on the stored article text, so they follow whatever the importer keeps.
"""

from __future__ import annotations

import datetime as dt

from db import ClaimDraft, Project, Span
from app.projects import SEED_TOPIC, seed_project

GOVERNMENT = "Government of Italy"
CROSETTO_QUOTE = "Italy is willing to participate in a possible peacekeeping mission in Ukraine"
CROSETTO_QUOTE_2 = ("We are willing to play this role, a role in which we have always distinguished ourselves "
                    "as a nation")
OFFICE_QUOTE = ("Italy does not plan to participate in a peacekeeping force on the ground in eastern Ukraine "
                "to guarantee a potential ceasefire")
OFFICE_QUOTE_2 = "Italy does not have plans to participate in a peacekeeping force on the ground in Ukraine"
MELONI_QUOTE = "We need to think about more durable solutions"
STUBB_QUOTE = "It is still too early to talk about putting troops on the ground because we don’t have a ceasefire"
MACRON_QUOTE = "the idea of sending an international contingent to Ukraine to monitor a future truce"


def span(text: str, needle: str) -> Span:
    start = text.find(needle)
    assert start >= 0, f"{needle!r} is not in the article"
    return Span(start, start + len(needle), needle)


def article_with(project: Project, needle: str):
    for summary in project.articles():
        art = project.article(summary.id)
        if needle in art.text:
            return art
    raise AssertionError(f"no seed article contains {needle!r}")


def confirm(project: Project, quote: str, *, speaker: str, mention: str, role: str | None,
            date: dt.date | None, stance: str | None, topic: str | None = SEED_TOPIC, kind: str = "indirect",
            annotator: str = "tester") -> int:
    art = article_with(project, quote)
    claim, _ = project.add_claim(art.id, ClaimDraft(
        content=span(art.text, quote), kind=kind, speaker=speaker, mention=span(art.text, mention), role=role,
        date=date, stance=stance, topic=topic, status="confirmed", origin="manual"), annotator=annotator)
    return claim.id


def seed_claims(project: Project, *, crosetto: str = "favor", office: str = "against",
                extra: bool = False) -> dict[str, int]:
    """Import the seeds and confirm Crosetto's (Dec 12 2024) and Meloni's office's (Mar 15 2025) claims.

    With ``extra``, also Meloni herself (Mar 6), a second claim each, Finland's Stubb and Macron,
    for a fuller timeline. Returns claim ids by name.
    """
    seed_project(project)
    ids = {
        "crosetto": confirm(project, CROSETTO_QUOTE, speaker="Guido Crosetto", mention="Guido Crosetto",
                            role="Italian Defense Minister", date=dt.date(2024, 12, 12), stance=crosetto),
        "office": confirm(project, OFFICE_QUOTE, speaker="Giorgia Meloni's office",
                          mention="Giorgia Meloni's office", role="Italian Prime Minister",
                          date=dt.date(2025, 3, 15), stance=office),
    }
    affiliations = {"Guido Crosetto": GOVERNMENT, "Giorgia Meloni's office": GOVERNMENT}
    if extra:
        ids["crosetto_2"] = confirm(project, CROSETTO_QUOTE_2, kind="direct", speaker="Guido Crosetto",
                                    mention="Crosetto",
                                    role="Italian Defense Minister", date=dt.date(2024, 12, 12), stance=crosetto)
        ids["office_2"] = confirm(project, OFFICE_QUOTE_2, speaker="Giorgia Meloni's office",
                                  mention="Meloni's office", role="Italian Prime Minister",
                                  date=dt.date(2025, 3, 15), stance=office)
        ids["meloni"] = confirm(project, MELONI_QUOTE, kind="direct", speaker="Giorgia Meloni", mention="Meloni",
                                role="Italian Prime Minister", date=dt.date(2025, 3, 6), stance="against")
        ids["stubb"] = confirm(project, STUBB_QUOTE, kind="direct", speaker="Alexander Stubb",
                               mention="Alexander Stubb",
                               role="Finnish President", date=dt.date(2025, 3, 15), stance="neutral")
        ids["macron"] = confirm(project, MACRON_QUOTE, speaker="Emmanuel Macron", mention="Emmanuel Macron",
                                role="French President", date=None, stance="favor")
        affiliations.update({"Giorgia Meloni": GOVERNMENT, "Alexander Stubb": "Government of Finland",
                             "Emmanuel Macron": "Government of France"})
    for name, affiliation in affiliations.items():
        project.update_speaker(project.find_speaker(name).id, affiliation=affiliation, annotator="tester")
    return ids
