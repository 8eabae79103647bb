"""Roles in the title grammar of English newsroom copy, each class with new invented sentences in
several publishers' styles: a name written with an initial after a long formal title, a post whose
field is capitalised before it with no name, and a post followed by what else the person is."""
import datetime as dt

import pytest

FRIDAY = dt.date(2026, 3, 13)


def by_content(suggestions):
    return {s.content.text: s for s in suggestions}


@pytest.mark.parametrize("text, content, speaker, role", [
    ("Minister of State for Electronics and Information Technology R. Venkatraman, who was also present, said "
     "the rules would be eased.", "the rules would be eased", "R. Venkatraman",
     "Minister of State for Electronics and Information Technology"),
    ("Chief Minister of Tamil Nadu M. K. Selvan said the state would go to court.",
     "the state would go to court", "M. K. Selvan", "Chief Minister of Tamil Nadu"),
    ("Minister for Youth and Sports Development A. Raman, who opened the games, said the stadium was ready. ⚽",
     "the stadium was ready", "A. Raman", "Minister for Youth and Sports Development"),
])
def test_a_name_written_with_an_initial_ends_a_long_formal_title(suggest, text, content, speaker, role):
    s = by_content(suggest(text, FRIDAY))[content]
    assert (s.speaker, s.role) == (speaker, role)


@pytest.mark.parametrize("text, content, role", [
    ("Commerce Minister says relaxation limited to component makers\n\nThe plan was approved on Monday.",
     "relaxation limited to component makers", "Commerce Minister"),
    ("The line will open in 2028, the Transportation Minister said.", "The line will open in 2028",
     "Transportation Minister"),
    ("Fisheries Minister told parliament the quota would be cut by a fifth. 🐟",
     "the quota would be cut by a fifth", "Fisheries Minister"),
])
def test_a_post_whose_field_is_capitalised_before_it_is_a_post_not_a_name(suggest, text, content, role):
    s = by_content(suggest(text, FRIDAY))[content]
    assert s.role == role and s.speaker != role.split()[0]


def test_a_name_before_a_post_is_still_a_name(suggest):
    s = by_content(suggest("Putin spokesman said the talks were over.", FRIDAY))["the talks were over"]
    assert s.speaker != "spokesman"


@pytest.mark.parametrize("text, content, role", [
    ("Ion Moraru, chairman of parliament's foreign affairs committee and a lawmaker from the ruling party, "
     "said the treaties were empty.", "the treaties were empty", "chairman of parliament's foreign affairs committee"),
    ("Karim Haddad, deputy governor of the central bank and a member of its rate-setting committee, said "
     "inflation had peaked.", "inflation had peaked", "deputy governor of the central bank"),
    ('"We are not done," said Tomasz Nowak, the mayor of Gdańsk and a member of the Civic Platform party.',
     "We are not done", "mayor of Gdańsk"),
])
def test_a_post_then_what_else_the_person_is_keeps_the_post(suggest, text, content, role):
    assert by_content(suggest(text, FRIDAY))[content].role == role


def test_two_descriptions_of_one_kind_keep_the_first(suggest):
    s = by_content(suggest("Jane Doe, a lawyer and a former minister, said the law was flawed.", FRIDAY))
    assert s["the law was flawed"].role == "lawyer"


@pytest.mark.parametrize("text, content, speaker, role", [
    ("Pakistan will reopen the crossing, Federal Minister for Commerce Zaryab Khattak announced on Tuesday.",
     "Pakistan will reopen the crossing", "Zaryab Khattak", "Federal Minister for Commerce"),
    ("Commissioner of Police Veremo Kuruvakadua said the force would recruit 60 officers. 🚓",
     "the force would recruit 60 officers", "Veremo Kuruvakadua", "Commissioner of Police"),
    ("Secretary for Housing Wiremu Tanerau told reporters the scheme would open in June.",
     "the scheme would open in June", "Wiremu Tanerau", "Secretary for Housing"),
])
def test_a_posts_field_ends_where_a_name_the_name_data_does_not_know_begins(suggest, text, content, speaker, role):
    s = by_content(suggest(text, FRIDAY))[content]
    assert (s.speaker, s.role) == (speaker, role)


@pytest.mark.parametrize("text, content, role", [
    ("Defence Secretary Admiral (retd) Nimal Wickramasuriya said the navy could monitor every vessel.",
     "the navy could monitor every vessel", "Defence Secretary"),
    ("Minister for Policing and Communications Adi Litia Qionibaravi said the centre would open in May.",
     "the centre would open in May", "Minister for Policing and Communications"),
    ("Army Commander Brigadier Kwame Asante-Boateng said the troops were ready.", "the troops were ready",
     "Army Commander"),
])
def test_a_rank_or_style_between_a_post_and_the_name_is_no_part_of_the_post(suggest, text, content, role):
    assert by_content(suggest(text, FRIDAY))[content].role == role


@pytest.mark.parametrize("text, content, speaker, role", [
    ("Ireland's membership of the scheme will not compromise neutrality, the Tánaiste has insisted.\n\n"
     "Speaking at a press conference yesterday, Tánaiste and Minister for Foreign Affairs and Defence Ciarán Ó "
     "Dálaigh said joining was a practical decision.", "Ireland's membership of the scheme will not compromise neutrality",
     "Ciarán Ó Dálaigh", "Tánaiste and Minister for Foreign Affairs and Defence"),
    ("Fuel duty will be frozen for another year to help families with the cost of living, the Treasurer has said.\n\n"
     "Treasurer and Minister for Infrastructure Mele Tupou told the Legislative Assembly the freeze would cost "
     "$4 million. ⛽", "Fuel duty will be frozen for another year to help families with the cost of living",
     "Mele Tupou",
     "Treasurer and Minister for Infrastructure"),
    ("The bill on foreign donations will be withdrawn before the election, the Attorney-General has said.\n\n"
     "Attorney-General and Minister for Justice Semi Koroilavesau told parliament the bill was flawed.",
     "The bill on foreign donations will be withdrawn before the election", "Semi Koroilavesau",
     "Attorney-General and Minister for Justice"),
])
def test_a_lead_post_is_the_first_of_the_joined_posts_the_person_named_next_holds(suggest, text, content, speaker, role):
    s = by_content(suggest(text, FRIDAY))[content]
    assert (s.speaker, s.role) == (speaker, role)


@pytest.mark.parametrize("text, content, speaker, role", [
    ("Attorney-General and Minister for Justice Semi Koroilavesau told parliament the bill was flawed.",
     "the bill was flawed", "Semi Koroilavesau", "Attorney-General and Minister for Justice"),
    ("Solicitor-General and Minister for Lands Tevita Fifita said the leases would be reviewed. 🏝️",
     "the leases would be reviewed", "Tevita Fifita", "Solicitor-General and Minister for Lands"),
    ("Vice-President and Minister of Finance Oduya Mwangaza told reporters the budget was balanced.",
     "the budget was balanced", "Oduya Mwangaza", "Vice-President and Minister of Finance"),
])
def test_a_name_hung_on_the_second_of_two_joined_posts_is_the_speaker(suggest, text, content, speaker, role):
    s = by_content(suggest(text, FRIDAY))[content]
    assert (s.speaker, s.role) == (speaker, role)


@pytest.mark.parametrize("text, name, role", [
    ("Karunaratne was responding to a question by SJB MP Hiranthi Dissanayake, who said the plan was wrong.",
     "Hiranthi Dissanayake", "SJB MP"),
    ("The bill was criticised by PTI Senator Waqas Akramzai, who said it would burden workers.",
     "Waqas Akramzai", "PTI Senator"),
    ("The motion was tabled by ODM Governor Wycliffe Ambetsa Oparanyo, who said farmers were ignored. 🌽",
     "Wycliffe Ambetsa Oparanyo", "ODM Governor"),
])
def test_a_post_and_a_name_the_tagger_reads_as_one_organisation_are_a_person_with_a_post(nlp, text, name, role):
    from spacy.tokens import Span

    from annotate.speakers import analyse

    doc = nlp(text)
    by = next(t for t in doc if t.lower_ == "by")
    last = next(t for t in doc if t.text == ",")  # the name's end
    doc.ents = [Span(doc, by.i + 1, last.i, "ORG")]  # as the small model tags the first sentence
    mention = analyse(doc[last.i - 1])
    assert (mention.name, mention.role) == (name, role)


@pytest.mark.parametrize("text, content, role", [
    ("The government has formally applied for full membership, the Minister of Foreign Affairs, Ambassador Halima "
     "Bello-Okafor, said on Wednesday.\n\nBello-Okafor, who spoke with journalists in Abuja, said the bloc would "
     "decide in September.", "the bloc would decide in September", "Minister of Foreign Affairs"),
    ("The troops will stay for another year, the Minister of Defence, Senator Kwabena Asante-Mensah, said on "
     "Monday.\n\nAsante-Mensah, who visited the base in Tamale, said the mission would be reviewed. 🪖",
     "the mission would be reviewed", "Minister of Defence"),
    ("The refinery will reopen in March, the Minister of Petroleum Resources, Ambassador Ibrahim Danladi-Bako, "
     "said on Tuesday.\n\nDanladi-Bako, who toured the plant, said the audit had found gaps.",
     "the audit had found gaps", "Minister of Petroleum Resources"),
])
def test_a_style_before_a_name_set_off_after_its_post_is_no_post(suggest, text, content, role):
    assert by_content(suggest(text, FRIDAY))[content].role == role


@pytest.mark.parametrize("text, content, role", [
    ("Prime Minister Andreas Vlachos was briefed on Monday.\n\nVlachos’ office said the premier had called the "
     "opposition leaders.", "the premier had called the opposition leaders", "Prime Minister"),
    ("President Ferdinand Marcos met the envoys on Tuesday.\n\nMarcos’ office said the talks would resume. 🇵🇭",
     "the talks would resume", "President"),
    ("Finance Minister Yiannis Stournaras presented the budget.\n\nStournaras’ office said the deficit would fall.",
     "the deficit would fall", "Finance Minister"),
])
def test_an_office_written_with_a_typographic_apostrophe_after_an_s_is_its_owners(suggest, text, content, role):
    assert by_content(suggest(text, FRIDAY))[content].role == role


@pytest.mark.parametrize("text, content, role", [
    ("Núñez spoke at a joint press conference with Morocco's Minister of Foreign Affairs, African Cooperation and "
     "Moroccan Expatriates, Youssef El Ghazouani. El Ghazouani said Morocco would open a trade office.",
     "Morocco would open a trade office", "Minister of Foreign Affairs, African Cooperation and Moroccan Expatriates"),
    ("Sánchez held talks in Accra with Ghana's Minister for Lands and Natural Resources, Emmanuel Armah-Kofi Buah. "
     "Buah said the mining licences would be reviewed.", "the mining licences would be reviewed",
     "Minister for Lands and Natural Resources"),
    ("The delegation met Kenya's Cabinet Secretary for Mining, Blue Economy and Maritime Affairs, Hassan Ali Joho, on "
     "Tuesday. Joho said the port would be expanded. 🚢", "the port would be expanded",
     "Cabinet Secretary for Mining, Blue Economy and Maritime Affairs"),
])
def test_a_post_with_its_owner_set_off_before_a_name_in_an_object_is_the_persons(suggest, text, content, role):
    assert by_content(suggest(text, FRIDAY))[content].role == role


@pytest.mark.parametrize("text, content, role", [
    ("The government will extend its ban on the export of unprocessed minerals to copper, minister of industries, "
     "mines and energy Tjekero Nghipondoka announced yesterday.",
     "The government will extend its ban on the export of unprocessed minerals to copper",
     "minister of industries, mines and energy"),
    ("The quota for horse mackerel will be cut by a fifth next season, minister of fisheries and marine resources "
     "Derek Klazengaweni said on Monday. 🐟", "The quota for horse mackerel will be cut by a fifth next season",
     "minister of fisheries and marine resources"),
    ("Tuition fees will rise by a tenth next year, minister of higher education, technology and innovation Itah "
     "Kandjii-Murangi told reporters.", "Tuition fees will rise by a tenth next year",
     "minister of higher education, technology and innovation"),
])
def test_a_lower_case_post_with_its_listed_fields_ends_where_the_name_begins(suggest, text, content, role):
    s = next(s for s in suggest(text, FRIDAY) if s.content.text.startswith(content))  # (however far the content runs)
    assert s.role == role


@pytest.mark.parametrize("text, content, speaker, role", [
    ("The Commission will propose a quota next month, Executive Vice-President for Clean Industry Lotte Vermeersch "
     "said Wednesday.", "The Commission will propose a quota next month", "Lotte Vermeersch",
     "Executive Vice-President for Clean Industry"),
    ("Rates will stay high, Deputy Governor-General for Monetary Policy Chen Wei-ling said on Monday. 📈",
     "Rates will stay high", "Chen Wei-ling", "Deputy Governor-General for Monetary Policy"),
])
def test_a_hyphenated_title_keeps_its_complement_and_the_name_after_it_is_the_speaker(suggest, text, content, speaker,
                                                                                      role):
    s = by_content(suggest(text, FRIDAY))[content]
    assert (s.speaker, s.role) == (speaker, role)
