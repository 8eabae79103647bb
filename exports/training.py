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

import dataclasses
import json
import time
from collections.abc import Iterator

from db import ClaimFilter, Project

from .common import (
    Cancel, Cancelled, ExportSummary, Progress, Scope, Ticker, check_target, finish, iso, output, replaced,
    write_error,
)

CLAIM, SPEAKER, CUE = "CLAIM", "SPEAKER", "CUE"
SPEAKER_OF, CUE_OF = "SPEAKER_OF", "CUE_OF"


def _scope(claim_filter, statuses, article_id, negatives: bool) -> tuple[Scope, tuple[str, ...]]:
    """The claims to read, and which statuses are positive examples (default: confirmed)."""
    scope = Scope.of(claim_filter, statuses, article_id)
    positive = scope.claim_filter.statuses or ("confirmed",)
    wanted = tuple(dict.fromkeys([*positive, *(["rejected"] if negatives else [])]))
    return Scope(dataclasses.replace(scope.claim_filter, statuses=wanted), scope.narrowed), tuple(positive)


def _by_article(project: Project, f: ClaimFilter, batch: int = 200) -> Iterator[tuple[object, list]]:
    """(article, its claims) for each article with claims in the filter, in article order.

    Claims are streamed; their articles are read ``batch`` at a time (one query each), and only
    the batch in hand is held, so memory stays flat however large the project.
    """
    groups: list[tuple[int, list]] = []

    def ready() -> Iterator[tuple[object, list]]:
        articles = {a.id: a for a in project.iter_articles([aid for aid, _ in groups])}
        for aid, claims in groups:
            yield articles.get(aid) or project.article(aid), claims  # NotFoundError if it is gone
        groups.clear()

    for c in project.stream_claims(f):
        if groups and groups[-1][0] == c.article_id:
            groups[-1][1].append(c)
            continue
        if len(groups) >= batch:
            yield from ready()
        groups.append((c.article_id, [c]))
    if groups:
        yield from ready()


class _Tokens:
    def __init__(self, nlp, text: str):
        self.doc = nlp.make_doc(text)
        self.text = text
        self.skipped = 0

    def span(self, span, label: str, **extra) -> dict | None:
        tokens = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is None or len(tokens) == 0:
            self.skipped += 1
            return None
        return {"start": span.start, "end": span.end, "text": span.text, "label": label,
                "token_start": tokens.start, "token_end": tokens.end - 1, **extra}

    def json(self) -> str:
        """The tokens as the JSON list ``json.dumps`` would write for
        ``[{"text", "start", "end", "id", "ws"} for each token]``, written directly from the Doc's
        arrays: building a dict per token and encoding it was most of an export's time."""
        from spacy.attrs import IDX, LENGTH, SPACY

        text, enc = self.text, _encode_str
        rows = self.doc.to_array([IDX, LENGTH, SPACY]).tolist()
        return "[" + ", ".join([
            f'{{"text": {enc(text[start:start + length])}, "start": {start}, "end": {start + length}, '
            f'"id": {i}, "ws": {"true" if ws else "false"}}}'
            for i, (start, length, ws) in enumerate(rows)]) + "]"


_TOKENS = r'"tokens": "\u0000tokens"'  # where the tokens go in a task's JSON (no text can hold it unescaped)
_encode_str = json.encoder.encode_basestring  # what json.dumps(..., ensure_ascii=False) uses for strings


def _task_json(tok: _Tokens, article, claims: list, answer: str) -> str:
    """One task's line: ``json.dumps(_task(...), ensure_ascii=False)``, the tokens spliced in."""
    task = _task(tok, article, claims, answer, tokens="\u0000tokens")
    head = json.dumps(task, ensure_ascii=False)
    return head.replace(_TOKENS, '"tokens": ' + tok.json(), 1)


def _task(tok: _Tokens, article, claims: list, answer: str, tokens=None) -> dict:
    """The task as a dict (``tokens``: what to put for the tokens; by default the token dicts)."""
    spans: dict[tuple, dict] = {}
    relations = []
    for c in claims:
        pieces = []
        for n, piece in enumerate(c.fragments):
            content = tok.span(piece, CLAIM, claim_id=c.id, fragment=n, fragments=len(c.fragments), kind=c.kind,
                               speaker=c.speaker, stance=c.stance, topic=c.topic, date=iso(c.date))
            if content is not None:
                spans.setdefault((piece.start, piece.end, CLAIM), content)
                pieces.append(content)
        for part, label, rel in ((c.mention, SPEAKER, SPEAKER_OF), (c.cue, CUE, CUE_OF)):
            if part is None or not pieces:
                continue
            head = tok.span(part, label)
            if head is None:
                continue
            spans.setdefault((part.start, part.end, label), head)
            relations += [{"head": head["token_end"], "child": content["token_end"], "label": rel,
                           "head_span": _ref(head), "child_span": _ref(content)} for content in pieces]
    return {
        "text": article.text,
        "tokens": tokens if tokens is not None else [
            {"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i, "ws": bool(t.whitespace_)}
            for t in tok.doc],
        "spans": sorted(spans.values(), key=lambda s: (s["start"], s["end"], s["label"])),
        "relations": relations,
        "answer": answer,
        "meta": {"source": "quotedesk", "article_id": article.id, "title": article.title, "url": article.url,
                 "publisher": article.publisher, "published": iso(article.published),
                 "claim_ids": [c.id for c in claims]},
    }


def _ref(span: dict) -> dict:
    return {k: span[k] for k in ("start", "end", "token_start", "token_end", "label")}


def export_jsonl(project: Project, path, *, claim_filter: ClaimFilter | None = None, statuses=None,
                 article_id: int | None = None, negatives: bool = False, progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> ExportSummary:
    """Prodigy-style JSONL: one accepted task per article, plus one rejected task per rejected claim if asked."""
    import spacy

    started = time.perf_counter()
    scope, positive = _scope(claim_filter, statuses, article_id, negatives)
    scope.checked(project)
    ticker = Ticker(project.count_claims(scope.claim_filter), progress, cancelled, every=100)
    nlp = spacy.blank("en")
    articles = skipped = 0
    try:
        with output(path) as fh:
            for article, claims in _by_article(project, scope.claim_filter):
                tok = _Tokens(nlp, article.text)
                accepted = [c for c in claims if c.status in positive]
                if accepted:
                    fh.write(_task_json(tok, article, accepted, "accept") + "\n")
                for c in claims:
                    if negatives and c.status == "rejected" and c.status not in positive:
                        fh.write(_task_json(tok, article, [c], "reject") + "\n")
                articles += 1
                skipped += tok.skipped
                if ticker.step(len(claims)):
                    raise Cancel
    except Cancel:
        return finish("jsonl", path, started, claims=ticker.done, articles=articles, cancelled=True)
    ticker.finish()
    return finish("jsonl", path, started, claims=ticker.done, articles=articles, warnings=_skipped(skipped))


def _skipped(n: int) -> list[str]:
    return [f"{n} span(s) covered no token and were left out."] if n else []


def export_spacy(project: Project, path, *, claim_filter: ClaimFilter | None = None, statuses=None,
                 article_id: int | None = None, negatives: bool = False, progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> ExportSummary:
    """A spaCy DocBin: per article a Doc with spans "claims", "speakers", "cues" (and "rejected")."""
    from .docbin_file import msgpack_hooks_looked_up_once

    with msgpack_hooks_looked_up_once():
        return _export_spacy(project, path, claim_filter=claim_filter, statuses=statuses, article_id=article_id,
                             negatives=negatives, progress=progress, cancelled=cancelled)


def _export_spacy(project: Project, path, *, claim_filter, statuses, article_id, negatives, progress,
                  cancelled) -> ExportSummary:
    import spacy

    from .docbin_file import DocBinFile

    started = time.perf_counter()
    scope, positive = _scope(claim_filter, statuses, article_id, negatives)
    scope.checked(project)
    ticker = Ticker(project.count_claims(scope.claim_filter), progress, cancelled, every=100)
    nlp = spacy.blank("en")
    target = check_target(path)
    try:  # the Docs wait in temporary files beside the target (they may be large: not in /tmp)
        docbin = DocBinFile(target.parent, attrs=["ORTH", "SPACY"], store_user_data=True)
    except OSError as exc:
        raise write_error(target, exc) from exc
    articles = skipped = 0
    try:
        for article, claims in _by_article(project, scope.claim_filter):
            doc = nlp.make_doc(article.text)
            groups: dict[str, list] = {"claims": [], "speakers": [], "cues": [], "rejected": []}
            seen: set[tuple] = set()
            meta = []
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
                             "fragments": [[p.start, p.end] for p in c.fragments],
                             "kind": c.kind, "speaker": c.speaker, "role": c.role, "stance": c.stance,
                             "topic": c.topic, "date": iso(c.date)})
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
            articles += 1
            if ticker.step(len(claims)):
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
