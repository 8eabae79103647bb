"""Statements tied to an occasion the article dated just before: the ceremony where something was
signed, the meeting "where" someone insisted, the session where two people clashed and one
replied, the statement a body's follow-on sentence goes on quoting; and the day a dateline gives
when the article's stamp is the day before or after it (a time stamp in UTC). Every sentence here
is invented, in the styles of several publishers."""
import datetime as dt

import annotate.dates as dates


def by_text(suggestions):
    return {s.content.text.strip(" ,.\"'"): s for s in suggestions}


THURSDAY = dt.date(2026, 11, 19)
MONDAY, TUESDAY, WEDNESDAY = dt.date(2026, 11, 16), dt.date(2026, 11, 17), dt.date(2026, 11, 18)


# -- "at the ceremony": the ceremony at which the act the article dated was done ---------------------------------------

def test_said_at_the_ceremony_is_the_day_the_agreement_was_signed(suggest):
    text = ("Shipping lines will pay lower port fees on the route, Chile's ports authority said on Thursday.\n\n"
            "Chile and New Zealand signed a green shipping agreement on Tuesday, the first of its kind "
            "in the South Pacific.\n\n"
            "Chilean Transport Minister Paula Rojas said at the ceremony that the corridor would cut "
            "emissions on the route by half.")
    got = by_text(suggest(text, THURSDAY))
    assert got["the corridor would cut emissions on the route by half"].date == TUESDAY


def test_speaking_at_the_same_ceremony_follows_the_signing_too(suggest):
    text = ("India will import Omani hydrogen from 2029, the petroleum ministry said on Thursday.\n\n"
            "Oman and India signed a framework deal on green hydrogen in Muscat on Tuesday.\n\n"
            "Oman's energy minister Salim al-Rawahi told guests at the ceremony that the first cargo "
            "would sail in 2029.\n\n"
            "Speaking at the same ceremony, India's ambassador Meera Kulkarni said refiners were ready to buy. 🚢")
    got = by_text(suggest(text, THURSDAY))
    assert got["the first cargo would sail in 2029"].date == TUESDAY
    assert got["refiners were ready to buy"].date == TUESDAY


def test_at_the_inauguration_is_the_day_the_bridge_was_inaugurated(suggest):
    text = ("The second Niger bridge will be tolled from 2027, the federal government said on Wednesday.\n\n"
            "President Bola Tinubu on Monday inaugurated the second Niger bridge at Onitsha.\n\n"
            "Works Minister Dave Umahi said at the inauguration that tolls would not be charged this year.")
    got = by_text(suggest(text, THURSDAY))
    assert got["tolls would not be charged this year"].date == MONDAY


def test_at_the_ceremony_is_never_the_day_of_a_vote(suggest):
    # a guard: the article dates a vote, which is no ceremony, and the minister's own statement
    text = ("Transport Minister Ama Owusu said on Wednesday that the levy would rise in January.\n\n"
            "Parliament voted on Monday to raise the fuel levy. Owusu said at the ceremony that the money "
            "would go to rural roads.")
    got = by_text(suggest(text, THURSDAY))
    assert got["the money would go to rural roads"].date != MONDAY


# -- "where": a statement in a clause set on the place of an occasion the sentence dates ---------------------------------

def test_a_statement_where_the_ministers_met_is_of_the_day_they_met(suggest):
    text = ("Uruguay will go ahead with the deal, its foreign minister said on Thursday.\n\n"
            "Mercosur foreign ministers met in Asunción on Monday, where Brazil and Argentina insisted that "
            "the bloc's rules oblige members to negotiate together.")
    got = by_text(suggest(text, THURSDAY))
    assert got["the bloc's rules oblige members to negotiate together"].date == MONDAY


def test_a_statement_at_a_summit_where_the_leaders_agreed_is_of_the_summits_day(suggest):
    text = ("Officials said on Thursday that the first river gauges were already installed.\n\n"
            "The leaders of Angola and Namibia held a summit in Ondjiva on Tuesday, where they agreed that "
            "river data would be shared daily.")
    got = by_text(suggest(text, THURSDAY))
    assert got["river data would be shared daily"].date == TUESDAY


def test_where_reads_the_occasions_day_from_the_verb_it_hangs_on(nlp):
    doc = nlp("The council met in Geneva on Monday, where Russia said the report was biased.")
    cue = next(t for t in doc if t.lower_ == "said")
    content = (doc.text.index("the report"), len(doc.text) - 1)
    span = dates.where_date(cue, content)
    assert span is not None and doc.text[span[0]:span[1]] == "on Monday"


def test_a_where_clause_of_a_place_with_no_day_gives_no_day(nlp):
    doc = nlp("Ministers flew to Geneva, where Russia said the report was biased.")
    cue = next(t for t in doc if t.lower_ == "said")
    assert dates.where_date(cue, (doc.text.index("the report"), len(doc.text) - 1)) is None


# -- a clash, a meeting: the one met or clashed with took part too ------------------------------------------------------

def test_she_replied_at_the_session_where_she_clashed_with_the_chairman(suggest):
    text = ("Energy Minister Dana Levin said on Tuesday that the water deal was fair.\n\n"
            "MK Avi Malka, who chairs the finance committee, clashed with Levin on Monday at a stormy "
            "session of his committee. She replied that every step had been cleared with the cabinet.")
    got = by_text(suggest(text, dt.date(2026, 11, 18)))
    assert got["every step had been cleared with the cabinet"].date == MONDAY


def test_the_counterpart_met_on_a_day_speaks_of_that_meeting(suggest):
    text = ("Kenya will keep its sugar quotas, the government said on Thursday.\n\n"
            "Kenya's Trade Minister Rebecca Miano met her Ugandan counterpart, Francis Mwebesa, in Nairobi on "
            "Tuesday.\n\n"
            "Mwebesa said the quotas broke the customs union's rules.")
    got = by_text(suggest(text, THURSDAY))
    assert got["the quotas broke the customs union's rules"].date == TUESDAY


def test_the_one_clashed_with_speaks_of_that_clash_not_of_her_later_interview(suggest):
    text = ("Health Minister Ewa Nowak said in an interview on Wednesday that the reform would go ahead.\n\n"
            "Opposition MP Piotr Zając clashed with Nowak in parliament on Monday. Nowak told him the hospitals "
            "had been consulted.")
    got = by_text(suggest(text, THURSDAY))
    assert got["the hospitals had been consulted"].date == MONDAY


# -- the body just quoted, named again by what it is ----------------------------------------------------------------------

def test_the_army_goes_on_with_the_statement_it_issued_on_monday(suggest):
    text = ("Government has extended the deployment by six months, the minister said yesterday.\n\n"
            "In a statement issued on Monday, the UPDF said its troops had destroyed 14 camps. "
            "The army said three of its soldiers had been killed.")
    got = by_text(suggest(text, THURSDAY))
    assert got["three of its soldiers had been killed"].date == MONDAY


def test_the_ministrys_statement_goes_on_with_what_the_ministry_said_on_friday(suggest):
    text = ("Egypt will not accept the dam, its foreign minister said on Saturday.\n\n"
            "The Ethiopian Ministry of Foreign Affairs said on Friday that the dam would be used for power. "
            "The ministry's statement said Egypt's objections were an attempt to deny Ethiopians their rights.")
    got = by_text(suggest(text, dt.date(2026, 3, 8)))
    assert got["Egypt's objections were an attempt to deny Ethiopians their rights"].date == dt.date(2026, 3, 6)


def test_the_military_goes_on_in_the_next_sentence_of_its_statement(suggest):
    text = ("Manila will protest, the foreign secretary told reporters on Thursday.\n\n"
            "The Armed Forces of the Philippines said on Tuesday that two ships had been blocked. "
            "The military said its patrols would continue. 🚢")
    got = by_text(suggest(text, THURSDAY))
    assert got["its patrols would continue"].date == TUESDAY


def test_the_bodys_own_officer_goes_on_in_the_next_sentence(suggest):
    text = ("Haulage rates will rise in January, Transport Minister Sipho Ndlovu said on Thursday.\n\n"
            "The Road Freight Association said on Tuesday that diesel prices had doubled since March. "
            "Its chairperson, Thandiwe Mokoena, said smaller firms would close before Christmas.")
    got = by_text(suggest(text, THURSDAY))
    assert got["smaller firms would close before Christmas"].date == TUESDAY


def test_another_body_told_apart_by_its_words_does_not_go_on_with_the_statement_before(suggest):
    # a guard: "The Dutch government" is no name for the minister just quoted
    text = ("Chipmakers face new export rules, the Commerce Department said on Thursday.\n\n"
            "Japan's trade minister, Kenji Mori, told reporters on Tuesday that Japan had not been consulted. "
            "The Dutch government said it was studying the rule.")
    got = by_text(suggest(text, THURSDAY))
    assert got["it was studying the rule"].date != TUESDAY


def test_a_body_named_again_after_a_paragraph_break_is_not_taken_as_going_on(suggest):
    # a guard: a new paragraph may be a new occasion; the military's later words keep the day of the news
    text = ("Manila will protest, the foreign secretary told reporters on Thursday.\n\n"
            "The Armed Forces of the Philippines said on Tuesday that two ships had been blocked.\n\n"
            "The military said its patrols would continue.")
    got = by_text(suggest(text, THURSDAY))
    assert got["its patrols would continue"].date == THURSDAY


# -- a dateline a day off the stamp: the dateline's day is the story's ----------------------------------------------------

def test_a_local_dateline_a_day_after_the_utc_stamp_is_the_day_weekdays_count_from(suggest):
    text = ("Taipei, Nov. 20 (CNA) Taiwan will extend its cable repair fund to private operators, "
            "Premier Cho Jung-tai said on Friday.\n\n"
            "\"We cannot wait for a ship every time,\" Cho said.")
    got = by_text(suggest(text, dt.date(2026, 11, 19)))  # Friday, 20 November in Taipei; Thursday in UTC
    assert got["Taiwan will extend its cable repair fund to private operators"].date == dt.date(2026, 11, 20)
    assert got["We cannot wait for a ship every time"].date == dt.date(2026, 11, 20)


def test_a_local_dateline_a_day_before_the_utc_stamp_is_the_day_of_the_story(suggest):
    text = "WASHINGTON, Nov. 19 (UPI) -- Talks with Caracas will resume next month, the State Department said."
    got = by_text(suggest(text, dt.date(2026, 11, 20)))  # Thursday evening in Washington, Friday in UTC
    assert got["Talks with Caracas will resume next month"].date == dt.date(2026, 11, 19)



# -- the day right after an object, before a clause describing it ---------------------------------------------------------

def test_signed_an_agreement_on_tuesday_under_which_dates_the_signing(nlp):
    doc = nlp("Vanuatu and Japan signed an agreement on Tuesday under which Tokyo will fund two patrol boats.")
    assert [d for _, d, _ in dates.narrative_dates(doc, THURSDAY, None, [])][:1] == [TUESDAY]


def test_a_lead_that_signed_something_on_a_day_is_the_day_of_the_news(suggest):
    text = ("Ghana and Côte d'Ivoire signed a cocoa pact on Tuesday under which both will post one floor price.\n\n"
            "\"Our farmers will no longer be played against each other,\" Ghana's agriculture minister said. 🍫")
    got = by_text(suggest(text, THURSDAY))
    assert got["Our farmers will no longer be played against each other"].date == TUESDAY


# -- the act the speaker spoke at, named by a participle opening the sentence -------------------------------------------

def test_presenting_the_bill_is_the_day_the_chamber_dealt_with_it(suggest):
    text = ("Rights groups condemned the move, the Council of Europe said on Friday.\n\n"
            "On Wednesday, the chamber approved in a first reading a bill that would end the inspections.\n\n"
            "Presenting the bill, committee chairman Oleg Markov told deputies that the inspectors were spies.")
    got = by_text(suggest(text, dt.date(2026, 11, 20)))
    assert got["the inspectors were spies"].date == WEDNESDAY


def test_introducing_the_budget_is_the_day_the_government_unveiled_it(suggest):
    text = ("Fuel duty will stay frozen, the Treasury said on Thursday.\n\n"
            "The government unveiled its 2027 budget in parliament on Tuesday.\n\n"
            "Introducing the budget, Finance Minister Ana Silva said the deficit would halve by 2028. 💶")
    got = by_text(suggest(text, THURSDAY))
    assert got["the deficit would halve by 2028"].date == TUESDAY


def test_commenting_on_the_budget_is_no_act_of_its_day(suggest):
    # a guard: a reaction to the budget may come any day after it
    text = ("Fuel duty will stay frozen, the Treasury said on Thursday.\n\n"
            "The government unveiled its 2027 budget in parliament on Tuesday.\n\n"
            "Commenting on the budget, economist Rui Costa said the deficit would not halve by 2028.")
    got = by_text(suggest(text, THURSDAY))
    assert got["the deficit would not halve by 2028"].date != TUESDAY


# -- a date line is no event, whatever its length ---------------------------------------------------------------------------

def test_a_long_updated_line_is_no_event_that_dates_the_news(suggest):
    text = ("India cuts edible oil duties\n\n"
            "Written by Priya Nair\n\n"
            "Mumbai | Updated: November 19, 2026 09:30 IST\n\n"
            "India will cut import duties on edible oils from December, Food Minister Ravi Menon said on Tuesday.\n\n"
            "Traders had sought the cut for months, the Solvent Extractors' Association said.")
    got = by_text(suggest(text, THURSDAY))
    assert got["Traders had sought the cut for months"].date == TUESDAY
