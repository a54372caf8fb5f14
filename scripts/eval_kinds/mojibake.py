"""Damage: UTF-8 text decoded as Windows-1252 (the commonest mojibake),
in whole documents or in some paragraphs only (pages stitched from sources).

Only documents with non-ASCII characters are used (the NCI pages, see the
data README): pure ASCII cannot show mojibake.
"""

from __future__ import annotations

import random

import ftfy
import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

NAME = "mojibake"
STEPS = None


def DOC_FILTER(doc: dict) -> bool:  # noqa: N802
    return not doc["text"].isascii()


def _garble(text: str) -> str:
    return text.encode("utf-8").decode("sloppy-windows-1252")


def damage(text: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return _garble(text)
    return "\n".join(_garble(p) if rng.random() < 0.5 else p for p in text.split("\n"))


BASELINES = {"ftfy.fix_text": ftfy.fix_text}
