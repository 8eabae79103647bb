"""Speakers resolved within the article, and the roles carried to later mentions."""
from tests.annotate.conftest import only


def test_surname_resolves_to_the_full_name_used_earlier(suggest):
    text = ("Italian Defense Minister Guido Crosetto met his Spanish counterpart in Madrid.\n\n"
            '"We are willing to play this role in Ukraine," Crosetto said.')
    s = only(suggest(text))
    assert s.speaker == "Guido Crosetto"
    assert s.mention.text == "Crosetto"
    assert s.role == "Italian Defense Minister"


def test_surname_resolves_even_when_the_tagger_calls_it_a_place(suggest):
    text = ("German Chancellor Olaf Scholz said on Friday that Germany would not send missiles.\n"
            '"We must avoid an escalation at all costs," Scholz told a news conference in Berlin.')
    got = suggest(text)
    assert [g.speaker for g in got] == ["Olaf Scholz", "Olaf Scholz"]
    assert got[1].role == "German Chancellor"


def test_pronoun_resolves_to_the_latest_person_named_as_subject(suggest):
    text = ("Chancellor Olaf Scholz defended the plan on Monday.\n"
            "Friedrich Merz, the leader of the opposition, accused the government of hesitating. "
            'The decision was "a grave mistake," he said.')
    s = only(suggest(text))
    assert s.speaker == "Friedrich Merz"
    assert s.role == "leader of the opposition"


def test_she_added_after_a_quote_is_the_same_speaker(suggest):
    text = ('"We need more durable solutions," Prime Minister Giorgia Meloni said on March 6. '
            '"It is a different thing than entering NATO," she added.')
    first, second = suggest(text)
    assert second.speaker == first.speaker == "Giorgia Meloni"
    assert second.role == "Prime Minister"


def test_title_before_the_name_is_the_role(suggest):
    cases = {
        "U.K. Prime Minister Keir Starmer said the summit had gone well.": ("Keir Starmer", "U.K. Prime Minister"),
        "U.S. President-elect Donald Trump said he aims to end the war.": ("Donald Trump", "U.S. President-elect"),
        "Police Chief John Miller said the investigation was ongoing.": ("John Miller", "Police Chief"),
        "Italy's Foreign Minister and Deputy Prime Minister Antonio Tajani said talks were premature.":
            ("Antonio Tajani", "Foreign Minister and Deputy Prime Minister"),
        "Former President Barack Obama said the election mattered.": ("Barack Obama", "Former President"),
    }
    for text, (speaker, role) in cases.items():
        s = only(suggest(text))
        assert (s.speaker, s.role) == (speaker, role), text


def test_appositive_role_after_the_name(suggest):
    s = only(suggest("Crosetto, the foreign minister of Italy, said the mission was possible."))
    assert s.role == "foreign minister of Italy"


def test_appositive_name_after_the_title(suggest):
    s = only(suggest('"We have no plans to raise prices," the chief executive, Jane Doe, told the Financial Times.'))
    assert (s.speaker, s.role) == ("Jane Doe", "chief executive")


def test_role_is_carried_to_later_mentions(suggest):
    text = ("Finnish President Alexander Stubb arrived in Kyiv on Tuesday.\n\n"
            "Stubb said Finland would keep its troops at home.")
    s = only(suggest(text))
    assert (s.speaker, s.role) == ("Alexander Stubb", "Finnish President")


def test_office_and_statement_resolve_to_the_owner(suggest):
    text = ("Prime Minister Giorgia Meloni's office said on March 15 that Italy would not send troops.\n"
            "Italy will keep working with its allies, the statement added.")
    first, second = suggest(text)
    assert first.speaker == "Giorgia Meloni's office" and first.role == "Prime Minister"
    assert second.speaker == first.speaker
    assert second.mention.text == "the statement"


def test_dateline_is_not_part_of_the_speaker(suggest):
    s = only(suggest("BERLIN (Reuters) - German Chancellor Olaf Scholz said on Friday that Germany would wait."))
    assert s.mention.text == "German Chancellor Olaf Scholz"


def test_organisation_and_group_speakers(suggest):
    assert only(suggest("The U.K. and Poland have said they are not considering deploying soldiers.")
                ).speaker == "The U.K. and Poland"
    assert only(suggest("A spokesperson for the European Commission said the proposal was under review.")
                ).mention.text == "A spokesperson for the European Commission"


def test_unresolvable_pronoun_leaves_the_speaker_empty_and_lowers_confidence(suggest):
    s = only(suggest("He says the economy is strong."))
    assert s.speaker is None and s.mention.text == "He"
    assert s.confidence < 0.8


def test_hyphenated_name_keeps_its_title(suggest):
    s = only(suggest('"These tariffs are about fairness," White House press secretary Karine Jean-Pierre told reporters.'))
    assert (s.speaker, s.role) == ("Karine Jean-Pierre", "White House press secretary")


def test_name_particles_and_team_titles(suggest):
    s = only(suggest('Manchester United manager Erik ten Hag insisted his side were "on the right path."'))
    assert (s.speaker, s.role) == ("Erik ten Hag", "Manchester United manager")


def test_a_name_is_a_name_whatever_the_entity_label(suggest):
    s = only(suggest('"We will rebuild the whole town," Mayor Ana Costa said on Sunday.'))
    assert (s.speaker, s.role) == ("Ana Costa", "Mayor")


def test_appositive_role_wins_over_a_doctor_honorific(suggest):
    s = only(suggest('"Tariffs are a tax on consumers," said Dr. Emily Chen, a professor of economics at '
                     "Stanford University."))
    assert (s.speaker, s.role) == ("Emily Chen", "professor of economics")  # (the employer: whose, not the post)


def test_spokesman_for_an_institution(suggest):
    s = only(suggest('A spokesman for the Ministry of Defence said: "We do not comment on operational matters."'))
    assert s.speaker == "Ministry of Defence's spokesman"


def test_appositive_name_ignores_the_institution_after_it(suggest):
    s = only(suggest('"This is a wake-up call," the lead author, Professor Raj Patel of Imperial College '
                     "London, said in an interview."))
    assert s.speaker == "Raj Patel"


def test_the_company_refers_to_the_organisation_named_before(suggest):
    text = ("German carmaker Voltera will cut 3,000 jobs in Saxony, the company said on Tuesday.")
    assert only(suggest(text)).speaker == "Voltera"


def test_group_speaker_keeps_its_place(suggest):
    s = only(suggest("Analysts at Berenberg said in a note that margins would stay under pressure."))
    assert s.speaker == "Analysts at Berenberg"


def test_descriptor_before_the_name_is_the_role(suggest):
    s = only(suggest("Russian dictator Vladimir Putin claimed that Ukraine had rejected peace talks."))
    assert (s.speaker, s.role) == ("Vladimir Putin", "Russian dictator")
    s = only(suggest('Pop star Taylor Swift said she was "heartbroken" by the news.'))
    assert (s.speaker, s.role) == ("Taylor Swift", "Pop star")


def test_titles_with_of_and_possessors(suggest):
    cases = {
        "U.S. Secretary of State Antony Blinken said the talks were constructive.":
            ("Antony Blinken", "U.S. Secretary of State"),
        "NATO Secretary General Mark Rutte said allies would increase their support.":
            ("Mark Rutte", "NATO Secretary General"),
        "Minister of Foreign Affairs Dmytro Kuleba said Ukraine needed more air defense.":
            ("Dmytro Kuleba", "Minister of Foreign Affairs"),
        "Ukraine's Foreign Minister Andrii Sybiha said the proposal was unacceptable.":
            ("Andrii Sybiha", "Foreign Minister"),
        "The head of Ukraine's military intelligence, Kyrylo Budanov, said Russia was running out of missiles.":
            ("Kyrylo Budanov", "head of Ukraine's military intelligence"),
    }
    for text, expected in cases.items():
        s = only(suggest(text))
        assert (s.speaker, s.role) == expected, text


def test_they_refers_to_the_last_source_even_a_group(suggest):
    text = "Officials said on Wednesday the bridge was safe. They added that repairs would start in June."
    first, second = suggest(text)
    assert first.speaker == second.speaker == "Officials"


def test_the_title_refers_back_to_the_person_who_holds_it(suggest):
    text = ("French President Emmanuel Macron arrived in Berlin on Monday.\n"
            "The president said Europe had to invest more in defence.\n"
            "A minister said the visit had been planned for weeks.")
    first, second = suggest(text)
    assert (first.speaker, first.role) == ("Emmanuel Macron", "French President")
    assert second.speaker == "minister"


def test_pronoun_falls_back_to_the_last_person_named_anywhere(suggest):
    text = 'Reporters asked President Ana Ruiz about the plan. "It is a good plan for the country," she said.'
    assert only(suggest(text)).speaker == "Ana Ruiz"


def test_appositive_name_after_a_title_with_an_organisation(suggest):
    s = only(suggest("The CEO of Acme Corp, Lisa Wong, argued that the merger would benefit consumers."))
    assert (s.speaker, s.role) == ("Lisa Wong", "CEO of Acme Corp")


def test_an_institution_is_a_speaker_without_a_role(suggest):
    s = only(suggest("The Air Force said that Russia launched 112 drones overnight."))
    assert (s.speaker, s.role) == ("Air Force", None)
    s = only(suggest("Italy will send troops, Prime Minister says"))
    assert (s.speaker, s.role) == ("Prime Minister", "Prime Minister")
