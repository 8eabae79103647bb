"""Every spaCy registration Quotedesk makes, in one place and done on request (spaCy's own
``spacy/registrations.py`` style): importing a module never registers anything.

Call :func:`register` before loading a pipeline or a training config that names our factories.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.util import registry


def register() -> None:
    """Register the claim and attribution factories and the training callbacks (idempotent)."""
    from thinc.api import Config

    from . import component, model
    from .training import callbacks

    component.register()
    if not Language.has_factory(model.FACTORY):
        Language.factory(
            model.FACTORY,
            default_config={
                "model": Config().from_str(model.DEFAULT_MODEL)["model"],
                "moves": None,
                "update_with_oracle_cut_size": 100,
                "incorrect_spans_key": None,
                "scorer": {"@scorers": "quotedesk.attribution_scorer.v1"},
            },
            default_score_weights={"attr_f": 1.0, "attr_p": 0.0, "attr_r": 0.0},
            func=model.make_attribution,
        )
    if "quotedesk.attribution_scorer.v1" not in registry.scorers:
        registry.scorers.register("quotedesk.attribution_scorer.v1",
                                  func=lambda: model.score_attribution)
    if "quotedesk.copy_lookups.v1" not in registry.callbacks:
        registry.callbacks.register("quotedesk.copy_lookups.v1", func=callbacks.copy_lookups)
