"""Annotator agreement: a hand-computed example, the libraries' results, and the edge cases."""

from __future__ import annotations

import random

import krippendorff
import numpy as np
import pytest
from nltk.metrics.agreement import AnnotationTask

from kernel.agreement import AgreementClaim, ArticleLayers, Labels, agreement, article_agreement, pool

TEXT = ("Ana said the plan works. Ben said taxes will rise. Cy said rain is coming. "
        "Di said the bridge is safe. Ed said nothing matters.")


def claim(phrase: str, speaker=None, stance=None, verdict=None, *, text=TEXT) -> AgreementClaim:
    start = text.index(phrase)
    return AgreementClaim(start, start + len(phrase), speaker=speaker, stance=stance, verdict=verdict)


A = [claim("the plan works", "Ana", "favor", "True"),
     claim("taxes will rise", "Ben", "against", "False"),
     claim("rain is coming", "Cy", "favor"),
     claim("the bridge is safe", "Di", "neutral", "True")]
B = [claim("the plan works", "Ana", "favor"),                      # verdict not given: missing
     claim("will rise", "ben", "favor", "False"),                   # partial: 9 of 15 characters
     claim("the bridge is safe", "Dan", "neutral", "Mostly true"),
     claim("nothing matters", "Ed", "against")]
C = [claim("the plan works", "Ana", "favor"),
     claim("taxes will rise", "Ben", "against"),
     claim("nothing matters", "Ed", "against")]


def test_two_annotators_hand_computed():
    """A and B, 4 claims each.

    Spans: matched partially c1-d1 (J=1), c2-d2 (J=9/15=0.6), c4-d3 (J=1): 3; exactly: 2.
      F1 partial = 2*3/(4+4) = 0.75, F1 exact = 2*2/8 = 0.5.
    Speaker on the 3 matched: Ana=Ana, Ben=ben (case ignored), Di≠Dan: 2/3.
    Stance on the 3 matched: (favor,favor) (against,favor) (neutral,neutral).
      κ: p_o = 2/3; A's labels favor 1, against 1, neutral 1; B's favor 2, neutral 1;
         p_e = (1*2 + 1*0 + 1*1)/9 = 1/3; κ = (2/3 - 1/3)/(1 - 1/3) = 0.5.
      α: 6 values: favor 3, against 1, neutral 2; coincidences off the diagonal: against-favor 1 + favor-against 1;
         D_o = 2/6; D_e = (6² - (3²+1²+2²))/(6*5) = 22/30; α = 1 - (1/3)/(22/30) = 1 - 5/11 = 6/11.
    Verdict on the 3 matched: (True,None) (False,False) (True,Mostly true): the first is missing for B.
      κ over the 2 both rated: p_o = 1/2; A: False 1, True 1; B: False 1, Mostly true 1; p_e = 1/4;
         κ = (1/2 - 1/4)/(3/4) = 1/3.
      α: the unit rated once does not count; 4 values: False 2, True 1, Mostly true 1; D_o = 2/4;
         D_e = (16 - (4+1+1))/(4*3) = 10/12; α = 1 - (1/2)/(10/12) = 0.4.
    """
    result = article_agreement(ArticleLayers(7, TEXT, {"B": B, "A": A}))
    assert result.annotators == ("A", "B") and result.claims == (4, 4)
    (pair,) = result.pairs
    assert (pair.a, pair.b, pair.matched, pair.matched_exact) == ("A", "B", 3, 2)
    assert pair.f1_partial == result.f1_partial == 0.75
    assert pair.f1_exact == result.f1_exact == 0.5
    assert pair.speaker == pytest.approx(2 / 3)
    assert pair.stance.kappa == pytest.approx(0.5) and result.kappa("stance") == pytest.approx(0.5)
    assert pair.stance.alpha == pytest.approx(6 / 11) and result.stance.alpha == pytest.approx(6 / 11)
    assert pair.verdict.n == 2 and pair.verdict.kappa == pytest.approx(1 / 3)
    assert result.verdict.alpha == pytest.approx(0.4)
    assert result.units == 5  # 3 matched groups + c3 (A only) + d4 (B only)


def test_three_annotators_hand_computed_alpha():
    """A, B and C. Groups (best pair first): {c1,d1,e1} {c2,d2,e2} {c3} {c4,d3} {d4,e3}.

    Stance units: (f,f,f) (a,f,a) (f) (n,n,-) (-,a,a); (f) alone does not count.
      Coincidences: (f,f,f) gives f-f 3*2/2 = 3; (a,f,a) gives a-a 2*1/2 = 1, a-f 1, f-a 1; (n,n) n-n 2;
      (a,a) a-a 2. n = 10; n_f = 4, n_a = 4, n_n = 2.
      D_o = 2/10; D_e = (100 - (16+16+4))/(10*9) = 64/90; α = 1 - 0.2*90/64 = 23/32.
    Pairs: A-B as above; A-C: matched c1-e1, c2-e2 (exact both): F1 = 4/7; B-C: d1-e1, d2-e2 (partial),
      d4-e3: F1 = 6/7, exact 4/7.
    Pooled over the three pairs: F1 partial = 2*(3+2+3)/(8+7+7) = 16/22.
    """
    result = article_agreement(ArticleLayers(1, TEXT, {"A": A, "B": B, "C": C}))
    assert result.units == 5
    assert result.stance.alpha == pytest.approx(23 / 32)
    assert result.kappa("stance") is None  # three annotators: κ per pair only
    pairs = {(p.a, p.b): p for p in result.pairs}
    assert pairs["A", "C"].f1_partial == pytest.approx(4 / 7) and pairs["A", "C"].f1_exact == pytest.approx(4 / 7)
    assert pairs["B", "C"].f1_partial == pytest.approx(6 / 7) and pairs["B", "C"].f1_exact == pytest.approx(4 / 7)
    assert result.f1_partial == pytest.approx(16 / 22)


def test_library_results_agree_with_ours_on_the_examples():
    """nltk's AnnotationTask (an independent implementation) gives the same κ and α."""
    two = AnnotationTask([("A", 1, "favor"), ("B", 1, "favor"), ("A", 2, "against"), ("B", 2, "favor"),
                          ("A", 3, "neutral"), ("B", 3, "neutral")])
    three = AnnotationTask([("A", 1, "f"), ("B", 1, "f"), ("C", 1, "f"), ("A", 2, "a"), ("B", 2, "f"),
                            ("C", 2, "a"), ("A", 3, "f"), ("A", 4, "n"), ("B", 4, "n"), ("B", 5, "a"),
                            ("C", 5, "a")])
    ab = article_agreement(ArticleLayers(7, TEXT, {"A": A, "B": B})).pairs[0]
    assert ab.stance.kappa == pytest.approx(two.kappa())
    assert ab.stance.alpha == pytest.approx(two.alpha())
    abc = article_agreement(ArticleLayers(1, TEXT, {"A": A, "B": B, "C": C}))
    assert abc.stance.alpha == pytest.approx(three.alpha())


@pytest.mark.parametrize("seed", range(5))
def test_random_labels_agree_with_nltk_and_krippendorff(seed):
    """Random units, some values missing, three annotators: α as nltk and the krippendorff package compute
    it from the raw matrix; κ of the first two annotators on units both labelled as nltk computes it."""
    rng = random.Random(seed)
    labels = ["favor", "against", "neutral"]
    units = tuple(tuple(rng.choice(labels + [None]) for _ in range(3)) for _ in range(60))
    ours = Labels(units)
    data = [(coder, i, v) for i, unit in enumerate(units) for coder, v in zip("XYZ", unit) if v is not None]
    pairable = {i for i, unit in enumerate(units) if sum(v is not None for v in unit) >= 2}
    assert ours.alpha == pytest.approx(AnnotationTask([d for d in data if d[1] in pairable]).alpha())
    matrix = np.array([[labels.index(v) if v is not None else np.nan for v in column] for column in zip(*units)])
    assert ours.alpha == pytest.approx(krippendorff.alpha(matrix, level_of_measurement="nominal"))
    both = [(a, b) for a, b, _ in units if a is not None and b is not None]
    pair = Labels(tuple((a, b) for a, b, _ in units))
    task = AnnotationTask([(c, i, v) for i, (a, b) in enumerate(both) for c, v in (("X", a), ("Y", b))])
    assert pair.kappa == pytest.approx(task.kappa())
    assert pair.n == len(both)


def test_a_label_nobody_used_changes_nothing():
    """A value domain with a label nobody chose (here "neutral") gives the same α as one without it."""
    units = (("favor", "favor"), ("favor", "against"), ("against", "against"), ("favor", "favor"))
    matrix = np.array([[{"favor": 0, "against": 1}[v] for v in col] for col in zip(*units)])
    with_unused = krippendorff.alpha(matrix, level_of_measurement="nominal", value_domain=[0, 1, 2])
    assert Labels(units).alpha == pytest.approx(with_unused)
    assert Labels(units).labels == ("against", "favor")


def test_one_annotator_has_no_figures_and_is_left_out_of_the_total():
    alone = article_agreement(ArticleLayers(1, TEXT, {"A": A}))
    assert alone.pairs == () and alone.f1_partial is None and alone.stance.alpha is None
    total = agreement([ArticleLayers(1, TEXT, {"A": A}), ArticleLayers(2, TEXT, {"A": A, "B": B})])
    assert [a.article_id for a in total.articles] == [2]


def test_no_claims_gives_no_figures_rather_than_zeros():
    result = agreement([ArticleLayers(1, TEXT, {"A": [], "B": []})])
    assert result.f1_partial is None and result.f1_exact is None and result.speaker is None
    assert result.stance.alpha is None and result.kappa("stance") is None and result.stance.n == 0
    assert result.as_dict()["overall"]["f1_partial"] is None
    assert agreement([]).f1_partial is None and agreement([]).pairs == ()


def test_all_agree():
    same = [claim("the plan works", "Ana", "favor", "True"), claim("taxes will rise", "Ben", "against", "False")]
    result = article_agreement(ArticleLayers(1, TEXT, {"A": same, "B": list(same)}))
    assert result.f1_partial == result.f1_exact == result.speaker == 1.0
    assert result.kappa("stance") == pytest.approx(1.0) and result.stance.alpha == pytest.approx(1.0)
    # Everyone gave the one label: chance agreement is total, so κ and α are undefined, not 1 nor 0.
    one_label = [claim("the plan works", stance="favor"), claim("taxes will rise", stance="favor")]
    result = article_agreement(ArticleLayers(1, TEXT, {"A": one_label, "B": one_label}))
    assert result.stance.observed == 1.0
    assert result.kappa("stance") is None and result.stance.alpha is None


def test_total_disagreement():
    """No claim in common: F1 0. Labels always crossed: favor/against then against/favor.
    κ: p_o = 0, p_e = (1*1 + 1*1)/4 = 1/2, κ = -1. α: 4 values, favor 2, against 2; D_o = 4/4;
    D_e = (16 - 8)/12 = 2/3; α = 1 - 3/2 = -0.5."""
    apart = article_agreement(ArticleLayers(1, TEXT, {"A": A[:2], "B": B[2:]}))
    assert apart.f1_partial == 0.0 and apart.speaker is None and apart.stance.n == 0
    crossed = article_agreement(ArticleLayers(1, TEXT, {
        "A": [claim("the plan works", stance="favor"), claim("taxes will rise", stance="against")],
        "B": [claim("the plan works", stance="against"), claim("taxes will rise", stance="favor")]}))
    assert crossed.f1_exact == 1.0
    assert crossed.kappa("stance") == pytest.approx(-1.0) and crossed.stance.alpha == pytest.approx(-0.5)


def test_missing_values_are_not_a_label():
    """Two claims without a stance are not agreement on a label "none": they leave the unit out."""
    unrated = [claim("the plan works"), claim("taxes will rise")]
    result = article_agreement(ArticleLayers(1, TEXT, {"A": unrated, "B": unrated}))
    assert result.stance.n == 0 and result.pairs[0].stance.kappa is None


def test_pooling_is_over_claims_not_an_average_of_articles():
    """Article 1 (A and B as in the hand example): 3 of 8 matched; article 2: 1 of 2 (the same claim).
    Pooled F1 = 2*(3+1)/(8+2) = 0.8, not the mean of 0.75 and 1.0. Stance units pooled: the 3 of
    article 1 plus (favor,favor): κ = (3/4 - p_e)/(1 - p_e) with A favor 2, against 1, neutral 1; B favor 3,
    neutral 1: p_e = (2*3 + 0 + 1*1)/16 = 7/16; κ = (12/16 - 7/16)/(9/16) = 5/9."""
    one = [claim("the plan works", stance="favor")]
    result = agreement([ArticleLayers(1, TEXT, {"A": A, "B": B}), ArticleLayers(2, TEXT, {"A": one, "B": one})])
    assert [a.f1_partial for a in result.articles] == [0.75, 1.0]
    assert result.f1_partial == pytest.approx(0.8)
    assert result.kappa("stance") == pytest.approx(5 / 9)
    (pair,) = result.pairs
    assert pair.articles == 2 and pair.claims_a == 5 and pair.matched == 4
    assert pool(result.articles).f1_partial == result.f1_partial


def test_pairs_pool_per_pair_of_annotators_over_the_articles_they_share():
    result = agreement([ArticleLayers(1, TEXT, {"A": A, "B": B}), ArticleLayers(2, TEXT, {"B": B, "C": C})])
    assert [(p.a, p.b, p.articles) for p in result.pairs] == [("A", "B", 1), ("B", "C", 1)]
    assert result.kappa("stance") is None  # two pairs: the chance-corrected total is α
    assert result.annotators == ("A", "B", "C")


def test_split_quotes_are_compared_on_their_fragments():
    text = "\u201cWe will,\u201d she said, \u201csend troops.\u201d"
    first, second = (text.index("We will"), text.index("We will") + 7), (text.index("send"), text.index("send") + 11)
    split = AgreementClaim(first[0], second[1], fragments=(first, second), stance="favor")
    whole = AgreementClaim(first[0], second[1], stance="favor")  # with the attribution: J = 18/32
    result = article_agreement(ArticleLayers(1, text, {"A": [split], "B": [split], "C": [whole]}))
    pairs = {(p.a, p.b): p for p in result.pairs}
    assert pairs["A", "B"].matched_exact == 1
    assert pairs["A", "C"].matched == 1 and pairs["A", "C"].matched_exact == 0


def test_json_record_names_the_pooling():
    d = agreement([ArticleLayers(1, TEXT, {"A": A, "B": B})]).as_dict()
    assert d["pooling"].startswith("micro")
    assert d["overall"]["stance"]["kappa"] == 0.5 and d["per_article"][0]["pairs"][0]["matched_partial"] == 3


def test_offsets_are_code_points_after_emoji():
    """Astral characters (two UTF-16 units each) before the claims: spans are code point offsets, so the
    claims still match exactly and trimming still drops the quote marks around them."""
    text = "🇮🇹🙂 Ana said “the plan works.” 😀 Ben said taxes will rise."
    a = [claim("the plan works", stance="favor", text=text), claim("taxes will rise", stance="against", text=text)]
    start = text.index("“the plan works.”")
    b = [AgreementClaim(start, start + len("“the plan works.”"), stance="favor"),
         claim("taxes will rise", stance="favor", text=text)]
    result = article_agreement(ArticleLayers(1, text, {"A": a, "B": b}))
    assert result.f1_exact == 1.0 and result.pairs[0].stance.n == 2
