"""``quotedesk topic add|list|rename|remove``: the topics claims take a stance on.

A stance is always a stance on a topic, so a project made on the command line needs a
topic before ``suggest`` can propose stances and ``report`` can show stance changes.
"""

from __future__ import annotations

import sys

from db import NotFoundError, Project, Topic
from app.cli import EXIT_FAILURE, EXIT_OK, add_db_argument
from app.projects import open_project


def register(sub) -> None:
    p = sub.add_parser("topic", help="add, list, rename or remove the topics stances are taken on",
                       description="Manage the project's topics. Suggestions get a stance (favor, against, "
                                   "neutral) only on a topic the project has; add one, then run "
                                   "`quotedesk suggest --redo` to suggest stances on it.")
    add_db_argument(p)
    verbs = p.add_subparsers(dest="verb", metavar="ACTION", required=True)

    v = verbs.add_parser("list", help="list the topics with their claim counts and keywords")
    add_db_argument(v)
    v.set_defaults(handler=run_list)

    v = verbs.add_parser("add", help="add a topic",
                         description="Add a topic. Keywords are the words that tell a claim is about it "
                                     "(the stance rules look for them).")
    add_db_argument(v)
    v.add_argument("name", metavar="NAME", help="the topic, e.g. 'Italy sending peacekeepers to Ukraine'")
    v.add_argument("-k", "--keyword", action="append", default=[], metavar="WORD",
                   help="a word or phrase that signals the topic; repeat or separate with commas")
    v.add_argument("--example", action="append", default=[], metavar="TEXT",
                   help="an example claim on the topic; repeat for several")
    v.add_argument("--annotator", metavar="NAME", help="record the change under this annotator's name")
    v.set_defaults(handler=run_add)

    v = verbs.add_parser("rename", help="rename a topic")
    add_db_argument(v)
    v.add_argument("topic", metavar="TOPIC", help="the topic's current name or its id")
    v.add_argument("new_name", metavar="NEW_NAME", help="its new name")
    v.add_argument("--annotator", metavar="NAME", help="record the change under this annotator's name")
    v.set_defaults(handler=run_rename)

    v = verbs.add_parser("remove", help="remove a topic",
                         description="Remove a topic. A topic that claims are on is kept unless --force is "
                                     "given; then those claims lose the topic and their stance on it. "
                                     "Either way the change can be undone in the window (Edit → Undo).")
    add_db_argument(v)
    v.add_argument("topic", metavar="TOPIC", help="the topic's name or its id")
    v.add_argument("--force", action="store_true", help="remove it even though claims are on it")
    v.add_argument("--annotator", metavar="NAME", help="record the change under this annotator's name")
    v.set_defaults(handler=run_remove)


def _keywords(values: list[str]) -> list[str]:
    return list(dict.fromkeys(k.strip() for v in values for k in v.split(",") if k.strip()))


def _find(project: Project, ref: str) -> Topic:
    """A topic by name (any case) or by id."""
    topic = project.find_topic(ref)
    if topic is None and ref.strip().isdigit():
        try:
            topic = project.topic(int(ref))
        except NotFoundError:
            topic = None
    if topic is None:
        names = ", ".join(f"“{t.name}”" for t in project.topics()) or "none yet"
        raise NotFoundError(f"There is no topic “{ref}” in this project (its topics: {names}). "
                            "`quotedesk topic list` shows them.")
    return topic


def run_list(args) -> int:
    with open_project(args.db) as project:
        topics = project.topics()
    if not topics:
        print("No topics yet. Add one with: quotedesk topic add NAME --keyword WORD")
        return EXIT_OK
    width = max(len(t.name) for t in topics)
    print(f"{'ID':>4}  {'Topic':<{width}}  {'Claims':>6}  Keywords")
    for t in topics:
        print(f"{t.id:>4}  {t.name:<{width}}  {t.claim_count:>6}  {', '.join(t.keywords)}")
    return EXIT_OK


def run_add(args) -> int:
    with open_project(args.db) as project:
        topic, _ = project.add_topic(args.name, keywords=_keywords(args.keyword), examples=args.example,
                                     annotator=args.annotator)
        suggested = bool(project.info().claims)
    print(f"Added topic {topic.id}: {topic.name}" + (f" (keywords: {', '.join(topic.keywords)})"
                                                      if topic.keywords else ""))
    if not topic.keywords:
        print("Without keywords, stances are found only where a claim names the topic's own words; "
              "add some with `quotedesk topic add` next time, e.g. --keyword peacekeepers.", file=sys.stderr)
    if suggested:
        print("Claims suggested before now have no stance on it: run `quotedesk suggest --redo` to suggest "
              "again (confirmed and rejected claims are kept).")
    return EXIT_OK


def run_rename(args) -> int:
    with open_project(args.db) as project:
        topic = _find(project, args.topic)
        project.rename_topic(topic.id, args.new_name, annotator=args.annotator)
        renamed = project.topic(topic.id)
    print(f"Renamed topic {topic.id}: {topic.name} → {renamed.name}")
    return EXIT_OK


def run_remove(args) -> int:
    with open_project(args.db) as project:
        topic = _find(project, args.topic)
        count = next((t.claim_count for t in project.topics() if t.id == topic.id), 0)
        if count and not args.force:
            print(f"quotedesk topic remove: {count} claim(s) are on topic “{topic.name}”; removing it would take "
                  "their topic and stance away. Add --force to remove it anyway.", file=sys.stderr)
            return EXIT_FAILURE
        project.remove_topic(topic.id, annotator=args.annotator)
    print(f"Removed topic {topic.id}: {topic.name}" + (f" ({count} claim(s) lost their topic and stance)"
                                                        if count else ""))
    return EXIT_OK
