"""Statements that follow a dated one: which take its day (the same occasion: a speaker set beside the
one just quoted) and which do not (an earlier occasion, told in the past perfect). Every sentence
here is invented; see also test_dates_occasions.py."""
import datetime as dt

import pytest

from annotate.dates import narrative_dates


def by_text(suggestions):
    return {s.content.text.strip(" ,.\"'"): s for s in suggestions}


FRIDAY = dt.date(2026, 10, 9)


def test_a_statement_told_in_the_past_perfect_does_not_date_what_the_speaker_says_next(suggest):
    text = ("Prime Minister Lena Varga told parliament on Thursday that the budget would pass.\n\n"
            "After Monday's cabinet meeting, Varga had told reporters the deficit was under control.\n\n"
            "Varga said: \"We will not raise taxes, not this year and not next year.\" 💶")
    got = by_text(suggest(text, FRIDAY))
    assert got["We will not raise taxes, not this year and not next year"].date == dt.date(2026, 10, 8)


def test_an_earlier_interview_in_the_past_perfect_leaves_the_answer_to_the_days_question(suggest):
    text = ("Oral Questions — Tuesday, 20 October 2026\n\n"
            "The Prime Minister, Rt Hon Arthur Penrose, told the House the review would be tabled before "
            "Christmas. On Sunday, Mr Penrose had told a radio station that a decision was close.\n\n"
            "Mr Penrose replied: \"The review comes first, and the decision after it.\"")
    got = by_text(suggest(text, None))
    assert got["The review comes first, and the decision after it"].date == dt.date(2026, 10, 20)


def test_a_statement_in_the_simple_past_still_dates_what_the_speaker_says_next(suggest):
    text = ("Finance Minister Tomas Lind told reporters on Monday that the deficit was under control.\n\n"
            "\"We will not raise taxes,\" Lind said.")
    got = by_text(suggest(text, FRIDAY))
    assert got["We will not raise taxes"].date == dt.date(2026, 10, 5)


THURSDAY = dt.date(2026, 11, 12)


def test_a_speaker_sitting_next_to_the_one_just_quoted_spoke_at_the_same_occasion(suggest):
    text = ("Jordan will open two new border crossings next year, the interior ministry said on Thursday.\n\n"
            "Foreign Minister Leila Haddad told a press conference in Amman on Monday that trade had doubled.\n\n"
            "Sitting next to her, Deputy Minister Rana Aziz said the plan was fair to both countries.")
    got = by_text(suggest(text, THURSDAY))
    assert got["the plan was fair to both countries"].date == dt.date(2026, 11, 9)


def test_a_speaker_who_accompanied_the_one_named_spoke_at_the_same_occasion(suggest):
    text = ("Kenya and Tanzania signed a rail agreement, the two governments said on Thursday.\n\n"
            "President Amani Mwangi told reporters in Arusha on Tuesday that the line would open in 2029.\n\n"
            "Transport Cabinet Secretary Peter Odhiambo, who accompanied Mwangi, said the financing was in place.")
    got = by_text(suggest(text, THURSDAY))
    assert got["the financing was in place"].date == dt.date(2026, 11, 10)


def test_the_meeting_is_the_talks_told_of_last(suggest):
    text = ("Norway will buy two new frigates, Defence Minister Ida Berg said on Wednesday after a cabinet "
            "meeting.\n\n"
            "The decision followed talks in Oslo on Monday between Berg and her Danish counterpart, Jonas "
            "Lie. He said after the meeting that Denmark would buy the same ships. ⚓")
    got = by_text(suggest(text, THURSDAY))
    assert got["Denmark would buy the same ships"].date == dt.date(2026, 11, 9)


def test_the_meeting_is_still_the_meeting_told_of_when_no_talks_came_after_it(suggest):
    text = ("Norway held talks with Denmark in Oslo on Monday on the frigate order.\n\n"
            "Defence Minister Ida Berg chaired a cabinet meeting on Wednesday. Her deputy, Ola Lund, said "
            "after the meeting that the frigates would be built in Bergen.")
    got = by_text(suggest(text, THURSDAY))
    assert got["the frigates would be built in Bergen"].date == dt.date(2026, 11, 11)


@pytest.mark.parametrize("lead", [
    "The State will appeal the ruling on the fishing quotas of the Irish fleet, Tánaiste and Minister for "
    "Agriculture and the Marine Eoin Ó Briain told the Dáil yesterday.",
    "Kenya will raise the levy on imports of second-hand clothes from China, Cabinet Secretary for Trade and "
    "Industry Rebecca Miano told the Senate yesterday. 👕",
])
def test_a_speaking_the_parser_left_without_a_subject_is_still_a_dated_event_of_the_story(nlp, lead):
    # the lead's day is the day of the news: what the article goes on to quote undated was said then
    days = [day for _, day, _ in narrative_dates(nlp(lead), dt.date(2026, 10, 15), None, [])]
    assert days == [dt.date(2026, 10, 14)]


def test_a_day_counted_from_talks_the_article_never_dated_is_no_day(suggest):
    text = ("Greece will seek a joint referral to The Hague, Foreign Minister Nikos Demas said on Wednesday.\n\n"
            "Addressing parliament a day after talks with his Turkish counterpart in Ankara, Demas said the "
            "legal teams would exchange drafts. ⚖️")
    got = by_text(suggest(text, dt.date(2026, 10, 22)))
    assert got["the legal teams would exchange drafts"].date == dt.date(2026, 10, 21)


def test_a_day_counted_from_talks_counts_from_the_talks_day(suggest):
    text = ("EU leaders held talks in Brussels on Monday on the budget.\n\n"
            "The European Central Bank cut its deposit rate on Tuesday.\n\n"
            "Speaking a day after the talks, the Dutch prime minister, Eva Smit, said the deal would hold.")
    got = by_text(suggest(text, THURSDAY))
    assert got["the deal would hold"].date == dt.date(2026, 11, 10)


@pytest.mark.parametrize("opening", ["Speaking to tour guides in Arusha on Tuesday",
                                     "Speaking to trade unions in Accra on Tuesday"])
def test_the_day_of_speaking_to_people_whose_first_word_may_be_a_verb_dates_the_statement(suggest, opening):
    text = opening + ", the minister said park fees would fall next year. 🦁"
    got = by_text(suggest(text, THURSDAY))
    assert got["park fees would fall next year"].date == dt.date(2026, 11, 10)


def test_after_the_meeting_is_after_two_people_met(suggest):
    text = ("Speaking after Wednesday's cabinet meeting, Finance Minister Jana Novak said the country would "
            "adopt the euro in 2030.\n\n"
            "Ms Novak and central bank governor Petr Dvorak met on Tuesday evening to discuss the timetable. "
            "After the meeting, she said the talks had been constructive.")
    got = by_text(suggest(text, THURSDAY))
    assert got["the talks had been constructive"].date == dt.date(2026, 11, 10)


def test_a_day_counted_from_an_event_told_in_other_words_counts_from_the_day_named_last(suggest):
    text = ("Portugal held a snap general election on Sunday.\n\n"
            "Speaking a day after the vote, Prime Minister Luis Montenegro said he would form a minority "
            "government. 🗳️")
    got = by_text(suggest(text, THURSDAY))
    assert got["he would form a minority government"].date == dt.date(2026, 11, 9)
