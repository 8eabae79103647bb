"""The article's source details (title, publisher, author, URL, publication date), shown and editable."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from db import Article
from desktop.date_field import INVALID, DateField, parse


class ArticleDetailsDialog(QDialog):
    """``fields()`` after ``exec()``: the changed fields for ``Project.update_article``."""

    def __init__(self, article: Article, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Article details")
        self.article = article
        self.title = QLineEdit(article.title or "", accessibleName="Title")
        self.publisher = QLineEdit(article.publisher or "", accessibleName="Publisher",
                                   placeholderText="e.g. The Kyiv Independent")
        self.author = QLineEdit(article.author or "", accessibleName="Author")
        self.url = QLineEdit(article.url or "", accessibleName="Source URL", placeholderText="https://…")
        self.published = DateField()
        self.published.edit.setAccessibleName("Publication date")
        self.published.edit.setPlaceholderText("no date (type 2025-03-16)")
        self.published.set_value(article.published)
        form = QFormLayout(self)
        for label, widget in (("&Title", self.title), ("&Publisher", self.publisher), ("A&uthor", self.author),
                              ("Source &URL", self.url), ("Publication &date", self.published)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)  # Enter in a field saves
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def _accept(self) -> None:
        if parse(self.published.edit.text()) is INVALID:
            self.published.edit.setFocus()
            self.published._mark_valid(False)
            return
        self.accept()

    def fields(self) -> dict:
        a = self.article
        published = parse(self.published.edit.text())
        new = {"title": self.title.text().strip() or None, "publisher": self.publisher.text().strip() or None,
               "author": self.author.text().strip() or None, "url": self.url.text().strip() or None,
               "published": None if published is INVALID else published}
        return {k: v for k, v in new.items() if v != getattr(a, k)}
