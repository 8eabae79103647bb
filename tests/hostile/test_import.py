"""``quotedesk import`` on hostile files, batches, folders and web servers: every article that can be
read is stored, every one that cannot is counted and named, and nothing wrong is stored silently."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from annotate.ingest import MAX_FILE_BYTES, read_url
from annotate.ingest.batches import MAX_BROKEN_ROWS, MAX_DEPTH
from db import Project

from .conftest import dump

REPO = Path(__file__).resolve().parents[2]
GOOD = "The minister said on Monday that the government would not send troops to the region this year."
GOOD2 = "Opposition leaders said on Tuesday that the plan to send troops was a mistake and should be dropped."
GOOD3 = "A spokesman for the ministry said the decision would be reviewed when parliament returns in spring."


def _articles(db) -> list:
    with Project.open(db) as project:
        return [project.article(a.id) for a in project.articles()]


def _counts(run) -> tuple[int, int, int]:
    lines = dict(line.split(":", 1) for line in run.out.splitlines() if line[:1].isalpha() and ":" in line)
    return int(lines["Imported"]), int(lines["Duplicates"]), int(lines["Failed"])


# ---------------------------------------------------------------- CSV
CSV_CASES = {
    # name: (content, imported, failed)
    "stray quote inside a quoted field": (f'title,text\nA,"{GOOD} He said "no" twice."\nB,"{GOOD2}"\n', 1, 1),
    "unclosed quote swallowing the next row": (f'title,text\nA,"{GOOD}\nB,"{GOOD2}"\nC,"{GOOD3}"\n', 2, 1),
    "unclosed quote at the end": (f'title,text\nA,"{GOOD}"\nB,"{GOOD2}\n', 1, 1),
    "quote after a closing quote": (f'title,text\nA,"{GOOD}"x\nB,"{GOOD2}"\n', 1, 1),
    "unquoted quote mid-field": (f'title,text\nA,{GOOD} 5" screens\nB,{GOOD2}\n', 2, 0),
    "a row with an extra field": (f'title,text\nA,{GOOD},extra\nB,{GOOD2}\n', 1, 1),
    "a row with a missing field": (f'title,text,author\nA,{GOOD}\nB,{GOOD2},Ann\n', 1, 1),
    "text that is a number": (f'title,text\nA,12345\nB,{GOOD2}\n', 1, 1),
    "text that is true": (f'title,text\nA,true\nB,{GOOD2}\n', 1, 1),
    "text that is NaN": (f'title,text\nA,NaN\nB,{GOOD2}\n', 1, 1),
    "text that is a date": (f'title,text\nA,2024-01-01\nB,{GOOD2}\n', 1, 1),
    "text empty": (f'title,text\nA,\nB,{GOOD2}\n', 1, 1),
    "valid multi-line field": (f'title,text\nA,"{GOOD}\n\n{GOOD3}"\nB,{GOOD2}\n', 2, 0),
    "doubled quotes": (f'title,text\nA,"{GOOD} He said ""no""."\n', 1, 0),
    "semicolons": (f'title;text\nA;{GOOD}\nB;{GOOD2}\n', 2, 0),
    "tabs": (f'title\ttext\nA\t{GOOD}\n', 1, 0),
    "CRLF line ends": (f'title,text\r\nA,{GOOD}\r\nB,{GOOD2}\r\n', 2, 0),
    "lone CR line ends": (f'title,text\rA,{GOOD}\rB,{GOOD2}\r', 2, 0),
    "byte order mark": (f'\ufefftitle,text\nA,{GOOD}\n', 1, 0),
    "blank lines between rows": (f'title,text\n\nA,{GOOD}\n\n\nB,{GOOD2}\n', 2, 0),
    "escape sequences in the title": (f'title,text\n\x1b[31mRed\x1b[0m\x1b]0;owned\x07,{GOOD}\n', 1, 0),
    "bidi override in the title": (f'title,text\nA\u202eevil,{GOOD}\n', 1, 0),
    "negative date": (f'title,text,published\nA,{GOOD},-0044-03-15\n', 1, 0),
    "absurd date": (f'title,text,published\nA,{GOOD},1e308\n', 1, 0),
    "relative date": (f'title,text,published\nA,{GOOD},tomorrow\n', 1, 0),
    "far future date": (f'title,text,published\nA,{GOOD},9999-12-31\n', 1, 0),
    "header only": ("title,text\n", 0, 1),
    "no text column": (f"title,body_text\nA,{GOOD}\n", 0, 1),
    "empty file": ("", 0, 1),
    "only line breaks": ("\n\n\n", 0, 1),
    "header with a broken quote": (f'"title,text\nA,{GOOD}\n', 0, 1),
}


@pytest.mark.parametrize("content, imported, failed", list(CSV_CASES.values()), ids=list(CSV_CASES))
def test_csv_counts_every_row_honestly(cli, tmp_path, content, imported, failed):
    path = tmp_path / "batch.csv"
    path.write_text(content, encoding="utf-8", newline="")
    before = len(_articles(cli.db))
    run = cli("import", path)
    assert _counts(run)[0] == imported and _counts(run)[2] == failed, run.out
    arts = _articles(cli.db)
    assert len(arts) == before + imported
    for art in arts[before:]:
        assert art.text.strip() in (GOOD, GOOD2, GOOD3, f"{GOOD} He said \"no\".", f"{GOOD} 5\" screens",
                                    f"{GOOD}\n\n{GOOD3}"), art.text
        assert art.title is None or (art.title.isprintable() and "\x1b" not in art.title)
        assert art.published is None or 1000 <= art.published.year <= 2100
    if failed:
        assert str(path) in run.out


def test_a_large_valid_csv_field_is_read(cli, tmp_path):
    text = (GOOD + " ") * 3000  # about 290 KiB, over the csv module's default 128 KiB field limit
    path = tmp_path / "large.csv"
    path.write_text(f'title,text\nA,"{text}"\n', encoding="utf-8")
    run = cli("import", path)
    assert _counts(run) == (1, 0, 0), run.out


def test_a_csv_field_over_the_article_limit_is_refused_with_the_limit(cli, tmp_path):
    path = tmp_path / "huge.csv"
    path.write_text(f'title,text\nA,"{"x" * (MAX_FILE_BYTES + 10)}"\nB,{GOOD}\n', encoding="utf-8")
    run = cli("import", path)
    assert "10 MB, the limit for one article" in run.out and "line 2" in run.out


def test_a_csv_with_thousands_of_broken_rows_stops_and_says_so(cli, tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text("title,text,x\n" + 'A,"a"b,c\n' * (MAX_BROKEN_ROWS + 50), encoding="utf-8")
    before = dump(cli.db)
    run = cli("import", path)
    assert run.code == 1 and f"more than {MAX_BROKEN_ROWS} broken rows" in run.out
    assert dump(cli.db) == before


# ---------------------------------------------------------------- JSONL
def _line(**fields) -> str:
    return json.dumps(fields)


DEEP = "[" * 100_000 + "]" * 100_000
JSONL_CASES = {
    "deep line between good lines": ([_line(text=GOOD), DEEP, _line(text=GOOD2)], 2, 1),
    "line just over the depth limit": ([_line(text=GOOD), "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)], 1, 1),
    "deep value inside a record": ([_line(text=GOOD, title=json.loads("[" * 70 + "]" * 70)), _line(text=GOOD2)], 1, 1),
    "deep but unclosed": ([_line(text=GOOD), "{" * 200_000], 1, 1),
    "a list line": ([_line(text=GOOD), "[1, 2]"], 1, 1),
    "a number line": ([_line(text=GOOD), "12345"], 1, 1),
    "a string line": ([_line(text=GOOD), '"text"'], 1, 1),
    "a null line": ([_line(text=GOOD), "null"], 1, 1),
    "not JSON": ([_line(text=GOOD), "{text: 'single quotes'}"], 1, 1),
    "NaN value": ([_line(text=GOOD), '{"text": NaN}'], 1, 1),
    "text a list": ([_line(text=[GOOD, GOOD2]), _line(text=GOOD3)], 1, 1),
    "text a number": ([_line(text=12345), _line(text=GOOD3)], 1, 1),
    "text true": ([_line(text=True), _line(text=GOOD3)], 1, 1),
    "text an object": ([_line(text={"body": GOOD}), _line(text=GOOD3)], 1, 1),
    "text null": ([_line(text=None), _line(text=GOOD3)], 1, 1),
    "text the string 12345": ([_line(text="12345"), _line(text=GOOD3)], 1, 1),
    "text the string true": ([_line(text="true"), _line(text=GOOD3)], 1, 1),
    "text the string null": ([_line(text="null"), _line(text=GOOD3)], 1, 1),
    "text only punctuation": ([_line(text="... --- !!!"), _line(text=GOOD3)], 1, 1),
    "text with a lone surrogate": (['{"text": "' + GOOD + ' \\ud800"}', _line(text=GOOD3)], 1, 1),
    "title an object": ([_line(text=GOOD, title={"a": 1}), _line(text=GOOD3)], 1, 1),
    "title a list": ([_line(text=GOOD, title=["a"]), _line(text=GOOD3)], 1, 1),
    "title true": ([_line(text=GOOD, title=True), _line(text=GOOD3)], 1, 1),
    "title a number": ([_line(text=GOOD, title=1984)], 1, 0),
    "url an object": ([_line(text=GOOD, url={"href": "x"}), _line(text=GOOD3)], 1, 1),
    "author a list of names": ([_line(text=GOOD, author=["Ann", "Bo"])], 1, 0),
    "author a list of objects": ([_line(text=GOOD, author=[{"name": "Ann"}]), _line(text=GOOD3)], 1, 1),
    "published 1e308": ([_line(text=GOOD, published=1e308)], 1, 0),
    "published a timestamp": ([_line(text=GOOD, published=1700000000)], 1, 0),
    "published negative": ([_line(text=GOOD, published="-0044-03-15")], 1, 0),
    "published now": ([_line(text=GOOD, published="now")], 1, 0),
    "published true": ([_line(text=GOOD, published=True), _line(text=GOOD3)], 1, 1),
    "published an object": ([_line(text=GOOD, published={"y": 2024}), _line(text=GOOD3)], 1, 1),
    "escape sequences in the title": ([_line(text=GOOD, title="\x1b[2J\x1b[31mCleared\x1b[0m\x07")], 1, 0),
    "escape sequences in the text": ([_line(text="\x1b[31m" + GOOD + "\x1b[0m")], 1, 0),
    "CRLF lines": ([_line(text=GOOD) + "\r", _line(text=GOOD2) + "\r"], 2, 0),
}


@pytest.mark.parametrize("lines, imported, failed", list(JSONL_CASES.values()), ids=list(JSONL_CASES))
def test_jsonl_reads_the_good_lines_beside_the_bad(cli, tmp_path, lines, imported, failed):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = len(_articles(cli.db))
    run = cli("import", path)
    assert _counts(run)[0] == imported and _counts(run)[2] == failed, run.out
    for art in _articles(cli.db)[before:]:
        assert GOOD in art.text or GOOD2 in art.text or GOOD3 in art.text
        for value in (art.title, art.author, art.url, art.publisher):
            assert value is None or (value.isprintable() and "\x1b" not in value), value
        assert art.published is None or 1000 <= art.published.year <= 2100
    if failed:
        assert f"{path}, line" in run.out or f"{path}:" in run.out


# ---------------------------------------------------------------- single files
FILES = {
    # name: (suffix, bytes, imported)
    "a number": (".txt", b"12345\n", False),
    "true": (".txt", b"true", False),
    "punctuation": (".txt", b"... !!! ---", False),
    "empty": (".txt", b"", False),
    "whitespace": (".txt", b" \n\t\n", False),
    "zero bytes": (".txt", b"\x00" * 100, False),
    "mostly control characters": (".txt", bytes(range(1, 32)) * 20, False),
    "escape sequences in the first line": (".txt", f"\x1b[31mRed title\x1b[0m\n\n{GOOD}\n".encode(), True),
    "a title of control characters": (".txt", f"\x07\x08\x1b\n\n{GOOD}\n".encode(), True),
    "broken UTF-8": (".txt", f"{GOOD} caf\u00e9 \xe2\x82".encode() + b"\xe2\x82", False),
    "HTML nested 300 deep": (".html", ("<html><body>" + "<div>" * 300 + f"<p>{GOOD} {GOOD2}</p>" + "</div>" * 300
                                       + "</body></html>").encode(), True),
    "HTML nested 20,000 deep": (".html", ("<html><body>" + "<section>" * 20000 + f"<p>{GOOD} {GOOD2}</p>"
                                          + "</section>" * 20000 + "</body></html>").encode(), True),
    "HTML tables nested 400 deep": (".html", ("<html><body>" + "<table><tr><td>" * 400 + f"<p>{GOOD} {GOOD2}</p>"
                                              + "</td></tr></table>" * 400 + "</body></html>").encode(), True),
    "HTML navigation only, deeply nested": (".html", ("<html><body>" + "<div>" * 400 + "<nav><a href='/'>Home</a>"
                                                      "</nav>" + "</div>" * 400 + "</body></html>").encode(), False),
    "HTML unclosed tags": (".html", (f"<html><body><p>{GOOD} {GOOD2}" + "<div><span><b>" * 5000).encode(), True),
    "HTML only a script": (".html", b"<html><body><script>alert(1)</script></body></html>", False),
    "HTML with escape sequences in the title": (".html", (f"<html><head><title>\x1b[31mRed\x1b[0m</title></head>"
                                                          f"<body><article><p>{GOOD} {GOOD2}</p></article></body>"
                                                          "</html>").encode(), True),
    "HTML entity bomb": (".html", (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
                                   b'"&lol;&lol;&lol;&lol;&lol;&lol;">]><html><body><p>&lol2;</p></body></html>'),
                         False),
}


@pytest.mark.parametrize("suffix, content, imported", list(FILES.values()), ids=list(FILES))
def test_a_single_file_is_imported_clean_or_refused_by_name(cli, tmp_path, suffix, content, imported):
    path = tmp_path / f"article{suffix}"
    path.write_bytes(content)
    before = dump(cli.db)
    count = len(_articles(cli.db))
    run = cli("import", path)
    if imported:
        assert _counts(run) == (1, 0, 0), run.out
        art = _articles(cli.db)[count]
        assert GOOD in art.text
        assert art.title is None or (art.title.isprintable() and "\x1b" not in art.title)
    else:
        assert run.code == 1 and _counts(run)[2] == 1 and str(path) in run.out, run.out
        assert dump(cli.db) == before


def test_a_file_name_with_escape_sequences_is_never_echoed_raw(cli, tmp_path):
    path = tmp_path / "\x1b[2Jevil\x07.txt"
    path.write_text("12345", encoding="utf-8")
    run = cli("import", path)  # Run.clean() asserts no raw control character reached the terminal
    assert "\\x1b[2Jevil\\x07.txt" in run.out


# ---------------------------------------------------------------- folders and links
def test_links_out_of_an_imported_folder_are_not_followed(cli, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(GOOD3, encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text(GOOD, encoding="utf-8")
    (folder / "inside.txt").write_text(GOOD2, encoding="utf-8")
    (folder / "link-inside.txt").symlink_to(folder / "inside.txt")
    (folder / "leak.txt").symlink_to(outside / "secret.txt")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "sub").symlink_to(outside, target_is_directory=True)
    (folder / "dangling.txt").symlink_to(tmp_path / "nothing.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    run = cli("import", folder)
    texts = [a.text for a in _articles(cli.db)]
    assert GOOD3 not in texts and not any("root:" in t for t in texts)
    assert GOOD in texts and GOOD2 in texts
    assert "outside the folder" in run.out and "links to folders are not followed" in run.out
    assert str(folder / "leak.txt") in run.out and str(folder / "sub") in run.out


def test_an_unreadable_folder_entry_and_special_files_are_named(cli, tmp_path):
    folder = tmp_path / "special"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "ok.txt").write_text(GOOD, encoding="utf-8")
    run = cli("import", folder)
    assert _counts(run) == (1, 0, 1) and str(folder / "pipe.txt") in run.out


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/null", "/proc/self/mem", "/nonexistent/file.txt",
                                    "/nonexistent/folder/"])
def test_devices_and_missing_paths_are_refused_by_name(cli, target):
    before = dump(cli.db)
    run = cli("import", target)
    assert run.code == 1 and target.rstrip("/") in run.out, run.out
    assert dump(cli.db) == before


# ---------------------------------------------------------------- URLs
class _Hostile(BaseHTTPRequestHandler):
    def do_GET(self):
        try:
            self._answer()
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass

    def _answer(self):
        redirects = {"/to-file": "file:///etc/passwd", "/to-ftp": "ftp://example.org/x.txt",
                     "/to-js": "javascript:alert(1)", "/to-data": "data:text/plain,hello",
                     "/loop": "/loop", "/to-good": "/good"}
        if self.path in redirects:
            self.send_response(302)
            self.send_header("Location", redirects[self.path])
            self.end_headers()
            return
        if self.path == "/good":
            body = f"Title\n\n{GOOD} {GOOD2}".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if self.path == "/drip":  # a byte at a time, each well within the per-read timeout
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(200):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.05)
            return
        if self.path == "/drip-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for _ in range(200):
                self.wfile.write(b"X-A: b\r\n")
                self.wfile.flush()
                time.sleep(0.05)
            return
        self.send_error(404)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_url_has_a_total_deadline(server, path):
    started = time.monotonic()
    result = read_url(server + path, timeout=5, deadline=1)
    assert time.monotonic() - started < 3
    assert result.article is None and "within 1 seconds" in result.error.message
    assert server + path in result.error.message


@pytest.mark.parametrize("path, scheme", [("/to-file", "file:"), ("/to-ftp", "ftp:"), ("/to-js", "javascript:"),
                                          ("/to-data", "data:")])
def test_redirects_to_other_schemes_are_not_followed(server, path, scheme):
    result = read_url(server + path, timeout=5, deadline=5)
    assert result.article is None and "only http:// and https:// are followed" in result.error.message
    assert scheme in result.error.message


def test_a_redirect_loop_ends_with_a_message(server):
    result = read_url(server + "/loop", timeout=5, deadline=5)
    assert result.article is None and f"{server}/loop" in result.error.message


def test_a_redirect_to_a_web_page_is_followed(server):
    result = read_url(server + "/to-good", timeout=5, deadline=5)
    assert result.article is not None and GOOD in result.article.text


@pytest.mark.parametrize("url", ["http://", "http://[::1", "http://exa mple.org/", "https://256.256.256.256:99999/"])
def test_malformed_addresses_are_refused_by_name(cli, url):
    before = dump(cli.db)
    run = cli("import", url)
    assert run.code == 1 and url in run.out
    assert dump(cli.db) == before


# ---------------------------------------------------------------- pipes
def test_output_piped_into_head_ends_quietly(project_path, template, tmp_path):
    import shutil

    shutil.copy(template, project_path)
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(40):
        (folder / f"{n:02}.txt").write_text("12345", encoding="utf-8")  # 40 failures: 40 lines of output
    env = dict(os.environ, PYTHONPATH=str(REPO))
    command = f"{sys.executable} -m desktop.cli import --db '{project_path}' '{folder}' | head -1"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=env, timeout=120)
    assert done.stdout.startswith("Imported:")
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
