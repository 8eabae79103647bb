"""Whom a speaker speaks for, from what the article says about them.

"Italian Defense Minister Guido Crosetto", "Italy's Foreign Minister … Antonio Tajani",
"Italian Prime Minister Giorgia Meloni's office": a country (its name, "Italy's", or its
demonym "Italian") directly before a government title, itself directly before the name,
gives the affiliation "Government of Italy". The country names, alternative spellings
and demonyms come from ``countryinfo`` (MIT, maintained; pycountry has no demonyms); the
government titles and a few bodies that stand for a government ("the Kremlin") are ours.

A title that is not (yet) in office ("President-elect", "former minister", "opposition
leader") gives nothing, and neither does a country separated from the title by anything
but words of the title ("Italy willing to join …, defense minister says").
No Qt, no database: text in, ``Affiliation`` out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

GOVERNMENT_TITLES = (
    "prime minister", "deputy prime minister", "minister", "ministry", "premier", "president", "vice president",
    "chancellor", "foreign secretary", "home secretary", "defence secretary", "defense secretary",
    "secretary of state", "government", "cabinet", "spokesperson", "spokesman", "spokeswoman", "ambassador",
    "envoy", "office", "head of state", "head of government", "king", "queen", "leader",
)
NOT_IN_OFFICE = re.compile(r"-elect\b|\bformer\b|\bex-|\bopposition\b|\bcandidate\b|\bshadow\b", re.IGNORECASE)
# bodies that speak for a government, and the country they stand for
BODIES = {"kremlin": "Russia", "white house": "United States", "downing street": "United Kingdom",
          "elysee": "France", "élysée": "France", "palazzo chigi": "Italy"}
TITLE_WORD = re.compile(r"(?:[A-Z][\w.'’-]*|and|of|the|for|to|-|&)$")
THE = ("United ", "Netherlands", "Philippines", "Bahamas", "Gambia", "Czech Republic", "Dominican Republic",
       "Central African Republic", "Comoros", "Maldives", "Marshall Islands", "Solomon Islands")


@dataclass(frozen=True)
class Affiliation:
    affiliation: str  # "Government of Italy"
    country: str  # "Italy"
    evidence: str  # the words that say so: "Italian Defense Minister"


def government_of(country: str) -> str:
    return f"Government of the {country}" if country.startswith(THE) else f"Government of {country}"


@lru_cache(maxsize=1)
def _country_words() -> tuple[dict[str, str], re.Pattern]:
    """Every way of naming a country (name, alternative spellings, demonym), lower-cased, to its name."""
    from countryinfo import all_countries

    words: dict[str, str] = {}
    population: dict[str, int] = {}
    for info in all_countries():
        try:
            name = info.name()
        except Exception:  # a data file without a name: nothing to name it by
            continue
        data = info.info() if hasattr(info, "info") else {}
        population[name] = int(data.get("population") or 0)
        forms = [name, data.get("demonym"), *(data.get("altSpellings") or ())]
        for form in forms:
            if not form or (form.isupper() and form not in ("UK", "US", "USA", "UAE")):
                continue  # ISO codes ("IT", "AND") read as words; only a few are said as names
            if form not in words or population[name] > population.get(words[form], 0):
                words[form] = name
    words.update({"U.S.": "United States", "U.K.": "United Kingdom", "Britain": "United Kingdom",
                  "British": "United Kingdom", "America": "United States",
                  "Saudi": "Saudi Arabia", "Philippine": "Philippines"})  # short demonyms the data lacks
    words.update({_title_case(b): c for b, c in BODIES.items()})
    alternatives = sorted(words, key=len, reverse=True)
    # case as written: a country is capitalised ("Turkey", not "turkey")
    pattern = re.compile(r"(?<![\w.])(" + "|".join(re.escape(w) for w in alternatives) + r")(?:['’]s)?(?![\w])")
    return words, pattern


def country_of(words: str) -> str | None:
    """The country ``words`` name exactly, as written ("Italian", "Italy", "U.S."), else None."""
    table, _ = _country_words()
    return table.get(words.strip())


def _title_case(name: str) -> str:
    return name[:1].upper() + name[1:]


def from_title(phrase: str) -> Affiliation | None:
    """The affiliation a title phrase states: "Italian Defense Minister", "Italy's Foreign Minister"."""
    phrase = " ".join(phrase.split())
    if not phrase or NOT_IN_OFFICE.search(phrase):
        return None
    words, pattern = _country_words()
    for m in pattern.finditer(phrase):
        rest = phrase[m.end():].strip()
        tokens = rest.split()
        if not tokens or not all(TITLE_WORD.match(t) for t in tokens):
            continue  # something other than a title between the country and the end
        lowered = rest.casefold()
        if any(re.search(rf"\b{re.escape(t)}\b", lowered) for t in GOVERNMENT_TITLES):
            country = words[m.group(1)]
            return Affiliation(government_of(country), country, phrase[m.start():].strip())
    body = next((b for b in BODIES if re.search(rf"\b{re.escape(b)}\b", phrase.casefold())), None)
    if body is not None and phrase.casefold().strip(" '’s").endswith(body):
        return Affiliation(government_of(BODIES[body]), BODIES[body], phrase)
    return None


def infer(role: str | None, before_mention: str | None, speaker: str | None = None) -> Affiliation | None:
    """The affiliation of a claim's speaker: from the claim's role, else from the words right before
    the speaker's mention in the article (``before_mention``, up to the mention), else from a name
    that is itself a body ("the Kremlin")."""
    if role:
        found = from_title(role)
        if found is not None:
            return found
    if before_mention:
        tail = re.split(r"[.!?;:,\n\"“”()]", before_mention)[-1]
        found = from_title(tail)
        if found is not None:
            return found
    if speaker:
        return from_title(speaker) if any(b in speaker.casefold() for b in BODIES) else None
    return None
