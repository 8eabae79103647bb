"""``quotedesk topic``: a project made on the command line gets topics, and with them stances."""

from __future__ import annotations

from db import Project
from desktop.cli import main
from tests.conftest import SEEDS


def test_topic_add_list_rename_remove(project_path, capsys):
    db = str(project_path)
    Project.open(project_path).close()
    assert main(["topic", "list", "--db", db]) == 0
    assert "No topics yet. Add one with: quotedesk topic add" in capsys.readouterr().out

    assert main(["topic", "add", "Peacekeepers to Ukraine", "-k", "peacekeepers, troops", "--keyword", "mission",
                 "--db", db]) == 0
    assert "Added topic 1: Peacekeepers to Ukraine (keywords: peacekeepers, troops, mission)" in \
        capsys.readouterr().out
    assert main(["--db", db, "topic", "list"]) == 0
    out = capsys.readouterr().out
    assert "Peacekeepers to Ukraine" in out and "peacekeepers, troops, mission" in out

    assert main(["topic", "rename", "peacekeepers to ukraine", "Italian peacekeepers", "--db", db]) == 0
    assert "Peacekeepers to Ukraine → Italian peacekeepers" in capsys.readouterr().out
    assert main(["topic", "rename", "1", "Italian troops", "--db", db]) == 0  # by id too
    with Project.open(project_path) as p:
        assert [t.name for t in p.topics()] == ["Italian troops"]

    assert main(["topic", "remove", "Italian troops", "--db", db]) == 0
    assert "Removed topic 1: Italian troops" in capsys.readouterr().out
    with Project.open(project_path) as p:
        assert p.topics() == []


def test_topic_errors_say_what_to_do(project_path, capsys):
    db = str(project_path)
    assert main(["topic", "add", "Energy prices", "--db", db]) == 0
    capsys.readouterr()
    assert main(["topic", "add", "energy PRICES", "--db", db]) == 1
    assert "already a topic called" in capsys.readouterr().err
    assert main(["topic", "rename", "Nuclear power", "x", "--db", db]) == 1
    err = capsys.readouterr().err
    assert "There is no topic “Nuclear power”" in err and "“Energy prices”" in err
    assert main(["topic", "add", "  ", "--db", db]) == 1
    assert "needs a name" in capsys.readouterr().err


def test_a_topic_added_on_the_command_line_gives_suggestions_stances(project_path, capsys):
    """The path the issue found broken: import, add a topic, suggest -> stances; remove keeps claims."""
    db = str(project_path)
    assert main(["import", str(SEEDS), "--db", db]) == 0
    assert main(["topic", "add", "Italy sending peacekeepers to Ukraine", "-k", "peacekeepers,troops,soldiers",
                 "--db", db]) == 0
    assert main(["suggest", "--db", db]) == 0
    with Project.open(project_path) as p:
        claims = p.claims()
        on_topic = [c for c in claims if c.topic == "Italy sending peacekeepers to Ukraine"]
        assert on_topic and any(c.stance for c in on_topic)
        before = len(claims)
    capsys.readouterr()

    # Claims are on the topic now: removing it needs --force, which keeps the claims without topic/stance.
    assert main(["topic", "remove", "Italy sending peacekeepers to Ukraine", "--db", db]) == 1
    assert "Add --force" in capsys.readouterr().err
    assert main(["topic", "remove", "Italy sending peacekeepers to Ukraine", "--force", "--db", db]) == 0
    with Project.open(project_path) as p:
        claims = p.claims()
        assert len(claims) == before
        assert all(c.topic is None and c.stance is None for c in claims)
        p.undo()  # one undoable action brings topic and stances back
        assert [t.name for t in p.topics()] == ["Italy sending peacekeepers to Ukraine"]
        assert any(c.stance for c in p.claims())
