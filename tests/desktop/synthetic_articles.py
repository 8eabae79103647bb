"""Varied, realistic-looking news articles for load tests (the stall test and its benchmark).

Deterministic for a seed. Each article has a headline, a dateline, and paragraphs that mix
direct quotes, reported speech, "according to" attributions, pronoun follow-ups, emoji and
plain narrative, so the pipeline does the same kind of work as on real news.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

PEOPLE = [
    ("Guido Crosetto", "Defense Minister", "Italy"), ("Giorgia Meloni", "Prime Minister", "Italy"),
    ("Antonio Tajani", "Foreign Minister", "Italy"), ("Emmanuel Macron", "President", "France"),
    ("Olaf Scholz", "Chancellor", "Germany"), ("Keir Starmer", "Prime Minister", "Britain"),
    ("Donald Tusk", "Prime Minister", "Poland"), ("Ursula von der Leyen", "Commission President", "the EU"),
    ("Mark Rutte", "Secretary General", "NATO"), ("Pedro Sánchez", "Prime Minister", "Spain"),
    ("Kaja Kallas", "foreign policy chief", "the EU"), ("Elly Schlein", "opposition leader", "Italy"),
    ("Matteo Salvini", "Deputy Prime Minister", "Italy"), ("Volodymyr Zelensky", "President", "Ukraine"),
]
TOPICS = [
    ("peacekeeping mission", ["send troops to Ukraine", "join a peacekeeping force", "deploy soldiers after a ceasefire"]),
    ("defence budget", ["raise defence spending to 2% of GDP", "buy new air defence systems", "cut the military budget"]),
    ("energy prices", ["cap gas prices for households", "extend the electricity bonus", "build new nuclear plants"]),
    ("migration", ["tighten border controls", "open new reception centres", "share asylum seekers across Europe"]),
    ("pensions", ["raise the retirement age", "index pensions to inflation", "protect early retirement"]),
]
CUES = ["said", "told reporters", "told journalists", "said in a statement", "wrote on X", "told parliament",
        "said in an interview", "added", "warned", "insisted", "stressed"]
WHEN = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week", "yesterday",
        "on Dec. 12", "on March 3", "earlier this month", ""]
PLACES = ["Rome", "Brussels", "Paris", "Berlin", "Warsaw", "London", "Madrid", "Kyiv", "Milan", "The Hague"]
PUBLISHERS = ["Kyiv Independent", "ANSA", "Reuters", "Il Post", "Politico Europe", "Euronews", "The Guardian"]
NARRATIVE = [
    "The debate comes as allies weigh how to guarantee a future ceasefire.",
    "Talks between the coalition partners have dragged on for weeks without a deal.",
    "Officials in {place} have not published a timetable.",
    "The proposal would need the approval of parliament, where the majority is narrow.",
    "Opposition parties have called for a vote before the summer recess.",
    "Analysts in {place} expect the question to dominate the next summit 🇪🇺.",
    "Polls show voters are split almost evenly on the issue.",
    "The ministry declined to comment on the details 🙏 when contacted by {publisher}.",
    "A similar plan was shelved in 2019 after objections from several member states.",
]


def _quote(rng: random.Random, person, topic) -> str:
    name, role, country = person
    surname = name.split()[-1]
    plan = rng.choice(topic[1])
    when = rng.choice(WHEN)
    when = f" {when}" if when else ""
    stance = rng.choice(["We are ready to", "We will not", "It would be a mistake to", "Italy must",
                         "Nobody is asking us to", "We have always been willing to"])
    form = rng.randrange(6)
    if form == 0:
        return f"\u201c{stance} {plan},\u201d {role} {name} {rng.choice(CUES)}{when}."
    if form == 1:
        return f"{country.capitalize()}'s {role} {name} {rng.choice(CUES)}{when} that the government would {plan}."
    if form == 2:
        return f"According to {name}, the {topic[0]} is \u201cnot on the table for now\u201d."
    if form == 3:
        return (f"\u201c{stance} {plan}. There is no other way,\u201d {surname} said{when}, "
                f"speaking in {rng.choice(PLACES)}. \u201cWe will decide together with our allies.\u201d")
    if form == 4:
        return (f"{name}, the {role.lower()}, {rng.choice(['argued', 'said', 'warned'])} that it was too early to "
                f"{plan}. She added that any decision would follow a debate in parliament."
                if rng.random() < 0.5 else
                f"{surname} said{when} that {country} would {plan} \u201cif the conditions are right\u201d.")
    return (f"\u201cWe have been clear about the {topic[0]} from the start \U0001F4AC,\u201d {surname} "
            f"{rng.choice(CUES)}, before a meeting in {rng.choice(PLACES)}. \u201c{stance} {plan}.\u201d")


def article_text(rng: random.Random, index: int) -> str:
    topic = rng.choice(TOPICS)
    cast = rng.sample(PEOPLE, k=rng.randint(2, 4))
    place, publisher = rng.choice(PLACES), rng.choice(PUBLISHERS)
    published = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(600))
    lead = cast[0]
    lines = [
        f"{lead[2].capitalize()} {rng.choice(['weighs', 'rules out', 'backs', 'debates'])} "
        f"{topic[0]}, {lead[1].lower()} says (report {index})",
        "",
        f"{publisher} · {published.strftime('%B')} {published.day}, {published.year} · {place}",
        "",
    ]
    for _ in range(rng.randint(8, 26)):
        if rng.random() < 0.65:
            para = _quote(rng, rng.choice(cast), topic)
        else:
            para = rng.choice(NARRATIVE).format(place=rng.choice(PLACES), publisher=publisher)
        if rng.random() < 0.5:
            para += " " + rng.choice(NARRATIVE).format(place=rng.choice(PLACES), publisher=publisher)
        lines += [para, ""]
    return "\n".join(lines)


def write_articles(folder: Path, count: int, seed: int = 5) -> list[Path]:
    """Write ``count`` different articles as .txt files into ``folder``; returns their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"article_{i:05d}.txt"
        path.write_text(article_text(rng, i), encoding="utf-8")
        paths.append(path)
    return paths
