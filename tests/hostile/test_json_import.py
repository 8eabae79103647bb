"""``quotedesk import-json`` on hand-edited, damaged and hostile files: refused with the place named,
nothing stored; and the things it must not trust (content_hash, float offsets) handled."""

from __future__ import annotations

import copy
import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from exports.jsondoc import MAX_DEPTH
from tests.hostile.conftest import dump as dump_of


def _set(path: str, value):
    """A mutation: set the field at a dotted path (numbers index lists); ``DEL`` removes it."""
    def mutate(doc):
        *parents, last = path.split(".")
        target = doc
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        key = int(last) if last.isdigit() else last
        if value is DEL:
            del target[key]
        else:
            target[key] = value
    return mutate


DEL = object()
SURROGATE = "bad \ud800 text"
C = "articles.0.claims.0"  # the first claim of the first article

MUTATIONS = {
    # the document
    "articles is an object": _set("articles", {"a": 1}),
    "articles is text": _set("articles", "many"),
    "articles is a number": _set("articles", 3),
    "an article is a number": _set("articles.0", 7),
    "an article is text": _set("articles.0", "text"),
    "an article is a list": _set("articles.0", []),
    "an article is null": _set("articles.0", None),
    # article fields
    "text missing": _set("articles.0.text", DEL),
    "text null": _set("articles.0.text", None),
    "text a number": _set("articles.0.text", 12345),
    "text an object": _set("articles.0.text", {"a": "b"}),
    "text a list": _set("articles.0.text", ["a", "b"]),
    "text empty": _set("articles.0.text", ""),
    "text blank": _set("articles.0.text", "  \n "),
    "text lone surrogate": _set("articles.0.text", SURROGATE),
    "id text": _set("articles.0.id", "x"),
    "id 2^63": _set("articles.0.id", 2**63),
    "id 2^31 (over PostgreSQL's integer)": _set("articles.0.id", 2**31),
    "id 2^64": _set("articles.0.id", 2**64),
    "id huge": _set("articles.0.id", 10**40),
    "id negative": _set("articles.0.id", -1),
    "id zero": _set("articles.0.id", 0),
    "id float": _set("articles.0.id", 1.5),
    "id true": _set("articles.0.id", True),
    "id 1e300": _set("articles.0.id", 1e300),
    "title an object": _set("articles.0.title", {"x": 1}),
    "title a list": _set("articles.0.title", ["x"]),
    "title a number": _set("articles.0.title", 5),
    "title true": _set("articles.0.title", True),
    "title lone surrogate": _set("articles.0.title", SURROGATE),
    "url an object": _set("articles.0.url", {}),
    "publisher a list": _set("articles.0.publisher", []),
    "author a number": _set("articles.0.author", 3),
    "language an object": _set("articles.0.language", {}),
    "source a number": _set("articles.0.source", 1),
    "raw_text a number": _set("articles.0.raw_text", 1),
    "raw_text lone surrogate": _set("articles.0.raw_text", SURROGATE),
    "published a number": _set("articles.0.published", 20240101),
    "published impossible": _set("articles.0.published", "2024-13-45"),
    "published negative": _set("articles.0.published", "-0044-03-15"),
    "published an object": _set("articles.0.published", {}),
    "imported_at words": _set("articles.0.imported_at", "yesterday"),
    "imported_at a number": _set("articles.0.imported_at", 5),
    "suggested_at a list": _set("articles.0.suggested_at", []),
    "claims an object": _set("articles.0.claims", {"0": {}}),
    "claims text": _set("articles.0.claims", "none"),
    "claims a number": _set("articles.0.claims", 5),
    "a claim a number": _set(C, 5),
    "a claim text": _set(C, "claim"),
    "a claim a list": _set(C, []),
    # claim spans
    "content missing": _set(f"{C}.content", DEL),
    "content null": _set(f"{C}.content", None),
    "content a list": _set(f"{C}.content", [0, 5]),
    "content text": _set(f"{C}.content", "0-5"),
    "content without end": _set(f"{C}.content", {"start": 0}),
    "content float offset": _set(f"{C}.content.start", 1.7),
    "content integral float offset": _set(f"{C}.content.end", 40.0),
    "content offset text": _set(f"{C}.content.start", "3"),
    "content offset true": _set(f"{C}.content.start", True),
    "content offset 2^63": _set(f"{C}.content.end", 2**63),
    "content offset 2^64": _set(f"{C}.content.end", 2**64),
    "content offset negative": _set(f"{C}.content.start", -1),
    "content end beyond text": _set(f"{C}.content.end", 10**6),
    "content empty span": _set(f"{C}.content.end", 3),
    "content text differs": _set(f"{C}.content.text", "something else"),
    "content text an object": _set(f"{C}.content.text", {}),
    "content text lone surrogate": _set(f"{C}.content.text", SURROGATE),
    "fragments an object": _set(f"{C}.content.fragments", {"a": 1}),
    "fragments empty": _set(f"{C}.content.fragments", []),
    "a fragment null": _set(f"{C}.content.fragments", [None]),
    "a fragment float": _set(f"{C}.content.fragments", [{"start": 0.5, "end": 3}]),
    "fragments outside the content": _set(f"{C}.content.fragments", [{"start": 0, "end": 2}]),
    "cue a list": _set(f"{C}.cue", [1, 2]),
    "cue float offset": _set(f"{C}.cue", {"start": 0.5, "end": 2}),
    "cue beyond text": _set(f"{C}.cue", {"start": 0, "end": 10**7}),
    # claim fields
    "claim id text": _set(f"{C}.id", "seven"),
    "claim id 2^63": _set(f"{C}.id", 2**63),
    "claim id float": _set(f"{C}.id", 3.7),
    "claim id negative": _set(f"{C}.id", -4),
    "speaker a list": _set(f"{C}.speaker", ["Crosetto"]),
    "speaker text": _set(f"{C}.speaker", "Crosetto"),
    "speaker name an object": _set(f"{C}.speaker.name", {"first": "Guido"}),
    "speaker name a number": _set(f"{C}.speaker.name", 42),
    "speaker name lone surrogate": _set(f"{C}.speaker.name", SURROGATE),
    "speaker id text": _set(f"{C}.speaker.id", "x"),
    "speaker id 2^63": _set(f"{C}.speaker.id", 2**63),
    "speaker mention outside": _set(f"{C}.speaker.mention", {"start": 5, "end": 10**5}),
    "role an object": _set(f"{C}.role", {"title": "minister"}),
    "role a number": _set(f"{C}.role", 1),
    "note an object": _set(f"{C}.note", {"x": 1}),
    "note a list": _set(f"{C}.note", ["a"]),
    "note lone surrogate": _set(f"{C}.note", SURROGATE),
    "topic a number": _set(f"{C}.topic", 5),
    "topic a list": _set(f"{C}.topic", ["a"]),
    "date impossible": _set(f"{C}.date", "2024-02-30"),
    "date a number": _set(f"{C}.date", 2024),
    "date_text a list": _set(f"{C}.date_text", ["today"]),
    "stance unknown": _set(f"{C}.stance", "maybe"),
    "stance a number": _set(f"{C}.stance", 1),
    "status unknown": _set(f"{C}.status", "x"),
    "status a list": _set(f"{C}.status", ["confirmed"]),
    "kind unknown": _set(f"{C}.kind", "shouted"),
    "kind a number": _set(f"{C}.kind", 5),
    "verdict a list": _set(f"{C}.verdict", ["False"]),
    "verdict text": _set(f"{C}.verdict", "False"),
    "verdict rating an object": _set(f"{C}.verdict", {"rating": {"x": 1}}),
    "verdict url a number": _set(f"{C}.verdict", {"rating": "False", "url": 5}),
    "verdict date words": _set(f"{C}.verdict", {"rating": "False", "date": "soon"}),
    "confidence text": _set(f"{C}.confidence", "high"),
    "confidence NaN": _set(f"{C}.confidence", float("nan")),
    "confidence infinite": _set(f"{C}.confidence", float("inf")),
    "version 2^63": _set(f"{C}.version", 2**63),
    "version text": _set(f"{C}.version", "2"),
    "version zero": _set(f"{C}.version", 0),
    "version float": _set(f"{C}.version", 1.5),
    "created_at words": _set(f"{C}.created_at", "long ago"),
    "updated_at a number": _set(f"{C}.updated_at", 0),
    "annotator a number": _set(f"{C}.annotator", 5),
    "model_name a list": _set(f"{C}.model_name", []),
    "origin an object": _set(f"{C}.origin", {}),
    # speakers and topics
    "speakers an object": _set("speakers", {}),
    "speakers text": _set("speakers", "x"),
    "a speaker a number": _set("speakers.0", 3),
    "a speaker without name": _set("speakers.0.name", DEL),
    "a speaker name an object": _set("speakers.0.name", {}),
    "a speaker name lone surrogate": _set("speakers.0.name", SURROGATE),
    "speaker aliases text": _set("speakers.0.aliases", "Guido"),
    "speaker aliases numbers": _set("speakers.0.aliases", [1, 2]),
    "speaker roles an object": _set("speakers.0.roles", {}),
    "speaker role text": _set("speakers.0.roles", ["minister"]),
    "speaker role name an object": _set("speakers.0.roles", [{"role": {}}]),
    "speaker role start words": _set("speakers.0.roles", [{"role": "Minister", "start": "then"}]),
    "speaker id 2^64": _set("speakers.0.id", 2**64),
    "speaker id 2^40": _set("speakers.0.id", 2**40),
    "topic id 2^42": _set("topics.0.id", 2**42),
    "claim version 2^50": _set(f"{C}.version", 2**50),
    "speaker affiliation a list": _set("speakers.0.affiliation", ["x"]),
    "topics an object": _set("topics", {}),
    "a topic text": _set("topics.0", "peace"),
    "a topic without name": _set("topics.0.name", None),
    "topic keywords text": _set("topics.0.keywords", "troops"),
    "topic examples objects": _set("topics.0.examples", [{}]),
    "topic id text": _set("topics.0.id", "x"),
    "format wrong": _set("format", "quotedesk.v9"),
    "format a number": _set("format", 1),
}


@pytest.mark.parametrize("mutation", list(MUTATIONS.values()), ids=list(MUTATIONS))
def test_a_damaged_document_is_refused_and_changes_nothing(cli, doc, tmp_path, mutation):
    bad = copy.deepcopy(doc)
    mutation(bad)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad, ensure_ascii=True), encoding="utf-8")
    run = cli.refuses("import-json", path)
    assert "Nothing was imported" in run.err or "not a Quotedesk JSON export" in run.err


RAW_FILES = {
    "empty": b"",
    "whitespace": b"  \n\t ",
    "byte order mark only": b"\xef\xbb\xbf",
    "not json": b"not json",
    "truncated": b'{"format": "quotedesk.v1", "articles": [{"text": "abc',
    "trailing garbage": b'{"format": "quotedesk.v1", "articles": []} {}',
    "a list": b"[1, 2, 3]",
    "a string": b'"quotedesk.v1"',
    "a number": b"12345",
    "true": b"true",
    "null": b"null",
    "NaN": b"NaN",
    "no format": b'{"articles": []}',
    "latin-1": '{"format": "quotedesk.v1", "articles": [{"text": "caf\u00e9"}]}'.encode("latin-1"),
    "utf-16": '{"format": "quotedesk.v1"}'.encode("utf-16"),
    "binary": bytes(range(256)) * 4,
    "png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
    "zip": b"PK\x03\x04" + b"\x00" * 100,
    "deep arrays": b"[" * 100_000 + b"]" * 100_000,
    "deep objects": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "deep but unbalanced": b"[" * 1_000_000,
    "deep inside a note": json.dumps({"format": "quotedesk.v1", "articles": [
        {"text": "Some text here.", "claims": [], "note": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
            [[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}]}).encode(),
    "lone surrogate escape": b'{"format": "quotedesk.v1", "articles": [{"text": "a \\udc80 b", "claims": []}]}',
    "control characters in format": b'{"format": "\\u001b[31mred\\u001b[0m"}',
}


@pytest.mark.parametrize("content", list(RAW_FILES.values()), ids=list(RAW_FILES))
def test_a_file_that_is_not_an_export_is_refused(cli, tmp_path, content):
    path = tmp_path / "raw.json"
    path.write_bytes(content)
    cli.refuses("import-json", path)


def test_the_depth_limit_is_stated(cli, tmp_path):
    path = tmp_path / "deep.json"
    path.write_bytes(b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1))
    cli.refuses("import-json", path, says=f"the limit is {MAX_DEPTH}")


@pytest.mark.parametrize("kind", ["folder", "missing", "fifo", "device"])
def test_a_path_that_is_not_a_readable_file_is_refused(cli, tmp_path, kind):
    path = tmp_path / "x.json"
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path = "/dev/zero"
    cli.refuses("import-json", path)


def test_a_bogus_content_hash_is_recomputed_so_duplicates_are_still_found(cli, doc, tmp_path, project_path):
    from db import Project

    fresh = tmp_path / "fresh.quotedesk"
    bad = copy.deepcopy(doc)
    for article in bad["articles"]:
        article["content_hash"] = "0" * 64
    path = tmp_path / "hash.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    assert cli("import-json", path, db=fresh).code == 0
    with Project.open(fresh) as project:
        article = project.article(1)
        from kernel import content_hash
        assert article.content_hash == content_hash(article.text)
    text = tmp_path / "same.txt"
    text.write_text(bad["articles"][0]["text"], encoding="utf-8")
    run = cli("import", text, db=fresh)
    assert "Duplicates: 1" in run.out


def test_an_export_still_loads(cli, doc, tmp_path):
    path = tmp_path / "good.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    run = cli("import-json", path, db=tmp_path / "fresh.quotedesk")
    assert run.code == 0 and "Added 2 article(s)" in run.out


# ---------------------------------------------------------------- streaming: errors far into a large file
def _many(doc: dict, n: int) -> dict:
    """The template document with ``n`` articles: copies of its first article, each a different text
    (claims' offsets stay valid: the difference is appended)."""
    big = copy.deepcopy(doc)
    first = doc["articles"][0]
    big["articles"] = []
    for i in range(n):
        article = copy.deepcopy(first)
        article["id"] = 1000 + i
        article["text"] = first["text"] + f" Copy {i}."
        article["raw_text"] = None
        for claim in article["claims"]:
            claim["id"] = 100_000 + i * 10 + article["claims"].index(claim)
        big["articles"].append(article)
    return big


@pytest.fixture
def big(doc) -> dict:
    """A document of 1,500 articles (several MB, many reads of the streaming parser)."""
    return _many(doc, 1500)


def _write(path, doc: dict) -> bytes:
    raw = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    path.write_bytes(raw)
    return raw


def test_a_bad_claim_near_the_end_of_a_large_file_changes_nothing(cli, big, tmp_path):
    """The articles before it were already being stored when the bad one was read: all are rolled back."""
    from exports.json_stream import CHUNK

    big["articles"][1400]["claims"][0]["status"] = ["confirmed"]
    path = tmp_path / "late.json"
    assert len(_write(path, big)) > 20 * CHUNK
    cli.refuses("import-json", path, says=r"article 2400\b.*Nothing was imported")


def test_a_large_file_cut_short_changes_nothing(cli, big, tmp_path):
    raw = json.dumps(big).encode("utf-8")
    path = tmp_path / "cut.json"
    path.write_bytes(raw[: len(raw) * 9 // 10])
    cli.refuses("import-json", path, says="premature EOF.*Nothing was imported")


def test_deep_nesting_far_into_a_large_file_is_refused_before_it_is_parsed(cli, big, tmp_path):
    big["articles"][1200]["note"] = "DEEP"
    raw = json.dumps(big).encode("utf-8").replace(b'"DEEP"', b"[" * 200_000 + b"]" * 200_000)
    path = tmp_path / "deep.json"
    path.write_bytes(raw)
    cli.refuses("import-json", path, says=f"the limit is {MAX_DEPTH}.*Nothing was imported")


def test_brackets_and_escapes_inside_texts_are_not_nesting(cli, doc, tmp_path):
    """Depth is counted outside strings only: a text full of brackets, quotes and backslashes loads."""
    odd = copy.deepcopy(doc)
    odd["articles"][0]["note"] = "[" * 500 + '\\"{' * 300 + "\\" * 7 + '"' + "{" * 100
    odd["articles"] = odd["articles"][:1]
    path = tmp_path / "odd.json"
    _write(path, odd)
    assert cli("import-json", path, db=tmp_path / "fresh.quotedesk").code == 0


def _deepest(raw: bytes) -> int:
    """The deepest nesting of valid JSON, read a byte at a time (what the guard computes chunk by chunk)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        elif byte in b"]}":
            depth -= 1
    return deepest


_TRICKY = st.lists(st.sampled_from(['"', "\\", "[", "]", "{", "}", "u", "n", "/", "b", "é", "\n", "\t", "\x01", "ő",
                                     "ud800", "a"]), max_size=12).map("".join)
_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | _TRICKY,
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TRICKY, inner, max_size=4),
                     max_leaves=30)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(value=_JSON, around=st.integers(0, MAX_DEPTH + 2), ascii_only=st.booleans(),
       chunk=st.sampled_from([1, 2, 3, 5, 7, 16, 64, 4096]))
def test_nesting_is_counted_outside_strings_wherever_the_reads_end(value, around, ascii_only, chunk):
    """The guard reads the structure from reduced chunks; for any valid JSON, cut anywhere, it must
    find the nesting a byte-at-a-time reading finds: refused exactly when deeper than the limit."""
    import io
    from pathlib import Path

    from exports import json_stream

    raw = b"[" * around + json.dumps(value, ensure_ascii=ascii_only).encode("utf-8") + b"]" * around
    guard = json_stream._Guard(io.BytesIO(raw), Path("t.json"), len(raw), None)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(json_stream, "CHUNK", chunk)
            while guard.read():
                pass
    except json_stream.Refused as exc:
        assert "levels deep" in str(exc) and _deepest(raw) > MAX_DEPTH
    else:
        assert _deepest(raw) <= MAX_DEPTH and guard.depth == 0 and not guard.in_string


def _laid_out(template) -> bytes:
    """An export as Quotedesk lays it out (one article a line), of a few more articles than the template's."""
    raw = template.with_name("template.json").read_bytes()
    lines = raw.split(b"\n")
    first = lines.index(b'"articles": [') + 1
    last = lines.index(b"],", first)
    articles = [line.rstrip(b",") for line in lines[first:last]] * 3
    return b"\n".join([*lines[:first], b",\n".join(articles), *lines[last:]])


def _outcome(articles) -> tuple:
    try:
        return ("read", list(articles))
    except Exception as exc:  # noqa: BLE001 - whatever it is, both ways must agree on it
        return ("refused", type(exc).__name__, str(exc))


def test_an_export_is_read_a_line_at_a_time_as_the_parser_reads_it(template, tmp_path):
    from exports.json_stream import JsonStream

    path = tmp_path / "laid-out.json"
    for raw in (_laid_out(template), _laid_out(template).replace(b"\n", b"\r\n")):
        path.write_bytes(raw)
        stream = JsonStream(path)
        by_lines = list(stream._lines())  # _NotLaidOut here would mean every file goes to the parser
        assert len(by_lines) > 3 and by_lines == list(stream._parsed())


def _in_lines(edit):
    """An edit of the laid-out file's lines (a list, changed in place): ``first``/``last`` index the articles."""
    def apply(raw: bytes) -> bytes:
        lines = raw.split(b"\n")
        first = lines.index(b'"articles": [') + 1
        edit(lines, first, lines.index(b"],", first) - 1)
        return b"\n".join(lines)
    return apply


LAID_OUT_EDITS = {
    "trailing comma": _in_lines(lambda ls, first, last: ls.__setitem__(last, ls[last] + b",")),
    "missing comma": _in_lines(lambda ls, first, last: ls.__setitem__(first, ls[first].rstrip(b","))),
    "two articles on a line": _in_lines(lambda ls, first, last: ls.__setitem__(first, ls[first] + b" " + ls[first])),
    "a list nested in another object": _in_lines(lambda ls, first, last: (
        ls.insert(first - 1, b'"other": {'), ls.__setitem__(last + 2, b"]},\n\"articles\": [],"))),
    "an articles list before": _in_lines(lambda ls, first, last: ls.insert(first - 1, b'"articles": [' + ls[first] + b"],")),
    "an articles list after": _in_lines(lambda ls, first, last: ls.__setitem__(last + 1, b'],\n"articles": [' + ls[first] + b"],")),
    "no articles": _in_lines(lambda ls, first, last: ls.__delitem__(slice(first, last + 1))),
    "the list never closed": _in_lines(lambda ls, first, last: ls.__delitem__(slice(last + 1, None))),
    "a broken tail": _in_lines(lambda ls, first, last: ls.__setitem__(last + 2, b'"stance_changes": [}')),
    "NaN in an article": _in_lines(lambda ls, first, last: ls.__setitem__(first, ls[first].replace(b'"done": false', b'"done": NaN'))),
    "a lone surrogate in an article": _in_lines(lambda ls, first, last: ls.__setitem__(first, ls[first].replace(b'"done": false', b'"done": "\\udc00"'))),
    "an article that is a list": _in_lines(lambda ls, first, last: ls.__setitem__(first, b"[" + ls[first].rstrip(b",") + b"],")),
    "an article line indented": _in_lines(lambda ls, first, last: ls.__setitem__(first, b"  " + ls[first])),
    # numbers the json module takes and yajl does not
    "an integer past 64 bits": _in_lines(lambda ls, first, last: ls.__setitem__(first, ls[first].replace(b'"done": false', b'"done": false, "n": 9223372036854775808'))),
    "the most negative 64-bit integer": _in_lines(lambda ls, first, last: ls.__setitem__(first, ls[first].replace(b'"done": false', b'"done": false, "n": -9223372036854775808'))),
    "a number past the float range": _in_lines(lambda ls, first, last: ls.__setitem__(first, ls[first].replace(b'"done": false', b'"done": false, "n": 2e308'))),
    "a number under the float range": _in_lines(lambda ls, first, last: ls.__setitem__(first, ls[first].replace(b'"done": false', b'"done": false, "n": -1e-400'))),
    "long digits in a text": _in_lines(lambda ls, first, last: ls.__setitem__(first, ls[first].replace(b'"done": false', b'"done": false, "n": "12345678901234567890"'))),
    "whitespace yajl takes": _in_lines(lambda ls, first, last: ls.__setitem__(first, ls[first].replace(b'"done": false', b'"done":\x0cfalse'))),
}


@pytest.mark.parametrize("edit", list(LAID_OUT_EDITS.values()), ids=list(LAID_OUT_EDITS))
def test_a_laid_out_file_edited_gives_what_the_parser_gives(template, tmp_path, edit):
    from exports.json_stream import JsonStream

    path = tmp_path / "edited.json"
    path.write_bytes(edit(_laid_out(template)))
    stream = JsonStream(path)
    assert _outcome(stream.articles()) == _outcome(stream._parsed())


def test_a_bad_claim_in_the_last_line_of_a_laid_out_file_changes_nothing(cli, template, tmp_path):
    """Read a line at a time, the articles before it were already being stored: all are rolled back."""
    lines = _laid_out(template).split(b"\n")
    last = lines.index(b"],") - 1
    assert b'"status": "' in lines[last]
    lines[last] = re.sub(rb'"status": ("\w+")', rb'"status": [\1]', lines[last], count=1)
    path = tmp_path / "late.json"
    path.write_bytes(b"\n".join(lines))
    cli.refuses("import-json", path, says="status.*Nothing was imported")


_EDITS = st.sampled_from([b"", b" ", b"\n", b"\r\n", b",", b"]", b"[", b"}", b"{", b'"', b"\\", b"0", b"NaN",
                          b'"articles": [', b'"articles": []', b"\xff", b"\xed\xa0\x80", b'\\ud800', b"\x00"])


@settings(max_examples=300, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_lines_and_the_parser_give_the_same_articles_or_the_same_refusal(template, tmp_path, data):
    """Whatever is done to a file laid out one article a line, reading it a line at a time gives what
    the streaming parser gives: the same articles, or the same error with the same message."""
    from exports.json_stream import JsonStream

    raw = _laid_out(template)
    lines = raw.split(b"\n")
    for _ in range(data.draw(st.integers(1, 3))):
        how = data.draw(st.sampled_from(["bytes", "line", "swap", "crlf"]))
        if how == "bytes":
            at = data.draw(st.integers(0, len(raw)))
            cut = data.draw(st.integers(0, 3))
            raw = raw[:at] + data.draw(_EDITS) + raw[at + cut:]
        elif how == "line":
            lines = raw.split(b"\n")
            at = data.draw(st.integers(0, len(lines) - 1))
            lines[at:at + 1] = data.draw(st.sampled_from([[], [lines[at]] * 2, [lines[at] + b","], [lines[at][:-1]]]))
            raw = b"\n".join(lines)
        elif how == "swap":
            lines = raw.split(b"\n")
            a, b = data.draw(st.integers(0, len(lines) - 1)), data.draw(st.integers(0, len(lines) - 1))
            lines[a], lines[b] = lines[b], lines[a]
            raw = b"\n".join(lines)
        else:
            raw = raw.replace(b"\n", b"\r\n")
    path = tmp_path / "edited.json"
    path.write_bytes(raw)
    stream = JsonStream(path)
    assert _outcome(stream.articles()) == _outcome(stream._parsed())


def test_a_huge_string_is_refused_without_reading_it_whole(cli, tmp_path, monkeypatch):
    """The bytes since the string began are counted before the parser gets them (the limit is lowered
    here from 120 MB so the test writes 5 MB, not 130)."""
    from exports import json_stream

    monkeypatch.setattr(json_stream, "MAX_STRING_BYTES", 4 * 2**20)
    read = []
    real = json_stream._Guard.read
    monkeypatch.setattr(json_stream._Guard, "read", lambda self, n=-1: read.append(n) or real(self, n))
    path = tmp_path / "huge.json"
    with open(path, "wb") as fh:
        fh.write(b'{"format": "quotedesk.v1", "articles": [{"text": "')
        fh.write(b"\\u00e9" * 2**20)  # escapes count as the bytes they take
        fh.write(b'"}]}')
    cli.refuses("import-json", path, says="holds a string of more than 4 MB")
    assert len(read) * json_stream.CHUNK < 5 * 2**20  # refused before the end of the string was read


def test_a_text_over_the_limit_is_refused(cli, doc, tmp_path):
    from exports.json_stream import MAX_TEXT_CHARS

    long = copy.deepcopy(doc)
    long["articles"][0]["text"] += " x" * (MAX_TEXT_CHARS // 2 + 10)
    path = tmp_path / "long.json"
    _write(path, long)
    cli.refuses("import-json", path, says=f"the limit is {MAX_TEXT_CHARS:,}")


@pytest.mark.parametrize("escape", ["\\ud83d", "\\ude00", "\\ud83d\\ud83d\\ude00"])
def test_a_lone_surrogate_is_refused_wherever_the_parser_reads_cut_it(cli, big, tmp_path, escape):
    """yajl would read a lone surrogate escape as "?" without a word; the bytes are checked first,
    also where a pair is split between two reads."""
    from exports.json_stream import CHUNK

    big["articles"][1000]["note"] = "NOTE"
    raw = json.dumps(big).encode("utf-8")
    at = raw.index(b'"NOTE"')
    pad = CHUNK - (at + 1) % CHUNK - 3  # the escape starts 3 bytes before a read ends
    raw = raw.replace(b'"NOTE"', b'"' + b"n" * pad + escape.encode() + b'"')
    path = tmp_path / "lone.json"
    path.write_bytes(raw)
    cli.refuses("import-json", path, says="lone UTF-16 surrogate")


def test_a_surrogate_pair_split_between_reads_loads(cli, big, tmp_path):
    from db import Project
    from exports.json_stream import CHUNK

    big["articles"][1000]["note"] = "NOTE"
    raw = json.dumps(big).encode("utf-8")  # ensure_ascii: the emoji below is written as an escaped pair
    at = raw.index(b'"NOTE"')
    raw = raw.replace(b'"NOTE"', b'"' + b"n" * (CHUNK - (at + 1) % CHUNK - 3) + b'\\ud83d\\ude00"')
    path = tmp_path / "pair.json"
    path.write_bytes(raw)
    fresh = tmp_path / "fresh.quotedesk"
    assert cli("import-json", path, db=fresh).code == 0
    with Project.open(fresh) as project:
        assert project.info().articles == 1500


def test_a_cancelled_import_changes_nothing_and_progress_counts_bytes(cli, big, tmp_path):
    from db import Project
    from exports.jsondoc import import_json

    path = tmp_path / "big.json"
    size = len(_write(path, big))
    before = dump_of(cli.db)
    seen = []
    with Project.open(cli.db) as project:
        report = import_json(project, path, progress=lambda done, total: seen.append((done, total)),
                             cancelled=lambda: len(seen) > 5)
    assert report.cancelled and "cancelled; nothing was imported" in report.describe()
    assert dump_of(cli.db) == before
    assert seen and all(total == size for _, total in seen) and seen == sorted(seen)
    seen.clear()
    with Project.open(tmp_path / "fresh.quotedesk") as project:
        report = import_json(project, path, progress=lambda done, total: seen.append((done, total)))
        assert report.result.claims_added == 1500 * len(big["articles"][0]["claims"])
    assert seen[-1] == (size, size)


def test_speakers_and_topics_after_the_articles_are_found(cli, doc, tmp_path):
    """Files written before the speakers moved ahead of the articles (or by hand) load the same."""
    from db import Project

    late = {"articles": doc["articles"], "speakers": doc["speakers"], "topics": doc["topics"],
            "format": doc["format"]}
    path = tmp_path / "late.json"
    _write(path, late)
    fresh = tmp_path / "fresh.quotedesk"
    assert cli("import-json", path, db=fresh).code == 0
    with Project.open(fresh) as project:
        assert sorted(s.id for s in project.speakers()) == sorted(s["id"] for s in doc["speakers"])
        assert sorted(t.id for t in project.topics()) == sorted(t["id"] for t in doc["topics"])
