"""Words per second of ``quotedesk suggest --jobs N``'s parsing: 1 worker process against N, same texts.

    python3 benchmarks/bench_suggest_jobs.py [--jobs 2] [--words 30000] [--model NAME]

Both runs use ``app.pool_suggesting.PoolSuggester`` (worker processes, each with its own pipeline),
so the only difference is the number of workers; pipelines are loaded before the clock starts.
Texts: the same corpus as benchmarks/bench_suggest.py (seed articles plus articles assembled from
the dev sentences). Prints words/s for each, the ratio N/1 (near-linear is close to N on N free
cores) and the load average, since other work on the machine takes cores from the workers. Storing
is not timed here: one process stores, as before (benchmarks/bench_import.py measures writes).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def cpu_seconds(pids) -> float:
    """CPU time (user + system) the processes have used so far (Linux; 0 elsewhere)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return total / os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 0.0


def words_per_second(jobs: int, model: str | None, texts, batch: int) -> tuple[float, float, float]:
    """(words/s, load average, cores the workers used on average while timed)."""
    from app.pool_suggesting import PoolSuggester

    with PoolSuggester(jobs, model) as pool:
        pool.warm_up()
        pids = list(pool._pool._processes)  # the workers, for their CPU time
        load = os.getloadavg()[0]
        cpu = cpu_seconds(pids)
        t = time.perf_counter()
        n = sum(1 for _ in pool.suggest_many(texts, batch_size=batch))
        seconds = time.perf_counter() - t
        cores = (cpu_seconds(pids) - cpu) / seconds
    assert n == len(texts)
    return sum(len(text.split()) for text, _ in texts) / seconds, load, cores


def main() -> int:
    from bench_suggest import corpus

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--words", type=int, default=30000)
    ap.add_argument("--batch", type=int, default=4, help="articles per chunk sent to a worker")
    ap.add_argument("--model")
    args = ap.parse_args()
    texts = corpus(args.words)
    words = sum(len(t.split()) for t, _ in texts)
    print(f"{len(texts)} articles, {words} words; {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.1f} at start", flush=True)
    one, load1, cores1 = words_per_second(1, args.model, texts, args.batch)
    print(f"1 process : {one:8.0f} words/s (load {load1:.1f}; the worker had {cores1:.2f} cores)", flush=True)
    many, load_n, cores_n = words_per_second(args.jobs, args.model, texts, args.batch)
    print(f"{args.jobs} processes: {many:8.0f} words/s (load {load_n:.1f}; the workers had {cores_n:.2f} cores)")
    print(f"ratio {args.jobs}/1: {many / one:.2f} (linear would be {args.jobs:.2f}); per core of CPU the workers "
          f"got: {one / max(cores1, 1e-9):.0f} and {many / max(cores_n, 1e-9):.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
