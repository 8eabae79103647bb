"""The fact-check views in a window: registry merges and edits, topics, stance changes, refresh on undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from db import ClaimDraft
from desktop.errors import show_error
from desktop.factcheck import VIEWS, install_factcheck_views
from app.projects import SEED_TOPIC
from desktop.undo import CoreUndoStack
from tests.factcheck_seeds import CROSETTO_QUOTE_2, confirm, seed_claims, span


class Window(QMainWindow):
    """What the main window offers the fact-check views: project, annotator, undo, menus, open_claim,
    and the refresh signals (every change of the undo stack goes out as ``changes_applied``)."""

    changes_applied = Signal(object)
    project_opened = Signal()

    def __init__(self, project):
        super().__init__()
        self.project = project
        self.annotator = "tester"
        self.opened: list[int] = []
        self.undo = CoreUndoStack(project, self.annotator, self)
        self.undo.failed.connect(lambda exc: show_error(self, exc))
        self.undo.changed.connect(self.changes_applied.emit)
        self._menus = {name: self.menuBar().addMenu(name) for name in ("File", "Edit", "Claim", "View", "Help")}

    def menu(self, name):
        return self._menus[name]

    def open_claim(self, claim_id):
        self.opened.append(claim_id)

    def change(self, label, fn):
        return self.undo.apply(label, fn)


@pytest.fixture
def window(qtbot, project):
    ids = seed_claims(project, extra=True)
    w = Window(project)
    w.ids = ids
    qtbot.addWidget(w)
    install_factcheck_views(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def show(window, key):
    window.factcheck.show(key)
    return window.factcheck.views[key]


def close_message_boxes() -> list[str]:
    texts = []
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible():
            texts.append(w.text())
            w.close()
    return texts


def test_install_adds_a_view_menu_entry_and_a_hidden_dock_per_view(window):
    titles = [a.text() for a in window.menu("View").actions() if a.text()]
    assert titles == [title for _, title in VIEWS]
    assert not any(d.isVisible() for d in window.factcheck.docks.values())
    action = next(a for a in window.menu("View").actions() if a.text() == "Stance changes")
    action.trigger()
    assert window.factcheck.docks["stance"].isVisible()


def test_accepting_a_proposed_merge_moves_the_claims_and_the_window_can_undo_it(window, qtbot):
    project = window.project
    short_claim = confirm(project, CROSETTO_QUOTE_2, speaker="Crosetto", mention="Crosetto", role=None,
                          date=dt.date(2024, 12, 12), stance="favor")
    view = show(window, "speakers")
    view.refresh()
    proposals = view.proposal_model.proposals
    row = next(i for i, p in enumerate(proposals) if (p.keep, p.other) == ("Guido Crosetto", "Crosetto"))
    view.proposals.selectRow(row)
    view.accept_proposal()

    guido = project.find_speaker("Guido Crosetto")
    assert project.claim(short_claim).speaker_id == guido.id
    assert "Crosetto" in guido.aliases
    assert "Crosetto" not in [view.model.record(r).name for r in range(view.model.rowCount())]
    assert window.undo.undoText() == "Merge speakers"

    window.undo.undo()
    qtbot.waitUntil(lambda: "Crosetto" in [view.model.record(r).name for r in range(view.model.rowCount())])
    assert project.claim(short_claim).speaker == "Crosetto"


def test_a_new_speaker_like_a_known_one_is_announced_in_the_status_bar(window, qtbot):
    project = window.project
    window.change("New claim", lambda: project.add_claim(
        project.claim(window.ids["crosetto"]).article_id, ClaimDraft(
            content=span(project.article(project.claim(window.ids["crosetto"]).article_id).text, CROSETTO_QUOTE_2),
            speaker="Crosetto", status="confirmed", origin="manual"), annotator="tester")[1])
    qtbot.waitUntil(lambda: "may be the same person" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage().startswith("1 pair of speakers")


def test_speaker_names_are_checked_when_speakers_change_at_most_every_few_seconds(window, qtbot, monkeypatch):
    """A suggestion run's stream of changes to claims does not re-read the speaker names' look-alikes
    (a read over every claim, in the window's process); changes naming speakers do, at most once per
    CHECK_NAMES_MS, and the last of a burst is checked too."""
    from db import Changes
    from desktop import factcheck

    monkeypatch.setattr(factcheck, "CHECK_NAMES_MS", 600)
    project = window.project
    reads = []
    real = project.speaker_merge_proposals
    monkeypatch.setattr(project, "speaker_merge_proposals", lambda: reads.append(1) or real())
    claim = window.ids["crosetto"]
    for _ in range(5):
        window.changes_applied.emit(Changes(claims=frozenset({claim}), articles=frozenset({1})))
        qtbot.wait(20)
    qtbot.wait(200)
    assert reads == []
    speaker = project.claim(claim).speaker_id
    window.changes_applied.emit(Changes(speakers=frozenset({speaker})))
    qtbot.waitUntil(lambda: len(reads) == 1)
    for _ in range(3):  # a burst within the interval: one more check, after it
        window.changes_applied.emit(Changes(speakers=frozenset({speaker})))
        qtbot.wait(20)
    assert len(reads) == 1
    qtbot.waitUntil(lambda: len(reads) == 2, timeout=3000)
    qtbot.wait(800)
    assert len(reads) == 2


def test_dismissing_a_proposal_keeps_both_speakers_and_hides_the_pair(window):
    project = window.project
    project.add_speaker("Meloni")
    view = show(window, "speakers")
    view.refresh()
    row = next(i for i, p in enumerate(view.proposal_model.proposals) if p.other == "Meloni")
    view.proposals.selectRow(row)
    view.dismiss_proposal()
    assert all(p.other != "Meloni" for p in view.proposal_model.proposals)
    assert project.find_speaker("Meloni") is not None


def test_registry_editor_sets_affiliation_and_a_dated_role_and_refuses_a_bad_date(window, qtbot):
    project = window.project
    view = show(window, "speakers")
    stubb = project.find_speaker("Alexander Stubb")
    view.select_speaker(stubb.id)
    assert view.name.text() == "Alexander Stubb"
    view.affiliation.setText("Government of Finland ")
    view.aliases.setText("Stubb, President Stubb")
    view.save()
    view.role.setText("Finnish President")
    view.role_start.setText("2024-03-01")
    view.add_role()
    stubb = project.speaker(stubb.id)
    assert stubb.affiliation == "Government of Finland" and stubb.aliases == ("Stubb", "President Stubb")
    assert project.suggest_role(stubb.id, dt.date(2025, 3, 15)) == "Finnish President"
    assert "Finnish President (2024-03-01 – now)" in view.roles.text()

    view.role.setText("Prime Minister of Finland")
    view.role_start.setText("June 2014")
    view.add_role()
    qtbot.waitUntil(lambda: any(w.isVisible() for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)))
    assert any("write it as 2024-12-12" in t for t in close_message_boxes())
    assert len(project.speaker(stubb.id).roles) == 1
    assert view.role.text() == "Prime Minister of Finland"  # kept for correcting


def test_splitting_an_alias_from_the_registry(window):
    project = window.project
    meloni, office = project.find_speaker("Giorgia Meloni"), project.find_speaker("Giorgia Meloni's office")
    view = show(window, "speakers")
    view.merge(meloni.id, office.id)
    view.select_speaker(meloni.id)
    view.alias_box.setCurrentText("Giorgia Meloni's office")
    view.split_alias()
    assert project.claim(window.ids["office"]).speaker == "Giorgia Meloni's office"
    assert window.undo.undoText() == "Split alias"


def test_topics_view_renames_and_merges_topics(window, monkeypatch):
    project = window.project
    view = show(window, "topics")
    other_topic, _ = project.add_topic("European troops in Ukraine", keywords=["troops"])
    project.update_claim(window.ids["stubb"], topic_id=other_topic.id)
    view.refresh()
    view.select_topic(other_topic.id)
    view.name.setText("European peacekeepers in Ukraine")
    view.keywords.setText("troops, boots on the ground")
    view.save()
    renamed = project.topic(other_topic.id)
    assert renamed.name == "European peacekeepers in Ukraine"
    assert renamed.keywords == ("troops", "boots on the ground")

    seed = project.find_topic(SEED_TOPIC)
    for r in (view.model.row_of(seed.id), view.model.row_of(other_topic.id)):
        view.table.selectionModel().select(view.proxy.mapFromSource(view.model.index(r, 0)),
                                           view.table.selectionModel().SelectionFlag.Select
                                           | view.table.selectionModel().SelectionFlag.Rows)
    monkeypatch.setattr("desktop.topics_view.QInputDialog.getItem", lambda *a, **k: (SEED_TOPIC, True))
    view.merge_selected()
    assert project.claim(window.ids["stubb"]).topic == SEED_TOPIC
    assert [t.name for t in project.topics()] == [SEED_TOPIC]
    assert "boots on the ground" in project.find_topic(SEED_TOPIC).keywords


def click_text(qtbot, browser, text: str) -> None:
    """Click, with the mouse, on the first place ``text`` is shown in a QTextBrowser."""
    cursor = browser.document().find(text)
    assert not cursor.isNull(), f"{text!r} is not shown"
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    cursor.setPosition(cursor.selectionStart() + 1)
    pos = browser.cursorRect(cursor).center()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_stance_changes_view_shows_the_seed_change_side_by_side_and_opens_a_claim(window, qtbot):
    view = show(window, "stance")
    assert len(view.changes) == 1 and view.changes[0].group == "Government of Italy"
    text = view.browser.toPlainText()
    assert "Government of Italy" in text and "IN FAVOUR → AGAINST" in text
    # the earlier claim comes first (left), the later one after it (right)
    assert text.index("12 Dec 2024") < text.index("Guido Crosetto") < text.index("6 Mar 2025")
    assert text.index("6 Mar 2025") < text.index("Giorgia Meloni")
    assert "“We need to think about more durable solutions”" in text
    assert "Italy willing to join potential peacekeeping mission" in text  # the sources
    table = view.browser.document().rootFrame().childFrames()[0]
    assert (table.rows(), table.columns()) == (2, 3)  # header and one change: who, before, after
    click_text(qtbot, view.browser, f"Open claim {window.ids['meloni']}")
    assert window.opened == [window.ids["meloni"]]


def test_open_views_refresh_after_an_edit_and_its_undo(window, qtbot):
    project = window.project
    view = show(window, "stance")
    assert len(view.changes) == 1
    for key in ("crosetto", "crosetto_2"):
        window.change("Set stance", lambda k=key: project.update_claim(window.ids[k], stance="against",
                                                                        annotator="tester"))
    qtbot.waitUntil(lambda: view.changes == [])
    assert "No stance changes" in view.summary.text()
    window.undo.undo()
    window.undo.undo()
    qtbot.waitUntil(lambda: len(view.changes) == 1)


def test_topic_timeline_button_opens_the_timeline_on_that_topic(window):
    project = window.project
    topics = show(window, "topics")
    seed = project.find_topic(SEED_TOPIC)
    topics.select_topic(seed.id)
    topics.show_topic(seed.id)
    timeline = window.factcheck.views["timeline"]
    assert window.factcheck.docks["timeline"].isVisible()
    assert timeline.topic_id == seed.id and sum(s.count() for s in timeline.series) == 7


def test_the_main_window_installs_the_views(qtbot, project):
    main_window = pytest.importorskip("desktop.main_window")
    seed_claims(project)
    w = main_window.MainWindow(project, "tester", load_model=False)
    qtbot.addWidget(w)
    assert set(w.factcheck.docks) == {key for key, _ in VIEWS}
    view_menu = [a.text() for a in w.menu("View").actions()]
    assert all(title in view_menu for _, title in VIEWS)
    w.factcheck.show("stance")
    stance = w.factcheck.views["stance"]
    assert len(stance.changes) == 1
    later = stance.changes[0].after.claim_id
    stance.browser.anchorClicked.emit(QUrl(f"claim:{later}"))
    assert w.claim_id == later


def test_painting_the_stance_changes_runs_no_python_per_cell(window):
    """PySide6 6.12 on Python 3.11 drops a reference to None per Qt call returning nothing; painting
    the table must not make such calls, or scrolling would wear None down until Python aborts."""
    import sys

    view = show(window, "stance")
    before = sys.getrefcount(None)
    for _ in range(20):
        view.browser.viewport().grab()
    assert sys.getrefcount(None) >= before - 5


DESTROY_VIEWS = """
import gc, sys
from PySide6.QtWidgets import QApplication
from db import Project
from desktop.speakers_view import SpeakersView
from desktop.stance_view import StanceChangesView
from desktop.timeline import TimelineView
from desktop.topics_view import TopicsView
from tests.factcheck_seeds import seed_claims

app = QApplication([])
project = Project.open(sys.argv[1])
seed_claims(project)
for make in (StanceChangesView, TimelineView, SpeakersView, TopicsView):
    view = make(project)
    view.show()
    app.processEvents()
    del view
    gc.collect()
    app.processEvents()
print("done")
"""


def test_views_are_destroyed_cleanly(project_path):
    """Their topic boxes change while they are torn down; a view that refreshed itself then
    corrupted memory ("shared QObject was deleted directly", then a malloc abort)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    done = subprocess.run([sys.executable, "-c", DESTROY_VIEWS, str(project_path)], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "done"
    assert "QObject" not in done.stderr and "malloc" not in done.stderr
