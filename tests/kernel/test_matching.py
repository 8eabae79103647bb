"""The shared claim matching: eval's one-to-one pairs, and groups over any number of annotators."""

from __future__ import annotations

import random

from kernel.matching import PARTIAL, _grouped, group_pieces, jaccard_pieces, match_pieces, pieces


def test_pieces_trim_quote_marks_and_a_leading_that():
    text = "She said that \u201cwe are ready.\u201d"
    (span,) = pieces(text, [(9, len(text))])
    assert text[span[0]:span[1]] == "we are ready"


def piece(rng):
    start = rng.randrange(0, 90)
    return ((start, start + rng.randrange(1, 20)),)


def test_two_sides_group_exactly_as_the_pairs_match():
    rng = random.Random(3)
    for _ in range(200):
        sides = {side: [piece(rng) for _ in range(rng.randrange(0, 6))] for side in ("a", "b")}
        pairs = set(match_pieces(sides["a"], sides["b"], PARTIAL))
        groups = group_pieces(sides, PARTIAL)
        assert {(g["a"], g["b"]) for g in groups if len(g) == 2} == pairs
        assert groups == _grouped(sides, PARTIAL)  # the two-sided shortcut gives what the general way gives
        assert sorted((k, v) for g in groups for k, v in g.items()) == sorted(
            (side, i) for side, items in sides.items() for i in range(len(items)))


def test_a_group_never_holds_two_claims_of_one_annotator():
    """a0 matches b0 (J 1) and c0 (J 0.75); c0 also matches a1 (J 0.6): a1 stays out of a0's group."""
    sides = {"a": [((0, 15),), ((8, 20),)], "b": [((0, 15),)], "c": [((0, 20),)]}
    assert jaccard_pieces(sides["a"][1], sides["c"][0]) == 0.6
    groups = group_pieces(sides, PARTIAL)
    assert groups == [{"a": 0, "b": 0, "c": 0}, {"a": 1}]


def test_groups_follow_the_best_pair_first():
    """b0 and c0 are the same (J 1) and join first; a0 overlaps both with J 8/12, so it joins at 0.5, not at 1."""
    sides = {"a": [((0, 10),)], "b": [((2, 12),)], "c": [((2, 12),)]}
    assert group_pieces(sides, PARTIAL) == [{"a": 0, "b": 0, "c": 0}]
    assert group_pieces(sides, 1.0) == [{"a": 0}, {"b": 0, "c": 0}]
