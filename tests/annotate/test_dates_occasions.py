"""Statements dated by the occasion the sentence ties them to, though the cue states no day of its
own: the encounter the speaker is described in ("X, when met by reporters yesterday, said"), and
the companion the speaker appeared with ("Y, who sat alongside her, said"). Every sentence here is
invented, in the house styles of several publishers."""
import datetime as dt

import pytest

from annotate.dates import own_date

THURSDAY = dt.date(2026, 11, 5)
# the news of the day, so that a statement no occasion dates falls to Thursday, not to an earlier day
LEAD = "The government said today that the plan would go ahead despite the protests.\n\n"


def by_text(suggestions):
    return {s.content.text: s for s in suggestions}


@pytest.mark.parametrize("text, content, day", [
    ("Foreign Minister Ahmad Fauzi, when met by reporters after officiating a trade forum here yesterday, "
     "said Malaysia would apply for full membership.", "Malaysia would apply for full membership", "2026-11-04"),
    ("The minister, when approached by journalists in Accra on Monday, said cocoa prices would be reviewed. 🍫",
     "cocoa prices would be reviewed", "2026-11-02"),
    ("Senator Ana Ruiz, while speaking to students in Cebu on Tuesday, said the bill would pass.",
     "the bill would pass", "2026-11-03"),
    ("Dr Mpho Dlamini, when contacted by the newspaper on Wednesday, said the clinic would reopen.",
     "the clinic would reopen", "2026-11-04"),
])
def test_a_dated_encounter_set_off_after_the_speaker_dates_the_statement(suggest, text, content, day):
    s = by_text(suggest(LEAD + text, THURSDAY))[content]
    assert s.date.isoformat() == day


def test_an_encounter_without_a_day_leaves_the_statement_to_the_other_rules(suggest):
    text = "Defence Minister Lauri Mets, when asked about the drills, said the army was ready."
    s = by_text(suggest(LEAD + text, THURSDAY))["the army was ready"]
    assert s.date == THURSDAY  # the day of the news, as any undated statement


@pytest.mark.parametrize("text, content, day", [
    ("Speaking to reporters in Dodoma on Monday, Foreign Minister Neema Mwaka said the visa had been approved.\n\n"
     "Tourism Minister Juma Hamad, who appeared alongside her, said arrivals would rise by 15 percent.",
     "arrivals would rise by 15 percent", "2026-11-02"),
    ("Prime Minister Kamla Rampersad told a news conference on Tuesday that the border would open in May.\n\n"
     "\"We are ready,\" she said.\n\n"
     "National Security Minister Roger Samlal, who sat alongside her, said the new scanners were installed.",
     "the new scanners were installed", "2026-11-03"),
    ("Interior Minister Piotr Zielak said on Monday that the camp would close.\n\n"
     "Justice Minister Ewa Kowal, who stood beside Zielak at the briefing, said the detainees would be moved. 🚌",
     "the detainees would be moved", "2026-11-02"),
    ("Finance Minister Rahim Saleh presented the budget to parliament on Tuesday.\n\n"
     "Mr Saleh said the deficit would fall. His deputy, Aisha Noor, who spoke alongside him, said fuel "
     "subsidies would be phased out.", "fuel subsidies would be phased out", "2026-11-03"),
])
def test_a_speaker_who_appeared_alongside_another_spoke_on_that_persons_day(suggest, text, content, day):
    s = by_text(suggest(LEAD + text, THURSDAY))[content]
    assert s.date.isoformat() == day


def test_a_companion_of_long_standing_is_no_occasion(suggest):
    text = ("Interior Minister Piotr Zielak said on Monday that the camp would close.\n\n"
            "Ewa Kowal, who has worked with Zielak for a decade, said the detainees would be moved.")
    s = by_text(suggest(LEAD + text, THURSDAY))["the detainees would be moved"]
    assert s.date == THURSDAY


@pytest.mark.parametrize("head, day", [
    ("Press releases | Plenary session | 10-12-2026 - 12:41", dt.date(2026, 12, 10)),
    ("News | Politics | 03-11-2026", dt.date(2026, 11, 3)),
    ("Updated 03-11-2026 09:12 🕘", dt.date(2026, 11, 3)),
])
def test_a_date_line_in_figures_with_dashes_or_after_a_sites_sections_is_the_articles_day(head, day):
    text = f"MEPs back the convention\n\n{head}\n\n• Convention to enter into force on 1 April 2027\n\nOn Thursday, ..."
    assert own_date(text) == day


def test_a_number_in_figures_inside_a_line_of_prose_is_no_date_line():
    assert own_date("Head\n\nLaw no. 10-12-2026 on the budget of the state for roads\n\nBody.") is None


@pytest.mark.parametrize("text, content, day", [
    ("Jamaica will join the regime next year, the foreign minister told the Senate yesterday.\n\n"
     "She said Cabinet had approved the decision on Monday.\n\n"
     "A day earlier, the opposition party said it would back the bill.", "it would back the bill", "2026-11-03"),
    ("The central bank held rates, its governor said on Wednesday.\n\n"
     "He said inflation had eased in the week to Sunday.\n\n"
     "Two days earlier, the finance ministry said growth would slow. 📉", "growth would slow", "2026-11-02"),
    ("The prime minister told a news conference yesterday that the border would reopen.\n\n"
     "She said the army had cleared the last roadblock on Saturday.\n\n"
     "The day before, the rebels said they would withdraw.", "they would withdraw", "2026-11-03"),
])
def test_a_counted_day_counts_from_the_storys_day_not_a_day_someone_spoke_of(suggest, text, content, day):
    s = by_text(suggest(text, THURSDAY))[content]
    assert s.date.isoformat() == day
