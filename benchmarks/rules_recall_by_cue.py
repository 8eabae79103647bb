"""Recall of the rule engine per cue category on a PolNeAR split (train or dev; never test).

    python benchmarks/rules_recall_by_cue.py [../shared/polnear/dev.jsonl] [--misses CATEGORY]

Matching as the gold README: character Jaccard >= 0.5 after trimming punctuation and quote marks,
gold content taken as the union of its fragments. Prints partial P/R/F1 and recall per category
of cue (the categories of issue 16), and with --misses the missed attributions of one category.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotate.engine import SuggestionEngine  # noqa: E402
from annotate.evaluate import trim  # noqa: E402
from annotate.spacy_pipelines import load_pipeline  # noqa: E402

SPEECH = {"say", "said", "says", "saying", "tell", "told", "tells", "telling", "add", "added", "adds", "adding",
          "state", "stated", "states"}
COMMUNICATION = {"announce", "deny", "write", "cite", "describe", "claim", "insist", "warn", "tweet", "note",
                 "report", "argue", "explain", "acknowledge", "admit", "suggest", "declare", "recall",
                 "respond", "reply", "mention", "emphasize", "stress", "point", "confirm", "reveal",
                 "predict", "estimate", "promise", "pledge", "vow", "agree", "post", "indicate", "continue"}
EVALUATION = {"call", "praise", "accuse", "support", "criticize", "criticise", "attack", "blast", "condemn",
              "slam", "defend", "blame", "question", "oppose", "endorse", "applaud", "dismiss", "label"}
DOCUMENT = {"show", "find", "found", "shows", "showed", "suggests", "indicate", "poll", "polls"}
INTENTION = {"want", "plan", "expect", "intend", "seek", "hope to", "refuse", "decline", "aim", "promise to"}
BELIEF = {"believe", "think", "hope", "fear", "feel", "know", "worry", "doubt", "seem", "consider", "see",
          "view", "assume", "suspect"}
DIRECTIVE = {"urge", "ask", "call for", "call on", "demand", "encourage", "request", "invite", "press"}
NOMINAL = {"threat", "allegation", "allegations", "doubts", "claims", "statement", "remarks", "comments",
           "view", "belief", "fears", "warning", "promise", "accusations", "plan", "hope", "concern"}


def _lemma(word: str) -> str:
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("d", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + repl
    return word


def category(claim: dict, text: str) -> str:
    cue = " ".join((claim.get("cue") or "").lower().replace(":", " : ").split())
    if not cue:
        return "no cue"
    if cue.startswith("according to") or cue == "according":
        return "according to"
    if cue in (":", "―", "-", "—") or cue.endswith(":"):
        return "colon"
    words = [w for w in cue.split() if w not in ("has", "have", "had", "also", "is", "was", "are", "were",
                                                 "will", "would", "to", "be", "been", "not", "did", "does")]
    if not words:
        return "other"
    head, joined = words[0], " ".join(words[:2])
    head = {"wrote": "write", "writes": "write", "thought": "think", "felt": "feel", "saw": "see", "knew": "know",
            "sought": "seek", "spoke": "speak"}.get(head, head)
    lem = {head, _lemma(head), _lemma(head) + "e"}
    speaker = (claim.get("speaker") or "").lower()
    if joined in DIRECTIVE or lem & {"urge", "ask", "demand", "encourage", "request"}:
        return "directive"
    if head in SPEECH or lem & SPEECH:
        return "speech (said/told)"
    if lem & {"show", "find", "found"} or any(w in speaker for w in ("poll", "survey", "report", "study", "data")):
        return "documents/polls"
    if lem & INTENTION:
        return "intention"
    if lem & BELIEF:
        return "belief"
    if lem & EVALUATION:
        return "evaluation"
    if lem & COMMUNICATION:
        return "communication verb"
    if claim.get("cue_spans"):
        s, e = claim["cue_spans"][0]
        if text[s:e][:1].isalpha() and " " not in text[s:e].strip() and _lemma(head) in NOMINAL | {head}:
            pass
    if head in NOMINAL or _lemma(head) in NOMINAL:
        return "nominal"
    return "other"


def gold_chars(text: str, claim: dict) -> set[int]:
    out: set[int] = set()
    for s, e in claim.get("content_fragments") or [claim["content"]]:
        s, e = trim(text, s, e)
        out.update(range(s, e))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="?", default="../shared/polnear/dev.jsonl")
    ap.add_argument("--misses", help="print the missed attributions of this category")
    ap.add_argument("--limit", type=int, default=0, help="first N articles only")
    ap.add_argument("--broad", action="store_true", help="also intentions, directives, object content")
    args = ap.parse_args()
    if "test" in Path(args.gold).name:
        sys.exit("The PolNeAR test split is the held-out benchmark: never score rules on it while tuning.")
    items = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        items = items[: args.limit]
    engine = SuggestionEngine(load_pipeline(None), broad=args.broad)
    t0 = time.perf_counter()
    results = engine.suggest_many([(it["text"], dt.date.fromisoformat(it["published"]) if it.get("published")
                                    else None) for it in items])
    found, total, tp_s, n_s = Counter(), Counter(), 0, 0
    for it, sugg in zip(items, results):
        text = it["text"]
        g_sets = [gold_chars(text, c) for c in it["claims"]]
        s_sets = [set().union(*(range(*trim(text, f.start, f.end)) for f in (getattr(s, "fragments", ()) or (s.content,))))
                  for s in sugg]  # a split quote matches on the union of its fragments
        pairs = sorted(((len(g & s) / len(g | s), gi, si) for gi, g in enumerate(g_sets)
                        for si, s in enumerate(s_sets) if g & s), reverse=True)
        used_g, used_s = set(), set()
        for score, gi, si in pairs:
            if score >= 0.5 and gi not in used_g and si not in used_s:
                used_g.add(gi)
                used_s.add(si)
        n_s += len(sugg)
        tp_s += len(used_s)
        for gi, c in enumerate(it["claims"]):
            cat = category(c, text)
            total[cat] += 1
            found[cat] += gi in used_g
            if args.misses == cat and gi not in used_g:
                s0 = text.rfind("\n", 0, c["content"][0]) + 1
                print(f"  MISS [{c.get('cue')}] {c.get('speaker')!r}: {c['content_text'][:110]!r}")
    secs = time.perf_counter() - t0
    tp, gold_n = sum(found.values()), sum(total.values())
    p, r = tp_s / n_s if n_s else 0, tp / gold_n if gold_n else 0
    print(f"{len(items)} articles, {gold_n} attributions, {n_s} suggestions, {secs:.1f} s")
    print(f"partial P {p:.3f}  R {r:.3f}  F1 {2 * p * r / (p + r) if p + r else 0:.3f}")
    for cat, n in total.most_common():
        print(f"  {cat:<22} {found[cat] / n:6.3f}  ({found[cat]}/{n})")


if __name__ == "__main__":
    main()
