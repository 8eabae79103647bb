"""The JSON import checks a claim as Quotedesk writes it in fewer steps (``_usual_claim``) and any other
claim the long way (``_checked_claim``, which names what is wrong). Both must make the same record of
every claim the quick way takes, and the quick way must take nothing the long way refuses."""

from __future__ import annotations

import copy

import pytest

from exports import ExportError
from exports.jsondoc import _checked_claim, _usual_claim
from tests.hostile.test_json_import import MUTATIONS, _set

C = "articles.0.claims.0"


def _path(mutation) -> str:
    """The dotted path a mutation of the hostile suite sets (held in its closure)."""
    return next(c.cell_contents for c in mutation.__closure__ if isinstance(c.cell_contents, str))


CLAIM_MUTATIONS = {name: m for name, m in MUTATIONS.items() if _path(m).startswith(C)}


def _fragment_without_text(doc: dict) -> None:
    content = doc["articles"][0]["claims"][0]["content"]
    content["fragments"] = [{"start": content["start"], "end": content["end"]}]


# Claims the long way takes and the quick one might get wrong: written otherwise than Quotedesk writes them.
MORE = {
    "no fragments": _set(f"{C}.content.fragments", None),
    "fragment without text": _fragment_without_text,
    "content without text": _set(f"{C}.content.text", None),
    "kind missing": _set(f"{C}.kind", None),
    "status missing": _set(f"{C}.status", None),
    "origin empty": _set(f"{C}.origin", ""),
    "date empty": _set(f"{C}.date", ""),
    "created_at with an offset": _set(f"{C}.created_at", "2024-05-01T12:00:00+02:00"),
    "created_at empty": _set(f"{C}.created_at", ""),
    "confidence whole": _set(f"{C}.confidence", 1),
    "confidence huge": _set(f"{C}.confidence", 10**400),
    "version missing": _set(f"{C}.version", None),
    "speaker null": _set(f"{C}.speaker", None),
    "speaker without mention": _set(f"{C}.speaker.mention", None),
    "verdict null": _set(f"{C}.verdict", None),
    "verdict dated": _set(f"{C}.verdict", {"rating": "False", "date": "2024-02-03"}),
    "extra key": _set(f"{C}.mood", "cheerful"),
    "role long": _set(f"{C}.role", "x" * 100_001),
    "note of astral characters": _set(f"{C}.note", "🇮🇹 " * 50),
}


def _same(doc: dict, mutate) -> None:
    doc = copy.deepcopy(doc)
    mutate(doc)
    article = doc["articles"][0]
    claim, text = article["claims"][0], article["text"]
    quick = _usual_claim(claim, text)
    try:
        checked = _checked_claim(claim, text, "article 1")
    except (ExportError, OverflowError):
        assert quick is None, "the quick check took a claim the full check refuses"
        return
    if quick is not None:
        assert quick == checked
        # every field set, and set alike (dataclass equality would not see a missing attribute)
        assert vars(quick) == vars(checked) and vars(quick.draft) == vars(checked.draft)
        assert all(vars(a) == vars(b) for a, b in zip(quick.draft.fragments, checked.draft.fragments, strict=True))


def test_every_claim_of_an_export_is_taken_the_quick_way_and_made_alike(doc):
    taken = 0
    for article in doc["articles"]:
        for claim in article["claims"]:
            quick = _usual_claim(claim, article["text"])
            assert quick is not None, claim
            checked = _checked_claim(claim, article["text"], "article")
            assert quick == checked and vars(quick.draft) == vars(checked.draft)
            taken += 1
    assert taken == 5


@pytest.mark.parametrize("mutation", list(CLAIM_MUTATIONS.values()) + list(MORE.values()),
                         ids=list(CLAIM_MUTATIONS) + list(MORE))
def test_a_changed_claim_is_made_alike_or_left_to_the_full_check(doc, mutation):
    _same(doc, mutation)


def test_the_mutations_reach_the_claims():
    """The selection above found the claim cases of the hostile suite (not none of them)."""
    assert len(CLAIM_MUTATIONS) > 50 and "confidence NaN" in CLAIM_MUTATIONS and "text null" not in CLAIM_MUTATIONS


def test_a_split_quote_is_checked_the_long_way_and_kept(doc):
    article = doc["articles"][0]
    claim, text = copy.deepcopy(article["claims"][0]), article["text"]
    start, end = claim["content"]["start"], claim["content"]["end"]
    claim["content"]["fragments"] = [{"start": start, "end": start + 3, "text": text[start:start + 3]},
                                     {"start": end - 3, "end": end, "text": text[end - 3:end]}]
    assert _usual_claim(claim, text) is None
    kept = _checked_claim(claim, text, "article 1")
    assert [(f.start, f.end) for f in kept.draft.fragments] == [(start, start + 3), (end - 3, end)]
