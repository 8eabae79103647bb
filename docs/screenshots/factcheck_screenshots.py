"""Render the fact-check views on the seed articles to PNGs beside this file.

From the repository root: ``python3 docs/screenshots/factcheck_screenshots.py`` (offscreen Qt).
The claims are those the tests confirm (``tests/factcheck_seeds.py``): the issue's two for
stance_changes.png, the fuller set (``extra=True``) for the rest, plus "Crosetto" as a
second speaker name so the registry shows a merge proposal.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from db import Project  # noqa: E402
from desktop.speakers_view import SpeakersView  # noqa: E402
from desktop.stance_view import StanceChangesView  # noqa: E402
from desktop.timeline import TimelineView  # noqa: E402
from desktop.topics_view import TopicsView  # noqa: E402
from tests.factcheck_seeds import CROSETTO_QUOTE_2, confirm, seed_claims  # noqa: E402


def save(app: QApplication, widget: QWidget, name: str, size: tuple[int, int]) -> None:
    widget.resize(*size)
    widget.show()
    app.processEvents()
    if hasattr(widget, "table"):
        widget.table.resizeRowsToContents()
        app.processEvents()
    widget.grab().save(str(HERE / name))
    print(HERE / name)


def main() -> None:
    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QUOTEDESK_DATA_DIR"] = tmp
        with Project.open(Path(tmp) / "issue.quotedesk") as project:  # the two claims the issue names
            seed_claims(project)
            save(app, StanceChangesView(project), "stance_changes.png", (1000, 330))
        with Project.open(Path(tmp) / "seeds.quotedesk") as project:
            seed_claims(project, extra=True)
            save(app, TimelineView(project), "timeline_by_speaker.png", (1000, 560))
            by_affiliation = TimelineView(project)
            by_affiliation.set_grouping("affiliation")
            save(app, by_affiliation, "timeline_by_affiliation.png", (1000, 560))
            save(app, StanceChangesView(project), "stance_changes_more_claims.png", (1000, 330))
            save(app, TopicsView(project), "topics.png", (1000, 300))

            confirm(project, CROSETTO_QUOTE_2, speaker="Crosetto", mention="Crosetto", role=None,
                    date=dt.date(2024, 12, 12), stance="favor")
            guido = project.find_speaker("Guido Crosetto").id
            project.add_speaker_role(guido, "Italian Defense Minister", dt.date(2022, 10, 22))
            registry = SpeakersView(project)
            registry.select_speaker(guido)
            save(app, registry, "speaker_registry.png", (1100, 560))
            main_window(app, project)


def main_window(app: QApplication, project: Project) -> None:
    """The timeline dock in the main window, with Meloni's office's claim opened from it."""
    from PySide6.QtCore import Qt

    from desktop.main_window import MainWindow

    window = MainWindow(project, "screenshots", load_model=False)
    window.resize(1500, 950)
    window.show()
    window.factcheck.show("timeline")
    app.processEvents()
    window.resizeDocks([window.factcheck.docks["timeline"]], [430], Qt.Orientation.Vertical)
    office = project.find_speaker("Giorgia Meloni's office").id
    window.open_claim(next(c.id for c in project.claims() if c.speaker_id == office))
    save(app, window, "main_window_timeline.png", (1500, 950))
    window.close()


if __name__ == "__main__":
    main()
