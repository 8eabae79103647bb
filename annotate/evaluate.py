"""Scoring the engine against a gold JSONL file (format and rules: shared gold/README.md).

* A suggestion finds a gold claim when their contents overlap with character Jaccard >= 0.5,
  both trimmed of surrounding whitespace, punctuation and quote marks ("exact": identical after
  trimming). Pairs are matched one to one, best overlap first.
* Optional gold claims are neither required (no false negative when missed) nor false positives
  when proposed.
* Speaker, role, date and stance are scored on matched claims where the gold field is not null:
  speakers by surname ("Meloni's office" counts as Meloni), roles case-insensitively, dates exactly.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

from kernel import ClaimDraft

from .suggestion import TopicSpec

FIELDS = ("speaker", "role", "date", "stance")


def _is_trim(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding whitespace, punctuation and quote marks."""
    while start < end and _is_trim(text[start]):
        start += 1
    while end > start and _is_trim(text[end - 1]):
        end -= 1
    return start, end


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union else 0.0


def surname(name: str | None) -> str:
    if not name:
        return ""
    name = re.split(r"['\u2019]s\b", name)[0]
    words = re.findall(r"[\w.-]+", name.lower())
    return words[-1].strip(".") if words else ""


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def field_matches(field: str, gold, predicted: ClaimDraft) -> bool:
    if field == "speaker":
        return surname(gold) == surname(predicted.speaker)
    if field == "role":
        return _norm(gold) == _norm(predicted.role)
    if field == "date":
        return predicted.date is not None and predicted.date.isoformat() == gold
    return gold == predicted.stance


def match(text: str, gold: list[dict], suggested: list[ClaimDraft], threshold: float):
    """One-to-one (gold index, suggestion index) pairs with Jaccard >= threshold, best first."""
    g_spans = [trim(text, *g["content"]) for g in gold]
    s_spans = [trim(text, s.content.start, s.content.end) for s in suggested]
    pairs = sorted(((jaccard(g, s), gi, si) for gi, g in enumerate(g_spans)
                    for si, s in enumerate(s_spans)), reverse=True)
    used_g, used_s, out = set(), set(), []
    for score, gi, si in pairs:
        if score < threshold or score <= 0:
            break
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        out.append((gi, si))
    return out


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "fp": fp, "fn": fn}


class GoldFormatError(Exception):
    """The gold file cannot be read; the message says which line and why."""


def load_gold(gold_path) -> list[dict]:
    path = Path(gold_path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldFormatError(f"Cannot read the gold file {path.name}: {exc.strerror or exc}.") from exc
    items = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            item["text"], item["claims"]  # noqa: B018 - both fields are required
        except (ValueError, KeyError, TypeError) as exc:
            raise GoldFormatError(
                f"Line {number} of {path.name} is not a gold article (a JSON object with "
                f"'text' and 'claims'): {exc}.") from exc
        items.append(item)
    return items


def gold_topics(items: list[dict]) -> list[TopicSpec]:
    names = sorted({c["topic"] for item in items for c in item["claims"] if c.get("topic")})
    return [TopicSpec(name) for name in names]


def evaluate(gold_path, engine) -> dict:
    """Run ``engine`` on every gold text and score it; the dict ``quotedesk eval`` prints."""
    items = load_gold(gold_path)
    inputs = [(it["text"], dt.date.fromisoformat(it["published"]) if it.get("published") else None)
              for it in items]
    counts = {"partial": [0, 0, 0], "exact": [0, 0, 0]}
    fields = {f: [0, 0] for f in FIELDS + ("kind",)}
    n_sugg = n_gold = 0
    for item, suggested in zip(items, engine.suggest_many(inputs)):
        gold = item["claims"]
        n_sugg += len(suggested)
        n_gold += sum(1 for g in gold if not g.get("optional"))
        for mode, threshold in (("partial", 0.5), ("exact", 1.0)):
            pairs = match(item["text"], gold, suggested, threshold)
            matched_g = {gi for gi, _ in pairs}
            matched_s = {si for _, si in pairs}
            tp = sum(1 for gi in matched_g if not gold[gi].get("optional"))
            fn = sum(1 for gi, g in enumerate(gold) if not g.get("optional") and gi not in matched_g)
            fp = len(suggested) - len(matched_s)
            c = counts[mode]
            c[0], c[1], c[2] = c[0] + tp, c[1] + fp, c[2] + fn
            if mode != "partial":
                continue
            for gi, si in pairs:
                for f in FIELDS + ("kind",):
                    if gold[gi].get(f) is not None:
                        ok = (gold[gi]["kind"] == suggested[si].kind if f == "kind"
                              else field_matches(f, gold[gi][f], suggested[si]))
                        fields[f][0] += int(ok)
                        fields[f][1] += 1
    return {
        "model": f"{engine.model_name} {engine.model_version}",
        "articles": len(items), "gold_claims": n_gold, "suggestions": n_sugg,
        "content_partial": _prf(*counts["partial"]),
        "content_exact": _prf(*counts["exact"]),
        **{f: {"accuracy": round(ok / n, 4) if n else None, "n": n} for f, (ok, n) in fields.items()},
    }


def format_report(metrics: dict) -> str:
    lines = [f"model: {metrics['model']}   articles: {metrics['articles']}   "
             f"gold claims: {metrics['gold_claims']}   suggestions: {metrics['suggestions']}", "",
             f"{'content':<18}{'precision':>10}{'recall':>10}{'F1':>10}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for key, label in (("content_partial", "partial (J>=0.5)"), ("content_exact", "exact")):
        m = metrics[key]
        lines.append(f"{label:<18}{m['precision']:>10.3f}{m['recall']:>10.3f}{m['f1']:>10.3f}"
                     f"{m['tp']:>6}{m['fp']:>6}{m['fn']:>6}")
    lines += ["", f"{'on matched claims':<18}{'accuracy':>10}{'n':>6}"]
    for f in FIELDS + ("kind",):
        m = metrics[f]
        acc = "-" if m["accuracy"] is None else f"{m['accuracy']:.3f}"
        lines.append(f"{f:<18}{acc:>10}{m['n']:>6}")
    return "\n".join(lines)
