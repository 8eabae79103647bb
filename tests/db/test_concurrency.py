"""Two processes writing one project file: writers wait for each other, nothing is lost."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from db import NewArticle, ClaimDraft, Project, Span

WORKER = textwrap.dedent("""
    import sys
    from db import ConflictError, NewArticle, Project

    path, name, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    conflicts = 0
    with Project.open(path) as p:
        cid = p.claims()[0].id
        for i in range(rounds):
            p.add_article(NewArticle(text=f"Article {i} written by {name}. " * 20, title=f"{name} {i}"))
            while True:  # optimistic read-modify-write of a shared counter
                claim = p.claim(cid)
                try:
                    p.update_claim(cid, note=str(int(claim.note or 0) + 1), expected_version=claim.version,
                                   annotator=name)
                    break
                except ConflictError:
                    conflicts += 1
    print(conflicts)
""")


def test_two_processes_writing_lose_nothing(tmp_path: Path):
    path = tmp_path / "shared.quotedesk"
    with Project.open(path) as p:
        art, _ = p.add_article(NewArticle(text="Shared article, said the editor."))
        p.save_suggestions(art.id, [ClaimDraft(content=Span(0, 14, "Shared article"))])
    rounds = 40
    repo = Path(__file__).resolve().parents[2]
    procs = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(path), name, str(rounds)], cwd=repo,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name in ("ana", "ben")
    ]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
        assert "locked" not in err
    with Project.open(path) as p:
        assert len(p.articles()) == 1 + 2 * rounds
        claim = p.claims()[0]
        assert claim.note == str(2 * rounds)  # every increment landed
        assert len(p.history("ana")) == rounds and len(p.history("ben")) == rounds
