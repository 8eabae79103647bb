"""One article fetched from the web, with a time limit and a plain message when it cannot be."""
from __future__ import annotations

import http.client
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request

from .article import read_text
from .decoding import decode
from .html import looks_like_html, read_html
from .model import MAX_FILE_BYTES, IngestError, IngestProblem, IngestResult

USER_AGENT = "Quotedesk article import (+fact-checking desktop tool)"
TIMEOUT = 15
"""Seconds one connection attempt or one read may wait."""
DEADLINE = 60
"""Seconds a whole fetch may take, redirects and a slow trickle of bytes included."""
MAX_REDIRECTS = 5


class _Deadline:
    """Shuts the fetch's sockets when the time is up, so a server that sends one byte at a time
    cannot keep an import waiting for ever (socket timeouts only bound each read)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self):
        self._timer.start()
        return self

    def __exit__(self, *exc):
        self._timer.cancel()

    def watch(self, sock) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    """urllib with the deadline on every connection and redirects only to http(s) addresses."""

    def watched(base):
        class Connection(base):
            def connect(self):
                super().connect()
                deadline.watch(self.sock)
        return Connection

    class Http(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(watched(http.client.HTTPConnection), req)

    class Https(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(watched(http.client.HTTPSConnection), req, context=self._context)

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

        def http_error_302(self, req, fp, code, msg, headers):
            target = urllib.parse.urljoin(req.full_url, headers.get("location") or headers.get("uri") or "")
            if urllib.parse.urlsplit(target).scheme.lower() not in ("http", "https"):
                fp.close()
                raise IngestProblem(f"{req.full_url} redirects to {target[:200]!r}, which is not a web address "
                                    "(only http:// and https:// are followed); it was not imported.")
            return super().http_error_302(req, fp, code, msg, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    handlers = [Http, Https, Redirects]
    return urllib.request.build_opener(*handlers)


def is_url(value: str) -> bool:
    return str(value).lower().startswith(("http://", "https://"))


def _read_all(response, limit: int, deadline: _Deadline) -> bytes:
    chunks, size = [], 0
    while size <= limit:
        chunk = response.read1(min(65536, limit + 1 - size)) if hasattr(response, "read1") else \
            response.read(min(65536, limit + 1 - size))
        if not chunk or deadline.expired:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _fetch(url: str, timeout: float, deadline_seconds: float = DEADLINE) -> tuple[bytes, str, str | None]:
    with _Deadline(deadline_seconds) as deadline:
        try:
            result = _fetch_within(url, timeout, deadline)
        except IngestProblem:
            if deadline.expired:
                raise _too_slow(url, deadline_seconds) from None
            raise
        if deadline.expired:
            raise _too_slow(url, deadline_seconds)
        return result


def _too_slow(url: str, seconds: float) -> IngestProblem:
    return IngestProblem(f"{url} did not finish downloading within {seconds:g} seconds (the limit for one page); "
                         "it was not imported. Try again later, or save the page and import the file.")


def _fetch_within(url: str, timeout: float, deadline: _Deadline) -> tuple[bytes, str, str | None]:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IngestProblem(f"{url} is not a web address Quotedesk can fetch (it must start with "
                            "http:// or https://).")
    host = parts.hostname
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with _opener(deadline).open(request, timeout=timeout) as response:
            data = _read_all(response, MAX_FILE_BYTES, deadline)
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
    except IngestProblem:
        raise
    except urllib.error.HTTPError as e:
        raise IngestProblem(f"{url} could not be fetched: the server answered {e.code} {e.reason}.") from e
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, socket.gaierror):
            raise IngestProblem(f"Could not reach {host}: its name could not be looked up. "
                                "Check the address, or whether this computer is offline.") from e
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise IngestProblem(f"{host} did not answer within {timeout:g} seconds; try again later.") from e
        if isinstance(reason, ConnectionRefusedError):
            raise IngestProblem(f"Could not reach {host}: the connection was refused.") from e
        raise IngestProblem(f"Could not reach {host}: {getattr(reason, 'strerror', None) or reason}. "
                            "Check the address and the network connection.") from e
    except (TimeoutError, socket.timeout) as e:
        raise IngestProblem(f"{host} did not answer within {timeout:g} seconds; try again later.") from e
    except (OSError, http.client.HTTPException) as e:
        raise IngestProblem(f"Could not fetch {url}: {getattr(e, 'strerror', None) or e or type(e).__name__}. "
                            "Try again later, or save the page and import the file.") from e
    except ValueError as e:  # urllib's complaint about an address it cannot parse
        raise IngestProblem(f"{url} is not a web address Quotedesk can fetch ({e}).") from e
    if len(data) > MAX_FILE_BYTES:
        raise IngestProblem(f"{url} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, the limit for one "
                            "article; it was not imported.")
    return data, content_type, charset


def read_url(url: str, timeout: float = TIMEOUT, deadline: float = DEADLINE) -> IngestResult:
    """Fetch a page or text file and read it; never raises for network or content problems."""
    try:
        try:
            data, content_type, charset = _fetch(url, timeout, deadline)
        except ValueError as e:  # urlsplit's complaint ("Invalid IPv6 URL", a bad port)
            if isinstance(e, IngestProblem):
                raise
            raise IngestProblem(f"{url} is not a web address Quotedesk can fetch ({e}).") from e
        is_html = content_type in ("text/html", "application/xhtml+xml")
        if not (is_html or content_type.startswith("text/")):
            raise IngestProblem(f"{url} is {content_type}, not a web page or text; it was not imported.")
        text, _ = _decode(data, url, charset)
        if is_html or looks_like_html(text):
            article = read_html(text, source=url, url=url)
        else:
            article = read_text(text, source=url, url=url)
    except IngestProblem as e:
        message = e.message if url in e.message else f"{url}: {e.message}"
        return IngestResult(url, None, IngestError(url, message, e.line))
    return IngestResult(url, article, None)


def _decode(data: bytes, url: str, charset: str | None) -> tuple[str, str]:
    if charset:
        try:
            return data.decode(charset), charset
        except (UnicodeDecodeError, LookupError):
            pass
    return decode(data, url)
