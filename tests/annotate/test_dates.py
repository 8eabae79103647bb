"""Statement dates: the phrase governing the cue, resolved against the publication date."""
import datetime as dt

from annotate.dates import full_dates, resolve
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
    assert resolve("last week", FRIDAY) == dt.date(2024, 5, 10)


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


def test_month_only_phrase_is_the_first_of_the_latest_such_month():
    assert resolve("in June", FRIDAY) == dt.date(2023, 6, 1)


def test_periods_are_not_days_and_counted_days_are():
    assert resolve("two days ago", FRIDAY) == dt.date(2024, 5, 15)
    assert resolve("3 weeks ago", FRIDAY) == dt.date(2024, 4, 26)
    assert resolve("earlier this month", FRIDAY) is None
    assert resolve("last month", FRIDAY) is None


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
