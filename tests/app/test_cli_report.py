"""``quotedesk report``: the stance changes of the seed claims printed as a table."""

from __future__ import annotations

from db import Project
from desktop.cli import main
from app.projects import SEED_TOPIC
from tests.factcheck_seeds import seed_claims


def make_project(path, **stances) -> str:
    with Project.open(path) as project:
        seed_claims(project, **stances)
    return str(path)


def test_report_prints_the_government_change_with_both_quotes_and_sources(project_path, capsys):
    db = make_project(project_path)
    assert main(["report", "--db", db, "--topic", SEED_TOPIC.lower()]) == 0
    out = capsys.readouterr().out
    assert f"{SEED_TOPIC}: 1 stance change, 1 reversal first" in out
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("Who"))
    assert "Before" in header and "After" in header
    # earlier claim on the left, later on the right, on the same table row
    first_row = lines[lines.index(header) + 2]
    assert first_row.startswith("Government of Italy")
    assert "2024-12-12 IN FAVOUR" in first_row and "2025-03-15 AGAINST" in first_row
    assert first_row.index("IN FAVOUR") < first_row.index("AGAINST")
    rows = [line.split(" | ") for line in lines[lines.index(header) + 2:] if " | " in line]
    before = " ".join(" ".join(r[1].split()) for r in rows if len(r) > 1)
    after = " ".join(" ".join(r[2].split()) for r in rows if len(r) > 2)
    assert "Guido Crosetto, Italian Defense Minister" in before
    assert "“Italy is willing to participate in a possible peacekeeping mission in Ukraine”" in before
    assert "Source: Italy willing to join potential peacekeeping mission" in before
    assert "Giorgia Meloni's office, Italian Prime Minister" in after
    assert "“Italy does not plan to participate in a peacekeeping force" in after
    assert "Source: Italy does not plan to send peacekeepers" in after


def test_report_says_so_when_the_stances_agree(project_path, capsys):
    db = make_project(project_path, office="favor")
    assert main(["report", "--db", db]) == 0
    assert capsys.readouterr().out.strip() == "No stance changes among 2 confirmed claims with a stance."


def test_report_on_an_unknown_topic_names_the_topics_there_are(project_path, capsys):
    db = make_project(project_path)
    assert main(["report", "--db", db, "--topic", "Ceasefire"]) == 1
    err = capsys.readouterr().err
    assert "no topic called “Ceasefire”" in err and SEED_TOPIC in err


def test_report_on_a_project_without_judged_claims_explains_what_to_do(project_path, capsys):
    Project.open(project_path).close()
    assert main(["report", "--db", str(project_path)]) == 0
    assert "Confirm claims and set their topic and stance" in capsys.readouterr().out
