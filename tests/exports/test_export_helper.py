"""The training exports with a second process (exports/forked.py): the same bytes as one process writes,
in order however the work is shared, progress and cancel as before, and a helper that fails or dies is a
clear message, with no file and no process left behind."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import time

import pytest
from spacy.tokens import DocBin

from exports import docbin_file, forked, training
from exports.forked import HelperFailed
from exports.training import export_jsonl, export_spacy
from tests.exports.conftest import fill
from tests.exports.test_training_stream import more_articles, payload, varied  # noqa: F401 - the project fixture

EXPORTS = {"jsonl": export_jsonl, "spacy": export_spacy}
WORK = {"jsonl": training._JsonlWork, "spacy": training._DocBinWork}


@pytest.fixture
def shared(monkeypatch):
    """A helper for any export (its usual threshold is 2,000 claims), small units of work (many of them, some
    done by each process), and counts of the units each process was given."""
    if not forked.can_fork():
        pytest.skip("a helper process needs Linux and two cores")
    monkeypatch.setattr(training, "HELPER_FROM", 0)
    monkeypatch.setattr(training, "UNIT", 3)
    monkeypatch.setattr(docbin_file.DocBinFile, "MERGE", 50)  # the strings of both processes merged often
    sent = []
    real_send = forked.Helper.send

    def send(self, unit):
        sent.append(len(unit))
        real_send(self, unit)

    monkeypatch.setattr(forked.Helper, "send", send)
    return sent


def _here_counted(monkeypatch, fmt: str) -> list:
    done = []
    real = WORK[fmt].here

    def here(self, unit):
        done.append(len(unit))
        return real(self, unit)

    monkeypatch.setattr(WORK[fmt], "here", here)
    return done


def _there_replaced(monkeypatch, fmt: str, before) -> None:
    """The helper's work, with ``before(n)`` run first for its n-th unit (in the helper process)."""
    real = WORK[fmt].there
    count = [0]

    def there(self, unit):
        count[0] += 1
        before(count[0])
        return real(self, unit)

    monkeypatch.setattr(WORK[fmt], "there", there)


@pytest.mark.parametrize("speed", ["as fast", "slower"])
@pytest.mark.parametrize("negatives", [False, True], ids=["confirmed", "with negatives"])
@pytest.mark.parametrize("fmt", list(EXPORTS))
def test_the_helper_shares_the_work_and_the_file_is_the_bytes_one_process_writes(
        varied, shared, tmp_path, monkeypatch, fmt, negatives, speed):  # noqa: F811
    """"slower": the helper takes 20 ms more per unit, so that results done here wait for earlier ones of
    the helper's, and the helper's come back late: the order is the articles' all the same."""
    export = EXPORTS[fmt]
    one = export(varied, tmp_path / "one.out", negatives=negatives)
    assert not shared  # (no helper without processes=2)
    here = _here_counted(monkeypatch, fmt)
    if speed == "slower":
        _there_replaced(monkeypatch, fmt, lambda n: time.sleep(0.02))
    two = export(varied, tmp_path / "two.out", negatives=negatives, processes=2)
    assert sum(shared) > 30 and sum(here) > 30, (sum(shared), sum(here))  # each process did a share
    assert sum(shared) + sum(here) == two.articles == one.articles > 200
    assert (two.claims, two.warnings) == (one.claims, one.warnings)
    assert payload(tmp_path / "two.out") == payload(tmp_path / "one.out")
    assert multiprocessing.active_children() == []


def test_offsets_past_emoji_are_code_points_in_the_helpers_share_too(varied, shared, tmp_path, monkeypatch):  # noqa: F811
    """Most articles of the project have a flag (two code points, four UTF-16 units) before their claims:
    tokens and spans of the tasks the helper wrote index the text by code point, as the DocBin's claims do."""
    here = _here_counted(monkeypatch, "jsonl")
    export_jsonl(varied, tmp_path / "out.jsonl", processes=2)
    tasks = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    ids = [task["meta"]["article_id"] for task in tasks]
    assert ids == sorted(ids) and sum(shared) > 30 and here
    flagged = [task for task in tasks if "🇺🇦" in task["text"]]
    assert len(flagged) > 100
    for task in flagged:
        text = task["text"]
        assert all(text[t["start"]:t["end"]] == t["text"] for t in task["tokens"])
        assert all(text[s["start"]:s["end"]] == s["text"] for s in task["spans"])
        quote = next(s for s in task["spans"] if s["label"] == "CLAIM")
        assert len(text[:quote["start"]].encode("utf-16-le")) // 2 >= quote["start"] + 2  # (UTF-16 units differ)
    export_spacy(varied, tmp_path / "out.spacy", processes=2)
    import spacy

    docs = list(DocBin().from_disk(tmp_path / "out.spacy").get_docs(spacy.blank("en").vocab))
    assert [d.user_data["quotedesk"]["article_id"] for d in docs] == ids
    for doc, task in zip(docs, tasks):
        assert doc.text == task["text"]
        whole = {(c["id"], c["start"], c["end"]) for c in doc.user_data["quotedesk"]["claims"] if len(c["fragments"]) == 1}
        assert whole == {(s["claim_id"], s["start"], s["end"]) for s in task["spans"]
                         if s["label"] == "CLAIM" and s["fragments"] == 1}


@pytest.mark.parametrize("fmt", list(EXPORTS))
def test_a_cancel_stops_both_processes_and_leaves_no_file(varied, shared, tmp_path, fmt):  # noqa: F811
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "claims.out").write_bytes(b"old")
    seen = []
    summary = EXPORTS[fmt](varied, folder / "claims.out", processes=2, statuses=("confirmed", "suggested"),
                           progress=lambda done, total: seen.append((done, total)), cancelled=lambda: seen[-1][0] >= 200)
    total = seen[0][1]
    assert summary.cancelled and 200 <= summary.claims < 300 < total and sum(shared) > 0
    assert [done for done, _ in seen] == sorted(done for done, _ in seen) and seen[-1][0] < total
    assert [p.name for p in folder.iterdir()] == ["claims.out"] and (folder / "claims.out").read_bytes() == b"old"
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("fmt", list(EXPORTS))
def test_a_failure_in_the_helper_is_a_clear_message_and_no_file(varied, shared, tmp_path, monkeypatch, fmt):  # noqa: F811
    def fail(n):
        if n == 4:
            raise ValueError("no such token")

    _there_replaced(monkeypatch, fmt, fail)
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "claims.out").write_bytes(b"old")
    started = time.monotonic()
    with pytest.raises(HelperFailed) as failed:
        EXPORTS[fmt](varied, folder / "claims.out", processes=2)
    assert str(failed.value) == ("The export's second process failed (ValueError: no such token). Nothing was "
                                 "written. This is a bug in Quotedesk; please report it.")
    assert time.monotonic() - started < 60
    assert [p.name for p in folder.iterdir()] == ["claims.out"] and (folder / "claims.out").read_bytes() == b"old"
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("fmt", list(EXPORTS))
def test_a_helper_killed_midway_is_a_clear_message_not_a_wait(varied, shared, tmp_path, monkeypatch, fmt):  # noqa: F811
    def killed(n):
        if n == 3:
            os.kill(os.getpid(), signal.SIGKILL)

    _there_replaced(monkeypatch, fmt, killed)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(HelperFailed, match=r"second process was killed \(signal 9\). Nothing was written. "
                                           "It may have run out of memory"):
        EXPORTS[fmt](varied, folder / "claims.out", processes=2)
    assert list(folder.iterdir()) == [] and multiprocessing.active_children() == []


@pytest.mark.parametrize("fmt", list(EXPORTS))
def test_one_core_exports_in_one_process(varied, shared, tmp_path, monkeypatch, fmt):  # noqa: F811
    monkeypatch.setattr(forked, "cores", lambda: 1)
    EXPORTS[fmt](varied, tmp_path / "one.out")
    EXPORTS[fmt](varied, tmp_path / "asked.out", processes=2)
    assert shared == [] and payload(tmp_path / "asked.out") == payload(tmp_path / "one.out")


def test_units_stay_in_order_whichever_process_is_faster():
    """``in_order`` with a helper that has room for two units and answers late: every result in order, and
    the units ``may_go`` keeps here done here."""

    class Late:
        """A helper stand-in that answers a unit only after two more units went by."""

        def __init__(self):
            self.at, self.waits = [], 0

        def has_room(self):
            return len(self.at) < 2

        def send(self, unit):
            self.at.append(unit)

        def ready(self):
            self.waits += 1
            return self.waits % 3 == 0

        def receive(self):
            return ("there", self.at.pop(0))

    def here(unit):
        return ("here", unit)

    results = list(forked.in_order(range(100), here, Late(), may_go=lambda unit: unit % 7 != 0, most=4))
    assert [unit for _, unit in results] == list(range(100))
    assert {where for where, unit in results if unit % 7 == 0} == {"here"}
    assert {where for where, _ in results} == {"here", "there"}


@pytest.mark.parametrize("fmt", list(EXPORTS))
def test_the_command_line_says_what_failed_in_the_second_process_without_a_traceback(
        varied, shared, project_path, tmp_path, monkeypatch, capsys, fmt):  # noqa: F811
    """The command line asks for a helper: a bug there ends the command with one message saying so (and
    that it is a bug to report), exit status 1, and no file."""
    from app.cli import main

    def there(self, unit):
        raise KeyError("tokens")

    monkeypatch.setattr(WORK[fmt], "there", there)
    target = tmp_path / "claims.out"
    capsys.readouterr()
    code = main(["export", "--db", str(project_path), "--format", fmt, "-o", str(target)])
    out, err = capsys.readouterr()
    assert code == 1 and out == "" and sum(shared) > 0
    assert err == ("quotedesk: The export's second process failed (KeyError: 'tokens'). Nothing was written. This "
                   "is a bug in Quotedesk; please report it.\n")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(("claims", ".claims"))] == []


@pytest.mark.parametrize("fmt", list(EXPORTS))
def test_a_postgresql_project_exports_the_same_with_a_helper_and_its_connection_still_works(
        shared, tmp_path, fmt, pg_schema_url):
    """The helper is forked with the project's connection open: it never uses it, and the exporting
    process reads and writes on it afterwards as before."""
    from db import Project

    with Project.open(pg_schema_url) as project:
        fill(project)
        project.load_bulk(more_articles(120))
        EXPORTS[fmt](project, tmp_path / "one.out")
        EXPORTS[fmt](project, tmp_path / "two.out", processes=2)
        assert sum(shared) > 10
        assert payload(tmp_path / "two.out") == payload(tmp_path / "one.out")
        claim = project.claims()[0]
        project.update_claim(claim.id, annotator="eve", note="after the export")
        assert project.claim(claim.id).note == "after the export"
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("fmt", list(EXPORTS))
def test_a_helper_that_cannot_be_started_leaves_the_export_to_one_process(
        varied, shared, tmp_path, monkeypatch, caplog, fmt):  # noqa: F811
    import errno
    import multiprocessing.context

    def no_fork(self):
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.context.ForkProcess, "start", no_fork)
    EXPORTS[fmt](varied, tmp_path / "one.out")
    summary = EXPORTS[fmt](varied, tmp_path / "asked.out", processes=2)
    assert shared == [] and summary.articles > 200
    assert payload(tmp_path / "asked.out") == payload(tmp_path / "one.out")
    assert "a second one could not be started ([Errno 11] Resource temporarily unavailable)" in caplog.text
    assert __import__("gc").get_freeze_count() == 0  # (what was frozen for the fork is not left frozen)
