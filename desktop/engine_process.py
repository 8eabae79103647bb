"""The suggestion engine in a helper process, so spaCy never competes with the window for the GIL.

No Qt here. Measured with benchmarks/bench_ui_stall.py: with spaCy in a thread of
the GUI process, every GIL hand-over makes the GUI thread wait, and a short read
of the article list (normally ~10 ms) took up to 140 ms. In a separate process
the GUI thread keeps the GIL; the worker thread in the GUI process only waits
for results and stores them (SQLite releases the GIL while it works).

``ProcessEngine`` loads the pipeline once in a spawned child (not forked: the
GUI process has Qt threads) at a lower CPU priority, and offers the part of
``annotate.engine.SuggestionEngine`` that ``desktop.suggesting.run_suggestions``
uses: ``with_topics(topics).suggest_many(items, batch_size=, cancelled=)``.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
from itertools import islice
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from annotate.suggestion import Suggestion, TopicSpec

CHILD_NICENESS = 5
"""The helper process yields the CPU to the window when the machine is busy."""

_child_nlp = None  # the pipeline, in the child process only


def _child_init() -> None:
    try:
        os.nice(CHILD_NICENESS)
    except (AttributeError, OSError):  # Windows, or not permitted
        pass


def _child_load(name: str | None) -> tuple[str, str, int]:
    global _child_nlp
    from annotate.pipeline import load_pipeline, pipeline_id

    _child_nlp = load_pipeline(name)
    _child_nlp("Quotedesk warms the pipeline up, the minister said.")
    return (*pipeline_id(_child_nlp), os.getpid())


def _child_suggest(topics: tuple[TopicSpec, ...], items: list[tuple[str, dt.date | None]],
                   batch_size: int) -> list[list[Suggestion]]:
    from annotate.engine import SuggestionEngine

    return list(SuggestionEngine(_child_nlp, topics).suggest_many(items, batch_size=batch_size))


class EngineProcessError(RuntimeError):
    def __init__(self) -> None:
        super().__init__("The helper process that suggests claims stopped unexpectedly "
                         "(it may have run out of memory). Run the suggestions again to restart it.")


class ProcessEngine:
    """A spaCy pipeline loaded in a helper process; ``start()`` blocks until it is loaded."""

    def __init__(self, name: str | None = None):
        self.name = name
        self.model_name: str | None = None
        self.model_version: str | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._pid: int | None = None

    def start(self) -> ProcessEngine:
        """Spawn the helper and load the pipeline there (seconds: call it off the GUI thread).

        Raises annotate's PipelineNotFound when the pipeline is not installed.
        """
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_child_init)
        try:
            self.model_name, self.model_version, self._pid = self._result(self._pool.submit(_child_load, self.name))
        except BaseException:
            self.close()
            raise  # e.g. PipelineNotFound, whose message says what to install
        return self

    def with_topics(self, topics: Sequence[TopicSpec]) -> _TopicEngine:
        return _TopicEngine(self, tuple(topics))

    def _submit(self, topics, items, batch_size) -> Future:
        if self._pool is None:
            self.start()
        return self._pool.submit(_child_suggest, topics, items, batch_size)

    def _result(self, future: Future):
        try:
            return future.result()
        except BrokenProcessPool as exc:
            self._pool = None
            raise EngineProcessError() from exc

    def close(self) -> None:
        """Stop the helper process (a chunk in progress is abandoned)."""
        pool, self._pool = self._pool, None
        pid, self._pid = self._pid, None
        if pool is None:
            return
        pool.shutdown(wait=False, cancel_futures=True)
        if pid is not None:
            try:
                os.kill(pid, signal.SIGTERM)
            except OSError:  # already gone
                pass

    def __enter__(self) -> ProcessEngine:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()


class _TopicEngine:
    """The engine as run_suggestions sees it: suggestions for a stream of (text, published).

    Two chunks are in flight, so the helper parses the next chunk while this
    thread stores the results of the last one.
    """

    IN_FLIGHT = 2

    def __init__(self, engine: ProcessEngine, topics: tuple[TopicSpec, ...]):
        self._engine, self.topics = engine, topics

    def suggest_many(self, items: Iterable[tuple[str, dt.date | None]], *, batch_size: int = 16,
                     cancelled: Callable[[], bool] | None = None) -> Iterator[list[Suggestion]]:
        """One list of suggestions per item, in order; stops quietly before the next item once cancelled."""
        source = iter(items)
        flight: deque[Future] = deque()

        def send() -> None:
            chunk = list(islice(source, batch_size))
            if chunk:
                flight.append(self._engine._submit(self.topics, chunk, batch_size))

        try:
            for _ in range(self.IN_FLIGHT):
                send()
            while flight:
                results = self._engine._result(flight.popleft())
                send()
                for suggestions in results:
                    if cancelled is not None and cancelled():
                        return
                    yield suggestions
        finally:
            for future in flight:
                future.cancel()
