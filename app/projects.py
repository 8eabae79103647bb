"""Where projects live and how a new default project is seeded. No Qt here.

The default project is a SQLite file in the user's data directory, created on
first run and seeded with the two articles Quotedesk started from, so a new
user sees something real at once.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

from db import DuplicateArticleError, NewArticle, Project

APP_NAME = "Quotedesk"
PROJECT_SUFFIX = ".quotedesk"
SEED_TOPIC = "Italy sending peacekeepers to Ukraine"
SEED_TOPIC_KEYWORDS = ("peacekeeping", "peacekeepers", "peacekeeping mission", "troops", "contingent",
                       "deploying", "soldiers")


def data_dir() -> Path:
    """The user's data directory for Quotedesk (QUOTEDESK_DATA_DIR overrides it, e.g. for tests)."""
    override = os.environ.get("QUOTEDESK_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_project_path() -> Path:
    return data_dir() / f"default{PROJECT_SUFFIX}"


def seed_files() -> list[Path]:
    folder = resources.files("resources") / "seeds"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))


def seed_project(project: Project) -> int:
    """Import the seed articles and the seed topic; returns how many articles were added."""
    from annotate.ingest import read_paths

    added = 0
    for result in read_paths(seed_files()):
        art = result.article
        if art is None:
            continue
        try:
            project.add_article(to_new_article(art))
            added += 1
        except DuplicateArticleError:
            pass
    if project.find_topic(SEED_TOPIC) is None:
        project.add_topic(SEED_TOPIC, keywords=SEED_TOPIC_KEYWORDS)
    project.set_config("seeded", True)
    return added


def to_new_article(art) -> NewArticle:
    """An annotate.ingest.IngestedArticle as db's NewArticle."""
    return NewArticle(
        text=art.text, raw_text=art.raw_text, title=art.title, source=art.source, url=art.url,
        publisher=art.publisher, author=art.author, published=art.published,
        published_source=art.published_source, language=art.language, content_hash=art.content_hash,
    )


def open_project(db: str | None = None, *, create: bool = True) -> Project:
    """Open the project at ``db`` (path or URL), or the default project, seeding it when new."""
    if db:
        return Project.open(db, create=create)
    path = default_project_path()
    project = Project.open(path, create=True)
    if not project.get_config("seeded", False):
        seed_project(project)
    return project
