"""The Italy story on the default project, end to end with the real model: seed, suggest, accept every
suggestion, and the reversal is in the stance changes and in ``quotedesk report`` with no other step."""

from __future__ import annotations

import subprocess
import sys

from db import ClaimFilter
from app.affiliating import pending


def test_default_project_shows_the_italy_reversal_after_accepting_its_suggestions(tmp_path):
    env = {"QUOTEDESK_DATA_DIR": str(tmp_path), "PYTHONPATH": str(__import__("pathlib").Path(__file__).parents[1]),
           "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    run = [sys.executable, "-m", "desktop.cli"]
    done = subprocess.run([*run, "suggest"], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    from app.projects import default_project_path
    import os

    os.environ["QUOTEDESK_DATA_DIR"] = str(tmp_path)
    try:
        from db import Project

        with Project.open(default_project_path()) as project:
            speakers = {s.name: s for s in project.speakers()}
            assert speakers["Guido Crosetto"].affiliation == "Government of Italy"
            assert "Italian Defense Minister" in {r.role for r in speakers["Guido Crosetto"].roles}
            office = next(s for name, s in speakers.items() if name.endswith("office"))
            assert office.affiliation == "Government of Italy"
            suggested = pending(project)
            assert suggested[speakers["Guido Crosetto"].id].evidence == "Italian Defense Minister"
            for claim in project.claims(ClaimFilter(statuses=("suggested",))):
                project.confirm_claim(claim.id, annotator="ana")
            changes = project.stance_changes()
            first = changes[0]
            assert (first.group, first.strength, first.before.stance, first.after.stance) == \
                ("Government of Italy", "reversal", "favor", "against")
            assert first.before.speaker == "Guido Crosetto" and first.after.speaker == office.name
            assert not any(c.same_moment for c in changes)
    finally:
        del os.environ["QUOTEDESK_DATA_DIR"]
    report = subprocess.run([*run, "report"], env=env, capture_output=True, text=True, timeout=300)
    assert report.returncode == 0, report.stderr
    assert "Government of Italy" in report.stdout and "IN FAVOUR" in report.stdout and "AGAINST" in report.stdout
    assert "reversal" in report.stdout
