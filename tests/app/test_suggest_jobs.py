"""``quotedesk suggest --jobs N``: worker processes parse, this process alone stores; same result as one."""
import datetime as dt
import shutil

from db import NewArticle, Project
from desktop.cli import main

NAMES = ("Ana Ruiz", "Jonas Berg", "Mia Okafor", "Lea Novak", "Tom Reyes", "Zoë Adler")


def make_project(path) -> None:
    with Project.open(path) as p:
        for i, name in enumerate(NAMES):
            text = (f"Minister {name} said on Tuesday that the port would reopen in week {i} 🚢.\n\n"
                    f'"We have other ways to help our allies," {name.split()[-1]} said.')
            p.add_article(NewArticle(text=text, title=f"Port {i}", published=dt.date(2024, 5, 17)))


def stored(path) -> list[tuple]:
    with Project.open(path) as p:
        return sorted((c.article_id, c.content.start, c.content.end, c.speaker, c.kind, c.status)
                      for c in p.claims())


def test_suggest_with_two_jobs_stores_what_one_process_stores(tmp_path, capsys):
    one, two = tmp_path / "one.quotedesk", tmp_path / "two.quotedesk"
    make_project(one)
    shutil.copy(one, two)
    assert main(["suggest", "--db", str(one)]) == 0
    assert main(["suggest", "--db", str(two), "--jobs", "2"]) == 0
    out = capsys.readouterr().out
    assert f"in {len(NAMES)} articles" in out
    claims = stored(two)
    assert claims == stored(one)
    assert {c[3] for c in claims} >= set(NAMES)
    assert main(["suggest", "--db", str(two), "--jobs", "2"]) == 0  # nothing lacks suggestions now
    assert stored(two) == claims


def test_suggest_refuses_a_negative_number_of_jobs(tmp_path, capsys):
    db = tmp_path / "p.quotedesk"
    make_project(db)
    assert main(["suggest", "--db", str(db), "--jobs", "-2"]) == 1
    assert "--jobs takes a number of processes" in capsys.readouterr().err


def test_a_worker_builds_its_engine_in_the_scope_asked_for():
    from app import pool_suggesting

    assert pool_suggesting._engine(None, (), "statements").scope == "statements"
    assert pool_suggesting._engine(None, (), None).scope == "all"  # a new scope, a new engine
