"""`quotedesk import` end to end: real files into a real SQLite project, summary and exit code.

Every bad input gets its message and leaves the project as it was.
"""
from __future__ import annotations

import contextlib
import ctypes
import datetime
import json
import os
import pty
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db import Project
from desktop.cli import main
from app.cli.cmd_import import _Bar
from app.importing import import_paths

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "annotate" / "data" / "ingest"
SEEDS = REPO / "resources" / "seeds"
GOOD = DATA / "emoji.txt"


def _state(db: Path):
    with Project.open(db) as project:
        return [(a.id, a.title, a.published) for a in project.articles()], project.info().articles


def _import(capsys, db: Path, *paths) -> tuple[int, str]:
    code = main(["--db", str(db), "import", *map(str, paths)])
    return code, capsys.readouterr().out


@pytest.fixture
def db(tmp_path, capsys) -> Path:
    """A project that already holds one article, so 'unchanged' means something."""
    path = tmp_path / "project.quotedesk"
    assert _import(capsys, path, GOOD)[0] == 0
    return path


def test_seeds_and_html_import_with_title_date_and_clean_text(tmp_path, capsys):
    db = tmp_path / "p.quotedesk"
    code, out = _import(capsys, db, SEEDS, DATA / "article.html")
    assert code == 0
    assert "Imported:   3" in out and "Duplicates: 0" in out and "Failed:     0" in out
    with Project.open(db) as project:
        by_title = {a.title: project.article(a.id) for a in project.articles()}
    seed = by_title["Italy does not plan to send peacekeepers to Ukraine, remains committed to "
                    "'effective security guarantees'"]
    assert (seed.published, seed.published_source) == (datetime.date(2025, 3, 16), "metadata")
    assert "2 min read" not in seed.text and "This audio is created" not in seed.text
    assert seed.raw_text == (SEEDS / "001_cf3f115601c28b53.txt").read_bytes().decode("utf-8")
    html = by_title["Port strike ends after 12 days, union says"]
    assert (html.author, html.published, html.publisher) == ("Amelia Ortiz", datetime.date(2024, 5, 8),
                                                              "The Harbour Gazette")


BAD = [
    ("empty.txt", "is empty: there is no text to import."),
    ("whitespace_only.txt", "contains only whitespace"),
    ("image_renamed.txt", "is a PNG image, not text."),
    ("archive_renamed.txt", "is a ZIP archive"),
    ("invalid_utf8.txt", "is not valid UTF-8: the bytes at line 3, column 72"),
    ("no_article.html", "has no article text: the page holds only navigation"),
    ("no_text_column.csv", "has no \"text\" column (columns found: 'title', 'body_html', 'date')"),
]


@pytest.mark.parametrize("name, message", BAD, ids=[name for name, _ in BAD])
def test_bad_input_is_reported_and_leaves_the_project_unchanged(db, capsys, name, message):
    before = _state(db)
    code, out = _import(capsys, db, DATA / name)
    assert code == 1
    assert "Imported:   0" in out and "Failed:     1" in out
    assert f"  - {DATA / name} " in out and message in out
    assert _state(db) == before


@pytest.mark.parametrize("name", ["utf16_no_bom.txt", "malformed.html", "emoji.txt", "rtl.txt"])
def test_difficult_but_readable_input_is_imported(tmp_path, capsys, name):
    code, out = _import(capsys, tmp_path / "p.quotedesk", DATA / name)
    assert code == 0 and "Imported:   1" in out


def test_emoji_and_right_to_left_text_are_stored_exactly(tmp_path, capsys):
    db = tmp_path / "p.quotedesk"
    _import(capsys, db, DATA / "emoji.txt", DATA / "rtl.txt")
    with Project.open(db) as project:
        texts = {project.article(a.id).text for a in project.articles()}
    assert (DATA / "rtl.txt").read_text(encoding="utf-8").strip() in texts
    assert any("🙌 and for everyone" in t for t in texts)


def test_missing_file_is_reported_and_the_rest_of_the_batch_imports(db, capsys):
    before = _state(db)
    code, out = _import(capsys, db, db.parent / "nowhere.txt", DATA / "cp1252.txt")
    assert code == 0
    assert "Imported:   1" in out
    assert f"{db.parent / 'nowhere.txt'} was not found." in out
    assert _state(db)[1] == before[1] + 1


def test_fifty_megabyte_file_is_refused_with_the_limit_and_nothing_stored(db, tmp_path, capsys):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB, made in the test (sparse: nothing to commit or write)
    before = _state(db)
    code, out = _import(capsys, db, big)
    assert code == 1
    assert f"{big} is 50.0 MB; the limit for one article file is 10.0 MB." in out
    assert _state(db) == before


def test_jsonl_with_a_broken_line_stores_the_other_lines(db, capsys):
    before = _state(db)
    code, out = _import(capsys, db, DATA / "broken_line.jsonl")
    assert code == 0
    assert "Imported:   3" in out and "Failed:     2" in out
    assert "broken_line.jsonl, line 3: not valid JSON" in out
    assert _state(db)[1] == before[1] + 3


def test_same_article_twice_is_reported_as_duplicate_and_stored_once(db, tmp_path, capsys):
    copy = tmp_path / "copy.txt"
    copy.write_text(GOOD.read_text(encoding="utf-8").upper().replace("\n", "\r\n"), encoding="utf-8")
    before = _state(db)
    code, out = _import(capsys, db, GOOD, copy)
    assert code == 0  # nothing failed: both are already in the project
    assert "Imported:   0" in out and "Duplicates: 2" in out
    assert f"  - {GOOD}: already in the project as article 1 “Fans cheer 🎉 as club wins cup 🏆”" in out
    assert _state(db) == before


def test_exit_code_is_zero_when_anything_imported_even_with_failures(tmp_path, capsys):
    code, out = _import(capsys, tmp_path / "p.quotedesk", DATA / "empty.txt", GOOD, DATA / "image_renamed.txt")
    assert code == 0 and "Imported:   1" in out and "Failed:     2" in out


def _drop_file_permission_override():
    """Run as root without CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH, so file modes apply (after exec)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        libc.prctl(24, capability, 0, 0, 0)  # PR_CAPBSET_DROP


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_unreadable_file_is_reported_and_leaves_the_project_unchanged(db, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Port deal\n\nThe mayor said the deal was done.", encoding="utf-8")
    secret.chmod(0)
    before = _state(db)
    run = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--db", str(db), "import", str(secret)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
        preexec_fn=_drop_file_permission_override if os.geteuid() == 0 else None)
    assert run.returncode == 1, run.stderr
    assert f"{secret} cannot be read: permission denied." in run.stdout
    assert _state(db) == before


def test_import_reports_progress_and_stops_when_cancelled(tmp_path):
    batch = tmp_path / "many.jsonl"
    batch.write_text("".join(json.dumps({"text": f"Story {i}\n\nThe mayor said plan {i} was approved."}) + "\n"
                             for i in range(1000)), encoding="utf-8")
    seen = []
    with Project.open(tmp_path / "p.quotedesk") as project:
        summary = import_paths(project, [batch], progress=lambda done, total: seen.append((done, total)),
                               cancelled=lambda: len(seen) > 50)
        stored = project.info().articles
    assert summary.cancelled and not summary.failed
    assert len(summary.imported) == stored == 50
    assert seen[0] == (0, 1000) and seen[-1] == (50, 1000)


def test_progress_bar_is_drawn_on_a_terminal_only():
    master, slave = pty.openpty()
    with os.fdopen(slave, "w") as tty:
        bar = _Bar(tty)
        bar.current = "story.txt"
        bar(5, 10)
        tty.flush()
        drawn = os.read(master, 4096).decode()
    os.close(master)
    assert "5/10 story.txt" in drawn and "#" in drawn

    class Pipe:
        def isatty(self):
            return False
    assert not _Bar(Pipe()).active


def test_db_option_may_follow_the_command(tmp_path, capsys):
    db = tmp_path / "after.quotedesk"
    assert main(["import", str(GOOD), "--db", str(db)]) == 0
    assert _state(db)[1] == 1


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_unreadable_subfolder_is_reported_and_the_rest_of_the_folder_imports(tmp_path):
    folder = tmp_path / "articles"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "inside.txt").write_text("Hidden story\n\nThe mayor said it.", encoding="utf-8")
    (folder / "ok.txt").write_text("Open story\n\nThe minister said the port would reopen.", encoding="utf-8")
    (folder / "locked").chmod(0)
    db = tmp_path / "p.quotedesk"
    try:
        run = subprocess.run(
            [sys.executable, "-m", "desktop.cli", "--db", str(db), "import", str(folder)],
            cwd=REPO, capture_output=True, text=True, timeout=120,
            preexec_fn=_drop_file_permission_override if os.geteuid() == 0 else None)
    finally:
        (folder / "locked").chmod(0o755)
    assert run.returncode == 0, run.stderr
    assert "Imported:   1" in run.stdout
    assert f"{folder / 'locked'} cannot be read: permission denied." in run.stdout


def _stored_so_far(db: Path) -> int:
    try:
        with contextlib.closing(sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def test_ctrl_c_stops_between_articles_and_still_prints_the_summary(tmp_path):
    batch = tmp_path / "many.jsonl"
    batch.write_text("".join(json.dumps({"text": f"Story {i}\n\nThe mayor said plan {i} was approved."}) + "\n"
                             for i in range(3000)), encoding="utf-8")
    db = tmp_path / "p.quotedesk"
    proc = subprocess.Popen([sys.executable, "-m", "desktop.cli", "--db", str(db), "import", str(batch)],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and _stored_so_far(db) < 5:  # read-only: never races the schema setup
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "The import was cancelled; the articles above were stored." in out
    imported = int(out.split("Imported:")[1].split()[0])
    assert 5 <= imported < 3000
    assert _state(db)[1] == imported
