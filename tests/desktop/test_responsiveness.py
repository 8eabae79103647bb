"""The window never freezes, checked by its structure (how long it stalls is measured, on 10,000
articles, by benchmarks/bench_window_table.py and benchmarks/bench_ui_stall.py, not here).

What keeps the event loop running whatever the project's size:
- spaCy and the storing of its suggestions run in the helper process, imports on a worker thread;
- on the UI thread the window reads only what it shows: a block of table rows, one article's
  claims; every read that grows with the project (the claims table's ids, the article list's ids,
  the speakers, the speaker-merge proposals) runs on the reader thread, also while a suggestion
  run's changes arrive one article after another and when it ends;
- the objects alive once the window is up are frozen out of the garbage collector's full passes.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import inspect
import os
import threading

import pytest
from load_scenario import StallMeter, run_scenario
from synthetic_articles import write_articles

from app.engine_process import ProcessEngine
from db import ClaimDraft, NewArticle, Project, Span

BLOCK = 10  # the tables' block of rows, made small so that a read of the whole list shows up
WHOLE_PROJECT = {"article_list_ids", "article_ids", "speaker_merge_proposals", "speakers", "topics",
                 "count_claims"}  # reads whose cost grows with the project whatever they return
READS = {"claims", "stream_claims", "claim_ids", "articles", *WHOLE_PROJECT}


class Reads:
    """Every Project read and suggestion write of this process, with the thread it ran on."""

    def __init__(self, monkeypatch):
        self.calls: list[tuple[bool, str, dict, int]] = []  # (on the GUI thread, verb, arguments, rows)
        self.recording = False
        self._own = threading.local()  # the test's own reads, not recorded
        for name in READS | {"save_suggestions", "add_article"}:
            monkeypatch.setattr(Project, name, self._wrap(name, getattr(Project, name)))

    def _wrap(self, name, verb):
        signature = inspect.signature(verb)

        @functools.wraps(verb)
        def recorded(project, *args, **kwargs):
            result = verb(project, *args, **kwargs)
            if name == "stream_claims":
                result = list(result)
            if self.recording and not getattr(self._own, "reading", False):
                bound = signature.bind(project, *args, **kwargs)
                rows = len(result) if isinstance(result, list) else 1
                self.calls.append((threading.current_thread() is threading.main_thread(), name,
                                   dict(list(bound.arguments.items())[1:]), rows))
            return result

        return recorded

    @contextlib.contextmanager
    def own(self):
        self._own.reading = True
        try:
            yield
        finally:
            self._own.reading = False

    def on_gui(self) -> list[tuple[str, dict, int]]:
        return [(name, args, rows) for gui, name, args, rows in self.calls if gui]

    def off_gui(self, name: str) -> list[dict]:
        return [args for gui, verb, args, _ in self.calls if not gui and verb == name]


def _unbounded(name: str, args: dict, rows: int) -> bool:
    """A read on the UI thread that costs more than a block of rows or one article."""
    if name in WHOLE_PROJECT or rows > BLOCK:
        return True
    f = args.get("f")
    if name in ("claims", "stream_claims", "claim_ids"):
        return f is None or (f.ids is None and f.article_id is None)
    if name == "articles":
        return args.get("ids") is None
    return False


QUOTE = "“We will reopen bridge {i} in May,” Mayor Lina Ortiz {k} said on Monday. "


def _build(path, articles: int, per_article: int) -> None:
    """Articles with claims placed as suggestions would be (no model needed for these)."""
    with Project.open(path) as p:
        for a in range(articles):
            text = "".join(QUOTE.format(i=a * 100 + n, k=n) for n in range(per_article))
            article, _ = p.add_article(NewArticle(text=text, title=f"Bridges {a}"))
            drafts, at = [], 0
            for n in range(per_article):
                chunk = QUOTE.format(i=a * 100 + n, k=n)
                drafts.append(ClaimDraft(content=Span(at + 1, at + chunk.index("”"), chunk[1:chunk.index("”")]),
                                         kind="direct", speaker=f"Mayor Lina Ortiz {n}"))
                at += len(chunk)
            p.save_suggestions(article.id, drafts)


def test_while_a_suggestion_run_stores_claims_the_ui_thread_reads_only_the_rows_it_shows(
        qtbot, project_path, make_window, monkeypatch):
    from desktop import main_window
    from desktop.table_models import IdTableModel

    monkeypatch.setattr(IdTableModel, "BLOCK", BLOCK)
    monkeypatch.setattr(main_window, "MANY_ARTICLES", 5)  # "many articles" at this project's scale
    _build(project_path, articles=30, per_article=6)  # 180 claims: 18 blocks
    reads = Reads(monkeypatch)
    window = make_window()
    panel = window.claims_panel
    window.act_show_claims()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 180, timeout=30_000)
    with Project.open(project_path) as elsewhere:  # articles arriving as a command-line import would
        new = [elsewhere.add_article(NewArticle(
            text=f"“The bridge {i} reopens in May,” Mayor Lina Ortiz said. Ortiz told reporters that "
                 f"the works on bridge {i} were nearly done 🌉.", title=f"New bridge {i}"))[0].id
            for i in range(12)]
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 42, timeout=30_000)  # seen by the poll

    done = []
    window.suggestions_done.connect(done.append)
    reads.recording = True
    window.suggest(new)
    table, articles = panel.table.verticalScrollBar(), window.article_table.verticalScrollBar()
    step = 0
    while not done:  # the person scrolls both lists while the run stores its claims
        table.setValue(table.maximum() * (step % 7) // 6)
        articles.setValue(articles.maximum() * (step % 5) // 4)
        qtbot.wait(20)
        step += 1
        assert step < 6000, "the suggestion run did not end in two minutes"
    with reads.own():
        total = window.project.count_claims()
    qtbot.waitUntil(lambda: panel.model.rowCount() == total, timeout=30_000)  # the coalesced re-read came
    reads.recording = False

    assert done[0].articles and total > 180 + len(new)  # the run really stored suggestions
    assert step > 3  # and the lists were scrolled while it ran
    assert reads.off_gui("claim_ids") and reads.off_gui("article_list_ids")  # the lists were re-read...
    unbounded = [(name, rows) for name, args, rows in reads.on_gui() if _unbounded(name, args, rows)]
    assert not unbounded, f"reads over the whole project on the UI thread: {unbounded}"  # ...but not here
    assert max(rows for _, _, rows in reads.on_gui()) <= BLOCK
    assert not [c for c in reads.calls if c[0] and c[1] in ("save_suggestions", "add_article")]


def test_the_objects_alive_at_startup_leave_the_garbage_collectors_full_passes():
    from desktop.launch import freeze_startup_objects

    gc.collect()
    alive = len(gc.get_objects())  # what a full pass looks at
    assert alive > 10_000  # Qt's bindings and the rest of the test session: many
    freeze_startup_objects()
    try:
        assert gc.get_freeze_count() >= alive * 0.9
        assert len(gc.get_objects()) < alive // 10  # what a full pass looks at from now on
    finally:
        gc.unfreeze()


@pytest.fixture(scope="module")
def helper():
    with ProcessEngine() as engine:  # the pipeline as the window loads it
        yield engine


@pytest.mark.slow
def test_imports_run_on_a_worker_and_suggestions_are_stored_by_the_helper_process(
        qapp, project, helper, tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    write_articles(folder, 20)
    reads = Reads(monkeypatch)
    reads.recording = True
    result = run_scenario(project, helper, folder)
    assert result.articles == 20 and result.claims > 20  # the work really happened
    assert project.article_ids(lacking_suggestions=True) == []
    imported = [gui for gui, name, _, _ in reads.calls if name == "add_article"]
    assert len(imported) == 20 and not any(imported)  # on the import job's worker thread
    assert not [c for c in reads.calls if c[1] == "save_suggestions"]  # not in this process at all
    assert helper.pid != os.getpid()


def test_model_loads_in_the_background_while_the_event_loop_keeps_running(qtbot, qapp):
    from app.jobs import load_model_job
    from desktop.task_runner import TaskRunner

    runner = TaskRunner()
    meter = StallMeter()
    meter.start()
    task = runner.start("Load language model", load_model_job)
    with qtbot.waitSignal(task.ended, timeout=120_000):
        pass
    meter.stop()
    try:
        assert task.error is None and isinstance(task.result.model, ProcessEngine)
        assert task.result.model.pid != os.getpid()  # spaCy lives in the helper process
        assert len(meter.gaps_ms) > 20  # the event loop ran all the while the pipeline loaded
    finally:
        if task.result is not None:
            task.result.model.close()


def test_garbage_is_collected_by_the_gui_thread_not_by_whichever_thread_allocates(qtbot):
    """A closed dialog in a reference cycle must be destroyed on the GUI thread: the window turns
    automatic collection off and collects from a timer there."""
    import threading
    import weakref

    from PySide6.QtWidgets import QWidget

    from desktop.launch import COLLECT_MS, collect_on_the_gui_thread

    owner = QWidget()
    qtbot.addWidget(owner)
    was_enabled = gc.isenabled()
    timer = collect_on_the_gui_thread(owner)
    try:
        assert not gc.isenabled()

        class Cycle:
            pass

        def make_garbage_in_a_worker(out):
            a, b = Cycle(), Cycle()
            a.other, b.other = b, a
            out.append(weakref.ref(a))
            for _ in range(50_000):  # allocations that would have triggered a collection here
                [Cycle() for _ in range(3)]

        refs: list = []
        worker = threading.Thread(target=make_garbage_in_a_worker, args=(refs,))
        worker.start()
        worker.join()
        assert refs[0]() is not None, "collected off the GUI thread"
        qtbot.waitUntil(lambda: refs[0]() is None, timeout=COLLECT_MS * 3)
    finally:
        timer.stop()
        if was_enabled:
            gc.enable()


def test_the_article_list_is_read_on_the_reader_thread_never_on_the_ui_thread(qtbot, project_path, make_window,
                                                                             monkeypatch):
    """Opening a project, a change over several articles, its undo and a search each re-read the article
    list's ids (a query that grows with the project): on the reader thread, never on the UI thread."""
    _build(project_path, articles=12, per_article=2)
    reads = Reads(monkeypatch)
    reads.recording = True
    window = make_window()
    assert window.article_model.rowCount() == 12 and window.article_id == window.article_model.ids()[0]
    project, opened = window.project, len(reads.off_gui("article_list_ids"))
    keep, other = (project.find_speaker(f"Mayor Lina Ortiz {n}").id for n in (0, 1))
    changes = window.change("Merge speakers", lambda: project.merge_speakers(keep, other, annotator="ana"))
    touched = {project.claim(c).article_id for c in changes.claims}
    assert touched - {window.article_id}  # not only the shown article: the list's counts are re-read
    qtbot.waitUntil(lambda: window.article_list_current, timeout=10_000)
    window.actions["undo"].trigger()
    qtbot.waitUntil(lambda: window.article_list_current, timeout=10_000)
    window.article_search.setText("Bridges 7")
    qtbot.waitUntil(lambda: window.article_model.rowCount() < 12, timeout=10_000)
    assert opened >= 1 and len(reads.off_gui("article_list_ids")) >= opened + 3
    assert [args for name, args, _ in reads.on_gui() if name == "article_list_ids"] == []


def test_opening_a_project_reads_nothing_over_the_whole_project_on_the_ui_thread(qtbot, project_path, settings,
                                                                              monkeypatch):
    """The article list, the speakers and topics (each with its claim count), the merge proposals and the
    fact-check views' data all grow with the project: the window reads them on the reader thread, or
    when a hidden view is first shown, not while it opens (2 s of a 10,000-article project's opening)."""
    from desktop.main_window import MainWindow
    from desktop.table_models import IdTableModel

    monkeypatch.setattr(IdTableModel, "BLOCK", BLOCK)
    _build(project_path, articles=12, per_article=2)
    reads = Reads(monkeypatch)
    reads.recording = True
    window = MainWindow(Project.open(project_path), "ana", settings=settings, load_model=False, owns_project=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.article_list_current, timeout=10_000)
    qtbot.waitUntil(lambda: not window.reader.tasks, timeout=10_000)
    assert window.article_id == window.article_model.ids()[0] and window.article_model.rowCount() == 12
    assert window.claims_panel.speaker.count() == 1 + 2  # "any speaker" and the two mayors, read on the reader
    unbounded = [(name, rows) for name, args, rows in reads.on_gui() if _unbounded(name, args, rows)]
    assert not unbounded, f"reads over the whole project on the UI thread while the window opened: {unbounded}"
    assert {"article_list_ids", "speakers", "topics", "speaker_merge_proposals"} <= \
        {verb for gui, verb, _, _ in reads.calls if not gui}
    window.factcheck.show("speakers")  # a view shown reads what it shows
    assert window.factcheck.views["speakers"].model.rowCount() == 2
    window.close()
    window.reader.shutdown()
