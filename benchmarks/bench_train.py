"""Time to train the attribution model on PolNeAR's 840 train articles, scored on its dev split.

    python3 benchmarks/bench_train.py [--max-steps N] [--output DIR]

Reads ../shared/polnear/ (outside the repository; skips with a message when absent). Prints the
wall time, the CPU time, the machine's load average before and after (the 2-core build machine
is shared, so say what the load was), and the dev span scores of the best checkpoint. Target:
<= 30 minutes on an unloaded 2-core machine.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotate.training.data import read_gold  # noqa: E402
from annotate.training.train import train_model  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "polnear"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=POLNEAR)
    ap.add_argument("--max-steps", type=int, default=None)
    ap.add_argument("--output", type=Path, default=None)
    args = ap.parse_args()
    train_file, dev_file = args.corpus / "train.jsonl", args.corpus / "dev.jsonl"
    if not train_file.is_file() or not dev_file.is_file():
        print(f"skipped: PolNeAR train/dev not found in {args.corpus} (kept outside the repository)")
        return
    train, dev = list(read_gold(train_file)), list(read_gold(dev_file))
    load_before = os.getloadavg()
    cpu0, t0 = time.process_time(), time.perf_counter()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 60:
            last[0] = now
            print(f"  step {done}/{total}, {now - t0:.0f} s, load {os.getloadavg()[0]:.1f}", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        out = args.output or Path(tmp) / "model"
        result = train_model(train, out, dev=dev, max_steps=args.max_steps, progress=progress,
                             log=lambda line: print("  " + line, flush=True))
        wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        size = sum(f.stat().st_size for f in Path(result.path).rglob("*") if f.is_file())
    s = result.scores
    print(f"trained on {result.train_articles} articles, {result.steps} steps: {wall / 60:.1f} min wall, "
          f"{cpu / 60:.1f} min CPU (target <= 30 min wall on an unloaded 2-core machine)")
    print(f"load average (1/5/15 min) before: {load_before[0]:.1f}/{load_before[1]:.1f}/{load_before[2]:.1f}, "
          f"after: {'/'.join(f'{x:.1f}' for x in os.getloadavg())}; cores: {os.cpu_count()}")
    print(f"dev spans (exact): P {s.get('attr_p', 0):.3f} R {s.get('attr_r', 0):.3f} F {s.get('attr_f', 0):.3f}; "
          f"model size {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
