"""Indirect, reported speech: the claim without its attribution."""
from tests.annotate.conftest import only


def test_said_that_clause(suggest):
    s = only(suggest("Lopez told reporters on Tuesday that the bill would pass by summer."))
    assert s.kind == "indirect"
    assert s.content.text == "the bill would pass by summer"
    assert s.cue.text == "told"


def test_said_without_that(suggest):
    s = only(suggest("Elon Musk, 53, said the company would cut 10% of its workforce."))
    assert s.content.text == "the company would cut 10% of its workforce"
    assert s.speaker == "Elon Musk"


def test_clause_before_the_attribution(suggest):
    s = only(suggest("The drought will last until the autumn, the national weather agency said on Monday."))
    assert s.content.text == "The drought will last until the autumn"
    assert s.mention.text == "the national weather agency"


def test_headline_with_says(suggest):
    s = only(suggest("Germany to boost defense spending, chancellor says"))
    assert s.content.text == "Germany to boost defense spending"
    assert s.speaker == "chancellor" and s.role == "chancellor"


def test_according_to_at_the_start(suggest):
    s = only(suggest("According to the World Health Organization, cases rose by 30 percent in March."))
    assert s.content.text == "cases rose by 30 percent in March"
    assert s.speaker == "World Health Organization" and s.cue.text == "According to"


def test_according_to_at_the_end(suggest):
    s = only(suggest("The drought will last until autumn, according to meteorologists at the weather service."))
    assert s.content.text == "The drought will last until autumn"


def test_according_to_after_a_cue_does_not_double_the_claim(suggest):
    s = only(suggest("Italy is willing to help, Defense Minister Guido Crosetto said on Dec. 12, "
                     "according to the Ansa news agency."))
    assert s.speaker == "Guido Crosetto"


def test_office_speaks_for_its_owner(suggest):
    s = only(suggest("Macron's office said the president had spoken with Zelensky by phone."))
    assert s.speaker == "Macron's office"
    assert s.content.text == "the president had spoken with Zelensky by phone"


def test_statement_that_reads(suggest):
    text = ("Prime Minister Ana Ruiz met the envoys on Monday.\n"
            "Spain has no plans to send troops, a statement put out by Ruiz's office after the meeting read.")
    s = only(suggest(text))
    assert s.content.text == "Spain has no plans to send troops"
    assert s.speaker == "Ana Ruiz's office" and s.role == "Prime Minister"


def test_called_object_predicate(suggest):
    s = only(suggest("Foreign Minister Antonio Tajani called such discussions premature."))
    assert s.content.text == "such discussions premature"
    assert s.cue.text == "called"


def test_other_reporting_verbs(suggest):
    for verb in ("noted", "added", "warned", "denied", "confirmed", "insisted", "argued"):
        s = only(suggest(f"The minister {verb} that the budget would be balanced next year."))
        assert s.content.text == "the budget would be balanced next year", verb
        assert s.cue.text == verb


def test_participle_adding_that_keeps_the_subject(suggest):
    got = suggest('"The economy remains resilient," Governor Andrew Bailey said in a statement, '
                  "adding that inflation was expected to fall.")
    assert [g.content.text for g in got] == ["The economy remains resilient",
                                            "inflation was expected to fall"]
    assert all(g.speaker == "Andrew Bailey" for g in got)


def test_relative_clause_speaker(suggest):
    s = only(suggest("Smith, who said last week that he would resign, has now changed his mind."))
    assert s.speaker == "Smith" and s.content.text == "he would resign"


def test_concessive_tail_is_not_part_of_the_claim(suggest):
    s = only(suggest("Baerbock said such a possibility should not be ruled out, though Chancellor "
                     "Olaf Scholz did not echo this position."))
    assert s.content.text == "such a possibility should not be ruled out"


# --- "said" that is not attribution ----------------------------------------------------------

def test_said_as_adjective_is_not_a_cue(suggest):
    assert suggest("The said contract was signed in 2019 by both parties.") == []


def test_that_said_is_not_a_cue(suggest):
    assert suggest("That said, the report leaves many questions unanswered.") == []


def test_passive_is_said_to_is_not_a_claim(suggest):
    assert suggest("He is said to be the richest man in the county.") == []


def test_what_she_said_is_not_a_claim(suggest):
    assert suggest("What she said at the meeting surprised everyone.") == []


def test_reporting_on_a_subject_is_not_a_claim(suggest):
    assert suggest("Based in Lviv, Martin often reports on international politics.") == []


def test_claiming_responsibility_is_not_a_claim(suggest):
    assert suggest("The group claimed responsibility for the attack.") == []


def test_a_study_that_found_is_a_source(suggest):
    s = only(suggest("The study, published in The Lancet on Wednesday, found that air pollution caused "
                     "4 million deaths a year."))
    assert s.content.text == "air pollution caused 4 million deaths a year"
    assert s.speaker == "The study"


def test_finding_verbs_need_a_document_subject(suggest):
    assert suggest("Police found the car abandoned near the river.") == []
    assert suggest("She showed reporters the damage to her house.") == []


def test_participle_saying_takes_the_date_of_its_main_verb(suggest):
    text = ("WASHINGTON (AP) \u2014 The White House on Tuesday defended the new tariffs, saying they "
            "would protect American jobs.")
    s = only(suggest(text))
    assert s.content.text == "they would protect American jobs"
    assert s.speaker == "White House" and s.date_text == "on Tuesday"


def test_inverted_attribution_after_the_clause(suggest):
    s = only(suggest("The merger will go ahead as planned, said John Smith, the company's chief executive."))
    assert s.content.text == "The merger will go ahead as planned"
    assert (s.speaker, s.role) == ("John Smith", "chief executive")


def test_parenthetical_attribution_keeps_the_whole_sentence(suggest):
    s = only(suggest("The ceasefire, officials said, would take effect at midnight."))
    assert s.content.text == "The ceasefire, officials said, would take effect at midnight"
    assert s.speaker == "officials" and s.confidence < 0.75


def test_according_to_a_dated_statement(suggest):
    s = only(suggest("The plan is dead, according to a statement released by the party on Tuesday."))
    assert s.content.text == "The plan is dead"
    assert s.speaker == "the party" and s.date_text == "on Tuesday"


def test_headline_name_colon_claim_needs_a_person_named_in_the_article(suggest):
    text = ("Zelensky: Ukraine will never recognize occupied territories as Russian\n"
            "President Volodymyr Zelensky spoke in Kyiv on Monday.")
    s = only(suggest(text))
    assert s.content.text == "Ukraine will never recognize occupied territories as Russian"
    assert (s.speaker, s.role) == ("Volodymyr Zelensky", "President")
    assert suggest("Update: The road is closed until further notice.") == []


def test_relative_clause_attribution_is_not_cut_into_a_wrong_span(suggest):
    assert suggest("The new law, which critics say violates free speech, takes effect next month.") == []


def test_phrasal_and_emphatic_reporting_verbs(suggest):
    s = only(suggest("Opposition leader Peter Dutton pointed out that the budget had blown out by $10 billion."))
    assert s.content.text == "the budget had blown out by $10 billion" and s.role == "Opposition leader"
    assert only(suggest("Zelensky underlined that Ukraine would not give up any territory.")).cue.text == "underlined"


def test_quote_followed_by_another_reported_clause_stays_one_indirect_claim(suggest):
    s = only(suggest('The prime minister told parliament that "there will be no new taxes" and that '
                     "spending would be cut."))
    assert s.kind == "indirect"
    assert s.content.text == '"there will be no new taxes" and that spending would be cut'


def test_the_speakers_next_act_after_and_is_not_part_of_the_claim(suggest):
    s = only(suggest("In his nightly address, Zelensky said Russia was preparing a new offensive in the "
                     "east and urged allies to speed up deliveries of air defense systems."))
    assert s.content.text == "Russia was preparing a new offensive in the east"


def test_second_clause_with_its_own_subject_is_not_a_fronted_claim(suggest):
    s = only(suggest("He assured voters that pensions would be protected, and he promised a referendum."))
    assert s.content.text == "pensions would be protected" and s.cue.text == "assured"


def test_verbs_with_a_listener_and_a_clause(suggest):
    for verb in ("reminded", "informed", "assured"):
        s = only(suggest(f"The minister {verb} reporters that the programme had cost 2 billion euros."))
        assert s.content.text == "the programme had cost 2 billion euros", verb


def test_that_before_an_aside_is_not_part_of_the_claim(suggest):
    s = only(suggest("She told the committee that, in her view, the regulator had failed to act."))
    assert s.content.text == "in her view, the regulator had failed to act"


def test_called_with_a_quoted_predicate(suggest):
    s = only(suggest('President Volodymyr Zelensky called the attack "a cynical act of terror" and urged '
                     "partners to speed up deliveries."))
    assert s.content.text == 'the attack "a cynical act of terror"'


def test_while_clause_is_part_of_the_claim_unless_another_source_reacts(suggest):
    s = only(suggest("Ukraine's Air Force said it had shot down 120 of the drones, while another 25 were "
                     "lost to electronic warfare."))
    assert s.content.text.endswith("lost to electronic warfare")
    s = only(suggest("Sen. Rand Paul said the bill spent too much, while Sen. Susan Collins praised it."))
    assert s.content.text == "the bill spent too much"


def test_described_as(suggest):
    s = only(suggest('One senior official described the talks as "going in circles."'))
    assert s.content.text == 'the talks as "going in circles."'


def test_analysis_full_of_scare_quotes_and_titles_has_no_false_claims(suggest):
    text = ("The so-called \"coalition of the willing\" has met four times since March. Each meeting "
            "ends with the same promise: more \"security guarantees\" and fewer specifics.\n"
            "That said, the mood has shifted. The phrase \"boots on the ground,\" once taboo, now "
            "appears in official communiques.\n"
            "Netflix's \"The Crown\" and HBO's \"Succession\" may have taught viewers that power is theatre.")
    assert suggest(text) == []


def test_words_the_parser_hung_on_the_verb_stay_in_the_claim(suggest):
    s = only(suggest("Residents described the flooding as the worst in living memory."))
    assert s.content.text == "the flooding as the worst in living memory"


def test_evaluative_verbs_with_as(suggest):
    s = only(suggest('The opposition blasted the budget as "a disaster for working families."'))
    assert s.content.text == 'the budget as "a disaster for working families."'
    assert suggest("The opposition criticised the budget, which passed on Monday.") == []


def test_what_she_called_is_not_cut_into_a_wrong_span(suggest):
    text = 'Sen. Susan Collins of Maine praised what she called "a serious, good-faith effort."'
    assert all(not s.content.text.startswith("she called") for s in suggest(text))


def test_said_in_a_statement_that(suggest):
    # the small model hangs the that-clause on "statement"; the claim still belongs to "said"
    s = only(suggest("The governor's office said in a statement that California would raise its minimum wage."))
    assert s.content.text == "California would raise its minimum wage"
    assert s.cue.text == "said" and s.mention.text.endswith("governor's office")


def test_said_in_an_interview_with_outlet_that(suggest):
    s = only(suggest("The senator said in an interview with CNN that the deal was dead."))
    assert s.content.text == "the deal was dead"


def test_relative_clause_on_the_statement_is_not_the_claim(suggest):
    claims = suggest("The ministry said in a report that was published Monday.")
    assert claims == []


def test_possessive_apostrophe_after_the_attribution_is_not_a_quote(suggest):
    s = only(suggest("Revenue in China fell 8% in the quarter, the company said on Thursday, "
                     "missing analysts' estimates."))
    assert s.content.text == "Revenue in China fell 8% in the quarter" and s.cue.text == "said"


def test_reported_on_a_day_is_speech_but_reports_on_a_subject_is_not(suggest):
    s = only(suggest("Revenue fell 8% in the quarter, the company reported on Thursday."))
    assert s.content.text == "Revenue fell 8% in the quarter" and s.date_text == "on Thursday"
    assert suggest("The agency reports on climate risks every year.") == []


def test_another_sources_report_after_and_is_a_claim_of_its_own(suggest):
    text = ("Obama emphasized that the reforms were not complete, and human rights groups warned that "
            "the administration was giving up its leverage over the military.")
    out = {s.content.text: s for s in suggest(text)}
    assert out["the reforms were not complete"].speaker == "Obama"
    assert out["the administration was giving up its leverage over the military"].speaker == "human rights groups"
    text = ("Fowler said the fight would be more intense \u2014 and he noted that any change would come "
            "weeks later in the campaign.")
    assert {s.content.text for s in suggest(text)} == {"the fight would be more intense",
                                                       "any change would come weeks later in the campaign"}
