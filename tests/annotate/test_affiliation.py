"""Affiliation from a speaker's title: a country (name, "Italy's", demonym) right before a government title."""

import pytest

from annotate.affiliation import infer


@pytest.mark.parametrize("role, before, expected, evidence", [
    ("Italian Defense Minister", None, "Government of Italy", "Italian Defense Minister"),
    ("Italian Prime Minister", None, "Government of Italy", "Italian Prime Minister"),
    ("Foreign Minister and Deputy Prime Minister",
     "The position within Italy does not appear to be uniform. Italy's Foreign Minister and Deputy Prime Minister "
     "Antonio Tajani", "Government of Italy", "Italy's Foreign Minister and Deputy Prime Minister Antonio Tajani"),
    ("French President", None, "Government of France", "French President"),
    ("Finnish President", None, "Government of Finland", "Finnish President"),
    ("U.K. Prime Minister", None, "Government of the United Kingdom", "U.K. Prime Minister"),
    ("Dutch Prime Minister", None, "Government of the Netherlands", "Dutch Prime Minister"),
])
def test_a_country_before_a_government_title_gives_its_government(role, before, expected, evidence):
    found = infer(role, before)
    assert found is not None and (found.affiliation, found.evidence) == (expected, evidence)


@pytest.mark.parametrize("role, before", [
    ("U.S. President-elect", None),  # not in office yet
    ("former Italian Prime Minister", None),
    ("defense minister", "Italy willing to join potential peacekeeping mission in Ukraine, "),  # Ukraine is not his
    ("President", "Talking to Macron and President "),
    ("Italian opposition leader", None),
    ("turkey farmer", None),
])
def test_no_affiliation_without_a_country_directly_before_a_title_in_office(role, before):
    assert infer(role, before) is None
