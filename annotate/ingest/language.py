"""A cheap guess at an article's language, for texts whose metadata does not say.

Script first (Arabic, Hebrew, Greek, Cyrillic), then the share of very common words for a few
Latin-script languages. Returns None rather than guess when nothing stands out.
"""
from __future__ import annotations

import re
from collections import Counter

_COMMON = {
    "en": "the of and to in is that for on was with said as by it at from his has have are be",
    "de": "der die und das ist nicht ein eine zu den mit von sich auf für dem des im sagte wurde",
    "fr": "le la les et des est un une du que dans pour qui pas sur au avec a été il elle",
    "es": "el la los las y de que en un una por con para es del se al dijo fue como",
    "it": "il lo la gli le e di che un una per con non è del della sono ha detto nel",
    "nl": "de het een en van is dat op te in met voor niet zijn zei werd die er",
    "pt": "o a os as e de que em um uma para com não do da no na disse foi",
}
_WORDS = {lang: set(words.split()) for lang, words in _COMMON.items()}
_SCRIPTS = [("ar", re.compile(r"[\u0600-\u06ff]")), ("he", re.compile(r"[\u0590-\u05ff]")),
            ("el", re.compile(r"[\u0370-\u03ff]")), ("cyrl", re.compile(r"[\u0400-\u04ff]"))]
_WORD = re.compile(r"[^\W\d_]+")


_LETTER = re.compile(r"[^\W\d_]")


def guess_language(text: str) -> str | None:
    sample = text[:4000]
    if len(sample.encode("ascii", "ignore")) < 0.8 * len(sample):  # much non-ASCII: look at the script
        letters = len(_LETTER.findall(sample))
        for lang, script in _SCRIPTS:
            if letters and len(script.findall(sample)) > 0.4 * letters:
                if lang == "cyrl":
                    return "uk" if re.search(r"[іїєґІЇЄҐ]", sample) else "ru"
                return lang
    counts = Counter(_WORD.findall(sample.lower()))
    total = sum(counts.values())
    if total < 5:
        return None
    scores = Counter({lang: sum(counts[w] for w in common) for lang, common in _WORDS.items()})
    (best, top), (_, second) = scores.most_common(2)
    return best if top >= 0.15 * total and top >= 1.5 * second else None
