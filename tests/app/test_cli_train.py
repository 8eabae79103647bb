"""``quotedesk train`` on a tiny gold file, then ``eval --model DIR`` with what it wrote."""
from __future__ import annotations

import json

from desktop.cli import main

ARTICLES = [
    ("The mayor said the bridge would reopen in May.", "the bridge would reopen in May", "said", "The mayor"),
    ("Residents fear that the river will flood again.", "that the river will flood again", "fear", "Residents"),
    ("A new poll shows support for the plan is falling.", "support for the plan is falling", "shows", "A new poll"),
    ("The union wants to strike before the summer.", "to strike before the summer", "wants", "The union"),
]


def write_gold(path):
    with open(path, "w", encoding="utf-8") as fh:
        for n, (text, content, cue, source) in enumerate(ARTICLES):
            s, c, p = text.index(content), text.index(cue), text.index(source)
            claim = {"content": [s, s + len(content)], "content_text": content, "kind": "indirect",
                     "cue": cue, "cue_spans": [[c, c + len(cue)]], "speaker": source,
                     "speaker_spans": [[p, p + len(source)]], "optional": False}
            fh.write(json.dumps({"id": f"t{n}", "text": text, "published": "2025-01-02",
                                 "claims": [claim]}) + "\n")
    return path


def test_train_writes_a_model_that_eval_and_suggest_use(tmp_path, capsys):
    gold = write_gold(tmp_path / "gold.jsonl")
    out = tmp_path / "model"
    assert main(["train", "--gold", str(gold), "--output", str(out), "--max-steps", "4",
                 "--held-out", "0.25"]) == 0
    printed = capsys.readouterr()
    assert "Trained on 3 articles" in printed.out and "held-out" in printed.out
    assert "train: [" in printed.err  # the progress bar
    assert (out / "config.cfg").is_file()
    assert main(["eval", str(gold), "--model", str(out)]) == 0
    assert "+attribution" in capsys.readouterr().out


def test_train_without_claims_says_so(tmp_path, capsys):
    gold = tmp_path / "empty.jsonl"
    gold.write_text(json.dumps({"id": "x", "text": "Nothing here.", "claims": []}) + "\n")
    assert main(["train", "--gold", str(gold), "--output", str(tmp_path / "m")]) == 1
    assert "no confirmed or gold claims" in capsys.readouterr().err


def test_train_refuses_a_broken_gold_file(tmp_path, capsys):
    gold = tmp_path / "bad.jsonl"
    gold.write_text("{not json\n")
    assert main(["train", "--gold", str(gold), "--output", str(tmp_path / "m")]) == 1
    assert "line 1" in capsys.readouterr().err
