"""Shared fixtures: a temporary project, the spaCy pipeline loaded once, offscreen Qt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Qt tests run offscreen on machines without a display (CI); set before Qt is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A suggestion rule that raises is raised again, not turned into an empty field or a skipped article
# (annotate.guard), so an engine test fails on the bug; subprocesses and worker processes inherit it.
# tests/app/test_suggest_rule_failures.py unsets it to see what a user sees.
os.environ.setdefault("QUOTEDESK_STRICT_RULES", "1")

REPO = Path(__file__).resolve().parents[1]


def pytest_configure(config):
    """QUOTEDESK_START_METHOD=spawn starts every process the way macOS and Windows do (.ci/run runs the
    GUI and suggestion tests so), so nothing may rely on a forked child inheriting the parent's state."""
    method = os.environ.get("QUOTEDESK_START_METHOD")
    if method:
        import multiprocessing

        multiprocessing.set_start_method(method, force=True)
SEEDS = REPO / "resources" / "seeds"
GOLD = REPO / "tests" / "data" / "gold" / "seeds.jsonl"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """Never touch the real user's data directory or settings from a test."""
    data = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("QUOTEDESK_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data / "config"))
    yield


@pytest.fixture(autouse=True)
def _qt_garbage_collected_on_the_main_thread(request):
    """A test with Qt objects collects its garbage here, on the GUI thread, when it ends, and no
    automatic collection runs meanwhile. Otherwise a Qt object left in a reference cycle (a closed
    window, a finished task with its connections) is freed by whichever thread next triggers a
    collection, such as a suggestion or reader thread, and destroying Qt objects off the GUI thread
    crashes the process (segmentation faults in CI runs, in whichever test was running then)."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    import gc

    gc.disable()  # as the app does (desktop.launch.collect_on_the_gui_thread): no collection in a worker
    try:
        yield
    finally:
        gc.collect()
        gc.enable()


@pytest.fixture
def project_path(tmp_path) -> Path:
    return tmp_path / "test.quotedesk"


@pytest.fixture
def project(project_path):
    from db import Project

    p = Project.open(project_path)
    yield p
    p.close()


@pytest.fixture
def pg_schema_url():
    """A PostgreSQL project URL whose tables live in a schema of their own, dropped after the test
    (QUOTEDESK_TEST_PG_URL names the server; without it the test is skipped)."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    pg = os.environ.get("QUOTEDESK_TEST_PG_URL")
    if not pg:
        pytest.skip("set QUOTEDESK_TEST_PG_URL to run the storage tests on PostgreSQL")
    schema = f"qd_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(pg)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield make_url(pg).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def nlp():
    from annotate.spacy_pipelines import load_pipeline

    return load_pipeline()
