"""A suggestion rule with a bug costs one article (or one field of it), never the run.

The real engine on a real project file: one rule is made to raise on the article naming
``failing_rules.MARKER`` (monkeypatched: the one place a patch is the right tool), and the run must
finish, give the other articles exactly the suggestions they get without the bug, store nothing
half-made for the failing one, count it in the message and log the traceback with its id.
"""
import datetime as dt
import functools
import shutil

import pytest

from app.suggest_errors import LOG_NAME, log_path
from db import ClaimFilter, NewArticle, Project
from desktop.cli import main
from tests import failing_rules
from tests.failing_rules import MARKER, TEXTS

TOPIC = ("Public works", ("bridge", "repairs", "troops", "nurses", "hospitals"))


@pytest.fixture
def lenient(monkeypatch):
    """What a user runs: the guards on (the test suite otherwise makes them raise again)."""
    monkeypatch.delenv("QUOTEDESK_STRICT_RULES", raising=False)


def make_project(path) -> list[int]:
    with Project.open(path) as p:
        p.add_topic(TOPIC[0], keywords=TOPIC[1])
        return [p.add_article(NewArticle(text=t, title=f"Story {k}", published=dt.date(2024, 5, 17)))[0].id
                for k, t in enumerate(TEXTS)]


def stored(path) -> dict[int, list[tuple]]:
    """Every claim's fields, by article."""
    with Project.open(path) as p:
        out: dict[int, list[tuple]] = {aid: [] for aid in p.article_ids()}
        for c in p.claims(ClaimFilter()):
            out[c.article_id].append((c.content.start, c.content.end, c.content.text, c.kind, c.speaker, c.role,
                                      c.mention, c.date, c.stance, c.topic, c.status))
    return {aid: sorted(claims) for aid, claims in out.items()}


def lacking(path) -> list[int]:
    with Project.open(path) as p:
        return p.article_ids(lacking_suggestions=True)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    """A project before suggesting, and what one run without the bug stores in it."""
    folder = tmp_path_factory.mktemp("baseline")
    fresh, done = folder / "fresh.quotedesk", folder / "done.quotedesk"
    ids = make_project(fresh)
    shutil.copy(fresh, done)
    assert main(["suggest", "--db", str(done)]) == 0
    claims = stored(done)
    failing = ids[1]
    assert MARKER in TEXTS[1] and all(claims[aid] for aid in ids)  # every article has claims to lose
    assert {c[4] for c in claims[failing]} >= {"Giulia Marchetti"}
    assert any(c[7] for c in claims[failing]) and any(c[8] for c in claims[failing])  # dates and stances
    return fresh, ids, claims


FIELD = {"speaker": (4, 5, 6), "date": (7,), "stance": (8, 9)}  # the stored() columns a kind empties
# the columns that must stay as they are: the claim itself, and the fields that do not depend on the
# failing one (a date is carried by speaker, a stance leans with its speaker: those may change)
KEPT = {"speaker": (0, 1, 2, 3, 10), "date": (0, 1, 2, 3, 4, 5, 6, 8, 9, 10), "stance": (0, 1, 2, 3, 4, 5, 6, 7, 10)}


def check_failing(kind: str, got: list[tuple], before: list[tuple]) -> None:
    """The failing article's claims as the run stored them: a field rule's bug empties its field, the
    claims stand; a bug in finding the claims stores none."""
    if kind == "article":
        assert got == []
        return
    assert [[c[k] for k in KEPT[kind]] for c in got] == [[c[k] for k in KEPT[kind]] for c in before]
    assert all(c[k] is None for c in got for k in FIELD[kind])


def _run(tmp_path, baseline, kind, jobs, monkeypatch, capsys):
    fresh, ids, claims = baseline
    db = tmp_path / "p.quotedesk"
    shutil.copy(fresh, db)
    if jobs == 1:
        failing_rules.install(kind, monkeypatch.setattr)
    else:  # the workers parse: the bug goes with the function they run (under fork and spawn alike)
        from app import pool_suggesting

        monkeypatch.setattr(pool_suggesting, "_suggest_chunk", functools.partial(failing_rules.suggest_chunk, kind))
    code = main(["suggest", "--db", str(db), "--jobs", str(jobs)])
    out, err = capsys.readouterr()
    return db, code, out, err


@pytest.mark.parametrize("kind,jobs", [("article", 1), ("speaker", 1), ("date", 1), ("stance", 1),
                                       ("article", 2), ("date", 2)])
def test_a_failing_rule_costs_one_article_or_its_field_and_the_run_goes_on(
        tmp_path, baseline, kind, jobs, lenient, monkeypatch, capsys):
    fresh, ids, claims = baseline
    failing = ids[1]
    db, code, out, err = _run(tmp_path, baseline, kind, jobs, monkeypatch, capsys)
    assert code == 0, err
    got = stored(db)
    for aid in (ids[0], ids[2]):  # the articles around it: exactly what they get without the bug
        assert got[aid] == claims[aid]
    check_failing(kind, got[failing], claims[failing])
    log = log_path()  # in the test's own data directory (tests/conftest.py)
    assert log.name == LOG_NAME
    logged = log.read_text(encoding="utf-8")
    assert f"article {failing}:" in logged and "Traceback" in logged
    assert "TypeError: '<' not supported between instances of 'str' and 'NoneType'" in logged
    assert f"article {ids[0]}:" not in logged and f"article {ids[2]}:" not in logged
    if kind == "article":
        assert lacking(db) == [failing]  # nothing stored: the next run tries it again
        assert out.strip() == (f"{sum(len(claims[a]) for a in (ids[0], ids[2]))} suggestions in 2 articles; "
                               f"1 article skipped after an internal error, details in {log.name}.")
        assert f"Article {failing}: skipped, a suggestion rule failed (TypeError:" in err
    else:
        assert lacking(db) == []
        assert out.strip() == (f"{sum(len(c) for c in claims.values())} suggestions in 3 articles; "
                               f"1 article with the {kind} left empty after an internal "
                               f"error, details in {log.name}.")
        assert f"Article {failing}: suggested with {kind} left empty in some claims" in err
    assert f"The failures are logged with their tracebacks in {log};" in err  # where the log is, in full
    assert "Traceback" not in out + err  # the person gets sentences; the traceback is in the log


def test_a_skipped_article_is_suggested_by_the_next_run_once_the_bug_is_gone(
        tmp_path, baseline, lenient, monkeypatch, capsys):
    fresh, ids, claims = baseline
    with monkeypatch.context() as m:
        db, code, out, err = _run(tmp_path, baseline, "article", 1, m, capsys)
    assert code == 0 and lacking(db) == [ids[1]]
    assert main(["suggest", "--db", str(db)]) == 0  # the articles lacking suggestions: the skipped one
    assert capsys.readouterr().out.strip() == f"{len(claims[ids[1]])} suggestions in 1 article."
    assert stored(db) == claims


def test_redo_keeps_the_earlier_suggestions_of_an_article_a_rule_fails_on(
        tmp_path, baseline, lenient, monkeypatch, capsys):
    fresh, ids, claims = baseline
    db = tmp_path / "p.quotedesk"
    shutil.copy(fresh, db)
    assert main(["suggest", "--db", str(db)]) == 0
    failing_rules.install("article", monkeypatch.setattr)
    assert main(["suggest", "--db", str(db), "--redo"]) == 0
    assert "1 article skipped after an internal error" in capsys.readouterr().out
    assert stored(db) == claims  # replaced elsewhere by the same; never deleted without a replacement


def test_every_article_failing_is_a_failed_command(tmp_path, baseline, lenient, monkeypatch, capsys):
    fresh, ids, claims = baseline
    db = tmp_path / "p.quotedesk"
    shutil.copy(fresh, db)
    failing_rules.install("article", monkeypatch.setattr)
    assert main(["suggest", "--db", str(db), "--article", str(ids[1])]) == 1
    out = capsys.readouterr().out
    assert out.startswith("0 suggestions in 0 articles; 1 article skipped after an internal error")
    assert ids[1] in lacking(db) and stored(db)[ids[1]] == []


def test_under_the_test_suite_a_failing_rule_is_raised(tmp_path, baseline, monkeypatch, capsys):
    """Strict (tests/conftest.py sets QUOTEDESK_STRICT_RULES): the engine engineers' tests fail on their bugs."""
    fresh, ids, claims = baseline
    db = tmp_path / "p.quotedesk"
    shutil.copy(fresh, db)
    failing_rules.install("date", monkeypatch.setattr)
    assert main(["suggest", "--db", str(db)]) == 1
    assert "unexpected error (TypeError: '<' not supported" in capsys.readouterr().err


def test_the_windows_helper_process_skips_the_article_and_logs_it(tmp_path, baseline, lenient, monkeypatch):
    from app import engine_process
    from app.suggesting import engine_for

    fresh, ids, claims = baseline
    db = tmp_path / "p.quotedesk"
    shutil.copy(fresh, db)
    monkeypatch.setattr(engine_process, "_child_run", functools.partial(failing_rules.child_run, "date"))
    with Project.open(db) as project, engine_process.ProcessEngine() as engine:
        summary = engine_for(project, engine).run_suggestions(project, ids)
    assert summary.articles == ids and summary.claims == sum(len(c) for c in claims.values())
    assert [(aid, fields) for aid, fields, _ in summary.emptied] == [(ids[1], ("date",))]
    assert summary.message.endswith(f"1 article with the date left empty after an internal "
                                    f"error, details in {log_path().name}.")
    got = stored(db)
    assert [got[ids[0]], got[ids[2]]] == [claims[ids[0]], claims[ids[2]]]
    check_failing("date", got[ids[1]], claims[ids[1]])
    assert f"article {ids[1]}:" in log_path().read_text(encoding="utf-8")  # written by the helper


def test_eval_scores_the_rest_and_says_what_a_failing_rule_cost(tmp_path, lenient, monkeypatch, capsys):
    import json

    from app.suggest_errors import log_path

    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({"text": t, "published": "2024-05-17", "claims": []}) + "\n"
                            for t in TEXTS), encoding="utf-8")
    failing_rules.install("article", monkeypatch.setattr)
    assert main(["eval", str(gold)]) == 0
    out, err = capsys.readouterr()
    json.loads(out.strip().splitlines()[-1])  # the metrics, as always
    assert err.strip().endswith("quotedesk: 1 article(s) skipped and 0 with a field left empty because of an "
                                f"internal error (their claims count as missed); details in {log_path()}")
    assert f"gold file {gold}, article 2:" in log_path().read_text(encoding="utf-8")


@pytest.fixture
def pg_url(pg_schema_url):
    """A project on PostgreSQL in a schema of its own (QUOTEDESK_TEST_PG_URL), dropped after."""
    return pg_schema_url


def test_on_postgresql_a_skipped_article_stores_nothing_and_the_log_hides_the_password(
        pg_url, baseline, lenient, monkeypatch, capsys):
    from sqlalchemy.engine import make_url

    fresh, ids, claims = baseline
    assert make_project(pg_url) == ids
    failing_rules.install("article", monkeypatch.setattr)
    assert main(["suggest", "--db", pg_url]) == 0
    assert "1 article skipped after an internal error" in capsys.readouterr().out
    assert stored(pg_url) == {ids[0]: claims[ids[0]], ids[1]: [], ids[2]: claims[ids[2]]}
    assert lacking(pg_url) == [ids[1]]
    logged = log_path().read_text(encoding="utf-8")
    assert f"article {ids[1]}:" in logged and f":{make_url(pg_url).password}@" not in logged and ":***@" in logged


def affiliations(path) -> dict[str, str | None]:
    with Project.open(path) as p:
        return {s.name: s.affiliation for s in p.speakers()}


def test_a_failing_affiliation_rule_costs_that_speakers_affiliation_only(
        tmp_path, baseline, lenient, monkeypatch, capsys):
    fresh, ids, claims = baseline
    done = tmp_path / "done.quotedesk"
    shutil.copy(fresh, done)
    assert main(["suggest", "--db", str(done)]) == 0
    before = affiliations(done)
    capsys.readouterr()
    assert sum(a is not None for a in before.values()) >= 2  # "Prime Minister Ana Ruiz ... Spain"
    db, code, out, err = _run(tmp_path, baseline, "affiliation", 1, monkeypatch, capsys)
    assert code == 0 and stored(db) == claims  # the suggestions are all stored, as without the bug
    got = affiliations(db)
    assert got == {name: (None if MARKER in name else a) for name, a in before.items()}
    assert out.strip() == (f"{sum(len(c) for c in claims.values())} suggestions in 3 articles; 1 speaker without "
                           "the affiliation their claims may state after an internal error, details in "
                           f"{LOG_NAME}.")
    assert f"article {ids[1]}: a suggestion rule failed and left the affiliation empty" in log_path().read_text(
        encoding="utf-8")


def test_a_rule_failing_on_every_article_lists_the_first_ones_and_says_how_many_more():
    from app.suggesting import DETAILS_SHOWN, SuggestSummary

    summary = SuggestSummary(skipped=[(aid, "TypeError: x") for aid in range(1, DETAILS_SHOWN + 13)], log="/l.log")
    lines = summary.details.splitlines()
    assert lines[0] == "Article 1: skipped, a suggestion rule failed (TypeError: x)"
    assert lines[DETAILS_SHOWN - 1].startswith(f"Article {DETAILS_SHOWN}: skipped")
    assert lines[DETAILS_SHOWN:] == ["... and 12 more articles (all in the log)",
                                     "The failures are logged with their tracebacks in /l.log; please report them "
                                     "(they are bugs in Quotedesk)."]
    assert summary.message == (f"0 suggestions in 0 articles; {DETAILS_SHOWN + 12} articles skipped after an "
                               "internal error, details in l.log.")
