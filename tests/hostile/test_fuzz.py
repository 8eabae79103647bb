"""Property-based fuzzing (hypothesis) of the readers: JSON export, XLSX workbook, CSV/JSONL batches, HTML.

Whatever the input, a reader either reads it or refuses it with our own error (a message for the
user); it never raises anything else, and what it reads back from valid input is exactly what was
written. Runs are bounded (a fixed number of examples, derandomized) so the suite stays fast and
repeatable; raise QUOTEDESK_FUZZ_EXAMPLES for a longer hunt.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import shutil
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from annotate.ingest import IngestProblem, read_html, read_text
from annotate.ingest.batches import csv_records, jsonl_records
from exports.common import ExportError

from .conftest import dump

EXAMPLES = int(os.environ.get("QUOTEDESK_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-2**70, max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)


def _paths(value, prefix=()):
    """Every place in a JSON document (as a tuple of keys and indexes)."""
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


def _replace(doc, path, new):
    if not path:
        return new
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = new
    return doc


# ---------------------------------------------------------------- JSON export
@FUZZ
@given(data=st.data())
def test_import_json_reads_or_refuses_any_change_to_an_export(cli, doc, tmp_path, data):
    from exports.jsondoc import import_json
    from db import Project

    places = list(_paths(doc))
    bad = _replace(copy.deepcopy(doc), data.draw(st.sampled_from(places)), data.draw(json_values))
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps(bad, ensure_ascii=data.draw(st.booleans())), encoding="utf-8")
    before = dump(cli.db)
    with Project.open(cli.db) as project:
        try:
            import_json(project, path)
        except ExportError as exc:
            assert str(path) in str(exc)
            assert dump(cli.db) == before


@FUZZ
@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_import_json_refuses_any_bytes_with_our_error(tmp_path_factory, raw):
    from exports.jsondoc import scan_document

    path = tmp_path_factory.mktemp("fuzz") / "raw.json"
    path.write_bytes(raw)
    try:
        scan_document(path)
    except ExportError as exc:
        assert str(path) in str(exc)


# ---------------------------------------------------------------- XLSX
@FUZZ
@given(data=st.data())
def test_a_damaged_workbook_is_read_or_refused(cli, workbook, tmp_path, data):
    from db import Project
    from exports.excel_import import import_xlsx

    raw = bytearray(workbook.read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at:at + data.draw(st.integers(1, 16))] = data.draw(st.binary(min_size=1, max_size=16))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(bytes(raw))
    before = dump(cli.db)
    with Project.open(cli.db) as project:
        try:
            report = import_xlsx(project, path, dry_run=True)
        except ExportError as exc:
            assert str(path) in str(exc)
        else:
            assert report.applied is False
    assert dump(cli.db) == before


cell_values = (st.none() | st.text(max_size=20) | st.integers(-2**70, 2**70) | st.booleans()
               | st.floats(allow_nan=False, allow_infinity=False) | st.dates()
               | st.sampled_from(["=1+1", '="x"', "=A1", "=NA()", "favor", "against", "confirmed", "(none)"]))


@FUZZ
@given(data=st.data())
def test_any_cell_values_in_the_claims_sheet_are_read_or_reported(cli, workbook, tmp_path, data):
    from openpyxl import load_workbook

    from db import Project
    from exports.excel_import import import_xlsx

    book = load_workbook(workbook)
    sheet = book["Claims"]
    for _ in range(data.draw(st.integers(1, 6))):
        row, column = data.draw(st.integers(2, sheet.max_row + 1)), data.draw(st.integers(1, 24))
        value = data.draw(cell_values)
        if isinstance(value, str) and value and not value.isprintable():
            value = "".join(c for c in value if c.isprintable())
        try:
            sheet.cell(row=row, column=column).value = value
        except (ValueError, TypeError):  # openpyxl refuses it: not something a workbook can hold
            continue
    path = tmp_path / "cells.xlsx"
    book.save(path)
    with Project.open(cli.db) as project:
        before = {c.id: c for c in project.claims()}
        report = import_xlsx(project, path)
        after = {c.id: c for c in project.claims()}
    changed = {c.claim_id for c in report.changes}
    for cid, claim in after.items():  # nothing changed that the report does not list
        if cid not in changed:
            assert claim == before[cid]


# ---------------------------------------------------------------- CSV and JSONL
@FUZZ
@given(text=st.text(alphabet=st.sampled_from('ab ,;\t"\n\r\'x\u2028é'), max_size=200))
def test_csv_reader_never_fails_on_any_text(text):
    try:
        records = list(csv_records("title,text\n" + text, "fuzz.csv"))
    except IngestProblem:
        return
    for record in records:
        assert (record.fields is None) == (record.problem is not None)
        if record.problem:
            assert "fuzz.csv, line" in record.problem


field_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)


@FUZZ
@given(rows=st.lists(st.tuples(field_text, field_text.filter(lambda t: t.strip())), min_size=1, max_size=8),
       delimiter=st.sampled_from([",", ";", "\t"]))
def test_csv_written_by_a_spreadsheet_reads_back_exactly(rows, delimiter):
    """No false failures and no silent changes: every row of a valid CSV comes back as written."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_ALL)
    writer.writerow(["title", "text"])
    writer.writerows(rows)
    records = list(csv_records(buffer.getvalue(), "fuzz.csv"))
    assert [r.problem for r in records if r.problem] == []
    got = [(r.fields.get("title", ""), r.fields.get("text", "")) for r in records]
    expected = [(t, x) for t, x in rows if (t + x).strip()]
    assert got == [(t if t not in ("",) else "", x) for t, x in expected]


@FUZZ
@given(lines=st.lists(json_values.map(json.dumps) | st.text(max_size=40), max_size=6))
def test_jsonl_reader_never_fails_on_any_line(lines):
    records = list(jsonl_records("\n".join(lines), "fuzz.jsonl"))
    for record in records:
        assert (record.fields is None) == (record.problem is not None)
        if record.fields is not None:
            for value in record.fields.values():
                assert isinstance(value, (str, int, float)) and not isinstance(value, bool)
            try:
                read_text(record.fields.pop("text", "") or "", source="fuzz.jsonl", **record.fields)
            except IngestProblem:
                pass


@FUZZ
@given(text=st.text(max_size=300))
def test_any_text_is_an_article_or_a_named_refusal(text):
    try:
        article = read_text(text, source="fuzz.txt")
    except IngestProblem as exc:
        assert "fuzz.txt" in exc.message
        return
    assert article.text.strip() and any(c.isalpha() for c in article.text)
    for value in (article.title, article.author):
        assert value is None or not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in value)


# ---------------------------------------------------------------- HTML
tags = st.sampled_from(["div", "p", "span", "article", "section", "table", "tr", "td", "ul", "li", "b", "nav",
                        "script", "style", "h1", "a", "main", "header", "footer"])
html_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@st.composite
def pages(draw):
    parts = ["<html><body>"]
    stack = []
    for _ in range(draw(st.integers(0, 40))):
        choice = draw(st.integers(0, 3))
        if choice == 0:
            tag = draw(tags)
            stack.append(tag)
            parts.append(f"<{tag}>")
        elif choice == 1 and stack:
            parts.append(f"</{stack.pop()}>")
        elif choice == 2:
            parts.append(draw(html_text))
        else:
            parts.append("The minister said on Monday that the government would not send troops this year. ")
    if draw(st.booleans()):
        parts.append("<div>" * draw(st.integers(0, 600)))
        parts.append("<p>" + "Officials said the talks would continue next week in the capital. " * 3 + "</p>")
    parts.append("".join(f"</{t}>" for t in reversed(stack)))
    return "".join(parts)


@settings(max_examples=max(10, EXAMPLES // 2), deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(page=pages())
def test_any_page_is_an_article_or_a_named_refusal(page):
    try:
        article = read_html(page, source="fuzz.html")
    except IngestProblem as exc:
        assert "fuzz.html" in exc.message
        return
    assert article.text.strip()


@FUZZ
@given(raw=st.binary(max_size=400))
def test_any_bytes_as_a_workbook_are_refused_with_our_error(tmp_path_factory, raw):
    from exports.xlsx_check import check_workbook

    path = tmp_path_factory.mktemp("fuzz") / "raw.xlsx"
    path.write_bytes(raw)
    with pytest.raises(ExportError, match="raw.xlsx"):
        check_workbook(path)


@FUZZ
@given(parts=st.dictionaries(st.sampled_from(["xl/workbook.xml", "[Content_Types].xml", "xl/worksheets/sheet1.xml",
                                              "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml"]),
                             st.binary(max_size=200) | st.text(max_size=200).map(str.encode), min_size=1))
def test_any_zip_of_parts_is_refused_or_read_with_our_error(tmp_path_factory, parts):
    from exports.xlsx_check import check_workbook

    path = tmp_path_factory.mktemp("fuzz") / "parts.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    try:
        check_workbook(path)
    except ExportError as exc:
        assert "parts.xlsx" in str(exc)
