"""The stance timeline: a topic's confirmed claims on a time axis, one lane per speaker or affiliation.

Drawn with Qt Charts: each lane has its marker shape (its legend entry), each point
the colour of the claim's stance (one scatter series per lane and stance), lanes are
labelled on the left, statement dates along the bottom. Clicking a point opens the claim; hovering shows
the quote. The chart exports to PNG and SVG.
"""

from __future__ import annotations

from collections import Counter
from html import escape

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QDateTimeAxis, QLegend, QScatterSeries
from PySide6.QtCore import QDateTime, QMargins, QPointF, QRectF, QSize, Qt, QTime, Signal
from PySide6.QtGui import QColor, QCursor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QToolTip, QVBoxLayout,
                               QWidget)

from db import ClaimFilter, Project, StancePoint
from desktop.article_view import COLOURS

STANCE_LEGEND = (("favor", "In favour"), ("against", "Against"), ("neutral", "Neutral"), (None, "No stance"))
STANCE_COLOURS = {"favor": COLOURS["favor"], "against": COLOURS["against"], "neutral": COLOURS["neutral"],
                  None: QColor(150, 150, 150)}
SHAPES = (QScatterSeries.MarkerShape.MarkerShapeCircle, QScatterSeries.MarkerShape.MarkerShapeRectangle,
          QScatterSeries.MarkerShape.MarkerShapeTriangle, QScatterSeries.MarkerShape.MarkerShapeRotatedRectangle,
          QScatterSeries.MarkerShape.MarkerShapePentagon, QScatterSeries.MarkerShape.MarkerShapeStar)
MARKER_SIZE = 15.0
LANE_COLOUR = QColor(70, 70, 70)
SAME_DAY_SPREAD = 0.24  # claims of one lane on one day are fanned out vertically by this much


@dataclass
class Lane:
    """One row of the timeline: a speaker or an affiliation and its points, oldest first."""

    label: str
    points: list[StancePoint] = field(default_factory=list)


def lanes_of(points: list[StancePoint], grouping: str) -> list[Lane]:
    """Group points by speaker or affiliation, lanes in order of their first claim."""
    lanes: dict[str, Lane] = {}
    for p in sorted(points, key=lambda p: (p.date, p.article_id, p.claim_id)):
        if grouping == "affiliation":
            label = p.affiliation or f"{p.speaker or 'Unknown speaker'} (no affiliation)"
        else:
            label = p.speaker or "Unknown speaker"
        lanes.setdefault(label.casefold(), Lane(label)).points.append(p)
    return list(lanes.values())


@functools.lru_cache(maxsize=4096)
def msecs(day: dt.date) -> float:
    """Local noon of a day, as the date axis counts (ms since the epoch); cached: QDateTime is slow to make."""
    return dt.datetime(day.year, day.month, day.day, 12).timestamp() * 1000.0


def _positions(lane: Lane, y: float) -> list[QPointF]:
    """Where each of a lane's points goes: at its date; claims of one day fan out vertically in the lane."""
    same_day: dict[dt.date, int] = {}
    for p in lane.points:
        same_day[p.date] = same_day.get(p.date, 0) + 1
    seen: dict[dt.date, int] = {}
    out = []
    for p in lane.points:
        k, total = seen.get(p.date, 0), same_day[p.date]
        seen[p.date] = k + 1
        step = min(SAME_DAY_SPREAD, 0.8 / total)
        out.append(QPointF(msecs(p.date), y + (k - (total - 1) / 2) * step))
    return out


def _series(name: str, shape, colour: QColor) -> QScatterSeries:
    series = QScatterSeries()
    series.setName(name)
    series.setMarkerShape(shape)
    series.setMarkerSize(MARKER_SIZE)
    series.setColor(colour)
    series.setBorderColor(QColor(40, 40, 40))
    return series


class TimelineView(QWidget):
    """Timeline of one topic; ``open_claim(claim_id)`` is called when a point is clicked."""

    claim_activated = Signal(int)

    def __init__(self, project: Project, *, open_claim: Callable[[int], None] | None = None,
                 read_now: bool = True, parent=None):
        """``read_now=False``: nothing is read until the first refresh (a hidden dock's view is read when
        shown: its reads go over the whole project)."""
        super().__init__(parent)
        self.project = project
        self.grouping = "speaker"
        self._grouping_chosen = False  # a person picked the grouping (else: by affiliation once there are some)
        self.topic_id: int | None = None
        self.title = ""
        self.lanes: list[Lane] = []
        self.series: list[QScatterSeries] = []
        self._claims_of: dict[QScatterSeries, list[StancePoint]] = {}
        self._lane_of: dict[QScatterSeries, str] = {}
        if open_claim is not None:
            self.claim_activated.connect(open_claim)

        self.topic_box = QComboBox()
        self.topic_box.setMinimumContentsLength(28)
        self.topic_box.activated.connect(self._topic_chosen)  # not currentIndexChanged: see stance_view
        self.group_box = QComboBox()
        self.group_box.addItem("By speaker", "speaker")
        self.group_box.addItem("By affiliation", "affiliation")
        self.group_box.activated.connect(self._grouping_picked)
        png, svg = QPushButton("Export PNG…"), QPushButton("Export SVG…")
        png.clicked.connect(lambda: self._export_dialog("PNG image (*.png)", ".png", self.export_png))
        svg.clicked.connect(lambda: self._export_dialog("SVG drawing (*.svg)", ".svg", self.export_svg))
        self.note = QLabel()
        self.note.setStyleSheet("color: palette(mid);")

        self.chart = self._new_chart()
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumSize(QSize(480, 220))

        bar = QHBoxLayout()
        bar.addWidget(QLabel("Topic:"))
        bar.addWidget(self.topic_box, 1)
        bar.addWidget(self.group_box)
        bar.addWidget(png)
        bar.addWidget(svg)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.chart_view, 1)
        layout.addWidget(self.note)
        if read_now:
            self.reload_topics()

    # --------------------------------------------------------------- choosing
    def reload_topics(self) -> None:
        """Refill the topic list (after topics were added, renamed or merged), keeping the choice."""
        keep = self.topic_id
        topics = self.project.topics()
        # the count in the menu is what the chart draws: confirmed claims with a date
        shown = Counter(p.topic_id for p in self.project.stance_timeline()) if topics else Counter()
        self.topic_box.blockSignals(True)
        self.topic_box.clear()
        for t in topics:
            self.topic_box.addItem(f"{t.name} ({shown[t.id]})", t.id)
        self.topic_box.blockSignals(False)
        if keep is None and topics:
            keep = max(topics, key=lambda t: (shown[t.id], t.claim_count)).id
        index = self.topic_box.findData(keep)
        self.topic_box.setCurrentIndex(index)
        self.set_topic(keep if index >= 0 else None)

    def _topic_chosen(self, index: int) -> None:
        self.set_topic(self.topic_box.itemData(index) if index >= 0 else None)

    def _grouping_picked(self, index: int) -> None:
        self.set_grouping(self.group_box.itemData(index))

    def set_topic(self, topic_id: int | None) -> None:
        self.topic_id = topic_id
        index = self.topic_box.findData(topic_id)
        if index != self.topic_box.currentIndex():
            self.topic_box.blockSignals(True)
            self.topic_box.setCurrentIndex(index)
            self.topic_box.blockSignals(False)
        self.refresh()

    def set_grouping(self, grouping: str) -> None:
        if grouping not in ("speaker", "affiliation"):
            raise ValueError(f"grouping must be speaker or affiliation, not {grouping!r}")
        self.grouping = grouping
        self._grouping_chosen = True
        self.group_box.setCurrentIndex(self.group_box.findData(grouping))
        self.refresh()

    # ---------------------------------------------------------------- drawing
    def refresh(self) -> None:
        """Redraw from the project (after claims, speakers or topics changed)."""
        points = self.project.stance_timeline(self.topic_id) if self.topic_id is not None else []
        if not self._grouping_chosen and any(p.affiliation for p in points) and self.grouping != "affiliation":
            # until someone chooses, a government's speakers share one lane: its change of stance shows
            self.grouping = "affiliation"
            self.group_box.setCurrentIndex(self.group_box.findData("affiliation"))
        self.lanes = lanes_of(points, self.grouping)
        self._draw()
        if self.topic_id is None:
            self.note.setText("No topic yet: give confirmed claims a topic to see them here.")
            return
        confirmed = self.project.count_claims(ClaimFilter(topic_id=self.topic_id, statuses=("confirmed",)))
        undated = confirmed - len(points)
        parts = [f"{len(points)} confirmed claim{'s' if len(points) != 1 else ''}"]
        if any(p.date_from_article for p in points):
            parts.append("pale markers: no statement date, placed at the article's date")
        if undated:
            parts.append(f"{undated} without any date not shown")
        self.note.setText("; ".join(parts) + ". Click a point to open its claim.")

    @staticmethod
    def _new_chart() -> QChart:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        # the stance colours in a column on the right, where a wide chart has room to spare; the lanes
        # are named on the left axis
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.legend().setMaximumWidth(130)  # three short entries: the plot keeps the width
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
        return chart

    def _draw(self) -> None:
        # a fresh chart each time: axes removed from a QChart leave their labels behind
        old, self.chart = self.chart, self._new_chart()
        self.chart_view.setChart(self.chart)
        old.deleteLater()
        chart = self.chart
        self.series, self._claims_of, self._lane_of = [], {}, {}
        topic = self.topic_box.currentText().rsplit(" (", 1)[0] if self.topic_id is not None else ""
        count = sum(len(lane.points) for lane in self.lanes)
        self.title = (topic if count else f"{topic}: no confirmed claims with a date yet") if topic else "No topic"
        # the topic is named in the menu above; the title goes only into exported images (room for the lanes)

        # axes and their ranges first: a series added to a laid-out chart is placed once
        x_axis = QDateTimeAxis()
        x_axis.setFormat("d MMM yyyy")
        x_axis.setTitleVisible(False)  # dates speak for themselves; the room goes to the lanes
        y_axis = QCategoryAxis()
        y_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        y_axis.setGridLineVisible(True)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        n = len(self.lanes)
        y_axis.setStartValue(-0.6)
        for i, lane in enumerate(reversed(self.lanes)):  # category ends must increase
            y_axis.append(_short(lane.label, 28), float(i))
        y_axis.setRange(-0.6, max(n, 1) - 0.4)
        dates = [p.date for lane in self.lanes for p in lane.points] or [dt.date.today()]
        first, last = min(dates), max(dates)
        pad = dt.timedelta(days=max(10, (last - first).days // 10))
        x_axis.setRange(QDateTime(first - pad, QTime(0, 0)), QDateTime(last + pad, QTime(0, 0)))
        x_axis.setTickCount(6 if (last - first).days > 60 else 4)

        def add(series: QScatterSeries, in_legend: bool) -> None:
            chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
            if not in_legend:
                for marker in chart.legend().markers(series):
                    marker.setVisible(False)

        for i, lane in enumerate(self.lanes):
            shape = SHAPES[i % len(SHAPES)]
            key = _series(lane.label, shape, LANE_COLOUR)  # the lane's marker shape (named on the axis)
            add(key, False)
            # one series per stance in the lane (Qt Charts slows down with the square of a series' size)
            parts: dict[tuple[str | None, bool], list[tuple[StancePoint, QPointF]]] = {}
            for p, xy in zip(lane.points, _positions(lane, float(n - 1 - i))):
                parts.setdefault((p.stance, p.date_from_article), []).append((p, xy))
            for (stance, pale), items in parts.items():
                colour = QColor(STANCE_COLOURS.get(stance, STANCE_COLOURS[None]))
                series = _series(lane.label, shape, colour.lighter(160) if pale else colour)
                add(series, False)
                series.replace([xy for _, xy in items])
                series.clicked.connect(lambda point, s=series: self._clicked(s, point))
                series.hovered.connect(lambda point, state, s=series: self._hovered(s, point, state))
                self.series.append(series)
                self._claims_of[series] = [p for p, _ in items]
                self._lane_of[series] = lane.label

        shown = {p.stance for lane in self.lanes for p in lane.points}
        for stance, label in STANCE_LEGEND:  # empty series: legend entries for the colours
            if stance is not None or None in shown:
                add(_series(label, QScatterSeries.MarkerShape.MarkerShapeCircle, STANCE_COLOURS[stance]), True)

    def drawn(self) -> dict[str, list[tuple[float, float, QColor, StancePoint]]]:
        """What the chart shows, read back from its series: per lane, (x, y, colour, claim) of each marker."""
        out: dict[str, list] = {}
        for series in self.series:
            for i, p in enumerate(self._claims_of[series]):
                at = series.at(i)
                out.setdefault(self._lane_of[series], []).append((at.x(), at.y(), series.color(), p))
        for lane in out.values():
            lane.sort(key=lambda row: (row[0], row[3].article_id, row[3].claim_id))
        return out

    # ------------------------------------------------------------ interaction
    def point_at(self, series: QScatterSeries, point: QPointF) -> StancePoint | None:
        """The claim behind the marker nearest to ``point`` (series coordinates) on screen."""
        claims = self._claims_of.get(series)
        if not claims:
            return None
        target = self.chart.mapToPosition(point, series)
        best = min(range(series.count()), key=lambda i: _dist2(self.chart.mapToPosition(series.at(i), series), target))
        return claims[best]

    def _clicked(self, series: QScatterSeries, point: QPointF) -> None:
        p = self.point_at(series, point)
        if p is not None:
            self.claim_activated.emit(p.claim_id)

    def _hovered(self, series: QScatterSeries, point: QPointF, state: bool) -> None:
        p = self.point_at(series, point) if state else None
        QToolTip.showText(QCursor.pos(), describe(p) if p else "", self.chart_view)

    # ---------------------------------------------------------------- export
    def _export_dialog(self, file_filter: str, suffix: str, write: Callable[[Path], None]) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export timeline", f"timeline{suffix}", file_filter)
        if name:
            path = Path(name)
            write(path if path.suffix.lower() == suffix else path.with_suffix(suffix))

    def _titled(self):
        """For an export: the chart with its topic as title, the title removed again afterwards."""
        chart = self.chart

        class Titled:
            def __enter__(self_inner):
                chart.setTitle(f"<b>{escape(self.title)}</b>")

            def __exit__(self_inner, *exc):
                chart.setTitle("")

        return Titled()

    def export_png(self, path: str | Path, scale: float = 2.0) -> Path:
        """Save the chart as a PNG at ``scale`` times its size on screen."""
        with self._titled():
            return self._export_png(path, scale)

    def _export_png(self, path: str | Path, scale: float) -> Path:
        size = self.chart_view.size()
        image = QImage(int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.render(painter, QRectF(image.rect()), self.chart_view.viewport().rect())
        painter.end()
        if not image.save(str(path), "PNG"):
            raise OSError(f"Could not write the image to {path}.")
        return Path(path)

    def export_svg(self, path: str | Path) -> Path:
        with self._titled():
            return self._export_svg(path)

    def _export_svg(self, path: str | Path) -> Path:
        size = self.chart_view.size()
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(f"Quotedesk timeline: {self.title}")
        generator.setDescription("Confirmed claims by statement date, coloured by stance.")
        painter = QPainter(generator)
        self.chart_view.render(painter, QRectF(0, 0, size.width(), size.height()), self.chart_view.viewport().rect())
        painter.end()
        if not Path(path).exists():
            raise OSError(f"Could not write the drawing to {path}.")
        return Path(path)


def describe(p: StancePoint) -> str:
    """Tooltip text for a point."""
    who = ", ".join(x for x in (p.speaker or "Unknown speaker", p.role) if x)
    when = f"{p.date.day} {p.date:%b %Y}"
    if p.date_from_article:
        when += " (article date)"
    stance = dict(STANCE_LEGEND).get(p.stance, "No stance")
    source = p.article_title or f"article {p.article_id}"
    return f"{who}\n{when} · {stance}\n“{_short(p.quote, 160)}”\n{source}"


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _dist2(a: QPointF, b: QPointF) -> float:
    return (a.x() - b.x()) ** 2 + (a.y() - b.y()) ** 2


__all__ = ["Lane", "TimelineView", "lanes_of"]
