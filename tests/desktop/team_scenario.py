"""A team's project for the window tests: one article annotated blind by two or three people.

``build(path, annotators)`` makes a real project file: the two seed articles plus a briefing with
three suggested claims (an emoji before the third, so offsets cross the UTF-16 boundary), blind
annotation on, the briefing assigned to every annotator. ``decide(path, annotator)`` is one
annotator's work on it, as ``PLANS`` says; the tests run it in a separate process
(``python -m tests.desktop.team_scenario decide PATH NAME``), as a second person's machine would.

What the plans make, for the tests' hand-computed figures:

- ana: Q1 accepted (speaker Guido Crosetto), Q2 accepted, Q3 rejected            -> 2 claims
- ben: Q1 accepted (speaker changed to Italian defence ministry), Q2 accepted, Q3 -> 3 claims
- cem: Q1 accepted (Guido Crosetto), Q2 accepted with stance in favour, Q3       -> 3 claims

ana–ben: 2 matched of 2 + 3 claims, span F1 = 2·2/5 = 0.8; speaker agrees on Q2 only (0.5);
disagreements: Q1 (speaker) and Q3 (ben alone). Q2 is the same for ana and ben.
"""

from __future__ import annotations

import sys
from pathlib import Path

from db import ClaimDraft, ClaimFilter, NewArticle, Project, Span

TITLE = "Peacekeeping briefing"
Q1 = "Italy is ready to send peacekeepers to Ukraine"
Q2 = "Italy does not plan to send troops on the ground"
Q3 = "It is far too early to talk about a mission"
TEXT = (f"Rome, 12 March. “{Q1},” said Guido Crosetto, the defence minister, on Tuesday.\n\n"
        f"Giorgia Meloni's office said {Q2} before a ceasefire.\n\n"
        f"At the summit 🙂 a spokesperson said: “{Q3}.”\n")
SUGGESTED = {  # quote -> (speaker, mention, stance) the model suggested
    Q1: ("Guido Crosetto", "Guido Crosetto", "favor"),
    Q2: ("Giorgia Meloni", "Giorgia Meloni", "against"),
    Q3: ("spokesperson", "a spokesperson", None),
}
PLANS = {  # annotator -> quote -> (decision, fields)
    "ana": {Q1: ("confirm", {}), Q2: ("confirm", {}), Q3: ("reject", {})},
    "ben": {Q1: ("confirm", {"speaker": "Italian defence ministry"}), Q2: ("confirm", {}), Q3: ("confirm", {})},
    "cem": {Q1: ("confirm", {}), Q2: ("confirm", {"stance": "favor"}), Q3: ("confirm", {})},
}


def span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def build(path: Path, annotators=("ana", "ben"), *, lead: str = "lea", blind: bool = True) -> int:
    """The project file; returns the briefing's article id."""
    from app.projects import seed_project

    with Project.open(path) as project:
        seed_project(project)
        article, _ = project.add_article(NewArticle(text=TEXT, title=TITLE, publisher="Team desk"))
        drafts = [ClaimDraft(content=span(TEXT, quote), kind="direct" if quote != Q2 else "indirect",
                             speaker=speaker, mention=span(TEXT, mention), stance=stance, confidence=0.9,
                             model_name="test", status="suggested", origin="model")
                  for quote, (speaker, mention, stance) in SUGGESTED.items()]
        project.save_suggestions(article.id, drafts)
        for name in (*annotators, lead):
            project.add_annotator(name)
        if blind:
            project.set_blind(True, annotator=lead)
        project.assign([article.id], list(annotators), by=lead)
        return article.id


def briefing_id(project: Project) -> int:
    return next(a.id for a in project.articles() if a.title == TITLE)


def decide(path: Path, annotator: str, *, finish: bool = True) -> None:
    """``annotator``'s decisions in their own layer of the briefing, then finished in their queue."""
    with Project.open(path, create=False) as project:
        article_id = briefing_id(project)
        project.open_layer(article_id, annotator)
        claims = project.claims(ClaimFilter(article_id=article_id, layer=annotator))
        for quote, (decision, fields) in PLANS[annotator].items():
            claim = next(c for c in claims if c.content.text == quote)
            if fields:
                project.update_claim(claim.id, annotator=annotator, **fields)
            if decision == "confirm":
                project.confirm_claim(claim.id, annotator=annotator)
            else:
                project.reject_claim(claim.id, annotator=annotator)
        if finish:
            project.finish_assignment(article_id, annotator, True)


def decide_in_process(path: Path, annotator: str, *, finish: bool = True) -> None:
    """``decide`` in a separate Python process (another annotator's machine)."""
    import os
    import subprocess

    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(repo) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    subprocess.run([sys.executable, "-m", "tests.desktop.team_scenario", "decide", str(path), annotator,
                    "finish" if finish else "open"], check=True, cwd=repo, env=env, timeout=120)


if __name__ == "__main__":
    command, target, name, *rest = sys.argv[1:]
    if command == "decide":
        decide(Path(target), name, finish=rest != ["open"])
    elif command == "build":
        build(Path(target), tuple(name.split(",")))
