"""Stance toward a project topic: only when the claim is about it; negation and intention."""
from annotate.engine import SuggestionEngine
from annotate.stance import RuleStance
from annotate.suggestion import TopicSpec
from tests.annotate.conftest import PUBLISHED, only

TROOPS = TopicSpec("Italy sending peacekeepers to Ukraine", keywords=("troops",))
RULES = RuleStance()


def judge(text):
    return RULES.judge(text, [TROOPS])


def test_willingness_is_favor():
    assert judge("Italy is willing to participate in a peacekeeping mission in Ukraine") == ("favor", TROOPS.name)


def test_negated_plan_is_against():
    assert judge("Italy does not plan to send peacekeepers to Ukraine")[0] == "against"
    assert judge("they are not currently considering deploying their soldiers in Ukraine")[0] == "against"


def test_ruled_out_is_against_and_not_ruled_out_is_favor():
    assert judge("the government ruled out sending troops to Ukraine")[0] == "against"
    assert judge("sending peacekeepers to Ukraine should not be ruled out")[0] == "favor"


def test_plain_statement_about_the_topic_is_neutral():
    assert judge("Italian peacekeepers were sent to Ukraine in the past")[0] == "neutral"


def test_claim_about_something_else_has_no_stance():
    assert judge("the economy grew by 2 percent last year") == (None, None)


def test_example_claims_define_a_topic_too():
    topic = TopicSpec("Carbon tax", examples=("A levy on emissions will cut pollution",))
    assert RuleStance().judge("a levy on emissions would hurt farmers and cut pollution", [topic])[1] == "Carbon tax"


def test_engine_without_topics_leaves_stance_empty(suggest):
    s = only(suggest("Italy is willing to send peacekeepers to Ukraine, the minister said."))
    assert s.stance is None and s.topic is None


def test_a_trained_classifier_slots_in(nlp):
    class Always:
        def judge(self, claim, topics, tokens=None, context=""):
            return "against", topics[0].name

    engine = SuggestionEngine(nlp, [TROOPS], stance=Always())
    s = only(engine.suggest("The economy grew by 2 percent last year, the minister said."))
    assert (s.stance, s.topic) == ("against", TROOPS.name)


def test_claim_pointing_back_reads_the_text_before_it_to_find_its_topic():
    context = "Macron floated the idea of sending peacekeepers to Ukraine."
    assert judge("We are willing to play this role") == (None, None)
    assert RULES.judge("We are willing to play this role", [TROOPS], context=context) == ("favor", TROOPS.name)
    assert RULES.judge("The economy is strong", [TROOPS], context=context) == (None, None)


def test_names_alone_do_not_make_a_claim_about_the_topic():
    # shares "Italy" and "Ukraine" with the topic, but nothing of what it is about
    assert judge("Italy will continue to work with allies to define security guarantees for Ukraine") == (None, None)
    assert judge("Russia does not give the impression of a country that sincerely desires peace in Ukraine") == (
        None, None)  # "peace" is not "peacekeeping"


def test_asserting_the_topic_action_is_favor():
    wage = TopicSpec("Minimum wage increase", keywords=("minimum wage",))
    assert RuleStance().judge("California would raise its minimum wage to $20 an hour", [wage]) == ("favor", wage.name)
    assert RuleStance().judge("the minimum wage would not rise this year", [wage])[0] == "against"


# -- An article's stances settled together: a speaker keeps one position; a clear tone counts ----

COMBUSTION = TopicSpec("a ban on combustion engines")
DIVIDED = """EU ministers split over ban on combustion engines

BRUSSELS (Reuters) - European Union ministers remain divided over a proposed ban on new combustion engines from 2035.

German Transport Minister Anna Keller said on Monday that Berlin would not support the ban on combustion engines. "Our car industry needs time to adapt," Keller told reporters in Brussels.

French Environment Minister Paul Morel said the proposal was "a wonderful, historic victory for clean air and for our children."
"""


def stances(engine, text):
    """{the claim's first four words: (speaker, stance, topic)}"""
    return {" ".join(s.content.text.split()[:4]): (s.speaker, s.stance, s.topic)
            for s in engine.suggest(text, PUBLISHED)}


def test_a_speakers_claims_that_take_no_side_in_their_own_words_take_the_speakers_side(nlp):
    got = stances(SuggestionEngine(nlp, [COMBUSTION]), DIVIDED)
    assert got["Berlin would not support"] == ("Anna Keller", "against", COMBUSTION.name)
    # no word of the topic, no side of its own: it is Keller's, who opposes the ban
    assert got["Our car industry needs"] == ("Anna Keller", "against", COMBUSTION.name)


def test_a_clearly_positive_claim_in_an_article_about_the_topic_favors_it(nlp):
    got = stances(SuggestionEngine(nlp, [COMBUSTION]), DIVIDED)
    assert got['the proposal was "a'] == ("Paul Morel", "favor", COMBUSTION.name)


def test_an_article_about_no_topic_gets_no_stances_however_coloured_its_claims(nlp):
    text = ("The economy grew by 2 percent last year, Finance Minister Maria Lopez said on Monday. "
            '"It is a wonderful, historic result for every family," Lopez told reporters.')
    got = stances(SuggestionEngine(nlp, [COMBUSTION]), text)
    assert got and all(stance is None and topic is None for _, stance, topic in got.values())


def test_a_mildly_coloured_claim_is_left_for_the_annotator():
    from annotate.stance import tone

    assert tone("a wonderful, historic victory for clean air and for our children") == "favor"
    assert tone("a disastrous, reckless decision that will destroy jobs") == "against"
    assert tone("the measure will take effect in January") is None
    assert tone("small shops would benefit") is None  # one mildly positive word is not a side
