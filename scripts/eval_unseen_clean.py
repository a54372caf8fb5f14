"""Changes on undamaged health documents that the health tables have not seen.

``dictionaries/health_words.tsv`` and ``health_bigrams.tsv`` count every
document of dev.jsonl, so the clean check of ``scripts/evaluate.py`` runs on
documents whose rare words and word pairs the tables already hold: its
false-change rate is optimistic. Here both tables are rebuilt from one half of
dev.jsonl (the documents whose SHA-1 of the id is odd, the half the spun step
was tuned on) into a temporary directory, and the default pipeline runs with
them (``TEXTREPAIR_DICTIONARIES``) on the other half; the same half with the
shipped tables is run beside it. Every change is listed, to be read.

    python scripts/eval_unseen_clean.py [--limit N]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_health_vocab import build  # noqa: E402
from evalkit import HEALTH, load_docs, word_errors  # noqa: E402


def tuning_half(doc: dict) -> bool:
    return int(hashlib.sha1(doc["id"].encode("utf-8")).hexdigest(), 16) % 2 == 1


def run(limit: int | None) -> None:
    """The default pipeline on the held-out half, with whatever tables the
    environment names; prints a summary line and every change."""
    from textrepair import repair

    docs = [d for d in load_docs() if not tuning_half(d)][:limit]
    words = changed_docs = changed_words = 0
    lines = []
    by_step: dict[str, int] = {}
    for doc in docs:
        text = doc["text"]
        words += len(text.split())
        result = repair(text)
        if not result.changes:
            continue
        changed_docs += 1
        changed_words += word_errors(text, result.text)
        for c in result.changes:
            by_step[c.step] = by_step.get(c.step, 0) + 1
            around = text[max(0, c.orig_start - 20) : c.orig_end + 20].replace("\n", " ")
            lines.append(f"- `{doc['id']}` {c.step}: {c.before!r} -> {c.after!r} in {around!r}")
    steps = ", ".join(f"{k} {v}" for k, v in sorted(by_step.items())) or "none"
    print(f"{len(docs)} documents, {words:,} words: {changed_docs} documents changed, "
          f"{len(lines)} changes ({steps}), {changed_words} word errors introduced "
          f"({10000 * changed_words / max(1, words):.2f} per 10,000 words)\n")
    print("\n".join(lines))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--run", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:
        run(args.limit)
        return 0
    limit = ["--limit", str(args.limit)] if args.limit else []
    with tempfile.TemporaryDirectory() as tables:
        build(HEALTH, Path(tables), keep=tuning_half)
        for label, env in (
            ("health tables rebuilt from the other half (documents they have not seen)",
             {**os.environ, "TEXTREPAIR_DICTIONARIES": tables}),
            ("shipped health tables (built from all of dev.jsonl, these documents included)",
             {k: v for k, v in os.environ.items() if k != "TEXTREPAIR_DICTIONARIES"}),
        ):
            print(f"### Held-out half, {label}\n", flush=True)
            subprocess.run([sys.executable, __file__, "--run", *limit], env=env, check=True)
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
