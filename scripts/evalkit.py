"""Shared helpers of the evaluation and benchmark scripts: data loading and
error rates. Evaluation data is read from ../shared/data and never copied."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
HEALTH = DATA / "health" / "dev.jsonl"


def load_docs(
    limit: int | None = None, path: Path = HEALTH, sources: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    """Documents of the health corpus, in file order; ``sources`` filters on
    the ``source`` field by prefix ("nci" keeps both NCI sets)."""
    docs = []
    for doc in iter_docs(path):
        if sources and not doc["source"].startswith(sources):
            continue
        docs.append(doc)
        if limit is not None and len(docs) >= limit:
            break
    return docs


def iter_docs(path: Path = HEALTH) -> Iterator[dict[str, Any]]:
    if not path.exists():
        raise SystemExit(f"{path} not found: the evaluation data lives in ../shared/data")
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def char_errors(ref: str, hyp: str) -> int:
    """Character edit distance (insertions, deletions, substitutions)."""
    return Levenshtein.distance(ref, hyp)


def word_errors(ref: str, hyp: str) -> int:
    """Word edit distance over whitespace-separated tokens."""
    return Levenshtein.distance(ref.split(), hyp.split())


def cer(ref: str, hyp: str) -> float:
    return char_errors(ref, hyp) / max(1, len(ref))


def wer(ref: str, hyp: str) -> float:
    return word_errors(ref, hyp) / max(1, len(ref.split()))


def reduction(before: int, after: int) -> str:
    """How much of the error was removed, as a percentage string."""
    if before == 0:
        return "n/a"
    return f"{100 * (before - after) / before:.1f}%"
