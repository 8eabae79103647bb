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
