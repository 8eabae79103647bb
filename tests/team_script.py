"""One team member as a process of its own, for the blind double-annotation tests.

    python -m tests.team_script annotate URL NAME   # an annotator works through their queue
    python -m tests.team_script adjudicate URL      # the lead settles the disagreements

Prints one JSON report on stdout. The example (one article, suggestions, each annotator's decisions)
is the hand-computed one of tests/kernel/test_agreement.py, made through the project's real verbs.
"""

from __future__ import annotations

import json
import sys
import time

TEXT = ("Ana said the plan works. Ben said taxes will rise. Cy said rain is coming. "
        "Di said the bridge is safe. Ed said nothing matters.")
TOPIC = "The plan"
SUGGESTED = [("the plan works", "Ana"), ("taxes will rise", "Ben"), ("rain is coming", "Cy"),
             ("the bridge is safe", "Di"), ("Ana said", None)]  # the last one is wrong: everyone rejects it

# Per annotator: per suggestion (by its words) the decision, then claims of their own.
PLANS = {
    "anna": {"decide": {"the plan works": dict(stance="favor", verdict_rating="True"),
                        "taxes will rise": dict(stance="against", verdict_rating="False"),
                        "rain is coming": dict(stance="favor"),
                        "the bridge is safe": dict(stance="neutral", verdict_rating="True"),
                        "Ana said": None},
             "add": []},
    "ben": {"decide": {"the plan works": dict(stance="favor"),
                       "taxes will rise": dict(content="will rise", stance="favor", verdict_rating="False"),
                       "rain is coming": None,  # rejected
                       "the bridge is safe": dict(speaker="Dan", stance="neutral", verdict_rating="Mostly true"),
                       "Ana said": None},
            "add": [dict(content="nothing matters", speaker="Ed", stance="against")]},
    "cy": {"decide": {"the plan works": dict(stance="favor"),
                      "taxes will rise": dict(stance="against"),
                      "rain is coming": None,
                      "the bridge is safe": None,
                      "Ana said": None},
           "add": [dict(content="nothing matters", speaker="Ed", stance="against")]},
}


def span(phrase: str):
    from db import Span

    start = TEXT.index(phrase)
    return Span(start, start + len(phrase), phrase)


def setup(url: str) -> int:
    """The project as the lead finds it: one article with the engine's four suggestions."""
    from db import ClaimDraft, NewArticle, Project

    with Project.open(url) as p:
        p.add_topic(TOPIC, keywords=["plan"])
        art, _ = p.add_article(NewArticle(text=TEXT, title="Five sayings"))
        p.save_suggestions(art.id, [ClaimDraft(content=span(words), speaker=who, topic=TOPIC)
                                    for words, who in SUGGESTED])
        return art.id


def _fields(decision: dict) -> dict:
    out = dict(decision)
    if "content" in out:
        out["content"] = span(out["content"])
    return out


def annotate(url: str, name: str) -> dict:
    from db import ClaimDraft, ClaimFilter, Project, QuotedeskError

    plan = PLANS[name]
    report: dict = {"name": name, "articles": [], "refused": None}
    with Project.open(url) as p:
        assert p.blind, "blind annotation is on before annotators start"
        for item in p.queue(name):
            p.open_layer(item.article_id, name)
            for claim in p.layer_claims(item.article_id, name):
                decision = plan["decide"][claim.content.text]
                if decision is None:
                    p.reject_claim(claim.id, annotator=name)
                else:
                    p.update_claim(claim.id, annotator=name, status="confirmed", **_fields(decision))
            for extra in plan["add"]:
                fields = _fields(extra)
                p.add_claim(item.article_id, ClaimDraft(content=fields.pop("content"), status="confirmed",
                                                        origin="manual", topic=TOPIC, **fields),
                            annotator=name, layer=name)
            p.finish_assignment(item.article_id, name)
            report["articles"].append(item.article_id)
        # Wait until everyone assigned has finished, then look at what this annotator can see.
        deadline = time.monotonic() + 120
        while not all(set(a.finished) == set(a.annotators) for a in p.progress().per_article):
            if time.monotonic() > deadline:
                raise SystemExit(f"{name}: the others did not finish within 120 s")
            time.sleep(0.2)
        for article_id in report["articles"]:
            mine = p.layer_claims(article_id, name)
            report[f"own_{article_id}"] = sorted([c.content.text, c.status, c.stance, c.verdict_rating]
                                                 for c in mine)
            finals = p.claims(ClaimFilter(article_id=article_id))
            report[f"final_{article_id}"] = sorted([c.content.text, c.status, c.annotator] for c in finals)
            others = [n for n in p.layer_annotators(article_id) if n != name]
            theirs = p.layer_claims(article_id, others[0])[0]
            try:
                p.update_claim(theirs.id, annotator=name, note=f"{name} was here")
            except QuotedeskError as exc:
                report["refused"] = str(exc)
    return report


def adjudicate(url: str) -> dict:
    """The lead's policy: what everyone agrees on is settled at once; then, per disagreement, the version of
    the first annotator (by name) who has the claim when at least half of them have it, else "no claim"."""
    from db import Project

    report: dict = {"taken": [], "no_claim": [], "agreed": 0}
    with Project.open(url) as p:
        for article_id in p.annotated_articles():
            people = p.layer_annotators(article_id)
            report["agreed"] += sum(g.agreed and not g.is_settled for g in p.adjudication_groups(article_id))
            p.adjudicate_agreed(article_id, annotator="lead")
            for group in p.disagreements(article_id, open_only=True):
                versions = {who: c for who, c in group.versions.items() if c is not None}
                if 2 * len(versions) >= len(people):
                    first = versions[min(versions)]
                    p.adjudicate(article_id, take=first.id, replaces=[i for i in group.open_ids if i != first.id],
                                 annotator="lead")
                    report["taken"].append([min(versions), first.content.text])
                else:
                    p.reject_all(article_id, group.open_ids, annotator="lead")
                    report["no_claim"].append(sorted(c.content.text for c in versions.values()))
        report["left_open"] = sum(len(p.disagreements(a, open_only=True)) for a in p.annotated_articles())
    return report


def main(argv: list[str]) -> int:
    if argv[0] == "annotate":
        print(json.dumps(annotate(argv[1], argv[2])))
    elif argv[0] == "adjudicate":
        print(json.dumps(adjudicate(argv[1])))
    else:
        raise SystemExit(f"unknown command {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
