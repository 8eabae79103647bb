"""One article fetched from the web, with a time limit and a plain message when it cannot be."""
from __future__ import annotations

import socket
import urllib.error
import urllib.parse
import urllib.request

from .article import read_text
from .decoding import decode
from .html import looks_like_html, read_html
from .model import MAX_FILE_BYTES, IngestError, IngestProblem, IngestResult

USER_AGENT = "Quotedesk article import (+fact-checking desktop tool)"


def is_url(value: str) -> bool:
    return str(value).lower().startswith(("http://", "https://"))


def _fetch(url: str, timeout: float) -> tuple[bytes, str, str | None]:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IngestProblem(f"{url} is not a web address Quotedesk can fetch (it must start with "
                            "http:// or https://).")
    host = parts.hostname
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_FILE_BYTES + 1)
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
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
    except OSError as e:
        raise IngestProblem(f"Could not fetch {url}: {e.strerror or e}.") from e
    if len(data) > MAX_FILE_BYTES:
        raise IngestProblem(f"{url} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, the limit for one "
                            "article; it was not imported.")
    return data, content_type, charset


def read_url(url: str, timeout: float = 15) -> IngestResult:
    """Fetch a page or text file and read it; never raises for network or content problems."""
    try:
        data, content_type, charset = _fetch(url, timeout)
        is_html = content_type in ("text/html", "application/xhtml+xml")
        if not (is_html or content_type.startswith("text/")):
            raise IngestProblem(f"{url} is {content_type}, not a web page or text; it was not imported.")
        text, _ = _decode(data, url, charset)
        if is_html or looks_like_html(text):
            article = read_html(text, source=url, url=url)
        else:
            article = read_text(text, source=url, url=url)
    except IngestProblem as e:
        return IngestResult(url, None, IngestError(url, e.message, e.line))
    return IngestResult(url, article, None)


def _decode(data: bytes, url: str, charset: str | None) -> tuple[str, str]:
    if charset:
        try:
            return data.decode(charset), charset
        except (UnicodeDecodeError, LookupError):
            pass
    return decode(data, url)
