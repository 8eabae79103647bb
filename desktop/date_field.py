"""A date field that takes typing: empty means "no date", and a calendar opens near a sensible day.

QDateEdit cannot do this: its "no date" is a special minimum value, typing into it
appends to the words ("no date20250315") and its calendar opens at that minimum
(January 1900). Here the field is plain text: ``2025-03-15``, ``15 March 2025`` or
``March 15, 2025``; an empty field clears the date. The calendar button opens at
the field's date, else at ``near`` (the article's date), else today.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget,
                               QWidgetAction)

INVALID = object()  # what ``parse`` returns for text that is not a date


def parse(text: str):
    """A ``datetime.date``, None for an empty text, or ``INVALID``."""
    text = text.strip()
    if not text or text.casefold() == "no date":
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    import dateparser  # slow to import; only for dates typed in words

    found = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True,
                                                              "PREFER_DAY_OF_MONTH": "first"})
    return found.date() if found is not None else INVALID


class DateField(QWidget):
    """``committed(date or None)`` when a typed date is finished (Enter, leaving) or a day is picked."""

    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit(placeholderText="no date (type 2025-03-15)")
        self.edit.setAccessibleName("Statement date")
        self.edit.editingFinished.connect(self._finished)
        self.button = QToolButton(text="▾", accessibleName="Pick the date in a calendar")
        self.button.setToolTip("Pick the date in a calendar")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")  # the ▾ says it
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        menu = QMenu(self.button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._open_calendar)
        self.button.setMenu(menu)
        self._menu = menu
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self._value: dt.date | None = None
        self.near: dt.date | None = None

    def value(self) -> dt.date | None:
        return self._value

    def set_value(self, value: dt.date | None, *, near: dt.date | None = None) -> None:
        """Show a stored date (no signal); ``near`` is where the calendar opens when there is none."""
        self._value = value
        self.near = near
        self.edit.setText(value.isoformat() if value else "")
        self._mark_valid(True)

    def _mark_valid(self, ok: bool) -> None:
        self.edit.setStyleSheet("" if ok else "QLineEdit { border: 2px solid #c33; }")
        self.edit.setToolTip("" if ok else "Not a date: type it as 2025-03-15 or 15 March 2025, "
                                           "or leave the field empty for no date")

    def _finished(self) -> None:
        value = parse(self.edit.text())
        if value is INVALID:
            self._mark_valid(False)  # kept as typed, to correct; the stored date is unchanged
            return
        self._mark_valid(True)
        self.edit.setText(value.isoformat() if value else "")
        if value != self._value:
            self._value = value
            self.committed.emit(value)

    def _open_calendar(self) -> None:
        day = self._value or self.near or dt.date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.setCurrentPage(day.year, day.month)

    def _picked(self, date: QDate) -> None:
        self._menu.hide()
        self.edit.setText(dt.date(date.year(), date.month(), date.day()).isoformat())
        self._finished()
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)
