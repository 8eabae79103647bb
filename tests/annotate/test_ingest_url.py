"""Fetching one article by URL, from a real local web server; clear messages when it cannot be fetched."""
from __future__ import annotations

import datetime
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from annotate.ingest import read_paths, read_url

DATA = Path(__file__).resolve().parent / "data" / "ingest"
PAGES = {
    "/story": ("text/html; charset=utf-8", (DATA / "article.html").read_bytes()),
    "/plain": ("text/plain; charset=utf-8", "Ferry fares rise\n\nFares rise in June, Blue Line said.".encode()),
    "/photo": ("image/png", (DATA / "image_renamed.txt").read_bytes()),
    "/slow": ("text/plain", b"Late news\n\nToo late, the mayor said."),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        try:
            self._answer()
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (the timeout test)
            pass

    def _answer(self):
        if self.path == "/slow":
            threading.Event().wait(2)
        if self.path not in PAGES:
            self.send_error(404, "Not Found")
            return
        content_type, body = PAGES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_html_page_is_fetched_and_read_with_its_metadata(server):
    result = read_url(f"{server}/story")
    assert result.error is None
    assert result.article.title == "Port strike ends after 12 days, union says"
    assert result.article.published == datetime.date(2024, 5, 8)
    assert result.article.source == f"{server}/story"


def test_plain_text_url_is_read_as_text(server):
    article = read_url(f"{server}/plain").article
    assert article.title == "Ferry fares rise"
    assert article.url == f"{server}/plain"


def test_urls_can_be_mixed_with_files_in_read_paths(server):
    results = list(read_paths([f"{server}/plain", DATA / "emoji.txt"]))
    assert [r.article.title for r in results] == ["Ferry fares rise", "Fans cheer 🎉 as club wins cup 🏆"]


def test_http_error_is_reported(server):
    assert read_url(f"{server}/gone").error.message == f"{server}/gone could not be fetched: the server answered 404 Not Found."


def test_non_text_content_is_refused(server):
    assert read_url(f"{server}/photo").error.message == f"{server}/photo is image/png, not a web page or text; it was not imported."


def test_slow_server_times_out_with_the_limit_stated(server):
    message = read_url(f"{server}/slow", timeout=0.3).error.message
    assert message == f"{server}/slow: 127.0.0.1 did not answer within 0.3 seconds; try again later."


def test_refused_connection_is_reported():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again at once: nothing listens there
    message = read_url(f"http://127.0.0.1:{port}/x", timeout=2).error.message
    assert message == f"http://127.0.0.1:{port}/x: Could not reach 127.0.0.1: the connection was refused."


def test_unknown_host_says_the_name_could_not_be_looked_up():
    # .invalid never resolves (RFC 6761), online or offline
    message = read_url("https://news.example.invalid/story", timeout=5).error.message
    assert message.startswith("https://news.example.invalid/story: Could not reach news.example.invalid: its name "
                              "could not be looked up.")
    assert "offline" in message


def test_non_web_address_is_refused():
    message = read_url("ftp://example.org/file.txt").error.message
    assert "is not a web address Quotedesk can fetch" in message
