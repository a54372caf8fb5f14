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
