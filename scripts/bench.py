"""Throughput of the default pipeline against ftfy.fix_text, in one run.

Reports documents/s and MB/s on one core for undamaged health documents and
for the same documents damaged by every kind in scripts/eval_kinds/, each as a
ratio to ``ftfy.fix_text`` on the same texts measured in the same process, and
the start-up cost (first call: imports and dictionary loading).

    python scripts/bench.py [--limit N] [--repeat R]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ftfy  # noqa: E402
from evalkit import load_docs  # noqa: E402
from evaluate import load_kinds  # noqa: E402


def timed(fn: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """Best of ``repeat`` runs over all texts, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()

    t0 = time.perf_counter()
    from textrepair import repair

    repair("Warm-up : it ’s loading dictionaries , cistron diseaseamyotrophic .")
    startup = time.perf_counter() - t0

    docs = load_docs(args.limit)
    clean = [d["text"] for d in docs]
    rng = random.Random(args.seed)
    kinds = load_kinds(None)
    damaged = [rng.choice(kinds).damage(t, rng) for t in clean]

    print(f"start-up (import + first repair, dictionaries loaded): {startup:.2f} s\n")
    print("| texts | system | docs/s | MB/s | ratio to ftfy.fix_text |")
    print("|---|---|---|---|---|")
    per_doc = {}
    for label, texts in (("undamaged", clean), ("damaged (mixed kinds)", damaged)):
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        t_ftfy = timed(ftfy.fix_text, texts, args.repeat)
        t_ours = timed(repair, texts, args.repeat)
        for name, secs in (("ftfy.fix_text", t_ftfy), ("textrepair default", t_ours)):
            print(
                f"| {label} ({len(texts)} docs, {mb:.1f} MB) | {name} | {len(texts) / secs:,.0f} | "
                f"{mb / secs:.2f} | {t_ftfy / secs:.2f} |"
            )
        per_doc[label] = t_ours / len(texts)
    # Start-up is paid once per process (each `textrepair batch` worker, each
    # datatrove task process): how many documents make it a small share.
    print("\n| texts | start-up equals | start-up under 1% of a worker's time after |")
    print("|---|---|---|")
    for label, secs in per_doc.items():
        print(f"| {label} | {startup / secs:,.0f} docs | {100 * startup / secs:,.0f} docs |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
