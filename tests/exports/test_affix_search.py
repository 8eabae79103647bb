"""The training exports' faster affix searches find what spaCy's own regexes find, and the tokens stay the same."""

from __future__ import annotations

import random
import re

import pytest
import spacy

from exports.affix_search import (
    InfixFinditer, NeededMatch, PrefixSearch, SuffixSearch, edge_chars, needed_chars, use_faster_affix_search,
)

HOSTILE = ["", " ", "\n", "x\n", "5km\n", "..\n", "a.\n\n", "5km", "5km²", "5 km", "10mph.", "US$", "5US$", "5C$",
           "It's", "IT'S", "it’s", "dogs'", "(sic)", "“Yes,”", "‘no’", "end...", "end…", "end……", "a…b", "U.S.",
           "e-mail", "1-2", "3+4", "5*6", "a/b", "a=b", "a:b", "a,b", "a;b", "x--y", "👍🏽", "👩‍👩‍👧", "🇺🇦🇺🇦", "a👍",
           "👍.", "5%", "5°C", "5°C.", "n°", "ﬁne", "ǅemal", "Łódź,", "https://x.example/a?b=1", "#tag", "@user",
           "[1]", "{x}", "<tag>", "www.example.com", "example.com.", "1.2.3.4", "10.0.0.1", "localhost",
           "http://localhost:8000", "a.b", "x@y.org", "ftp://x.example", "日本.jp", "https://x", "see.", "—", "–", "50,000", "3.14.", "C++", "I.B.M.,", "don't!", "?!", "¿Qué?", "«oui»"]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def _strings(nlp) -> list[str]:
    """Hostile strings, the tokenizer's special cases, and random strings of the characters the rules name."""
    d = nlp.Defaults
    alphabet = sorted(set("abcxyzABC019 \n\t.,;:!?'\"%$€£¥kmg²³/()[]{}…‘’“”-–—_*+#@&^=<>😀👍🏽\u200d🇩🇪ñéß")
                      | {ch for rule in (*d.prefixes, *d.suffixes, *d.infixes) for ch in rule[:300]})
    rnd = random.Random(14)
    more = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 10))) for _ in range(30_000)]
    return [*HOSTILE, *nlp.tokenizer.rules, *more]


def _span(match):
    return None if match is None else match.span()


def test_the_suffix_prefix_and_infix_searches_match_where_spacys_regexes_match(nlp):
    d, tok = nlp.Defaults, nlp.tokenizer
    suffix, prefix, infix = SuffixSearch(d.suffixes), PrefixSearch(d.prefixes), InfixFinditer(d.infixes)
    url = NeededMatch(tok.url_match.__self__)
    for text in _strings(nlp):
        assert _span(url(text)) == _span(tok.url_match(text)), text
        assert _span(suffix(text)) == _span(tok.suffix_search(text)), text
        assert _span(prefix(text)) == _span(prefix.whole(text)) == _span(tok.prefix_search(text)), text
        assert [m.span() for m in infix(text)] == [m.span() for m in tok.infix_finditer(text)], text


def test_a_suffix_before_a_final_newline_is_found_as_spacy_finds_it(nlp):
    # ``$`` also matches before a final newline: "5km\n" has the suffix "km"
    assert SuffixSearch(nlp.Defaults.suffixes)("5km\n").span() == nlp.tokenizer.suffix_search("5km\n").span() == (1, 3)


def test_the_tokens_of_a_tokenizer_with_the_faster_searches_are_the_same(nlp):
    texts = [" ".join(HOSTILE), "“We are ready to help with number 500123,” Minister Example 3 told reporters.",
             "Prices rose 3.5% (to $4.20/kg) in Q3—the U.K.'s 2nd rise.\n\nShe said: ‘No.’ 👍🏽👍🏽 #win\tend…"]
    faster = spacy.blank("en")
    assert use_faster_affix_search(faster) == ["prefix_search", "suffix_search", "infix_finditer", "url_match"]
    assert faster.tokenizer.rules == nlp.tokenizer.rules
    for text in texts:
        a, b = nlp.make_doc(text), faster.make_doc(text)
        assert [(t.text, t.idx, t.whitespace_) for t in a] == [(t.text, t.idx, t.whitespace_) for t in b]


def test_a_tokenizer_with_its_own_searches_keeps_them():
    nlp = spacy.blank("en")
    own = re.compile(r"[!]$").search
    nlp.tokenizer.suffix_search = own
    assert use_faster_affix_search(nlp) == ["prefix_search", "infix_finditer", "url_match"]
    assert nlp.tokenizer.suffix_search is own


@pytest.mark.parametrize(("rule", "last", "chars"), [
    (r"(?<=[0-9])%", True, "%"),  # a lookbehind consumes nothing
    (r"(?<=[0-9])(?:km|m²)", True, "m²"),
    (r"(?<=[0-9])(?:km|m²)", False, "km"),
    (r"'s", False, "'"),
    (r"\.\.+", True, "."),
    (r"[a-c](?=x)", False, "abc"),
])
def test_a_rule_tells_the_characters_its_matches_begin_and_end_with(rule, last, chars):
    ranges = edge_chars(rule, last=last)
    assert {chr(c) for first, end in ranges for c in range(first, end + 1)} == set(chars)


@pytest.mark.parametrize("rule", [r"a?", r"x*", r".", r"[^a]", r"\w", r"(?i)a", r"(?i:a)", r"(?:)"])
def test_a_rule_whose_edge_cannot_be_told_is_always_tried(rule):
    assert edge_chars(rule) is None and edge_chars(rule, last=True) is None


def test_the_match_that_starts_first_is_found_whatever_the_rules_widths():
    from spacy.util import compile_suffix_regex

    rules = [r"\.", r"x\.+", "m", r"(?<=[0-9])(?:km|k)", r"(?<=[0-9])(?:US\$|\$)", "…", "……", r"'s"]
    search, whole = SuffixSearch(rules), compile_suffix_regex(rules).search
    for text in ["x..", "ax.", "5km", "km", "5US$", "5$", "……", "a……", "…", "it's", "x.'s", "5k", "m", "", "x.\n"]:
        assert _span(search(text)) == _span(whole(text)), text


def test_the_url_pattern_needs_a_dot_and_a_rule_with_an_optional_or_unknown_part_needs_nothing_told(nlp):
    url = nlp.tokenizer.url_match.__self__
    assert needed_chars(url.pattern, url.flags) == [(ord("."), ord("."))] * 2
    assert set(needed_chars(r"a?b|cb")) == {(ord("b"), ord("b")), (ord("c"), ord("c"))}  # one of each branch
    assert needed_chars(r"x(?=y)") == [(ord("x"), ord("x"))]
    for rule in (r"a?", r"(?=a)", r".+", r"a|.", r"(?i)a"):
        assert needed_chars(rule) is None, rule
