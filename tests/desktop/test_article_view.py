"""Highlights land on the claim's characters, whatever comes before them."""

import datetime as dt

from db import NewArticle, ClaimDraft, Span
from desktop.article_view import ArticleView

EMOJI_TEXT = "🇮🇹🎉 Big news 👋🏽! “We are ready,” Crosetto said. שלום עולם “Not now,” Meloni said."


def _store(project, text, spans, **extra):
    article, _ = project.add_article(NewArticle(text=text, title="Emoji", published=dt.date(2025, 3, 1)))
    project.save_suggestions(article.id, [
        ClaimDraft(content=Span(a, b, text[a:b]), **extra) for a, b in spans])
    return project.article(article.id), project.claims()


def _span(text, needle):
    start = text.index(needle)
    return start, start + len(needle)


def test_claim_after_emoji_highlights_exactly_its_characters(qtbot, project):
    spans = [_span(EMOJI_TEXT, "We are ready,"), _span(EMOJI_TEXT, "Not now,")]
    article, claims = _store(project, EMOJI_TEXT, spans)
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_article(article, claims)
    painted = {(a, b) for a, b, _ in view.highlighted_spans()}
    assert painted == set(spans)
    for sel in view.extraSelections():  # what Qt paints is the claim's text
        assert sel.cursor.selectedText() in ("We are ready,", "Not now,")


def test_selection_after_right_to_left_text_maps_back_to_code_points(qtbot, project):
    article, claims = _store(project, EMOJI_TEXT, [])
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_article(article, claims)
    start, end = _span(EMOJI_TEXT, "Meloni")
    cursor = view.textCursor()
    cursor.setPosition(view._map.to_utf16(start))
    cursor.setPosition(view._map.to_utf16(end), cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.selected_span() == (start, end)


def test_overlapping_and_adjacent_claims_stay_distinguishable(qtbot, project):
    text = "He said that one two three four five six, and more."
    a, b, c = (0, 20), (13, 30), (30, 40)  # a and b overlap, b and c touch
    article, claims = _store(project, text, [a, b, c])
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_article(article, claims)
    pieces = view.extraSelections()
    assert [view._map.span_from_utf16(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in pieces] == \
        [(0, 13), (13, 20), (20, 30), (30, 40)]
    overlap = pieces[1].format
    assert overlap.underlineStyle() != overlap.UnderlineStyle.NoUnderline
    assert pieces[2].format.background().color() != pieces[3].format.background().color()


def test_rejected_claims_are_hidden_unless_asked(qtbot, project):
    text = "“Yes,” she said. “No,” he said."
    article, claims = _store(project, text, [(1, 5), (17, 20)])
    project.reject_claim(claims[0].id, annotator="t")
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_article(article, project.claims())
    assert [(a, b) for a, b, _ in view.highlighted_spans()] == [(17, 20)]
    view.set_show_rejected(True)
    assert [(a, b) for a, b, _ in view.highlighted_spans()] == [(1, 5), (17, 20)]


def test_selected_claim_marks_its_speaker_mention_and_cue(qtbot, project):
    text = "“We are ready,” Crosetto said."
    article, _ = project.add_article(NewArticle(text=text))
    project.save_suggestions(article.id, [ClaimDraft(content=Span(1, 14, text[1:14]), speaker="Guido Crosetto",
                                                   mention=Span(16, 24, "Crosetto"), cue=Span(25, 29, "said"))])
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_article(project.article(article.id), project.claims())
    claim = project.claims()[0]
    view.select_claim(claim.id)
    kinds = {tip.split()[0]: (a, b) for a, b, tip in view.highlighted_spans()}
    assert kinds == {"claim": (1, 14), "speaker": (16, 24), "cue": (25, 29)}
