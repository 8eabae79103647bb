"""Callbacks named in the training config."""
from __future__ import annotations

from typing import Callable

import spacy
from spacy.language import Language


def copy_lookups(base: str) -> Callable[[Language], Language]:
    """Give the pipeline being trained the base pipeline's ``lexeme_norm`` table, so tokens get
    the same NORM feature in training as under the base pipeline at run time."""

    def before_init(nlp: Language) -> Language:
        source = spacy.load(base, exclude=["tagger", "parser", "senter", "attribute_ruler",
                                           "lemmatizer", "ner"])
        for name in source.vocab.lookups.tables:
            if not nlp.vocab.lookups.has_table(name):
                nlp.vocab.lookups.set_table(name, source.vocab.lookups.get_table(name))
        return nlp

    return before_init
