"""Exports of hostile content and into failing surroundings: the file is valid when read back, links
are only web links, ClaimReview can be pasted into a page, and a write that fails says why and leaves
any older file and no temporary file behind."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook

from db import Project
from exports.xlsx_check import check_workbook

from .conftest import dump

FORMATS = {"xlsx": ".xlsx", "json": ".json", "jsonl": ".jsonl", "spacy": ".spacy", "csv": ".csv",
           "claimreview": ".jsonld"}
RATINGS = ['Half "true"', "Mostly\x07false", "<b>bold</b> & co", "a,b", "x" * 300, " padded ", "\x1b[31mred",
           "Ünïcødé ✓", "=cmd|' /C calc'!A0"]
URLS = ["file:///etc/passwd", "javascript:alert(1)", "\\\\server\\share\\x.doc", "JAVASCRIPT:alert(2)",
        "http://ok.example/a?b=1&c=<2>", "https://ok.example/" + "p" * 3000, "data:text/html,<script>x</script>",
        "https://ok.example/fine", " http://space.example", "vbscript:msgbox(1)"]
SCRIPT = "</script><script>alert('x')</script><!-- -->"


@pytest.fixture
def hostile(cli):
    """The template project with verdict ratings, URLs and notes chosen to break writers."""
    with Project.open(cli.db) as project:
        claims = project.claims()
        for n, claim in enumerate(claims):
            project.update_claim(claim.id, annotator="eve", verdict_rating=RATINGS[n % len(RATINGS)],
                                 verdict_url=URLS[n % len(URLS)], verdict_explanation=SCRIPT,
                                 note=f"note {n} \x1b[2J {SCRIPT} \U0001F600")
        for n, article in enumerate(project.articles()):
            project.update_article(article.id, url=URLS[(n + 7) % len(URLS)], title=f"{SCRIPT} title {n}")
    return cli


def _links(path) -> list[str]:
    targets = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.endswith(".rels") and "worksheets" in name:
                text = zf.read(name).decode()
                targets += [t.split('"')[0] for t in text.split('Target="')[1:]]
    return targets


def test_the_workbook_is_valid_xml_and_its_lists_are_escaped(hostile, tmp_path):
    path = tmp_path / "out.xlsx"
    run = hostile("export", "-o", path)
    assert run.code == 0
    check_workbook(path)  # every part well-formed, no entities: the same check import-xlsx makes
    book = load_workbook(path)
    for dv in book["Claims"].data_validations.dataValidation:
        formula = dv.formula1
        assert formula.startswith('"') and formula.endswith('"') and '"' not in formula[1:-1], formula
        assert len(formula) <= 257 and not any(ord(c) < 32 for c in formula)
    assert run.code == 0 and hostile("import-xlsx", path).code == 0  # and it reads back


def test_only_web_addresses_become_links(hostile, tmp_path):
    path = tmp_path / "links.xlsx"
    assert hostile("export", "-o", path).code == 0
    targets = _links(path)
    assert targets, "no links at all"
    for target in targets:
        assert target.lower().startswith(("http://", "https://")), target
        assert len(target) <= 2079
    shown = {c.value for row in load_workbook(path)["Claims"].iter_rows() for c in row if isinstance(c.value, str)}
    assert "javascript:alert(1)" in shown and "file:///etc/passwd" in shown  # shown as text


def test_claimreview_can_be_pasted_into_a_script_element(hostile, tmp_path):
    path = tmp_path / "reviews.jsonld"
    assert hostile("export", "-o", path).code == 0
    text = path.read_text(encoding="utf-8")
    assert "</script" not in text.lower() and "<!--" not in text and "<" not in text
    doc = json.loads(text)
    assert any(r.get("reviewBody") == SCRIPT for r in doc["@graph"])


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_hostile_content_reads_back(hostile, tmp_path, fmt):
    path = tmp_path / f"out{FORMATS[fmt]}"
    assert hostile("export", "--format", fmt, "-o", path).code == 0
    if fmt in ("json", "claimreview"):
        json.loads(path.read_text(encoding="utf-8"))
    elif fmt == "jsonl":
        for line in path.read_text(encoding="utf-8").splitlines():
            json.loads(line)
    elif fmt == "csv":
        rows = list(csv.reader(path.open(encoding="utf-8-sig", newline="")))
        assert len({len(r) for r in rows}) == 1
    elif fmt == "xlsx":
        check_workbook(path)
        load_workbook(path)
    elif fmt == "spacy":
        from spacy.tokens import DocBin
        import spacy

        assert len(list(DocBin().from_disk(path).get_docs(spacy.blank("en").vocab))) == 2
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


# ---------------------------------------------------------------- failing surroundings
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_parent_that_is_a_file_is_refused_by_name(cli, tmp_path, fmt):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    cli.refuses("export", "--format", fmt, "-o", blocker / f"out{FORMATS[fmt]}", names=blocker,
                says="is a file, not a folder")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_missing_folder_is_refused_by_name(cli, tmp_path, fmt):
    target = tmp_path / "nowhere" / f"out{FORMATS[fmt]}"
    cli.refuses("export", "--format", fmt, "-o", target, names=target.parent, says="does not exist")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_folder_as_target_is_refused(cli, tmp_path, fmt):
    folder = tmp_path / f"out{FORMATS[fmt]}"
    folder.mkdir()
    cli.refuses("export", "--format", fmt, "-o", folder, says="is a folder")


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("device", ["/dev/full", "/dev/null"])
def test_a_device_as_target_is_refused_and_left_alone(cli, fmt, device):
    before = os.stat(device)
    cli.refuses("export", "--format", fmt, "-o", device, says="not a regular file")
    after = os.stat(device)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert not [n for n in os.listdir("/dev") if n.endswith(".part")]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_name_too_long_is_refused(cli, tmp_path, fmt):
    cli.refuses("export", "--format", fmt, "-o", tmp_path / ("n" * 300 + FORMATS[fmt]), names="nnnn",
                says="too long")


@contextlib.contextmanager
def _mounted(folder, options: str):
    folder.mkdir(exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("needs permission to mount a small tmpfs (root in a container or CI)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_full_disk_is_a_clear_message_and_the_old_file_stays(cli, tmp_path, fmt):
    with _mounted(tmp_path / "small", "size=4k") as disk:
        target = disk / f"out{FORMATS[fmt]}"
        target.write_bytes(b"old")
        run = cli.refuses("export", "--format", fmt, "-o", target, says="not enough space")
        assert "older file" in run.err
        assert target.read_bytes() == b"old"
        assert sorted(p.name for p in disk.iterdir()) == [target.name]  # no temporary file left


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_read_only_folder_is_a_clear_message(cli, tmp_path, fmt):
    with _mounted(tmp_path / "ro", "size=1m,ro") as folder:
        cli.refuses("export", "--format", fmt, "-o", folder / f"out{FORMATS[fmt]}", says="read-only")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_an_unwritable_folder_is_a_clear_message(cli, tmp_path, fmt):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    before = dump(cli.db)
    try:
        run = cli.unprivileged("export", "--format", fmt, "-o", folder / f"out{FORMATS[fmt]}")
    finally:
        folder.chmod(0o700)
    assert run.code == 1 and "permission denied" in run.err and str(folder) in run.err, run.err
    assert dump(cli.db) == before and not list(folder.iterdir())


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_an_unwritable_existing_file_is_kept_and_explained(cli, tmp_path, fmt):
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / f"out{FORMATS[fmt]}"
    target.write_bytes(b"old")
    folder.chmod(0o500)
    target.chmod(0o444)
    try:
        run = cli.unprivileged("export", "--format", fmt, "-o", target)
    finally:
        folder.chmod(0o700)
    assert run.code == 1 and "permission denied" in run.err, run.err
    assert target.read_bytes() == b"old"


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_stale_temporary_files_of_killed_exports_are_removed(cli, tmp_path, fmt):
    target = tmp_path / f"out{FORMATS[fmt]}"
    stale = [tmp_path / f".{target.name}.part", tmp_path / f".{target.name}.{_dead_pid()}.part"]
    live = tmp_path / f".{target.name}.{os.getppid()}.part"  # another export still writing
    other = tmp_path / ".other.xlsx.1.part"
    for p in [*stale, live, other]:
        p.write_bytes(b"x" * 1000)
    assert cli("export", "--format", fmt, "-o", target).code == 0
    assert not any(p.exists() for p in stale)
    assert live.exists() and other.exists() and target.exists()


def test_a_killed_export_leaves_no_file_and_the_next_one_cleans_up(cli, tmp_path, project_path):
    """kill -9 in the middle of a real export: the target is untouched; the leftover goes next time."""
    import signal
    import sys
    import time
    from pathlib import Path

    target = tmp_path / "big.json"
    target.write_text("old", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    code = ("import os, sys, time\n"
            "import exports.common as c\n"
            "real = c._fsync\n"
            "def slow(p):\n"
            "    print('writing', flush=True); time.sleep(30)\n"
            "c._fsync = slow\n"
            "from desktop.cli import main\n"
            f"main(['export', '--db', {str(project_path)!r}, '-o', {str(target)!r}])\n")
    child = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGKILL)
    child.wait()
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert leftovers and target.read_text(encoding="utf-8") == "old"
    time.sleep(0.05)
    assert cli("export", "-o", target).code == 0
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    json.loads(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["jsonl", "spacy"])
def test_an_article_over_a_million_characters_is_exported_as_training_data(cli, tmp_path, fmt):
    """spaCy refuses texts over 1,000,000 characters by default (for the parser's memory); the training
    exports only tokenize, and the project takes articles ten times that long."""
    from db.records import NewArticle
    from kernel import ClaimDraft, Span

    sentence = 'The minister said the plan was "sound" and would go ahead. '
    text = "Budget row\n\n" + sentence * 20_000 + "\U0001F600 The end."
    assert len(text) > 1_000_000
    start = text.rindex("the plan was")
    with Project.open(cli.db) as project:
        article, _ = project.add_article(NewArticle(text=text, title="Budget row"))
        project.add_claim(article.id, ClaimDraft(content=Span(start, start + 20, text[start:start + 20]),
                                                 speaker="The minister", status="confirmed", origin="manual"))
    out = tmp_path / f"out{FORMATS[fmt]}"
    run = cli("export", "--format", fmt, "-o", out)
    assert run.code == 0, run.text
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        long_row = next(r for r in rows if r["text"] == text)
        assert any(s["start"] == start for s in long_row["spans"]), long_row["spans"][:3]
    else:
        import spacy
        from spacy.tokens import DocBin

        docs = list(DocBin().from_disk(out).get_docs(spacy.blank("en").vocab))
        long_doc = next(d for d in docs if d.text == text)
        assert [s.text for group in long_doc.spans.values() for s in group] == [text[start:start + 20]]


def test_a_disk_that_fills_midway_through_a_jsonl_is_a_clear_message_and_the_old_file_stays(cli, tmp_path):
    """The JSONL's bytes are written by a second thread a chunk at a time: a disk full after the first
    chunks fails there, and the export says so, keeps the older file and leaves no temporary file."""
    from db.records import NewArticle
    from kernel import ClaimDraft, Span

    text = "Budget row\n\n" + 'The minister said the plan was "sound" and would go ahead. ' * 5_000
    start = text.rindex("the plan was")
    with Project.open(cli.db) as project:
        article, _ = project.add_article(NewArticle(text=text, title="Budget row"))
        project.add_claim(article.id, ClaimDraft(content=Span(start, start + 20, text[start:start + 20]),
                                                 status="confirmed", origin="manual"))
    with _mounted(tmp_path / "small", "size=512k") as disk:
        target = disk / "out.jsonl"
        target.write_bytes(b"old")
        run = cli.refuses("export", "--format", "jsonl", "-o", target, says="not enough space")
        assert "older file" in run.err
        assert target.read_bytes() == b"old"
        assert sorted(p.name for p in disk.iterdir()) == [target.name]


def _damage_pages(path) -> None:
    """Garble pages 2-6 of a SQLite file: its header reads, SQLite's quick_check does not pass."""
    data = bytearray(path.read_bytes())
    for offset in range(4096, min(len(data), 6 * 4096)):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def _newer_schema(path) -> None:
    import sqlite3

    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    con.commit()
    con.close()


@pytest.mark.parametrize("damage, says", [(_damage_pages, "is damaged|cannot be read as a database"),
                                          (_newer_schema, "newer version of Quotedesk")],
                         ids=["damaged pages", "newer schema"])
@pytest.mark.parametrize("fmt", ["jsonl", "spacy"])
def test_a_project_that_fails_its_checks_stops_a_training_export_with_no_file(cli, tmp_path, fmt, damage, says):
    """The training exports load spaCy on a thread while the project opens (exports.training.prepare_tokenizer):
    a project refused by the opening checks still ends the command with its message, and nothing is written."""
    import re

    damage(cli.db)
    before = cli.db.read_bytes()
    folder = tmp_path / "out"
    folder.mkdir()
    run = cli("export", "--format", fmt, "--status", "confirmed,suggested", "-o", folder / f"claims{FORMATS[fmt]}")
    assert run.code == 1 and re.search(says, run.err) and cli.db.name in run.err, run.text
    assert list(folder.iterdir()) == [] and cli.db.read_bytes() == before
