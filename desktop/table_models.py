"""Table models over the project's records (after Anki's browser table model).

Short lists (speakers, topics) hold their plain frozen records (``RecordTableModel``). The long
ones, articles and all claims, hold only ids in the database's order and read the records of the
rows a view shows, a block at a time, into a bounded cache (``IdTableModel``): opening, scrolling
and refreshing a list of 100,000 rows costs one id query and a few small reads. The claims table
is filtered, searched and sorted in SQL (``db.ClaimFilter``, ``Project.claim_ids``; see
desktop/claims_panel.py).
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from db import ArticleSummary, Claim

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
STANCE_TEXT = {"favor": "in favour", "against": "against", "neutral": "neutral", None: ""}


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


class ColumnsModel(QAbstractTableModel):
    """What both kinds of table share: columns are (header, getter, sort key)."""

    columns: Sequence[tuple[str, object, object]] = ()
    header_tips: Sequence[str] = ()  # a tooltip per column header, where one says more than its name

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == DISPLAY and 0 <= section < len(self.columns):
            return self.columns[section][0]
        if role == Qt.ItemDataRole.ToolTipRole and 0 <= section < len(self.header_tips):
            return self.header_tips[section]
        return None

    def tooltip(self, record) -> str | None:
        return None


class RecordTableModel(ColumnsModel):
    """Rows of frozen records, all held (speakers, topics, a queue, an agreement list).

    ``ID_ROLE`` and ``row_of`` use each record's ``id_field`` (an article list's rows name their
    article with ``article_id``); the text of the ``centred`` columns is centred; ``tooltip`` and
    ``accessible_text`` say more of a record where a subclass has more to say.
    """

    id_field = "id"
    centred: frozenset[int] = frozenset()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._row_of: dict[int, int] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = DISPLAY):
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        _, getter, sort_key = self.columns[index.column()]
        if role == DISPLAY:
            return getter(record)
        if role == ID_ROLE:
            return getattr(record, self.id_field)
        if role == SORT_ROLE:
            return (sort_key or getter)(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.centred:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.accessible_text(record, index.column())
        return None

    def accessible_text(self, record, column: int) -> str | None:
        """What a screen reader says for a cell whose text is a mark (None: its text)."""
        return None

    # ------------------------------------------------------------- contents
    def set_records(self, records: Iterable) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self._row_of = {getattr(r, self.id_field): i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def update_records(self, records: Iterable) -> None:
        """Replace rows in place (same ids); rows not present are ignored.

        One ``dataChanged`` covers all rows that really changed: a signal per row makes
        the view re-measure the table once per row, which stalls on long lists.
        """
        changed = []
        for record in records:
            row = self._row_of.get(getattr(record, self.id_field))
            if row is None or self._rows[row] == record:
                continue
            self._rows[row] = record
            changed.append(row)
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), len(self.columns) - 1))

    def record(self, row: int):
        return self._rows[row]

    def records(self) -> list:
        return list(self._rows)

    def row_of(self, ident: int) -> int | None:
        return self._row_of.get(ident)

    def ids(self) -> list[int]:
        return [getattr(r, self.id_field) for r in self._rows]


class IdTableModel(ColumnsModel):
    """Rows are ids; a row's record is read on demand with ``fetch(ids)``, ``BLOCK`` rows at a time,
    and kept in a cache of at most ``CACHE`` records (the least recently read go first).

    ``fetch`` returns the records of the ids it still finds (any order); a row whose record is gone
    (deleted since the ids were read) shows nothing until the next ``set_ids``.
    """

    BLOCK = 100
    CACHE = 2000

    def __init__(self, parent=None, fetch: Callable[[Sequence[int]], Iterable] | None = None):
        super().__init__(parent)
        self.fetch = fetch or (lambda ids: ())
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None  # built when first asked
        self._cache: OrderedDict[int, object] = OrderedDict()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = DISPLAY):
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (DISPLAY, SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
            return None
        record = self.record(index.row())
        if record is None:
            return None
        _, getter, sort_key = self.columns[index.column()]
        if role == DISPLAY:
            return getter(record)
        if role == SORT_ROLE:
            return (sort_key or getter)(record)
        return self.tooltip(record)

    # ------------------------------------------------------------- contents
    def set_ids(self, ids: Sequence[int], *, row_of: dict[int, int] | None = None) -> None:
        """New rows (a new filter, sort or list); the cache starts empty. ``row_of`` (id -> row of
        ``ids``), when the caller built it off the UI thread, saves building it here."""
        self.beginResetModel()
        self._ids = list(ids)
        self._row_of = row_of
        self._cache.clear()
        self.endResetModel()

    def show_ids(self, ids: Sequence[int], *, row_of: dict[int, int] | None = None) -> bool:
        """The rows as read again: the same ids keep the view's place and are read afresh when shown;
        other ids replace the rows (True: the caller puts the view back in its place)."""
        if len(ids) == len(self._ids) and list(ids) == self._ids:
            self.forget()
            return False
        self.set_ids(ids, row_of=row_of)
        return True

    def grow_to(self, ids: Sequence[int], *, row_of: dict[int, int] | None = None) -> bool:
        """The whole list after its first rows: when the rows held are its beginning, the rest is appended
        (the view keeps its place, current row and cache); else the rows are replaced (False)."""
        held = len(self._ids)
        if len(ids) < held or list(ids[:held]) != self._ids:
            self.set_ids(ids, row_of=row_of)
            return False
        if len(ids) > held:
            self.beginInsertRows(QModelIndex(), held, len(ids) - 1)
            self._ids = list(ids)
            self._row_of = row_of
            self.endInsertRows()
        return True

    def forget(self, ids: Iterable[int] | None = None) -> None:
        """Drop cached records (of ``ids``, or all) so the rows shown are read again."""
        if ids is None:
            self._cache.clear()
            if self._ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))
            return
        rows = []
        for ident in ids:
            self._cache.pop(ident, None)
            row = self.row_of(ident)
            if row is not None:
                rows.append(row)
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), len(self.columns) - 1))

    def update_records(self, records: Iterable) -> None:
        """Replace the records of rows in place (same ids); records of ids not listed are ignored.

        One ``dataChanged`` covers all rows that changed: a signal per row makes the view
        re-measure the table once per row, which stalls on long lists.
        """
        changed = []
        for record in records:
            row = self.row_of(record.id)
            if row is None or self._cache.get(record.id) == record:
                continue
            self._keep(record)
            changed.append(row)
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), len(self.columns) - 1))

    def record(self, row: int):
        """The record of a row, read (with its block of rows) when not cached; None when it is gone."""
        ident = self._ids[row]
        record = self._cache.get(ident)
        if record is None:
            # the block around the row, mostly below it: a view paints from its top row down, so a jump
            # to anywhere is one read (an aligned block would often be two: the page spans a boundary)
            start = max(0, row - self.BLOCK // 4)
            wanted = [i for i in self._ids[start:start + self.BLOCK] if i not in self._cache]
            for r in self.fetch(wanted):
                self._keep(r)
            record = self._cache.get(ident)
        else:
            self._cache.move_to_end(ident)
        return record

    def _keep(self, record) -> None:
        self._cache[record.id] = record
        self._cache.move_to_end(record.id)
        while len(self._cache) > self.CACHE:
            self._cache.popitem(last=False)

    def cached(self) -> int:
        """How many records are held (at most ``CACHE``)."""
        return len(self._cache)

    def row_of(self, ident: int) -> int | None:
        if self._row_of is None:
            self._row_of = {i: row for row, i in enumerate(self._ids)}
        return self._row_of.get(ident)

    def ids(self) -> list[int]:
        return list(self._ids)


class ArticleTableModel(IdTableModel):
    columns = (
        ("Title", lambda a: a.title or "(untitled)", lambda a: (a.title or "").casefold()),
        ("Publisher", lambda a: a.publisher or "", lambda a: (a.publisher or "").casefold()),
        ("Date", lambda a: _date(a.published), lambda a: _date(a.published)),
        ("Sug", lambda a: a.suggested, None),
        ("Conf", lambda a: a.confirmed, None),
        ("Rej", lambda a: a.rejected, None),
        ("Done", lambda a: "✓" if a.done else "", lambda a: int(a.done)),
    )
    header_tips = ("Title", "Publisher", "Publication date", "Suggestions waiting for a decision",
                   "Confirmed claims", "Rejected suggestions", "Marked as done")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY):
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self.header_tips[section] if 0 <= section < len(self.header_tips) else None
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = DISPLAY):
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid() and 3 <= index.column() <= 6:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole and index.isValid() and index.column() == 6:
            record = self.record(index.row())
            return None if record is None else ("done" if record.done else "not done")
        return super().data(index, role)

    def tooltip(self, a: ArticleSummary) -> str:
        parts = [a.title or "(untitled)"]
        if a.published:
            parts.append(f"Published {a.published.isoformat()}" + (f" ({a.published_source})" if a.published_source else ""))
        parts.append(f"{a.suggested} suggested, {a.confirmed} confirmed, {a.rejected} rejected")
        if a.suggested_at is None:
            parts.append("No suggestions yet")
        return "\n".join(parts)


class ClaimTableModel(IdTableModel):
    sort_names = ("status", "speaker", "claim", "stance", "topic", "date", "article")  # Project.claim_ids(sort=)
    columns = (
        ("Status", lambda c: c.status, None),
        ("Speaker", lambda c: c.speaker or "", lambda c: (c.speaker or "").casefold()),
        ("Claim", lambda c: c.quote.replace("\n", " "), lambda c: c.quote.casefold()),
        ("Stance", lambda c: STANCE_TEXT.get(c.stance, c.stance or ""), lambda c: c.stance or ""),
        ("Topic", lambda c: c.topic or "", lambda c: (c.topic or "").casefold()),
        ("Date", lambda c: _date(c.date), lambda c: _date(c.date)),
        ("Article", lambda c: c.article_title or f"Article {c.article_id}",
         lambda c: (c.article_title or "").casefold()),
    )

    def tooltip(self, c: Claim) -> str:
        return claim_summary(c)


def claim_summary(c: Claim) -> str:
    """The fields of a claim as a few lines of text (hover text, accessible descriptions)."""
    lines = [f"“{c.quote}”" if c.kind == "direct" else c.quote]
    who = c.speaker or "unknown speaker"
    lines.append(f"Speaker: {who}" + (f", {c.role}" if c.role else ""))
    if c.date or c.date_text:
        date = _date(c.date) + (f" (“{c.date_text}”)" if c.date_text else "") + (" assumed" if c.date_assumed else "")
        lines.append(f"Date: {date.strip()}")
    if c.stance:
        lines.append(f"Stance: {STANCE_TEXT[c.stance]}" + (f" on {c.topic}" if c.topic else ""))
    if c.verdict_rating:
        lines.append(f"Verdict: {c.verdict_rating}")
    lines.append(f"Status: {c.status} ({c.kind})" + (f", confidence {c.confidence:.2f}" if c.confidence else ""))
    return "\n".join(lines)
