"""Reading a quotedesk.v1 JSON document as a stream: one article in memory at a time.

ijson (yajl's C parser) builds each article of the ``articles`` list in turn, so a
100,000-claim export is read in about the memory of its largest article. A file laid
out as Quotedesk writes it, one article a line, is read a line at a time by the json
module instead (a third of the time), checked to give exactly what ijson gives. What a
streaming parser cannot refuse before it has built it is checked on the bytes
first (``_Guard``): nesting deeper than ``MAX_DEPTH`` (the parser's memory grows with
the square of the depth) and strings longer than any field may be, so a hostile
file is refused at the place it turns bad, never read into memory whole.

A document names its speakers and topics, which claims refer to, in lists of their
own; ``head`` finds them before the articles are read: at once when they come before
the articles (as Quotedesk writes them), else by a first pass over the file that
builds nothing but them.
"""

from __future__ import annotations

import collections
import itertools
import json
import math
import os
import re
import secrets
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

import ijson

from .common import ExportError

MAX_DEPTH = 64
"""JSON nested deeper than this is refused before it is parsed (a Quotedesk export is 6 levels deep)."""
MAX_TEXT_CHARS = 10 * 1024 * 1024
"""Longest article text accepted (characters), the same limit as one imported article file."""
MAX_FILE_BYTES = 2 * 1024**3
"""Largest JSON export read (about a million claims)."""
MAX_STRING_BYTES = 12 * MAX_TEXT_CHARS + 1024
"""Longest string read, in bytes of the file: the longest text allowed, each character written as an
escaped surrogate pair (12 bytes). A longer string is refused before it is read into memory."""
CHUNK = 64 * 1024  # bytes handed to the parser at a time (yajl is slower with larger ones)

# What the structure check keeps of a chunk: quotes, brackets, backslashes and what JSON lets a
# backslash escape, the escapes' letters as one letter ("e"), "u" apart (an escaped surrogate starts "\\u").
_KEPT = b'"[]{}\\/bfnrtu'
_CLASSES = bytes.maketrans(b"/bfnrt", b"eeeeee")
_DROPPED = bytes(b for b in range(256) if b not in _KEPT)
_STEP = [0] * 256
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1
_BOM = b"\xef\xbb\xbf"
# An escaped UTF-16 surrogate; one that is not half of a pair, yajl would turn into "?" without a word.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_HIGH = b"89abAB"


class Refused(ExportError):
    """The file itself cannot be read as a JSON document (its message names the file and the place)."""


class _Guard:
    """The file as the parser reads it, checked chunk by chunk before the parser sees each chunk.

    Only the structure matters here: everything but quotes, brackets and escapes is
    dropped, then the escapes, then the strings between quotes; what is left are the
    brackets, whose running sum is the depth. Bytes since the last quote, while inside a
    string, bound the string's length.
    """

    def __init__(self, fh, path: Path, size: int, progress: Callable[[int, int], None] | None):
        self.fh, self.path, self.size, self.progress = fh, path, size, progress
        self.offset = 0  # bytes read so far
        self.depth = 0
        self.in_string = False
        self.string_bytes = 0
        self.carry = b""  # a backslash that escapes the first byte of the next chunk
        self.held = b""  # the end of the last chunk, where an escaped surrogate pair may begin

    def read(self, n: int = -1) -> bytes:
        if n == 0:  # ijson asks for nothing to learn whether the file gives bytes or text
            return b""
        chunk = self.fh.read(CHUNK if n is None or n < 0 else max(n, CHUNK))
        if self.offset == 0 and chunk.startswith(_BOM):
            chunk = chunk[len(_BOM):]
            self.offset = len(_BOM)
        self._check(chunk)
        self.offset += len(chunk)
        if self.progress is not None and chunk:
            self.progress(self.offset, self.size)
        return chunk

    def _check(self, chunk: bytes) -> None:
        data = self.carry + chunk
        trailing = len(data) - len(data.rstrip(b"\\"))
        self.carry = b"\\" if trailing % 2 else b""
        if trailing % 2:
            data = data[:-1]
        # The chunk reduced to what can matter (a third of its bytes) before any two-byte escape is
        # looked for: searching the whole chunk took most of the check's time. Every byte JSON lets
        # follow a backslash is kept, so a backslash stays beside what it escapes, and escaped
        # backslashes and quotes are dropped here as in the file. (A backslash before anything else
        # is not JSON: the parser refuses it where it stands, before it reads further.)
        kept = data.translate(_CLASSES, _DROPPED).replace(b"\\\\", b"")
        if self.held or b"\\u" in kept:
            self._check_surrogates(data.replace(b"\\\\", b""))
        marks = kept.replace(b'\\"', b"").translate(None, b"\\eu")
        if self.in_string:
            end = marks.find(b'"')
            if end < 0:
                self.string_bytes += len(chunk)
                self._check_string()
                return
            marks = marks[end + 1:]
            self.in_string = False
        if marks.count(b'"') % 2:  # a string runs on into the next chunk
            self.in_string = True
            # From the chunk's last quote: when that one is escaped, the string began earlier and the
            # count is short by less than a chunk, nothing beside the limit.
            self.string_bytes = len(data) - data.rfind(b'"') - 1
            self._check_string()
            marks = marks[:marks.rfind(b'"')]
        # What lies between strings: two quotes side by side (an empty string, or one string's end
        # and the next one's start) enclose no bracket; then every other piece is outside a string.
        brackets = b"".join(marks.replace(b'""', b"").split(b'"')[::2])
        if not brackets:
            return
        opens = len(brackets.translate(None, b"]}"))
        if self.depth + opens > MAX_DEPTH:
            deepest = max(accumulate(map(_STEP.__getitem__, brackets), initial=self.depth))
            if deepest > MAX_DEPTH:
                raise Refused(f"{self.path} nests arrays and objects more than {MAX_DEPTH} levels deep (within "
                              f"its first {self._place()}); the limit is {MAX_DEPTH} (a Quotedesk export needs "
                              "6). It was not read.")
        self.depth += 2 * opens - len(brackets)

    def _check_surrogates(self, data: bytes) -> None:
        """Refuse an escaped surrogate that is not half of a pair; an escape the chunk may cut off (the
        last backslash, a high half that may be followed by its low half) waits for the next chunk."""
        window = self.held + data
        cut = len(window)
        if data:
            slash = window.rfind(b"\\", max(0, cut - 12))
            if slash >= 0:
                cut = slash
            if cut >= 6 and _SURROGATE_ESCAPE.fullmatch(window, cut - 6, cut) and window[cut - 3:cut - 2] in _HIGH:
                cut -= 6
        self.held = window[cut:]
        if b"\\u" not in window:
            return
        high = None  # a high half waiting for its low half right after it
        for found in _SURROGATE_ESCAPE.finditer(window, 0, cut):
            is_high = found.group()[3:4] in _HIGH
            if high is not None:
                if not is_high and found.start() == high.end():
                    high = None
                    continue
                self._lone(high)
            if not is_high:
                self._lone(found)
            high = found
        if high is not None:
            self._lone(high)

    def _lone(self, found) -> None:
        raise Refused(f"{self.path} holds an escaped lone UTF-16 surrogate ({found.group().decode('ascii')}, "
                      f"within its first {self._place()}), which is not a character; the file was not "
                      "written by Quotedesk or was damaged.")

    def _check_string(self) -> None:
        if self.string_bytes > MAX_STRING_BYTES:
            raise Refused(f"{self.path} holds a string of more than {MAX_STRING_BYTES / 2**20:,.0f} MB (within its "
                          f"first {self._place()}); no field may be longer than {MAX_TEXT_CHARS:,} characters. "
                          "It was not read.")

    def _place(self) -> str:
        end = self.offset + CHUNK
        return f"{end / 2**20:,.0f} MB" if end >= 2**20 else f"{end:,} bytes"


@dataclass
class Head:
    """What a document says outside its articles."""

    format: object = None
    speakers: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    articles_kind: str | None = None  # what "articles" holds ("a list"); None when absent


_KINDS = {"start_map": "an object", "start_array": "a list", "string": "text", "number": "a number",
          "boolean": "true/false", "null": "null"}


class JsonStream:
    """A quotedesk.v1 file opened for streaming: ``head()`` first, then ``articles()``."""

    def __init__(self, path, progress: Callable[[int, int], None] | None = None):
        self.path = Path(path)
        self.progress = progress
        self.size = _checked_size(self.path)

    def _open(self, progress=None) -> _Guard:
        try:
            fh = open(self.path, "rb")
        except OSError as exc:
            raise _read_error(self.path, exc) from None
        return _Guard(fh, self.path, self.size, progress)

    def _events(self, guard: _Guard, parse, *args):
        """``parse(guard, *args)``'s output, with the parser's and the file system's errors as ours."""
        try:
            yield from parse(guard, *args, use_float=True, buf_size=CHUNK)
        except ijson.JSONError as exc:
            raise Refused(f"{self.path} is not a JSON file: {_reason(exc)} (within its first {guard._place()}). "
                          "Give the .json file exported by Quotedesk, unedited or repaired.") from None
        except UnicodeDecodeError:  # yajl passes an escaped lone surrogate (\\ud800) on as bytes no UTF-8 has
            raise Refused(f"{self.path} holds an escaped lone UTF-16 surrogate (\\ud800 to \\udfff, within its first "
                          f"{guard._place()}), which is not a character; the file was not written by Quotedesk or "
                          "was damaged.") from None
        except OSError as exc:
            raise _read_error(self.path, exc) from None
        finally:
            guard.fh.close()

    def head(self) -> Head:
        """The format, speakers and topics; where they follow the articles, one more pass finds them."""
        head, seen = Head(), set()
        events = self._events(self._open(), ijson.parse)
        try:
            first = next(events, None)
            if first is None or first[1] != "start_map":
                kind = _KINDS.get(first[1], "nothing") if first else "nothing"
                raise Refused(f"{self.path} is not a Quotedesk JSON export (it holds {kind}, not an object "
                              "with format 'quotedesk.v1').")
            for _, event, key in events:
                if event != "map_key":  # the document's end, without articles
                    for _ in events:  # to the end of the file: what follows must be nothing
                        pass
                    return head
                _, event, value = next(events)
                if key == "articles":
                    head.articles_kind = _KINDS.get(event, event)
                    break
                seen.add(key)
                if key in ("format", "speakers", "topics"):
                    setattr(head, key, _build(events, event) if event in _OPENS else value)
                elif event in _OPENS:
                    _skip(events)
        finally:
            events.close()
        for name in ("format", "speakers", "topics"):  # after the articles, or absent
            if name not in seen:
                found = next(self._events(self._open(), ijson.items, name), None)
                if found is not None:
                    setattr(head, name, found)
        return head

    def articles(self) -> Iterator[object]:
        """The items of the document's ``articles`` list, one at a time.

        A file laid out as Quotedesk writes it, one article a line, is read a line at a time
        (``_lines``); any other file, and any file in which anything at all is amiss, by the
        streaming parser, which then also says what is wrong. Both give the same items: the
        parser skips those the lines already gave.
        """
        given = 0
        try:
            for article in self._lines():
                yield article
                given += 1
            return
        except _NotLaidOut:
            pass
        reached = self._reached  # progress goes on from where the lines stopped
        progress = self.progress and (lambda done, total: done > reached and self.progress(done, total))
        for n, article in enumerate(self._parsed(progress)):
            if n >= given:
                yield article

    def _parsed(self, progress=None) -> Iterator[object]:
        """The items of the ``articles`` list as the streaming parser builds them."""
        yield from self._events(self._open(progress), ijson.items, "articles.item")

    def _lines(self) -> Iterator[object]:
        """The articles of a file laid out one article a line, as Quotedesk writes it, each line read
        by the json module's parser (a third of the streaming parser's time); _NotLaidOut, after any
        number of articles, when the file is not laid out so or anything in it is amiss.

        What the lines give is what the streaming parser gives: before the first article, the
        file up to its ``"articles": [`` line, followed by a marker, must be read by the streaming
        parser as a document whose first article is that marker (so the list is the document's
        own, and the first); each line is one JSON object followed by a comma, but the last; at
        the end the whole file with the articles' lines replaced by the marker must be a document
        whose only article is the marker. Every byte goes through the same guard first.
        """
        guard = self._open()  # progress is told once the file is known to be laid out so
        try:
            lines = _Lines(guard)
            head: list[bytes] = []
            for line in lines:
                head.append(line)
                if line.rstrip(b"\r\n") == b'"articles": [':
                    break
                if len(head) > _HEAD_LINES or lines.read > _MAX_LINE_BYTES:
                    raise _NotLaidOut
            else:
                raise _NotLaidOut
            marker = f'"quotedesk-lines-{secrets.token_hex(8)}"\n'.encode()
            _only_marker([*head, marker], marker, whole=False)
            guard.progress = self.progress
            comma = None  # whether the last article's line ended with a comma (None: no article yet)
            for line in lines:
                body = line.rstrip(b"\r\n")
                if not body.startswith(b"{"):
                    break
                if comma is False:
                    raise _NotLaidOut
                comma = body.endswith(b",")
                if _LONG_NUMBER in body.translate(_NUMBER_MARKS):
                    raise _NotLaidOut
                try:
                    article = _loads((body[:-1] if comma else body).decode("utf-8"))
                except (ValueError, RecursionError):
                    raise _NotLaidOut from None
                yield article
            else:
                raise _NotLaidOut  # the file ends within the list
            if line[:1] != b"]" or comma:
                raise _NotLaidOut
            _only_marker(itertools.chain(head, [marker, line], lines.rest()), marker, whole=True)
        except _NotLaidOut:
            raise
        except Exception:  # the guard's refusal, the parser's complaint, the file's error: the parser says it
            raise _NotLaidOut from None
        finally:
            self._reached = guard.offset if guard.progress is not None else 0
            guard.fh.close()


_OPENS = ("start_map", "start_array")
_MAX_LINE_BYTES = 8 * 2**20  # a longer line (an article of millions of characters) goes to the streaming parser
_HEAD_LINES = 16  # Quotedesk writes the articles' list on the fourth line


class _NotLaidOut(Exception):
    """The file is not laid out one article a line, or something in it is amiss: the parser reads it."""


def _refused_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def _finite(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError(f"{text} is past the floating point range")
    return value


# What yajl refuses and the json module would take: NaN and Infinity, numbers past the floating point range,
# integers past 64 bits: a number of 19 digits or more sends the line to the parser. A number (or its minus
# sign) follows a colon, bracket, comma or white space; so do some digits in texts, whose lines then go to
# the parser too, but not the digits of a hash, which follow a letter.
_loads = json.JSONDecoder(parse_constant=_refused_constant, parse_float=_finite).decode
_NUMBER_MARKS = bytes(ord("0") if chr(b) in "0123456789" else ord("|") if chr(b) in ":[, \t\r\n-" else ord(".")
                      for b in range(256))
_LONG_NUMBER = b"|" + b"0" * 19


class _Lines:
    """The file's lines (each with its line end) as the guard reads them; _NotLaidOut for a very long one."""

    def __init__(self, guard: _Guard):
        self.guard = guard
        self.ready: collections.deque[bytes] = collections.deque()  # lines of the last chunk not given yet
        self.pending = b""  # the start of a line the last chunk cut
        self.read = 0  # bytes of the lines given so far

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> bytes:
        while not self.ready:
            chunk = self.guard.read()
            if not chunk:
                if not self.pending:
                    raise StopIteration
                self.ready.append(self.pending)
                self.pending = b""
                break
            parts = chunk.split(b"\n")
            if len(parts) == 1:
                self.pending += chunk
                if len(self.pending) > _MAX_LINE_BYTES:
                    raise _NotLaidOut
                continue
            parts[0] = self.pending + parts[0]
            self.pending = parts.pop()
            self.ready.extend(part + b"\n" for part in parts)
        line = self.ready.popleft()
        self.read += len(line)
        return line

    def rest(self) -> Iterator[bytes]:
        """What the lines have not given yet, as it was read."""
        while self.ready:
            yield self.ready.popleft()
        yield self.pending
        self.pending = b""
        while chunk := self.guard.read():
            yield chunk


class _Joined:
    """A file-like reader of pieces of bytes, one after the other."""

    def __init__(self, pieces):
        self.pieces = iter(pieces)

    def read(self, n: int = -1) -> bytes:
        return b"" if n == 0 else next(self.pieces, b"")


def _only_marker(pieces, marker: bytes, *, whole: bool) -> None:
    """The document made of ``pieces`` has ``marker`` as the first item of its own ``articles`` list
    and, when ``whole``, as the only one (and is a whole JSON document); else _NotLaidOut."""
    items = ijson.items(_Joined(p for p in pieces if p), "articles.item", use_float=True, buf_size=CHUNK)
    try:
        if next(items, None) != json.loads(marker) or (whole and next(items, marker) is not marker):
            raise _NotLaidOut
    except ijson.JSONError:
        raise _NotLaidOut from None


def _skip(events) -> None:
    """Read past the value whose start event was just read."""
    depth = 1
    for _, event, _ in events:
        if event in _OPENS:
            depth += 1
        elif event in ("end_map", "end_array"):
            depth -= 1
            if not depth:
                return


def _build(events, first: str):
    """The value that starts with ``first`` (start_map or start_array), built from the events."""
    builder = ijson.ObjectBuilder()
    builder.event(first, None)
    depth = 1
    for _, event, value in events:
        builder.event(event, value)
        if event in _OPENS:
            depth += 1
        elif event in ("end_map", "end_array"):
            depth -= 1
            if not depth:
                break
    return builder.value


def _reason(exc: Exception) -> str:
    """The parser's complaint, first line only, without the bytes it quotes (they may be anything)."""
    text = str(exc)
    if text.startswith(("b'", 'b"')):
        text = text[2:]
    text = text.replace("\\n", "\n").split("\n", 1)[0].strip().rstrip(".")
    return "".join(c for c in text if c.isprintable()) or "malformed JSON"


def _read_error(path: Path, exc: OSError) -> ExportError:
    if isinstance(exc, FileNotFoundError):
        return Refused(f"There is no file {path}. Check the name and the folder.")
    if isinstance(exc, IsADirectoryError):
        return Refused(f"{path} is a folder; give the .json file exported by Quotedesk.")
    if isinstance(exc, PermissionError):
        return Refused(f"{path} cannot be read: permission denied. Check the file's permissions.")
    return Refused(f"{path} cannot be read: {exc.strerror or exc}.")


def _checked_size(path: Path) -> int:
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _read_error(path, exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise Refused(f"{path} is a folder; give the .json file exported by Quotedesk.")
    if not stat.S_ISREG(info.st_mode):
        raise Refused(f"{path} is not a regular file (a device, pipe or socket); give the .json file "
                      "exported by Quotedesk.")
    if info.st_size > MAX_FILE_BYTES:
        raise Refused(f"{path} is {info.st_size / 2**20:,.0f} MB; the limit for a JSON export is "
                      f"{MAX_FILE_BYTES / 2**20:,.0f} MB. Export and import fewer articles at a time.")
    return info.st_size
