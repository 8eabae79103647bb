"""The Qt undo stack replays the project's own undo, which survives reopening the project."""

from db import NewArticle, ClaimDraft, Project, Span
from desktop.undo import CoreUndoStack

TEXT = "Italy is ready to send troops, Crosetto said."


def _claim(project):
    article, _ = project.add_article(NewArticle(text=TEXT, title="t"))
    project.save_suggestions(article.id, [ClaimDraft(content=Span(0, 29, TEXT[:29]), speaker="Crosetto")])
    return project.claims()[0]


def test_undo_and_redo_go_through_the_project(qapp, project):
    claim = _claim(project)
    stack = CoreUndoStack(project, "ana")
    seen = []
    stack.changed.connect(seen.append)
    stack.apply("Set stance", lambda: project.update_claim(claim.id, annotator="ana", stance="favor"))
    assert stack.undoText() == "Set stance"
    stack.undo()
    assert project.claim(claim.id).stance is None
    stack.redo()
    assert project.claim(claim.id).stance == "favor"
    assert all(claim.id in c.claims for c in seen)


def test_a_failed_change_is_reported_and_not_pushed(qapp, project):
    claim = _claim(project)
    stack = CoreUndoStack(project, "ana")
    errors = []
    stack.failed.connect(errors.append)
    assert stack.apply("Bad", lambda: project.update_claim(claim.id, annotator="ana", stance="maybe")) is None
    assert len(errors) == 1 and "Stance" in str(errors[0])
    assert stack.count() == 0


def test_actions_of_an_earlier_session_can_be_undone_after_reopening(qapp, project_path):
    with Project.open(project_path) as p:
        claim = _claim(p)
        CoreUndoStack(p, "ana").apply("Accept claim", lambda: p.confirm_claim(claim.id, annotator="ana"))
    with Project.open(project_path) as p:
        stack = CoreUndoStack(p, "ana")
        assert stack.canUndo() and stack.undoText() == "Accept claim"
        stack.undo()
        assert p.claim(claim.id).status == "suggested"
        assert CoreUndoStack(p, "someone else").count() == 0
