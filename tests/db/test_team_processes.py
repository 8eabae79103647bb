"""Four annotator processes x 500 acknowledged edits on the same claims: every acknowledged write is stored.

Slow (about a minute per back end on a small machine): it is the proof of "0 lost updates".
The same run, with latency figures, is ``benchmarks/bench_team.py``.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

PG_URL = os.environ.get("QUOTEDESK_TEST_PG_URL")

SPEC = importlib.util.spec_from_file_location(
    "team_edits", Path(__file__).resolve().parents[2] / "benchmarks" / "team_edits.py")
team_edits = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(team_edits)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_four_processes_of_500_edits_lose_nothing(backend):
    if backend == "postgresql" and not PG_URL:
        pytest.skip("set QUOTEDESK_TEST_PG_URL to run the storage tests on PostgreSQL")
    with team_edits.scratch_project(PG_URL if backend == "postgresql" else None) as url:
        report = team_edits.run(url, processes=4, edits=500, claims=5)
    assert report["acknowledged"] == 2000
    assert report["lost_updates"] == 0, report
    assert report["conflicts"] > 0  # they really did collide
