"""The article text with its claims highlighted.

Claims arrive with code point offsets; Qt positions are UTF-16 units, so every
offset crosses ``desktop.offsets.Utf16Map`` here and nowhere else. The text is
split at every claim boundary and each piece gets one format, chosen from the
claims covering it, so overlapping and adjacent claims stay distinguishable:

- pending suggestions: amber; confirmed: coloured by stance; rejected: grey and
  struck out (only when asked to show them);
- neighbouring claims alternate between a lighter and a stronger tint;
- where claims overlap, the piece is underlined with a dashed line;
- the selected claim is the strongest tint, its speaker mention gets a wavy
  underline and its reporting cue a dotted one;
- a split quote (“A,” she said, “B.”) is one claim: each of its content fragments
  is painted as that claim, the attribution between them is not, and clicking any
  fragment selects the claim.

Colours are translucent over the palette's base colour, so they read in light
and dark mode alike.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from db import Article, Claim, Span
from desktop.table_models import claim_summary
from desktop.offsets import Utf16Map

COLOURS = {
    "suggested": QColor(255, 176, 0),
    "favor": QColor(40, 170, 80),
    "against": QColor(220, 50, 50),
    "neutral": QColor(70, 130, 230),
    "confirmed": QColor(0, 160, 170),  # confirmed without a stance
    "rejected": QColor(128, 128, 128),
    "mention": QColor(150, 80, 220),
}
ALPHA_LIGHT, ALPHA_STRONG, ALPHA_SELECTED = 70, 110, 170


def legend_html() -> str:
    """A one-line key to the highlight colours, for the header above the text."""
    chips = []
    for key, text in (("suggested", "suggested"), ("favor", "in favour"), ("against", "against"),
                      ("neutral", "neutral"), ("confirmed", "no stance"), ("mention", "speaker")):
        colour = QColor(COLOURS[key])
        colour.setAlpha(ALPHA_STRONG)
        chips.append(f'<span style="background-color:{colour.name(QColor.NameFormat.HexArgb)}">&nbsp;{text.replace(" ", "&nbsp;")}&nbsp;</span>')  # a chip never breaks
    return " ".join(chips)


def claim_colour(claim: Claim) -> QColor:
    if claim.status == "suggested":
        return QColor(COLOURS["suggested"])
    if claim.status == "rejected":
        return QColor(COLOURS["rejected"])
    return QColor(COLOURS.get(claim.stance or "confirmed", COLOURS["confirmed"]))


class ArticleView(QPlainTextEdit):
    """Read-only article text; click a highlight to select its claim, hover to see its fields."""

    claim_clicked = Signal(int)
    span_dragged = Signal(int, int, int)  # claim id, new start, new end (code points): an end dragged

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setAccessibleName("Article text")
        self.setAccessibleDescription("The article with its claims highlighted; select text to mark a new claim")
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        self.document().setDocumentMargin(16)
        self.article: Article | None = None
        self._map = Utf16Map("")
        self._claims: list[Claim] = []
        self.show_rejected = False
        self.selected_id: int | None = None
        self._drag: str | None = None  # "start" or "end" of the selected claim, while dragged
        self._drag_span: tuple[int, int] | None = None
        self.viewport().setMouseTracking(True)

    # ---------------------------------------------------------------- content
    def set_article(self, article: Article | None, claims: Iterable[Claim] = ()) -> None:
        self.article = article
        self._map = Utf16Map(article.text if article else "")
        self.selected_id = None
        self.setPlainText(article.text if article else "")
        self.set_claims(claims)

    def set_claims(self, claims: Iterable[Claim]) -> None:
        self._claims = sorted(claims, key=lambda c: (c.content.start, c.content.end, c.id))
        if self.selected_id is not None and self.claim(self.selected_id) is None:
            self.selected_id = None
        self._paint()

    def set_show_rejected(self, on: bool) -> None:
        self.show_rejected = on
        self._paint()

    def select_claim(self, claim_id: int | None, *, scroll: bool = True) -> None:
        self.selected_id = claim_id
        self._paint()
        claim = self.claim(claim_id) if claim_id is not None else None
        if claim is not None and scroll:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._map.to_utf16(claim.content.end))
            self.setTextCursor(cursor)
            cursor.setPosition(self._map.to_utf16(claim.content.start))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    # ---------------------------------------------------------------- queries
    def claims(self) -> list[Claim]:
        return list(self._claims)

    def visible_claims(self) -> list[Claim]:
        return [c for c in self._claims if self.show_rejected or c.status != "rejected"]

    def claim(self, claim_id: int) -> Claim | None:
        return next((c for c in self._claims if c.id == claim_id), None)

    def claims_at(self, offset: int) -> list[Claim]:
        """Visible claims with a content fragment covering the code point ``offset``, shortest first."""
        hits = [c for c in self.visible_claims() if any(f.start <= offset < f.end for f in c.fragments)]
        return sorted(hits, key=lambda c: c.content.end - c.content.start)

    def cursor_offset(self) -> int:
        """The text cursor's position as a code point offset."""
        return self._map.from_utf16(min(self.textCursor().position(), self._map.utf16_length))

    def selected_span(self) -> tuple[int, int] | None:
        """The user's text selection as code point offsets, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._map.span_from_utf16(cursor.selectionStart(), cursor.selectionEnd())

    def highlighted_spans(self) -> list[tuple[int, int, str]]:
        """(start, end, tooltip) of every painted piece, in code points (for tests and accessibility)."""
        out = []
        for sel in self.extraSelections():
            c = sel.cursor
            out.append((*self._map.span_from_utf16(c.selectionStart(), c.selectionEnd()),
                        sel.format.stringProperty(QTextFormat.Property.UserProperty)))
        return out

    # --------------------------------------------------------------- painting
    def _paint(self) -> None:
        visible = self.visible_claims()
        selected = self.claim(self.selected_id) if self.selected_id is not None else None
        if selected is not None and self._drag_span is not None:  # show the span being dragged
            moved = dataclasses.replace(selected, content=Span(*self._drag_span, ""), fragments=())
            visible = [moved if c is selected else c for c in visible]
            selected = moved
        order = {c.id: i for i, c in enumerate(visible)}
        pieces = [(f.start, f.end, c) for c in visible for f in c.fragments]
        bounds = sorted({b for start, end, _ in pieces for b in (start, end)})
        selections = []
        for a, b in zip(bounds, bounds[1:]):
            covering = list({id(c): c for start, end, c in pieces if start <= a and b <= end}.values())
            if not covering:
                continue
            top = selected if selected in covering else min(covering, key=lambda c: c.content.end - c.content.start)
            fmt = QTextCharFormat()
            colour = claim_colour(top)
            colour.setAlpha(ALPHA_SELECTED if top is selected else
                            (ALPHA_STRONG if order[top.id] % 2 else ALPHA_LIGHT))
            fmt.setBackground(colour)
            if top is selected:  # the selected claim: strongest tint and a solid line under it
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(claim_colour(top).darker(170))
                fmt.setFontUnderline(True)
            if top.status == "rejected":
                fmt.setFontStrikeOut(True)
            if len(covering) > 1:
                other = next(c for c in covering if c is not top)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(claim_colour(other).darker(130))
            fmt.setProperty(QTextFormat.Property.UserProperty, f"claim {top.id}")
            selections.append(self._selection(a, b, fmt))
        if selected is not None and selected in visible:
            selections += self._marks(selected)
        self.setExtraSelections(selections)

    def _marks(self, claim: Claim) -> list[QTextEdit.ExtraSelection]:
        out = []
        if claim.mention is not None:
            fmt = QTextCharFormat()
            colour = QColor(COLOURS["mention"])
            colour.setAlpha(ALPHA_STRONG)
            fmt.setBackground(colour)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(COLOURS["mention"])
            fmt.setProperty(QTextFormat.Property.UserProperty, f"speaker {claim.id}")
            out.append(self._selection(claim.mention.start, claim.mention.end, fmt))
        if claim.cue is not None:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(self.palette().color(QPalette.ColorRole.Text))
            fmt.setFontWeight(QFont.Weight.DemiBold)
            fmt.setProperty(QTextFormat.Property.UserProperty, f"cue {claim.id}")
            out.append(self._selection(claim.cue.start, claim.cue.end, fmt))
        return out

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark: the cue underline follows the text colour
            self._paint()

    # ------------------------------------------------------------ interaction
    def _offset_at(self, pos) -> int:
        return self._map.from_utf16(min(self.cursorForPosition(pos).position(), self._map.utf16_length))

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            hits = self.claims_at(self._offset_at(event.pos()))
            if hits:  # rich text, so Qt wraps long claims instead of drawing one screen-wide line
                html = "<hr>".join("<br>".join(escape(line) for line in claim_summary(c).splitlines()) for c in hits)
                QToolTip.showText(event.globalPos(), f"<qt>{html}</qt>", self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _boundary_at(self, pos) -> str | None:
        """"start" or "end" when ``pos`` is on an end of the selected claim (within a few pixels)."""
        claim = self.claim(self.selected_id) if self.selected_id is not None else None
        if claim is None or len(claim.fragments) > 1:
            return None
        for name, offset in (("start", claim.content.start), ("end", claim.content.end)):
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._map.to_utf16(offset))
            rect = self.cursorRect(cursor)
            if abs(pos.x() - rect.center().x()) <= 5 and rect.top() - 2 <= pos.y() <= rect.bottom() + 2:
                return name
        return None

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = self._boundary_at(event.position().toPoint())
            if self._drag is not None:
                claim = self.claim(self.selected_id)
                self._drag_span = (claim.content.start, claim.content.end)
                return  # a drag of the claim's end, not a new text selection
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        pos = event.position().toPoint()
        if self._drag is not None:
            offset = self._offset_at(pos)
            start, end = self._drag_span
            self._drag_span = (min(offset, end - 1), end) if self._drag == "start" else (start, max(offset, start + 1))
            self._paint()
            return
        self.viewport().setCursor(Qt.CursorShape.SizeHorCursor if self._boundary_at(pos)
                                  else Qt.CursorShape.IBeamCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._drag is not None and event.button() == Qt.MouseButton.LeftButton:
            span, self._drag, self._drag_span = self._drag_span, None, None
            self._paint()
            self.span_dragged.emit(self.selected_id, *span)
            return
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            hits = self.claims_at(self._offset_at(event.position().toPoint()))
            if hits:
                current = [c.id for c in hits]
                # clicking again where claims overlap cycles through them
                nxt = current[(current.index(self.selected_id) + 1) % len(current)] \
                    if self.selected_id in current else current[0]
                self.claim_clicked.emit(nxt)
