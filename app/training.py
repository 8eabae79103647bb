"""Training the suggestion model from the project's confirmed claims and/or gold JSONL files
(Qt-free: the ``quotedesk train`` command and the window's "Train suggestion model…" job).

A confirmed claim teaches its content (every fragment), its cue and its speaker mention. Only
articles with at least one confirmed claim are used: an article nobody has reviewed says nothing
about what is not a claim.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from annotate.training.data import GoldArticle, read_gold
from db import ClaimFilter, Project


def project_articles(project: Project) -> list[GoldArticle]:
    """The project's articles with confirmed claims, as gold articles."""
    by_article: dict[int, list[dict]] = {}
    for c in project.claims(ClaimFilter(statuses=("confirmed",))):
        claim = {"content": [c.content.start, c.content.end],
                 "content_fragments": [[f.start, f.end] for f in c.fragments],
                 "cue": c.cue.text if c.cue else None,
                 "cue_spans": [[c.cue.start, c.cue.end]] if c.cue else [],
                 "speaker": c.speaker,
                 "speaker_spans": [[c.mention.start, c.mention.end]] if c.mention else []}
        by_article.setdefault(c.article_id, []).append(claim)
    out = []
    for aid, claims in by_article.items():
        article = project.article(aid)
        out.append(GoldArticle(f"article-{aid}", article.text, tuple(claims)))
    return out


def gold_articles(paths: Iterable[Path]) -> list[GoldArticle]:
    out: list[GoldArticle] = []
    for path in paths:
        out.extend(read_gold(Path(path)))
    return out


def train_job(articles: Sequence[GoldArticle], output: Path, *, max_steps: int | None = None,
              held_out: float = 0.1, progress: Callable[[int, int | None], None],
              cancelled: Callable[[], bool], log: Callable[[str], None] | None = None):
    """Train and write the model to ``output``; returns annotate's TrainResult."""
    from annotate.training.train import train_model

    return train_model(articles, output, held_out=held_out, max_steps=max_steps,
                       progress=progress, cancelled=cancelled, log=log)


def default_model_dir() -> Path:
    """Where a model trained in the window is written: the user's data directory."""
    from app.projects import data_dir

    return data_dir() / "models" / "attribution"


def current_model_dir() -> Path | None:
    """The attribution model the app uses: the one last trained here (``quotedesk train`` or the
    window), else None, and the engine falls back to the model shipped with Quotedesk."""
    path = default_model_dir()
    return path if (path / "config.cfg").is_file() else None


def load_for_suggesting(name: str | None = None, model: str | Path | None = None):
    """(nlp, note): the base pipeline ``name`` with the attribution model ``model`` (a directory),
    else the one trained here, else the shipped one; ``note`` says when the rules run alone."""
    from annotate.spacy_pipelines import load_engine_pipeline

    return load_engine_pipeline(name, model if model is not None else current_model_dir())
