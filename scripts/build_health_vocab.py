"""Build the health-domain word and bigram counts in dictionaries/.

Source: ../shared/data/health/dev.jsonl (clean health prose: NCI cancer.gov
pages, US Government work in the public domain; MedQuAD GHR/GARD/MedlinePlus/CDC
answers, CC BY 4.0, Ben Abacha & Demner-Fushman 2019). Only counts derived from
the text are shipped, never the text.

    python scripts/build_health_vocab.py [--data PATH] [--check]

``--check`` rebuilds into memory and fails if the shipped files differ.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textrepair.patterns import WORD
from textrepair.resources import write_table

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (
    "shared health corpus dev.jsonl (sha256 383ea0b8...): NCI cancer.gov pages "
    "(public domain, Source: National Cancer Institute) and MedQuAD GHR/GARD/"
    "MedlinePlus/CDC answers (CC BY 4.0, Ben Abacha & Demner-Fushman, BMC "
    "Bioinformatics 20:511, 2019)"
)
MIN_WORD = 2
MIN_BIGRAM = 3


def count(
    data: Path, keep: Callable[[dict[str, Any]], bool] | None = None
) -> tuple[Counter[str], Counter[str]]:
    """Word and bigram counts of the documents in ``data`` (those ``keep`` accepts)."""
    words: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    with open(data, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            if keep is not None and not keep(doc):
                continue
            text = doc["text"]
            for para in text.split("\n"):
                toks = WORD.findall(para)
                words.update(toks)
                low = [t.lower() for t in toks]
                bigrams.update(f"{a} {b}" for a, b in zip(low, low[1:]))
    return words, bigrams


def build(data: Path, out: Path, keep: Callable[[dict[str, Any]], bool] | None = None) -> None:
    """Write both tables into ``out`` (``keep``: count only some documents,
    for evaluations on the others; the shipped tables count all)."""
    words, bigrams = count(data, keep)
    gen = "scripts/build_health_vocab.py"
    write_table(
        out / "health_words.tsv", "health_words", gen, SOURCES, ["word", "count"],
        [(w, str(c)) for w, c in words.items() if c >= MIN_WORD],
        notes=f"case-preserved word counts, count >= {MIN_WORD}",
    )
    write_table(
        out / "health_bigrams.tsv", "health_bigrams", gen, SOURCES, ["bigram", "count"],
        [(b, str(c)) for b, c in bigrams.items() if c >= MIN_BIGRAM],
        notes=f"lower-cased adjacent word pairs within a paragraph, count >= {MIN_BIGRAM}",
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/health/dev.jsonl")
    ap.add_argument("--check", action="store_true", help="rebuild and compare, write nothing")
    args = ap.parse_args()
    if not args.check:
        build(args.data, ROOT / "dictionaries")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        build(args.data, Path(tmp))
        bad = [n for n in ("health_words.tsv", "health_bigrams.tsv")
               if (Path(tmp) / n).read_bytes() != (ROOT / "dictionaries" / n).read_bytes()]
    if bad:
        print(f"out of date: {', '.join(bad)}", file=sys.stderr)
        return 1
    print("dictionaries up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
