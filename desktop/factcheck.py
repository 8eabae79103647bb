"""Fact-check views in the main window: speaker registry, topics, stance timeline, stance changes.

``install_factcheck_views(window)`` adds one dock per view (hidden at first, tabbed
together at the bottom) and a View menu entry that shows or hides each. It needs from
the window: ``project``, ``open_claim(claim_id)``, ``menu(name)``, ``change(label, fn)`` (the
undo stack: edits become undoable) with ``annotator``, and the signals ``changes_applied`` (after
any write: edits, undo, imports, suggestions) and ``project_opened``; open views refresh on them.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from desktop.speakers_view import SpeakersView
from desktop.stance_view import StanceChangesView
from desktop.timeline import TimelineView
from desktop.topics_view import TopicsView

CHECK_NAMES_MS = 5000
"""A stream of changes naming speakers (a suggestion run making new ones) checks the speaker names for
look-alikes at most this often: each check counts every claim's speaker and compares every name, on the
reader thread of the window's process (Python work that takes the GIL from the GUI thread)."""

VIEWS = (("speakers", "Speaker registry"), ("topics", "Topics"), ("timeline", "Stance timeline"),
         ("stance", "Stance changes"))


class ViewDock(QDockWidget):
    """A view's dock opens at two fifths of the window's height: the text and the form keep the rest."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        window = self.parentWidget()
        return QSize(hint.width(), max(self.minimumSizeHint().height(), window.height() * 2 // 5)) if window else hint


class FactcheckViews(QObject):
    """The four views and their docks; ``show(key)`` brings one to the front."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        project = window.project
        change = window.change

        def annotator() -> str | None:
            return window.annotator

        # hidden docks: each view reads the project when it is first shown (its reads go over every claim)
        self.views: dict[str, QWidget] = {
            "speakers": SpeakersView(project, change=change, annotator=annotator, read_now=False),
            "topics": TopicsView(project, change=change, annotator=annotator, show_topic=self.show_timeline,
                                 read_now=False),
            "timeline": TimelineView(project, open_claim=window.open_claim, read_now=False),
            "stance": StanceChangesView(project, open_claim=window.open_claim, read_now=False),
        }
        self.docks: dict[str, QDockWidget] = {}
        self._placed = False  # the docks got their height once this session
        menu = window.menu("View")
        menu.addSeparator()
        for key, title in VIEWS:
            dock = ViewDock(title, window)
            dock.setObjectName(f"dock_{key}")
            dock.setWidget(self.views[key])
            window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            if self.docks:
                window.tabifyDockWidget(next(iter(self.docks.values())), dock)
            dock.hide()
            dock.visibilityChanged.connect(lambda visible, k=key: visible and self.refresh(k))
            self.docks[key] = dock
            action = dock.toggleViewAction()
            action.setStatusTip(f"Show or hide the {title.lower()}")
            action.triggered.connect(lambda on, k=key: on and self.show(k))  # to the front, not behind a tab
            menu.addAction(action)
        self._announced: set[tuple[int, int]] = set()
        self._checking = self._check_again = False
        self._names_changed = False  # changes since the last check named speakers
        self._checked = QElapsedTimer()  # since the last check of the names started
        self._read_known_proposals(project)
        self._timer = QTimer(self, singleShot=True, interval=0)  # many changes at once: one refresh
        self._timer.timeout.connect(self.refresh_visible)
        self._names_timer = QTimer(self, singleShot=True)  # the next check of a stream of changes
        self._names_timer.timeout.connect(self.announce_proposals)
        window.changes_applied.connect(self.project_changed)
        window.project_opened.connect(self.project_changed)

    def _read_known_proposals(self, project) -> None:
        """The merge proposals there when the window opened are no news (``announce_proposals`` says only
        new ones). They count every claim's speaker: read on the reader thread, as every later check."""
        reader = getattr(self.window, "reader", None)
        if reader is None:
            self._announced = {(p.keep_id, p.other_id) for p in project.speaker_merge_proposals()}
            return
        self._checking = True

        def known(proposals) -> None:
            self._checking = False
            if proposals is not None and project is self.window.project:
                self._announced = {(p.keep_id, p.other_id) for p in proposals}
            if self._check_again:  # changes came meanwhile: look again, and say what is new since
                self.announce_proposals()

        reader.start("Check speaker names", lambda *, progress, cancelled: project.speaker_merge_proposals(),
                     on_done=known, on_error=lambda _exc: known(None))

    def project_changed(self, changes=None) -> None:
        """Refresh the open views soon; hidden ones refresh when they are shown. The speaker names are
        checked again when speakers changed (or another project opened), not for every claim's change."""
        if changes is None or changes.speakers:
            self._names_changed = True
        self._timer.start()

    def refresh_visible(self) -> None:
        for key, dock in self.docks.items():
            if dock.isVisible():
                self.refresh(key)
        if self._names_changed:
            self._check_names_soon()

    def _check_names_soon(self) -> None:
        """``announce_proposals`` now, or once CHECK_NAMES_MS after the last check began."""
        wait = CHECK_NAMES_MS - self._checked.elapsed() if self._checked.isValid() else 0
        if wait <= 0:
            self.announce_proposals()
        elif not self._names_timer.isActive():
            self._names_timer.start(wait)

    def announce_proposals(self) -> None:
        """Say in the status bar when new speakers look like ones already known ("Meloni" / "Giorgia Meloni").

        The proposals count every claim's speaker: read on the window's reader thread, one read at a
        time (changes arriving meanwhile, a suggestion run's, ask for one more read after it)."""
        if self._checking:
            self._check_again = True
            return
        self._names_changed = False
        self._names_timer.stop()
        self._checked.start()
        project, reader = self.window.project, getattr(self.window, "reader", None)
        if reader is None:
            self._proposals_read(project, project.speaker_merge_proposals())
            return
        self._checking, self._check_again = True, False
        reader.start("Check speaker names", lambda *, progress, cancelled: project.speaker_merge_proposals(),
                     on_done=lambda proposals: self._proposals_read(project, proposals),
                     on_error=lambda _exc: self._proposals_read(project, None))

    def _proposals_read(self, project, proposals) -> None:
        self._checking = False
        if self._check_again:
            self.announce_proposals()
        if proposals is None or project is not self.window.project:
            return
        pairs = {(p.keep_id, p.other_id) for p in proposals}
        new = pairs - self._announced
        self._announced = pairs
        if new and hasattr(self.window, "statusBar"):
            n = len(pairs)
            self.window.statusBar().showMessage(
                f"{n} pair{'s' if n != 1 else ''} of speakers may be the same person: "
                "View ▸ Speaker registry to merge or dismiss them.", 10000)

    def refresh(self, key: str) -> None:
        view = self.views[key]
        view.project = self.window.project  # the window may have opened another project
        if hasattr(view, "reload_topics"):
            view.reload_topics()
        else:
            view.refresh()

    def show(self, key: str) -> None:
        dock = self.docks[key]
        first, self._placed = not self._placed, True
        dock.show()
        dock.raise_()
        if first:  # the window may have grown since the dock's place was laid out: two fifths of it
            QTimer.singleShot(0, lambda: dock.isVisible() and self.window.resizeDocks(
                [dock], [max(dock.minimumSizeHint().height(), self.window.height() * 2 // 5)], Qt.Orientation.Vertical))
        self.refresh(key)

    def show_timeline(self, topic_id: int) -> None:
        self.show("timeline")
        self.views["timeline"].set_topic(topic_id)


def install_factcheck_views(window: QMainWindow) -> FactcheckViews:
    """Add the fact-check docks and View menu entries to the main window; kept as ``window.factcheck``."""
    views = FactcheckViews(window)
    window.factcheck = views
    return views
