"""Suggest speakers' affiliations and roles from what the articles say about them. No Qt here.

After suggestions are stored, each speaker without an affiliation gets the one its
claims state ("Italian Defense Minister" -> Government of Italy, see
``annotate.affiliation``), as a *suggested* affiliation: it is used at once (the
stance changes and the timeline group by it), the registry shows it as suggested
with the words it came from, and a person confirms or edits it there. A speaker
without roles gets the titles its claims give it. Changes are recorded under the
annotator ``model``, so they are audited but not in a person's undo history.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from annotate.affiliation import Affiliation, infer
from annotate.guard import RuleFailure, strict
from db import Changes, ClaimFilter, Project
from kernel.vocab import SYSTEM_ACTOR

CONFIG_KEY = "affiliation_suggestions"  # {speaker id: {affiliation, evidence, claim_id, confirmed}}
MODEL = SYSTEM_ACTOR
CONTEXT = 160  # code points before the mention that may hold the speaker's title


@dataclass(frozen=True)
class AffiliationSuggestion:
    speaker_id: int
    affiliation: str
    evidence: str
    claim_id: int | None
    confirmed: bool = False


def suggestions(project: Project) -> dict[int, AffiliationSuggestion]:
    """The affiliations suggested so far, by speaker id."""
    stored = project.get_config(CONFIG_KEY, {}) or {}
    out = {}
    for key, value in stored.items():
        try:
            out[int(key)] = AffiliationSuggestion(int(key), str(value["affiliation"]), str(value.get("evidence", "")),
                                                  value.get("claim_id"), bool(value.get("confirmed", False)))
        except (KeyError, TypeError, ValueError):
            continue  # a hand-edited config entry that is not ours: ignore it
    return out


def pending(project: Project) -> dict[int, AffiliationSuggestion]:
    """Suggested affiliations still in place and not yet confirmed by a person."""
    speakers = {s.id: s for s in project.speakers()}
    return {sid: sug for sid, sug in suggestions(project).items()
            if not sug.confirmed and sid in speakers and speakers[sid].affiliation == sug.affiliation}


def confirm(project: Project, speaker_id: int) -> None:
    """A person keeps the suggested affiliation: it is no longer shown as suggested."""
    stored = dict(project.get_config(CONFIG_KEY, {}) or {})
    if str(speaker_id) in stored:
        stored[str(speaker_id)] = {**stored[str(speaker_id)], "confirmed": True}
        project.set_config(CONFIG_KEY, stored)


def suggest_affiliations(project: Project, failed: list[tuple[int, int, RuleFailure]] | None = None) -> Changes:
    """Give speakers without an affiliation the one their claims state, and roles to those without.

    Only the speakers still missing one of the two are looked at, and of their claims only the few
    columns needed are read (a full claim record each was 5 s for 120,000 claims). The affiliation rules
    failing on a claim (a bug, ``annotate.guard``) cost that claim's evidence only: (speaker id, article
    id, the failure) goes to ``failed`` (raised again under QUOTEDESK_STRICT_RULES).
    """
    stored = dict(project.get_config(CONFIG_KEY, {}) or {})
    changes = Changes()
    for speaker in project.speakers():
        # an affiliation set by a person, or suggested before (and perhaps cleared by a person): leave it
        settled = bool(speaker.affiliation) or str(speaker.id) in stored
        if speaker.roles and settled:
            continue
        roles: dict[str, None] = {}
        found: list[tuple[Affiliation, int]] = []
        article_id, text = None, ""  # the article in hand (claims come article by article)
        for claim in project.stream_claim_values(ClaimFilter(speaker_id=speaker.id), fields=_FIELDS):
            if claim.status == "rejected":
                continue
            role = (claim.role or "").strip()
            if role:
                roles[role] = None
            if settled:
                continue
            before = None
            if claim.mention_start is not None and claim.mention_end is not None:
                if claim.article_id != article_id:
                    article_id, text = claim.article_id, project.article(claim.article_id).text
                before = text[max(0, claim.mention_start - CONTEXT):claim.mention_end]
            try:
                hit = infer(claim.role, before, speaker.name)
            except Exception as exc:  # noqa: BLE001 - a rule's bug costs this claim's evidence, not the run
                if strict() or isinstance(exc, MemoryError):
                    raise
                if failed is not None:
                    failed.append((speaker.id, claim.article_id,
                                   RuleFailure.of("affiliation", exc, claim.mention_start)))
                continue
            if hit is not None:
                found.append((hit, claim.id))
        if not speaker.roles:
            for role in roles:
                changes = changes | project.add_speaker_role(speaker.id, role, annotator=MODEL)
        if not found:
            continue
        best, _ = Counter(a.affiliation for a, _ in found).most_common(1)[0]
        hit, claim_id = next((a, cid) for a, cid in found if a.affiliation == best)
        changes = changes | project.update_speaker(speaker.id, annotator=MODEL, affiliation=best)
        stored[str(speaker.id)] = {"affiliation": best, "evidence": hit.evidence, "claim_id": claim_id}
    project.set_config(CONFIG_KEY, stored)
    return changes


_FIELDS = ("id", "article_id", "status", "role", "mention_start", "mention_end")
