"""A WordNet article spinner, to make spun text with a known original.

It does what the spinner behind seed 000 did: for a random 20-40% of the
content words of a document (words WordNet knows, not function words, not
capitalised mid-sentence), it picks one of the word's synsets at random (so
often the wrong sense), one lemma of that synset at random (possibly the word's
own lemma), and writes it in its base form, multiword lemmas with spaces
("affected role"). Case of a capitalised first letter is kept.

    python scripts/spinner.py < clean.txt > spun.txt
"""

from __future__ import annotations

import random
import re
import sys
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_synonyms import WordNet  # noqa: E402

from textrepair.patterns import SPIN_FUNCTION_WORDS  # noqa: E402

_WORD = re.compile(r"[A-Za-z]+")


@cache
def _wordnet() -> WordNet:
    return WordNet()


@cache
def _lemmas(word: str) -> tuple[str, ...]:
    from lemminflect import getAllLemmas

    out = {word} if word in _wordnet().index else set()
    for values in getAllLemmas(word).values():
        out.update(v for v in values if v in _wordnet().index)
    return tuple(sorted(out))


def spin(text: str, rng: random.Random, rate: float | None = None) -> str:
    """Spin ``text``: each content word is replaced with probability ``rate``
    (drawn from 0.2-0.4 per document when None)."""
    return spin_record(text, rng, rate)[0]


def spin_record(
    text: str, rng: random.Random, rate: float | None = None
) -> tuple[str, list[tuple[int, int, str, str]]]:
    """:func:`spin` (the same random draws), and for every replaced word its
    start and end in the spun text, the original word and what replaced it."""
    wn = _wordnet()
    rate = rng.uniform(0.2, 0.4) if rate is None else rate
    out: list[str] = []
    records: list[tuple[int, int, str, str]] = []
    pos = length = 0
    for m in _WORD.finditer(text):
        word = m.group()
        low = word.lower()
        new = word
        if not (low in SPIN_FUNCTION_WORDS or (word[0].isupper() and not _sentence_start(m))):
            lemmas = _lemmas(low)
            if lemmas and rng.random() < rate:
                senses = [s for lemma in lemmas for s in wn.index[lemma]]
                choice = rng.choice(wn.synsets[rng.choice(senses)])
                new = choice[0].upper() + choice[1:] if word[0].isupper() else choice
        gap = text[pos : m.start()]
        out.append(gap)
        length += len(gap)
        if new != word:
            records.append((length, length + len(new), word, new))
        out.append(new)
        length += len(new)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), records


def _sentence_start(m: re.Match[str]) -> bool:
    before = m.string[: m.start()].rstrip(" \"“'‘(")
    return before == "" or before[-1] in ".?!\n"


if __name__ == "__main__":
    sys.stdout.write(spin(sys.stdin.read(), random.Random(0)))
