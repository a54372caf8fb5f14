"""Measure textrepair on damaged and undamaged health documents.

For each damage kind in ``scripts/eval_kinds/`` (a module with ``NAME``,
``damage(text, rng)``, ``STEPS`` and ``BASELINES``, optionally ``extra(args)``),
damage documents of ``../shared/data/health/dev.jsonl``, repair them, and report
word and character errors against the clean text before and after, for
textrepair and for off-the-shelf baselines run in the same process. Then run the
default pipeline on the undamaged documents and count every change it makes.

    python scripts/evaluate.py [--kinds a,b] [--limit N] [--seed S] [--out FILE]
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evalkit import char_errors, load_docs, reduction, word_errors  # noqa: E402

from textrepair import Config, repair  # noqa: E402

KINDS_DIR = Path(__file__).resolve().parent / "eval_kinds"


def load_kinds(names: list[str] | None) -> list[ModuleType]:
    paths = sorted(p for p in KINDS_DIR.glob("*.py") if not p.name.startswith("_"))
    mods = []
    for path in paths:
        if names and path.stem not in names:
            continue
        spec = importlib.util.spec_from_file_location(f"eval_kinds.{path.stem}", path)
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        mods.append(mod)
    if names:
        missing = set(names) - {p.stem for p in paths}
        if missing:
            raise SystemExit(f"unknown damage kinds: {', '.join(sorted(missing))}")
    return mods


def evaluate_kind(kind: ModuleType, docs: list[dict], seed: int) -> str:
    rng = random.Random(seed)
    steps = getattr(kind, "STEPS", None)
    config = Config() if steps is None else Config().only(steps)
    systems: dict[str, Callable[[str], str]] = {"textrepair": lambda t: repair(t, config).text}
    systems.update(getattr(kind, "BASELINES", {}))
    filt = getattr(kind, "DOC_FILTER", None)
    pairs = []
    for doc in docs:
        if filt and not filt(doc):
            continue
        clean = doc["text"]
        pairs.append((clean, kind.damage(clean, rng)))
    n_chars = sum(len(c) for c, _ in pairs)
    n_words = sum(len(c.split()) for c, _ in pairs)
    ce0 = sum(char_errors(c, d) for c, d in pairs)
    we0 = sum(word_errors(c, d) for c, d in pairs)
    damaged_docs = sum(c != d for c, d in pairs)
    lines = [
        f"### {kind.NAME}",
        "",
        f"{len(pairs)} documents ({damaged_docs} damaged), {n_words:,} words, "
        f"{n_chars:,} characters; steps: {', '.join(steps) if steps else 'default pipeline'}.",
        "",
        "| system | WER | CER | word errors removed | char errors removed | docs fully right | s |",
        "|---|---|---|---|---|---|---|",
        f"| damaged input | {we0 / n_words:.4f} | {ce0 / n_chars:.4f} | | | "
        f"{sum(c == d for c, d in pairs)} | |",
    ]
    for name, fix in systems.items():
        t0 = time.perf_counter()
        outs = [fix(d) for _, d in pairs]
        secs = time.perf_counter() - t0
        ce = sum(char_errors(c, o) for (c, _), o in zip(pairs, outs))
        we = sum(word_errors(c, o) for (c, _), o in zip(pairs, outs))
        right = sum(c == o for (c, _), o in zip(pairs, outs))
        lines.append(
            f"| {name} | {we / n_words:.4f} | {ce / n_chars:.4f} | {reduction(we0, we)} | "
            f"{reduction(ce0, ce)} | {right} | {secs:.1f} |"
        )
    if hasattr(kind, "extra"):
        lines += ["", kind.extra(argparse.Namespace(seed=seed, limit=len(docs)))]
    return "\n".join(lines) + "\n"


def evaluate_clean(docs: list[dict]) -> str:
    """Every change the default pipeline makes on undamaged documents."""
    changed_docs = 0
    changes = 0
    changed_words = 0
    by_step: dict[str, int] = {}
    examples = []
    n_words = 0
    for doc in docs:
        text = doc["text"]
        n_words += len(text.split())
        result = repair(text)
        if result.changes:
            changed_docs += 1
            changes += len(result.changes)
            changed_words += word_errors(text, result.text)
            for c in result.changes:
                by_step[c.step] = by_step.get(c.step, 0) + 1
                if len(examples) < 10:
                    examples.append(f"- `{doc['id']}` {c.step}: {c.before!r} -> {c.after!r}")
    lines = [
        "### undamaged documents (default pipeline)",
        "",
        f"{len(docs)} documents, {n_words:,} words: {changed_docs} documents changed, "
        f"{changes} changes, {changed_words} word errors introduced "
        f"({10000 * changed_words / max(1, n_words):.2f} per 10,000 words).",
    ]
    if by_step:
        lines += ["", "changes by step: " + ", ".join(f"{k} {v}" for k, v in sorted(by_step.items()))]
        lines += ["", *examples]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kinds", help="comma-separated damage kinds (default: all)")
    ap.add_argument("--limit", type=int, default=None, help="documents to use (default: all)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-clean", action="store_true", help="skip the undamaged-documents check")
    ap.add_argument("--out", type=Path, help="also write the Markdown report here")
    args = ap.parse_args()
    docs = load_docs(args.limit)
    parts = [f"## Evaluation on {len(docs)} health documents (seed {args.seed})\n"]
    for kind in load_kinds(args.kinds.split(",") if args.kinds else None):
        part = evaluate_kind(kind, docs, args.seed)
        print(part, flush=True)
        parts.append(part)
    if not args.no_clean:
        part = evaluate_clean(docs)
        print(part, flush=True)
        parts.append(part)
    if args.out:
        args.out.write_text("\n".join(parts), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
