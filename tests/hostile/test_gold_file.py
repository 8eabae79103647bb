"""``quotedesk eval GOLD.jsonl`` reads a gold file someone hands over: bad lines are refused by line."""

from __future__ import annotations

import pytest

from annotate.evaluate import GoldFormatError, load_gold

LINES = {
    "a list": b"[1, 2]",
    "text a number": b'{"text": 5, "claims": []}',
    "claims an object": b'{"text": "x", "claims": {}}',
    "a claim a number": b'{"text": "x", "claims": [1]}',
    "no claims": b'{"text": "x"}',
    "not JSON": b"{text: x}",
    "deep": b"[" * 100_000,
    "latin-1": '{"text": "caf\u00e9", "claims": []}'.encode("latin-1"),
    "null": b"null",
}


@pytest.mark.parametrize("line", list(LINES.values()), ids=list(LINES))
def test_a_bad_gold_line_is_refused_by_line(tmp_path, line):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b'{"text": "The minister said so.", "claims": []}\n' + line + b"\n")
    with pytest.raises(GoldFormatError, match="gold.jsonl"):
        load_gold(path)


def test_a_folder_as_gold_file_is_refused(tmp_path):
    with pytest.raises(GoldFormatError, match="Cannot read the gold file"):
        load_gold(tmp_path)
