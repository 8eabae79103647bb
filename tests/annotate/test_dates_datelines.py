"""The day an undated article gives itself (its dateline or date line, in the house styles of wire
services, papers and press releases), and statements dated by the occasion the article ties them
to. Every sentence here is invented."""
import datetime as dt

import pytest

from annotate.dates import dateline, own_date
from annotate.engine import paragraphs

YEAR = dt.date(2026, 9, 1)  # the dates an article writes in full: what a yearless dateline takes its year from


def by_text(suggestions):
    return {s.content.text: s for s in suggestions}


@pytest.mark.parametrize("opening, day", [
    ("OTTAWA, Jan. 23, 2026 — Canada expects a deal within weeks, the minister said.", dt.date(2026, 1, 23)),
    ("NAIROBI, Kenya, March 3, 2026 /PRNewswire/ -- The bank approved a loan on Monday.", dt.date(2026, 3, 3)),
    ("Berlin, 12 November 2026 (dpa) - The minister said on Tuesday that rents must fall.", dt.date(2026, 11, 12)),
    ("(ANSA) - ROME, JUN 18 - The minister said Thursday the centres would work.", dt.date(2026, 6, 18)),
    ("New Delhi, Mar 4 (PTI) The minister on Wednesday said exports would rise.", dt.date(2026, 3, 4)),
    ("KUALA LUMPUR, Nov 12 (Bernama) -- Wages will rise, the prime minister said today.", dt.date(2026, 11, 12)),
    ("Madrid, Nov 4 (EFE).- The minister said on Tuesday that the pact holds.", dt.date(2026, 11, 4)),
    ("Rio de Janeiro, Oct 2 (Reuters) - The mayor said on Friday that the port would reopen. 🚢", dt.date(2026, 10, 2)),
    ("TOKYO, Nov. 12 Kyodo - The government said Thursday it would ease export rules.", dt.date(2026, 11, 12)),
    ("MOSCOW, November 12. /TASS/. The Kremlin said on Thursday that talks would go on.", dt.date(2026, 11, 12)),
    ("MOSCOW. Nov 12 (Interfax) - The central bank said on Thursday that rates would hold.", dt.date(2026, 11, 12)),
])
def test_a_dateline_in_any_house_style_is_the_articles_own_day(opening, day):
    text = "A headline\n\nA standfirst that sums up the story\n\n" + opening
    assert dateline(text, YEAR) == day
    start = text.index(opening)
    (para_start, para), = paragraphs(text[start:])
    assert para[:1].isupper() and not any(w in para for w in ("(PTI)", "(ANSA)", "/PRNewswire/", "(EFE)"))


def test_a_dateline_without_a_year_is_used_only_when_the_text_writes_one():
    assert dateline("KYIV, Nov 26 (Reuters) - The minister said on Tuesday that attacks doubled.", None) is None
    assert dateline("OTTAWA, Jan. 23, 2026 — The minister said on Friday that talks went well.", None) == dt.date(2026, 1, 23)


def test_sentences_that_open_like_a_dateline_are_none():
    for text in ("Smith, Jones - the two leaders said they would meet.",
                 "Paris, the capital, said on Tuesday it would cut the tax.",
                 "Warsaw, May 3 was a holiday, the minister said on Monday.",
                 "Minister, 45 — a former banker — said on Friday that rates would fall.",
                 "Smith, May 3 Group - the leader said on Monday that rates would fall.",
                 "PARIS. The minister said on Monday that rates would fall."):
        assert dateline(text, YEAR) is None
        assert paragraphs(text) == [(0, text)]


def test_a_byline_line_with_an_update_stamp_is_the_articles_own_date():
    assert own_date("Head\n\nAhmet Yılmaz |12.11.2026 - Update : 12.11.2026\n\nANKARA\n\nBody.") == dt.date(2026, 11, 12)
    assert own_date("Head\n\n11 Nov 2026 07:15AM (Updated: 11 Nov 2026 09:30AM)\n\nBody.") == dt.date(2026, 11, 11)
    assert own_date("Head\n\nRome, Nov. 21, 2024 (Getty Images)\n\nBody.") is None  # a caption's credit


def test_an_undated_press_conference_is_dated_by_its_dateline(suggest):
    text = ("Canada close to joining EU defence fund, minister says\n\n"
            "Minister says cost still being negotiated\n\n"
            "OTTAWA, Jan. 23, 2026 — Canada expects to conclude negotiations to join the European fund "
            "within weeks, Defence Minister Anne Roy told a news conference in Ottawa on Friday. 🍁\n\n"
            "She said the agreement would allow Canadian firms to supply up to a third of the components.\n\n"
            "Opposition critic Derek Hall said in a statement on Thursday that Canada should not pay to play.")
    got = by_text(suggest(text, None))
    friday, thursday = dt.date(2026, 1, 23), dt.date(2026, 1, 22)
    assert got["Canada expects to conclude negotiations to join the European fund within weeks"].date == friday
    assert got["the agreement would allow Canadian firms to supply up to a third of the components"].date == friday
    assert got["Canada should not pay to play"].date == thursday


def test_the_dateline_is_no_part_of_the_speakers_name(suggest):
    text = ("Drone export rules next month\n\n"
            "New Delhi, Mar 4 (PTI) External Affairs Minister Ravi Menon on Wednesday said India would notify "
            "new rules for drone exports by April 1, 2026.")
    (s,) = suggest(text, None)
    assert s.speaker == "Ravi Menon" and s.date == dt.date(2026, 3, 4)


def test_who_signed_the_agreement_speaks_on_the_day_of_the_signing(suggest):
    text = ("SINGAPORE – Singapore and Vietnam on Aug 26 signed an agreement for a subsea power cable.\n\n"
            "Trade Minister Grace Lim, who signed the agreement with her counterpart at a ceremony at a hotel, "
            "said the link would meet a tenth of demand. ⚡\n\n"
            "Speaking at the same ceremony, Mr Phan said wind farms could supply both countries.\n\n"
            "An analyst, Dr Ong, said the price would depend on interest rates.")
    got = by_text(suggest(text, dt.date(2026, 8, 27)))
    assert got["the link would meet a tenth of demand"].date == dt.date(2026, 8, 26)
    assert got["wind farms could supply both countries"].date == dt.date(2026, 8, 26)


def test_who_signed_another_text_in_another_year_is_no_link_to_the_storys_day(suggest):
    text = ("Singapore and Vietnam on Aug 26 signed an agreement for a subsea power cable.\n\n"
            "Former minister Tan Wei, who signed the 2019 agreement on grid standards, said on Tuesday that "
            "the cable was overdue.")
    got = by_text(suggest(text, dt.date(2026, 8, 27)))
    assert got["the cable was overdue"].date == dt.date(2026, 8, 25)


def test_the_text_a_statement_was_made_in_dates_it_however_the_parser_hangs_it(suggest):
    text = ("The supreme court ruled on Tuesday that the detention orders were invalid.\n\n"
            "In its written reasoning, filed on Wednesday, the court said that judges were entitled to "
            "assess each case. ⚖️")
    got = by_text(suggest(text, dt.date(2026, 6, 18)))
    assert got["judges were entitled to assess each case"].date == dt.date(2026, 6, 17)


def test_a_day_in_the_opening_phrase_that_belongs_to_another_event_is_not_the_statements(suggest):
    text = ("Ahead of Thursday's summit in Brussels, the Dutch prime minister, Eva Smit, said that the "
            "budget rules must stay.")
    (s,) = suggest(text, dt.date(2026, 10, 20))
    assert s.date != dt.date(2026, 10, 15)


def test_a_day_in_a_question_put_to_the_speaker_is_not_the_day_of_the_answer(suggest):
    text = ("The transport minister, Volker Brandt, said on Friday that the cameras were ordered.\n\n"
            "Asked whether the Monday deadline could slip, Brandt said: \"No. Most are already installed.\" 🚧")
    got = by_text(suggest(text, dt.date(2026, 10, 9)))
    assert got["No. Most are already installed."].date == dt.date(2026, 10, 9)


def test_a_ruling_named_by_its_day_dates_what_the_court_said_in_it(suggest):
    text = "In Monday's ruling, the constitutional court said the law breached the right to privacy."
    (s,) = suggest(text, dt.date(2026, 10, 9))
    assert s.date == dt.date(2026, 10, 5)


def test_a_date_line_that_joins_its_parts_with_dashes_is_the_articles_own_date():
    assert own_date("Head\n\nAuthor: Kweku Mensah\nNov - 12 - 2026 , 08:45\n\nBody.") == dt.date(2026, 11, 12)
    assert own_date("Head\n\n12-Nov-2026 | 10:02\n\nBody.") == dt.date(2026, 11, 12)


def test_a_day_without_its_year_is_the_nearer_one_so_a_coming_day_is_no_statement_date(suggest):
    from annotate.dates import resolve
    assert resolve("on 17 December", dt.date(2026, 11, 12)) == dt.date(2026, 12, 17)  # the summit to come
    assert resolve("on Dec. 28", dt.date(2027, 1, 3)) == dt.date(2026, 12, 28)  # a week back, over New Year
    assert resolve("on Oct. 2", dt.date(2026, 11, 12)) == dt.date(2026, 10, 2)
    text = ("The commissioner, Jonas Berg, said on Monday that the legal basis was solid. 🇪🇺\n\n"
            "Berg told reporters on 17 December that leaders would reach a deal.")
    got = by_text(suggest(text, dt.date(2026, 11, 12)))
    assert got["leaders would reach a deal"].date != dt.date(2025, 12, 17)


def test_a_year_that_names_a_budget_is_no_period_that_leaves_the_statement_undated(suggest):
    text = ("The finance minister, Kwabena Owusu, told parliament on Wednesday that Ghana would not seek a new "
            "programme.\n\n"
            "Presenting the 2027 Budget Statement 📈, he said the economy had recovered strongly.")
    got = by_text(suggest(text, dt.date(2026, 11, 12)))
    assert got["the economy had recovered strongly"].date == dt.date(2026, 11, 11)


def test_who_also_spoke_at_the_seminar_speaks_on_the_day_of_the_seminar(suggest):
    text = ("Bangladesh will apply to join the trade bloc, the commerce ministry said on Saturday.\n\n"
            "Speaking at a seminar at a city hotel on Sunday, Commerce Adviser Bashir Chowdhury said a feasibility "
            "study was complete.\n\n"
            "Governor Farhana Rahman, who also spoke at the seminar, struck a more cautious note. "
            "\"Membership is not a magic key,\" she said. 🔑")
    got = by_text(suggest(text, dt.date(2026, 9, 14)))
    assert got["Membership is not a magic key"].date == dt.date(2026, 9, 13)


def test_an_occasion_named_inside_what_was_said_is_not_the_frames_occasion(suggest):
    text = ("The governor, Olu Bakare, said on Thursday that Nigeria was not ready. He said the bank would present "
            "its position at the meeting of the council in Accra.\n\n"
            "But the finance minister, Hadiza Musa, said yesterday that the government remained committed.\n\n"
            "Mrs Musa, who spoke to reporters after the cabinet meeting, said the reforms were on track. 🏦")
    got = by_text(suggest(text, dt.date(2026, 4, 14)))
    assert got["the reforms were on track"].date == dt.date(2026, 4, 13)


def test_a_speaker_brought_in_by_the_frame_of_the_statement_before_speaks_on_its_day(suggest):
    text = ("The senator said on Wednesday that talks were nearly done.\n\n"
            "Kenya's ambassador, Wanjiru Kamau, said yesterday that Nairobi was watching closely. \"We cannot plan "
            "on a maybe,\" she said at an event in Washington, where she appeared alongside Rep. Terrence Hollis. "
            "He said the House would take up the bill. 🌍")
    got = by_text(suggest(text, dt.date(2026, 4, 22)))
    assert got["the House would take up the bill"].date == dt.date(2026, 4, 21)


def test_a_speaker_who_answers_in_the_next_sentence_is_not_brought_in_by_its_frame(suggest):
    text = ("The prime minister said on Wednesday that the budget would pass.\n\n"
            "\"We will win the vote,\" the finance minister, Ana Silva, said on Monday. Jorge Lima, the opposition "
            "leader, said the plan would fail. 🗳️")
    got = by_text(suggest(text, dt.date(2026, 4, 22)))
    assert got["the plan would fail"].date != dt.date(2026, 4, 20)


def test_a_date_line_written_year_first_with_slashes_or_dots_is_the_articles_own_date():
    assert own_date("Head\n\n2026/11/11 14:32\n\nBody.") == dt.date(2026, 11, 11)
    assert own_date("Head\n\nPosted : 2026.11.11 09:00 KST\n\nBody.") == dt.date(2026, 11, 11)


def test_a_weekday_of_last_week_is_that_day_of_the_week_before(suggest):
    friday = dt.date(2026, 11, 13)
    (s,) = suggest("The minister said on Thursday last week that the tax would rise. 💶", friday)
    assert s.date == dt.date(2026, 11, 5)
    (s,) = suggest("The minister told parliament on Monday of last week that the tax would rise.", friday)
    assert s.date == dt.date(2026, 11, 2)
    (s,) = suggest("The minister said on Thursday that the tax would rise.", friday)
    assert s.date == dt.date(2026, 11, 12)


def test_a_day_restated_in_brackets_still_dates_the_event(suggest):
    text = ("Singapore, Indonesia sign carbon credit pact\n\n"
            "11 Nov 2026 07:15AM (Updated: 11 Nov 2026 09:30AM)\n\n"
            "SINGAPORE: Singapore and Indonesia on Tuesday (Nov 10) signed an agreement on carbon credits. 🌱\n\n"
            "Environment Minister Grace Tan, who signed the agreement with her Indonesian counterpart, said the "
            "pact set high standards.")
    got = by_text(suggest(text, None))
    assert got["the pact set high standards"].date == dt.date(2026, 11, 10)


def test_a_yearless_dateline_takes_the_year_of_a_month_the_text_writes(suggest):
    text = ("Ukraine says port attacks doubled\n\n"
            "KYIV, Nov 26 (Reuters) - The infrastructure minister said on Tuesday that drone attacks on Odesa "
            "had doubled since June 2026. 🚢")
    got = by_text(suggest(text, None))
    assert got["drone attacks on Odesa had doubled since June 2026"].date == dt.date(2026, 11, 24)


@pytest.mark.parametrize("line, day", [
    ("News · World · Middle East and North Africa · 3.11.2026 · 08:15", dt.date(2026, 11, 3)),
    ("Home | News | Asia Pacific | Southeast Asia | 12 November 2026 | 5 min read 🗳️", dt.date(2026, 11, 12)),
])
def test_a_date_line_in_a_breadcrumb_of_any_length_is_the_articles_own_date(line, day):
    assert own_date("A headline\n\n" + line + "\n\nThe minister said on Tuesday that rents must fall.") == day


def test_a_date_in_a_sentence_set_in_a_breadcrumb_is_not_the_articles_own_date():
    assert own_date("Head\n\nSport | Football | Arsenal beat Chelsea 2-1 on 12 November 2026 in a late match\n\nx") is None
    assert own_date("Head\n\nThe vote on 10-12-2026 was won by the party of the prime minister.\n\nBody") is None
