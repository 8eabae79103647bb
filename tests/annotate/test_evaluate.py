"""Scoring rules of the gold evaluation, and the seed articles meeting the quality bar."""
import datetime as dt
import json
from pathlib import Path

import pytest

from annotate.evaluate import GoldFormatError, evaluate, format_report, jaccard, match, surname, trim
from kernel import ClaimDraft, Span

SEEDS = Path(__file__).parent / "data" / "seeds.jsonl"


def sug(text, start, end, **kw):
    base = dict(kind="indirect", cue=None, mention=None, speaker=None, role=None, date=None,
                date_text=None, date_assumed=True, stance=None, topic=None, confidence=0.5,
                model_name="m", model_version="1")
    base.update(kw)
    return ClaimDraft(content=Span(start, end, text[start:end]), **base)


def test_trim_drops_surrounding_punctuation_and_quote_marks():
    text = '\u201cWe are ready,\u201d she said.'
    assert text[slice(*trim(text, 0, 15))] == "We are ready"


def test_jaccard_on_character_ranges():
    assert jaccard((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert jaccard((0, 10), (20, 30)) == 0


def test_surname_matching_ignores_offices_and_first_names():
    assert surname("Meloni's office") == surname("Giorgia Meloni") == "meloni"
    assert surname("Giorgia Meloni\u2019s office") == "meloni"
    assert surname("Johnson's spokesman") == "johnson"


def test_a_body_owned_by_a_place_is_scored_as_the_body_not_the_place():
    # the possessive names the owner only for what speaks for a person (office, spokesman):
    # "Chile's Foreign Ministry" and "Chilean Foreign Ministry" are the same speaker, Chile is not
    assert surname("Chile's Foreign Ministry") == surname("Chilean Foreign Ministry") == "ministry"
    assert surname("Brazil\u2019s Supreme Federal Tribunal") == "tribunal"
    assert surname("Chile's Foreign Ministry") != surname("Chile")


def test_one_of_a_group_is_scored_as_the_group():
    # the engine names the group introduced before ("Two EU diplomats ... one of the diplomats said")
    assert surname("one of the diplomats") == surname("EU diplomats") == "diplomats"
    assert surname("Two of the EU diplomats in Brussels") == "diplomats"
    assert surname("One of them") != surname("them")  # nothing named: left as written
    assert surname("Oneida Smith") == "smith"


def test_matching_is_one_to_one_best_first():
    text = "a" * 100
    gold = [{"content": [0, 50]}, {"content": [0, 48]}]
    pairs = match(text, gold, [sug(text, 0, 50)], 0.5)
    assert pairs == [(0, 0)]


def write_gold(tmp_path, claims, text="The minister said the plan was bad. Others agreed.", published="2024-05-17"):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "x", "text": text, "published": published, "claims": claims}) + "\n")
    return path


class FixedEngine:
    model_name, model_version = "fixed", "0"

    def __init__(self, suggestions):
        self.suggestions = suggestions

    def suggest_many(self, items):
        for _ in items:
            yield self.suggestions


def test_optional_claims_are_neither_missed_nor_false_positives(tmp_path):
    text = "The minister said the plan was bad. Others agreed."
    gold = write_gold(tmp_path, [
        {"content": [18, 34], "kind": "indirect", "speaker": "minister", "optional": False},
        {"content": [36, 50], "kind": "indirect", "speaker": "Others", "optional": True}])
    m = evaluate(gold, FixedEngine([sug(text, 18, 34, speaker="The minister"), sug(text, 36, 50)]))
    assert m["content_partial"]["precision"] == 1.0 and m["content_partial"]["recall"] == 1.0
    m = evaluate(gold, FixedEngine([sug(text, 18, 34, speaker="The minister")]))
    assert m["content_partial"]["recall"] == 1.0
    assert m["speaker"]["accuracy"] == 1.0


def test_null_gold_fields_are_not_scored_and_dates_match_exactly(tmp_path):
    text = "The minister said the plan was bad. Others agreed."
    gold = write_gold(tmp_path, [{"content": [18, 34], "kind": "indirect", "speaker": "Ana Ruiz",
                                  "role": None, "date": "2024-05-16", "optional": False}])
    m = evaluate(gold, FixedEngine([sug(text, 18, 34, speaker="Ruiz", role="x", date=dt.date(2024, 5, 17))]))
    assert m["role"]["n"] == 0 and m["speaker"]["accuracy"] == 1.0 and m["date"]["accuracy"] == 0.0


def test_unreadable_gold_line_is_reported_with_its_number(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "a", "claims": []}\nnot json\n')
    with pytest.raises(GoldFormatError, match="Line 2 of bad.jsonl"):
        evaluate(bad, FixedEngine([]))


def test_seed_articles_meet_the_quality_bar(engine):
    from annotate.engine import SuggestionEngine
    from annotate.evaluate import gold_topics, load_gold

    m = evaluate(SEEDS, SuggestionEngine(engine.nlp, gold_topics(load_gold(SEEDS))))
    assert m["content_partial"]["recall"] >= 0.90
    assert m["content_partial"]["precision"] >= 0.80
    assert m["speaker"]["accuracy"] >= 0.95
    assert m["role"]["accuracy"] >= 0.90
    assert m["date"]["accuracy"] >= 0.90
    assert "partial (J>=0.5)" in format_report(m)


@pytest.mark.parametrize("name", ["dev_gold.jsonl", "dev_blind.jsonl"])
def test_hand_written_dev_articles_meet_the_quality_bar(engine, name):
    """Articles written for this project (wire, local, politics, science), annotated like the seeds;
    dev_blind was annotated before the engine first ran on it."""
    m = evaluate(Path(__file__).parent / "data" / name, engine)
    assert m["content_partial"]["recall"] >= 0.90
    assert m["content_partial"]["precision"] >= 0.80
    assert m["speaker"]["accuracy"] >= 0.95
    assert m["role"]["accuracy"] >= 0.90
    assert m["date"]["accuracy"] >= 0.90


def test_leading_that_whether_if_are_boundary_neutral():
    text = "She said that the plan was bad, and asked whether it would pass."
    s = text.index("that")
    assert text[slice(*trim(text, s, text.index(","))) ] == "the plan was bad"
    w = text.index("whether")
    assert text[slice(*trim(text, w, len(text)))] == "it would pass"
    assert text[slice(*trim(text, text.index("the"), text.index(",")))] == "the plan was bad"


def test_split_quote_matches_on_the_union_of_its_fragments(tmp_path):
    from annotate.evaluate import evaluate

    text = '"We are ready," the general said, "and we will not wait."'
    a, b = (1, 13), (text.index("and"), text.index("and") + 20)
    gold = write_gold(tmp_path, [{"content": [a[0], b[1]], "content_fragments": [list(a), list(b)],
                                  "kind": "direct", "cue": "said", "speaker": "the general",
                                  "optional": False}], text=text)
    whole = sug(text, a[0], b[1])
    split = ClaimDraft(**{**whole.__dict__, "fragments": (Span(*a, text[a[0]:a[1]]),
                                                          Span(*b, text[b[0]:b[1]]))})
    assert evaluate(gold, FixedEngine([split]))["content_exact"]["f1"] == 1.0
    assert evaluate(gold, FixedEngine([whole]))["content_exact"]["f1"] == 0.0  # says "the general said"
    first_half_only = sug(text, *a)
    assert evaluate(gold, FixedEngine([first_half_only]))["content_partial"]["recall"] == 0.0


def test_recall_is_reported_per_cue_category(tmp_path):
    from annotate.evaluate import evaluate

    text = "The minister said the plan was bad. Others fear it will fail."
    gold = write_gold(tmp_path, [
        {"content": [18, 34], "kind": "indirect", "cue": "said", "speaker": "minister", "optional": False},
        {"content": [48, 60], "kind": "indirect", "cue": "fear", "speaker": "Others", "optional": False}],
        text=text)
    m = evaluate(gold, FixedEngine([sug(text, 18, 34, speaker="The minister")]))
    assert m["recall_by_cue"]["plain"] == {"recall": 1.0, "n": 1}
    assert m["recall_by_cue"]["belief"] == {"recall": 0.0, "n": 1}
    assert "belief" in format_report(m)


def test_pronoun_gold_speakers_are_not_scored(tmp_path):
    from annotate.evaluate import evaluate

    text = "He said the plan was bad. Others agreed."
    gold = write_gold(tmp_path, [{"content": [8, 24], "kind": "indirect", "speaker": "He",
                                  "optional": False}], text=text)
    m = evaluate(gold, FixedEngine([sug(text, 8, 24, speaker="Ana Ruiz")]))
    assert m["speaker"]["n"] == 0


def test_the_same_post_matches_whoever_it_belongs_to_is_written_on_one_side_only():
    from annotate.evaluate import roles_match

    for gold, got in [("Italian Defense Minister", "Italy's defence minister"),
                      ("defence minister", "Italian Defense Minister"),
                      ("agriculture minister", "France's agriculture minister"),
                      ("Trade Commissioner", "EU Trade Commissioner"),
                      ("top commander", "ELN's top commander"),
                      ("Director-General", "WHO Director-General"),
                      ("U.S. Ambassador", "ambassador"),
                      ("chief negotiator", "the government's chief negotiator"),
                      # the body a post is held at says whose it is, as a possessive owner does
                      ("economist at Istanbul-based Marmara Yatırım", "economist"),
                      ("senior fellow at the Japan Institute of International Affairs", "senior fellow"),
                      ("analyst", "analyst with Harbour Securities")]:
        assert roles_match(gold, got) and roles_match(got, gold), (gold, got)
    assert roles_match("spokesperson", "Commission spokesperson", ("European Commission",))


def test_a_cabinet_post_written_either_way_and_a_bodys_initials_in_brackets_are_the_same_post():
    from annotate.evaluate import roles_match

    for gold, got in [("economic affairs minister", "Minister of Economic Affairs"),
                      ("Minister for Foreign Affairs", "foreign affairs minister"),
                      ("Health Secretary", "Secretary of Health"),
                      ("Secretary-General of the Trades Union Congress",
                       "Secretary-General of the Trades Union Congress (TUC)"),
                      ("Governor of the Bank of Ghana (BoG)", "Governor of the Bank of Ghana")]:
        assert roles_match(gold, got) and roles_match(got, gold), (gold, got)
    for gold, got in [("Secretary of State", "state secretary"),  # another post
                      ("Minister of Economic Affairs", "Minister of Foreign Affairs"),
                      ("Secretary of State (Defence Procurement)", "Secretary of State")]:
        assert not roles_match(gold, got) and not roles_match(got, gold), (gold, got)


def test_another_post_or_another_countrys_post_never_matches():
    from annotate.evaluate import roles_match

    assert not roles_match("economist at Garanti BBVA", "economist at Marmara Yatırım")
    assert not roles_match("ambassador to Japan", "ambassador")  # a complement of the post is the post's

    for gold, got in [("German Foreign Minister", "French foreign minister"),
                      ("Italy's defence minister", "Spain's defence minister"),
                      ("defence minister", "former defence minister"),
                      ("foreign minister", "deputy foreign minister"),
                      ("Finance Minister", "Economy Minister"),
                      ("prime minister", "Italian President"),
                      ("spokesperson", "Commission spokesperson")]:  # no speaker says it is the Commission's
        assert not roles_match(gold, got) and not roles_match(got, gold), (gold, got)


def test_an_unnamed_spokesperson_of_a_body_is_scored_as_the_body():
    assert surname("a Commission spokesperson") == surname("European Commission") == "commission"
    assert surname("Home Office spokesperson") == surname("the Home Office's spokesperson") == "office"
    assert surname("spokesperson") == "spokesperson"


def test_a_post_qualified_by_a_body_and_a_country_matches_the_post_with_either():
    from annotate.evaluate import roles_match

    assert roles_match("Kenya director", "Amnesty International's Kenya director")
    assert roles_match("parliamentary leader", "Greens' parliamentary leader")
    assert not roles_match("Uganda director", "Amnesty International's Kenya director")
    assert not roles_match("Greens' parliamentary leader", "Social Democrats' parliamentary leader")


def test_a_place_where_a_source_sits_is_not_scored_as_the_speaker():
    assert surname("a senior EU diplomat in Brussels") == surname("senior EU diplomat") == "diplomat"
    assert surname("officials in Kyiv") == "officials"
    assert surname("analysts at Berenberg") == "berenberg"  # an affiliation, not a seat


def test_an_abbreviated_title_is_the_same_post_written_out():
    from annotate.evaluate import roles_match

    assert roles_match("Senator", "Sen.") and roles_match("U.S. Sen.", "senator")
    assert not roles_match("Sen.", "Rep.") and not roles_match("Gov.", "Senator")


def test_the_role_as_written_is_reported_beside_the_same_post(tmp_path):
    text = "Spain's housing minister, Ana Ruiz, said the cap would stay."
    start = text.index("the cap")
    gold = write_gold(tmp_path, [{"content": [start, start + 17], "kind": "indirect", "speaker": "Ana Ruiz",
                                  "role": "Spain's housing minister", "date": None, "optional": False}],
                      text=text)
    m = evaluate(gold, FixedEngine([sug(text, start, start + 17, speaker="Ana Ruiz", role="housing minister")]))
    assert m["role"]["accuracy"] == 1.0  # the same post: whose post it is may be written on one side only
    assert m["role_as_written"] == {"accuracy": 0.0, "n": 1}
    m = evaluate(gold, FixedEngine([sug(text, start, start + 17, speaker="Ana Ruiz", role="spain's  Housing minister")]))
    assert m["role_as_written"]["accuracy"] == 1.0  # case and spacing aside
    assert "role as written" in format_report(m)


@pytest.mark.parametrize("name", ["fields_dev_a.jsonl", "fields_dev_b.jsonl"])
def test_wire_articles_fields_meet_the_bar(engine, name):
    """Wire-style international articles (invented; written blind by another session, then used to
    tune the role and date rules): roles as written and statement dates on matched claims."""
    m = evaluate(Path(__file__).parent / "data" / name, engine)
    assert m["speaker"]["accuracy"] >= 0.95
    assert m["role_as_written"]["accuracy"] >= 0.90
    assert m["role"]["accuracy"] >= 0.95
    assert m["date"]["accuracy"] >= 0.95


def test_wire_articles_c_roles_and_dates_meet_the_bar(engine):
    """The third wire-style set (invented, written blind, then seen and used to tune the role and
    date rules: titles whose complement lists capitalised names, transcripts, dates counted from
    the story): roles and statement dates on matched claims. (Its writer kept a description's
    employer, "an economist at X" -> "economist at X", which the engine now leaves out as
    fields_dev_d's convention does; the same-post figure counts both, the strict one does not, so
    only the former is held here.)"""
    m = evaluate(Path(__file__).parent / "data" / "fields_dev_c.jsonl", engine)
    assert m["role"]["accuracy"] >= 0.90
    assert m["date"]["accuracy"] >= 0.95


def test_third_wire_set_speakers_meet_the_bar(engine):
    """fields_dev_c (12 invented wire-style articles written blind by another session, then seen and
    used to tune speakers): name particles, bodies named in full, acronyms the article defines, the
    person before a post, pronouns of people the article describes (roles and dates: the test above)."""
    m = evaluate(Path(__file__).parent / "data" / "fields_dev_c.jsonl", engine)
    assert m["speaker"]["n"] >= 140
    assert m["speaker"]["accuracy"] >= 0.95


@pytest.mark.parametrize("name", ["fields_dev_d.jsonl", "fields_dev_e.jsonl", "fields_dev_f.jsonl"])
def test_wire_articles_d_to_f_roles_meet_the_bar(engine, name):
    """The fourth to sixth wire-style sets (written by writers who saw no code; seen this session and
    used to tune the role rules on principles): the same-post role on matched claims."""
    m = evaluate(Path(__file__).parent / "data" / name, engine)
    assert m["role"]["accuracy"] >= 0.90


@pytest.mark.parametrize("name", ["fields_dev_d.jsonl", "fields_dev_e.jsonl", "fields_dev_f.jsonl",
                                  "fields_dev_g.jsonl", "fields_dev_h.jsonl", "fields_dev_i.jsonl"])
def test_wire_articles_d_to_i_statement_dates_meet_the_bar(engine, name):
    """The fourth to ninth wire-style sets (written by writers who saw no code; seen and used to tune
    the date rules on principles: datelines in many house styles, occasions a statement is tied to,
    days counted from the story's days): statement dates on matched claims."""
    m = evaluate(Path(__file__).parent / "data" / name, engine)
    assert m["date"]["n"] >= 50
    assert m["date"]["accuracy"] >= 0.95


@pytest.mark.parametrize("name,claims", [("fields_dev_g.jsonl", 170), ("fields_dev_h.jsonl", 130),
                                         ("fields_dev_i.jsonl", 120)])
def test_wire_articles_g_to_i_speakers_meet_the_bar(engine, name, claims):
    """The seventh to ninth wire-style sets (written blind by writers who saw no code; g was last
    session's final blind set, h and i this session's; seen and used to tune speakers on principles):
    bodies by their whole name, names in any order, the person behind a post, pronoun agreement."""
    m = evaluate(Path(__file__).parent / "data" / name, engine)
    assert m["speaker"]["n"] >= claims
    assert m["speaker"]["accuracy"] >= 0.95


@pytest.mark.parametrize("name,roles", [("fields_dev_g.jsonl", 100), ("fields_dev_h.jsonl", 90),
                                        ("fields_dev_i.jsonl", 70)])
def test_wire_articles_g_to_i_roles_meet_the_bar(engine, name, roles):
    """The seventh to ninth wire-style sets (written blind by writers who saw no code; seen and used
    to tune the role rules on principles: a title's complement listed with "and" up to the name, a
    post the parser hangs on its complement, styles and courtesy titles next to a name, a body's
    initials in brackets): the same-post role on matched claims."""
    m = evaluate(Path(__file__).parent / "data" / name, engine)
    assert m["role"]["n"] >= roles
    assert m["role"]["accuracy"] >= 0.90


def test_an_unnamed_source_described_by_what_it_takes_part_in_is_scored_by_its_noun():
    # "involved in the negotiations" says what the officials do; the officials are the source
    # (it once scored as "involved", so "Mexican officials" never matched)
    assert surname("Two Mexican officials involved in the negotiations") == surname("Mexican officials") == "officials"
    assert surname("an aide working on the budget") == "aide"
    assert surname("a European diplomat involved in preparing the COP31 talks") == "diplomat"
    assert surname("one EU official familiar with the talks") == "official"


def test_an_office_written_with_an_apostrophe_after_an_s_scores_as_its_owner():
    from annotate.evaluate import surname

    assert surname("Vlachos’ office") == surname("Vlachos' office") == surname("Andreas Vlachos's office") == "vlachos"
    assert surname("the Greens’ leader") == "leader"  # (a post of a group's, not the group)
