"""The stance timeline on the seeds: the points it draws, clicking one, export to PNG and SVG."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage

from app.projects import SEED_TOPIC
from desktop.timeline import STANCE_COLOURS, TimelineView, msecs
from tests.factcheck_seeds import seed_claims


@pytest.fixture
def seeded(project):
    ids = seed_claims(project, extra=True)
    return project, ids


@pytest.fixture
def view(qtbot, seeded):
    project, _ = seeded
    opened: list[int] = []
    v = TimelineView(project, open_claim=opened.append)
    v.opened = opened
    qtbot.addWidget(v)
    v.resize(1000, 560)
    v.show()
    qtbot.waitExposed(v)
    v.set_topic(project.find_topic(SEED_TOPIC).id)
    assert v.grouping == "affiliation"  # speakers of a government share a lane until someone chooses
    v.set_grouping("speaker")
    return v


def drawn(view) -> dict[str, list[tuple[dt.date, str | None, int]]]:
    """Per lane: (date, stance, claim id) of each marker, read back from the chart's series."""
    out = {}
    for lane, markers in view.drawn().items():
        rows = []
        for x, _y, colour, p in markers:
            assert x == msecs(p.date)  # placed at its date
            expected = QColor(STANCE_COLOURS[p.stance])
            assert colour == (expected.lighter(160) if p.date_from_article else expected)  # coloured by stance
            rows.append((p.date, p.stance, p.claim_id))
        out[lane] = rows
    return out


def test_timeline_draws_each_confirmed_claim_in_its_speakers_lane_by_date(view, seeded):
    _, ids = seeded
    lanes = drawn(view)
    assert list(lanes)[:1] == ["Guido Crosetto"]  # lanes in order of first statement
    assert lanes["Guido Crosetto"] == [(dt.date(2024, 12, 12), "favor", ids["crosetto"]),
                                       (dt.date(2024, 12, 12), "favor", ids["crosetto_2"])]
    assert lanes["Giorgia Meloni's office"] == [(dt.date(2025, 3, 15), "against", ids["office"]),
                                                (dt.date(2025, 3, 15), "against", ids["office_2"])]
    assert lanes["Giorgia Meloni"] == [(dt.date(2025, 3, 6), "against", ids["meloni"])]
    assert lanes["Alexander Stubb"] == [(dt.date(2025, 3, 15), "neutral", ids["stubb"])]
    assert sum(map(len, lanes.values())) == 7
    # a legend entry per stance colour (the lanes are named on the axis)
    legend = [m.label() for m in view.chart.legend().markers() if m.isVisible()]
    assert legend == ["In favour", "Against", "Neutral"]
    # dates are readable on the axis and every point is inside its range
    x_axis = view.chart.axes(Qt.Orientation.Horizontal)[0]
    assert x_axis.format() == "d MMM yyyy"
    assert x_axis.min().date().toPython() < dt.date(2024, 12, 12)
    assert x_axis.max().date().toPython() > dt.date(2025, 3, 15)


def test_grouping_by_affiliation_puts_the_italian_government_in_one_lane(view, seeded):
    _, ids = seeded
    view.set_grouping("affiliation")
    lanes = drawn(view)
    italy = lanes["Government of Italy"]
    assert [stance for _, stance, _ in italy] == ["favor", "favor", "against", "against", "against"]
    assert [d for d, _, _ in italy] == sorted(d for d, _, _ in italy)
    assert set(lanes) == {"Government of Italy", "Government of France", "Government of Finland"}


def test_claims_not_confirmed_are_not_drawn(view, seeded, qtbot):
    project, ids = seeded
    project.reject_claim(ids["stubb"], annotator="tester")
    project.update_claim(ids["meloni"], status="suggested", annotator="tester")
    view.refresh()
    lanes = drawn(view)
    assert "Alexander Stubb" not in lanes and "Giorgia Meloni" not in lanes
    assert "5 confirmed claims" in view.note.text()


def test_clicking_a_point_opens_its_claim(view, seeded, qtbot):
    _, ids = seeded
    series = next(s for s in view.series if s.name() == "Giorgia Meloni")
    scene_pos = view.chart.mapToScene(view.chart.mapToPosition(series.at(0), series))
    pos: QPoint = view.chart_view.mapFromScene(scene_pos)
    qtbot.mouseClick(view.chart_view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert view.opened == [ids["meloni"]]


def test_timeline_exports_png_and_svg(view, tmp_path):
    png = view.export_png(tmp_path / "timeline.png")
    image = QImage(str(png))
    assert image.width() == 2 * view.chart_view.width() and image.height() == 2 * view.chart_view.height()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)}
    assert STANCE_COLOURS["against"].name() in colours  # the points are in the picture
    svg = (tmp_path / "timeline.svg")
    view.export_svg(svg)
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "Guido Crosetto" in text and SEED_TOPIC in text


def test_a_topic_without_confirmed_claims_says_so(qtbot, project):
    project.add_topic("Ceasefire")
    v = TimelineView(project)
    qtbot.addWidget(v)
    assert v.series == []
    assert "no confirmed claims" in v.title
