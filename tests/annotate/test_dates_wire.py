"""Statement dates on wire copy: how news articles date what was said (the day a text gives itself,
occasions named again later, days counted from the story's own days, the day of the news).
Every sentence here is invented."""
import datetime as dt

from annotate.dates import occasion_refs, own_date
from annotate.engine import same_source

THURSDAY = dt.date(2026, 11, 26)


def by_text(suggestions):
    return {s.content.text: s for s in suggestions}


def test_a_labelled_publication_line_under_a_long_standfirst_is_the_articles_own_date():
    text = ("Armed forces minister says France ready to share its deterrent 🇫🇷\n\n"
            "Claire Vautel said on Wednesday that Paris could station aircraft in partner countries on a "
            "rotating basis. The opposition immediately denounced the idea, and the government's allies asked "
            "for details of the costs, the timetable and the role parliament would play in any decision. "
            "Neighbouring governments said they would study the offer before a meeting of defence ministers "
            "next month.\n\n"
            "Le Courrier with AFP\n\n"
            "Published on October 8, 2026, at 6:12 pm (Paris)\n\n"
            "France is prepared to deploy aircraft, the minister said on Wednesday.")
    assert own_date(text) == dt.date(2026, 10, 8)
    # a caption's date in brackets is still no date line of the article
    assert own_date("Head\n\nRome, Nov. 21, 2024 (Getty Images)\n\nBody.") is None


def test_a_day_counted_from_another_ignores_the_storys_background_dates(suggest):
    text = ("Seoul urges talks with the North\n\n"
            "SEOUL, Dec. 3 - Unification Minister Han Mi-rae on Thursday called for restoring a military "
            "pact with North Korea.\n\n"
            "The pact, signed on Sept. 19, 2018, banned hostile acts near the border.\n\n"
            "The Ministry of Unification said a day earlier that restoring the pact would lower the risk of "
            "clashes.")
    got = by_text(suggest(text, dt.date(2026, 12, 3)))
    assert got["restoring the pact would lower the risk of clashes"].date == dt.date(2026, 12, 2)


def test_a_day_in_the_frame_wins_over_a_year_nearer_the_cue(suggest):
    text = ("Minister Han Mi-rae on Thursday called for restoring a 2018 agreement with the North, saying it "
            "would be the most realistic first step.")
    got = by_text(suggest(text, dt.date(2026, 12, 3)))
    assert got["it would be the most realistic first step"].date == dt.date(2026, 12, 3)


def test_a_body_is_the_head_of_its_full_name_never_the_place_it_belongs_to():
    assert same_source("Embassy", "Embassy of India in Kathmandu")
    assert same_source("Bank", "State Bank of Pakistan")
    assert not same_source("Pakistan", "State Bank of Pakistan")


def test_the_embassy_added_takes_the_day_its_statement_was_made(suggest):
    text = ("The Embassy of India in Kathmandu said in a statement on Tuesday that India would welcome the "
            "decision. The embassy added that recruits would be treated equally. 🪖")
    got = by_text(suggest(text, dt.date(2026, 10, 8)))
    assert got["recruits would be treated equally"].date == dt.date(2026, 10, 6)


def test_an_occasion_named_again_takes_the_day_the_article_gave_it(suggest):
    text = ("Pretoria, Thursday, 26 November 2026\n\n"
            "The minister, Ms Lerato Khumalo, hosted her Brazilian counterpart for the 9th Session of the "
            "Joint Commission in Pretoria on Wednesday, 25 November 2026.\n\n"
            "Both ministers welcomed bilateral trade, which reached R58 billion in 2025.\n\n"
            "Speaking to the media after the session, Minister Khumalo said the two countries were building "
            "options for their people.")
    got = by_text(suggest(text, None))
    assert got["the two countries were building options for their people"].date == dt.date(2026, 11, 25)


def test_speaking_before_the_vote_and_at_a_reports_launch_take_those_days(suggest):
    text = ("The defence bill passed the chamber on Wednesday night by 84 votes to 69.\n\n"
            "Speaking in the chamber before the vote, the minister, Aoife Brennan, said the bill kept the "
            "country neutral.\n\n"
            "The central bank said in its Financial Stability Review on Monday that trade was a risk. The "
            "bank's deputy governor, Pieter Botha, said at the review's launch that lenders were well "
            "capitalised.")
    got = by_text(suggest(text, THURSDAY))
    assert got["the bill kept the country neutral"].date == dt.date(2026, 11, 25)
    assert got["lenders were well capitalised"].date == dt.date(2026, 11, 23)


def test_at_the_same_meeting_is_the_meeting_told_of_before_not_the_last_day_named(suggest):
    text = ("EU governments postponed the trade vote on Thursday, diplomats said.\n\n"
            "Farm ministers met in Brussels on Monday. French minister Hélène Marin said after Monday's "
            "meeting that the safeguards were too weak.\n\n"
            "The ministry said on Tuesday that talks would go on.\n\n"
            "Polish minister Jan Wąs, speaking at the same meeting, went further. \"This deal sacrifices "
            "our farmers,\" he told reporters.\n\n"
            "Ecuador's ambassador, Rosa Cueva, who attended the same meeting, said exporters would benefit.")
    got = by_text(suggest(text, THURSDAY))
    assert got["This deal sacrifices our farmers"].date == dt.date(2026, 11, 23)
    assert got["exporters would benefit"].date == dt.date(2026, 11, 23)


def test_at_the_same_briefing_never_told_of_is_the_day_of_the_news(suggest):
    text = ("JAKARTA - Indonesia will cut nickel quotas next year, Mining Minister Arief Santos said on "
            "Thursday.\n\n"
            "The miners' association said on Wednesday that smaller firms would suffer.\n\n"
            "Finance Minister Sri Wahyu, speaking at the same briefing, said revenue would not fall.")
    got = by_text(suggest(text, THURSDAY))
    assert got["revenue would not fall"].date == THURSDAY


def test_a_release_that_announces_in_the_present_is_dated_by_its_own_date_line(suggest):
    text = ("PRESS RELEASE\n\nMaputo, Thursday, 12 November 2026\n\n"
            "The Ministry of Foreign Affairs announces that the Republic yesterday deposited its instrument of "
            "ratification of the digital trade protocol with the African Union.")
    s = next(iter(suggest(text, None)))
    assert s.date == dt.date(2026, 11, 12)


def test_a_present_tense_lead_makes_the_texts_own_day_the_day_of_the_news(suggest):
    text = ("Morning Report\n\nBroadcast: Friday 13 November 2026, 7:12am\n\n"
            "Fiji's Minister for Policing, Mere Tuila, says the first regional police team will be ready to "
            "deploy by March.\n\n"
            "The Forum Secretariat said in a statement on Wednesday that all members had been consulted.\n\n"
            "Opposition MP Jonah Rama, speaking from Honiara, said he wanted the plan debated in parliament.")
    got = by_text(suggest(text, None))
    assert got["he wanted the plan debated in parliament"].date == dt.date(2026, 11, 13)


def test_an_undated_lead_takes_the_day_the_next_paragraph_gives(suggest):
    text = ("Tanzania holds out on tourist visa\n\n"
            "Tanzania will not join the single tourist visa until partners agree on revenue sharing, the "
            "country's foreign minister has said.\n\n"
            "Speaking in Arusha on Thursday, the minister, Amina Kitwa, said Tanzania supported integration "
            "in principle.\n\n"
            "Kenya's tourism secretary, Joseph Lang'at, said Nairobi was ready to launch in 2027.")
    got = by_text(suggest(text, dt.date(2026, 11, 21)))
    assert got["Nairobi was ready to launch in 2027"].date == dt.date(2026, 11, 19)


def test_a_day_before_that_belongs_to_the_verb_not_to_what_was_said(suggest):
    text = ("EU ministers met on Tuesday.\n\n"
            "German Economy Minister Jörg Ahl said a day earlier that further delay would hurt exporters.")
    s = by_text(suggest(text, dt.date(2026, 11, 20)))["further delay would hurt exporters"]
    assert (s.date, s.date_text) == (dt.date(2026, 11, 16), "a day earlier")


def test_a_counted_day_the_tagger_misses_still_dates_the_statement(suggest):
    text = ("Iceland formally asked the EU on Wednesday to resume membership talks.\n\n"
            "Speaking a day earlier in the Althing, Prime Minister Ásta Sveins said the government would "
            "respect the referendum.")
    s = by_text(suggest(text, dt.date(2026, 5, 15)))["the government would respect the referendum"]
    assert s.date == dt.date(2026, 5, 12)


def test_the_lead_post_named_in_the_body_takes_the_day_the_body_gives(suggest):
    text = ("Channel deal 'working', says home secretary\n\n"
            "Naomi Farr tells Sky News the pilot has broken the smugglers' business model, as critics call "
            "the numbers a rounding error.\n\n"
            "Jack Pember\nPolitical correspondent\n\n"
            "The returns deal with France is working and should be extended, the home secretary has told "
            "Sky News.\n\n"
            "In an interview on Wednesday, Home Secretary Naomi Farr said the pilot had broken the gangs' "
            "business model.")
    got = by_text(suggest(text, dt.date(2026, 11, 5)))
    assert got["The returns deal with France is working and should be extended"].date == dt.date(2026, 11, 4)


def test_a_spokesperson_of_the_body_that_just_spoke_speaks_on_its_day(suggest):
    text = ("Ministers spar over grain imports\n\n"
            "WARSAW, Sept 19 - Poland will keep its grain ban, Agriculture Minister Jan Wójcicki said on "
            "Thursday.\n\n"
            "The European Commission said on Friday that it was in contact with all sides. A Commission "
            "spokeswoman, Anna Lindgren, said the import rules would be reviewed in October. 🌾")
    got = by_text(suggest(text, dt.date(2025, 9, 19)))
    assert got["the import rules would be reviewed in October"].date == dt.date(2025, 9, 19)
    assert got["Poland will keep its grain ban"].date == dt.date(2025, 9, 18)


def test_a_date_line_with_the_month_in_capitals_is_the_articles_own_date(suggest):
    text = ("Spain approves a four-day week pilot\n\nMadrid / 12 NOV 2026 - 18:40 CET\n\n"
            "Minister Óscar Llorens said this Tuesday that the pilot would cost nothing. 🕓")
    assert own_date(text) == dt.date(2026, 11, 12)
    assert only_date(suggest(text, None)) == dt.date(2026, 11, 10)


def test_a_past_perfect_statement_after_it_is_an_earlier_occasion_not_its_day(suggest):
    text = ("ATHENS - Greece's top court on Friday ordered the government to reopen an inquiry.\n\n"
            "Migration Minister Nikos Karas said the government respected the decision. He had told "
            "parliament on Wednesday that the camp met European standards.")
    got = by_text(suggest(text, dt.date(2026, 11, 14)))
    assert got["the government respected the decision"].date == dt.date(2026, 11, 13)
    assert got["the camp met European standards"].date == dt.date(2026, 11, 11)


def only_date(suggestions):
    (s,) = suggestions
    return s.date


def test_a_statement_a_day_before_the_act_it_prompted_takes_the_day_before(suggest):
    text = ("A senior ally of the president on Monday urged the central bank to cut rates, a day after the "
            "bank's governor said inflation expectations remained too high. 📉")
    got = by_text(suggest(text, dt.date(2026, 11, 16)))
    assert got["inflation expectations remained too high"].date == dt.date(2026, 11, 15)


def test_a_place_or_an_addressee_in_the_frame_is_no_occasion_named_again(nlp):
    def refs(sentence, verb):
        doc = nlp(sentence)
        return occasion_refs(next(t for t in doc if t.text == verb), (0, 0))

    assert refs("It called on the government to return to the table. 🪖", "called") == []
    assert refs("The minister told reporters at the ministry that troops were sent.", "told") == []
    assert refs("Speaking after the session, the minister said talks went well.", "said") == [
        ("after", "session", False)]
    assert refs("Jan Wąs, speaking at the same meeting, said the deal was bad.", "said") == [
        ("at", "meeting", True)]


def test_a_machine_timestamp_line_is_the_articles_own_date():
    assert own_date("Ports hit again\n\n2026-11-26T14:05:00Z\n\nBody text.") == dt.date(2026, 11, 26)


def test_an_undated_wire_storys_dateline_dates_its_weekdays_in_the_year_it_writes(suggest):
    text = ("Ukraine says port attacks doubled\n\n"
            "KYIV, Nov 26 (Reuters) - Ukraine's infrastructure minister said on Tuesday that drone attacks on "
            "Odesa had doubled since the grain deal of Sept. 1, 2026. 🚢")
    got = by_text(suggest(text, None))
    assert got["drone attacks on Odesa had doubled since the grain deal of Sept. 1, 2026"].date == dt.date(2026, 11, 24)
    # no year written anywhere: the dateline alone cannot say which Tuesday
    text = "KYIV, Nov 26 (Reuters) - The minister said on Tuesday that attacks had doubled."
    assert only_date(suggest(text, None)) is None


def test_days_at_the_calendars_ends_give_no_date_and_no_error(suggest):
    text = ("Historians met on Jan. 2, 0001 in a novel.\n\n"
            "Two days earlier, the author said the book was finished. 📚\n\n"
            "The critic said on Tuesday that it was not.")
    got = by_text(suggest(text, dt.date(1, 1, 3)))
    assert got["the book was finished"].date is None or got["the book was finished"].date.year == 1
    assert own_date("Head\n\nJanuary 1, 0001\n\nThe minister said on Tuesday that it rained.") == dt.date(1, 1, 1)
    s = only_date(suggest("Head\n\nJanuary 1, 0001\n\nThe minister said on Tuesday that it rained.", None))
    assert s is None  # a year before 1000 is no article's own date
