"""Damage: article spinning with WordNet synonyms (scripts/spinner.py).

A random 20-40% of the content words of each document are replaced by a random
lemma of a random synset of the word, in base form, multiword lemmas with
spaces, as the spinner behind seed 000 did. Only restore_spun_words runs, so
the numbers are this step's own. Only the held-out half of the documents is
scored (``DOC_FILTER``); the step was tuned on the other half. The baseline is
"no repair": no off-the-shelf tool undoes spinning.
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from spinner import spin  # noqa: E402

NAME = "spun"


def DOC_FILTER(doc: dict) -> bool:  # noqa: N802 (the name evaluate.py looks for)
    """The held-out half of dev.jsonl (by a hash of the document id): the step's
    constants were tuned on the other half."""
    return held_out(doc["id"])


def held_out(doc_id: str) -> bool:
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 2 == 0


STEPS: tuple[str, ...] | None = ("restore_spun_words",)
BASELINES: dict = {}


def damage(text: str, rng: random.Random) -> str:
    return spin(text, rng)
