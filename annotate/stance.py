"""Stance of a claim toward a project topic.

``StanceClassifier`` is the slot: anything with ``judge`` can replace the rule-based default
(a classifier trained on confirmed claims comes later). The rules only speak when the claim is
about the topic, then read intention and evaluation words, flipped by negation and by
"against" words ("does not plan to" -> against, "should not be ruled out" -> favor).
"""
from __future__ import annotations

import re
from typing import Protocol, Sequence

from spacy.tokens import Span as SpacySpan

from .suggestion import TopicSpec

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOP = frozenset("""a an the of to in on for and or with by at from into about as is are be
its their his her our this that these those it they we he she will would should could""".split())
# General newsroom synonyms so a topic phrased one way is recognised when written another way.
_SYNONYMS = [
    {"send", "deploy", "dispatch", "station", "contribut", "provid", "suppl"},
    {"peacekeep", "troop", "soldier", "forc", "contingent", "mission", "boot"},
    {"ban", "prohibit", "outlaw", "forbid"},
    {"tax", "levi", "tariff", "dut"},
]
_FAVOR = frozenset("""willing ready prepared plan intend support back favor favour welcome agree
commit open want seek propose aim hope join participate endorse consider push pledge promise
vow offer approve""".split())
_AGAINST = frozenset("""oppose reject refuse against premature unwilling unlikely impossible veto
block resist decline skeptical sceptical reservation obstacle doubt warn condemn criticize
criticise halt stop abandon""".split())
# A claim that points back to something said before it ("this role", "such a step", "the idea").
_ANAPHOR = re.compile(r"\b(?:this|that|such|these|those|the)\s+(?:a\s+)?(?:role|step|idea|plan|"
                      r"proposal|move|mission|option|possibility|measure|deployment|decision)\b", re.I)
_NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})


def _stem(word: str) -> str:
    w = word.lower().strip("'")
    for suffix in ("ations", "ation", "ing", "ers", "ies", "ied", "er", "ed", "es", "s", "y", "e"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


_FAVOR_STEMS = frozenset(_stem(w) for w in _FAVOR)
_AGAINST_STEMS = frozenset(_stem(w) for w in _AGAINST)


def _expand(stems: set[str]) -> set[frozenset[str]]:
    groups = set()
    for s in stems:
        group = next((g for g in _SYNONYMS if any(s.startswith(x) or x.startswith(s) for x in g)), None)
        groups.add(frozenset(group) if group else frozenset({s}))
    return groups


class StanceClassifier(Protocol):
    def judge(self, claim: str, topics: Sequence[TopicSpec], tokens: SpacySpan | None = None,
              context: str = "") -> tuple[str | None, str | None]:
        """(stance, topic name) or (None, None) when the claim is about no topic.

        ``tokens`` is the parsed claim when available; ``context`` is the text just before a claim
        that points back to it ("this role", "such a step"), for deciding what it is about.
        """


class RuleStance:
    """Keyword relevance plus intention/negation rules; the default classifier."""

    def __init__(self, min_overlap: int = 2) -> None:
        self.min_overlap = min_overlap
        self._cache: dict[TopicSpec, set[frozenset[str]]] = {}

    def _topic_groups(self, topic: TopicSpec) -> set[frozenset[str]]:
        if topic not in self._cache:
            words = [w for text in (topic.name, *topic.keywords) for w in _WORD.findall(text)]
            self._cache[topic] = _expand({_stem(w) for w in words if w.lower() not in _STOP})
        return self._cache[topic]

    def relevant_topic(self, claim: str, topics: Sequence[TopicSpec]) -> TopicSpec | None:
        stems = {_stem(w) for w in _WORD.findall(claim)}
        best, best_hits = None, 0
        for topic in topics:
            groups = self._topic_groups(topic)
            hits = sum(1 for g in groups if any(s.startswith(x) or x.startswith(s)
                                                for s in stems for x in g if len(s) > 2))
            need = min(self.min_overlap, len(groups))
            ex_hit = any(_jaccard(stems, {_stem(w) for w in _WORD.findall(e)}) >= 0.4
                         for e in topic.examples)
            if (hits >= need or ex_hit) and hits > best_hits - (1 if ex_hit else 0):
                best, best_hits = topic, hits
        return best

    def judge(self, claim: str, topics: Sequence[TopicSpec], tokens: SpacySpan | None = None,
              context: str = "") -> tuple[str | None, str | None]:
        topic = self.relevant_topic(claim, topics)
        if topic is None and context and _ANAPHOR.search(claim):
            topic = self.relevant_topic(f"{context} {claim}", topics)
        if topic is None:
            return None, None
        return polarity(claim, tokens), topic.name


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def polarity(claim: str, tokens: SpacySpan | None = None) -> str:
    if tokens is not None:
        lemmas = [t.lemma_.lower() for t in tokens]
        words = [t.lower_ for t in tokens]
    else:
        words = [w.lower() for w in re.findall(r"[A-Za-z']+|n't", claim)]
        lemmas = words
    favor = sum(1 for w, lem in zip(words, lemmas) if lem in _FAVOR or _stem(w) in _FAVOR_STEMS)
    against = sum(1 for w, lem in zip(words, lemmas) if lem in _AGAINST or _stem(w) in _AGAINST_STEMS)
    against += sum(1 for a, b in zip(words, words[1:]) if a in ("rule", "ruled", "ruling", "rules") and b == "out")
    negs = sum(1 for w in words if w in _NEGATIONS)
    if not (favor or against or negs):
        return "neutral"
    flips = (1 if against else 0) + negs
    return "against" if flips % 2 else "favor"
