"""Every field of every suggestion on gold JSONL files, one JSON line per article, to diff two runs.

    python3 benchmarks/dump_suggestions.py OUT.jsonl GOLD.jsonl [GOLD.jsonl ...] [--scope statements]
        [--attribution DIR|none] [--model NAME]

A speed change to the suggestion pass must change no suggestion: dump before and after, then
``diff before.jsonl after.jsonl`` (or ``cmp``). Topics are the gold files' own (as ``quotedesk eval``
takes them), so stance and topic are exercised too; published dates are the gold's.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotate.engine import SuggestionEngine  # noqa: E402
from annotate.evaluate import gold_topics, load_gold  # noqa: E402
from annotate.spacy_pipelines import attach_model, load_pipeline, shipped_model_path  # noqa: E402


def _plain(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot dump {type(value).__name__}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--model")
    ap.add_argument("--scope")
    ap.add_argument("--attribution", metavar="DIR|none",
                    help="trained attribution model (default: the shipped one)")
    args = ap.parse_args()
    nlp = load_pipeline(args.model)
    model_dir = None if args.attribution == "none" else (args.attribution or shipped_model_path())
    if model_dir is not None:
        attach_model(nlp, model_dir)
    claims = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for path in args.gold:
            items = load_gold(path)
            engine = SuggestionEngine(nlp, gold_topics(items), scope=args.scope)
            inputs = [(it["text"], dt.date.fromisoformat(it["published"]) if it.get("published") else None)
                      for it in items]
            for item, suggested in zip(items, engine.suggest_many(inputs)):
                claims += len(suggested)
                rows = [dataclasses.asdict(s) for s in suggested]
                out.write(json.dumps({"file": Path(path).name, "id": item.get("id"), "claims": rows},
                                     ensure_ascii=False, default=_plain, sort_keys=True) + "\n")
    print(f"{claims} suggestions on {len(args.gold)} files written to {args.out}")


if __name__ == "__main__":
    main()
