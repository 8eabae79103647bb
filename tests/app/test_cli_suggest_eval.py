"""``quotedesk suggest`` and ``quotedesk eval`` end to end, on a real project file."""
import datetime as dt
import json
from pathlib import Path

import pytest

from db import ClaimFilter, NewArticle, Project
from desktop.cli import main

GOLD = Path(__file__).resolve().parents[1] / "annotate" / "data" / "seeds.jsonl"
TEXT = ("Prime Minister Ana Ruiz said on Tuesday that Spain would not send troops.\n\n"
        '"We have other ways to help our allies," Ruiz said.')


def make_project(path):
    with Project.open(path) as p:
        a, _ = p.add_article(NewArticle(text=TEXT, title="Spain", published=dt.date(2024, 5, 17)))
        return a.id


def test_suggest_stores_suggestions_once_and_keeps_decisions(tmp_path, capsys):
    db = str(tmp_path / "p.quotedesk")
    aid = make_project(db)
    assert main(["suggest", "--db", db]) == 0
    assert "2 suggestions in 1 article" in capsys.readouterr().out
    with Project.open(db) as p:
        claims = p.claims(ClaimFilter(article_id=aid))
        assert {c.speaker for c in claims} == {"Ana Ruiz"}
        p.confirm_claim(claims[0].id)
    assert main(["suggest", "--db", db]) == 0  # nothing lacks suggestions now
    assert main(["suggest", "--db", db, "--article", str(aid)]) == 0
    assert main(["suggest", "--db", db, "--redo"]) == 0
    with Project.open(db) as p:
        claims = p.claims(ClaimFilter(article_id=aid))
    assert len(claims) == 2
    assert sorted(c.status for c in claims) == ["confirmed", "suggested"]


def test_suggest_with_missing_model_names_what_to_install(tmp_path, capsys):
    db = str(tmp_path / "p.quotedesk")
    make_project(db)
    assert main(["suggest", "--db", db, "--model", "en_core_web_lg"]) == 1
    assert "python -m spacy download en_core_web_lg" in capsys.readouterr().err


def test_eval_prints_a_table_and_the_metrics_as_json_last(capsys):
    assert main(["eval", str(GOLD)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    metrics = json.loads(out[-1])
    assert metrics["content_partial"]["recall"] >= 0.9
    assert any(line.startswith("partial") for line in out)


INTENTION = "to raise the parking fees next year"


def _contents(db):
    with Project.open(db) as p:
        return {c.content.text for c in p.claims(ClaimFilter())}


def test_suggest_scope_flag_and_project_setting(tmp_path, capsys):
    from app.suggesting import SCOPE_KEY, project_scope

    db = str(tmp_path / "p.quotedesk")
    with Project.open(db) as p:
        p.add_article(NewArticle(text=TEXT + "\n\nThe council plans to raise the parking fees next year.",
                                 title="Spain", published=dt.date(2024, 5, 17)))
        assert project_scope(p) == "all"  # the default: every attribution
    assert main(["suggest", "--db", db]) == 0
    everything = _contents(db)
    assert any(INTENTION in c for c in everything)
    assert main(["suggest", "--db", db, "--redo", "--scope", "statements"]) == 0
    statements = _contents(db)
    assert statements and not any(INTENTION in c for c in statements)
    assert statements < everything
    with Project.open(db) as p:
        p.set_config(SCOPE_KEY, "statements")  # the window's "Suggest statements only"
    assert main(["suggest", "--db", db, "--redo"]) == 0
    assert _contents(db) == statements
    assert main(["suggest", "--db", db, "--redo", "--scope", "all"]) == 0  # the flag wins over the setting
    assert _contents(db) == everything
    capsys.readouterr()
    with pytest.raises(SystemExit) as usage:  # argparse's usage error names the choices
        main(["suggest", "--db", db, "--scope", "quotes"])
    assert usage.value.code == 2 and "statements" in capsys.readouterr().err


def test_eval_scope_statements_drops_the_seeds_extra_attributions(capsys):
    scores = {}
    for scope in ("all", "statements"):
        assert main(["eval", str(GOLD), "--scope", scope]) == 0
        scores[scope] = json.loads(capsys.readouterr().out.strip().splitlines()[-1])["content_partial"]
    assert scores["statements"]["recall"] == scores["all"]["recall"]
    assert scores["statements"]["precision"] > scores["all"]["precision"]


NAMES_TEXT = ("Governor Tomáš Šimek said on Tuesday that rates would stay on hold. Šimek said inflation was "
              "falling.\n\nPolish lawmaker Łukasz Nowak said the rules were too strict. Łukasz Nowak said he "
              "would vote against them.\n\nSelin Öztürk, who heads the exporters' association, said firms were "
              "ready. Öztürk said the rules were fair.\n\nTurkish Trade Minister İlkay Aksoy said exports would "
              "grow. İlkay Aksoy said the ministry would help.")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A project on a SQLite file, or on PostgreSQL in a schema of its own (QUOTEDESK_TEST_PG_URL)."""
    if request.param == "sqlite":
        return str(tmp_path / "names.quotedesk")
    return request.getfixturevalue("pg_schema_url")


def test_suggest_never_crashes_on_names_with_non_ascii_capitals_named_twice(db_url, capsys):
    # the crash: a second lookup of "Šimek" lower-cased in SQL missed the stored name and
    # the insert hit the UNIQUE constraint, aborting the whole run with a traceback
    with Project.open(db_url) as p:
        for title in ("one", "two"):  # the same people in two articles: found again, not inserted twice
            p.add_article(NewArticle(text=f"{title.title()}\n\n{NAMES_TEXT}", title=title,
                                     published=dt.date(2025, 6, 5)))
    assert main(["suggest", "--db", db_url]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "UNIQUE" not in err
    assert main(["suggest", "--db", db_url, "--redo"]) == 0
    with Project.open(db_url) as p:
        names = [s.name for s in p.speakers()]
        claims = p.claims(ClaimFilter())
    for name in ("Tomáš Šimek", "Łukasz Nowak", "Selin Öztürk", "İlkay Aksoy"):
        assert names.count(name) == 1, names
        assert sum(c.speaker == name for c in claims) == 4  # two claims in each of the two articles
