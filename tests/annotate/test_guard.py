"""The engine's guards (annotate.guard): a rule with a bug costs its article or its field, and is still
raised under the test suite. The real pipeline; the bug injected by monkeypatch (tests/failing_rules.py)."""
import datetime as dt
import pickle

import pytest

from annotate.engine import SuggestionEngine
from annotate.guard import ARTICLE, Suggestions
from annotate.suggestion import TopicSpec
from tests import failing_rules
from tests.failing_rules import MARKER, TEXTS

PUBLISHED = dt.date(2024, 5, 17)

TOPICS = [TopicSpec("Public works", ("bridge", "repairs", "troops", "nurses", "hospitals"))]


@pytest.fixture(scope="module")
def topical(nlp):
    return SuggestionEngine(nlp, TOPICS)


@pytest.fixture(scope="module")
def baseline(topical):
    return list(topical.suggest_many([(t, PUBLISHED) for t in TEXTS]))


@pytest.fixture
def lenient(monkeypatch):
    monkeypatch.delenv("QUOTEDESK_STRICT_RULES", raising=False)


def test_under_the_test_suite_a_failing_rule_is_raised_unchanged(topical, monkeypatch):
    failing_rules.install("speaker", monkeypatch.setattr)
    with pytest.raises(TypeError, match="'<' not supported"):
        list(topical.suggest_many([(t, PUBLISHED) for t in TEXTS]))


def test_the_articles_around_a_failing_one_get_what_they_get_without_it(topical, baseline, lenient, monkeypatch):
    failing_rules.install("article", monkeypatch.setattr)
    got = list(topical.suggest_many([(t, PUBLISHED) for t in TEXTS]))
    assert [got[0], got[2]] == [baseline[0], baseline[2]] and baseline[1]
    assert got[1] == [] and got[1].skipped and not got[0].failures and not got[2].failures
    (failure,) = got[1].failures
    assert failure.stage == ARTICLE and failure.at is None
    assert failure.error == "TypeError: '<' not supported between instances of 'str' and 'NoneType'"
    assert "find_claims" in failure.details and failure.details.startswith("Traceback")


def test_a_failing_speaker_pass_empties_the_speaker_of_every_claim_of_its_article(
        topical, baseline, lenient, monkeypatch):
    failing_rules.install("speaker", monkeypatch.setattr)
    got = list(topical.suggest_many([(t, PUBLISHED) for t in TEXTS]))
    assert [got[0], got[2]] == [baseline[0], baseline[2]]
    assert [c.content for c in got[1]] == [c.content for c in baseline[1]]  # the claims stand
    assert {(c.speaker, c.role, c.mention) for c in got[1]} == {(None, None, None)}
    assert got[1].emptied == ("speaker",) and not got[1].skipped
    assert {f.at for f in got[1].failures} == {None}  # the pass over the article failed, no one claim


def test_a_date_rule_failing_for_each_claim_empties_those_dates_only(topical, baseline, lenient, monkeypatch):
    failing_rules.install("date", monkeypatch.setattr)
    got = topical.suggest(TEXTS[1], PUBLISHED)
    assert [(c.content, c.speaker, c.role, c.stance) for c in got] == [
        (c.content, c.speaker, c.role, c.stance) for c in baseline[1]]
    assert {(c.date, c.date_text, c.date_assumed) for c in got} == {(None, None, False)}  # none, none assumed
    assert sorted(f.at for f in got.failures) == sorted(c.content.start for c in got)
    assert got.emptied == ("date",)


def test_a_failing_paragraph_split_skips_its_article(topical, baseline, lenient, monkeypatch):
    import annotate.engine as engine

    real = engine.paragraphs

    def paragraphs(text):
        if MARKER in text:
            failing_rules._bug()
        return real(text)

    monkeypatch.setattr(engine, "paragraphs", paragraphs)
    got = list(topical.suggest_many([(t, PUBLISHED) for t in TEXTS]))
    assert [got[0], got[2]] == [baseline[0], baseline[2]]
    assert got[1] == [] and got[1].skipped


def test_suggestions_cross_processes_with_their_failures(topical, lenient, monkeypatch):
    failing_rules.install("stance", monkeypatch.setattr)
    got = topical.suggest(TEXTS[1], PUBLISHED)
    assert got.failures and got.emptied == ("stance",) and {c.stance for c in got} == {None}
    back = pickle.loads(pickle.dumps(got))
    assert isinstance(back, Suggestions) and back == got and back.failures == got.failures
    assert pickle.loads(pickle.dumps(Suggestions([]))).failures == ()
