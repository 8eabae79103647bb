"""The claim form: span moves to word boundaries, and each field change leaves as one edit."""

import datetime as dt

from PySide6.QtCore import Qt

from db import NewArticle, ClaimDraft, Span
from desktop.claim_form import ClaimForm, grow_end, grow_start, shrink_end, shrink_start

TEXT = "Italy is ready, the minister said on Monday."


def test_span_grows_and_shrinks_by_whole_words():
    span = (6, 14)  # "is ready"
    assert TEXT[slice(*grow_start(TEXT, span))] == "Italy is ready"
    assert TEXT[slice(*shrink_start(TEXT, span))] == "ready"
    assert TEXT[slice(*grow_end(TEXT, span))] == "is ready,"
    assert TEXT[slice(*shrink_end(TEXT, span))] == "is"
    assert shrink_end(TEXT, (9, 14)) == (9, 14)  # never shrinks to nothing
    assert grow_start(TEXT, (0, 5)) == (0, 5)


def _form(qtbot, project):
    article, _ = project.add_article(NewArticle(text=TEXT))
    project.save_suggestions(article.id, [ClaimDraft(content=Span(0, 14, TEXT[:14]), speaker="Guido Crosetto",
                                                   mention=Span(16, 28, "the minister"))])
    claim = project.claims()[0]
    form = ClaimForm()
    qtbot.addWidget(form)
    form.set_speakers(project.speakers())
    form.set_topics(project.topics())
    form.set_claim(claim, TEXT)
    edits = []
    form.edit.connect(lambda cid, label, fields: edits.append((cid, label, fields)))
    return form, claim, edits


def test_loading_a_claim_emits_no_edits(qtbot, project):
    form, claim, edits = _form(qtbot, project)
    form.set_claim(claim, TEXT)
    assert edits == []
    assert form.speaker.text() == "Guido Crosetto" and form.stance.currentData() is None


def test_each_field_change_is_one_edit(qtbot, project):
    form, claim, edits = _form(qtbot, project)
    form.stance.setCurrentIndex(form.stance.findData("favor"))
    form.kind.setCurrentText("direct")
    form.date.edit.setText("2025-03-15")
    form.date.edit.editingFinished.emit()
    form.note.setPlainText("check with the ministry")
    form.note.editingFinished.emit()
    form.span_buttons["grow_end"].click()
    assert [(label, fields) for _, label, fields in edits] == [
        ("Set stance", {"stance": "favor"}),
        ("Set kind", {"kind": "direct"}),
        ("Set date", {"date": dt.date(2025, 3, 15)}),
        ("Edit note", {"note": "check with the ministry"}),
        ("Edit span", {"content": Span(0, 15, "Italy is ready,")}),
    ]


def test_speaker_is_saved_on_enter_and_focus_stays_in_the_field(qtbot, project):
    form, claim, edits = _form(qtbot, project)
    left = []
    form.leave.connect(lambda: left.append(True))
    form.show()
    form.focus_speaker()
    qtbot.keyClicks(form.speaker, "Giorgia Meloni")
    qtbot.keyClick(form.speaker, Qt.Key.Key_Return)
    assert edits[-1][1:] == ("Set speaker", {"speaker": "Giorgia Meloni"})
    assert not left  # what is typed next goes to the field, not to the window's keys


def test_alias_button_offers_the_mention_when_it_is_a_new_name(qtbot, project):
    form, claim, edits = _form(qtbot, project)
    assert form.alias_button.isEnabled()
    speaker = project.speakers()[0]
    project.update_speaker(speaker.id, aliases=["the minister"])
    form.set_speakers(project.speakers())
    assert not form.alias_button.isEnabled()


def test_escape_leaves_a_field_without_saving_what_was_typed(qtbot, project):
    form, claim, edits = _form(qtbot, project)
    form.show()
    form.focus_speaker()
    qtbot.keyClicks(form.speaker, "Somebody Else")
    qtbot.keyClick(form.speaker, Qt.Key.Key_Escape)
    form.speaker.clearFocus()
    assert form.speaker.text() == "Guido Crosetto"
    assert edits == []
