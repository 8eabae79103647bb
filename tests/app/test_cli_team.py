"""The team commands (assign, unassign, queue, progress, finish, blind) and `quotedesk agreement`,
and what they answer to input they cannot use."""

from __future__ import annotations

import json

import pytest

from db import ClaimDraft, NewArticle, Project, Span
from desktop.cli import main

TEXT = "Ana said the plan works. Ben said taxes will rise. Cy said rain is coming."


def _span(phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span(start, start + len(phrase), phrase)


@pytest.fixture
def db(project_path) -> str:
    """Three articles with the engine's suggestions, nobody assigned yet."""
    with Project.open(project_path) as p:
        for n in range(3):
            art, _ = p.add_article(NewArticle(text=TEXT + f" Article {n}.", title=f"Article {n}"))
            p.save_suggestions(art.id, [ClaimDraft(content=_span(w)) for w in
                                        ("the plan works", "taxes will rise", "rain is coming")])
    return str(project_path)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_assign_by_hand_then_again_changes_nothing(db, capsys):
    code, out, _ = run(capsys, "assign", "1", "2", "--to", "anna", "ben", "--by", "lead", "--db", db)
    assert code == 0
    assert "Assigned 4 article–annotator pair(s)" in out
    assert "anna: 2 article(s): 1, 2" in out and "ben: 2 article(s): 1, 2" in out
    code, out, _ = run(capsys, "assign", "2", "1", "--to", "ben", "--db", db)
    assert code == 0 and "Nothing new to assign" in out
    with Project.open(db) as p:
        assert p.assigned_to(1) == ["anna", "ben"] and p.assigned_to(3) == []


def test_round_robin_spreads_two_annotators_per_article_evenly(db, capsys):
    code, out, _ = run(capsys, "assign", "--round-robin", "--per-article", "2", "--to", "anna", "ben", "cy",
                       "--db", db)
    assert code == 0 and "Assigned 6 article–annotator pair(s)" in out
    with Project.open(db) as p:
        per_article = [p.assigned_to(a) for a in (1, 2, 3)]
        load = [sum(name in who for who in per_article) for name in ("anna", "ben", "cy")]
    assert all(len(set(who)) == 2 for who in per_article)
    assert load == [2, 2, 2]


def test_queue_progress_finish_and_unassign(db, capsys):
    run(capsys, "assign", "1", "2", "--to", "anna", "--db", db)
    code, out, _ = run(capsys, "finish", "2", "--annotator", "anna", "--db", db)
    assert code == 0 and "Article 2: finished for anna." in out
    code, out, _ = run(capsys, "queue", "anna", "--db", db)
    assert code == 0 and "anna: 2 article(s), 1 finished" in out
    lines = out.splitlines()
    assert lines.index(next(x for x in lines if "Article 0" in x)) < lines.index(next(x for x in lines if "Article 1" in x))
    assert "open" in next(x for x in lines if "Article 0" in x) and "0/3" in next(x for x in lines if "Article 0" in x)
    code, out, _ = run(capsys, "progress", "--db", db)
    assert code == 0 and "Blind annotation: off" in out
    assert any(line.split()[:4] == ["anna", "2", "1", "0"] for line in out.splitlines())
    code, out, _ = run(capsys, "finish", "2", "--annotator", "anna", "--reopen", "--db", db)
    assert "open again" in out
    code, out, _ = run(capsys, "unassign", "1", "--from", "anna", "--db", db)
    assert code == 0 and "Took back 1 article–annotator pair(s)" in out and "anna: 1 article(s): 1" in out
    code, out, _ = run(capsys, "queue", "nobody", "--db", db)
    assert code == 0 and "Nothing assigned to nobody (no annotator called “nobody” yet)" in out


def test_blind_shows_and_sets_the_setting(db, capsys):
    assert "Blind annotation is off" in run(capsys, "blind", "--db", db)[1]
    assert "Blind annotation is on" in run(capsys, "blind", "on", "--by", "lead", "--db", db)[1]
    with Project.open(db) as p:
        assert p.blind
    assert "Blind annotation is off" in run(capsys, "blind", "off", "--db", db)[1]


def _two_layers(db: str) -> None:
    """anna and ben in their layers of article 1: anna keeps all three suggestions, ben the first two."""
    with Project.open(db) as p:
        p.set_blind(True)
        for who, keep in (("anna", 3), ("ben", 2)):
            p.open_layer(1, who)
            for n, c in enumerate(p.layer_claims(1, who)):
                if n < keep:
                    p.update_claim(c.id, annotator=who, status="confirmed", stance="favor" if n else "against")
                else:
                    p.reject_claim(c.id, annotator=who)


def test_agreement_text_and_json(db, capsys):
    """anna 3 claims, ben 2, both matched exactly: F1 = 2*2/(3+2) = 0.8; stance the same on both."""
    code, out, _ = run(capsys, "agreement", "--db", db)
    assert code == 0 and "No article has two annotators' layers yet" in out
    _two_layers(db)
    code, out, _ = run(capsys, "agreement", "--db", db)
    assert code == 0
    assert "Agreement of anna, ben on 1 article(s)" in out and "0.800" in out and "anna 3, ben 2" in out
    code, out, _ = run(capsys, "agreement", "--format", "json", "--article", "1", "--db", db)
    data = json.loads(out)
    assert data["overall"]["f1_partial"] == 0.8 and data["overall"]["stance"]["units"] == 2
    assert data["overall"]["stance"]["observed"] == 1.0
    assert data["per_article"][0]["claims"] == {"anna": 3, "ben": 2}
    code, out, _ = run(capsys, "agreement", "--finished", "--db", db)  # nobody marked it finished
    assert code == 0 and "No article has two annotators' layers yet that both marked finished" in out


def test_agreement_on_an_article_without_two_layers_says_so(db, capsys):
    _two_layers(db)
    code, _, err = run(capsys, "agreement", "--article", "2", "--db", db)
    assert code == 1 and "article 2 has no annotator's layer; agreement needs two annotators" in err
    code, _, err = run(capsys, "agreement", "--article", "99", "--db", db)
    assert code == 1 and "There is no article 99" in err


@pytest.mark.parametrize("args, message", [
    (["assign", "abc", "--to", "anna"], "'abc' is not an article id"),
    (["assign", "0", "--to", "anna"], "0 is not an article id"),
    (["assign", "-5", "--to", "anna"], "is not an article id"),
    (["assign", "99999999999999999999999", "--to", "anna"], "is not an article id"),
    (["assign", "--round-robin", "--per-article", "two", "--to", "anna"], "'two' is not a whole number"),
    (["assign", "1"], "the following arguments are required: --to"),
    (["unassign", "--from", "anna", "3"], "the following arguments are required: ARTICLE_ID"),
    (["finish", "x1", "--annotator", "anna"], "'x1' is not an article id"),
    (["agreement", "--article", "one"], "invalid int value"),
    (["agreement", "--format", "csv"], "invalid choice"),
    (["blind", "maybe"], "invalid choice"),
])
def test_unusable_arguments_get_a_usage_message(db, capsys, args, message):
    with pytest.raises(SystemExit) as stop:
        main([*args, "--db", db])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize("args, message", [
    (["assign", "42", "--to", "anna"], "There is no article 42"),
    (["assign", "1", "--to", "  "], "An annotator needs a name"),
    (["assign", "--round-robin", "--per-article", "3", "--to", "anna", "ben"], "1 to 2 of the 2 annotators"),
    (["assign", "1", "--per-article", "2", "--to", "anna"], "--per-article goes with --round-robin"),
    (["assign", "--to", "anna"], "name the articles"),
    (["assign", "--all", "--round-robin", "--to", "anna"], "leave out --all"),
    (["unassign", "42", "--from", "anna"], "There is no article 42"),
    (["finish", "1", "--annotator", "anna"], "Article 1 is not assigned to anna"),
    (["queue", " "], "An annotator needs a name"),
    (["assign", "--round-robin", "--to", "anna", "ben", "1", "2"], "“1” looks like an article id"),
    (["unassign", "1", "--from", "anna", "3"], "“3” looks like an article id"),
])
def test_refused_input_gets_a_clear_message_and_changes_nothing(db, capsys, args, message):
    code = main([*args, "--db", db])
    err = capsys.readouterr().err
    assert code == 1 and message in err and "Traceback" not in err and "unexpected error" not in err
    with Project.open(db) as p:
        assert p.progress().per_annotator == ()


def test_names_with_escape_sequences_never_reach_the_terminal_raw(db, capsys):
    code, out, _ = run(capsys, "assign", "1", "--to", "\x1b[31mevil\x1b[0m", "--db", db)
    assert code == 0 and "\x1b" not in out and "\\x1b[31mevil" in out
    code, out, _ = run(capsys, "progress", "--db", db)
    assert "\x1b" not in out


def test_commands_on_a_missing_project_say_so(tmp_path, capsys):
    missing = str(tmp_path / "nowhere.quotedesk")
    for args in (["progress"], ["queue", "anna"], ["agreement"], ["blind", "on"], ["assign", "1", "--to", "a"]):
        code = main([*args, "--db", missing])
        err = capsys.readouterr().err
        assert code == 1 and "Traceback" not in err and "unexpected" not in err, (args, err)
    assert not (tmp_path / "nowhere.quotedesk").exists()
