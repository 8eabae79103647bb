"""The command line frame: info on the default project, exit codes, bad arguments."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from desktop.cli import main
from app.projects import default_project_path, open_project


def test_info_on_the_default_project_shows_the_two_seed_articles(capsys):
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert str(default_project_path()) in out
    assert "Articles:       2" in out
    assert "Italy willing to join potential peacekeeping mission in Ukraine" in out
    assert "Italy does not plan to send peacekeepers to Ukraine" in out


def test_default_project_is_seeded_once_with_dates_and_topic():
    with open_project() as p:
        articles = {a.title: a for a in p.articles()}
        assert len(articles) == 2
        march = next(a for t, a in articles.items() if t.startswith("Italy does not plan"))
        assert march.published == dt.date(2025, 3, 16)
        assert [t.name for t in p.topics()] == ["Italy sending peacekeepers to Ukraine"]
    with open_project() as p:  # reopening does not import again
        assert len(p.articles()) == 2


def test_info_on_a_missing_file_fails_with_a_message(tmp_path, capsys):
    assert main(["info", "--db", str(tmp_path / "missing.quotedesk")]) == 1
    assert "no project" in capsys.readouterr().err
    assert not (tmp_path / "missing.quotedesk").exists()


def test_not_a_project_is_refused_with_exit_code_1(tmp_path, capsys):
    bogus = tmp_path / "photo.quotedesk"
    bogus.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert main(["--db", str(bogus), "info"]) == 1
    assert "not a Quotedesk project" in capsys.readouterr().err


def test_unknown_command_is_a_usage_error():
    result = subprocess.run([sys.executable, "-m", "desktop.cli", "frobnicate"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
