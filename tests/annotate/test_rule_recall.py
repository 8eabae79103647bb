"""Attributions the rules used to miss: quotes in two apostrophes, long speaker phrases, a hearer
after "told", a trailing clause after the cue; and, with ``broad``, intentions, directives and
object content (attributions in PolNeAR's sense that are not statements)."""
import pytest

from tests.annotate.conftest import PUBLISHED


def contents(suggestions):
    return [s.content.text for s in suggestions]


def test_a_quote_in_two_apostrophes_is_a_direct_quote(suggest):
    got = suggest("''It has the important virtue of being fiscally responsible,'' said Leonard Burman, "
                  "a professor at Syracuse University.")
    assert contents(got) == ["It has the important virtue of being fiscally responsible"]
    assert got[0].kind == "direct" and got[0].speaker == "Leonard Burman"


def test_saying_after_a_preposition_takes_the_subject_of_its_verb(suggest):
    got = suggest("President Ana Ruiz responded on Wednesday by saying her refusal was a manufactured issue.")
    assert [(s.content.text, s.speaker) for s in got] == [("her refusal was a manufactured issue", "Ana Ruiz")]


def test_a_speaker_with_a_relative_clause_closes_a_fronted_claim(suggest):
    got = suggest("Moves against the broadcasters led to their removal from most stations, said Jeffrey "
                  "Trimble, a senior official with the board that oversees them.")
    assert contents(got) == ["Moves against the broadcasters led to their removal from most stations"]
    assert got[0].speaker == "Jeffrey Trimble"


def test_told_with_its_hearer_closes_a_fronted_claim(suggest):
    got = suggest("The senator could embrace a clean energy policy, but only if it is good business, "
                  "Sen. Lindsey Graham told The Huffington Post on Thursday.")
    assert contents(got) == ["The senator could embrace a clean energy policy, but only if it is good business"]
    assert got[0].speaker == "Lindsey Graham"


def test_a_clause_after_the_cue_does_not_hide_the_fronted_claim(suggest):
    got = suggest("The obsession with the president's birth is an insult to all voters, top lawmakers "
                  "said Friday afternoon, as they bristled at the questions.")
    assert contents(got) == ["The obsession with the president's birth is an insult to all voters"]


@pytest.fixture(scope="module")
def broad(nlp):
    from annotate.engine import SuggestionEngine

    engine = SuggestionEngine(nlp, broad=True)
    return lambda text: engine.suggest(text, PUBLISHED)


def test_broad_finds_intentions_directives_and_objects(broad, suggest):
    text = ("Senator Ana Ruiz plans to run for governor next year. "
            "Mayor Tom Hale urged residents to stay indoors. "
            "The company denied the reports about layoffs. "
            "Governor Li Wei praised the firefighters for their courage.")
    assert contents(broad(text)) == ["to run for governor next year", "residents to stay indoors",
                                     "the reports about layoffs", "the firefighters for their courage"]
    assert contents(suggest(text)) == []  # not statements: the default engine proposes none


def test_broad_needs_a_source_and_an_addressee(broad):
    text = ("It plans to expand. There was a call to act. The fire department asked to leave early.")
    assert contents(broad(text)) == []


def test_a_speech_noun_with_an_owner_and_a_that_clause_is_a_claim(suggest):
    got = suggest("Fact-checkers examined Donald Trump's claim that there had been thousands of shootings "
                  "in the city this year. The claim that he lied was itself disputed.")
    assert [(s.content.text, s.speaker, s.cue.text) for s in got] == [
        ("there had been thousands of shootings in the city this year", "Donald Trump", "claim")]


def test_the_speakers_next_act_after_a_comma_is_not_the_claim(suggest):
    got = suggest("Sen. David Perdue said the ads did not hurt the party in 2012, arguing that divisions "
                  "were a bigger hurdle.")
    assert [s.content.text for s in got] == ["the ads did not hurt the party in 2012",
                                             "divisions were a bigger hurdle"]  # a claim of its own


def test_broad_object_content_stops_before_the_reporters_description_of_it(broad):
    text = ("Senator Graham has acknowledged the reality of climate change, which makes him an outlier "
            "among his colleagues.")
    assert contents(broad(text)) == ["the reality of climate change"]
