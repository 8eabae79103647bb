"""Statement dates: the phrase governing the cue, resolved against the publication date."""
import datetime as dt

from annotate.dates import full_dates, is_period, resolve
from annotate.engine import same_source
from tests.annotate.conftest import only

FRIDAY = dt.date(2024, 5, 17)


def test_weekday_is_the_latest_such_day_on_or_before_publication():
    assert resolve("on Tuesday", FRIDAY) == dt.date(2024, 5, 14)
    assert resolve("Friday", FRIDAY) == FRIDAY


def test_month_day_is_the_latest_on_or_before_publication():
    assert resolve("on Dec. 12", dt.date(2025, 3, 16)) == dt.date(2024, 12, 12)
    assert resolve("March 15", dt.date(2025, 3, 16)) == dt.date(2025, 3, 15)
    assert resolve("12 December", dt.date(2025, 3, 16)) == dt.date(2024, 12, 12)


def test_written_year_wins():
    assert resolve("on Sept. 3, 2023", FRIDAY) == dt.date(2023, 9, 3)


def test_relative_words():
    assert resolve("yesterday", FRIDAY) == dt.date(2024, 5, 16)
    assert resolve("last week", FRIDAY) is None  # a week is no day (the gold convention: null)


def test_without_publication_date_the_year_comes_from_dates_in_the_text():
    hint = max(full_dates("Rome (Italy), Nov. 21, 2024 (Getty Images)"))
    assert resolve("on Dec. 12", None, hint) == dt.date(2024, 12, 12)
    assert resolve("on Tuesday", None, hint) is None


def test_said_on_date(suggest):
    s = only(suggest("Officials said on Wednesday they had found no evidence of fraud."))
    assert (s.date, s.date_text, s.date_assumed) == (dt.date(2024, 5, 15), "on Wednesday", False)
    assert s.content.text == "they had found no evidence of fraud"


def test_date_in_a_participial_clause_governs_the_cue(suggest):
    s = only(suggest("Talking to reporters in Paris on Dec. 7, Trump reportedly told the leaders he wants "
                     "a ceasefire.", published=dt.date(2024, 12, 10)))
    assert s.date == dt.date(2024, 12, 7) and s.date_text == "on Dec. 7"


def test_date_inside_the_claim_is_not_the_statement_date(suggest):
    s = only(suggest("The minister said the troops would arrive on Monday."))
    assert s.date == dt.date(2024, 5, 17) and s.date_assumed and s.date_text is None


def test_no_phrase_means_publication_date_assumed(suggest):
    s = only(suggest("The minister said the budget would be balanced."))
    assert s.date == dt.date(2024, 5, 17) and s.date_assumed


def test_no_phrase_and_no_publication_date_leaves_the_date_empty(suggest):
    s = only(suggest("The minister said the budget would be balanced.", published=None))
    assert s.date is None and s.date_assumed


def test_later_statement_by_the_same_speaker_keeps_the_date_of_the_event(suggest):
    text = ("Prime Minister Ana Ruiz said on Tuesday that Spain would not send troops.\n\n"
            '"We have other ways to help," Ruiz said.')
    first, second = suggest(text)
    assert first.date == second.date == dt.date(2024, 5, 14)
    assert second.date_assumed and not first.date_assumed


def test_year_inferred_when_article_has_no_date(suggest):
    text = ("Rome (Italy), Nov. 21, 2024 (Getty Images)\n\n"
            "Italy is willing to help, Defense Minister Guido Crosetto said on Dec. 12.")
    s = only(suggest(text, published=None))
    assert s.date == dt.date(2024, 12, 12)


def test_periods_are_not_days_and_counted_days_are():
    assert resolve("two days ago", FRIDAY) == dt.date(2024, 5, 15)
    for period in ("3 weeks ago", "earlier this month", "last month", "in June", "in 2025", "over the weekend",
                   "in recent weeks", "last week"):
        assert resolve(period, FRIDAY) is None, period
        assert is_period(period), period
    for day in ("on Tuesday", "two days ago", "yesterday", "on June 3", "a day earlier", "that same day"):
        assert not is_period(day), day


def test_a_day_counted_from_another_counts_from_the_anchor():
    wednesday = dt.date(2024, 5, 15)
    assert resolve("a day earlier", FRIDAY, anchor=wednesday) == dt.date(2024, 5, 14)
    assert resolve("the day before", FRIDAY, anchor=wednesday) == dt.date(2024, 5, 14)
    assert resolve("two days earlier", FRIDAY, anchor=wednesday) == dt.date(2024, 5, 13)
    assert resolve("48 hours earlier", FRIDAY, anchor=wednesday) == dt.date(2024, 5, 13)
    assert resolve("the following day", FRIDAY, anchor=wednesday) == dt.date(2024, 5, 16)
    assert resolve("later that day", FRIDAY, anchor=wednesday) == wednesday
    assert resolve("a day earlier", FRIDAY) == dt.date(2024, 5, 16)  # no day named: the article's own
    assert resolve("36 hours earlier", FRIDAY, anchor=wednesday) is None


def test_a_day_earlier_counts_from_the_statement_just_dated_not_from_publication(suggest):
    text = ("Lisbon's mayor, Rita Carvalho, said on Nov. 11 that the tram network would be free for pupils. 🚋\n\n"
            '"Children should not pay to go to school," Carvalho told Rádio Renascença a day earlier.')
    got = {s.content.text: s for s in suggest(text, dt.date(2026, 11, 13))}
    assert got["the tram network would be free for pupils"].date == dt.date(2026, 11, 11)
    assert got["Children should not pay to go to school"].date == dt.date(2026, 11, 10)
    text = ("The city council voted on Monday to make the trams free for pupils.\n\n"
            "The transport company said the next day that it had not been consulted.")
    assert only(suggest(text, dt.date(2026, 11, 13))).date == dt.date(2026, 11, 10)


def test_a_statement_dated_by_a_period_has_no_day_and_takes_none(suggest):
    text = ("Finance Minister Ola Berg said on Monday that the budget would be balanced.\n\n"
            '"There is no money for tax cuts," Berg told reporters last week.')
    first, second = suggest(text, dt.date(2026, 11, 18))
    assert first.date == dt.date(2026, 11, 16)
    assert second.date is None  # not Monday's, not the publication date


def test_a_year_or_a_month_dates_no_event_a_statement_follows(suggest):
    text = ("The foreign ministers of Chile and Peru met in Lima on Tuesday, 17 November 2026.\n\n"
            "Both ministers welcomed trade between the two countries, which reached $4 billion in 2025. "
            "Exports of fruit rose in June.\n\n"
            "Speaking to reporters after the meeting, Chile's foreign minister, Paula Rojas, said "
            "the talks had been \"frank and useful\".")
    got = {s.content.text: s for s in suggest(text, dt.date(2026, 11, 19))}
    assert got['the talks had been "frank and useful"'].date == dt.date(2026, 11, 17)


def test_date_the_parser_hangs_on_the_subject_still_dates_the_statement(suggest):
    # "on Wednesday" between subject and verb: spaCy often attaches it to the subject
    s = suggest("German Chancellor Olaf Scholz on Wednesday rejected calls to deliver missiles to Ukraine, "
                "saying the risk of escalation was too high.", dt.date(2024, 2, 29))[0]
    assert (s.date, s.date_text, s.date_assumed) == (dt.date(2024, 2, 28), "on Wednesday", False)
    s = suggest("Officials on Monday said the bridge would reopen in May.", dt.date(2024, 2, 29))[0]
    assert (s.date, s.date_text) == (dt.date(2024, 2, 26), "on Monday")


def test_an_undated_articles_published_line_is_no_event_that_dates_its_statements(suggest):
    text = ("Ferry fares to rise in Scotland\n\nPublished 22 September 2025\n\n"
            "Ferry fares will rise by 5% from January, the Scottish government has announced.\n\n"
            "Transport Secretary Fiona Hyslop said the rise was below inflation.")
    got = suggest(text, None)
    assert all(s.date == dt.date(2025, 9, 22) for s in got)


def test_a_body_named_in_full_then_shorter_keeps_the_day_it_spoke(suggest):
    text = ("Drought deepens in Andalusia\n\n"
            "Spain's State Meteorological Agency (AEMET) said in a statement on Tuesday that rainfall had been "
            "40% below normal since March. The agency said reservoirs in the south held less than a fifth of "
            "their capacity. ☀️")
    first, second = suggest(text, dt.date(2026, 11, 13))
    assert first.date == second.date == dt.date(2026, 11, 10)


def test_same_source_is_a_name_and_its_shorter_forms():
    assert same_source("Turkey's State Hydraulic Works", "Hydraulic Works")
    assert same_source("Federal Ministry", "Federal Ministry for Economic Affairs and Energy")
    assert same_source("Nguyễn Thị Lan", "Lan") and same_source("Haidar al-Jubouri", "Jubouri")
    assert not same_source("European Commission", "European Council")
    assert not same_source("Ana Ruiz", "Pablo Ruizo") and not same_source(None, "Ruiz")


def test_an_old_photo_in_the_caption_is_not_the_day_of_the_news(suggest):
    text = ("Poland keeps grain ban\n\n"
            "Polish farmers block a road near the Dorohusk border crossing with Ukraine on Feb. 20, 2024. "
            "(Photo agency)\n\n"
            "The farmers' union said it would resume protests if the ban were lifted.")
    s = only(suggest(text, dt.date(2026, 11, 13)))
    assert s.date == dt.date(2026, 11, 13) and s.date_assumed


def test_a_day_after_publication_is_no_statement_date_and_no_error(suggest):
    s = only(suggest("Officials said on March 3, 2031 that the dam was safe.", dt.date(2026, 11, 13)))
    assert s.date == dt.date(2026, 11, 13) and s.date_assumed and s.date_text is None


def by_text(suggestions):
    return {s.content.text: s for s in suggestions}


def test_the_sentence_saying_when_the_speaker_spoke_dates_the_quote_before_it(suggest):
    text = ("Rival vows to scrap pension reform\n\n"
            "PARIS - A presidential hopeful, Julien Marchal, on Sunday published a plan to scrap the pension "
            "reform.\n\n"
            '"Working until 64 is not progress 🙁, it is punishment," Marchal said. He was speaking at a rally '
            "in Lyon on Saturday.")
    got = {s.content.text: s for s in suggest(text, dt.date(2026, 11, 23))}
    assert got["Working until 64 is not progress 🙁, it is punishment"].date == dt.date(2026, 11, 21)
    text = ("Sweden reopened its border crossings with Norway on Monday.\n\n"
            '"The border stays open," Health Minister Eva Lund said. She made the remarks on Friday '
            "at a clinic in Malmö.")
    assert by_text(suggest(text, dt.date(2026, 11, 24)))["The border stays open"].date == dt.date(2026, 11, 20)


def test_the_word_that_says_which_way_to_count_belongs_to_the_date(suggest):
    text = ("Sweden's government will propose tougher sentences, Justice Minister Erik Lund said Tuesday.\n\n"
            "The day before, police chief Petra Sundin said the shootings were linked to a feud.")
    got = {s.content.text: s for s in suggest(text, dt.date(2026, 11, 17))}
    s = got["the shootings were linked to a feud"]
    assert (s.date, s.date_text) == (dt.date(2026, 11, 16), "The day before")
    assert resolve("on Tuesday, the day before", dt.date(2026, 11, 20), anchor=dt.date(2026, 11, 1)) == (
        dt.date(2026, 11, 17))
