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
    "a lone surrogate": b'{"text": "The \\ud800 minister", "claims": []}',
    "content reversed": b'{"text": "The minister said so.", "claims": [{"content": [9, 4]}]}',
    "content past the end": b'{"text": "The minister said so.", "claims": [{"content": [4, 90]}]}',
    "content not offsets": b'{"text": "The minister said so.", "claims": [{"content": "said so"}]}',
    "no content": b'{"text": "The minister said so.", "claims": [{"speaker": "X"}]}',
    "a fragment outside": b'{"text": "The minister said so.", "claims": [{"content": [0, 4], '
                          b'"content_fragments": [[0, 2], [30, 40]]}]}',
    "offsets as booleans": b'{"text": "The minister said so.", "claims": [{"content": [false, true]}]}',
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


@pytest.mark.parametrize("line", list(LINES.values()), ids=list(LINES))
def test_training_refuses_the_same_lines_naming_the_file_and_line(tmp_path, line):
    from annotate.training.data import read_gold

    path = tmp_path / "gold.jsonl"
    path.write_bytes(b'{"text": "The minister said so.", "claims": []}\n' + line + b"\n")
    with pytest.raises(ValueError, match="gold.jsonl"):
        list(read_gold(path))


def test_a_model_folder_that_is_not_there_or_not_a_model_is_named_as_such(tmp_path):
    from annotate.spacy_pipelines import PipelineNotFound, load_engine_pipeline

    with pytest.raises(PipelineNotFound, match="does not exist"):
        load_engine_pipeline(str(tmp_path / "missing"))
    with pytest.raises(PipelineNotFound, match="no config.cfg"):
        load_engine_pipeline(str(tmp_path))
    (tmp_path / "f.txt").write_text("x")
    with pytest.raises(PipelineNotFound, match="a file, not a folder"):
        load_engine_pipeline(str(tmp_path / "f.txt"))
