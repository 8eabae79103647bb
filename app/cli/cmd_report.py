"""``quotedesk report [--topic NAME]``: the stance changes found in confirmed claims, as a table.

The same findings as the Stance changes view: per topic, pairs of claims by one speaker
or one affiliation whose stances differ, the earlier on the left, the later on the right.
"""

from __future__ import annotations

import shutil
import sys
import textwrap

from db import NotFoundError, StanceChange, StancePoint
from app.cli import EXIT_OK, add_db_argument
from app.projects import open_project
from kernel import STANCE_LABELS, STRENGTH_LABELS

WHO_WIDTH = 22


def register(sub) -> None:
    p = sub.add_parser("report", help="print the stance changes found in confirmed claims",
                       description="Print, per topic, where a speaker or speakers of one affiliation "
                       "changed stance between confirmed claims, with both quotes and their sources.")
    p.add_argument("--topic", metavar="NAME", help="only this topic (default: every topic)")
    p.add_argument("--same-day", action="store_true",
                   help="also list changes between two claims of one article on one day")
    add_db_argument(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    with open_project(args.db) as project:
        topic_id = None
        if args.topic:
            topic = project.find_topic(args.topic)
            if topic is None:
                names = ", ".join(f"“{t.name}”" for t in project.topics()) or "none yet"
                raise NotFoundError(f"There is no topic called “{args.topic}”. Topics in this project: {names}.")
            topic_id = topic.id
        changes = project.stance_changes(topic_id, same_day=args.same_day)
        judged = [p for p in project.stance_timeline(topic_id) if p.stance]
    width = max(72, min(160, shutil.get_terminal_size((110, 24)).columns))
    print(render(changes, judged_claims=len(judged), width=width))
    return EXIT_OK


def render(changes: list[StanceChange], *, judged_claims: int, width: int = 110) -> str:
    """The report text: one table per topic."""
    if not changes:
        if not judged_claims:
            return ("No stance changes: no confirmed claim has both a topic and a stance yet. "
                    "Confirm claims and set their topic and stance, then run the report again.")
        return f"No stance changes among {judged_claims} confirmed claims with a stance."
    out: list[str] = []
    topics = list(dict.fromkeys(c.topic for c in changes))
    for topic in topics:
        mine = [c for c in changes if c.topic == topic]
        reversals = sum(c.reversal and not c.same_moment for c in mine)
        heading = (f"{topic}: {len(mine)} stance change{'s' if len(mine) != 1 else ''}"
                   + (f", {reversals} reversal{'s' if reversals != 1 else ''} first" if reversals else ""))
        out += [heading, "=" * min(len(heading), width), ""]
        side = (width - WHO_WIDTH - 6) // 2
        out.append(_row(["Who", "Before", "After"], [WHO_WIDTH, side, side]))
        out.append("-+-".join("-" * w for w in (WHO_WIDTH, side, side)))
        for change in mine:
            basis = "(same speaker)" if change.basis == "speaker" else "(same affiliation)"
            cells = [_wrap([change.group, basis, STRENGTH_LABELS[change.strength]], WHO_WIDTH), _side(change.before, side), _side(change.after, side)]
            for i in range(max(map(len, cells))):
                out.append(_row([c[i] if i < len(c) else "" for c in cells], [WHO_WIDTH, side, side]))
            out.append("-+-".join("-" * w for w in (WHO_WIDTH, side, side)))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _side(p: StancePoint, width: int) -> list[str]:
    date = p.date.isoformat() + (" (article date)" if p.date_from_article else "")
    who = ", ".join(x for x in (p.speaker or "unknown speaker", p.role) if x)
    source = ", ".join(x for x in (p.article_title or f"article {p.article_id}", p.publisher, p.article_url) if x)
    return _wrap([f"{date}  {STANCE_LABELS.get(p.stance, p.stance or '').upper()}", who, f"“{p.quote}”", f"Source: {source}"], width)


def _wrap(paragraphs: list[str], width: int) -> list[str]:
    lines: list[str] = []
    for para in paragraphs:
        lines += textwrap.wrap(" ".join(para.split()), width) or [""]
    return lines


def _row(cells: list[str], widths: list[int]) -> str:
    return " | ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()


if __name__ == "__main__":  # pragma: no cover
    from app.cli import main

    sys.exit(main(["report", *sys.argv[1:]]))
