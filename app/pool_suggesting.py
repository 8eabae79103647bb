"""Suggestions parsed on every core: worker processes, each with its own spaCy pipeline.

No Qt here. ``PoolSuggester`` is a ``Suggester`` (app.suggesting): the texts go out in chunks to N
worker processes, each loading the pipeline once (the first time it is given work) and parsing with
``annotate.engine.SuggestionEngine``; the suggestions come back in order and are stored by the
calling process alone (``run_suggestions``), so a project has one writer however many parse. Workers
are started the platform's way, or as ``multiprocessing.set_start_method`` says (``spawn`` included:
everything a worker needs is importable and picklable). ``quotedesk suggest --jobs N`` uses it.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from annotate.suggestion import TopicSpec
from app.suggesting import Cancelled, Progress, SuggestSummary, run_suggestions
from db import ClaimDraft, Project

_worker: dict = {}  # in a worker process: its engine, and what it was built from


def _engine(model: str | None, topics: tuple[TopicSpec, ...], scope: str | None = None):
    key = (model, topics, scope)
    if _worker.get("key") != key:
        from annotate.engine import SuggestionEngine
        from app.training import load_for_suggesting

        nlp = _worker["nlp"] if "nlp" in _worker and _worker["model"] == model else load_for_suggesting(model)[0]
        _worker.update(key=key, model=model, nlp=nlp, engine=SuggestionEngine(nlp, topics, scope=scope))
    return _worker["engine"]


def _suggest_chunk(model: str | None, topics: tuple[TopicSpec, ...], scope: str | None,
                   items: list[tuple[str, dt.date | None]]) -> list[list[ClaimDraft]]:
    """In a worker: the suggestions of a chunk of (text, publication date), in order."""
    return list(_engine(model, topics, scope).suggest_many(items, batch_size=max(1, len(items))))


def _warm(model: str | None, topics: tuple[TopicSpec, ...], scope: str | None = None) -> int:
    _engine(model, topics, scope)
    return os.getpid()


def default_jobs() -> int:
    """Worker processes for ``--jobs 0``: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


class PoolSuggester:
    """Parses in ``jobs`` worker processes; ``close()`` (or ``with``) stops them."""

    def __init__(self, jobs: int, model: str | None = None, topics: Sequence[TopicSpec] = (), *,
                 start_method: str | None = None, scope: str | None = None):
        self.jobs = max(1, int(jobs))
        self.model = model
        self.topics = tuple(topics)
        self.scope = scope  # annotate.cues.SCOPES; None: all
        context = multiprocessing.get_context(start_method)
        self._pool = ProcessPoolExecutor(self.jobs, mp_context=context)

    def warm_up(self) -> None:
        """Load the pipeline in every worker now (each takes one warm-up task; a benchmark's start)."""
        futures = [self._pool.submit(_warm, self.model, self.topics, self.scope) for _ in range(self.jobs * 4)]
        pids = {f.result() for f in futures}
        while len(pids) < self.jobs:  # a fast worker took several: ask again until each has loaded
            pids |= {f.result() for f in [self._pool.submit(_warm, self.model, self.topics, self.scope)
                                         for _ in range(self.jobs * 2)]}

    def suggest_many(self, items: Iterable[tuple[str, dt.date | None]], *, batch_size: int = 8,
                     cancelled: Cancelled | None = None) -> Iterator[list[ClaimDraft]]:
        """One list of suggestions per item, in order; at most two chunks per worker are in flight,
        so a long input is read lazily and a cancel stops within a few chunks."""
        pending: deque[Future] = deque()
        source = iter(items)

        def submit() -> bool:
            chunk = [item for _, item in zip(range(max(1, batch_size)), source)]
            if chunk:
                pending.append(self._pool.submit(_suggest_chunk, self.model, self.topics, self.scope, chunk))
            return bool(chunk)

        while len(pending) < 2 * self.jobs and submit():
            pass
        try:
            while pending:
                if cancelled is not None and cancelled():
                    return
                results = pending.popleft().result()
                submit()
                yield from results
        finally:  # cancelled, or the caller stopped early: drop the chunks not started
            for f in pending:
                f.cancel()

    def run_suggestions(self, project: Project, article_ids: Sequence[int], *, redo: bool = False,
                        progress: Progress | None = None, cancelled: Cancelled | None = None) -> SuggestSummary:
        return run_suggestions(project, self, article_ids, redo=redo, progress=progress, cancelled=cancelled)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> PoolSuggester:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
