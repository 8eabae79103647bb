"""Suggestions in a helper process, so the window's process does no heavy Python work in the background.

No Qt here. Why, measured: the GUI thread shares the GIL with every busy Python
thread of its process, and a GUI read hands the GIL over at every row it
fetches. Re-reading the article list of 1,000 articles took a median 43 ms
alone and 148 ms beside one busy Python thread; with spaCy on a worker thread
the event loop stalled for up to 0.8 s (benchmarks/bench_ui_stall.py
--mode thread). Moving only spaCy out was not enough: storing the results on a
worker thread is Python work too. So the whole read-suggest-store loop
(``app.suggesting.run_suggestions``) runs in the helper, which writes to
the project file itself (SQLite takes writers from several processes; see
tests/db/test_concurrency.py). The worker thread in the window's process only
waits, passing progress on and the cancel request back.

``ProcessEngine`` loads the pipeline once in a spawned child (not forked: the
window's process has Qt threads), at a lower CPU priority.
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import multiprocessing
import os
import queue
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from annotate.suggestion import TopicSpec
from db import ClaimDraft, Project
from app.suggesting import Cancelled, Progress, SuggestSummary
from app.thread_priority import PER_THREAD_NICE, lower_this_thread

CHILD_NICENESS = 5
"""The helper's CPU priority where a thread cannot have its own (not Linux): below the window's."""

PARSE_NICENESS = 10
"""On Linux the helper parses on a thread of its own at a low CPU priority: it parses whenever the
window's threads do not want the CPU and mostly waits while they do (scrolling, painting, a reader's
query): where they share a core, the GUI thread gets about 90 % of it (at 5 the parser still took a
quarter). Not 19: beside any other busy program of the same session the parser would then get about
1 % and a run would crawl (bench_ui_stall at load 12: 0.27 articles/s). Storing stays on the helper's
main thread at the normal priority, one article at a time while the parser waits: a store holds
SQLite's write lock, which a claim confirmed in the window may be waiting for, so it must not be
the thread that gives way (benchmarks/bench_window_table.py --suggest, bench_ui_stall.py)."""

HELPER_CHUNK = 1
"""Articles parsed per ``nlp.pipe`` stream in the helper. One, so each article's short write is
followed by the next article's parse: measured on 200 articles, with 8 the helper stored eight
articles back to back and a claim confirmed in the window waited up to 259 ms for the write lock
(SQLite's busy handler backs off in growing sleeps); with 1 it waited at most 25 ms. The price is
throughput: about 4 instead of 5 articles a second on this machine."""

_child: dict = {}  # in the child process: nlp, progress queue, cancel event, open project


def _child_init(progress: multiprocessing.Queue, cancel) -> None:
    if not PER_THREAD_NICE:  # on Linux only the parsing thread gives way (_ParseApart)
        try:
            os.nice(CHILD_NICENESS)
        except (AttributeError, OSError):  # Windows, or not permitted
            pass
    _child.update(progress=progress, cancel=cancel, project=None)


def _apart(fn, *args):
    """``fn(*args)`` on a thread at PARSE_NICENESS (loading, parsing, affiliations: CPU work the window goes
    before)."""
    out: list = []

    def run() -> None:
        lower_this_thread(PARSE_NICENESS)
        try:
            out.append((True, fn(*args)))
        except BaseException as exc:  # noqa: BLE001 - raised again in the calling thread
            out.append((False, exc))

    thread = threading.Thread(target=run, name="quotedesk-parse", daemon=True)
    thread.start()
    thread.join()
    ok, value = out[0]
    if not ok:
        raise value
    return value


class _ParseApart:
    """A suggester whose ``suggest_many`` parses on a thread at PARSE_NICENESS, in lock-step with its
    caller: the parser hands over one article's suggestions and waits until the caller (the storing
    loop, on the helper's main thread) asks for the next, so the two never run at once (no contest for
    the GIL) and only the parsing gives way to the window."""

    def __init__(self, suggester):
        self._suggester = suggester

    def suggest_many(self, items, *, batch_size: int = 16, cancelled=None):
        handed: queue.Queue = queue.Queue(maxsize=1)
        go, stop, end = threading.Semaphore(0), threading.Event(), object()

        def parse() -> None:
            lower_this_thread(PARSE_NICENESS)
            try:
                for suggestions in self._suggester.suggest_many(items, batch_size=batch_size, cancelled=cancelled):
                    handed.put((True, suggestions))
                    go.acquire()  # the caller stores them meanwhile
                    if stop.is_set():
                        return
                handed.put((True, end))
            except BaseException as exc:  # noqa: BLE001 - raised again in the storing thread
                handed.put((False, exc))

        thread = threading.Thread(target=parse, name="quotedesk-parse", daemon=True)
        thread.start()
        try:
            while True:
                ok, value = handed.get()
                if not ok:
                    raise value
                if value is end:
                    return
                yield value
                go.release()
        finally:  # finished, failed, or the caller stopped early (cancelled)
            stop.set()
            go.release()
            thread.join()


def _child_load(name: str | None) -> tuple[str, str, int]:
    from annotate.spacy_pipelines import pipeline_id
    from app.training import load_for_suggesting

    def load():
        nlp, _ = load_for_suggesting(name)
        nlp("Quotedesk warms the pipeline up, the minister said.")  # the first parse pays one-off costs
        return nlp

    nlp = _child["nlp"] = _apart(load)
    _freeze_what_is_loaded()
    return (*pipeline_id(nlp), os.getpid())


def _freeze_what_is_loaded() -> None:
    """Collect once, then take every object alive (the pipeline, the modules, the open project: there for
    the helper's whole life) out of the garbage collector's full passes.

    A full pass over them took 40-220 ms (more at load), and when it fell on the storing thread it did so
    inside the store's transaction: an accept in the window waited that long for SQLite's write lock
    (bench_window_stall.py 20: accepts of 190-196 ms, each right after such a pass in the helper). Afterwards
    a full pass looks only at what was made since. The window does the same at start-up
    (desktop.launch.freeze_startup_objects)."""
    gc.collect()
    gc.freeze()


def _child_project(url: str) -> Project:
    project = _child.get("project")
    if project is None or project.url != url:
        if project is not None:
            project.close()
        project = _child["project"] = Project.open(url, create=False)
    return project


def _child_run(url: str, topics: tuple[TopicSpec, ...], scope: str | None, ids: list[int], redo: bool,
               token: int) -> SuggestSummary:
    from annotate.engine import SuggestionEngine
    from app.suggesting import LocalSuggester, affiliate, run_suggestions

    out: multiprocessing.Queue = _child["progress"]
    project = _child_project(url)
    parser = _ParseApart(LocalSuggester(SuggestionEngine(_child["nlp"], topics, scope=scope)))
    if ids:
        project.warm_saving(ids[0])  # a window's keystroke may wait on this process's first store
        _freeze_what_is_loaded()  # the project and engine just made, before the first store takes the lock
    summary = run_suggestions(project, parser, ids, redo=redo,
                              progress=lambda done, total: out.put((token, done, total)),
                              cancelled=_child["cancel"].is_set, chunk=HELPER_CHUNK, affiliations=False)
    if summary.articles:  # reads every claim of every speaker (seconds on a large project): CPU that gives way
        affiliate(project, summary, _apart)
    return summary


def _child_suggest(topics: tuple[TopicSpec, ...], scope: str | None, items: list[tuple[str, dt.date | None]],
                   batch_size: int) -> list[list[ClaimDraft]]:
    from annotate.engine import SuggestionEngine

    engine = SuggestionEngine(_child["nlp"], topics, scope=scope)
    return _apart(lambda: list(engine.suggest_many(items, batch_size=batch_size)))


class EngineProcessError(RuntimeError):
    def __init__(self) -> None:
        super().__init__("The helper process that suggests claims stopped unexpectedly "
                         "(it may have run out of memory). Run the suggestions again to restart it.")


class ProcessEngine:
    """A spaCy pipeline loaded in a helper process; ``start()`` blocks until it is loaded."""

    POLL_S = 0.05

    def __init__(self, name: str | None = None):
        self.name = name
        self.model_name: str | None = None
        self.model_version: str | None = None
        self._ctx = multiprocessing.get_context("spawn")
        self._pool: ProcessPoolExecutor | None = None
        self._pid: int | None = None
        self._progress = None
        self._cancel = None
        self._one_run = threading.Lock()  # one run at a time: one cancel flag, one progress stream
        self._tokens = itertools.count(1)

    def start(self) -> ProcessEngine:
        """Spawn the helper and load the pipeline there (seconds: call it off the GUI thread).

        Raises annotate's PipelineNotFound when the pipeline is not installed.
        """
        if self._pool is None:
            self._progress, self._cancel = self._ctx.Queue(), self._ctx.Event()
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=self._ctx, initializer=_child_init,
                                             initargs=(self._progress, self._cancel))
            try:
                self.model_name, self.model_version, self._pid = self._result(
                    self._pool.submit(_child_load, self.name))
            except BaseException:
                self.close()
                raise  # e.g. PipelineNotFound, whose message says what to install
        return self

    @property
    def pid(self) -> int | None:
        """The helper's process id (as the helper reported it), None until started and after closing."""
        return self._pid

    def with_topics(self, topics: Sequence[TopicSpec], scope: str | None = None) -> HelperEngine:
        """The suggester for one project's topics and scope (what ``app.suggesting.engine_for`` returns)."""
        return HelperEngine(self, tuple(topics), scope)

    def _submit(self, fn, *args) -> Future:
        if self._pool is None:
            self.start()
        return self._pool.submit(fn, *args)

    def _result(self, future: Future):
        try:
            return future.result()
        except BrokenProcessPool as exc:
            self.close()
            raise EngineProcessError() from exc

    def _run(self, project: Project, topics: tuple[TopicSpec, ...], scope: str | None, ids: list[int], redo: bool,
             progress: Callable[[int, int | None], None] | None,
             cancelled: Callable[[], bool] | None) -> SuggestSummary:
        with self._one_run:
            if cancelled is not None and cancelled():
                return SuggestSummary(cancelled=bool(ids))
            self.start()
            self._cancel.clear()
            token = next(self._tokens)
            future = self._submit(_child_run, project.url, topics, scope, list(ids), redo, token)
            while True:
                try:
                    tok, done, total = self._progress.get(timeout=self.POLL_S)
                except queue.Empty:
                    tok = None
                # asked after every report too: a run of short articles reports faster than POLL_S
                if cancelled is not None and not self._cancel.is_set() and cancelled():
                    self._cancel.set()
                if tok is None:
                    if future.done():
                        break
                    continue
                if tok == token and progress is not None:
                    progress(done, total)
            summary = self._result(future)
            # The child's last progress report can still be in the queue's pipe when its result
            # has arrived: report the end from the result itself, so the caller always sees it.
            if progress is not None:
                progress(summary.done, len(ids))
            return summary

    def close(self) -> None:
        """Stop the helper process (a run in progress stops; what it stored stays)."""
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


class HelperEngine:
    """A ProcessEngine with a project's topics: an ``app.suggesting.Suggester`` whose loop runs in the
    helper process, which writes the suggestions to the project itself; the ``SuggestSummary`` it
    returns carries the ``Changes`` of those writes back to this process."""

    def __init__(self, engine: ProcessEngine, topics: tuple[TopicSpec, ...], scope: str | None = None):
        self._engine, self.topics, self.scope = engine, topics, scope

    def run_suggestions(self, project: Project, article_ids: Sequence[int], *, redo: bool = False,
                        progress: Progress | None = None, cancelled: Cancelled | None = None) -> SuggestSummary:
        """``app.suggesting.run_suggestions`` for ``project``, run in the helper process."""
        return self._engine._run(project, self.topics, self.scope, list(article_ids), redo, progress, cancelled)

    def suggest_many(self, items: Iterable[tuple[str, dt.date | None]], *, batch_size: int = 16,
                     cancelled: Callable[[], bool] | None = None) -> Iterator[list[ClaimDraft]]:
        """Suggestions per (text, published), parsed in the helper (no storing), like the engine's own."""
        items = list(items)
        for at in range(0, len(items), batch_size):
            if cancelled is not None and cancelled():
                return
            yield from self._engine._result(
                self._engine._submit(_child_suggest, self.topics, self.scope, items[at:at + batch_size], batch_size))
