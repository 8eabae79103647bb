"""``quotedesk eval GOLD.jsonl``: score the suggestion engine against a gold annotation."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from annotate.cues import SCOPES
from app.cli import EXIT_FAILURE, EXIT_OK, add_db_argument


def register(sub) -> None:
    p = sub.add_parser("eval", help="score the suggestion engine against a gold JSONL file",
                       description="Run the engine on the gold file's texts and print precision, recall "
                       "and F1 of the claim contents (partial and exact), recall per cue category, and the "
                       "accuracy of speaker, role, date and stance on matched claims. The last line is the metrics as JSON.")
    add_db_argument(p)  # accepted like every command's; eval reads only the gold file, not the project
    p.add_argument("gold", metavar="GOLD.jsonl", help="gold annotation, one article per line")
    p.add_argument("--model", metavar="NAME|DIR",
                   help="a trained attribution model directory, or the spaCy pipeline to use "
                   "(default: the best installed, with the current trained model)")
    p.add_argument("--rules-only", action="store_true", help="score the rules without any trained model")
    p.add_argument("--scope", choices=SCOPES, default=None,
                   help="what to suggest: 'all' attributions (default: beliefs, intentions, evaluations "
                   "too) or 'statements' only (direct quotes and reported speech)")
    p.set_defaults(handler=run)


def run(args) -> int:
    from annotate.engine import SuggestionEngine
    from annotate.evaluate import GoldFormatError, evaluate, format_report, gold_topics, load_gold
    from annotate.spacy_pipelines import PipelineNotFound, load_pipeline
    from app.training import load_for_suggesting

    gold = Path(args.gold)
    try:
        topics = gold_topics(load_gold(gold))
        if args.rules_only:
            nlp, note = load_pipeline(args.model), None
        else:
            nlp, note = load_for_suggesting(args.model)
    except (PipelineNotFound, GoldFormatError) as exc:
        print(f"quotedesk: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    if note:
        print(f"quotedesk: {note}", file=sys.stderr)
    engine = _Guarded(SuggestionEngine(nlp, topics, scope=args.scope), gold)
    metrics = evaluate(gold, engine)
    print(format_report(metrics))
    print(json.dumps(metrics))
    if engine.skipped or engine.emptied:  # a rule's bug (annotate.guard): the scores are lower for it
        print(f"quotedesk: {engine.skipped} article(s) skipped and {engine.emptied} with a field left empty "
              f"because of an internal error (their claims count as missed); details in {engine.log}",
              file=sys.stderr)
    return EXIT_OK


class _Guarded:
    """The engine, with the rules that failed on a gold article logged (the gold file's line) and counted."""

    def __init__(self, engine, gold: Path):
        self.engine, self.gold = engine, gold
        self.model_name, self.model_version = engine.model_name, engine.model_version
        self.skipped = self.emptied = 0
        self.log = None

    def suggest_many(self, items):
        from annotate.guard import failures_of
        from app.suggest_errors import log_failures

        for line, suggestions in enumerate(self.engine.suggest_many(items), 1):
            failures = failures_of(suggestions)
            if failures:
                self.log = log_failures(f"gold file {self.gold}", line, failures)
                self.skipped += suggestions.skipped
                self.emptied += not suggestions.skipped
            yield suggestions
