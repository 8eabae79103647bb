"""Where annotators' layers of an article differ, for adjudication.

Each annotator's decided claims (status confirmed) are grouped with the matching ``quotedesk eval``
and agreement use (``kernel.matching.group_pieces``: trimmed fragments, character Jaccard >= 0.5,
best pair first, never two claims of one annotator in a group). A group is agreed when every
annotator with a layer has a version and the versions have the same trimmed span, speaker, stance
and verdict. Suggestions every annotator rejected form agreed "no claim" groups (``rejected``).
``agreed_settlements`` turns the agreed, still open groups into decisions for ``Layers.settle``.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from kernel.matching import PARTIAL, group_pieces, pieces

from . import convert
from .articles import article_row
from .claims import claim_query
from .models import ArticleRow, AssignmentRow, ClaimRow, LayerRow
from .records import Claim, Disagreement, Settlement
from .store import Store


def _pieces(text: str, claim: Claim):
    return pieces(text, [(f.start, f.end) for f in claim.fragments])


def _differences(text: str, people: list[str], versions: list[Claim]) -> frozenset[str]:
    found = set()
    if len(versions) < len(people):
        found.add("missing")
    if len({_pieces(text, c) for c in versions}) > 1:
        found.add("span")
    if len({c.speaker_id for c in versions}) > 1:
        found.add("speaker")
    if len({c.stance for c in versions}) > 1:
        found.add("stance")
    if len({c.verdict_rating for c in versions}) > 1:
        found.add("verdict")
    return frozenset(found)


def _grouped(text: str, people: list[str], claims: dict[str, list[Claim]]) -> list[dict[str, Claim]]:
    sides = {p: [_pieces(text, c) for c in claims[p]] for p in people}
    return [{p: claims[p][i] for p, i in g.items()} for g in group_pieces(sides, PARTIAL)]


def _groups(text: str, people: list[str], claims: list[Claim]) -> list[tuple[dict[str, Claim], frozenset[str], bool]]:
    """(group, differences, everyone rejected) of one article's decided layer claims."""
    decided: dict[str, list[Claim]] = {p: [] for p in people}
    rejected: dict[str, list[Claim]] = {p: [] for p in people}
    for claim in claims:
        (decided if claim.status == "confirmed" else rejected)[claim.layer].append(claim)
    found = [(g, _differences(text, people, list(g.values())), False) for g in _grouped(text, people, decided)]
    found += [(g, frozenset(), True) for g in _grouped(text, people, rejected) if len(g) == len(people)]
    return found


class Disagreements:
    def __init__(self, store: Store):
        self._store = store

    def groups(self, article_id: int, *, finished_only: bool = False) -> list[Disagreement]:
        """Every group of matched claims of an article's layers (agreed or not, settled or not), in text order."""
        with self._store.reading() as s:
            text = article_row(s, article_id).text
            people = self._people(s, [article_id], finished_only).get(article_id, [])
            if not people:
                return []
            claims = self._claims(s, [article_id], people)
            found = _groups(text, people, claims)
            settled_ids = sorted({c.settled_by for g, _, _ in found for c in g.values() if c.settled_by is not None})
            finals = {r[0].id: convert.claim(*r) for r in s.execute(claim_query().where(ClaimRow.id.in_(settled_ids)))}
        out = []
        for group, differences, everyone_rejected in found:
            settled = next((finals.get(c.settled_by) for c in group.values() if c.settled_by is not None), None)
            out.append(Disagreement(article_id=article_id, versions={p: group.get(p) for p in people},
                                    differences=differences, settled=settled, rejected=everyone_rejected))
        return sorted(out, key=lambda d: (d.start, d.rejected, d.claim_ids))

    def open_counts(self, article_ids: Sequence[int] | None = None, *, finished_only: bool = False) -> dict[int, int]:
        """How many disagreements adjudication has not settled, per article with layers (in bulk: a few
        queries per 200 articles, for an adjudication list over a whole project)."""
        out: dict[int, int] = {}
        with self._store.reading() as s:
            if article_ids is None:
                wanted = list(s.scalars(select(LayerRow.article_id).distinct().order_by(LayerRow.article_id)))
            else:
                wanted = sorted(set(article_ids))
            for i in range(0, len(wanted), 200):
                chunk = wanted[i:i + 200]
                people = self._people(s, chunk, finished_only)
                everyone = sorted({p for names in people.values() for p in names})
                claims = self._claims(s, chunk, everyone)
                texts = dict(s.execute(select(ArticleRow.id, ArticleRow.text).where(ArticleRow.id.in_(list(people)))).all())
                for article_id, names in people.items():
                    mine = [c for c in claims if c.article_id == article_id and c.layer in names]
                    out[article_id] = sum(
                        1 for g, differences, _ in _groups(texts[article_id], names, mine)
                        if differences and any(c.settled_by is None for c in g.values()))
        return out

    @staticmethod
    def _people(s, article_ids: list[int], finished_only: bool) -> dict[int, list[str]]:
        """Who has a layer of each article (only those who finished it, with ``finished_only``), by name."""
        out: dict[int, list[str]] = {}
        for article_id, who in s.execute(select(LayerRow.article_id, LayerRow.annotator)
                                         .where(LayerRow.article_id.in_(article_ids))
                                         .order_by(LayerRow.article_id, LayerRow.annotator)):
            out.setdefault(article_id, []).append(who)
        if finished_only:
            done = set(s.execute(select(AssignmentRow.article_id, AssignmentRow.annotator).where(
                AssignmentRow.article_id.in_(article_ids), AssignmentRow.finished_at.is_not(None))).all())
            out = {a: [p for p in names if (a, p) in done] for a, names in out.items()}
            out = {a: names for a, names in out.items() if names}
        return out

    @staticmethod
    def _claims(s, article_ids: list[int], people: list[str]) -> list[Claim]:
        """The decided (confirmed or rejected) layer claims of these people in these articles, in text order."""
        q = claim_query().where(ClaimRow.article_id.in_(article_ids), ClaimRow.layer.in_(people),
                                ClaimRow.status.in_(("confirmed", "rejected")))
        return [convert.claim(*r) for r in s.execute(q.order_by(ClaimRow.article_id, ClaimRow.start, ClaimRow.id))]

    def disagreements(self, article_id: int, *, open_only: bool = False,
                      finished_only: bool = False) -> list[Disagreement]:
        return [d for d in self.groups(article_id, finished_only=finished_only)
                if not d.agreed and not (open_only and d.is_settled)]

    def agreed_settlements(self, article_id: int) -> list[Settlement]:
        """Decisions settling every agreed group none of whose versions is settled yet."""
        out = []
        for d in self.groups(article_id):
            if not d.agreed or len(d.open_ids) != len(d.claim_ids):
                continue
            if d.rejected:
                out.append(Settlement(replaces=d.claim_ids, reject=True))
            else:
                out.append(Settlement(take=d.claim_ids[0], replaces=d.claim_ids[1:]))
        return out
