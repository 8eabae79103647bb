"""Time to train the attribution model on PolNeAR's 840 train articles, scored on its dev split.

    python3 benchmarks/bench_train.py [--max-steps N] [--output DIR]

Reads ../shared/polnear/ (outside the repository; skips with a message when absent). Target: a
full training run <= 30 minutes on the 2-core build machine.

The machine is shared, so wall time alone says little: the script prints the wall time, the CPU
time of the training process and the load average (before, during, after), and how many cores the
process got on average (CPU / wall). A full run (no --max-steps) is a measurement. A partial run
(--max-steps N below the full run's steps) measures N steps and then prints an extrapolation to the
full run from its measured CPU time, marked as such. The batch size grows over the first ~1,400
steps, so steps are not all alike: a run past that point (and 200 steps more) extrapolates from
the CPU per step it measured at full batch size, evaluations included; a shorter one scales the
CPU of its steps by the words the full run reads against those they read, which overestimates
(early steps carry more fixed cost and evaluation per word).
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

from spacy.util import load_config  # noqa: E402

from annotate.training.data import read_gold  # noqa: E402
from annotate.training.train import CONFIG, MIN_STEPS, STEPS_PER_ARTICLE, train_model  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "polnear"
EVAL_FREQUENCY = 200  # the config's; also for partial runs, so their steps cost what full-run steps do


def batch_words(steps: int) -> float:
    """Words the first ``steps`` updates read: the config's batch size grows step by step
    (``compounding.v1`` from start to stop), so late steps cost more than early ones."""
    size = load_config(CONFIG, interpolate=False)["training"]["batcher"]["size"]
    start, stop, compound = float(size["start"]), float(size["stop"]), float(size["compound"])
    total, words = 0.0, start
    for _ in range(steps):
        total += min(words, stop)
        words *= compound
    return total


def steady_step() -> int:
    """The first step at the batch schedule's full size: from there on every step reads as much."""
    size = load_config(CONFIG, interpolate=False)["training"]["batcher"]["size"]
    start, stop, compound = float(size["start"]), float(size["stop"]), float(size["compound"])
    step, words = 0, start
    while words < stop:
        words *= compound
        step += 1
    return step


def full_steps(train_articles: int) -> int:
    """The steps `quotedesk train` runs on this many articles (the config's max_steps at most;
    early stopping may end it sooner)."""
    configured = int(load_config(CONFIG, interpolate=False)["training"]["max_steps"])
    return min(configured, max(STEPS_PER_ARTICLE * train_articles, MIN_STEPS))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=POLNEAR)
    ap.add_argument("--max-steps", type=int, default=None,
                    help="stop after N steps and extrapolate to the full run (default: the full run)")
    ap.add_argument("--output", type=Path, default=None)
    args = ap.parse_args()
    train_file, dev_file = args.corpus / "train.jsonl", args.corpus / "dev.jsonl"
    if not train_file.is_file() or not dev_file.is_file():
        print(f"skipped: PolNeAR train/dev not found in {args.corpus} (kept outside the repository)")
        return
    train, dev = list(read_gold(train_file)), list(read_gold(dev_file))
    full = full_steps(sum(1 for a in train if a.claims))
    partial = args.max_steps is not None and args.max_steps < full
    load_before = os.getloadavg()
    loads: list[float] = []
    cpu0, t0 = time.process_time(), time.perf_counter()
    setup: list[float] = []  # CPU seconds spent before the first update (conversion, initialisation)
    steady: list[tuple[int, float]] = []  # (step, CPU seconds) where the batch size stops growing
    full_batch = steady_step()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if not setup:
            setup.append(time.process_time() - cpu0)
        if not steady and done >= full_batch:
            steady.append((done, time.process_time() - cpu0))
        if now - last[0] > 60:
            last[0] = now
            loads.append(os.getloadavg()[0])
            print(f"  step {done}/{total}: {now - t0:.0f} s wall, {time.process_time() - cpu0:.0f} s CPU, "
                  f"load {loads[-1]:.1f}", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        out = args.output or Path(tmp) / "model"
        result = train_model(train, out, dev=dev, max_steps=args.max_steps if partial else None,
                             eval_frequency=EVAL_FREQUENCY, progress=progress,
                             log=lambda line: print("  " + line, flush=True))
        wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        size = sum(f.stat().st_size for f in Path(result.path).rglob("*") if f.is_file())
    s = result.scores
    after = os.getloadavg()
    during = f"{min(loads):.1f}-{max(loads):.1f}" if loads else "-"
    print(f"MEASURED: {'partial run, ' if partial else ''}{result.steps} steps on {result.train_articles} "
          f"articles: {wall / 60:.1f} min wall, {cpu / 60:.1f} min CPU of the training process "
          f"({cpu / wall:.2f} cores on average of {os.cpu_count()})")
    print(f"load average (1/5/15 min) before: {'/'.join(f'{x:.1f}' for x in load_before)}, "
          f"during (1 min): {during}, after: {'/'.join(f'{x:.1f}' for x in after)}")
    if partial and steady and result.steps - steady[0][0] >= EVAL_FREQUENCY:
        rate = (cpu - steady[0][1]) / (result.steps - steady[0][0])
        estimate = cpu + rate * (full - result.steps)
        print(f"EXTRAPOLATED (not measured): the full run of {full} steps = these {result.steps} steps' "
              f"{cpu:.0f} s + {full - result.steps} more at the {rate:.3f} s CPU/step measured since step "
              f"{steady[0][0]} (full batch size, evaluations included) = {estimate / 60:.1f} min CPU; on an "
              f"unloaded machine the wall time is about the CPU time (the process used {cpu / wall:.2f} "
              f"cores here)")
    elif partial and result.steps:
        first = setup[0] if setup else 0.0
        scale = batch_words(full) / batch_words(result.steps)
        estimate = first + (cpu - first) * scale
        print(f"EXTRAPOLATED (not measured): the full run of {full} steps reads {scale:.1f}x the words of "
              f"these {result.steps} (the batch size grows): setup {first:.0f} s + {cpu - first:.0f} s CPU x "
              f"{scale:.1f} = {estimate / 60:.1f} min CPU (evaluations scaled with words too, so an "
              f"overestimate); on an unloaded machine the wall time is about the CPU time "
              f"(the process used {cpu / wall:.2f} cores here)")
    print(f"target: full run <= 30 min on the 2-core machine; dev spans (exact): P {s.get('attr_p', 0):.3f} "
          f"R {s.get('attr_r', 0):.3f} F {s.get('attr_f', 0):.3f}; model size {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
