"""Speaker and topic names with non-ASCII capitals are found again, never inserted twice.

SQL lower() is not Unicode case folding (SQLite's folds ASCII only): "Šimek" looked up with
lower() missed the stored "Šimek" and a second insert hit the UNIQUE constraint.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from db import InvalidValueError, NewArticle, ClaimDraft, Project, Span

NAMES = ["Maroš Šefčovič", "Tomáš Šimek", "Łukasz Nowak", "Selin Öztürk", "Émilie Durand", "İlkay Aksoy"]
V1 = Path(__file__).parent / "data" / "v1.quotedesk"


def _article_naming_everyone_twice(project):
    text = " ".join(f"{n} said it was fine. {n} said it was late." for n in NAMES)
    art, _ = project.add_article(NewArticle(text=text, title="names"))
    claims = []
    for n in NAMES:
        for needle in (f"{n} said it was fine", f"{n} said it was late"):
            start = text.index(needle)
            claims.append(ClaimDraft(content=Span(start, start + len(needle), needle), speaker=n))
    return art, claims


def test_names_with_non_ascii_capitals_resolve_to_one_speaker_each(project):
    art, claims = _article_naming_everyone_twice(project)
    project.save_suggestions(art.id, claims)
    project.save_suggestions(art.id, claims, redo=True)  # a second suggest run on the same article
    speakers = {s.name: s for s in project.speakers()}
    assert set(speakers) == set(NAMES)
    assert all(speakers[n].claim_count == 2 for n in NAMES)


def test_lookups_fold_every_letter(project):
    art, claims = _article_naming_everyone_twice(project)
    project.save_suggestions(art.id, claims)
    assert project.find_speaker("TOMÁŠ ŠIMEK").name == "Tomáš Šimek"
    assert project.find_speaker("łukasz nowak").name == "Łukasz Nowak"
    with pytest.raises(InvalidValueError):
        project.add_speaker("ÉMILIE DURAND")
    project.add_topic("Élections")
    with pytest.raises(InvalidValueError):
        project.add_topic("élections")
    assert project.find_topic("ÉLECTIONS").name == "Élections"


def test_upgrade_fills_the_key_for_existing_names(tmp_path):
    path = tmp_path / "old.quotedesk"
    shutil.copy(V1, path)
    con = sqlite3.connect(path)
    con.execute("INSERT INTO speakers (name, aliases, created_at) VALUES ('Ľudovít Štúr', '[]', '2025-01-01')")
    con.commit()
    con.close()
    with Project.open(path) as p:
        assert p.find_speaker("ľudovít štúr").name == "Ľudovít Štúr"
        assert p.find_speaker("giorgia meloni").name == "Giorgia Meloni"
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM speakers WHERE name_key IS NULL").fetchone()[0] == 0
    con.close()
