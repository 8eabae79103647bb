"""Training data: Prodigy-style span/relation JSONL and spaCy DocBin.

One example per article holding its claims (default: confirmed ones): the
content span (label CLAIM), the speaker mention (SPEAKER) and the cue (CUE),
with relations SPEAKER_OF and CUE_OF pointing from mention and cue to the
claim. With ``negatives=True`` each rejected suggestion is also written: in
JSONL as its own task with ``"answer": "reject"``, in the DocBin under
``doc.spans["rejected"]``. Tokens come from ``spacy.blank("en")``; character
offsets are the stored code point offsets, token indices cover the span
(alignment "expand"). Articles without such claims are left out.

A split quote (“A,” she said, “B.”) is one claim with several content fragments: each
fragment is its own CLAIM span (the attribution between them is not content), and all of
them carry the claim's id, the fragment's number and the count (``claim_id``, ``fragment``,
``fragments`` in JSONL; ``span.id`` and the per-claim ``fragments`` offsets in the DocBin),
so the pieces can be put back together. Speaker and cue relations point to every fragment.
"""

from __future__ import annotations

import bisect
import collections
import dataclasses
import itertools
import json
import os
import queue
import re
import sys
import threading
import types
import time
from collections.abc import Iterator

from db import STATUSES, ClaimFilter, Project

from .common import (
    Cancel, Cancelled, ExportSummary, Progress, Scope, Ticker, check_target, finish, iso, output, replaced,
    write_error,
)
from .forked import can_fork, helper_for, in_order

CLAIM, SPEAKER, CUE = "CLAIM", "SPEAKER", "CUE"
SPEAKER_OF, CUE_OF = "SPEAKER_OF", "CUE_OF"


def _scope(claim_filter, statuses, article_id, negatives: bool) -> tuple[Scope, tuple[str, ...]]:
    """The claims to read, and which statuses are positive examples (default: confirmed)."""
    scope = Scope.of(claim_filter, statuses, article_id)
    positive = scope.claim_filter.statuses or ("confirmed",)
    wanted = tuple(dict.fromkeys([*positive, *(["rejected"] if negatives else [])]))
    if set(wanted) >= set(STATUSES):  # every claim: no condition on the status (SQLite then reads the claims in
        wanted = None                 # order from their position index instead of sorting them all first)
    return Scope(dataclasses.replace(scope.claim_filter, statuses=wanted), scope.narrowed), tuple(positive)


# what the writers read of a claim
_CLAIM_FIELDS = ("id", "article_id", "start", "end", "content_text", "kind", "cue_start", "cue_end", "cue_text",
                 "speaker", "mention_start", "mention_end", "mention_text", "role", "date", "stance", "topic", "status",
                 "fragments")


def _by_article(project: Project, f: ClaimFilter, batch: int = 50) -> Iterator[tuple[object, list]]:
    """(article, its claims as rows of ``_CLAIM_FIELDS``) for each article with claims in the filter, in article order.

    Claims are streamed 100 rows at a time (5,000 held 24 MB); their articles are read ``batch``
    at a time (one query each), and only the batch in hand is held, so memory stays flat however
    large the project.
    """
    groups: list[tuple[int, list]] = []

    def ready() -> Iterator[tuple[object, list]]:
        articles = {a.id: a for a in project.iter_articles([aid for aid, _ in groups])}
        for aid, claims in groups:
            yield articles.get(aid) or project.article(aid), claims  # NotFoundError if it is gone
        groups.clear()

    for c in project.stream_claim_values(f, batch=100, fields=_CLAIM_FIELDS):
        if groups and groups[-1][0] == c.article_id:
            groups[-1][1].append(c)
            continue
        if len(groups) >= batch:
            yield from ready()
        groups.append((c.article_id, [c]))
    if groups:
        yield from ready()


def _part(start, end, text) -> tuple[int, int, str] | None:
    """A span of a claim as (start, end, text), None where the claim has none (a ``Claim`` record's Span)."""
    return None if start is None or end is None else (start, end, text or "")


def _fragments(c) -> list[tuple[int, int, str]]:
    """The content pieces of a claim row: its fragments when split, else the content span."""
    if c.fragments:
        return [_part(d["start"], d["end"], d["text"]) for d in c.fragments]
    return [_part(c.start, c.end, c.content_text)]


def _date(value: str | None) -> str | None:
    """A streamed date (YYYY-MM-DD text) as ``iso`` writes a date."""
    return value[:10] if value else None


class _Docs:
    """Docs from spaCy's blank English tokenizer, the memory of its vocabulary bounded.

    A vocabulary keeps a lexeme and its strings for every distinct word it has seen, for as long
    as it lives: +36 MB over the 100,000-claim project, most of an export's memory. Here the first
    ``WARM`` lexemes are made as usual (they include the common words, and the tokenizer caches
    chunks, up to 10,000, only outside a memory zone), then each ``ZONE`` articles are tokenized
    in one ``nlp.memory_zone()``, which frees the lexemes and strings first met in it. Tokens do
    not depend on this (nor on the cache): the same tokenizer, rules and text give the same Doc.
    What stays: spaCy's hash tables keep a cell for every key they ever held (they grow, slowly,
    with the number of distinct words), and Python's allocator does not give every freed block back.

    New lexemes get only the attributes the exports read: NORM (a DocBin keeps each token's norm
    string) and LANG. Computing all 23 lexical attributes (shape, prefix, like_url, …) of every new
    word was a fifth of tokenizing. The tokenizer's prefix, suffix and infix rules are tried only
    where they can match (exports/affix_search.py: the same tokens), which halved tokenizing.

    A Doc is valid until the next ``make`` (or the end of the ``with`` block): use it, then drop it.
    """

    WARM = 5_000  # lexemes made outside a memory zone
    ZONE = 100  # articles per memory zone

    def __init__(self):
        self.nlp = None  # made (or taken from ``prepare_tokenizer``) at the first ``make``: the first reads go first
        self._zone = None
        self._left = 0

    def ready(self) -> None:
        """Load the tokenizer now (or take the one being made ahead), not at the first ``make``."""
        if self.nlp is None:
            self.nlp = _Prepared.take()

    def make(self, text: str):
        if self.nlp is None:
            self.nlp = _Prepared.take()
        if self._zone is not None and self._left == 0:
            self._leave()
        if self._zone is None and len(self.nlp.vocab) >= self.WARM:
            self._zone = self.nlp.memory_zone()
            self._zone.__enter__()
            self._left = self.ZONE
        self._left -= 1
        return self.nlp.make_doc(text)

    def _leave(self) -> None:
        zone, self._zone = self._zone, None
        zone.__exit__(None, None, None)

    def __enter__(self) -> _Docs:
        return self

    def __exit__(self, *exc) -> None:
        if self._zone is not None:
            self._leave()
        self.nlp = None  # its vocabulary is not needed while a DocBin is written


def _import_spacy():
    """spaCy, imported without its command line where it has not been imported yet.

    ``spacy/__init__.py`` imports ``spacy.cli`` (for ``spacy.info``), and with it typer, rich, requests,
    httpx, weasel and jinja2: 18.6 MB of the 120 MB an export's process holds, and a fifth of spaCy's
    import time, for nothing an export does. Here the import sees a stand-in for ``spacy.cli.info``; the
    stand-in is removed as soon as spaCy is imported, so whatever imports ``spacy.cli`` later (training,
    ``spacy.info()``) gets the real one. Should a newer spaCy want more of its command line at import,
    it is imported the usual way."""
    if "spacy" in sys.modules:
        import spacy

        return spacy
    stand_in = types.ModuleType("spacy.cli")
    stand_in.__path__ = []  # (a package, so that its submodule is looked up in sys.modules)
    info = types.ModuleType("spacy.cli.info")

    def lazy_info(*args, **kwargs):  # spacy.info(): the real one, imported when called
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    info.info = lazy_info
    ours = {"spacy.cli": stand_in, "spacy.cli.info": info}
    sys.modules.update(ours)
    try:
        import spacy
    except (ImportError, AttributeError):  # (a spaCy that wants more of its command line)
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        ours = {}
    finally:
        for name, module in ours.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        if "spacy" in sys.modules and getattr(sys.modules["spacy"], "cli", None) is stand_in:
            del sys.modules["spacy"].cli
    import spacy

    return spacy


def _blank_tokenizer():
    """spaCy's blank English pipeline as the exports tokenize with it (importing spaCy is most of its 0.5 s)."""
    spacy = _import_spacy()
    from spacy.attrs import LANG, NORM

    from .affix_search import use_faster_affix_search

    nlp = spacy.blank("en")
    # spaCy's 1,000,000-character limit guards the parser's memory; this pipeline only
    # tokenizes, and a project holds articles up to ten times that long
    nlp.max_length = 1 << 31
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {attr: getters[attr] for attr in (NORM, LANG) if attr in getters}
    use_faster_affix_search(nlp)
    return nlp


class _Prepared:
    """One blank tokenizer made ahead, on a thread (``prepare_tokenizer``), for the next training export to take."""

    _lock = threading.Lock()
    _thread: threading.Thread | None = None
    _made: list = []  # [(ok, the pipeline or the exception)] once the thread is done

    @classmethod
    def start(cls) -> None:
        with cls._lock:
            if cls._thread is not None:
                return
            made: list = []

            def make() -> None:
                try:
                    made.append((True, _blank_tokenizer()))
                except BaseException as exc:  # noqa: BLE001 - raised again where the pipeline is taken
                    made.append((False, exc))

            # not a daemon: when opening the project fails, the command's message is out and the process
            # ends once spaCy's import is done, never in the middle of it
            cls._thread = threading.Thread(target=make, name="export tokenizer")
            cls._made = made
            cls._thread.start()

    @classmethod
    def wait(cls) -> None:
        """Wait for the pipeline being made, if one is. Code that imports spaCy's modules must call this first:
        one thread importing spaCy's compiled modules while another imports the package fails (a KeyError
        from inside the import)."""
        with cls._lock:
            thread = cls._thread
        if thread is not None:
            thread.join()

    @classmethod
    def take(cls):
        """The prepared pipeline (waiting for it), or, with none prepared, one made now."""
        with cls._lock:
            thread, made, cls._thread, cls._made = cls._thread, cls._made, None, []
        if thread is None:
            return _blank_tokenizer()
        thread.join()
        ok, value = made[0]
        if not ok:
            raise value
        return value


def prepare_tokenizer() -> None:
    """Start making the training exports' tokenizer on a thread (spaCy's import and blank English pipeline:
    0.6 s of CPU), for the command line to call before it opens the project: opening checks the whole file
    (SQLite's quick_check) and counts the claims, work that lets go of the GIL and runs meanwhile. The next
    ``export_jsonl`` or ``export_spacy`` takes the pipeline; its tokens are those of one made there."""
    _Prepared.start()


class _Tokens:
    """A Doc's tokens as plain lists (their start and end offsets, whether a space follows), for the
    token indices of spans and the tokens' JSON: reading them per span or per token from the Doc was
    most of an export's time after tokenizing."""

    def __init__(self, doc, text: str, digits: _Digits):
        from spacy.attrs import IDX, LENGTH, SPACY

        self.text = text
        self.digits = digits
        array = doc.to_array([IDX, LENGTH, SPACY])
        if len(array.shape) == 1:  # (an empty Doc)
            array = array.reshape((0, 3))
        array[:, 1] += array[:, 0]  # (the ends)
        self.starts, self.ends, self.spaces = array.T.tolist()
        self.skipped = 0
        self._json: str | None = None

    def range(self, start: int, end: int) -> tuple[int, int] | None:
        """The tokens ``doc.char_span(start, end, alignment_mode="expand")`` covers, as (first, after last),
        None where it gives None (or, for a span that ends before it starts, refuses it). A token's characters
        run from its start up to the next token's start (its trailing space included), so the token of a
        character is found by bisecting the starts. The span is empty (first == after last) where it covers
        only whitespace."""
        if not (0 <= start < len(self.text) and 0 < end <= len(self.text)):
            return None
        first = bisect.bisect_right(self.starts, start) - 1
        last = bisect.bisect_right(self.starts, end - 1) - 1
        if start == self.ends[first]:  # in the space after a token: not that token
            first += 1
        return (first, last + 1) if first <= last + 1 else None

    def span(self, part: tuple[int, int, str], label: str, extra: str = "") -> tuple[int, str, str] | None:
        """A span's JSON record and the token it ends on, None where it covers no token: (its last token,
        ``{"start", "end", "text", "label", "token_start", "token_end"}`` with ``extra`` (more fields,
        their JSON) after them, and its reference in a relation, ``{"start", "end", "token_start",
        "token_end", "label"}``)."""
        start, end, text = part
        tokens = self.range(start, end)
        if tokens is None or tokens[0] == tokens[1]:
            self.skipped += 1
            return None
        first, last = tokens[0], tokens[1] - 1
        label = _LABEL_JSON[label]
        return (last, f'{{"start": {start}, "end": {end}, "text": {_encode_str(text)}, "label": {label}, '
                      f'"token_start": {first}, "token_end": {last}{extra}}}',
                f'{{"start": {start}, "end": {end}, "token_start": {first}, "token_end": {last}, "label": {label}}}')

    def json(self) -> str:
        """The tokens as the JSON list ``json.dumps`` would write for
        ``[{"text", "start", "end", "id", "ws"} for each token]``, without its brackets, written
        directly from the Doc's arrays (building a dict per token and encoding it was most of an
        export's time), once per article however many tasks it has. The numbers come from a table of
        their decimal strings where the text is short enough (a third faster than formatting each).
        A token's text is written as it is, between quotes; then the few tokens holding a character
        JSON escapes (a quote, a backslash, a control character such as a newline) are written again,
        encoded (encoding every token's text was a quarter of the tokens' time)."""
        if self._json is None:
            self._json = self._records()
        return self._json

    def _records(self) -> str:
        text, starts, ends, ws = self.text, self.starts, self.ends, self.spaces
        digits = self.digits.upto(len(text))
        if digits is not None:
            records = [f'{{"text": "{text[start:end]}", "start": {digits[start]}, "end": {digits[end]}, '
                       f'"id": {i}, "ws": {_WS[space]}'
                       for i, start, end, space in zip(digits, starts, ends, ws)]
        else:
            records = [f'{{"text": "{text[start:end]}", "start": {start}, "end": {end}, "id": {i}, "ws": {_WS[space]}'
                       for i, start, end, space in zip(itertools.count(), starts, ends, ws)]
        for found in _ESCAPED.finditer(text):
            at = found.start()
            i = bisect.bisect_right(starts, at) - 1
            if i >= 0 and at < ends[i]:  # (not in the space after a token)
                start, end = starts[i], ends[i]
                records[i] = (f'{{"text": {_encode_str(text[start:end])}, "start": {start}, "end": {end}, "id": {i}, '
                              f'"ws": {_WS[ws[i]]}')
        return ", ".join(records)


class _Digits:
    """The decimal strings of 0, 1, 2, … up to the longest text met so far (at most ``MOST``): an
    export's token offsets and numbers are formatted by looking them up."""

    MOST = 1 << 15  # 32,768 strings, ~2 MB; a longer text's numbers are formatted one by one

    def __init__(self):
        self._table: list[str] = []

    def upto(self, n: int) -> list[str] | None:
        """The strings of 0 … n (at least), or None if n is past ``MOST``."""
        table = self._table
        if n >= len(table):
            if n >= self.MOST:
                return None
            table += map(str, range(len(table), n + 1))
        return table


_WS = ("false}", "true}")  # a token's "ws" and the end of its record
_encode_str = json.encoder.encode_basestring  # what json.dumps(..., ensure_ascii=False) uses for strings
_ESCAPED = re.compile(r'[\x00-\x1f"\\]')  # the characters it escapes (in C and in Python alike)
_LABEL_JSON = {label: _encode_str(label) for label in (CLAIM, SPEAKER, CUE, SPEAKER_OF, CUE_OF)}


def _js(value: str | None) -> str:
    """A text or None as json.dumps writes it."""
    return "null" if value is None else _encode_str(value)


def _write_task(fh, tok: _Tokens, article, claims: list, answer: str) -> None:
    """One task's line, the bytes ``json.dumps(task, ensure_ascii=False)`` writes for::

        {"text", "tokens": [{"text", "start", "end", "id", "ws"}, …], "spans": [{"start", "end", "text",
         "label", "token_start", "token_end", (a claim's content:) "claim_id", "fragment", "fragments",
         "kind", "speaker", "stance", "topic", "date"}, …] (by start, end, label), "relations": [{"head",
         "child", "label", "head_span", "child_span"}, …], "answer", "meta": {…}}

    written from plain values (building a dict per token and span and encoding them was most of an
    export's time), in pieces (joining them first copied each large line several times)."""
    spans, relations = _spans(tok, claims)
    meta = {"source": "quotedesk", "article_id": article.id, "title": article.title, "url": article.url,
            "publisher": article.publisher, "published": iso(article.published), "claim_ids": [c.id for c in claims]}
    fh.write(f'{{"text": {_encode_str(article.text)}, "tokens": [')
    fh.write(tok.json())
    fh.write(f'], "spans": [{spans}], "relations": [{relations}], "answer": {_encode_str(answer)}, '
             f'"meta": {json.dumps(meta, ensure_ascii=False)}}}\n')


def _spans(tok: _Tokens, claims: list) -> tuple[str, str]:
    """The JSON inside a task's lists of spans and of relations."""
    spans: dict[tuple, tuple[int, str, str]] = {}
    relations = []
    for c in claims:
        pieces = []
        fragments = _fragments(c)
        about = (f', "fragments": {len(fragments)}, "kind": {_js(c.kind)}, "speaker": {_js(c.speaker)}, '
                 f'"stance": {_js(c.stance)}, "topic": {_js(c.topic)}, "date": {_js(_date(c.date))}')
        for n, piece in enumerate(fragments):
            content = tok.span(piece, CLAIM, f', "claim_id": {c.id}, "fragment": {n}{about}')
            if content is not None:
                spans.setdefault((piece[0], piece[1], CLAIM), content)
                pieces.append(content)
        for part, label, rel in ((_part(c.mention_start, c.mention_end, c.mention_text), SPEAKER, SPEAKER_OF),
                                 (_part(c.cue_start, c.cue_end, c.cue_text), CUE, CUE_OF)):
            if part is None or not pieces:
                continue
            head = tok.span(part, label)
            if head is None:
                continue
            spans.setdefault((part[0], part[1], label), head)
            rel = _LABEL_JSON[rel]
            relations += [f'{{"head": {head[0]}, "child": {content[0]}, "label": {rel}, "head_span": {head[2]}, '
                          f'"child_span": {content[2]}}}' for content in pieces]
    return ", ".join([spans[key][1] for key in sorted(spans)]), ", ".join(relations)


def export_jsonl(project: Project, path, *, claim_filter: ClaimFilter | None = None, statuses=None,
                 article_id: int | None = None, negatives: bool = False, progress: Progress | None = None,
                 cancelled: Cancelled | None = None, processes: int = 1) -> ExportSummary:
    """Prodigy-style JSONL: one accepted task per article, plus one rejected task per rejected claim if asked.

    ``processes=2``: tokenize and write half of the articles in a second process where that can be done
    (exports/forked.py; the same bytes)."""
    started = time.perf_counter()
    scope, positive = _scope(claim_filter, statuses, article_id, negatives)
    scope.checked(project)
    ticker = Ticker(project.count_claims(scope.claim_filter), progress, cancelled, every=100)
    articles = skipped = 0
    try:
        with output(path, mode="wb") as raw, _Docs() as docs:
            work = _JsonlWork(docs, positive, negatives)
            with _helper(work.there, processes, ticker.total, docs) as helper, _WrittenBehind(raw) as fh:
                for text, claims, n, missed in in_order(_units(project, scope.claim_filter), work.here, helper,
                                                        may_go=_may_go, pack=_packed):
                    if isinstance(text, bytes):
                        fh.write_encoded(text)
                    else:
                        for piece in text:
                            fh.write(piece)
                    articles += n
                    skipped += missed
                    if ticker.step(claims):
                        raise Cancel
    except Cancel:
        return finish("jsonl", path, started, claims=ticker.done, articles=articles, cancelled=True)
    ticker.finish()
    return finish("jsonl", path, started, claims=ticker.done, articles=articles, warnings=_skipped(skipped))


HELPER_FROM = 2_000
"""Claims an export must hold before it starts a helper process (the fork and freeze take ~6 ms of CPU, the
child ~5 MB to start: not worth it for a few articles)."""
UNIT = 10  # articles a unit of work holds at most (~120 claims, ~350 KB of JSONL), or
UNIT_TEXT = 1 << 16  # characters of their texts at most
ALONE = 1 << 18  # an article longer than this is tokenized in the exporting process (its JSON is not copied)

# what a helper process is sent of an article
_Article = collections.namedtuple("_Article", ("id", "title", "url", "publisher", "published", "text"))
_Claim = collections.namedtuple("_Claim", _CLAIM_FIELDS)


def _helper(work, processes: int, claims: int, docs: _Docs):
    """A helper process doing ``work`` if asked for and worth it, else nothing (None); as a context. The
    tokenizer is loaded first: the helper is forked with it."""
    wanted = processes > 1 and claims >= HELPER_FROM and can_fork()
    if wanted:
        docs.ready()
    return helper_for(work, wanted)


def _units(project: Project, f: ClaimFilter) -> Iterator[list[tuple[object, list]]]:
    """The articles with claims in the filter and their claims (``_by_article``), in units of work."""
    unit: list[tuple[object, list]] = []
    size = 0
    for article, claims in _by_article(project, f):
        unit.append((article, claims))
        size += len(article.text)
        if len(unit) >= UNIT or size >= UNIT_TEXT:
            yield unit
            unit, size = [], 0
    if unit:
        yield unit


def _may_go(unit) -> bool:
    """Whether a unit may go to a helper process (its result is copied from there: not a huge one)."""
    return all(len(article.text) <= ALONE for article, _ in unit)


def _packed(unit) -> list[tuple[tuple, list[tuple]]]:
    """A unit as a helper is sent it: plain tuples (the claim rows' type is made at run time)."""
    return [((a.id, a.title, a.url, a.publisher, a.published, a.text), [tuple(c) for c in claims])
            for a, claims in unit]


def _unpacked(unit) -> list[tuple[_Article, list]]:
    make = _Claim._make
    return [(_Article._make(a), [make(c) for c in claims]) for a, claims in unit]


class _JsonlWork:
    """The JSONL lines of units of articles, with how many claims, articles and spans left out they
    hold: ``here`` as text pieces in this process, ``there`` encoded in a helper (from ``_packed``)."""

    def __init__(self, docs: _Docs, positive: tuple[str, ...], negatives: bool):
        self.docs, self.positive, self.negatives = docs, positive, negatives
        self.digits = _Digits()

    def here(self, unit) -> tuple[list[str], int, int, int]:
        pieces: list[str] = []
        fh = _Pieces(pieces)
        claims = skipped = 0
        for article, rows in unit:
            tok = _Tokens(self.docs.make(article.text), article.text, self.digits)
            accepted = [c for c in rows if c.status in self.positive]
            if accepted:
                _write_task(fh, tok, article, accepted, "accept")
            if self.negatives and "rejected" not in self.positive:
                for c in rows:
                    if c.status == "rejected":
                        _write_task(fh, tok, article, [c], "reject")
            claims += len(rows)
            skipped += tok.skipped
        return pieces, claims, len(unit), skipped

    def there(self, unit) -> tuple[bytes, int, int, int]:
        pieces, claims, articles, skipped = self.here(_unpacked(unit))
        return _encoded("".join(pieces)), claims, articles, skipped


class _Pieces:
    """A text file's ``write`` that keeps the pieces in a list."""

    def __init__(self, pieces: list[str]):
        self.write = pieces.append


def _encoded(text: str) -> bytes:
    """Text as the JSONL file holds it: UTF-8, its lines ended as text files end them here (the only raw
    newlines are the lines' ends: JSON escapes the others)."""
    if os.linesep != "\n":
        text = text.replace("\n", os.linesep)
    return text.encode("utf-8")


class _WrittenBehind:
    """A text file (UTF-8, lines ended as text files end them here) whose bytes a second thread writes
    while this one goes on: writing the JSONL's 350 MB (the system calls, which let go of the GIL) was
    a tenth of the export's time. The text is encoded here, ``CHUNK`` characters at a time, and at most
    ``DEPTH`` encoded chunks wait. A write that fails (a full disk) raises its OSError at the next
    hand-over or at the end; leaving the block with an exception (a cancel) writes nothing more and
    waits for the thread."""

    CHUNK = 1 << 18  # 1 M and 4 M were tried (100,000+ claims): 1 M cost more CPU (page faults), 4 M ~20 MiB more peak
    DEPTH = 2

    def __init__(self, raw):
        self._raw = raw
        self._pieces: list[str] = []
        self._size = 0
        self._queue: queue.Queue = queue.Queue(maxsize=self.DEPTH)
        self._failed: OSError | None = None
        self._thread = threading.Thread(target=self._run, name="export writer", daemon=True)
        self._thread.start()

    def write(self, text: str) -> None:
        self._pieces.append(text)
        self._size += len(text)
        if self._size >= self.CHUNK:
            self._hand()

    def _hand(self) -> None:
        if self._failed is not None:
            raise self._failed
        text = "".join(self._pieces)
        self._pieces.clear()
        self._size = 0
        self._queue.put(_encoded(text))

    def write_encoded(self, data: bytes) -> None:
        """Bytes already encoded as ``write`` encodes text (``_encoded``), written after the text before them."""
        if self._pieces:
            self._hand()
        elif self._failed is not None:
            raise self._failed
        self._queue.put(data)

    def _run(self) -> None:
        while (data := self._queue.get()) is not None:
            if self._failed is None:
                try:
                    self._raw.write(data)
                except OSError as exc:
                    self._failed = exc

    def __enter__(self) -> _WrittenBehind:
        return self

    def __exit__(self, kind, *exc) -> None:
        try:
            if kind is None and self._pieces:
                self._hand()
        finally:
            self._queue.put(None)
            self._thread.join()
        if kind is None and self._failed is not None:
            raise self._failed


def _skipped(n: int) -> list[str]:
    return [f"{n} span(s) covered no token and were left out."] if n else []


def export_spacy(project: Project, path, *, claim_filter: ClaimFilter | None = None, statuses=None,
                 article_id: int | None = None, negatives: bool = False, progress: Progress | None = None,
                 cancelled: Cancelled | None = None, processes: int = 1) -> ExportSummary:
    """A spaCy DocBin: per article a Doc with spans "claims", "speakers", "cues" (and "rejected").

    ``processes=2``: tokenize and pack half of the articles in a second process where that can be done
    (exports/forked.py; the same bytes)."""
    _Prepared.wait()  # (docbin_file imports spaCy)
    _import_spacy()
    from .docbin_file import msgpack_hooks_looked_up_once

    with msgpack_hooks_looked_up_once():
        return _export_spacy(project, path, claim_filter=claim_filter, statuses=statuses, article_id=article_id,
                             negatives=negatives, progress=progress, cancelled=cancelled, processes=processes)


def _export_spacy(project: Project, path, *, claim_filter, statuses, article_id, negatives, progress,
                  cancelled, processes) -> ExportSummary:
    from .docbin_file import DocBinFile

    started = time.perf_counter()
    scope, positive = _scope(claim_filter, statuses, article_id, negatives)
    scope.checked(project)
    ticker = Ticker(project.count_claims(scope.claim_filter), progress, cancelled, every=100)
    target = check_target(path)
    try:  # the Docs wait in temporary files beside the target (they may be large: not in /tmp)
        docbin = DocBinFile(target.parent, attrs=["ORTH", "SPACY"], store_user_data=True, tokenized_only=True)
    except OSError as exc:
        raise write_error(target, exc) from exc
    articles = skipped = 0
    try:
        with _Docs() as docs:
            work = _DocBinWork(docs, docbin, positive, negatives)
            with _helper(work.there, processes, ticker.total, docs) as helper:
                for packed, claims, n, missed, foreign in in_order(_units(project, scope.claim_filter), work.here,
                                                                   helper, may_go=_may_go, pack=_packed):
                    for doc in packed:
                        docbin.append(doc, foreign=foreign)
                    articles += n
                    skipped += missed
                    if ticker.step(claims):
                        raise Cancel
        with replaced(path) as part:
            docbin.write(part)
    except Cancel:
        return finish("spacy", path, started, claims=ticker.done, articles=articles, cancelled=True)
    except OSError as exc:  # writing the temporary files (a full disk)
        raise write_error(target, exc) from exc
    finally:
        docbin.close()
    ticker.finish()
    return finish("spacy", path, started, claims=ticker.done, articles=articles, warnings=_skipped(skipped))


class _DocBinWork:
    """Units of articles as packed Docs (``DocBinFile.pack``), with how many claims, articles and spans
    left out they hold, and whether they were packed in another process: ``here`` with the DocBin's own
    record of the strings met, ``there`` in a helper with its own (from ``_packed``)."""

    def __init__(self, docs: _Docs, docbin, positive: tuple[str, ...], negatives: bool):
        from .docbin_file import Seen

        self.docs, self.docbin, self.positive, self.negatives = docs, docbin, positive, negatives
        self._theirs = Seen(docbin.MERGE)  # (used in the helper only)

    def _pack(self, unit, seen) -> tuple[list, int, int]:
        packed, claims, skipped = [], 0, 0
        for article, rows in unit:
            doc = self.docs.make(article.text)
            missed, ids = _dress(doc, article, rows, self.positive, self.negatives)
            packed.append(self.docbin.pack(doc, ids, seen))
            claims += len(rows)
            skipped += missed
        return packed, claims, skipped

    def here(self, unit) -> tuple[list, int, int, int, bool]:
        packed, claims, skipped = self._pack(unit, self.docbin.seen)
        return packed, claims, len(unit), skipped, False

    def there(self, unit) -> tuple[list, int, int, int, bool]:
        packed, claims, skipped = self._pack(_unpacked(unit), self._theirs)
        return packed, claims, len(unit), skipped, True


def _dress(doc, article, claims: list, positive: tuple[str, ...], negatives: bool) -> tuple[int, dict[int, str]]:
    """Put an article's claims on its Doc as span groups and user data; returns how many spans covered
    no token, and the texts of the claim spans' ids (by their hashes), for the DocBin.

    A claim span's id is given to spaCy as the hash of its text, and the text to the DocBin beside the
    Doc: given as text, each id was kept in the vocabulary's string store, whose hash table keeps a cell
    for every string it ever held (120,000 claims: +5 MB of the export's peak)."""
    from spacy.strings import get_string_id

    skipped = 0
    groups: dict[str, list] = {"claims": [], "speakers": [], "cues": [], "rejected": []}
    seen: set[tuple] = set()
    meta = []
    ids: dict[int, str] = {}  # a claim span's id (the claim's id as text) by its hash
    for c in claims:
        key = "claims" if c.status in positive else "rejected"
        fragments = _fragments(c)
        span_id = get_string_id(text_id := str(c.id))
        ids[span_id] = text_id
        pieces = [doc.char_span(start, end, label=CLAIM, alignment_mode="expand", span_id=span_id)
                  for start, end, _ in fragments]
        skipped += sum(p is None for p in pieces)
        pieces = [p for p in pieces if p is not None]
        if not pieces:
            continue
        groups[key] += pieces
        meta.append({"id": c.id, "status": c.status, "start": c.start, "end": c.end,
                     "fragments": [[start, end] for start, end, _ in fragments],
                     "kind": c.kind, "speaker": c.speaker, "role": c.role, "stance": c.stance,
                     "topic": c.topic, "date": _date(c.date)})
        if key == "rejected":
            continue
        for part, label, name in ((_part(c.mention_start, c.mention_end, c.mention_text), SPEAKER, "speakers"),
                                  (_part(c.cue_start, c.cue_end, c.cue_text), CUE, "cues")):
            if part is None or (part[0], part[1], label) in seen:
                continue
            seen.add((part[0], part[1], label))
            span = doc.char_span(part[0], part[1], label=label, alignment_mode="expand",
                                 kb_id=(c.speaker or "") if label == SPEAKER else "")
            if span is None:
                skipped += 1
            else:
                groups[name].append(span)
    for name, spans in groups.items():
        if name != "rejected" or negatives:
            doc.spans[name] = spans
    doc.user_data["quotedesk"] = {"article_id": article.id, "title": article.title, "url": article.url,
                                  "published": iso(article.published), "claims": meta}
    return skipped, ids
