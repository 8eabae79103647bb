"""The window's Undo/Redo is a view of the project's own history, which survives reopening the project."""

from db import ClaimDraft, ConflictError, NewArticle, Project, Span
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
    stack.apply("Set stance", lambda: project.update_claim(claim.id, annotator="ana", stance="favor",
                                                           label="Set stance"))
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
    assert not stack.canUndo()


def test_actions_of_an_earlier_session_can_be_undone_after_reopening(qapp, project_path):
    with Project.open(project_path) as p:
        claim = _claim(p)
        CoreUndoStack(p, "ana").apply("Accept claim", lambda: p.confirm_claim(claim.id, annotator="ana"))
    with Project.open(project_path) as p:
        stack = CoreUndoStack(p, "ana")
        assert stack.canUndo() and stack.undoText() == "Accept claim"
        stack.undo()
        assert p.claim(claim.id).status == "suggested"
        assert not CoreUndoStack(p, "someone else").canUndo()


def test_labels_name_what_the_core_undoes_after_a_change_made_elsewhere(qapp, project):
    """An import-xlsx (or any other process) by the same annotator is what Undo undoes next."""
    claim = _claim(project)
    stack = CoreUndoStack(project, "ana", poll=False)
    stack.apply("Set stance", lambda: project.update_claim(claim.id, annotator="ana", stance="favor",
                                                           label="Set stance"))
    seen = []
    stack.changed_elsewhere.connect(seen.append)
    with Project.open(project.url) as elsewhere:  # e.g. quotedesk import-xlsx run by ana
        elsewhere.update_claim(claim.id, annotator="ana", note="from the editors", label="Import from Excel")
    stack.poll()
    assert stack.undoText() == "Import from Excel"
    assert seen and claim.id in seen[-1].claims
    stack.undo()
    assert project.claim(claim.id).note is None and project.claim(claim.id).stance == "favor"
    assert stack.undoText() == "Set stance" and stack.redoText() == "Import from Excel"


def test_own_changes_are_not_reported_twice_by_the_poll(qapp, project):
    claim = _claim(project)
    stack = CoreUndoStack(project, "ana", poll=False)
    stack.apply("Accept claim", lambda: project.confirm_claim(claim.id, annotator="ana"))
    assert not stack.poll()


def test_a_stale_change_is_a_conflict_not_an_error(qapp, project):
    claim = _claim(project)
    project.update_claim(claim.id, annotator="ben", note="ben was here")
    stack = CoreUndoStack(project, "ana", poll=False)
    conflicts, errors = [], []
    stack.conflict.connect(lambda exc, label: conflicts.append((exc, label)))
    stack.failed.connect(errors.append)
    stack.apply("Edit note", lambda: project.update_claim(claim.id, annotator="ana", note="mine",
                                                          expected_version=claim.version))
    assert not errors and len(conflicts) == 1
    exc, label = conflicts[0]
    assert isinstance(exc, ConflictError) and label == "Edit note" and exc.theirs == {"note": "ben was here"}


def test_with_a_runner_the_poll_reads_nothing_on_the_ui_thread(qtbot, project):
    """The window's poll (every POLL_MS) reads the change counter, the new audit rows and the Undo/Redo
    labels on its reader thread: a read on the UI thread can wait while another process writes."""
    import threading

    from desktop.task_runner import TaskRunner

    claim = _claim(project)
    runner = TaskRunner()
    stack = CoreUndoStack(project, "ana", poll=False, runner=runner)
    feed = stack._feed
    threads = []
    real = feed.current_counter
    feed.current_counter = lambda: threads.append(threading.current_thread()) or real()
    for name in ("undo_label", "redo_label"):  # read with the changes, on the runner too
        label = getattr(project, name)
        setattr(project, name, lambda who, label=label: threads.append(threading.current_thread()) or label(who))
    seen = []
    stack.changed_elsewhere.connect(seen.append)
    try:
        assert stack.poll() is None  # nothing yet; the answer comes later, from the runner
        qtbot.waitUntil(lambda: not stack._polling)
        threads.clear()
        with Project.open(project.url) as elsewhere:  # ana, in another process (an import-xlsx)
            elsewhere.update_claim(claim.id, annotator="ana", note="from the editors", label="Import from Excel")
        stack.poll()
        qtbot.waitUntil(lambda: bool(seen))
        assert claim.id in seen[-1].claims and stack.undoText() == "Import from Excel"
        assert len(threads) == 3 and threading.main_thread() not in threads
    finally:
        runner.shutdown()


def test_labels_read_by_the_poll_do_not_overwrite_a_change_made_here_meanwhile(qtbot, project):
    import threading

    from desktop.task_runner import TaskRunner

    claim = _claim(project)
    runner = TaskRunner()
    stack = CoreUndoStack(project, "ana", poll=False, runner=runner)
    go, reading = threading.Event(), threading.Event()
    real = project.redo_label

    def redo_label(who):  # on the runner: the poll has read its undo label; it waits here
        if threading.current_thread() is not threading.main_thread():
            reading.set()
            go.wait(10)
        return real(who)

    project.redo_label = redo_label
    try:
        with Project.open(project.url) as elsewhere:
            elsewhere.update_claim(claim.id, annotator="ben", note="ben's note")
        stack.poll()
        assert reading.wait(10)
        # the poll read its labels before this change: they must not replace the ones it brings
        stack.apply("Set stance", lambda: project.update_claim(claim.id, annotator="ana", stance="favor",
                                                               label="Set stance", expected_version=None))
        go.set()
        qtbot.waitUntil(lambda: not stack._polling)
        assert stack.undoText() == "Set stance"
    finally:
        go.set()
        runner.shutdown()
