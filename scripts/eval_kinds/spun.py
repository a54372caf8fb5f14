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


def extra(args: object) -> str:
    return _leak_free(args) + "\n" + _thesaurus_spinner(args)


def _thesaurus_spinner(args: object) -> str:
    """The held-out documents spun with the Moby thesaurus instead of WordNet
    (``spinner.spin_record(..., thesaurus="moby")``), the step as shipped: how
    far a step learned on WordNet spinning carries to another spinner's
    synonyms ("tortured phrases"). Restorations are sorted by the spinner's
    records: right (the original back), wrong (another word), fine (a word the
    spinner left alone changed)."""
    from collections import Counter

    from evalkit import load_docs, word_errors
    from spinner import spin_record

    from textrepair import Config, repair

    rng = random.Random(getattr(args, "seed", 13))
    config = Config().only(STEPS or ())
    we0 = we1 = n = 0
    kinds: Counter[str] = Counter()
    for doc in load_docs(getattr(args, "limit", None)):
        if not held_out(doc["id"]):
            continue
        clean = doc["text"]
        spun, records = spin_record(clean, rng, thesaurus="moby")
        result = repair(spun, config)
        n += 1
        we0 += word_errors(clean, spun)
        we1 += word_errors(clean, result.text)
        for c in result.changes:
            over = [r for r in records if r[0] < c.orig_end and c.orig_start < r[1]]
            if not over:
                kinds["fine"] += 1
            elif len(over) == 1 and (over[0][0], over[0][1]) == (c.orig_start, c.orig_end):
                kinds["right" if c.after == over[0][2] else "wrong"] += 1
            else:
                kinds["partial"] += 1
    removed = 100 * (we0 - we1) / max(1, we0)
    return (
        "#### another spinner: the Moby thesaurus\n\n"
        f"{n} held-out documents spun with Moby's synonyms (`spinner.py --moby`), the step "
        f"as shipped: word errors {we0:,} -> {we1:,}, **{removed:.1f}% removed**; "
        f"restorations right {kinds['right']:,}, wrong {kinds['wrong']:,}, fine words changed "
        f"{kinds['fine']:,}, partial {kinds['partial']:,}.\n"
    )


def _leak_free(args: object) -> str:
    """The same held-out documents with the step's health tables rebuilt from the
    tuning half only: ``health_words`` and ``health_bigrams`` are counted over
    all of dev.jsonl, so the table above has seen every held-out document's
    word pairs; this section measures how much that leaks."""
    from collections import Counter

    from evalkit import load_docs, word_errors

    from textrepair import Config, repair, spinning
    from textrepair.patterns import WORD

    docs = [d for d in load_docs(getattr(args, "limit", None))]
    rng = random.Random(getattr(args, "seed", 13))
    pairs = [(d["text"], damage(d["text"], rng)) for d in docs if held_out(d["id"])]
    words: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    for doc in load_docs():
        if held_out(doc["id"]):
            continue
        for para in doc["text"].split("\n"):
            toks = WORD.findall(para)
            words.update(t.lower() for t in toks)
            low = [t.lower() for t in toks]
            bigrams.update(f"{a} {b}" for a, b in zip(low, low[1:]))
    health = {w: n for w, n in words.items() if n >= 2}
    pairs_tune = {b: n for b, n in bigrams.items() if n >= 3}
    saved = spinning._health, spinning._health_bigrams
    dependants = (spinning._fingerprints, spinning._fingerprint_bytes,
                  spinning._fingerprint_byte_set, spinning._suspicious,
                  spinning._health_total,
                  spinning._bare_lemmas,
                  spinning._gate_tables, spinning._acronyms, spinning._logp)
    try:
        spinning._health = lambda: health  # type: ignore[assignment]
        spinning._health_bigrams = lambda: pairs_tune  # type: ignore[assignment]
        for fn in dependants:
            fn.cache_clear()
        config = Config().only(STEPS or ())
        we0 = sum(word_errors(c, d) for c, d in pairs)
        we1 = sum(word_errors(c, repair(d, config).text) for c, d in pairs)
    finally:
        spinning._health, spinning._health_bigrams = saved  # type: ignore[assignment]
        for fn in dependants:
            fn.cache_clear()
    removed = 100 * (we0 - we1) / max(1, we0)
    return (
        "#### health tables from the tuning half only\n\n"
        f"{len(pairs)} held-out documents, health word and bigram counts rebuilt from the "
        f"{sum(1 for d in load_docs() if not held_out(d['id']))} tuning documents: "
        f"word errors {we0:,} -> {we1:,}, **{removed:.1f}% removed** (no leak of the "
        "held-out documents' own word pairs into the context model).\n"
    )
