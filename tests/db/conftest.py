"""Storage tests run on SQLite and, when QUOTEDESK_TEST_PG_URL names a PostgreSQL database, on
PostgreSQL too: the same Project code must work on both (.ci/run starts a local server)."""

from __future__ import annotations

import os

import pytest

PG_URL = os.environ.get("QUOTEDESK_TEST_PG_URL")


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def project(request, project_path):
    from db import Project

    if request.param == "postgresql":
        if not PG_URL:
            pytest.skip("set QUOTEDESK_TEST_PG_URL to run the storage tests on PostgreSQL")
        _reset_postgres(PG_URL)
        p = Project.open(PG_URL)
    else:
        p = Project.open(project_path)
    yield p
    p.close()
