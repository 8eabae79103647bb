"""Gender evidence for people named in an article, so "she" is never resolved to a man.

Evidence, strongest first: a gendered honorific or title written with the name ("Ms Kowalska",
"spokeswoman Ana Ruiz"), a pronoun that can only be that person's in the sentence naming them,
and the first name. First names come from the name data of ``nomquamgender`` (MIT, about 720,000
names from many countries with the share of women bearing each); only names that are clearly one
or the other count (>= 90% one way, seen often). Without the package installed, first names give
no evidence and only the article's own words do.
"""
from __future__ import annotations

import importlib.util
import re
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

FEMALE_WORDS = frozenset("""mrs mrs. ms ms. miss madam madame mme mme. dame lady spokeswoman chairwoman
congresswoman councilwoman businesswoman stateswoman queen princess duchess countess empress
baroness sister mother wife daughter actress widow grandmother aunt niece""".split())
MALE_WORDS = frozenset("""mr mr. sir lord monsieur spokesman chairman congressman councilman
businessman statesman king prince duke count emperor baron brother father husband son actor
widower grandfather uncle nephew""".split())
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}

_MIN_COUNT = 50  # people bearing the name in the data before it counts as evidence
_SHARE = 0.9  # share of one gender before it counts
_ENTRY = re.compile(r'"([^"\\]+)": \[\d+, (\d+), ([\d.]+)')
_LATIN = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"})
_lock = threading.Lock()
_table: dict[str, str] | None = None


def _data_file() -> Path | None:
    spec = importlib.util.find_spec("nomquamgender")  # located, not imported: its code needs pandas
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    return path if path.is_file() else None


def _load() -> dict[str, str]:
    global _table
    with _lock:
        if _table is None:
            path = _data_file()
            table: dict[str, str] = {}
            if path is not None:
                for m in _ENTRY.finditer(path.read_text(encoding="utf-8")):
                    count, share = int(m.group(2)), float(m.group(3))
                    if count >= _MIN_COUNT and (share >= _SHARE or share <= 1 - _SHARE):
                        table[m.group(1)] = "f" if share >= _SHARE else "m"
            _table = table
        return _table


def _plain(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold().translate(_LATIN))
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


@lru_cache(maxsize=8192)
def first_name_gender(first: str) -> str | None:
    """"f", "m" or None for a first name ("Mette" -> "f", "Henrik" -> "m", "Kim" -> None)."""
    key = _plain(first.strip(".,"))
    if len(key) < 2 or not key.isalpha():
        return None
    return _load().get(key)


# Surnames that mark gender in languages whose surnames agree with their bearer (Czech and Slovak
# "-ová", Polish "-ska"/"-ski", Lithuanian "-aitė"/"-ienė", Russian and Bulgarian "-ova"/"-ov"...):
# evidence for a person whose first name says nothing ("Rasa Vaitkutė").
_FEMALE_ENDINGS = ("ová", "ská", "cká", "ska", "cka", "dzka", "ienė", "aitė", "ytė", "utė", "ūtė",
                   "iūtė", "ova", "eva", "ёva", "ovna", "evna")
_MALE_ENDINGS = ("ský", "cký", "ski", "cki", "dzki", "ov", "ev", "ovich", "evich", "ovič", "evič")


def surname_gender(surname: str) -> str | None:
    """"f" or "m" where the surname's ending marks its bearer's gender, else None."""
    low = surname.strip(".,").casefold()
    if len(low) < 5 or not low.isalpha():
        return None
    if low.endswith(_FEMALE_ENDINGS):
        return "f"
    if low.endswith(_MALE_ENDINGS):
        return "m"
    return None


def word_gender(word: str) -> str | None:
    """Gender carried by an honorific or a title word ("Ms", "spokesman"), else None."""
    low = word.lower()
    if low in FEMALE_WORDS:
        return "f"
    if low in MALE_WORDS:
        return "m"
    return None
