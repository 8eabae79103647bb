"""The long lists (all claims, articles) hold ids and read the rows a view shows, a block at a time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from db import ClaimDraft, ClaimFilter, NewArticle, Span
from desktop.claims_panel import ClaimsPanel
from desktop.table_models import ID_ROLE, ArticleTableModel, ClaimTableModel
from desktop.task_runner import TaskRunner

QUOTE = "“We will fix road {n} 🚧,” said {who}. "


def fill(project, articles: int, per_article: int) -> None:
    for a in range(articles):
        chunks = [QUOTE.format(n=a * 100 + i, who=("Ann Lee", "Bo Chan", "Cy Diaz")[i % 3]) for i in range(per_article)]
        article, _ = project.add_article(NewArticle(text="".join(chunks), title=f"Article {a:03d}"))
        drafts, at = [], 0
        for i, chunk in enumerate(chunks):
            end = at + chunk.index("”")
            drafts.append(ClaimDraft(content=Span(at + 1, end, "".join(chunks)[at + 1:end]), kind="direct",
                                     speaker=("Ann Lee", "Bo Chan", "Cy Diaz")[i % 3]))
            at += len(chunk)
        project.save_suggestions(article.id, drafts)


def shown_panel(qtbot, project) -> tuple[ClaimsPanel, TaskRunner]:
    """An All claims panel on the project, shown (nothing read yet), and its runner."""
    runner = TaskRunner()
    panel = ClaimsPanel(runner)
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    panel.show()
    panel.project = project
    return panel, runner


class CountingFetch:
    def __init__(self, project):
        self.project, self.calls, self.rows = project, 0, 0

    def __call__(self, ids):
        self.calls += 1
        self.rows += len(ids)
        return self.project.claims(ClaimFilter(ids=tuple(ids)))


def test_claim_model_reads_only_the_blocks_shown_and_keeps_a_bounded_cache(qtbot, project):
    fill(project, 30, 20)  # 600 claims
    fetch = CountingFetch(project)
    model = ClaimTableModel(fetch=fetch)
    model.BLOCK, model.CACHE = 50, 120
    model.set_ids(project.claim_ids())
    assert model.rowCount() == 600 and fetch.calls == 0  # ids only until a row is shown
    first = project.claims()[0]
    assert model.index(0, 2).data() == first.quote and model.index(0, 1).data() == first.speaker
    assert fetch.calls == 1 and fetch.rows == 50
    model.index(49, 2).data()
    assert fetch.calls == 1  # same block
    for row in range(0, 600, 7):  # scroll through the whole table
        assert model.index(row, 0).data(ID_ROLE) == model.ids()[row]
        assert model.index(row, 2).data()
    assert model.cached() <= 120
    assert fetch.rows <= 600 + 50 * 3


def test_a_jump_anywhere_in_the_claims_table_reads_its_rows_in_one_query(qtbot, project):
    """Scrolling the whole table is a jump per page: each page read once, wherever it starts (not two
    blocks when the page spans a block boundary), and every row shown is the right claim."""
    fill(project, 30, 20)  # 600 claims
    fetch = CountingFetch(project)
    model = ClaimTableModel(fetch=fetch)
    model.BLOCK = 50
    model.set_ids(project.claim_ids())
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    quotes = {c.id: c.quote for c in project.claims()}
    for top in (45, 140, 299, 371, 575, 20):  # each page straddles a multiple of the block
        before = fetch.calls
        view.scrollTo(model.index(top, 0), QTableView.ScrollHint.PositionAtTop)
        QApplication.processEvents()
        view.viewport().repaint()
        shown = range(view.rowAt(0), view.rowAt(view.viewport().height() - 1) + 1)
        assert view.rowAt(0) <= top < shown[-1] and len(shown) > 5
        assert fetch.calls == before + 1, top
        assert all(model.index(r, 2).data() == quotes[model.ids()[r]].replace("\n", " ") for r in shown)
        assert fetch.calls == before + 1


def test_claims_table_sorts_filters_and_searches_in_sql_with_the_one_filter(qtbot, project):
    fill(project, 6, 5)
    runner = TaskRunner()
    panel = ClaimsPanel(runner)
    qtbot.addWidget(panel)
    panel.project = project
    panel.set_registry(project.speakers(), project.topics())

    def shown(change):
        with qtbot.waitSignal(panel.loaded, timeout=10_000):
            change()
        return [panel.model.index(r, 1).data() for r in range(panel.model.rowCount())]

    speakers = shown(panel.reload)
    assert len(speakers) == 30 and panel.count.text() == "30 of 30 claims"
    speakers = shown(lambda: panel.table.sortByColumn(1, Qt.SortOrder.DescendingOrder))
    assert speakers == sorted(speakers, reverse=True) and speakers[0] == "Cy Diaz"
    ann = project.find_speaker("Ann Lee").id
    speakers = shown(lambda: panel.speaker.setCurrentIndex(panel.speaker.findData(ann)))
    assert set(speakers) == {"Ann Lee"} and len(speakers) == project.count_claims(ClaimFilter(speaker_id=ann))
    panel.speaker.blockSignals(True)
    panel.speaker.setCurrentIndex(0)
    panel.speaker.blockSignals(False)
    shown(lambda: panel.search.setText("road 203"))
    assert [panel.model.index(r, 2).data() for r in range(panel.model.rowCount())] == ["We will fix road 203 🚧,"]
    expected = project.claim_ids(ClaimFilter(text="road 203"))
    assert panel.model.ids() == expected


def test_claims_table_refreshes_a_changed_row_in_place(qtbot, project):
    fill(project, 3, 4)
    runner = TaskRunner()
    panel = ClaimsPanel(runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.project = project
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.reload()
    claim_id = panel.model.index(5, 0).data(ID_ROLE)
    assert panel.model.index(5, 0).data() == "suggested"
    changes = project.confirm_claim(claim_id)
    panel.apply_changes(changes)
    assert panel.model.index(5, 0).data() == "confirmed" and panel.model.index(5, 0).data(ID_ROLE) == claim_id
    deleted = panel.model.index(0, 0).data(ID_ROLE)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.apply_changes(project.delete_claim(deleted))
    assert deleted not in panel.model.ids() and panel.model.rowCount() == 11


def test_claim_ids_sort_by_each_column_and_refuse_an_unknown_one(project):
    fill(project, 4, 3)
    by_article = project.claim_ids(sort="article", descending=True)
    titles = [project.claim(i).article_title for i in by_article]
    assert titles == sorted(titles, reverse=True)
    for name in ClaimTableModel.sort_names:
        assert sorted(project.claim_ids(sort=name)) == sorted(by_article)
    try:
        project.claim_ids(sort="nonsense")
    except Exception as exc:  # noqa: BLE001 - the message is what a person sees
        assert "sort by one of" in str(exc)
    else:
        raise AssertionError("an unknown sort was accepted")


def test_article_list_reads_counts_only_for_the_rows_it_shows(qtbot, project):
    fill(project, 12, 2)
    project.confirm_claim(project.claims()[0].id)
    asked = []

    def fetch(ids):
        asked.append(list(ids))
        return project.articles(ids=ids)

    model = ArticleTableModel(fetch=fetch)
    model.BLOCK = 5
    model.set_ids(project.article_list_ids())
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    full = {a.id: a for a in project.articles()}
    assert [model.record(r) for r in range(model.rowCount())] == [full[i] for i in model.ids()]
    assert max(len(a) for a in asked) <= 5
    assert project.article_list_ids() == [a.id for a in project.articles()]
    assert project.article_list_ids("road 1101") == [a.id for a in project.articles("road 1101")]
    assert len(project.article_list_ids("road 1101")) == 1


def test_a_stream_of_new_claims_rereads_the_ids_once_and_keeps_the_tables_place(qtbot, project, monkeypatch):
    from PySide6.QtWidgets import QAbstractItemView

    from desktop import claims_panel

    fill(project, 20, 10)  # 200 claims, "Article 000" to "Article 019"
    monkeypatch.setattr(claims_panel, "RELOAD_MS", 600_000)  # the stream below comes well within it
    panel, runner = shown_panel(qtbot, project)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.reload()
    panel.table.scrollTo(panel.model.index(120, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    panel.table.selectRow(125)
    top, current = panel.model.index(panel.table.rowAt(0), 0).data(ID_ROLE), panel.table.currentIndex().data(ID_ROLE)
    assert panel.table.rowAt(0) == 120
    reads = []
    ids = project.claim_ids
    monkeypatch.setattr(project, "claim_ids", lambda *a, **k: reads.append(a) or ids(*a, **k))

    for n in range(5):  # a suggestion run elsewhere: article after article, each one change
        chunk = QUOTE.format(n=900 + n, who="Di Eng")
        article, _ = project.add_article(NewArticle(text=chunk * 2, title=f"Article 000 {n}"))  # sorts above the top row
        end = chunk.index("”")
        panel.apply_changes(project.save_suggestions(article.id, [
            ClaimDraft(content=Span(1, end, chunk[1:end]), kind="direct", speaker="Di Eng"),
            ClaimDraft(content=Span(len(chunk) + 1, len(chunk) + end, chunk[1:end]), kind="direct", speaker="Di Eng")]))
    assert reads == [] and panel.model.rowCount() == 200  # no query per change...
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel._reload_timer.start(0)  # ...one when RELOAD_MS has passed
    assert len(reads) == 1 and panel.model.rowCount() == 210
    assert panel.model.ids() == project.claim_ids(sort="article")
    assert panel.table.rowAt(0) == 130 and panel.model.index(130, 0).data(ID_ROLE) == top  # same row at the top
    assert panel.table.currentIndex().data(ID_ROLE) == current and panel.table.currentIndex().row() == 135


def test_a_new_sort_shows_its_first_rows_then_appends_the_rest_in_place(qtbot, project, monkeypatch):
    """The first rows come from a query with a LIMIT and show before the whole selection is read and
    sorted; the rest is appended, so the row the user went to stays current."""
    import threading

    from desktop.claims_panel import FIRST_ROWS

    fill(project, 30, 15)  # 450 claims
    everything = project.claim_ids(sort="article")
    ids, release, limits = project.claim_ids, threading.Event(), []

    def claim_ids(f=None, **kwargs):
        limits.append(f.limit)
        if f.limit is None:  # the whole selection waits until the first rows were looked at
            assert release.wait(10)
        return ids(f, **kwargs)

    monkeypatch.setattr(project, "claim_ids", claim_ids)
    panel, _runner = shown_panel(qtbot, project)
    resets = []
    panel.model.modelReset.connect(lambda: resets.append(True))
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == FIRST_ROWS, timeout=10_000)
    assert panel.model.ids() == everything[:FIRST_ROWS]
    assert panel.count.text() == f"The first {FIRST_ROWS} claims; reading the rest…"
    panel.table.selectRow(150)
    chosen = panel.table.currentIndex().data(ID_ROLE)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        release.set()
    assert limits == [FIRST_ROWS, None]
    assert panel.model.ids() == everything and panel.count.text() == "450 of 450 claims"
    assert resets == [True]  # one reset for the first rows; the rest was appended
    assert panel.table.currentIndex().row() == 150 and panel.table.currentIndex().data(ID_ROLE) == chosen
