"""spaCy's tokenizer rules tried only where they can match: the same matches, found sooner.

The tokenizer splits each piece of text between spaces that it has not cached with its
language's prefix, suffix and infix rules, each compiled by ``spacy.util`` into one
alternation (``^rule|…``, ``rule$|…``, ``rule|…``). Python's ``re`` tries every rule at every
position: for English, 82 suffix rules and 8 infix rules, most of them opening with a
lookbehind over a large class. On the training exports' corpus, a miss cost about 10 µs, half
of it in these searches, and the misses were most of the tokenizing.

The classes here give the same results with fewer tries:

- Every suffix match ends where the string ends, so a rule whose matches all have the same
  length w can match only at ``len - w``: those rules are tried there alone (``match``; a
  lookbehind still sees what comes before), longest first; rules of varying length are searched
  from the furthest point their longest match can start. Of the matches, the one that starts
  first is the one ``search`` finds (all end at the end: the span is the same whichever rule
  matched). ``$`` also matches before a final newline: a string holding a newline is searched
  by the whole pattern.
- A rule tells which characters its matches can begin and end with (``edge_chars``, read from
  the parsed rule; lookarounds consume nothing): a suffix rule is not tried on a string ending
  with another character, a prefix rule on one beginning with another, and the infix rules not
  at all on a string holding none of their first characters.

- The URL pattern (tried on each piece left after the affixes) is not tried on a piece holding none
  of the characters each of its matches holds (a dot), read from the parsed pattern the same way.

Where a rule's edge cannot be told (it can match the empty string, any character, a class given
by category or negation, or ignores case), it is tried as before.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as _sre
    import sre_parse as _sre_parse

from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

_UNBOUNDED = 1 << 16  # a suffix rule whose matches can be longer is searched from the start of the string
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT))


class _Unknown(Exception):
    """The edge of a rule cannot be told."""


def edge_chars(rule: str, *, last: bool = False) -> list[tuple[int, int]] | None:
    """The characters a match of ``rule`` can begin with (``last``: end with), as ranges of code points
    (first, last), or None where that cannot be told; more characters than can occur is fine, a missing
    one is not."""
    try:
        parsed = _sre_parse.parse(rule)
        if parsed.state.flags & re.IGNORECASE:
            return None
        ranges, empty = _edge(list(parsed), last)
    except (_Unknown, re.error):
        return None
    return None if empty else ranges


def _edge(items: list, last: bool) -> tuple[list[tuple[int, int]], bool]:
    """The edge characters of a sequence of parsed items, and whether the sequence can match nothing."""
    ranges: list[tuple[int, int]] = []
    for op, av in reversed(items) if last else items:
        if op in _ZERO_WIDTH:  # (lookarounds, anchors)
            continue
        got, empty = _item(op, av, last)
        ranges += got
        if not empty:
            return ranges, False
    return ranges, True


def _item(op, av, last: bool) -> tuple[list[tuple[int, int]], bool]:
    if op is _sre.LITERAL:
        return [(av, av)], False
    if op is _sre.IN:
        return _class(av), False
    if op is _sre.SUBPATTERN:
        _, add_flags, _, items = av
        if add_flags & re.IGNORECASE:
            raise _Unknown
        return _edge(list(items), last)
    if op is _sre.BRANCH:
        ranges, empty = [], False
        for branch in av[1]:
            got, could = _edge(list(branch), last)
            ranges += got
            empty = empty or could
        return ranges, empty
    if op in _REPEATS:
        least, _, items = av
        ranges, empty = _edge(list(items), last)
        return ranges, empty or least == 0
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return _edge(list(av), last)
    raise _Unknown  # any character, a back reference, a conditional group


def _class(items) -> list[tuple[int, int]]:
    ranges = []
    for op, av in items:
        if op is _sre.LITERAL:
            ranges.append((av, av))
        elif op is _sre.RANGE:
            ranges.append(av)
        else:  # a negated class, a category (\d, \w)
            raise _Unknown
    return ranges


def needed_chars(rule: str, flags: int = 0) -> list[tuple[int, int]] | None:
    """Characters of which every match of ``rule`` holds at least one (ranges of code points), or None
    where no such set can be told (the fewest found are given)."""
    try:
        parsed = _sre_parse.parse(rule, flags)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _needs(list(parsed))


def _count(ranges: list[tuple[int, int]]) -> int:
    return sum(last - first + 1 for first, last in ranges)


def _needs(items: list) -> list[tuple[int, int]] | None:
    best = None
    for op, av in items:
        got = _needed(op, av)
        if got is not None and (best is None or _count(got) < _count(best)):
            best = got
    return best


def _needed(op, av) -> list[tuple[int, int]] | None:
    if op is _sre.LITERAL:
        return [(av, av)]
    if op is _sre.IN:
        try:
            return _class(av)
        except _Unknown:
            return None
    if op is _sre.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _needs(list(av[3]))
    if op is _sre.BRANCH:
        union = []
        for branch in av[1]:
            got = _needs(list(branch))
            if got is None:
                return None
            union += got
        return union
    if op in _REPEATS:
        return _needs(list(av[2])) if av[0] >= 1 else None
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return _needs(list(av))
    return None  # nothing consumed (lookarounds, anchors), or any character


class _Chars:
    """A set of characters, for telling quickly whether a character or a string's characters are in it:
    those up to U+00FF in a frozenset (Python keeps one string of each), the others in a character class."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.low = frozenset(chr(c) for first, last in ranges for c in range(first, min(last, 0xFF) + 1))
        high = sorted((max(first, 0x100), last) for first, last in ranges if last > 0xFF)
        merged: list[list[int]] = []
        for first, last in high:
            if merged and first <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], last)
            else:
                merged.append([first, last])
        self.high = (re.compile("[" + "".join(f"\\U{first:08x}-\\U{last:08x}" for first, last in merged) + "]")
                     if merged else None)

    def has(self, char: str) -> bool:
        """Whether this one character is in the set."""
        if char in self.low:
            return True
        return char > "\xff" and self.high is not None and self.high.match(char) is not None

    def any_in(self, text: str) -> bool:
        """Whether any character of ``text`` is in the set."""
        if not self.low.isdisjoint(text):
            return True
        return self.high is not None and not text.isascii() and self.high.search(text) is not None


def _filter(rules: list[str], last: bool) -> _Chars | None:
    """The edge characters of any of these rules, None if one of them cannot be told."""
    ranges: list[tuple[int, int]] = []
    for rule in rules:
        got = edge_chars(rule, last=last)
        if got is None:
            return None
        ranges += got
    return _Chars(ranges)


_REMEMBERED = 1 << 12  # characters whose plan a search keeps


class SuffixSearch:
    """``compile_suffix_regex(rules).search``: for any string, a match of the same span, or None."""

    def __init__(self, rules):
        rules = [rule for rule in rules if rule.strip()]  # those compile_suffix_regex keeps
        self.whole = compile_suffix_regex(rules).search
        fixed: dict[int, list[str]] = {}
        bounded, unbounded, reach = [], [], 0
        for rule in rules:
            least, most = _sre_parse.parse(rule).getwidth()
            if least == most:
                fixed.setdefault(least, []).append(rule)
            elif most < _UNBOUNDED:
                bounded.append(rule)
                reach = max(reach, most)
            else:
                unbounded.append(rule)
        # (the characters the rules' matches end with (None: any), their search or match, and for rules of
        # one width that width, for those of varying width how far from the end their match can start)
        self._groups = [(_filter(rules, True), compile_suffix_regex(rules).search, None, start)
                        for rules, start in ((unbounded, None), (bounded, reach)) if rules]
        self._groups += [(_filter(fixed[width], True), compile_suffix_regex(fixed[width]).match, width, None)
                         for width in sorted(fixed, reverse=True)]  # widest first: the earliest start first
        self._plans: dict[str, tuple] = {}

    def _plan(self, end: str) -> tuple[list, list]:
        """The searches of varying-width rules (search, how far from the end to start), and the fixed-width
        ones (width, match), that can match a string ending with this character."""
        varying = [(search, reach) for ends, search, width, reach in self._groups
                   if width is None and (ends is None or ends.has(end))]
        fixed = [(width, match) for ends, match, width, _ in self._groups
                 if width is not None and (ends is None or ends.has(end))]
        plan = (varying, fixed)
        if len(self._plans) < _REMEMBERED:
            self._plans[end] = plan
        return plan

    def __call__(self, text: str) -> re.Match | None:
        if "\n" in text or not text:
            return self.whole(text)
        varying, fixed = self._plans.get(text[-1]) or self._plan(text[-1])
        n = len(text)
        found = None
        for search, reach in varying:
            match = search(text) if reach is None else search(text, n - reach if n > reach else 0)
            if match is not None and (found is None or match.start() < found.start()):
                found = match
        first = found.start() if found is not None else n + 1
        for width, match_at in fixed:
            start = n - width
            if start >= first:
                break
            if start >= 0:
                match = match_at(text, start)
                if match is not None:
                    return match
        return found


class PrefixSearch:
    """``compile_prefix_regex(rules).search``: the same match, or None."""

    def __init__(self, rules):
        rules = [rule for rule in rules if rule.strip()]
        self.whole = compile_prefix_regex(rules).search
        self._starts = _filter(rules, False)
        self._tried: dict[str, bool] = {}  # whether a string beginning with this character is searched

    def __call__(self, text: str) -> re.Match | None:
        if self._starts is None:
            return self.whole(text)
        if not text:
            return None
        tried = self._tried.get(text[0])
        if tried is None:
            tried = self._starts.has(text[0])
            if len(self._tried) < _REMEMBERED:
                self._tried[text[0]] = tried
        return self.whole(text) if tried else None


class InfixFinditer:
    """``compile_infix_regex(rules).finditer``: the same matches."""

    def __init__(self, rules):
        rules = [rule for rule in rules if rule.strip()]
        self.whole = compile_infix_regex(rules).finditer
        self._starts = _filter(rules, False)

    def __call__(self, text: str):
        if self._starts is not None and not self._starts.any_in(text):
            return iter(())
        return self.whole(text)


class NeededMatch:
    """``pattern.match``: the same match, not tried on a string holding none of the characters every match
    holds (a URL: a dot)."""

    def __init__(self, pattern: re.Pattern):
        self.whole = pattern.match
        needs = needed_chars(pattern.pattern, pattern.flags)
        self._needs = _Chars(needs) if needs else None

    def __call__(self, text: str) -> re.Match | None:
        if self._needs is not None and not self._needs.any_in(text):
            return None
        return self.whole(text)


def _pattern(function) -> re.Pattern | None:
    pattern = getattr(function, "__self__", None)
    return pattern if isinstance(pattern, re.Pattern) else None


def use_faster_affix_search(nlp) -> list[str]:
    """Give ``nlp``'s tokenizer these searches of its language's prefix, suffix and infix rules, each
    where the tokenizer's own is the one those rules compile to (not a custom one), and a ``NeededMatch``
    of its URL pattern; returns the names of those replaced. Tokens do not change."""
    tokenizer, defaults = nlp.tokenizer, nlp.Defaults
    faster = {}
    for name, rules, make in (("prefix_search", "prefixes", PrefixSearch), ("suffix_search", "suffixes", SuffixSearch),
                              ("infix_finditer", "infixes", InfixFinditer)):
        rules = getattr(defaults, rules, None)
        current = _pattern(getattr(tokenizer, name))
        if not rules or current is None or any(not isinstance(rule, str) for rule in rules):
            continue
        search = make(rules)
        whole = _pattern(search.whole)
        if whole.pattern == current.pattern and whole.flags == current.flags:
            faster[name] = search
    current = _pattern(tokenizer.url_match)
    if current is not None and tokenizer.url_match == current.match:
        faster["url_match"] = NeededMatch(current)
    if faster:
        # each search set reloads the special cases (tokenized with the searches): with none, then once
        special_cases, tokenizer.rules = tokenizer.rules, {}
        for name, search in faster.items():
            setattr(tokenizer, name, search)
        tokenizer.rules = special_cases
    return list(faster)


__all__ = ["InfixFinditer", "NeededMatch", "PrefixSearch", "SuffixSearch", "edge_chars", "needed_chars",
           "use_faster_affix_search"]
