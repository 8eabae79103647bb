"""The streamed training exports write exactly what the straightforward code wrote.

JSONL tasks are written with their tokens spliced in from the Doc's arrays, claims are read
as plain rows and articles in batches, the tokenizer's vocabulary is bounded by spaCy's memory
zones, and the DocBin is written piece by piece from temporary files (exports/docbin_file.py).
Here the straightforward way (``Claim`` records, one article read per group of claims, one
``spacy.blank("en")`` for the whole export, a dict per token through json.dumps, spaCy's own
DocBin.add and to_disk), written out below, runs on the same project in the same test, and the
files must be the same bytes.
"""

from __future__ import annotations

import json
import zlib

import pytest
import spacy
from spacy.tokens import DocBin

from db import BulkArticle, BulkClaim, ClaimDraft, NewArticle, Span
from exports import docbin_file, training
from exports.common import iso
from exports.training import CLAIM, CUE, CUE_OF, SPEAKER, SPEAKER_OF, _scope, export_jsonl, export_spacy
from tests.exports.conftest import fill
from tests.exports.test_export_fragments import _fill as fill_split

STATUSES = ("confirmed", "rejected", "suggested", "confirmed")
WORDS = ("Zürich", "Kyiv", "naïve", "co-operate", "U.N.", "don't", "e-mail", "$5", "10km", "(sic)", "O'Neil", "🇺🇦",
         "👩‍👩‍👧", "https://x.example/a?b=1", "#tag", "n°", "—", "Łódź", "ﬁne", "ǅemal")


@pytest.fixture
def varied(project, project_path):
    """The exports' project, a split quote beside an emoji, manual claims, and 450 more articles (more
    than one batch of articles; msgpack headers past their short forms), some with odd text, their
    words partly shared, partly new in each article (lexemes made and freed in memory zones)."""
    fill(project)
    fill_split(project, project_path)
    project.load_bulk(more_articles(450))
    return project


def more_articles(n: int) -> list[BulkArticle]:
    """``varied``'s added articles: emoji, odd words, two claims each, statuses and origins in turn."""
    more = []
    for i in range(n):
        odd = " ".join(WORDS[(i * 7 + k) % len(WORDS)] for k in range(i % 5))
        text = (f"Report {i} 🇺🇦: “We will send {i} engineers,” the minister said. Critics 👩‍👩‍👧 disagreed "
                f"loudly\u00a0— “it is too late”, {'they' if i % 2 else 'she'} told reporters in Zürich. "
                f"Word{i % 37}-{i} {odd} ({i * 13 % 101}).")
        first = text.index("We will")
        quote = text[first:text.index(",”")]
        cue = text.index("said")
        late = text.index("it is too late")
        more.append(BulkArticle(None, NewArticle(text=text, title=f"Report {i}" if i % 7 else None), claims=(
            BulkClaim(None, ClaimDraft(
                content=Span(first, first + len(quote), quote), cue=Span(cue, cue + 4, "said"),
                speaker="the minister", mention=Span(cue - 13, cue - 1, text[cue - 13:cue - 1]), kind="direct",
                status=STATUSES[i % 4], origin="manual" if i % 3 else "model", stance="favor" if i % 5 else None)),
            BulkClaim(None, ClaimDraft(content=Span(late, late + 14, "it is too late"), status=STATUSES[(i + 1) % 4],
                                       origin="manual"), annotator="ana"))))
    return more


# ------------------------------------------------------------ the straightforward way, for comparison
def _by_article(project, f):
    group = []
    for c in project.stream_claims(f):
        if group and group[0].article_id != c.article_id:
            yield project.article(group[0].article_id), group
            group = []
        group.append(c)
    if group:
        yield project.article(group[0].article_id), group


def _span(doc, span, label, skipped, **extra):
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        skipped.append(span)
        return None
    return {"start": span.start, "end": span.end, "text": span.text, "label": label,
            "token_start": tokens.start, "token_end": tokens.end - 1, **extra}


def _task(doc, article, claims, answer, skipped):
    spans, relations = {}, []
    for c in claims:
        pieces = []
        for n, piece in enumerate(c.fragments):
            content = _span(doc, piece, CLAIM, skipped, claim_id=c.id, fragment=n, fragments=len(c.fragments),
                            kind=c.kind, speaker=c.speaker, stance=c.stance, topic=c.topic, date=iso(c.date))
            if content is not None:
                spans.setdefault((piece.start, piece.end, CLAIM), content)
                pieces.append(content)
        for part, label, rel in ((c.mention, SPEAKER, SPEAKER_OF), (c.cue, CUE, CUE_OF)):
            if part is None or not pieces:
                continue
            head = _span(doc, part, label, skipped)
            if head is None:
                continue
            spans.setdefault((part.start, part.end, label), head)
            ref = ("start", "end", "token_start", "token_end", "label")
            relations += [{"head": head["token_end"], "child": content["token_end"], "label": rel,
                           "head_span": {k: head[k] for k in ref}, "child_span": {k: content[k] for k in ref}}
                          for content in pieces]
    return {
        "text": article.text,
        "tokens": [{"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i, "ws": bool(t.whitespace_)}
                   for t in doc],
        "spans": sorted(spans.values(), key=lambda s: (s["start"], s["end"], s["label"])),
        "relations": relations,
        "answer": answer,
        "meta": {"source": "quotedesk", "article_id": article.id, "title": article.title, "url": article.url,
                 "publisher": article.publisher, "published": iso(article.published),
                 "claim_ids": [c.id for c in claims]},
    }


def straightforward_jsonl(project, path, *, negatives=False) -> int:
    scope, positive = _scope(None, None, None, negatives)
    nlp, skipped = spacy.blank("en"), []
    with open(path, "w", encoding="utf-8") as fh:
        for article, claims in _by_article(project, scope.claim_filter):
            doc = nlp.make_doc(article.text)
            accepted = [c for c in claims if c.status in positive]
            if accepted:
                fh.write(json.dumps(_task(doc, article, accepted, "accept", skipped), ensure_ascii=False) + "\n")
            for c in claims:
                if negatives and c.status == "rejected" and c.status not in positive:
                    fh.write(json.dumps(_task(doc, article, [c], "reject", skipped), ensure_ascii=False) + "\n")
    return len(skipped)


def straightforward_spacy(project, path, *, negatives=False) -> int:
    scope, positive = _scope(None, None, None, negatives)
    nlp, skipped = spacy.blank("en"), 0
    docbin = DocBin(attrs=["ORTH", "SPACY"], store_user_data=True)
    for article, claims in _by_article(project, scope.claim_filter):
        doc = nlp.make_doc(article.text)
        groups = {"claims": [], "speakers": [], "cues": [], "rejected": []}
        seen, meta = set(), []
        for c in claims:
            key = "claims" if c.status in positive else "rejected"
            pieces = [doc.char_span(p.start, p.end, label=CLAIM, alignment_mode="expand", span_id=str(c.id))
                      for p in c.fragments]
            skipped += sum(p is None for p in pieces)
            pieces = [p for p in pieces if p is not None]
            if not pieces:
                continue
            groups[key] += pieces
            meta.append({"id": c.id, "status": c.status, "start": c.content.start, "end": c.content.end,
                         "fragments": [[p.start, p.end] for p in c.fragments], "kind": c.kind, "speaker": c.speaker,
                         "role": c.role, "stance": c.stance, "topic": c.topic, "date": iso(c.date)})
            if key == "rejected":
                continue
            for part, label, name in ((c.mention, SPEAKER, "speakers"), (c.cue, CUE, "cues")):
                if part is None or (part.start, part.end, label) in seen:
                    continue
                seen.add((part.start, part.end, label))
                span = doc.char_span(part.start, part.end, label=label, alignment_mode="expand",
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
        docbin.add(doc)
    docbin.to_disk(path)
    return skipped


STRAIGHTFORWARD = {export_jsonl: straightforward_jsonl, export_spacy: straightforward_spacy}


def payload(path) -> bytes:
    """A file's bytes; a DocBin's (a zlib stream, its first byte 0x78: a JSONL line opens with "{") before
    compression, which spaCy and DocBinFile do at different levels."""
    data = path.read_bytes()
    return zlib.decompress(data) if data[:1] == b"\x78" else data


@pytest.mark.parametrize("zones", [False, True], ids=["one vocabulary", "memory zones"])
@pytest.mark.parametrize("negatives", [False, True], ids=["confirmed", "with negatives"])
@pytest.mark.parametrize("export", [export_jsonl, export_spacy], ids=["jsonl", "spacy"])
def test_the_streamed_export_writes_the_same_bytes_as_the_straightforward_way(
        varied, tmp_path, monkeypatch, export, negatives, zones):
    if zones:  # a memory zone every 7 articles once 60 lexemes are made: many zones, words met again in later ones
        monkeypatch.setattr(training._Docs, "WARM", 60)
        monkeypatch.setattr(training._Docs, "ZONE", 7)
        monkeypatch.setattr(docbin_file.DocBinFile, "MERGE", 5)  # the DocBin's string hashes merged often
    made, real_make = [], training._Docs.make

    def make(self, text):  # notes whether each Doc was made in a memory zone
        doc = real_make(self, text)
        made.append(self._zone is not None)
        return doc

    monkeypatch.setattr(training._Docs, "make", make)
    new = export(varied, tmp_path / "new.out", negatives=negatives)
    skipped = STRAIGHTFORWARD[export](varied, tmp_path / "old.out", negatives=negatives)
    assert new.articles > 200 and new.articles == len(made)
    assert any(made) == zones and (not zones or made.count(False) < 20)
    assert new.warnings == tuple(training._skipped(skipped))
    assert payload(tmp_path / "new.out") == payload(tmp_path / "old.out")


def test_the_streamed_docbin_reads_back_with_spacy(varied, tmp_path):
    import spacy

    export_spacy(varied, tmp_path / "out.spacy")
    docs = list(DocBin().from_disk(tmp_path / "out.spacy").get_docs(spacy.blank("en").vocab))
    assert len(docs) > 200
    split = next(d for d in docs if d.text.startswith("Rome 🇮🇹"))
    assert [s.text for s in split.spans["claims"]][:2] == ["Italy is ready to help,", "but only under a UN mandate."]
    assert all(d.user_data["quotedesk"]["claims"] for d in docs)


def test_a_cancelled_docbin_export_leaves_no_file_and_no_temporary_files(varied, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    summary = export_spacy(varied, folder / "x.spacy", cancelled=lambda: True)
    assert summary.cancelled and list(folder.iterdir()) == []


@pytest.mark.parametrize("export", [export_jsonl, export_spacy], ids=["jsonl", "spacy"])
def test_a_claim_over_the_space_after_a_token_is_written_as_the_straightforward_way_writes_it(
        project, tmp_path, export):
    """Its span covers no token: JSONL leaves it out with a warning, the DocBin keeps it as an empty span
    (Doc.char_span gives one), both as before."""
    text = "Rossi said: “the plan works.”\n\nNobody answered."
    gap = text.index(": ") + 1  # the space after a token belongs to it, yet is no part of a span's tokens
    project.load_bulk([BulkArticle(None, NewArticle(text=text), claims=(
        BulkClaim(None, ClaimDraft(content=Span(gap, gap + 1, " "), status="confirmed")),))])
    new = export(project, tmp_path / "new.out")
    skipped = STRAIGHTFORWARD[export](project, tmp_path / "old.out")
    assert skipped == (1 if export is export_jsonl else 0) and new.warnings == tuple(training._skipped(skipped))
    assert payload(tmp_path / "new.out") == payload(tmp_path / "old.out")


def _docs_by_hand(spans: bool):
    """Docs as a tokenizer makes them, with spans and user data on one of them if asked."""
    nlp = spacy.blank("en")
    docs = [nlp.make_doc("Nobody  answered.\n"), nlp.make_doc("Rossi said: “the plan works.” 🇮🇹 naïve"),
            nlp.make_doc("")]
    if spans:
        docs[1].spans["claims"] = [docs[1].char_span(13, 28, label=CLAIM, span_id="7")]
        docs[1].user_data["quotedesk"] = {"article_id": 1}
    return docs


def assert_written_as_spacy_writes(folder, docs, *, tokenized_only: bool) -> None:
    """DocBinFile and spaCy's DocBin, given the same Docs, write the same bytes (before compression)."""
    ours = docbin_file.DocBinFile(folder, attrs=["ORTH", "SPACY"], store_user_data=True, tokenized_only=tokenized_only)
    theirs = DocBin(attrs=["ORTH", "SPACY"], store_user_data=True)
    for doc in docs:
        ours.add(doc)
        theirs.add(doc)
    ours.write(folder / "ours.spacy")
    theirs.to_disk(folder / "theirs.spacy")
    assert payload(folder / "ours.spacy") == payload(folder / "theirs.spacy")


@pytest.mark.parametrize("spans", [False, True], ids=["tokens only", "with spans"])
@pytest.mark.parametrize("tokenized_only", [False, True], ids=["any Doc", "Docs straight from a tokenizer"])
def test_the_docbin_file_writes_what_spacy_writes(tmp_path, tokenized_only, spans):
    docs = _docs_by_hand(spans)
    if not tokenized_only:  # annotations a tokenizer does not make
        docs[0][0].tag_, docs[0][0].lemma_, docs[0][1].dep_ = "NN", "nobody", "ROOT"
    assert_written_as_spacy_writes(tmp_path, docs, tokenized_only=tokenized_only)


def test_token_ranges_follow_doc_char_span_for_every_start_and_end():
    """The JSONL export finds a span's tokens by bisecting the token starts: the same tokens as
    ``Doc.char_span(start, end, alignment_mode="expand")``, for any offsets, odd whitespace included."""
    nlp = spacy.blank("en")
    odd = "“Hi,” she said.\n\n  Then\tshe   left 🇺🇦 naïve\u00a0— don't.  "
    for text in ("", " ", "a", "  lead", "trail  ", "x\n", odd):
        doc = nlp.make_doc(text)
        tokens = training._Tokens(doc, text, training._Digits())
        for start in range(-1, len(text) + 2):
            for end in range(-1, len(text) + 2):
                try:
                    span = doc.char_span(start, end, alignment_mode="expand")
                except IndexError:  # a span that ends before it starts
                    span = None
                want = None if span is None else (span.start, span.end)
                assert tokens.range(start, end) == want, (text, start, end)


@pytest.mark.parametrize("longer", [False, True])  # (numbers from the table of their strings; formatted one by one)
def test_the_tokens_json_is_what_json_dumps_writes_whatever_the_characters(longer):
    """Token texts go into the JSONL as they are, and those holding a character JSON escapes are
    encoded: quotes, backslashes, tabs, newlines, other control characters, beside emoji."""
    nlp = spacy.blank("en")
    text = ('He said "no"\n\nto a back\\slash, a\ttab, “curly” 👍🏽 👩‍👩‍👧 e\x01nd\x1f "x"\\ \r\n\x7f é \u2028 "'
            + " filler" * (6000 if longer else 3))
    assert (len(text) > training._Digits.MOST) == longer
    doc = nlp.make_doc(text)
    tokens = training._Tokens(doc, text, training._Digits())
    want = [{"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i, "ws": bool(t.whitespace_)}
            for t in doc]
    assert "[" + tokens.json() + "]" == json.dumps(want, ensure_ascii=False)


def test_the_docbin_file_sorts_its_strings_as_spacy_does_whatever_their_first_characters(tmp_path):
    """The strings are sorted a first byte at a time (the order of UTF-8 bytes is the strings' order): words
    beginning with letters, digits, accents, CJK and emoji, one word per first byte and 70,000 beginning
    with "1" (more than msgpack's 16-bit array holds), in several Docs."""
    from spacy.tokens import Doc

    vocab = spacy.blank("en").vocab
    odd = ["é", "Éa", "ß", "日本", "👍🏽", "🇺🇦", "Ω", "~", "!", "'s", "Z", "a", "zz", "\u00a0x", "€5", "ǅ", "x\u0301"]
    words = [*odd, *(f"1{i}" for i in range(70_000)), *(f"{c}{i}" for c in "23456789" for i in range(20))]
    docs = [Doc(vocab, words=words[i:i + 9_000]) for i in range(0, len(words), 9_000)]
    assert_written_as_spacy_writes(tmp_path, docs, tokenized_only=True)


class _Disk:
    """A file that takes ``room`` bytes, then fails as a full disk fails."""

    def __init__(self, room: int):
        self.room, self.data = room, bytearray()

    def write(self, data: bytes) -> int:
        import errno

        if len(self.data) + len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.data += data
        return len(data)


def test_the_jsonl_writer_thread_writes_the_text_in_order_and_stops(monkeypatch):
    monkeypatch.setattr(training._WrittenBehind, "CHUNK", 1000)
    disk = _Disk(10**9)
    lines = [f'{{"n": {i}, "text": "naïve 👩‍👩‍👧 {i}"}}\n' for i in range(5000)]
    with training._WrittenBehind(disk) as fh:
        for line in lines:
            fh.write(line)
    assert bytes(disk.data) == "".join(lines).encode("utf-8") and not fh._thread.is_alive()


def test_a_full_disk_under_the_jsonl_writer_thread_is_raised_and_a_cancel_stops_it(monkeypatch):
    monkeypatch.setattr(training._WrittenBehind, "CHUNK", 1000)
    fh = training._WrittenBehind(_Disk(5000))
    with pytest.raises(OSError, match="No space"), fh:  # raised at a later hand-over or at the end
        for i in range(10_000):
            fh.write(f"line {i}\n")
    assert not fh._thread.is_alive()
    disk = _Disk(10**6)
    fh = training._WrittenBehind(disk)
    with pytest.raises(training.Cancel), fh:  # a cancel: raised as it is, what was not handed over is not written
        for i in range(300):
            fh.write(f"line {i}\n")
        raise training.Cancel
    assert not fh._thread.is_alive() and 0 < len(disk.data) < len("".join(f"line {i}\n" for i in range(300)))


@pytest.mark.parametrize("export", [export_jsonl, export_spacy], ids=["jsonl", "spacy"])
def test_a_tokenizer_prepared_ahead_is_taken_by_the_next_export_and_writes_the_same_bytes(
        varied, tmp_path, monkeypatch, export):
    import threading

    export(varied, tmp_path / "plain.out")
    made, real = [], training._blank_tokenizer

    def blank():
        made.append(threading.current_thread().name)
        return real()

    monkeypatch.setattr(training, "_blank_tokenizer", blank)
    training.prepare_tokenizer()
    export(varied, tmp_path / "prepared.out")
    assert made == ["export tokenizer"]  # made on the thread, once, and taken by the export
    assert payload(tmp_path / "prepared.out") == payload(tmp_path / "plain.out")
    export(varied, tmp_path / "again.out")  # none prepared: made where it is needed
    assert made == ["export tokenizer", "MainThread"]


@pytest.mark.parametrize("export", [export_jsonl, export_spacy], ids=["jsonl", "spacy"])
def test_a_tokenizer_that_failed_to_load_ahead_fails_the_export_that_takes_it_and_no_file_is_left(
        varied, tmp_path, monkeypatch, export):
    def broken():
        raise ImportError("spaCy could not be loaded")

    monkeypatch.setattr(training, "_blank_tokenizer", broken)
    training.prepare_tokenizer()
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ImportError, match="spaCy could not be loaded"):
        export(varied, folder / "claims.out")
    assert list(folder.iterdir()) == []


def test_the_tokenizer_is_made_without_spacys_command_line_which_still_imports_afterwards(tmp_path):
    """spaCy's package imports its command line (typer, rich, requests, weasel: 18 MB); the exports' tokenizer
    is made without it (exports.training._import_spacy), in a fresh process, and the real one is there for
    whatever imports it afterwards."""
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys\n"
            "from exports.training import _blank_tokenizer\n"
            "nlp = _blank_tokenizer()\n"
            "loaded = sorted(m for m in sys.modules if m.startswith(('spacy.cli', 'typer', 'weasel', 'requests')))\n"
            "print('without:', loaded)\n"
            "import spacy, spacy.cli\n"
            "from spacy.cli.info import info\n"
            "print('afterwards:', callable(spacy.cli.info), 'typer' in sys.modules, info is spacy.cli.info,\n"
            "      spacy.info(silent=True)['spacy_version'] == spacy.__version__)\n"
            "print(len(nlp('Report 2 🇺🇦: “We will send 2 engineers,” the minister said.')))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          env={**__import__("os").environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["without: []", "afterwards: True True True True", "17"]
