"""A team's work from the command line: ``assign``, ``unassign``, ``queue``, ``progress``, ``finish``, ``blind``.

Thin commands over the project's team verbs (``db.team``): every change is an undoable, audited
action under the name given with ``--by`` (or the annotator's own, for ``finish``).
"""

from __future__ import annotations

import argparse
import sys

from app.cli import EXIT_FAILURE, EXIT_OK, add_db_argument
from app.projects import open_project

MAX_ID = 2**63 - 1  # the largest id a database column holds


def article_id(text: str) -> int:
    """An article id as typed: a whole number from 1 on (argparse says so otherwise)."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an article id (a whole number, e.g. 12)") from None
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text} is not an article id (ids are whole numbers from 1)")
    return value


def count(text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"{text} annotators per article? Give 1 to the number of annotators")
    return value


def register(sub) -> None:
    p = sub.add_parser("assign", help="give articles to annotators (by hand, or round-robin)",
                       description="Give articles to annotators. By hand: each ARTICLE_ID to each annotator "
                                   "named with --to. With --round-robin: each article (all of them, or the "
                                   "ARTICLE_IDs) gets --per-article distinct annotators among --to, the load "
                                   "spread evenly; articles that already have enough are left alone. "
                                   "Assigning again what is assigned changes nothing.")
    add_db_argument(p)
    p.add_argument("articles", nargs="*", type=article_id, metavar="ARTICLE_ID", help="article ids")
    p.add_argument("--to", nargs="+", required=True, metavar="NAME", help="the annotators")
    p.add_argument("--all", action="store_true", help="every article of the project (by hand)")
    p.add_argument("--round-robin", action="store_true", help="spread the articles over the annotators")
    p.add_argument("--per-article", type=count, default=1, metavar="N",
                   help="with --round-robin: annotators per article (2 for double annotation; default 1)")
    p.add_argument("--by", metavar="NAME", help="record the change under this name (the lead's)")
    p.set_defaults(handler=run_assign)

    p = sub.add_parser("unassign", help="take articles back from annotators (their work stays)")
    add_db_argument(p)
    p.add_argument("articles", nargs="+", type=article_id, metavar="ARTICLE_ID")
    p.add_argument("--from", dest="people", nargs="+", required=True, metavar="NAME", help="the annotators")
    p.add_argument("--by", metavar="NAME", help="record the change under this name")
    p.set_defaults(handler=run_unassign)

    p = sub.add_parser("queue", help="an annotator's articles: unfinished first, with claims decided")
    add_db_argument(p)
    p.add_argument("annotator", metavar="NAME")
    p.set_defaults(handler=run_queue)

    p = sub.add_parser("progress", help="progress per annotator and per assigned article")
    add_db_argument(p)
    p.set_defaults(handler=run_progress)

    p = sub.add_parser("finish", help="mark an annotator's article finished (or --reopen it)")
    add_db_argument(p)
    p.add_argument("article", type=article_id, metavar="ARTICLE_ID")
    p.add_argument("--annotator", required=True, metavar="NAME", help="whose assignment")
    p.add_argument("--reopen", action="store_true", help="mark it not finished again")
    p.set_defaults(handler=run_finish)

    p = sub.add_parser("blind", help="show or set blind annotation (each annotator in a private layer)",
                       description="Blind double annotation: with it on, each annotator's decisions on an "
                                   "article are kept in their own layer, unseen by the others until "
                                   "adjudication. Without on/off, says whether it is on.")
    add_db_argument(p)
    p.add_argument("state", nargs="?", choices=("on", "off"), help="turn it on or off")
    p.add_argument("--by", metavar="NAME", help="record the change under this name")
    p.set_defaults(handler=run_blind)


def _pairs(project) -> set[tuple[int, str]]:
    return {(a.article_id, who) for a in project.progress().per_article for who in a.annotators}


def _say_pairs(pairs: set[tuple[int, str]]) -> None:
    by_person: dict[str, list[int]] = {}
    for article, who in sorted(pairs):
        by_person.setdefault(who, []).append(article)
    for who in sorted(by_person):
        ids = by_person[who]
        shown = ", ".join(map(str, ids[:20])) + (f", … ({len(ids) - 20} more)" if len(ids) > 20 else "")
        print(f"  {who}: {len(ids)} article(s): {shown}")


def _ids_among_names(command: str, option: str, names: list[str]) -> bool:
    """Article ids typed after --to/--from end up among the names: say where they go instead."""
    ids = [n for n in names if n.strip().isdigit()]
    if ids:
        print(f"quotedesk {command}: “{ids[0]}” looks like an article id, not an annotator; put the article ids "
              f"before {option} (quotedesk {command} {' '.join(ids)} {option} NAME…). Nothing was changed.",
              file=sys.stderr)
    return bool(ids)


def run_assign(args) -> int:
    if _ids_among_names("assign", "--to", args.to):
        return EXIT_FAILURE
    if args.round_robin and args.all:
        print("quotedesk assign: --round-robin takes every article already; leave out --all "
              "(or name ARTICLE_IDs to spread only those).", file=sys.stderr)
        return EXIT_FAILURE
    if not args.round_robin and args.per_article != 1:
        print("quotedesk assign: --per-article goes with --round-robin; by hand, each article goes to every "
              "annotator named with --to.", file=sys.stderr)
        return EXIT_FAILURE
    if not args.round_robin and not args.articles and not args.all:
        print("quotedesk assign: name the articles (ARTICLE_ID…, or --all), or spread them with --round-robin.",
              file=sys.stderr)
        return EXIT_FAILURE
    with open_project(args.db, create=False) as project:
        before = _pairs(project)
        if args.round_robin:
            project.assign_round_robin(args.to, per_article=args.per_article, article_ids=args.articles or None,
                                       by=args.by)
        else:
            ids = project.article_ids() if args.all else args.articles
            project.assign(ids, args.to, by=args.by)
        new = _pairs(project) - before
    if not new:
        print("Nothing new to assign: those articles already have those annotators.")
        return EXIT_OK
    print(f"Assigned {len(new)} article–annotator pair(s):")
    _say_pairs(new)
    return EXIT_OK


def run_unassign(args) -> int:
    if _ids_among_names("unassign", "--from", args.people):
        return EXIT_FAILURE
    with open_project(args.db, create=False) as project:
        for a in dict.fromkeys(args.articles):
            project.article(a)  # an unknown id: a clear message
        before = _pairs(project)
        project.unassign(args.articles, args.people, by=args.by)
        gone = before - _pairs(project)
    if not gone:
        print("Nothing to take back: those articles were not assigned to those annotators.")
        return EXIT_OK
    print(f"Took back {len(gone)} article–annotator pair(s) (their layers and claims stay):")
    _say_pairs(gone)
    return EXIT_OK


def run_queue(args) -> int:
    with open_project(args.db, create=False) as project:
        items = project.queue(args.annotator)
        known = project.annotators()
    if not items:
        hint = "" if args.annotator.strip() in known else f" (no annotator called “{args.annotator.strip()}” yet)"
        print(f"Nothing assigned to {args.annotator.strip()}{hint}. "
              "A lead assigns articles with `quotedesk assign ARTICLE_ID… --to NAME`.")
        return EXIT_OK
    done = sum(i.finished for i in items)
    print(f"{args.annotator.strip()}: {len(items)} article(s), {done} finished")
    print(f"{'ID':>6}  {'state':<9}{'decided':>9}  title")
    for i in items:
        state = "finished" if i.finished else "open"
        print(f"{i.article_id:>6}  {state:<9}{f'{i.decided}/{i.total}':>9}  {i.title or '(untitled)'}")
    return EXIT_OK


def run_progress(args) -> int:
    with open_project(args.db, create=False) as project:
        progress = project.progress()
        blind = project.blind
    print(f"Blind annotation: {'on' if blind else 'off'}")
    if not progress.per_annotator:
        print("No article is assigned yet: `quotedesk assign --round-robin --per-article 2 --to NAME NAME`.")
        return EXIT_OK
    width = max(10, *(len(p.annotator) for p in progress.per_annotator))
    print(f"\n{'annotator':<{width}}{'assigned':>10}{'finished':>10}{'claims decided':>16}")
    for p in progress.per_annotator:
        print(f"{p.annotator:<{width}}{p.assigned:>10}{p.finished:>10}{p.decided_claims:>16}")
    print(f"\n{'ID':>6}  {'finished':<10}annotators  title")
    for a in progress.per_article:
        who = ", ".join(f"{n}{' ✓' if n in a.finished else ''}" for n in a.annotators)
        print(f"{a.article_id:>6}  {f'{len(a.finished)}/{len(a.annotators)}':<10}{who}  {a.title or '(untitled)'}")
    return EXIT_OK


def run_finish(args) -> int:
    with open_project(args.db, create=False) as project:
        project.finish_assignment(args.article, args.annotator, not args.reopen)
    print(f"Article {args.article}: {'open again' if args.reopen else 'finished'} for {args.annotator.strip()}.")
    return EXIT_OK


def run_blind(args) -> int:
    with open_project(args.db, create=False) as project:
        if args.state is not None:
            project.set_blind(args.state == "on", annotator=args.by)
        on = project.blind
    if on:
        print("Blind annotation is on: each annotator works in a private layer of each article; "
              "`quotedesk agreement` compares the layers, adjudication makes the final claims.")
    else:
        print("Blind annotation is off: everyone works on the project's one set of claims.")
    return EXIT_OK
