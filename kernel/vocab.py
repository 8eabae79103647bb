"""The words a claim's fields may take, shared by the engine, storage, exports and the window."""

from __future__ import annotations

KINDS = ("direct", "indirect")
STATUSES = ("suggested", "confirmed", "rejected")
STANCES = ("favor", "against", "neutral")
ORIGINS = ("model", "manual", "import")
FRAGMENT_GAP = " … "  # shown between the pieces of a split quote, where its attribution was

# Verdict ratings offered in drop-downs, best to worst, with ClaimReview's 1–5 scale where one fits.
VERDICT_RATINGS: dict[str, int | None] = {
    "True": 5, "Mostly true": 4, "Half true": 3, "Mostly false": 2, "False": 1,
    "Misleading": 2, "Unproven": None,
}

SYSTEM_ACTOR = "model"
"""Who the history names for what the software did on its own (inferred roles and affiliations): never a person,
so never offered as an annotator."""

NO_STANCE = "none"
"""In a claims filter: the claims without a stance (not a stance a claim can have)."""

STANCE_LABELS = {"favor": "in favour", "against": "against", "neutral": "neutral", None: "not judged"}
"""The words for a stance wherever a person reads one: the window, the report, the workbook."""
STRENGTH_LABELS = {"reversal": "reversal (in favour ↔ against)", "softer": "softer shift (to or from neutral)",
                   "same article": "within one article and day"}
"""How a stance change reads (``StanceChange.strength``)."""
