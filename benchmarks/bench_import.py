"""How fast articles are read and stored: prints figures for N generated articles.

    python3 benchmarks/bench_import.py [N]

Measures read_paths alone (text files in a folder, and one JSONL batch), then the full
import (read + store into a fresh SQLite project) as the CLI and the GUI run it.
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotate.ingest import read_paths  # noqa: E402
from db import Project  # noqa: E402
from app.importing import import_paths  # noqa: E402

SEED = (Path(__file__).resolve().parents[1] / "resources" / "seeds" / "001_cf3f115601c28b53.txt").read_text(
    encoding="utf-8")


def _article(i: int) -> str:
    return SEED.replace("Italy does not plan", f"Italy (report {i}) does not plan", 1)


def _timed(label: str, n: int, run) -> None:
    started = time.perf_counter()
    count = run()
    seconds = time.perf_counter() - started
    print(f"{label:<44} {count:>6} articles  {seconds:7.2f} s  {count / seconds:8.1f} articles/s")


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i in range(n):
            (folder / f"{i:05}.txt").write_text(_article(i), encoding="utf-8")
        batch = Path(tmp) / "batch.jsonl"
        batch.write_text("".join(json.dumps({"text": _article(i)}) + "\n" for i in range(n)), encoding="utf-8")
        print(f"{n} copies of a {len(SEED):,}-character seed article")
        _timed("read_paths, folder of .txt files", n, lambda: sum(r.article is not None for r in read_paths([folder])))
        _timed("read_paths, one JSONL batch", n, lambda: sum(r.article is not None for r in read_paths([batch])))

        def full():
            with Project.open(Path(tmp) / "bench.quotedesk") as project:
                return len(import_paths(project, [folder]).imported)
        _timed("import_paths (read + store, SQLite)", n, full)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
