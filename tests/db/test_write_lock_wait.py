"""A write that finds another process holding the project's write lock waits for it in short polls
(db.schema.WRITE_POLL_S), then runs; the connection keeps its busy timeout for what follows."""

from __future__ import annotations

import subprocess
import sys
import time

from db import ClaimDraft, NewArticle, Project, Span
from db import schema


def test_a_write_waits_for_another_processs_lock_then_runs_and_the_busy_timeout_stays(project_path):
    project = Project.open(project_path)
    try:
        article, _ = project.add_article(NewArticle(text="“We will,” said Ann Lee. 😀", title="A"))
        project.save_suggestions(article.id, [ClaimDraft(content=Span(1, 8, "We will"), kind="direct",
                                                         speaker="Ann Lee")])
        claim = project.claims()[0]
        holder = subprocess.Popen([sys.executable, "-c", (
            "import sqlite3, sys, time\n"
            f"con = sqlite3.connect({str(project_path)!r}, isolation_level=None)\n"
            "con.execute('BEGIN IMMEDIATE')\n"
            "print('locked', flush=True)\n"
            "time.sleep(0.6)\n"
            "print(time.time(), flush=True)\n"
            "con.execute('COMMIT')\n")], stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout.readline().strip() == "locked"
            started = time.time()
            project.confirm_claim(claim.id, annotator="ana")
            released = float(holder.stdout.readline())
        finally:
            holder.wait(timeout=30)
        assert started < released <= time.time()  # it waited for the lock, and wrote once it was free
        assert project.claim(claim.id).status == "confirmed"
        with project._store.writing() as s:
            timeout = s.connection().exec_driver_sql("PRAGMA busy_timeout").scalar()
        assert timeout == schema.BUSY_TIMEOUT_MS
    finally:
        project.close()
