"""Stance of a claim toward a project topic.

``StanceClassifier`` is the slot: anything with ``judge`` can replace the rule-based default
(a classifier trained on confirmed claims comes later). The rules only speak when the claim is
about the topic, then read intention and evaluation words, flipped by negation and by
"against" words ("does not plan to" -> against, "should not be ruled out" -> favor).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
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
    {"increas", "rais", "rise", "hik", "boost"},
    {"cut", "reduc", "lower", "slash"},
]
# Groups that name an action: a claim asserting the topic's action, with no other cue, favors it
# ("California will raise its minimum wage" on "Minimum wage increase").
_ACTIONS = [frozenset(g) for g in (_SYNONYMS[0], _SYNONYMS[2], _SYNONYMS[4], _SYNONYMS[5])]
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


@lru_cache(maxsize=65536)
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
        self._cache: dict[TopicSpec, tuple[set[frozenset[str]], list[set[str]]]] = {}

    def _topic(self, topic: TopicSpec) -> tuple[set[frozenset[str]], list[set[str]]]:
        """(synonym groups of the name and keywords, stem sets of the example claims)"""
        if topic not in self._cache:
            words = [w for text in (topic.name, *topic.keywords) for w in _WORD.findall(text)]
            groups = _expand({_stem(w) for w in words if w.lower() not in _STOP})
            examples = [{_stem(w) for w in _WORD.findall(e)} for e in topic.examples]
            self._cache[topic] = (groups, examples)
        return self._cache[topic]

    def relevant_topic(self, claim: str, topics: Sequence[TopicSpec],
                       tokens: SpacySpan | None = None) -> TopicSpec | None:
        """The topic the claim is most about, if it names enough of it or resembles an example.

        Names alone do not make a claim about a topic: "Italy will work with allies for Ukraine"
        shares two names with "Italy sending peacekeepers to Ukraine" but nothing of what it is
        about, so at least one hit must be a word that is not a proper name.
        """
        words = _claim_words(claim, tokens)
        stems = {st for st, _ in words}
        concept = {st for st, proper in words if not proper}
        by_prefix: dict[str, list[str]] = {}
        for st in stems:
            by_prefix.setdefault(st[:4], []).append(st)
        best, best_score = None, 0
        for topic in topics:
            groups, examples = self._topic(topic)
            matched = [g for g in groups if any(_related(st, x) for x in g for st in by_prefix.get(x[:4], ()))]
            hits = len(matched)
            about = any(_related(st, x) for g in matched for x in g for st in concept)
            example_hit = any(_jaccard(stems, e) >= 0.4 for e in examples)
            score = hits + (2 if example_hit else 0)
            if ((hits >= min(self.min_overlap, len(groups)) and about) or example_hit) and score > best_score:
                best, best_score = topic, score
        return best

    def judge(self, claim: str, topics: Sequence[TopicSpec], tokens: SpacySpan | None = None,
              context: str = "") -> tuple[str | None, str | None]:
        topic = self.relevant_topic(claim, topics, tokens)
        if topic is None and context and _ANAPHOR.search(claim):
            topic = self.relevant_topic(f"{context} {claim}", topics)
        if topic is None:
            return None, None
        stance = polarity(claim, tokens)
        if stance == "neutral" and self._asserts_action(claim, topic):
            stance = "favor"
        return stance, topic.name

    def _asserts_action(self, claim: str, topic: TopicSpec) -> bool:
        groups, _ = self._topic(topic)
        actions = [g for g in groups if g in _ACTIONS]
        stems = {_stem(w) for w in _WORD.findall(claim)}
        return any(_related(st, x) for g in actions for x in g for st in stems)


def _claim_words(claim: str, tokens: SpacySpan | None) -> list[tuple[str, bool]]:
    """(stem, is a proper name) for the words of a claim: from the parse when there is one, else
    capitalised words count as names (the first word only when it is not a known concept word)."""
    if tokens is not None:
        return [(_stem(t.text), t.pos_ == "PROPN" or t.ent_type_ in _NAME_ENTS)
                for t in tokens if _WORD.fullmatch(t.text)]
    out = []
    for i, m in enumerate(_WORD.finditer(claim)):
        w = m.group()
        st = _stem(w)
        out.append((st, w[0].isupper() and (i > 0 or not any(_related(st, x) for g in _SYNONYMS for x in g))))
    return out


_NAME_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})


def _related(stem: str, key: str) -> bool:
    """Same stem, or one a prefix of the other when the shorter carries most of the longer
    ("deploy"/"deployment", "ukrain"/"ukrainian"; not "peac"/"peacekeep")."""
    if stem == key:
        return True
    short, long_ = sorted((stem, key), key=len)
    return len(short) >= 4 and long_.startswith(short) and len(short) >= 0.6 * len(long_)


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


FLIPPED = {"favor": "against", "against": "favor"}


def cue_negated(cue) -> bool:
    """Whether the reporting or attitude word is itself negated ("does not plan", "did not say"), so
    the speaker holds the opposite of what the content alone says. ``cue`` is a spaCy Token or None."""
    return cue is not None and any(child.dep_ == "neg" for child in cue.children)


# -- One article's stances, settled together ----------------------------------------------------

_LEAD_CHARS = 800  # the headline and opening lines: what an article says it is about
# How clear a claim's tone must be (|VADER compound|) before it counts as a leaning. Below about
# 0.5 a single mildly coloured word decides, and on newsroom test articles the stances added by
# lowering the bar were right about as often as wrong.
_SENTIMENT_MIN = 0.5


def article_topic(text: str, drafts: Sequence, topics: Sequence[TopicSpec],
                  classifier: RuleStance) -> TopicSpec | None:
    """The topic an article is about: the one most of its claims are about, else the one its
    headline and lead are about. None when neither names a topic."""
    by_name = {t.name: t for t in topics}
    counts: dict[str, int] = {}
    for d in drafts:
        if d.topic in by_name:
            counts[d.topic] = counts.get(d.topic, 0) + 1
    if counts:
        return by_name[max(counts, key=lambda n: (counts[n], n))]
    return classifier.relevant_topic(text[:_LEAD_CHARS], topics)


def settle_article(text: str, drafts: list, topics: Sequence[TopicSpec], classifier) -> list:
    """Give every attributed claim of an article about a topic a stance toward it.

    A claim's own words decide where they take a side ("will not support", "welcomed"). A claim
    that takes no side in its own words takes its speaker's: people keep one position toward
    the topic of one article, so "Every week we wait is a week Ukraine pays for" reads as its
    speaker's other claims do. The claim's tone (a sentiment lexicon) is the weakest evidence,
    used for the speaker's position and, failing any, for the claim alone.
    """
    if not topics or not drafts or not isinstance(classifier, RuleStance):
        return drafts
    topic = article_topic(text, drafts, topics, classifier)
    if topic is None:
        return drafts
    own: list[str | None] = []  # the side a claim's own words take toward the topic
    tones: list[str | None] = []  # its tone, where its words take no side
    leaning: dict[str, int] = {}
    for d in drafts:
        side = d.stance if d.topic == topic.name and d.stance in FLIPPED else None
        feel = tone(d.content.text) if side is None and d.topic in (None, topic.name) else None
        own.append(side)
        tones.append(feel)
        if d.speaker and (side or feel):
            weight = (2 if side else 1) * (1 if (side or feel) == "favor" else -1)
            leaning[d.speaker] = leaning.get(d.speaker, 0) + weight
    out = []
    for d, mine, feel in zip(drafts, own, tones):
        if mine is not None or d.topic not in (None, topic.name):
            out.append(d)
            continue
        held = leaning.get(d.speaker or "", 0)
        side = "favor" if held > 0 else "against" if held < 0 else feel
        out.append(replace(d, stance=side, topic=topic.name) if side else d)
    return out


_ANALYSER = None


def tone(text: str) -> str | None:
    """'favor' for a clearly positive claim, 'against' for a clearly negative one (VADER's
    sentiment lexicon with its negation and intensity rules), None when neither."""
    global _ANALYSER
    if _ANALYSER is None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        _ANALYSER = SentimentIntensityAnalyzer()
    score = _ANALYSER.polarity_scores(text)["compound"]
    return "favor" if score >= _SENTIMENT_MIN else "against" if score <= -_SENTIMENT_MIN else None
