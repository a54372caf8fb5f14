"""Damage: every non-ASCII character lost to U+FFFD, as when a page is
decoded with the wrong codec and errors="replace".

Only documents with at least one curly apostrophe are used (the NCI pages;
MedQuAD deleted its non-ASCII characters). Apostrophes are what
restore_replacement_chars restores; the other lost characters (dashes, quotes,
accents) are uncertain and must stay U+FFFD, so they bound what can be undone.
"""

from __future__ import annotations

import random
import re

import ftfy

NAME = "replacement_chars"
STEPS = None
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def DOC_FILTER(doc: dict) -> bool:  # noqa: N802 (a constant-like hook)
    return "’" in doc["text"]


def damage(text: str, rng: random.Random) -> str:
    return _NON_ASCII.sub("\ufffd", text)


BASELINES = {"ftfy.fix_text": ftfy.fix_text}


def extra(args) -> str:  # type: ignore[no-untyped-def]
    """Precision and recall on the apostrophes alone: of the U+FFFD that were
    apostrophes, how many came back, and how many restorations were wrong."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from evalkit import load_docs

    from textrepair import Config, repair

    config = Config().only(["restore_replacement_chars"])
    lost = right = wrong = 0
    docs = [d for d in load_docs(args.limit) if DOC_FILTER(d)]
    for doc in docs:
        clean = doc["text"]
        damaged = damage(clean, random.Random(0))
        for c in repair(damaged, config).changes:
            if clean[c.start] == c.after:
                right += 1
            else:
                wrong += 1
        lost += clean.count("’")
    return (
        f"Apostrophes only ({len(docs)} documents): {lost} curly apostrophes lost, "
        f"{right} restored right, {wrong} restored wrong: recall {right / max(1, lost):.3f}, "
        f"precision {right / max(1, right + wrong):.3f}."
    )
