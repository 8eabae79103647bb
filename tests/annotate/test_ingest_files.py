"""Files on disk: encodings, binary files, limits, missing and unreadable files."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from annotate.ingest import MAX_FILE_BYTES, read_paths

DATA = Path(__file__).resolve().parent / "data" / "ingest"
HARBOUR = "The mayor said on Monday that talks with the dock workers' union would resume on Thursday"


def _read(path):
    (result,) = list(read_paths([path]))
    return result


def _error(path) -> str:
    result = _read(path)
    assert result.article is None, "expected a refusal"
    assert result.error.source == str(path)
    return result.error.message


def _article(path):
    result = _read(path)
    assert result.error is None, result.error.message
    return result.article


@pytest.mark.parametrize("name", ["utf8_bom.txt", "utf16_bom.txt", "utf16_no_bom.txt"])
def test_unicode_files_with_or_without_byte_order_mark_read_the_same(name):
    article = _article(DATA / name)
    assert article.title == "Harbour talks resume"
    assert HARBOUR in article.text
    assert "“a fair deal”" in article.text
    assert not article.raw_text.startswith("\ufeff")


def test_utf16_without_byte_order_mark_says_how_it_was_read():
    assert _article(DATA / "utf16_no_bom.txt").notes == ("Read as utf-16 (no byte order mark, detected).",)


def test_windows_1252_text_with_smart_quotes_and_euro_sign_is_decoded():
    article = _article(DATA / "cp1252.txt")
    assert "Renée Martin" in article.text
    assert "“unfair”" in article.text and "€2,000" in article.text
    assert "cp1252" in article.notes[0]


def test_latin1_text_is_decoded():
    article = _article(DATA / "latin1.txt")
    assert article.title == "Naïve plans for the île, critics say"
    assert "François Lévy" in article.text


def test_broken_utf8_is_refused_naming_the_place():
    message = _error(DATA / "invalid_utf8.txt")
    assert "is not valid UTF-8" in message
    assert "line 3, column 72" in message
    assert "Re-save it as UTF-8" in message


@pytest.mark.parametrize("name, kind", [("image_renamed.txt", "is a PNG image, not text"),
                                        ("archive_renamed.txt", "is a ZIP archive")])
def test_binary_files_renamed_to_txt_are_refused(name, kind):
    assert kind in _error(DATA / name)


def test_file_with_zero_bytes_is_refused_as_binary(tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 8)
    assert "looks like a binary file" in _error(path)


@pytest.mark.parametrize("name, message", [("empty.txt", "is empty: there is no text to import."),
                                           ("whitespace_only.txt", "contains only whitespace")])
def test_empty_and_whitespace_only_files_are_refused(name, message):
    assert message in _error(DATA / name)


def test_fifty_megabyte_file_is_refused_at_once_with_the_limit_stated(tmp_path):
    path = tmp_path / "huge.txt"
    line = b"The minister said the port would reopen on Monday, officials said.\n"
    with open(path, "wb") as f:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    assert path.stat().st_size > 50 * 1024 * 1024 > MAX_FILE_BYTES
    started = time.perf_counter()
    message = _error(path)
    assert time.perf_counter() - started < 1.0  # decided from the size, without reading the file
    assert "is 50.0 MB" in message
    assert f"the limit for one article file is {MAX_FILE_BYTES / 1024 / 1024:.1f} MB" in message


def test_missing_file_is_reported(tmp_path):
    assert _error(tmp_path / "nowhere.txt") == f"{tmp_path / 'nowhere.txt'} was not found. Check the name and the folder."


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root reads any file; tests/test_cli_import.py covers this with privileges dropped")
def test_unreadable_file_is_reported(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("The minister said so.", encoding="utf-8")
    path.chmod(0)
    assert "cannot be read: permission denied" in _error(path)


def test_folders_are_read_recursively_skipping_hidden_files_and_naming_unsupported_ones(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("First story\n\nThe mayor said it was done.", encoding="utf-8")
    (tmp_path / "a" / "b" / "two.md").write_text("# Second story\n\nThe minister said no.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Not this\n\nIgnored.", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    results = list(read_paths([tmp_path]))
    titles = [r.article.title for r in results if r.article]
    assert titles == ["First story", "Second story"]
    (skipped,) = [r.error for r in results if r.error]
    assert skipped.message.endswith("was skipped: .jpg is not a type Quotedesk imports "
                                    "(.txt, .md, .html, .htm, .jsonl, .csv).")


def test_one_bad_file_does_not_stop_the_others():
    results = list(read_paths([DATA / "empty.txt", DATA / "cp1252.txt", DATA / "image_renamed.txt",
                               DATA / "emoji.txt"]))
    assert [r.article is not None for r in results] == [False, True, False, True]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_named_pipe_is_refused_without_blocking(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    assert _error(pipe) == f"{pipe} is not a regular file (a device, pipe or socket); it was not read."


def test_empty_batch_file_says_it_holds_no_articles(tmp_path):
    path = tmp_path / "none.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    assert _error(path) == f"{path} holds no articles (no rows with text)."


def test_text_that_starts_like_a_file_signature_is_still_text(tmp_path):
    path = tmp_path / "bmw.txt"
    path.write_text("BMW recalls cars\n\nBMW said on Monday it would recall 10,000 cars.", encoding="utf-8")
    assert _article(path).title == "BMW recalls cars"
