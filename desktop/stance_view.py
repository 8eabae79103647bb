"""The stance-changes view: per topic, where a speaker or an affiliation changed stance.

One table row per change (``Project.stance_changes``): who, then the earlier claim and
the later one side by side, each with its date, stance, speaker, quote and source, and
a link that opens the claim in its article.

The table is one HTML document in a QTextBrowser, drawn by Qt alone: no Python runs
while it paints or scrolls. (PySide6 6.12 on Python 3.11 drops a reference to None on
every Qt method call that returns nothing, so per-cell Python painting would wear
``None`` down within minutes of scrolling.)
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from db import Project, StanceChange, StancePoint
from kernel import STANCE_LABELS, STRENGTH_LABELS
from desktop.timeline import STANCE_COLOURS

STANCE_WORDS = {k: v.upper() for k, v in STANCE_LABELS.items() if k}
ALL_TOPICS = -1  # the combo box's "All topics" item (not None: see the module docstring)
LINK_SCHEME = "claim"
MAX_ROWS = 300  # a rich-text table lays out in time proportional to its size; more is not read anyway


def _tint(stance: str | None) -> str:
    """The stance colour mixed 18% into white, as #rrggbb (rich text has no alpha)."""
    c = STANCE_COLOURS.get(stance, STANCE_COLOURS[None])
    mix = [round(255 - (255 - v) * 0.18) for v in (c.red(), c.green(), c.blue())]
    return "#%02x%02x%02x" % tuple(mix)


def side_html(p: StancePoint) -> str:
    colour = STANCE_COLOURS.get(p.stance, STANCE_COLOURS[None]).darker(130).name()
    date = f"{p.date.day} {p.date:%b %Y}" + (" <i>(article date)</i>" if p.date_from_article else "")
    role = f", {escape(p.role)}" if p.role else ""
    source = " · ".join(escape(x) for x in (p.article_title or f"Article {p.article_id}", p.publisher) if x)
    url = f'<br><a href="{escape(p.article_url)}">{escape(p.article_url)}</a>' if p.article_url else ""
    return (f'<b>{date}</b> &nbsp;<b style="color:{colour}">{STANCE_WORDS.get(p.stance, "")}</b><br>'
            f"<b>{escape(p.speaker or 'Unknown speaker')}</b>{role}"
            f'<p style="margin-top:5px; margin-bottom:5px">“{escape(p.quote)}”</p>'
            f'<span style="color:#555; font-size:small">{source}{url}</span><br>'
            f'<a href="{LINK_SCHEME}:{p.claim_id}">Open claim {p.claim_id} ›</a>')


def who_html(change: StanceChange, show_topic: bool) -> str:
    basis = "same speaker" if change.basis == "speaker" else "same affiliation"
    before, after = (STANCE_WORDS.get(s.stance, "") for s in (change.before, change.after))
    topic = f'<br><br><span style="color:#555; font-size:small">Topic: {escape(change.topic)}</span>' \
        if show_topic else ""
    label = STRENGTH_LABELS[change.strength]
    strength = ('<b style="color:#a01010">REVERSAL</b>' if change.strength == "reversal"
                else f'<span style="color:#666">{escape(STRENGTH_LABELS[change.strength])}</span>')
    return (f'<b>{escape(change.group)}</b><br><span style="font-size:small">({basis})</span><br><br>'
            f"{before} → {after}<br>{strength}{topic}")


def changes_html(changes: list[StanceChange], *, show_topic: bool) -> str:
    rows = ["<tr>" + "".join(f'<th align="left" width="{w}">{h}</th>'
                             for h, w in (("Who", "18%"), ("Before", "41%"), ("After", "41%"))) + "</tr>"]
    for c in changes:
        rows.append(
            f'<tr><td valign="top">{who_html(c, show_topic)}</td>'
            f'<td valign="top" bgcolor="{_tint(c.before.stance)}">{side_html(c.before)}</td>'
            f'<td valign="top" bgcolor="{_tint(c.after.stance)}">{side_html(c.after)}</td></tr>')
    return ('<table width="100%" cellspacing="0" cellpadding="7" border="1" '
            'style="border-color:#ccc; border-style:solid">' + "".join(rows) + "</table>")


class StanceChangesView(QWidget):
    """Stance changes for one topic or all; ``open_claim(claim_id)`` opens a side."""

    claim_activated = Signal(int)

    def __init__(self, project: Project, *, open_claim: Callable[[int], None] | None = None,
                 read_now: bool = True, parent=None):
        """``read_now=False``: nothing is read until the first refresh (a hidden dock's view is read when
        shown: its reads go over the whole project)."""
        super().__init__(parent)
        self.project = project
        self.changes: list[StanceChange] = []
        if open_claim is not None:
            self.claim_activated.connect(open_claim)
        self.topic_box = QComboBox()
        self.topic_box.setMinimumContentsLength(28)
        # "activated" (a person's choice), not currentIndexChanged: that one also fires while the
        # widget is being destroyed, and refreshing a half-deleted view corrupts memory
        self.topic_box.activated.connect(self._topic_chosen)
        self.summary = QLabel(wordWrap=True)
        self.browser = QTextBrowser(accessibleName="Stance changes")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)

        self.same_day = QCheckBox("Also within one article and day")
        self.same_day.setToolTip("List changes between two claims of one article on one day too")
        self.same_day.toggled.connect(lambda _on: self.refresh())
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Topic:"))
        bar.addWidget(self.topic_box, 1)
        bar.addWidget(self.same_day)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.browser, 1)
        if read_now:
            self.reload_topics()

    def reload_topics(self) -> None:
        """Refill the topic list (after topics changed), keeping the choice, and refresh."""
        keep = self.topic_box.currentData() if self.topic_box.count() else ALL_TOPICS
        self.topic_box.blockSignals(True)
        self.topic_box.clear()
        self.topic_box.addItem("All topics", ALL_TOPICS)
        for t in self.project.topics():
            self.topic_box.addItem(t.name, t.id)
        self.topic_box.setCurrentIndex(max(0, self.topic_box.findData(keep)))
        self.topic_box.blockSignals(False)
        self.refresh()

    @property
    def topic_id(self) -> int | None:
        """The chosen topic, None for all."""
        data = self.topic_box.currentData() if self.topic_box.count() else ALL_TOPICS
        return None if data == ALL_TOPICS else data

    def set_topic(self, topic_id: int | None) -> None:
        self.topic_box.setCurrentIndex(max(0, self.topic_box.findData(ALL_TOPICS if topic_id is None else topic_id)))
        self.refresh()

    def _topic_chosen(self, _index: int) -> None:
        self.refresh()

    def refresh(self) -> None:
        topic_id = self.topic_id
        self.changes = self.project.stance_changes(topic_id, same_day=self.same_day.isChecked())
        scroll = self.browser.verticalScrollBar().value()
        if self.changes:
            self.browser.setHtml(changes_html(self.changes[:MAX_ROWS], show_topic=topic_id is None))
            topics = len({c.topic_id for c in self.changes})
            more = (f" Showing the first {MAX_ROWS:,}; the Excel export and `quotedesk report` list them all."
                    if len(self.changes) > MAX_ROWS else "")
            self.summary.setText(
                f"{len(self.changes):,} stance change{'s' if len(self.changes) != 1 else ''}"
                + (f" on {topics} topic{'s' if topics != 1 else ''}" if topic_id is None else "")
                + ": reversals (in favour ↔ against) first, softer shifts to or from neutral after; "
                "the earlier claim on the left, the later on the right." + more)
        else:
            self.browser.setHtml("<p><i>Nothing to show yet. Stance changes appear here when confirmed "
                                 "claims on one topic, by one speaker or by speakers of one affiliation "
                                 "(set it in the speaker registry), have different stances.</i></p>")
            self.summary.setText("No stance changes on " + ("this topic." if topic_id is not None else "any topic."))
        self.browser.verticalScrollBar().setValue(scroll)

    def _link(self, url: QUrl) -> None:
        if url.scheme() == LINK_SCHEME:
            self.claim_activated.emit(int(url.path()))
        elif url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)
