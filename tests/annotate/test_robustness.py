"""The engine never fails on odd input, and its offsets always point at its text."""
import json
import random
from pathlib import Path

SEEDS = Path(__file__).parent / "data" / "seeds.jsonl"
ODD = ["", "   ", "\n\n", '"', "\u201c", "said", ", said", '""', '"a," said', "According to",
       "according to X,", ":", "A: b", "\u2014 \u2014", "x" * 3000, "He said it was fine. " * 300,
       "\u201c\u201d\u2018\u2019'\"", "said said said, said: \"said\"", "\r\n\r\n\"Yes,\" he said.\r\n"]


def check(suggestions, text):
    for s in suggestions:
        for span in (s.content, s.cue, s.mention):
            if span is not None:
                assert text[span.start:span.end] == span.text
        assert 0 < s.confidence <= 1 and s.kind in ("direct", "indirect")


def test_odd_inputs_do_not_fail(engine):
    for text, got in zip(ODD, engine.suggest_many([(t, None) for t in ODD])):
        check(got, text)


def test_random_slices_of_real_articles_do_not_fail(engine):
    texts = [json.loads(line)["text"] for line in SEEDS.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(7)
    slices = []
    for _ in range(60):
        t = rng.choice(texts)
        a = rng.randrange(len(t))
        slices.append(t[a:a + rng.randrange(1, 600)])
    for text, got in zip(slices, engine.suggest_many([(s, None) for s in slices])):
        check(got, text)


def test_windows_line_endings_give_the_same_claims(engine):
    text = json.loads(SEEDS.read_text(encoding="utf-8").splitlines()[1])["text"]
    unix = [s.content.text for s in engine.suggest(text)]
    crlf_text = text.replace("\n", "\r\n")
    crlf = engine.suggest(crlf_text)
    check(crlf, crlf_text)
    assert [s.content.text for s in crlf] == unix


def test_overlong_paragraph_is_parsed_in_pieces(engine):
    from annotate.engine import MAX_PARAGRAPH, paragraphs

    text = ("The minister said the plan would work. " * (MAX_PARAGRAPH // 20))
    pieces = paragraphs(text)
    assert len(pieces) > 1 and all(len(p) <= MAX_PARAGRAPH for _, p in pieces)
    assert "".join(p for _, p in pieces) == text
    assert all(text[off:off + len(p)] == p for off, p in pieces)
