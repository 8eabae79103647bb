"""``quotedesk export``'s progress on a terminal: one percentage a step, asked of the terminal once."""

from __future__ import annotations

import os
import select

from app.cli.cmd_export import _progress_to


def _read_line(master: int) -> bytes:
    """All the terminal shows up to the end of the line: one read returns only what has arrived,
    which under load is part of it. Gives up after 10 s without a byte (then the assert shows what came)."""
    data = b""
    while not data.endswith(b"\n") and select.select([master], [], [], 10)[0]:
        data += os.read(master, 1 << 16)
    return data


def test_progress_on_a_terminal_writes_each_percent_once_and_ends_the_line(tmp_path):
    master, slave = os.openpty()
    try:
        with open(slave, "w", encoding="utf-8", closefd=False) as terminal:
            progress = _progress_to(terminal)
            for done in [0, *range(0, 1201, 3), 1200, 1200]:  # as Ticker reports: repeats, and the end twice
                progress(done, 1200)
            terminal.flush()
        written = _read_line(master).decode("utf-8")
    finally:
        os.close(master)
        os.close(slave)
    shown = written.replace("\r\n", "\n").split("\r")[1:]
    assert shown == [f"Exporting… {p:3d}%" for p in range(100)] + ["Exporting… 100%\n"]


def test_no_progress_is_written_where_standard_error_is_not_a_terminal(tmp_path):
    with open(tmp_path / "log.txt", "w", encoding="utf-8") as log:
        assert _progress_to(log) is None


def test_nothing_is_written_for_an_export_of_nothing():
    master, slave = os.openpty()
    try:
        with open(slave, "w", encoding="utf-8", closefd=False) as terminal:
            progress = _progress_to(terminal)
            progress(0, 0)
            progress(0, 0)
            terminal.flush()
        os.set_blocking(master, False)
        try:
            written = os.read(master, 1024)
        except BlockingIOError:
            written = b""
    finally:
        os.close(master)
        os.close(slave)
    assert written == b""
