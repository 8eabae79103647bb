"""How far annotators agree: claim spans, speakers, stance and verdict (pure: no Qt, no database).

Input, per article: its text and each annotator's decided claims (:class:`AgreementClaim`).

* **Spans**, per pair of annotators: claims are matched one to one as ``quotedesk eval`` matches
  them (:mod:`kernel.matching`: trimmed fragments, character Jaccard >= 0.5 "partial", = 1
  "exact"). F1 = 2·matched / (claims of A + claims of B), which is the eval's F1 with either
  annotator taken as the gold (it is symmetric).
* **Speaker**, per pair: the share of partially matched claims naming the same speaker (case and
  spacing ignored; two claims without a speaker agree).
* **Stance and verdict**: labels on matched claims. A claim without a stance ("not judged") or
  without a verdict is a missing value, not a label. Cohen's κ per pair of annotators, over the
  pair's matched claims both labelled. Krippendorff's α (nominal) over any number of annotators:
  the units are the groups of matched claims (:func:`kernel.matching.group_pieces`), an annotator
  without the claim or without a label being missing; units with fewer than two labels do not count.
  α is computed by the ``krippendorff`` package; κ, a three-line formula, here (tests compare both
  with nltk's implementations).
* **Pooling**: the figures for several articles (and for a pair over the articles both annotated)
  are computed over all their units together (micro), never as an average of per-article figures:
  F1 from the summed counts, κ and α from the pooled matched claims. A figure that cannot be
  computed (no claims, one annotator, every label the same so chance agreement is total) is None.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations

from .matching import EXACT, PARTIAL, Pieces, group_pieces, one_to_one, pair_groups, pieces, scored_pairs

FIELDS = ("stance", "verdict")


@dataclass(frozen=True)
class AgreementClaim:
    """One annotator's claim as agreement sees it. Offsets are code points into the article text;
    ``fragments`` are the pieces of a split quote (empty: the claim is ``start``–``end``)."""

    start: int
    end: int
    fragments: tuple[tuple[int, int], ...] = ()
    speaker: str | None = None
    stance: str | None = None
    verdict: str | None = None
    claim_id: int | None = None

    def spans(self) -> tuple[tuple[int, int], ...]:
        return self.fragments or ((self.start, self.end),)


@dataclass(frozen=True)
class ArticleLayers:
    """An article's text and each annotator's claims in it."""

    article_id: int
    text: str
    layers: Mapping[str, Sequence[AgreementClaim]]
    title: str = ""


@dataclass(frozen=True, eq=False)
class Labels:
    """One label (stance or verdict) on matched claims: one tuple of values per unit (a matched claim),
    one value per annotator, None where missing. Pooling is concatenating units."""

    units: tuple[tuple[str | None, ...], ...] = ()

    def __add__(self, other: Labels) -> Labels:
        return Labels(self.units + other.units)

    @cached_property
    def _counts(self) -> list[dict[str, int]]:
        """Label counts of the units with at least two labels (the pairable ones)."""
        out = []
        for unit in self.units:
            counts: dict[str, int] = {}
            for v in unit:
                if v is not None:
                    counts[v] = counts.get(v, 0) + 1
            if sum(counts.values()) >= 2:
                out.append(counts)
        return out

    @property
    def n(self) -> int:
        """Units labelled by at least two annotators."""
        return len(self._counts)

    @cached_property
    def labels(self) -> tuple[str, ...]:
        """The labels used in pairable units, sorted."""
        return tuple(sorted({label for c in self._counts for label in c}))

    @cached_property
    def observed(self) -> float | None:
        """Observed agreement: the share of pairable values whose pair partners agree (1 − Krippendorff's
        observed disagreement); for two annotators, the share of units on which they agree."""
        if not self._counts:
            return None
        sizes = [sum(c.values()) for c in self._counts]
        agreeing = sum(sum(k * (k - 1) for k in c.values()) / (m - 1) for c, m in zip(self._counts, sizes))
        return agreeing / sum(sizes)

    @cached_property
    def kappa(self) -> float | None:
        """Cohen's κ when every unit holds exactly two annotators' slots (a pair); over units both labelled."""
        if any(len(u) != 2 for u in self.units):
            return None
        both = [(a, b) for a, b in self.units if a is not None and b is not None]
        if not both:
            return None
        n = len(both)
        p_o = sum(a == b for a, b in both) / n
        first, second = Counter(a for a, _ in both), Counter(b for _, b in both)
        p_e = sum(first[k] * second[k] for k in first) / (n * n)
        return None if p_e == 1 else (p_o - p_e) / (1 - p_e)

    @cached_property
    def alpha(self) -> float | None:
        """Krippendorff's α, nominal; None when the units labelled twice or more use fewer than two labels
        (no variation: expected disagreement is 0 and α undefined)."""
        labels = self.labels
        if len(labels) < 2:
            return None
        import krippendorff
        import numpy as np

        column = {label: i for i, label in enumerate(labels)}
        counts = np.zeros((len(self._counts), len(labels)), dtype=np.int64)
        for row, c in enumerate(self._counts):
            for label, k in c.items():
                counts[row, column[label]] = k
        return float(krippendorff.alpha(value_counts=counts, level_of_measurement="nominal"))

    def as_dict(self, *, alpha: bool = True) -> dict:
        out = {"units": self.n, "observed": _round(self.observed), "kappa": _round(self.kappa),
               "labels": list(self.labels)}
        if alpha:
            out["alpha"] = _round(self.alpha)
        return out


@dataclass(frozen=True)
class PairAgreement:
    """Two annotators on one article (or pooled over the articles both annotated)."""

    a: str
    b: str
    claims_a: int = 0
    claims_b: int = 0
    matched: int = 0  # partial (Jaccard >= 0.5)
    matched_exact: int = 0
    speaker_agreed: int = 0  # of the partially matched
    stance: Labels = field(default_factory=Labels)
    verdict: Labels = field(default_factory=Labels)
    articles: int = 1

    def __add__(self, other: PairAgreement) -> PairAgreement:
        assert (self.a, self.b) == (other.a, other.b)
        return PairAgreement(self.a, self.b, self.claims_a + other.claims_a, self.claims_b + other.claims_b,
                             self.matched + other.matched, self.matched_exact + other.matched_exact,
                             self.speaker_agreed + other.speaker_agreed, self.stance + other.stance,
                             self.verdict + other.verdict, self.articles + other.articles)

    @property
    def f1_partial(self) -> float | None:
        return _f1(self.matched, self.claims_a + self.claims_b)

    @property
    def f1_exact(self) -> float | None:
        return _f1(self.matched_exact, self.claims_a + self.claims_b)

    @property
    def speaker(self) -> float | None:
        return self.speaker_agreed / self.matched if self.matched else None

    def as_dict(self) -> dict:
        return {"annotators": [self.a, self.b], "articles": self.articles,
                "claims": {self.a: self.claims_a, self.b: self.claims_b},
                "matched_partial": self.matched, "matched_exact": self.matched_exact,
                "f1_partial": _round(self.f1_partial), "f1_exact": _round(self.f1_exact),
                "speaker_agreement": _round(self.speaker), "speaker_agreed": self.speaker_agreed,
                "stance": self.stance.as_dict(alpha=False), "verdict": self.verdict.as_dict(alpha=False)}


class _Pooled:
    """Figures pooled over pairs (F1, speaker) and over units (α); κ when there is one pair."""

    pairs: tuple[PairAgreement, ...]
    stance: Labels
    verdict: Labels

    @property
    def f1_partial(self) -> float | None:
        return _f1(sum(p.matched for p in self.pairs), sum(p.claims_a + p.claims_b for p in self.pairs))

    @property
    def f1_exact(self) -> float | None:
        return _f1(sum(p.matched_exact for p in self.pairs), sum(p.claims_a + p.claims_b for p in self.pairs))

    @property
    def speaker(self) -> float | None:
        matched = sum(p.matched for p in self.pairs)
        return sum(p.speaker_agreed for p in self.pairs) / matched if matched else None

    def kappa(self, name: str) -> float | None:
        """Cohen's κ of the one pair of annotators, if there is exactly one."""
        return getattr(self.pairs[0], name).kappa if len(self.pairs) == 1 else None

    def _figures(self) -> dict:
        return {"f1_partial": _round(self.f1_partial), "f1_exact": _round(self.f1_exact),
                "speaker_agreement": _round(self.speaker),
                "stance": {**self.stance.as_dict(), "kappa": _round(self.kappa("stance"))},
                "verdict": {**self.verdict.as_dict(), "kappa": _round(self.kappa("verdict"))}}


@dataclass(frozen=True, eq=False)
class ArticleAgreement(_Pooled):
    article_id: int
    title: str
    annotators: tuple[str, ...]
    claims: tuple[int, ...]  # per annotator, in the order of ``annotators``
    pairs: tuple[PairAgreement, ...]
    units: int  # groups of matched claims (a claim only one annotator has is a group too)
    stance: Labels
    verdict: Labels

    def as_dict(self) -> dict:
        return {"article_id": self.article_id, "title": self.title, "annotators": list(self.annotators),
                "claims": dict(zip(self.annotators, self.claims)), "claim_groups": self.units,
                **self._figures(), "pairs": [p.as_dict() for p in self.pairs]}


@dataclass(frozen=True, eq=False)
class Agreement(_Pooled):
    """Every article with at least two annotators, and the figures pooled over them."""

    articles: tuple[ArticleAgreement, ...]
    pairs: tuple[PairAgreement, ...]  # per pair of annotators, pooled over the articles both annotated
    stance: Labels
    verdict: Labels

    @property
    def annotators(self) -> tuple[str, ...]:
        return tuple(sorted({name for a in self.articles for name in a.annotators}))

    def as_dict(self) -> dict:
        return {"pooling": "micro: overall figures are computed over the matched claims of all articles "
                           "together, not averaged over articles",
                "articles": len(self.articles), "annotators": list(self.annotators),
                "claims": sum(sum(a.claims) for a in self.articles),
                "overall": self._figures(), "pairs": [p.as_dict() for p in self.pairs],
                "per_article": [a.as_dict() for a in self.articles]}


def article_agreement(article: ArticleLayers) -> ArticleAgreement:
    """The agreement of the annotators of one article (figures None with fewer than two)."""
    names = tuple(sorted(article.layers))
    claims = {name: list(article.layers[name]) for name in names}
    spans: dict[str, list[Pieces]] = {name: [pieces(article.text, c.spans()) for c in claims[name]]
                                      for name in names}
    pairs, matchings = [], {}
    for a, b in combinations(names, 2):
        scored = scored_pairs(spans[a], spans[b])
        partial, exact = one_to_one(scored, PARTIAL), one_to_one(scored, EXACT)
        matchings[a, b] = partial
        matched = [(claims[a][i], claims[b][j]) for i, j in partial]
        pairs.append(PairAgreement(
            a, b, len(claims[a]), len(claims[b]), len(partial), len(exact),
            sum(_same_speaker(x.speaker, y.speaker) for x, y in matched),
            Labels(tuple((x.stance, y.stance) for x, y in matched)),
            Labels(tuple((x.verdict, y.verdict) for x, y in matched))))
    if len(names) == 2:  # the pair's matching is the grouping (as group_pieces makes it): no need to match again
        a, b = names
        groups = pair_groups(a, b, len(claims[a]), len(claims[b]), matchings[a, b])
    else:
        groups = group_pieces(spans, PARTIAL) if len(names) > 2 else []
    units = {f: tuple(tuple(getattr(claims[n][g[n]], f) if n in g else None for n in names) for g in groups)
             for f in FIELDS}
    return ArticleAgreement(article.article_id, article.title, names, tuple(len(claims[n]) for n in names),
                            tuple(pairs), len(groups), Labels(units["stance"]), Labels(units["verdict"]))


def agreement(articles: Iterable[ArticleLayers]) -> Agreement:
    """Per article (those with at least two annotators) and pooled over all of them."""
    per_article = tuple(a for a in map(article_agreement, articles) if len(a.annotators) >= 2)
    return pool(per_article)


def pool(per_article: Sequence[ArticleAgreement]) -> Agreement:
    """Pool articles' agreements: pairs summed per pair of annotators, label units concatenated."""
    by_pair: dict[tuple[str, str], PairAgreement] = {}
    for art in per_article:
        for p in art.pairs:
            key = (p.a, p.b)
            by_pair[key] = by_pair[key] + p if key in by_pair else p
    stance = Labels(tuple(u for a in per_article for u in a.stance.units))
    verdict = Labels(tuple(u for a in per_article for u in a.verdict.units))
    return Agreement(tuple(per_article), tuple(by_pair[k] for k in sorted(by_pair)), stance, verdict)


def _same_speaker(x: str | None, y: str | None) -> bool:
    return " ".join((x or "").casefold().split()) == " ".join((y or "").casefold().split())


def _f1(matched: int, total: int) -> float | None:
    return 2 * matched / total if total else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
