"""Blind double annotation end to end, each person a process of their own, on SQLite and PostgreSQL.

The lead turns blind annotation on and assigns the article (command line); two or three annotators
work at the same time in separate processes (tests/team_script.py), each then checking what they can
see; the lead reads the agreement (command line), adjudicates (a process), and exports (command line).
The figures are the hand-computed ones of tests/kernel/test_agreement.py, and nltk's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import openpyxl
import pytest
from nltk.metrics.agreement import AnnotationTask

from db import ClaimFilter, Project
from tests import team_script
from tests.conftest import REPO

ENV = {**os.environ, "PYTHONPATH": str(REPO)}


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "team.quotedesk")
    return request.getfixturevalue("pg_schema_url")


def cli(url: str, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "desktop.cli", *args, "--db", url], capture_output=True,
                            text=True, env=ENV, cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def script(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.team_script", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=ENV, cwd=REPO)


def finish(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, out + err
    return json.loads(out)


def expected_own_layer(name: str) -> list:
    """What an annotator's own layer holds after their work: their decisions and nobody else's."""
    rows = []
    for words, _ in team_script.SUGGESTED:
        decision = team_script.PLANS[name]["decide"][words]
        if decision is None:
            rows.append([words, "rejected", None, None])
        else:
            rows.append([decision.get("content", words), "confirmed", decision.get("stance"),
                         decision.get("verdict_rating")])
    rows += [[a["content"], "confirmed", a.get("stance"), a.get("verdict_rating")]
             for a in team_script.PLANS[name]["add"]]
    return sorted(rows, key=lambda r: [str(x) for x in r])


# Stance and verdict labels of the matched claims, by hand (see tests/kernel/test_agreement.py):
# units are the groups {plan works} {taxes will rise} {bridge is safe} {nothing matters} ({rain} is anna's only).
STANCE_UNITS = {("anna", "ben"): [("favor", "favor"), ("against", "favor"), ("neutral", "neutral")],
                ("anna", "ben", "cy"): [("favor", "favor", "favor"), ("against", "favor", "against"),
                                        ("neutral", "neutral", None), (None, "against", "against")]}
VERDICT_UNITS = {("anna", "ben"): [("True", None), ("False", "False"), ("True", "Mostly true")],
                 ("anna", "ben", "cy"): [("True", None, None), ("False", "False", None),
                                         ("True", "Mostly true", None), (None, None, None)]}


def nltk_alpha(names, units) -> float:
    return AnnotationTask([(who, i, v) for i, unit in enumerate(units) for who, v in zip(names, unit)
                           if v is not None and sum(x is not None for x in unit) >= 2]).alpha()


def nltk_kappa(units) -> float:
    both = [u for u in units if u[0] is not None and u[1] is not None]
    return AnnotationTask([(who, i, v) for i, u in enumerate(both) for who, v in zip("AB", u)]).kappa()


@pytest.mark.slow
@pytest.mark.parametrize("names", [("anna", "ben"), ("anna", "ben", "cy")], ids=["two", "three"])
def test_blind_double_annotation_in_separate_processes(url, names, tmp_path):
    article = team_script.setup(url)

    # The lead: blind annotation on, the article to every annotator (round-robin for two, by hand for three).
    assert "Blind annotation is on" in cli(url, "blind", "on", "--by", "lead").stdout
    if len(names) == 2:
        out = cli(url, "assign", "--round-robin", "--per-article", "2", "--to", *names, "--by", "lead").stdout
    else:
        out = cli(url, "assign", str(article), "--to", *names, "--by", "lead").stdout
    assert f"Assigned {len(names)} article–annotator pair(s)" in out
    for name in names:
        queue = cli(url, "queue", name).stdout
        assert f"{name}: 1 article(s), 0 finished" in queue and "Five sayings" in queue

    # The annotators, all at once, each in a process of its own.
    reports = {r["name"]: r for r in map(finish, [script("annotate", url, name) for name in names])}
    for name, report in reports.items():
        assert report["articles"] == [article]
        # Their own layer holds their decisions only, ...
        assert report[f"own_{article}"] == expected_own_layer(name)
        # ... the project's final claims hold nobody's: still the four suggestions, undecided, ...
        assert report[f"final_{article}"] == sorted([w, "suggested", None] for w, _ in team_script.SUGGESTED)
        # ... and another's layer cannot be written.
        assert report["refused"] and "layer" in report["refused"]
    progress = cli(url, "progress").stdout
    assert "Blind annotation: on" in progress and f"{len(names)}/{len(names)}" in progress

    # Agreement: the hand-computed figures, and the library's.
    figures = json.loads(cli(url, "agreement", "--format", "json").stdout)
    overall = figures["overall"]
    assert figures["articles"] == 1 and figures["annotators"] == list(names)
    stance_units, verdict_units = STANCE_UNITS[names], VERDICT_UNITS[names]
    assert overall["stance"]["alpha"] == pytest.approx(nltk_alpha(names, stance_units), abs=1e-4)
    assert overall["verdict"]["alpha"] == pytest.approx(nltk_alpha(names, verdict_units), abs=1e-4)
    assert overall["verdict"]["alpha"] == pytest.approx(0.4, abs=1e-4)  # by hand, for both teams
    pair = next(p for p in figures["pairs"] if p["annotators"] == ["anna", "ben"])
    assert (pair["f1_partial"], pair["f1_exact"]) == (0.75, 0.5)
    assert pair["speaker_agreement"] == pytest.approx(2 / 3, abs=1e-4)
    ab = [u[:2] for u in stance_units[:3]]
    assert pair["stance"]["kappa"] == pytest.approx(0.5, abs=1e-4) == pytest.approx(nltk_kappa(ab), abs=1e-4)
    assert pair["verdict"]["kappa"] == pytest.approx(1 / 3, abs=1e-4)
    assert pair["verdict"]["kappa"] == pytest.approx(nltk_kappa([u[:2] for u in verdict_units[:3]]), abs=1e-4)
    if len(names) == 2:
        assert overall["stance"]["alpha"] == pytest.approx(6 / 11, abs=1e-4)
        assert overall["stance"]["kappa"] == pytest.approx(0.5, abs=1e-4)
    else:
        assert overall["stance"]["alpha"] == pytest.approx(23 / 32, abs=1e-4)
        assert overall["stance"]["kappa"] is None  # three annotators: κ per pair
        assert overall["f1_partial"] == pytest.approx(16 / 22, abs=1e-4)
    text = cli(url, "agreement").stdout
    assert "0.750" in text
    if len(names) == 3:  # each pair pooled, and again under the article
        assert text.count("ben × cy") == 2
    # Everyone marked the article finished, so counting finished work only gives the same figures.
    assert json.loads(cli(url, "agreement", "--finished", "--format", "json").stdout)["overall"] == overall

    # Adjudication by the lead, in another process: final claims.
    decided = finish(script("adjudicate", url))
    with Project.open(url) as p:
        finals = p.claims(ClaimFilter(article_id=article))
        layer_ids = {c.id for who in names for c in p.layer_claims(article, who)}
    confirmed = sorted(c.content.text for c in finals if c.status == "confirmed")
    rejected = sorted(c.content.text for c in finals if c.status == "rejected")
    assert decided["agreed"] == 1 and decided["left_open"] == 0  # everyone rejected "Ana said"
    if len(names) == 2:
        assert decided["no_claim"] == []
        assert confirmed == sorted(["the plan works", "taxes will rise", "rain is coming", "the bridge is safe",
                                    "nothing matters"])
        assert rejected == ["Ana said"]
    else:
        assert decided["no_claim"] == [["rain is coming"]]
        assert confirmed == sorted(["the plan works", "taxes will rise", "the bridge is safe", "nothing matters"])
        assert rejected == ["Ana said", "rain is coming"]
    bridge = next(c for c in finals if c.content.text == "the bridge is safe")
    assert (bridge.speaker, bridge.stance, bridge.verdict_rating) == ("Di", "neutral", "True")  # anna's version
    assert not any(c.status == "suggested" for c in finals)
    assert not {c.id for c in finals} & layer_ids

    # Exports hold the final claims only, and the workbook has the agreement.
    cli(url, "export", "-o", str(tmp_path / "out.json"))
    exported = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    exported_ids = {c["id"] for a in exported["articles"] for c in a["claims"]}
    assert exported_ids == {c.id for c in finals}
    cli(url, "export", "-o", str(tmp_path / "out.xlsx"))
    book = openpyxl.load_workbook(tmp_path / "out.xlsx", read_only=True)
    claim_rows = list(book["Claims"].iter_rows(min_row=2, values_only=True))
    assert {r[0] for r in claim_rows} == {c.id for c in finals}
    rows = list(book["Agreement"].iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r[0] == "Scope"))
    table = [dict(zip(rows[header], r)) for r in rows[header + 1:]]
    total = next(r for r in table if r["Scope"] == "All articles")
    assert total["Stance α (Krippendorff)"] == pytest.approx(overall["stance"]["alpha"], abs=1e-4)
    assert total["Span F1 (partial)"] == pytest.approx(overall["f1_partial"], abs=1e-4)
    book.close()
