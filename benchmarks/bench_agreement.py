"""Agreement over 10,000 double-annotated claims (goal: at most 2 s).

    python3 benchmarks/bench_agreement.py [--claims 10000] [--per-article 10] [--seed 1]

Builds synthetic articles of ``--per-article`` claims each until ``--claims`` claims are annotated
by two annotators: the second annotator's spans are shifted a little (a tenth by more than half
the claim, so they do not match), some claims are missed or added, and stance, verdict and speaker
agree about four times in five. Times ``kernel.agreement.agreement`` (matching, F1, speaker, κ, α,
per article and pooled) and prints the figures it found.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kernel.agreement import AgreementClaim, ArticleLayers, agreement  # noqa: E402

STANCES = ("favor", "against", "neutral", None)
VERDICTS = ("True", "Mostly true", "Half true", "False", None, None)
SENTENCE = 120  # characters per claim's sentence in the synthetic text


def synthetic(claims: int, per_article: int, seed: int) -> list[ArticleLayers]:
    rng = random.Random(seed)
    articles = []
    for article_id in range(1, (claims + per_article - 1) // per_article + 1):
        n = min(per_article, claims - (article_id - 1) * per_article)
        text = "".join(f"Speaker {i} said that the matter number {i} is settled at last. ".ljust(SENTENCE)
                       for i in range(n + 2))
        first, second = [], []
        for i in range(n):
            start, end = i * SENTENCE + 18, i * SENTENCE + 60
            a = AgreementClaim(start, end, speaker=f"Speaker {i}", stance=rng.choice(STANCES),
                               verdict=rng.choice(VERDICTS))
            first.append(a)
            roll = rng.random()
            if roll < 0.05:
                continue  # the second annotator missed it
            shift = rng.choice((0, 0, 0, 2, 5)) if roll > 0.1 else 30
            second.append(AgreementClaim(
                start + shift, end, speaker=a.speaker if rng.random() < 0.8 else "Someone else",
                stance=a.stance if rng.random() < 0.8 else rng.choice(STANCES),
                verdict=a.verdict if rng.random() < 0.8 else rng.choice(VERDICTS)))
        if rng.random() < 0.3:
            second.append(AgreementClaim(n * SENTENCE + 18, n * SENTENCE + 60, stance="favor"))
        articles.append(ArticleLayers(article_id, text, {"anna": first, "ben": second}))
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--per-article", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    articles = synthetic(args.claims, args.per_article, args.seed)
    layer_claims = sum(len(c) for a in articles for c in a.layers.values())
    start = time.perf_counter()
    result = agreement(articles)
    figures = result.as_dict()["overall"]  # every figure computed (κ and α included)
    seconds = time.perf_counter() - start
    print(f"agreement over {args.claims:,} double-annotated claims ({layer_claims:,} layer claims, "
          f"{len(articles):,} articles): {seconds:.3f} s (goal <= 2 s)")
    print(f"  F1 partial {figures['f1_partial']}, exact {figures['f1_exact']}, speaker {figures['speaker_agreement']}")
    for name in ("stance", "verdict"):
        f = figures[name]
        print(f"  {name}: {f['units']:,} units, observed {f['observed']}, kappa {f['kappa']}, alpha {f['alpha']}")
    return 0 if seconds <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
