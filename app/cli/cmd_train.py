"""``quotedesk train``: train the suggestion model from confirmed claims and/or gold files."""
from __future__ import annotations

import sys
from pathlib import Path

from app.cli import EXIT_FAILURE, EXIT_OK, add_db_argument


def register(sub) -> None:
    p = sub.add_parser(
        "train", help="train the suggestion model from confirmed claims and/or gold JSONL files",
        description="Train the attribution model (content, source and cue spans) from the "
        "project's confirmed claims, from gold JSONL files (--gold), or both (--gold with "
        "--project). Part of the articles is held out and scored; the model is written to "
        "--output (default: the model the app and `quotedesk suggest` use from then on).")
    add_db_argument(p)
    p.add_argument("--gold", metavar="FILE.jsonl", action="append", default=[],
                   help="gold articles to learn from (repeat for several)")
    p.add_argument("--project", action="store_true",
                   help="with --gold: also learn from the project's confirmed claims")
    p.add_argument("--dev", metavar="FILE.jsonl",
                   help="score on these gold articles instead of holding some out")
    p.add_argument("--output", metavar="DIR", help="where to write the model directory")
    p.add_argument("--held-out", type=float, default=0.1, metavar="FRACTION",
                   help="share of the articles held out for scoring (default 0.1)")
    p.add_argument("--max-steps", type=int, metavar="N", help="training steps (default: the config's)")
    p.set_defaults(handler=run)


def _progress(stream=None):
    stream = stream or sys.stderr
    tty = stream.isatty()
    last = [-1]

    def report(done: int, total: int | None) -> None:
        total = total or 0
        pct = int(100 * done / total) if total else 0
        if not tty and pct // 10 == last[0] // 10 and done != total:
            return
        last[0] = pct
        bar = "#" * (pct // 5) + "-" * (20 - pct // 5)
        line = f"train: [{bar}] {done}/{total} steps"
        stream.write(("\r" + line) if tty else line + "\n")
        if tty and done == total:
            stream.write("\n")
        stream.flush()

    return report


def run(args) -> int:
    from annotate.training.train import TrainingError
    from app.training import default_model_dir, gold_articles, project_articles

    try:
        articles = gold_articles(args.gold)
        dev = gold_articles([args.dev]) if args.dev else None
    except (OSError, ValueError) as exc:
        print(f"quotedesk: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    if not args.gold or args.project:
        from app.projects import open_project

        with open_project(args.db) as project:
            articles += project_articles(project)
    if not 0 <= args.held_out < 1:
        print("quotedesk: --held-out must be a fraction between 0 and 1.", file=sys.stderr)
        return EXIT_FAILURE
    output = Path(args.output) if args.output else default_model_dir()
    print(f"Training on {sum(1 for a in articles if a.claims)} articles "
          f"({sum(len(a.claims) for a in articles)} claims).")
    from annotate.training.train import train_model

    try:
        result = train_model(articles, output, held_out=args.held_out, dev=dev,
                             max_steps=args.max_steps, progress=_progress(),
                             log=lambda line: print(line, file=sys.stderr))
    except TrainingError as exc:
        print(f"quotedesk: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    s = result.scores
    where = "dev" if dev is not None else "held-out"
    print(f"Trained on {result.train_articles} articles in {result.steps} steps "
          f"({result.seconds:.0f} s); scored on {result.held_out_articles} {where} articles.")
    print(f"{'spans (exact)':<16}{'precision':>10}{'recall':>10}{'F1':>10}")
    print(f"{'all':<16}{s.get('attr_p', 0):>10.3f}{s.get('attr_r', 0):>10.3f}{s.get('attr_f', 0):>10.3f}")
    for label, m in sorted((s.get("attr_per_type") or {}).items()):
        print(f"{label.lower():<16}{m['p']:>10.3f}{m['r']:>10.3f}{m['f']:>10.3f}")
    print(f"Model written to {result.path}. "
          + ("It is the model `quotedesk suggest` and the window use from now on."
             if args.output is None else f"Use it with:  quotedesk suggest --model {result.path}"))
    return EXIT_OK
