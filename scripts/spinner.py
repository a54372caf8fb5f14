"""A WordNet article spinner, to make spun text with a known original.

It does what the spinner behind seed 000 did: for a random 20-40% of the
content words of a document (words WordNet knows, not function words, not
capitalised mid-sentence), it picks one of the word's synsets at random (so
often the wrong sense), one lemma of that synset at random (possibly the word's
own lemma), and writes it in its base form, multiword lemmas with spaces
("affected role"). Case of a capitalised first letter is kept.

``thesaurus="moby"`` spins the same words with the Moby thesaurus instead (a
random single-word synonym of the word's Moby entry, in the entry's form):
the loose, sense-blind associations behind the "tortured phrases" of
published papers ("kidney disappointment" for kidney failure, "amino
corrosive" for amino acid). restore_spun_words is trained on WordNet spinning
only; this kind measures how far that carries (docs/results/spun.md).

    python scripts/spinner.py [--moby] < clean.txt > spun.txt
"""

from __future__ import annotations

import random
import re
import sys
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_synonyms import WordNet, _moby_lines  # noqa: E402

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


@cache
def _moby() -> dict[str, tuple[str, ...]]:
    """Moby head word -> its single-word, lower-case synonyms."""
    out = {}
    for line in _moby_lines():
        synonyms = tuple(w for w in line[1:] if w.isalpha() and w.islower())
        if synonyms:
            out[line[0].lower()] = synonyms
    return out


def spin(
    text: str, rng: random.Random, rate: float | None = None, thesaurus: str = "wordnet"
) -> str:
    """Spin ``text``: each content word is replaced with probability ``rate``
    (drawn from 0.2-0.4 per document when None)."""
    return spin_record(text, rng, rate, thesaurus)[0]


def spin_record(
    text: str, rng: random.Random, rate: float | None = None, thesaurus: str = "wordnet"
) -> tuple[str, list[tuple[int, int, str, str]]]:
    """:func:`spin` (the same random draws), and for every replaced word its
    start and end in the spun text, the original word and what replaced it."""
    if thesaurus not in ("wordnet", "moby"):
        raise ValueError(f"thesaurus must be 'wordnet' or 'moby', got {thesaurus!r}")
    wn = _wordnet()
    moby = _moby() if thesaurus == "moby" else {}
    rate = rng.uniform(0.2, 0.4) if rate is None else rate
    out: list[str] = []
    records: list[tuple[int, int, str, str]] = []
    pos = length = 0
    for m in _WORD.finditer(text):
        word = m.group()
        low = word.lower()
        new = word
        if not (low in SPIN_FUNCTION_WORDS or (word[0].isupper() and not _sentence_start(m))):
            choice = None
            if moby:
                heads = [low] if low in moby else [x for x in _lemmas(low) if x in moby]
                if heads and rng.random() < rate:
                    choice = rng.choice(moby[rng.choice(heads)])
            else:
                lemmas = _lemmas(low)
                if lemmas and rng.random() < rate:
                    senses = [s for lemma in lemmas for s in wn.index[lemma]]
                    choice = rng.choice(wn.synsets[rng.choice(senses)])
            if choice is not None:
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
    thesaurus = "moby" if "--moby" in sys.argv[1:] else "wordnet"
    sys.stdout.write(spin(sys.stdin.read(), random.Random(0), thesaurus=thesaurus))
