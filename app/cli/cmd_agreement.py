"""``quotedesk agreement``: how far the annotators of a blind-annotated project agree.

Per article and over all articles (pooled over their matched claims, not averaged): span F1
(partial and exact, matched as ``quotedesk eval`` matches), speaker agreement on matched claims,
Cohen's κ (two annotators) and Krippendorff's α (any number) on stance and verdict.
"""

from __future__ import annotations

import json
import sys
import textwrap

from app.cli import EXIT_FAILURE, EXIT_OK, add_db_argument
from app.projects import open_project

EXPLAINED = ("Span F1: claims matched as `quotedesk eval` matches them (partial: character overlap ≥ 0.5; exact: "
             "the same span). Speaker: share of matched claims naming the same speaker. κ (Cohen, per pair) "
             "and α (Krippendorff, nominal, any number of annotators) on stance and verdict of matched claims "
             "both labelled: 1 = perfect, 0 = chance. '-' = cannot be computed (no claims, one label only). "
             "Totals are pooled over all matched claims, not averaged over articles.")


def register(sub) -> None:
    p = sub.add_parser("agreement", help="agreement between annotators (span F1, speaker, stance and verdict κ/α)",
                       description="Agreement between the annotators of blind double annotation, per article "
                                   "and over all articles with at least two annotators' layers. " + EXPLAINED)
    add_db_argument(p)
    p.add_argument("--article", type=int, action="append", metavar="ID",
                   help="only this article (repeat for several)")
    p.add_argument("--format", "-f", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--finished", action="store_true",
                   help="count an annotator on an article only once they marked it finished")
    p.set_defaults(handler=run)


def run(args) -> int:
    from db.agreement import project_agreement

    with open_project(args.db, create=False) as project:
        ids = None
        if args.article:
            ids = list(dict.fromkeys(args.article))
            for article_id in ids:
                project.article(article_id)  # an unknown id: a clear NotFoundError
                people = project.layer_annotators(article_id)
                if len(people) < 2:
                    who = f"only {people[0]}'s layer" if people else "no annotator's layer"
                    print(f"quotedesk agreement: article {article_id} has {who}; agreement needs two annotators "
                          "(`quotedesk progress` shows who has which article).", file=sys.stderr)
                    return EXIT_FAILURE
        result = project_agreement(project, ids, finished_only=args.finished)
    if args.format == "json":
        json.dump(result.as_dict(), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    if not result.articles:
        print("No article has two annotators' layers yet" + (" that both marked finished" if args.finished else "")
              + ". Turn on blind annotation (`quotedesk blind on`), assign each article to two annotators "
                "(`quotedesk assign --round-robin --per-article 2 --to NAME NAME`) and let them work.")
        return EXIT_OK
    print(format_text(result))
    return EXIT_OK


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


HEAD = (f"{'':<34}{'claims':>7}{'F1 part':>9}{'F1 exact':>9}{'speaker':>9}"
        f"{'stance κ':>10}{'stance α':>10}{'n':>5}{'verdict κ':>11}{'verdict α':>11}{'n':>5}")


def _row(label: str, claims: int, item, kappa_stance, kappa_verdict, alpha: bool = True) -> str:
    stance_alpha = _f(item.stance.alpha) if alpha else ""
    verdict_alpha = _f(item.verdict.alpha) if alpha else ""
    label = label if len(label) <= 33 else label[:32] + "…"
    return (f"{label:<34}{claims:>7}{_f(item.f1_partial):>9}{_f(item.f1_exact):>9}{_f(item.speaker):>9}"
            f"{_f(kappa_stance):>10}{stance_alpha:>10}{item.stance.n:>5}{_f(kappa_verdict):>11}{verdict_alpha:>11}"
            f"{item.verdict.n:>5}")


def format_text(result) -> str:
    lines = [f"Agreement of {', '.join(result.annotators)} on {len(result.articles)} article(s)", "", HEAD]
    total = sum(sum(a.claims) for a in result.articles)
    lines.append(_row("All articles (pooled)", total, result, result.kappa("stance"), result.kappa("verdict")))
    for p in result.pairs:
        lines.append(_row(f"  {p.a} × {p.b} ({p.articles} art.)", p.claims_a + p.claims_b, p, p.stance.kappa,
                          p.verdict.kappa, alpha=False))
    lines += ["", "Per article"]
    for a in result.articles:
        lines.append(_row(f"{a.article_id:>5} {a.title or '(untitled)'}", sum(a.claims), a, a.kappa("stance"),
                          a.kappa("verdict")))
        counts = ", ".join(f"{n} {c}" for n, c in zip(a.annotators, a.claims))
        lines.append(f"{'':>6}claims: {counts}")
        if len(a.pairs) > 1:  # three annotators or more: each pair too
            for p in a.pairs:
                lines.append(_row(f"{'':>6}{p.a} × {p.b}", p.claims_a + p.claims_b, p, p.stance.kappa,
                                  p.verdict.kappa, alpha=False))
    lines += ["", *textwrap.wrap(EXPLAINED, 100)]
    return "\n".join(lines)
