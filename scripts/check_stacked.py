"""Stacked-damage check: the change-log contract and idempotence on documents
damaged in several ways at once.

Each document of the health corpus gets 1-3 of the evaluation damage kinds
(``scripts/eval_kinds``), stacked in a random order, and is repaired by the
whole pipeline. The check counts, per document:

* replay: replaying the change log on the damaged text gives the output;
* undo: undoing it on the output gives the damaged text back;
* idempotence: a second run over the output changes nothing (which steps
  change what, when it does).

    nice python scripts/check_stacked.py --docs 1500
    nice python scripts/check_stacked.py --docs 600 --gates-off

``--gates-off`` opens every per-document gate (text known to be damaged), a
one-pass mode: its second run is expected to change more, and is reported.
Exit status 1 if replay or undo ever fails.
"""

from __future__ import annotations

import argparse
import importlib
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent / "eval_kinds"))

from evalkit import load_docs  # noqa: E402

from textrepair import Config, repair, replay, undo  # noqa: E402

KINDS = ("glued_words", "mojibake", "ocr", "ptb_spacing", "replacement_chars", "spun",
         "wrapped_lines")

def stack(text: str, rng: random.Random) -> tuple[str, list[str]]:
    """``text`` with 1-3 damage kinds applied, and their names in order."""
    kinds = rng.sample(KINDS, rng.randint(1, 3))
    for name in kinds:
        text = importlib.import_module(name).damage(text, rng)
    return text, kinds


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=1500)
    p.add_argument("--seed", type=int, default=12)
    p.add_argument("--gates-off", action="store_true", help="every per-document gate open")
    args = p.parse_args()

    config = Config().gates_off() if args.gates_off else Config()
    counts: Counter[str] = Counter()
    second_steps: Counter[str] = Counter()
    failures = []
    for i, doc in enumerate(load_docs(args.docs)):
        rng = random.Random(args.seed * 1_000_003 + i)
        damaged, kinds = stack(doc["text"], rng)
        result = repair(damaged, config)
        counts["documents"] += 1
        counts["changes"] += len(result.changes)
        if replay(damaged, result.changes) != result.text:
            failures.append((i, "replay", kinds))
        if undo(result.text, result.changes) != damaged:
            failures.append((i, "undo", kinds))
        again = repair(result.text, config)
        if again.changes:
            counts["not idempotent"] += 1
            second_steps.update({c.step for c in again.changes})
            print(f"doc {i} ({doc['id']}, {'+'.join(kinds)}): second run changes "
                  + "; ".join(f"{c.step}: {c.before!r} -> {c.after!r}" for c in again.changes[:5]))
    mode = "every gate off" if args.gates_off else "default Config"
    print(f"\n{counts['documents']} documents ({mode}), 1-3 stacked damage kinds each, "
          f"{counts['changes']:,} changes: replay or undo failed {len(failures)} times; "
          f"second run changed {counts['not idempotent']} documents"
          + (f" (documents per step: {dict(second_steps)})" if second_steps else ""))
    for failure in failures:
        print("FAILED", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
