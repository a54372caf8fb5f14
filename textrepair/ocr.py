"""OCR garble repair: character confusions in words that no dictionary knows.

OCR misreads glyphs in systematic ways ("rn" for "m", "cl" for "d", "li" for
"h", "1" for "l", "tbe" for "the", a speck read as "." inside a word). The step
undoes them with a noisy-channel model: an error model of weighted character
confusions (``dictionaries/ocr_confusions.tsv``, built by
``scripts/build_ocr_confusions.py``) proposes the words a garbled token could
have been, and the candidates are scored by word frequency (wordfreq, symspellpy,
the health vocabulary), context bigrams (symspellpy's and the health corpus's)
and the document itself.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import repeat

import regex

from .boundaries import _bigrams, _health_lower, _symspell_words, _wordfreq
from .changes import Edit
from .patterns import (
    OCR_ABBREVIATION,
    OCR_DIGIT_INSIDE,
    OCR_GARBLE_MARK,
    OCR_INNER_MARK,
    OCR_INNER_MARK_HINT,
    OCR_LETTERS_AFTER,
    OCR_LETTERS_BEFORE,
    OCR_MARK_TOKEN,
    OCR_NEXT_WORD,
    OCR_PART,
    OCR_PART_ASCII,
    OCR_PREV_WORD,
    OCR_SIGNATURE,
    OCR_STRIP,
)
from .registry import StepContext, normaliser
from .resources import load_table
from .tokens import WORD_CACHE_SIZE, share_known, tokens, unknown

# Marks that clean prose never puts against a letter (see OCR_GARBLE_MARK).
_GARBLE_MARKS = ("~", "|", "\\", "^", "`")
# Letters outside ASCII that OCR output of English holds (the ligatures the
# error model expands); any other one marks another language or a name.
_LIGATURES = frozenset("ﬁﬂﬀﬃﬄﬅﬆ")
# A known word's own rarity floor: a token wordfreq rates at this zipf or more
# is a word, never garble.
_KNOWN_ZIPF = 3.0
# Candidate words must be at least this common (zipf) ...
_MIN_CANDIDATE_ZIPF = 3.0
# ... a Capitalised token's candidate more (names are Capitalised and unknown).
_MIN_TITLE_CANDIDATE_ZIPF = 3.5
# A token wordfreq knows but rates rare ("tbe" 2.6, "fiom" 1.4: OCR garble on
# the web) is changed only into a word this common.
_MIN_RARE_TARGET_ZIPF = 5.0
# What keeping a token no dictionary has seen scores (a frequency below one in
# a billion words), and the bonus for keeping one wordfreq knows, however rare.
_UNSEEN_ZIPF = -1.0
_RARE_KEEP_BONUS = 1.0
# Languages whose words are left alone, and how common a word must be in one.
_OTHER_LANGUAGES = ("fr", "de", "es", "it", "pt", "nl")
_OTHER_LANGUAGE_ZIPF = 2.5
# How far a second candidate must trail the best one.
_AMBIGUITY_MARGIN = 1.0
# Most total confusion cost a candidate may need.
_MAX_COST = 4.5
# The cost of one character edit the table does not list (a substitution,
# insertion or deletion of a letter): the error model's floor for confusions
# nobody catalogued. Only words of this many letters or more get it.
_BACKOFF_COST = 3.5
_BACKOFF_MIN_LEN = 4
# Words of this many characters or more get candidates of two listed confusions.
_TWO_CONFUSION_MIN_LEN = 5
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Marks OCR writes for a glyph it could not read, or for half of one: such a
# mark inside a word, alone or with the character it touches, may stand for one
# letter ("l;he" for "the", "Rel,tion" for "Relation"; Reynaert's TICCL treats
# punctuation inside words as OCR noise). Not the apostrophe ("lov'd" is an old
# spelling) nor "?" and "!" (listed confusions of their own). Each such reading
# costs _GLYPH_COST; a word with more than _GLYPH_MAX of these marks is left alone.
# Minims, the short vertical strokes of i, n, u and m: OCR regroups a run of
# them into other letters with as many strokes ("nmnber" for "number", "nmst"
# for "must"), the class behind Tesseract's rn/m, in/m, ni/m, iii/m and ii/u.
# A reading of a run as other minim letters costs _MINIM_COST; only runs of at
# most _MINIM_MAX strokes are read.
_MINIMS = {"i": 1, "n": 2, "u": 2, "m": 3}
_MINIM_COST = 2.5
_MINIM_MAX = 8
_GLYPH_MARKS = frozenset(".,;:~^`")
_GLYPH_COST = 2.5
_GLYPH_MAX = 2
# The wide search (Config.ocr_wide_distance, for text known to be OCR): a token
# of _WIDE_MIN_LEN+ characters that no dictionary and not wordfreq knows, with
# an OCR sign in it (a mark or digit between letters, or a letter trigram that
# fewer than _WIDE_RARE_TRIGRAM English words have: "flmctional", "cohlmn"),
# looked up at edit distance <= Config.ocr_wide_distance (at most
# _WIDE_DISTANCE, the index's) among the candidate words
# (symspellpy) and priced by a weighted edit distance: a listed confusion at
# its cost, a mark or digit read as a letter or dropped cheaply, a letter read
# for one of its shape family (see _SHAPES) cheaper than any other, a letter
# lost or added at the end of a word dearly (that is morphology: "linkings",
# "addressings", not OCR).
_WIDE_MIN_LEN = 6
_WIDE_DISTANCE = 3
_WIDE_RARE_TRIGRAM = 6
_WIDE_COSTS = {
    "mark": 1.0, "digit": 1.5, "shape": 1.5, "letter": 2.5, "indel": 2.5,
    "end": 4.0, "first": 2.0,
}
# Glyph shape families (hand-set): round letters, stems, minims and arches,
# letters with a bowl on an ascender, descenders, diagonals.
_SHAPES = ("aoecs", "iltfjr", "nuhmr", "bhk", "gqy", "vwy")
# Characters that join two words in clean text: a token with one inside is a
# compound, a pair or a possessive, never searched.
_WIDE_JOINERS = frozenset("-‐‑‒–—―/'’?")
# A wide repair must beat keeping the token (an unseen token keeps
# _UNSEEN_ZIPF) by this much, and the second candidate by _WIDE_AMBIGUITY.
_WIDE_MARGIN = 1.5
_WIDE_AMBIGUITY = 1.0
# Glyph clusters (Config.ocr_cluster_letters; past the gate, and in the wide
# search): a run of marks, digits or brackets inside a word, with at most one
# letter beside it, is a glyph OCR could not read ("1)rol)osed",
# "inl;(;resl;ed"): it may stand for one letter (_CLUSTER_COSTS[0]) or, if
# the knob allows, two ([1]), whatever its marks. Such a token is looked up
# by a pattern over the candidate words (see _cluster_pattern), not by edit
# distance ("1)rol)osed" is 4 edits from "proposed").
_CLUSTER_COSTS = (1.5, 2.0)
_CLUSTER_LETTER = 0.5  # added when the cluster holds a letter ("l)", "i;")
_CLUSTER_MAX = 4  # characters of OCR a cluster may span
_CLUSTER_MOST = 300  # more matching words: the token is no evidence of any
# A token may begin with a cluster of one or two characters before lower-case
# letters, the first a digit or a mark OCR leaves for a glyph ("1)rol)osed",
# "~anted"), not a number ("30guineas") or a symbol of clean text ("≥grade",
# "•fever"; brackets, quotes and stops are stripped off the token before).
_LEADING_CLUSTER = regex.compile(r"(?!\d+[a-z])[~^`|\\\d][^A-Za-z]?[a-z]{2}")
_LETTER_RUNS = regex.compile(r"[A-Za-z]+")
# A word and a number (an ordinal, a decade) with no space between them.
_WORD_AND_NUMBER = regex.compile(
    r"(?P<before>[A-Za-z]+)\d+(?:st|nd|rd|th|s)?|\d+(?:st|nd|rd|th|s)?(?P<after>[A-Za-z]+)"
)
_MARK_RUNS = regex.compile(r"\P{L}+")
# Last pieces that make a token with a mark inside one broken word, not two
# words a lost space joined ("find~ing", "report.ed").
_SUFFIXES = frozenset(("s", "es", "ed", "d", "ing", "ly", "er", "est", "al", "ion", "ment", "ness"))
# A lost first letter (a glyph lost at a line's left edge: "uch as" for "such
# as", "xcept in" for "except in"): a lower-case token no dictionary knows that
# one letter before it makes a very common word (zipf _LOST_FIRST_ZIPF or
# more: the 3,155 most common words of 4+ letters), that reading the only
# candidate word or the only one with as many context bigrams, and at least
# one context bigram. It is both a repair and a sign of OCR for the gate.
# (Of those 3,155 words, 2,506 lose their first letter into a token no
# dictionary knows, which wordfreq rates anywhere up to its known floor,
# "uch" 2.3: web OCR; so the token's own floor is _KNOWN_ZIPF.)
_LOST_FIRST_ZIPF = 4.5
# Such a repair counts as this many signs of OCR for the gate (a listed
# confusion counts one): none of the 3,062 undamaged health documents, nor the
# 1,547 the health tables have not seen, holds one, while 14 (10) hold a
# listed-confusion signal; at two, a paragraph of up to 200 words opens on it.
_LOST_FIRST_SIGNALS = 2
_LOST_FIRST_REASON = "ocr: lost first letter"
# A first round's repairs, as the words their neighbours read (see _repairs).
_Repairs = tuple[dict[int, str], dict[int, str]]
_NO_REPAIRS: _Repairs = ({}, {})


@dataclass(frozen=True)
class Confusion:
    ocr: str
    gold: str
    cost: float
    where: str  # any | inner | word


@dataclass(frozen=True)
class Candidate:
    word: str
    cost: float
    confusions: tuple[str, ...]
    zipf: float


# --- evidence -------------------------------------------------------------


_MODEL_OVERRIDE: list[tuple[Confusion, ...]] = []


@cache
def _shipped_model() -> tuple[Confusion, ...]:
    table = load_table("ocr_confusions")
    return tuple(Confusion(r[0], r[1], float(r[2]), r[3]) for r in table.rows)


def _model() -> tuple[Confusion, ...]:
    return _MODEL_OVERRIDE[0] if _MODEL_OVERRIDE else _shipped_model()


_INDEX: dict[int, dict[str, tuple[Confusion, ...]]] = {}


def _by_first_char(model: tuple[Confusion, ...]) -> dict[str, tuple[Confusion, ...]]:
    """The model's confusions by the first character they read (kept per model)."""
    index = _INDEX.get(id(model))
    if index is None:
        found: dict[str, list[Confusion]] = {}
        for c in model:
            if c.ocr:
                found.setdefault(c.ocr[0], []).append(c)
        index = _INDEX[id(model)] = {k: tuple(v) for k, v in found.items()}
    return index


def use_model(model: tuple[Confusion, ...] | None) -> None:
    """Replace the shipped error model (evaluation of learned models); None restores it."""
    _MODEL_OVERRIDE[:] = [model] if model is not None else []
    _INDEX.clear()
    _LETTER_CONFUSIONS.clear()
    _analyse.cache_clear()
    _has_listed_candidate.cache_clear()
    _LISTED.clear()
    _MARK_FLOORS.clear()
    _wide_analyse.cache_clear()


@cache
def _n_health() -> int:
    return sum(_health_lower().values())


def _zipf(word: str) -> float:
    """Zipf frequency of a lower-case word: wordfreq's, or the health corpus's
    (lowered by half a point, a narrower sample) when that is higher."""
    freq = _wordfreq().get(word, 0.0)
    z = math.log10(freq) + 9 if freq > 0 else 0.0
    n = _health_lower().get(word, 0)
    if n >= 2:
        z = max(z, math.log10(n / _n_health()) + 9 - 0.5)
    return z


@cache
def _safe() -> frozenset[str]:
    """Tokens the survey skips (lower-case and Capitalised): known words."""
    words = set(_symspell_words())
    words.update(w for w, f in _wordfreq().items() if f >= 10 ** (_KNOWN_ZIPF - 9))
    words.update(w for w, n in _health_lower().items() if n >= 2)
    # Whole-word OCR forms the error model lists ("ofthe") are never safe,
    # however often the web writes them.
    words.difference_update(_ocr_words())
    return share_known("repair_ocr_garble", frozenset(words | {w[:1].upper() + w[1:] for w in words}))


@cache
def _ocr_words() -> frozenset[str]:
    """Whole words the shipped error model lists as OCR output ("ofthe")."""
    return frozenset(c.ocr for c in _shipped_model() if c.where == "word")


def _known(word: str) -> bool:
    """A lower-case word (or words, or a possessive) any dictionary knows."""
    if " " in word:
        return all(_known(w) for w in word.split(" "))
    safe = _safe()
    if word in safe:
        return True
    return word.endswith("'s") and word[:-2] in safe


def _candidate_zipf(word: str) -> float:
    if " " in word:
        return min(_zipf(w) for w in word.split(" ")) - 0.5
    if word.endswith("'s") and word not in _safe():
        return _zipf(word[:-2]) - 1.0
    return _zipf(word)


# --- candidates through the error model -----------------------------------


def _apply_one(
    word: str, model: tuple[Confusion, ...], lo: int = 0, hi: int | None = None
) -> list[tuple[str, Confusion, int, int]]:
    """Every way one confusion turns ``word`` into another string, as
    (new word, confusion, start, end of the replacement in the new word),
    touching only positions in [lo, hi)."""
    index = _by_first_char(model)
    hi = len(word) if hi is None else hi
    out = []
    for i in range(lo, hi):
        for c in index.get(word[i], ()):
            j = i + len(c.ocr)
            if j > hi or not word.startswith(c.ocr, i):
                continue
            if c.where == "inner" and (i == 0 or j == len(word)):
                continue
            if c.where == "word" and (i != 0 or j != len(word)):
                continue
            if not c.gold and not (word[i - 2 : i].isalpha() and word[j : j + 2].isalpha()):
                continue  # a mark is deleted only between two letters a side: not "e.g"
            out.append((word[:i] + c.gold + word[j:], c, i, i + len(c.gold)))
    return out


def _candidates(word: str, full: bool = True) -> list[Candidate]:
    """Dictionary words reachable from ``word`` with one or two confusions
    (``full``: else with one listed confusion only, the cheap first look)."""
    model = _model()
    found: dict[str, Candidate] = {}

    def consider(new: str, cost: float, names: tuple[str, ...]) -> None:
        low = new.lower()
        if cost > _MAX_COST or not _known(low) or not _case_ok(new):
            return
        old = found.get(low)
        if old is None or cost < old.cost:
            found[low] = Candidate(new, cost, names, _candidate_zipf(low))

    for new, c, start, end in _apply_one(word, model):
        name = f"{c.ocr}->{c.gold}"
        consider(new, c.cost, (name,))
        if full and len(word) >= _TWO_CONFUSION_MIN_LEN and c.cost <= 2.5:
            for pos_lo, pos_hi in ((0, start), (end, len(new))):
                for new2, c2, _, _ in _apply_one(new, model, pos_lo, pos_hi):
                    consider(new2, c.cost + c2.cost, (name, f"{c2.ocr}->{c2.gold}"))
    # Glyph and minim readings only where no listed confusion finds a word:
    # a speck read as "." ("mi.ld") is the likelier story than a glyph ("mind").
    if not found and not word.isalpha():
        for new, names in _glyph_readings(word, _GLYPH_MAX if full else 1):
            consider(new, _GLYPH_COST * len(names), names)
    if not found and full:
        for new, name in _minim_readings(word):
            consider(new, _MINIM_COST, (name,))
    if full and len(word) >= _BACKOFF_MIN_LEN and word.isalpha() and word.isascii():
        for new, name in _single_edits(word):
            consider(new, _BACKOFF_COST, (name,))
    return sorted(found.values(), key=lambda c: (c.cost - c.zipf, c.word))


@cache
def _minim_spellings(strokes: int) -> tuple[str, ...]:
    """Every string of minim letters with this many strokes."""
    if strokes == 0:
        return ("",)
    return tuple(
        ch + rest for ch, n in _MINIMS.items() if n <= strokes for rest in _minim_spellings(strokes - n)
    )


def _minim_readings(word: str) -> list[tuple[str, str]]:
    """(new word, name) for every other reading of each run of two or more
    minim letters in ``word`` ("nmst" -> "must", "nm->mu")."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(word):
        if word[i] not in _MINIMS:
            i += 1
            continue
        j = i
        while j < len(word) and word[j] in _MINIMS:
            j += 1
        run = word[i:j]
        strokes = sum(_MINIMS[ch] for ch in run)
        if j - i >= 2 and strokes <= _MINIM_MAX:
            out.extend(
                (word[:i] + other + word[j:], f"{run}->{other}")
                for other in _minim_spellings(strokes) if other != run
            )
        i = j
    return out


def _glyph_readings(word: str, most: int) -> list[tuple[str, tuple[str, ...]]]:
    """Every way to read each inner glyph mark of ``word`` (see _GLYPH_MARKS),
    alone or with the letter or digit before or after it, as one lower-case
    letter: ("the", ("#l;->t",)) for "l;he"; none for a word with more than
    ``most`` such marks (the first look reads words of one mark: 78 readings,
    not the 6,084 of two)."""
    marks = [i for i in range(1, len(word) - 1) if word[i] in _GLYPH_MARKS]
    if not marks or len(marks) > most:
        return []
    readings: list[tuple[str, tuple[str, ...], int]] = [("", (), 0)]  # (prefix, names, end)
    for i in marks:
        spans = [(i, i + 1)]
        if word[i - 1].isalnum():
            spans.append((i - 1, i + 1))
        if word[i + 1].islower() or word[i + 1].isdigit():  # "diet.A" is a lost space
            spans.append((i, i + 2))
        readings = [
            (prefix + word[end:lo] + ch, names + (f"#{word[lo:hi]}->{ch}",), hi)
            for prefix, names, end in readings
            for lo, hi in spans
            if lo >= end
            for ch in _LETTERS
        ]
    out = [(prefix + word[end:], names) for prefix, names, end in readings]
    return [(w, names) for w, names in out if len(w) >= 3]  # not "t,k" -> "to"


_LetterConfusions = tuple[dict[str, tuple[str, ...]], int, frozenset[str], bool]
_LETTER_CONFUSIONS: dict[int, _LetterConfusions] = {}


def _letter_confusions(model: tuple[Confusion, ...]) -> _LetterConfusions:
    """The model's confusions that read letters, lower-cased, as a map from
    what OCR wrote to what it may stand for, the longest such OCR string, the
    model's whole-word OCR forms ("ofthe"), and whether every one of those
    confusions reads letters as letters or nothing; kept per model."""
    found = _LETTER_CONFUSIONS.get(id(model))
    if found is None:
        golds: dict[str, set[str]] = {}
        for c in model:
            ocr, gold = c.ocr.lower(), c.gold.lower()
            if c.where != "word" and c.ocr.isascii() and c.ocr.isalpha() and ocr != gold:
                golds.setdefault(ocr, set()).add(gold)
        words = frozenset(c.ocr.lower() for c in model if c.where == "word")
        longest = max(map(len, golds), default=0)
        letters_only = all(g.isalpha() or not g for v in golds.values() for g in v)
        found = ({k: tuple(sorted(v)) for k, v in golds.items()}, longest, words, letters_only)
        _LETTER_CONFUSIONS[id(model)] = found
    return found


@cache
def _candidate_words() -> frozenset[str]:
    """Lower-case words common enough to be a candidate (see :func:`_analyse`)."""
    return frozenset(w for w in _safe() if w.islower() and _zipf(w) >= _MIN_CANDIDATE_ZIPF)


@cache
def _candidate_order(floor: float) -> tuple[list[str], list[str]]:
    """The candidate words at least ``floor`` common (zipf), sorted, and the
    same words spelled backwards, sorted: the pre-test's bounds (see
    :func:`_shared_start`)."""
    words = [w for w in _candidate_words() if _zipf(w) >= floor]
    return sorted(words), sorted(w[::-1] for w in words)


@cache
def _candidate_set(floor: float) -> frozenset[str]:
    """The candidate words at least ``floor`` common (zipf)."""
    if floor <= _MIN_CANDIDATE_ZIPF:
        return _candidate_words()
    return frozenset(_candidate_order(floor)[0])


def _shared_start(low: str, ordered: list[str]) -> int:
    """How many first letters ``low`` shares at most with a word of the
    sorted ``ordered``: the longest is shared with a neighbour of the place
    where ``low`` would stand in it."""
    k = bisect_left(ordered, low)
    most = 0
    for word in ordered[max(0, k - 1) : k + 1]:
        n = min(len(low), len(word))
        i = 0
        while i < n and low[i] == word[i]:
            i += 1
        most = max(most, i)
    return most


def _may_have_candidate(
    low: str, model: tuple[Confusion, ...], floor: float = _MIN_CANDIDATE_ZIPF
) -> bool:
    """Whether one listed confusion can turn the lower-case letters ``low``
    into a word common enough to be a candidate (zipf ``floor`` or more):
    the first look's cheap pre-test, true of every word the full
    one-confusion search below finds a candidate for (it ignores where in a
    word a confusion may apply and letter case, so it may say yes when that
    search finds none, never the reverse). Without it most of a clean
    document's cost in this step is building candidates for rare words that
    have none."""
    by_ocr, longest, word_forms, letters_only = _letter_confusions(model)
    words = _candidate_set(floor)
    if low in word_forms or low in words:  # "patIents": a confusion of case only
        return True
    # A candidate keeps the word's letters outside the confused stretch
    # low[i:j]: so low[:i] starts a candidate word and low[j:] ends one. The
    # most first and last letters low shares with a candidate word (two
    # bisections, no per-word table) bound i from above and j from below
    # (when every listed confusion reads letters as letters, so that each
    # new string is one word): rare words mostly fail on these bounds alone.
    n = len(low)
    first_i, last_i, first_j = 0, n, 0
    if letters_only and low.isalpha():
        starts, ends = _candidate_order(floor)
        last_i = min(n, _shared_start(low, starts) + 1)
        first_j = n - _shared_start(low[::-1], ends)
        first_i = max(0, first_j - longest)
    for i in range(first_i, last_i):
        for j in range(max(i + 1, first_j), min(i + longest, n) + 1):
            for gold in by_ocr.get(low[i:j], ()):
                new = low[:i] + gold + low[j:]
                if new in words or not new.isalpha():  # "a b", "x's": let the search decide
                    return True
    return False


def _single_edits(word: str) -> list[tuple[str, str]]:
    """Every string one letter edit away from ``word``, inside the word, and a
    lost first letter (the first letter is never changed or dropped: that is
    too often another word, as is a changed last letter: "addressings")."""
    out = [(ch + word, f"*->{ch}") for ch in _LETTERS]
    for i in range(1, len(word)):
        if i < len(word) - 1:
            out.append((word[:i] + word[i + 1 :], f"*{word[i]}->"))
            for ch in _LETTERS:
                if ch != word[i].lower():
                    out.append((word[:i] + ch + word[i + 1 :], f"*{word[i]}->{ch}"))
        for ch in _LETTERS:
            out.append((word[:i] + ch + word[i:], f"*->{ch}"))
    return out


def _case_ok(word: str) -> bool:
    """lower-case, Capitalised or words of those (the shapes of prose words)."""
    return all(
        w.islower() or (w[:1].isupper() and (len(w) == 1 or w[1:].islower()))
        for w in word.split(" ")
        if w
    )


@dataclass(frozen=True)
class _Analysis:
    """What the error model makes of one token, before context."""

    best: Candidate | None
    runner_up: Candidate | None
    keep: float  # the zipf the token has as it stands
    reason: str  # why it is left alone, when best is None


def _guard(part: str) -> tuple[str, float]:
    """Why a token is never repaired, whatever its candidates ("" if it may
    be), and the zipf it has as it stands. The first look asks this before
    its pre-test: most unknown tokens of clean text are identifiers ("COVID",
    "mRNA") or words the health vocabulary or wordfreq knows."""
    if len(part) < 3:
        return "short", 0.0
    if not (part.isascii() and part.isalpha()):
        letters = [ch for ch in part if ch.isalpha()]
        if len(letters) < 2:
            return "short", 0.0
        if any(not ch.isascii() and ch not in _LIGATURES for ch in letters):
            return "foreign", 0.0
    if part.isupper() or (
        not part[1:].islower() and sum(ch.isupper() for ch in part[1:]) > 1
    ):
        return "identifier", 0.0
    if "." in part and OCR_ABBREVIATION.fullmatch(part):
        return "abbreviation", 0.0
    low = part.lower()
    if _health_lower().get(low, 0) or _known(low.replace("’", "'")):
        return "known", 0.0
    # A listed OCR form's web frequency is OCR output too: it counts for nothing.
    keep = 0.0 if low in _ocr_words() else _zipf(low)
    if keep >= _KNOWN_ZIPF:
        return "known", keep
    return "", keep


def _candidate_floor(part: str, keep: float) -> float:
    """How common (zipf) a candidate of ``part`` must be: a Capitalised
    token's more, and a token wordfreq knows (``keep`` > 0) is changed only
    into a very common word."""
    floor = _MIN_TITLE_CANDIDATE_ZIPF if part[:1].isupper() else _MIN_CANDIDATE_ZIPF
    return max(floor, _MIN_RARE_TARGET_ZIPF) if keep > 0 else floor


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _analyse(part: str, full: bool = True) -> _Analysis:
    """Candidates of one token, with the guards that need no context
    (``full``: all candidates, else only those of one listed confusion)."""
    none = Candidate("", 0.0, (), 0.0)
    reason, keep = _guard(part)
    if reason:
        return _Analysis(None, None, keep, reason)
    floor = _candidate_floor(part, keep)
    cands = [c for c in _candidates(part, full) if c.zipf >= floor]
    if not cands:
        return _Analysis(None, None, keep, "no candidate")
    return _Analysis(cands[0], cands[1] if len(cands) > 1 else none, keep, "")


# --- the wide search (text known to be OCR) -------------------------------


@cache
def _wide_index():
    """symspellpy's index of the candidate words of 4+ letters at edit
    distance _WIDE_DISTANCE (built at the first wide search: about 7 s)."""
    from symspellpy import SymSpell

    index = SymSpell(max_dictionary_edit_distance=_WIDE_DISTANCE, prefix_length=7)
    for word in _candidate_words():
        if len(word) >= 4 and word.isalpha():
            index.create_dictionary_entry(word, 1)
    return index


@cache
def _trigrams() -> dict[str, int]:
    """How many English words (wordfreq, zipf >= 2, ASCII letters) hold each
    letter trigram, with ^ and $ for the word's start and end."""
    counts: Counter[str] = Counter()
    for word, freq in _wordfreq().items():
        if freq >= 1e-7 and word.isascii() and word.isalpha():
            padded = f"^{word}$"
            counts.update({padded[i : i + 3] for i in range(len(padded) - 2)})
    return dict(counts)


def _wide_sign(core: str) -> bool:
    """Whether a token shows OCR damage by itself: a mark or digit inside, or
    a letter trigram few English words have ("flm" in "flmctional")."""
    if not core.isalpha():
        return True
    counts = _trigrams()
    padded = f"^{core.lower()}$"
    return any(counts.get(padded[i : i + 3], 0) < _WIDE_RARE_TRIGRAM for i in range(len(padded) - 2))


@cache
def _shape_pairs() -> frozenset[tuple[str, str]]:
    return frozenset((a, b) for f in _SHAPES for a in f for b in f if a != b)


def _weighted_distance(
    ocr: str, gold: str, model: tuple[Confusion, ...], clusters: int = 0
) -> float:
    """The cheapest way OCR could have written ``gold`` as ``ocr`` (lower-case):
    listed confusions at their cost, other edits at _WIDE_COSTS."""
    costs = _WIDE_COSTS
    shapes = _shape_pairs()
    listed = _listed_pairs(model)
    n, m = len(ocr), len(gold)
    # What may start at each position of ``ocr``: listed confusions (k
    # characters read as g) and glyph clusters (characters read as up to
    # ``clusters`` letters).
    starts = [
        [(k, g, cost) for k in range(1, 5) if i + k <= n for g, cost in listed.get(ocr[i : i + k], ())]
        for i in range(n + 1)
    ]
    glyphs = [_glyph_clusters(ocr, i, clusters) if clusters else () for i in range(n + 1)]
    inf = float("inf")
    d = [[inf] * (m + 1) for _ in range(n + 1)]
    d[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            cur = d[i][j]
            if cur == inf:
                continue
            if i < n:
                ch = ocr[i]
                kind = "mark" if not ch.isalnum() else "digit" if ch.isdigit() else ""
                edge = j == 0 or (i == n - 1 and j >= m - 1)  # a prefix or the last letter
                drop = costs[kind] if kind else costs["end"] if edge else costs["indel"]
                d[i + 1][j] = min(d[i + 1][j], cur + drop)
                if j < m:
                    if ch == gold[j]:
                        sub = 0.0
                    elif kind:
                        sub = costs[kind]
                    elif i == n - 1 and j == m - 1:
                        sub = costs["end"]  # "transduces" is no garble of "transducer"
                    else:
                        sub = costs["shape"] if (ch, gold[j]) in shapes else costs["letter"]
                    d[i + 1][j + 1] = min(d[i + 1][j + 1], cur + sub)
            if j < m:
                add = costs["first"] if i == j == 0 else costs["end"] if i == n else costs["indel"]
                d[i][j + 1] = min(d[i][j + 1], cur + add)
            for k, g, cost in starts[i]:
                if gold.startswith(g, j):
                    d[i + k][j + len(g)] = min(d[i + k][j + len(g)], cur + cost)
            for span, read, cost in glyphs[i]:
                if j + read <= m:
                    d[i + span][j + read] = min(d[i + span][j + read], cur + cost)
    return d[n][m]


def _glyph_clusters(ocr: str, i: int, most: int) -> list[tuple[int, int, float]]:
    """The glyph clusters starting at ``ocr[i]`` (see _CLUSTER_COSTS), as
    (characters, letters read, cost): spans of up to _CLUSTER_MAX characters
    with a mark or digit and at most one letter, read as 1 to ``most`` letters."""
    out: list[tuple[int, int, float]] = []
    for k in range(1, _CLUSTER_MAX + 1):
        span = ocr[i : i + k]
        letters = sum(ch.isalpha() for ch in span)
        if i + k > len(ocr) or letters > 1:
            break
        if not span.isalpha():
            out.extend(
                (k, g, cost + _CLUSTER_LETTER * letters)
                for g, cost in enumerate(_CLUSTER_COSTS[:most], 1)
            )
    return out


_LISTED: dict[int, dict[str, tuple[tuple[str, float], ...]]] = {}


def _listed_pairs(model: tuple[Confusion, ...]) -> dict[str, tuple[tuple[str, float], ...]]:
    """The model's confusions, lower-cased, by what OCR wrote (kept per model)."""
    found = _LISTED.get(id(model))
    if found is None:
        best: dict[tuple[str, str], float] = {}
        for c in model:
            key = (c.ocr.lower(), c.gold.lower())
            if c.ocr and key[0] != key[1]:
                best[key] = min(best.get(key, c.cost), c.cost)
        by_ocr: dict[str, list[tuple[str, float]]] = {}
        for (o, g), cost in best.items():
            by_ocr.setdefault(o, []).append((g, cost))
        found = _LISTED[id(model)] = {k: tuple(v) for k, v in by_ocr.items()}
    return found


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _wide_analyse(core: str, distance: int, clusters: int = 0) -> _Analysis:
    """The wide search's candidates of one token (see _WIDE_MIN_LEN), with
    the guards that need no context."""
    from symspellpy import Verbosity

    none = Candidate("", 0.0, (), 0.0)
    if len(core) < _WIDE_MIN_LEN or not (
        (core[0].isalpha() or (clusters and _LEADING_CLUSTER.match(core)))
        and core[-1].isalpha()
    ):
        return _Analysis(None, None, 0.0, "short")
    if any(ch in _WIDE_JOINERS for ch in core):  # "and/or", "life—time", "patient's"
        return _Analysis(None, None, 0.0, "compound")
    if any(not a.isalnum() and b.isupper() for a, b in zip(core, core[1:])):
        return _Analysis(None, None, 0.0, "lost space")  # "diet.A walk"
    if _lost_space(core):
        return _Analysis(None, None, 0.0, "lost space")  # "course.of", "has.dug"
    if sum(ch.isalpha() for ch in core) < 4:
        return _Analysis(None, None, 0.0, "short")
    reason, keep = _guard(core)
    if reason:
        return _Analysis(None, None, keep, reason)
    if keep > 0:  # wordfreq has seen it: a rare word, not garble
        return _Analysis(None, None, keep, "rare word")
    if not distance and core.isalpha():  # glyph clusters only: none in it
        return _Analysis(None, None, keep, "no candidate")
    if not _wide_sign(core):
        return _Analysis(None, None, keep, "no sign")
    low = core.lower()
    model = _model()
    found = {
        s.term: f"wide {s.distance} edits"
        for s in (_wide_index().lookup(low, Verbosity.ALL, max_edit_distance=distance) if distance else ())
    }
    clusters = 0 if low.isalpha() else clusters
    if clusters:
        for term in _cluster_matches(low, clusters):
            found.setdefault(term, "wide glyph clusters")
    # Most frequent first; a word whose frequency, less the least any path
    # must pay for the token's marks, is below the runner-up's score so far
    # can be neither best nor runner-up: the weighted distance is computed
    # only for the words before it (same best and runner-up as for all).
    floor = _mark_floor(model) * len(_MARK_RUNS.findall(low))
    cands: list[Candidate] = []
    for term in sorted(found, key=lambda t: (-_zipf(t), t)):
        zipf = _zipf(term)
        if len(cands) >= 2 and zipf - floor < cands[1].zipf - cands[1].cost:
            break
        cands.append(Candidate(
            term if not core[:1].isupper() else term[:1].upper() + term[1:],
            _weighted_distance(low, term, model, clusters),
            (found[term],),
            zipf,
        ))
        cands = sorted(cands, key=lambda c: (c.cost - c.zipf, c.word))[:2]
    if not cands:
        return _Analysis(None, None, keep, "no candidate")
    return _Analysis(cands[0], cands[1] if len(cands) > 1 else none, keep, "")


_MARK_FLOORS: dict[int, float] = {}


def _mark_floor(model: tuple[Confusion, ...]) -> float:
    """The least the weighted distance pays for a run of marks or digits in
    a token: a mark read as a letter or dropped, a glyph cluster (one may
    span two runs), or a listed confusion that reads one as letters (kept
    per model)."""
    found = _MARK_FLOORS.get(id(model))
    if found is None:
        listed = [
            cost / len(_MARK_RUNS.findall(o))
            for o, pairs in _listed_pairs(model).items() if _MARK_RUNS.search(o)
            for g, cost in pairs
            if g.isalpha() or not g  # the candidate words are letters only
        ]
        found = _MARK_FLOORS[id(model)] = min([
            _WIDE_COSTS["mark"], _WIDE_COSTS["digit"], min(_CLUSTER_COSTS),
            (min(_CLUSTER_COSTS) + _CLUSTER_LETTER) / 2, *listed,
        ])
    return found
def _lost_space(core: str) -> bool:
    """Whether a token with marks inside is words a lost space (read as a
    mark) has joined: "course.of", "has.dug", "a.good"; not "find~ing" (a
    suffix), "yea.fs" (too rare a piece) or "var2able" (a digit is no space).
    Or a common word glued to a number ("of18th", "in2004", "2004in"): the
    word-boundary step's glue, not garble."""
    number = _WORD_AND_NUMBER.fullmatch(core)
    if number:
        word = number["before"] or number["after"]
        return len(word) >= 2 and _zipf(word.lower()) >= 3.5
    pieces = _LETTER_RUNS.findall(core)
    if len(pieces) < 2 or pieces[-1].lower() in _SUFFIXES or any(ch.isdigit() for ch in core):
        return False
    return all(
        (len(p) >= 2 or p.lower() in ("a", "i")) and _zipf(p.lower()) >= 3.5 for p in pieces
    )




@cache
def _cluster_corpus() -> dict[int, str]:
    """The wide search's candidate words (see _wide_index), one a line, by length."""
    by_length: dict[int, list[str]] = {}
    for w in sorted(_candidate_words()):
        if len(w) >= 4 and w.isalpha() and w.isascii():
            by_length.setdefault(len(w), []).append(w)
    return {n: "\n".join(words) for n, words in by_length.items()}


@cache
def _shape_class(ch: str) -> str:
    family = "".join(sorted({x for f in _SHAPES if ch in f for x in f} | {ch}))
    return family if len(family) == 1 else f"[{family}]"


def _cluster_pattern(low: str, most: int = 2) -> tuple[str, int, int]:
    """A pattern for the words ``low`` could be read as, and their least and
    most letters: a glyph cluster (see _CLUSTER_COSTS) as up to ``most``
    letters (at least one at the start), a letter beside one as a letter of its shape
    family or none (it may be part of the glyph: "l)" for "p"), any other
    letter as a letter of its shape family."""
    out = []
    least = longest = 0
    i, n = 0, len(low)
    while i < n:
        if low[i].isalpha():
            beside = (i > 0 and not low[i - 1].isalpha()) or (i + 1 < n and not low[i + 1].isalpha())
            out.append(f"{_shape_class(low[i])}?" if beside else _shape_class(low[i]))
            least += not beside
            longest += 1
            i += 1
            continue
        j = i
        while j < n and not low[j].isalpha():
            j += 1
        out.append(f"[a-z]{{{int(i == 0)},{most}}}")
        least += i == 0
        longest += most
        i = j
    return "^" + "".join(out) + "$", least, longest


def _cluster_matches(low: str, most: int = 2) -> list[str]:
    """The candidate words the pattern of ``low`` matches (none if more
    than _CLUSTER_MOST: a token that loose is no evidence of any word)."""
    pattern, least, longest = _cluster_pattern(low, most)
    compiled = regex.compile(pattern, regex.M)
    corpus = _cluster_corpus()
    found = [w for n in range(least, longest + 1) if n in corpus for w in compiled.findall(corpus[n])]
    return found if len(found) <= _CLUSTER_MOST else []


# --- repair_ocr_garble ----------------------------------------------------


def _load() -> None:
    """Build every table the step uses (the other languages' words are
    otherwise read at the first word that needs them: about 1 s)."""
    model = _model()
    _by_first_char(model)
    _letter_confusions(model)
    _candidate_words()
    for floor in (_MIN_CANDIDATE_ZIPF, _MIN_TITLE_CANDIDATE_ZIPF, _MIN_RARE_TARGET_ZIPF):
        _candidate_order(floor)
        _candidate_set(floor)
    _bigrams()
    _other_language_words()
    _known_with_marks()
    _cluster_corpus()


@normaliser(
    order=40, dictionaries=("ocr_confusions", "health_words", "health_bigrams"), load=_load,
    english_only=True,
)
def repair_ocr_garble(text: str, ctx: StepContext) -> list[Edit]:
    """Repair words garbled by OCR: "tbe" -> "the", "nmnber" -> "number",
    "pr0cedures" -> "procedures", "be.st" -> "best", "signiﬁcant" -> "significant".

    The damage: OCR merges, splits or misreads glyphs ("rn"/"m", "cl"/"d",
    "li"/"h", "1"/"l", "0"/"o", b/h, c/e) and reads specks as punctuation.
    Only tokens that no dictionary knows are candidates (one set difference);
    each is mapped through the error model (one or two weighted confusions from
    ``ocr_confusions.tsv``; a run of minim letters regrouped into others with
    as many strokes, "nmnber" -> "number"; a glyph mark inside a word, alone or
    with the character it touches, read as one letter, "l;he" -> "the"; or, for
    words of 4+ letters, one unlisted letter edit at a high backoff cost; never
    free edit distance) to dictionary words, scored by frequency minus
    confusion cost, plus context bigrams (a garbled neighbour counts as the
    word it reads as) and the document's own words (a form written right
    elsewhere in it, or repaired in a first round).

    The main false positive is a real word no dictionary knows: a name, a
    drug, an old spelling, a term ("synset"), a word of another language. The
    guards: words of the health vocabulary, all-capital and mixed-case
    identifiers, abbreviations, numbers, tokens with non-ASCII letters, words
    of French, German, Spanish, Italian, Portuguese or Dutch, and tokens between
    two unknown words are never touched; a word wordfreq knows, however rare,
    changes only into a very common one; a Capitalised token only into a common
    word, by a backoff edit only at a sentence start, never after an initial
    ("G. Saon"), and not when it recurs while its repair does not; a glyph
    reading only of a whole token ("(tistril)ui;ions" is left); the best
    candidate must beat keeping the token
    by ``ocr_margin`` and the runner-up by a point.

    For text known to be OCR (``ocr_wide_distance`` > 0, with the gate
    off), tokens of 6+ characters that neither a dictionary nor wordfreq knows
    and that show OCR damage themselves (a mark or digit inside, or a letter
    trigram English words rarely have) and that the error model left alone
    are looked up at up to that many edits among the candidate words and
    priced by a weighted edit distance (listed confusions, marks and digits
    read as letters, letters of one glyph shape, lost or added letters; an
    added or lost last letter is morphology and dear); the best must beat
    keeping the token by 1.5 and the runner-up by 1 (its main false positive,
    a technical term with an odd letter trigram: "synsets" -> "sunsets").
    Such a repair is no sign of OCR for the gate.

    Past the gate (``ocr_cluster_letters`` > 0, the default), a token of 6+
    characters with marks, digits or brackets inside that the error model
    left alone is read the same way, a run of marks with at most one letter
    beside it standing for one letter OCR could not make out ("1)rol)osed"
    -> "proposed"); its candidates are the common words a pattern of it
    matches (marks as a letter, letters as one of their shape family). Not
    when its pieces are common words a lost space joined ("course.of"), nor
    a piece of a longer garble ("(:ompul;~tion").

    A lower-case token no dictionary knows that one letter before it makes a
    very common word is read as that word when the context bigrams support
    it more than any other reading (another lost letter, another first
    letter): "uch as" -> "such as", "xcept in" -> "except in", a glyph lost
    at a line's left edge.

    The OCR gate: a document must show ``ocr_doc_min_signals`` signs of OCR,
    and ``ocr_doc_min_rate`` per 100 words: repairs through a listed confusion
    (a backoff repair is no sign: a lone typo is not OCR), lost first letters
    (two signs each) and marks OCR leaves against letters ("Bi~d"). A first look with C-speed string and set
    operations and one-confusion candidates only closes it on clean text.

    >>> from textrepair import Config
    >>> from textrepair.changes import apply_edits
    >>> ctx = StepContext(Config(), "repair_ocr_garble")
    >>> t = "Most patients frorn tbe trial were cliagnosed with a rnild form."
    >>> apply_edits(t, repair_ocr_garble(t, ctx))
    'Most patients from the trial were diagnosed with a mild form.'
    >>> repair_ocr_garble("Imatinib (Gleevec) and Crayle's IGFBP7 study, e.g. in Kraków.", ctx)
    []
    """
    config = ctx.config
    # The cheap first look (C-speed string and set operations): a document
    # opens the gate only with repairs through a listed confusion, so without
    # a token that has a candidate of that kind there can be none. Marks inside
    # words ("be.st") are split off here, so their tokens are looked at below.
    distinct, tokens_in = tokens(text)
    marks = _garble_marks(text)
    found = marks
    left = unknown(text, _safe())
    search = (config.ocr_wide_distance, config.ocr_cluster_letters)
    for part in _first_look(left):
        if _has_listed_candidate(part) or (
            not part.isalpha() and OCR_DIGIT_INSIDE.search(part)
        ):
            found += text.count(part)
        elif _lost_first_readings(part):
            found += _LOST_FIRST_SIGNALS * sum(
                _lost_first_letter(text, start, part, search) is not None
                for start in _positions(text, part)
            )
    # The rate is per 100 words, tokens of marks alone not counted (PTB
    # spacing, undone by a later step, would otherwise shut the gate on a first
    # run and open it on a second); counted only when the signals could pass.
    words = None
    if found >= config.ocr_doc_min_signals:
        words = tokens_in - len(OCR_MARK_TOKEN.findall(text))
        needed = max(config.ocr_doc_min_signals, config.ocr_doc_min_rate * words / 100)
    if (words is None or found < needed) and not _inner_mark(_mark_tokens(distinct, left)):
        ctx.count("closed_gate")
        return []
    parts = _suspects(left)
    if config.ocr_wide_distance:
        wide = _wide_suspects(left)
    elif config.ocr_cluster_letters:  # only tokens with marks or digits inside
        wide = {core for core in _wide_suspects(left) if not core.isalpha()}
    else:
        wide = set()
    if not parts and not wide:
        return []
    doc_words = _doc_words(text)
    # Two rounds: the words the first round repairs count as written right in
    # the document in the second ("hcrc ... hcrc" -> "here ... here") and as
    # the context of their neighbours ("olb00c 1)ublished" is "olb00c
    # published"), as they will when the output is repaired again: the step
    # stays idempotent.
    first = StepContext(config, ctx.step)
    edits = _decide_all(text, parts, wide, doc_words, first)
    if edits:
        for e in edits:
            doc_words.update(_doc_words(e.after))
        edits = _decide_all(text, parts, wide, doc_words, ctx, _repairs(edits))
    else:
        ctx.stats.update(first.stats)
    signals = marks + sum(map(_signs, edits))
    if words is None:  # the gate opened on an inner mark
        words = tokens_in - len(OCR_MARK_TOKEN.findall(text))
    rate = 100 * signals / max(1, words)
    if signals < config.ocr_doc_min_signals or rate < config.ocr_doc_min_rate:
        if edits:
            ctx.count("below_gate", len(edits))
        return []
    return sorted(edits, key=lambda e: e.start)


def _signs(edit: Edit) -> int:
    """How many signs of OCR a repair is for the gate: none for a backoff or
    wide-search edit (a lone typo is not OCR), _LOST_FIRST_SIGNALS for a lost
    first letter, one for the others."""
    if edit.reason.startswith(_LOST_FIRST_REASON):
        return _LOST_FIRST_SIGNALS
    return int(not edit.reason.startswith(("ocr: *", "ocr: wide")) and "+*" not in edit.reason)


def _decide_all(
    text: str, parts: set[str], wide: set[str], doc_words: Counter[str], ctx: StepContext,
    repaired: _Repairs = _NO_REPAIRS,
) -> list[Edit]:
    """The repairs of every occurrence of the suspect ``parts`` (counted in
    ``ctx``), then of the ``wide`` search's tokens where none of those fell,
    or only repairs of pieces of a token with marks inside: its reading as a
    whole replaces them ("1)ublished" is "published", not "1)published").
    ``repaired``: a first round's repairs, read as the neighbours' words."""
    edits = []
    search = (ctx.config.ocr_wide_distance, ctx.config.ocr_cluster_letters)
    for part in sorted(parts):
        analysis = _analyse(part)
        lost = bool(_lost_first_readings(part))
        if analysis.best is None and not lost:
            ctx.count(f"left_{analysis.reason.replace(' ', '_')}")
            continue
        for start in _positions(text, part):
            edit = _lost_first_edit(text, start, part, search, ctx, repaired) if lost else None
            if edit is None and analysis.best is not None:
                edit = _decide(
                    text, start, part, analysis, doc_words, ctx.config.ocr_margin, ctx,
                    repaired=repaired,
                )
            if edit is not None:
                edits.append(edit)
    for core in sorted(wide):
        free = []
        for start in _positions(text, core):
            end = start + len(core)
            inside = [e for e in edits if e.start < end and start < e.end]
            if inside and (core.isalpha() or any(
                e.start <= start and end <= e.end or e.start < start or end < e.end for e in inside
            )):
                continue  # the token (or more) was repaired through the error model
            free.append((start, inside))
        if not free:
            continue
        analysis = _wide_analyse(
            core, ctx.config.ocr_wide_distance, ctx.config.ocr_cluster_letters
        )
        if analysis.best is None:
            ctx.count(f"left_wide_{analysis.reason.replace(' ', '_')}")
            # Repairs of pieces that leave a token the wide search would read
            # again are not made: a second run would repair it further
            # ("0:b1en" -> "0:bien" -> "been"); unsure, the token stays.
            for start, inside in free:
                if inside and _rereads(text, start, core, inside, ctx):
                    edits = [e for e in edits if e not in inside]
                    ctx.count("left_piece_reread", len(inside))
            continue
        for start, inside in free:
            edit = _decide(
                text, start, core, analysis, doc_words, _WIDE_MARGIN, ctx, _WIDE_AMBIGUITY,
                repaired,
            )
            if edit is not None:
                edits = [e for e in edits if e not in inside]
                edits.append(edit)
            elif inside and _rereads(text, start, core, inside, ctx):
                # Read as a whole but too weakly: its pieces' repairs would
                # make the reading cheaper for a second run ("p::scir" ->
                # "p::sir" -> "pair"), so they are not made either.
                edits = [e for e in edits if e not in inside]
                ctx.count("left_piece_reread", len(inside))
    return edits


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _lost_first_readings(part: str) -> tuple[str, ...]:
    """The candidate words one letter before ``part`` makes, most common
    first, when ``part`` is a lower-case word of 3+ letters that no
    dictionary knows and the most common of them is very common
    (_LOST_FIRST_ZIPF), then the candidate words another first letter makes
    (the rival story: OCR misread the first letter, "iew" for "few"); else none."""
    if len(part) < 3 or not (part.isascii() and part.isalpha() and part.islower()):
        return ()
    if _guard(part)[0]:
        return ()
    words = _candidate_words()
    found = sorted((w for w in (ch + part for ch in _LETTERS) if w in words), key=_zipf, reverse=True)
    if not found or _zipf(found[0]) < _LOST_FIRST_ZIPF:
        return ()
    return (*found, *(w for w in (ch + part[1:] for ch in _LETTERS) if w in words))


def _lost_first_letter(
    text: str, start: int, part: str, search: tuple[int, int], repaired: _Repairs = _NO_REPAIRS
) -> tuple[str, int, int] | None:
    """The very common word ``part`` at ``start`` reads as with its lost
    first letter restored, how many of its two neighbours make a known
    bigram with it, and the most any other reading of it (another lost
    letter, another first letter) gets; None unless that word is the one
    reading the context supports best (see _LOST_FIRST_ZIPF), and by both
    neighbours if ``part`` is a word of another language ("uch", German web
    garble of "auch"). Not at the text's start (a text cut inside a word
    begins with the word's end), after a mark ("(:omplication") or after the
    first piece of a split word ("con dition")."""
    readings = _lost_first_readings(part)
    if not readings or start == 0 or not (
        text[start - 1].isspace() or text[start - 1] in "\"“‘'([{"
    ):
        return None
    end = start + len(part)
    prev = OCR_PREV_WORD.search(text, max(0, start - 40), start)
    if prev and _known(prev.group(1).lower() + part):
        return None
    nxt = OCR_NEXT_WORD.match(text, end, min(len(text), end + 40))
    prev_c, next_c = _repaired_neighbours(text, start, end, repaired)
    if prev and prev_c is None:
        prev_c = _context_word(text, prev, search, lost=False).split(" ")[-1]
    if nxt and next_c is None:
        next_c = _context_word(text, nxt, search, lost=False).split(" ")[0]
    prev_c, next_c = prev_c or "", next_c or ""
    bigrams = _bigrams()

    def sides(word: str) -> int:
        return (f"{prev_c} {word}" in bigrams) + (f"{word} {next_c}" in bigrams)

    ranked = sorted(readings, key=lambda w: (sides(w), _zipf(w)), reverse=True)
    best, n = ranked[0], sides(ranked[0])
    rival = max(map(sides, ranked[1:]), default=0)
    if (
        len(best) == len(part) or n <= rival or n < 1 + _other_language(part)
        or _zipf(best) < _LOST_FIRST_ZIPF
    ):
        return None
    return best, n, rival


def _lost_first_edit(
    text: str, start: int, part: str, search: tuple[int, int], ctx: StepContext,
    repaired: _Repairs = _NO_REPAIRS,
) -> Edit | None:
    """The repair of a lost first letter at ``start`` (see _LOST_FIRST_ZIPF), or None."""
    found = _lost_first_letter(text, start, part, search, repaired)
    if found is None:
        ctx.count("left_lost_first_letter")
        return None
    word, n, rival = found
    reason = (
        f"{_LOST_FIRST_REASON} ^->{word[0]} ({word}, zipf {_zipf(word):.1f}; "
        f"context bigrams {n} vs {rival})"
    )
    return Edit(start, start + len(part), word, reason, 0.6 + 0.1 * (n - rival))


def _rereads(text: str, start: int, core: str, inside: list[Edit], ctx: StepContext) -> bool:
    """Whether the token at ``start``, with the repairs ``inside`` it made,
    has a wide reading of its own that its original form had not."""
    repaired = core
    for e in sorted(inside, key=lambda e: e.start, reverse=True):
        repaired = repaired[: e.start - start] + e.after + repaired[e.end - start :]
    if repaired in _safe():  # as _wide_suspects: a known word is no suspect
        return False
    analysis = _wide_analyse(
        repaired, ctx.config.ocr_wide_distance, ctx.config.ocr_cluster_letters
    )
    return analysis.best is not None


def _wide_suspects(tokens: frozenset[str]) -> set[str]:
    """The cores of unknown tokens long enough for the wide search (not
    tokens with brackets that pair up: "gene(s)", "mass(es)")."""
    safe = _safe()
    found = set()
    for token in tokens:
        if ("(" in token and ")" in token.partition("(")[2]) or (
            "[" in token and "]" in token.partition("[")[2]
        ):
            continue
        core = token.strip(OCR_STRIP)
        if len(core) < _WIDE_MIN_LEN or core in safe or "@" in core or "://" in core:
            continue
        if "www." not in core:
            found.add(core)
    return found


def _wide_reading(core: str, distance: int, clusters: int) -> str | None:
    """What the wide search reads a token as, before context (for neighbours)."""
    analysis = _wide_analyse(core, distance, clusters)
    best, runner = analysis.best, analysis.runner_up
    if best is None or best.zipf - best.cost < _UNSEEN_ZIPF + _WIDE_MARGIN:
        return None
    if runner is not None and runner.word and (
        best.zipf - best.cost - (runner.zipf - runner.cost) < _WIDE_AMBIGUITY
    ):
        return None
    return best.word.lower()


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _has_listed_candidate(part: str) -> bool:
    """The first look's question about one unknown word: can one listed
    confusion make it a candidate? Most rare words fail the cheap pre-test
    and never reach the candidate search; most unknown tokens of clean text
    do not even reach the pre-test (see :func:`_guard`)."""
    reason, keep = _guard(part)
    if reason:
        return False
    if part.isascii() and part.isalpha() and not _may_have_candidate(
        part.lower(), _model(), _candidate_floor(part, keep)
    ):
        return False
    return _analyse(part, full=False).best is not None


def _inner_mark(text: str) -> bool:
    """Whether a mark stands inside a word ("be.st"; see OCR_INNER_MARK),
    looked for only where the stdlib pre-test finds a mark before a letter
    (the regex module scans a whole document several times slower). A comma,
    colon or semicolon between two known words is a missing space or a pair
    ("pattern,which", "arginine:glycine"), not a speck."""
    for hint in OCR_INNER_MARK_HINT.finditer(text):
        pos = hint.start()
        if pos < 2 or not OCR_INNER_MARK.match(text, pos - 2):
            continue
        if text[pos] in ",;:" and _joins_two_words(text, pos):
            continue
        return True
    return False


def _mark_tokens(distinct: frozenset[str], unknown: frozenset[str]) -> str:
    """The tokens in which :func:`_inner_mark` can find a mark, joined by
    spaces (a few times shorter than the text): a mark inside a word stands
    inside one token, and of the known tokens only those with a mark before
    a letter ("u.s", "amazon.com") can hold one. So ``_inner_mark`` answers
    the same on this string as on the text (``unknown``: the tokens of
    ``distinct`` that are not known words)."""
    return " ".join(unknown.union(distinct.intersection(_known_with_marks())))


@cache
def _known_with_marks() -> frozenset[str]:
    """The known tokens with a mark before a letter inside ("u.s", "Bit.ly")."""
    return frozenset(w for w in _safe() if OCR_INNER_MARK_HINT.search(w))


def _joins_two_words(text: str, pos: int) -> bool:
    """Whether the mark at ``pos`` stands between two known words of 3+ letters."""
    before = OCR_LETTERS_BEFORE.search(text, max(0, pos - 40), pos)
    after = OCR_LETTERS_AFTER.match(text, pos + 1)
    return all(
        m is not None and len(m.group()) >= 3 and _known(m.group().lower()) for m in (before, after)
    )


def _garble_marks(text: str) -> int:
    """How many marks OCR leaves for specks touch a letter ("Bi~d", "\\Text")."""
    if not any(mark in text for mark in _GARBLE_MARKS):
        return 0
    return len(OCR_GARBLE_MARK.findall(text))


def _first_look(tokens: frozenset[str]) -> set[str]:
    """The unknown words of unknown tokens, cheaply: surrounding punctuation
    stripped and known words dropped at C speed, and only the cores with
    other marks inside cut into parts."""
    cores = set(map(str.strip, tokens, repeat(OCR_STRIP)))
    cores.difference_update(_safe())
    found: set[str] = set()
    for core in cores:
        if len(core) < 3:
            continue
        if core.isalpha():
            found.add(core)
        else:
            found.update(_core_parts(core))
    return found


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _core_parts(core: str) -> tuple[str, ...]:
    """The words of 3+ letters in a core with marks inside ("be.st", "10-year")."""
    parts = OCR_PART_ASCII if core.isascii() else OCR_PART
    return tuple([part for part in parts.findall(core) if len(part) > 2])


def _suspects(tokens: frozenset[str]) -> set[str]:
    """The parts of unknown tokens worth a look (letters with OCR-able inner
    characters), with surrounding punctuation stripped."""
    safe = _safe()
    found = set()
    for token in tokens:
        core = token.strip(OCR_STRIP)
        if not core or core in safe or "@" in core or "://" in core or "www." in core:
            continue
        for m in OCR_PART.finditer(core):
            part = m.group()
            if part not in safe and (len(part) >= 3 or OCR_SIGNATURE.search(part)):
                found.add(part)
    return found


def _doc_words(text: str) -> Counter[str]:
    return Counter(w.strip(OCR_STRIP).lower() for w in text.split())


def _positions(text: str, part: str) -> list[int]:
    """Where ``part`` stands in ``text`` with no letter, digit or OCR-able
    character glued to it (so "tbe" is found in "(tbe," but not in "atbe")."""
    found = []
    pos = text.find(part)
    while pos >= 0:
        end = pos + len(part)
        before = text[pos - 1] if pos else " "
        after = text[end] if end < len(text) else " "
        before2 = text[pos - 2] if pos > 1 else " "
        after2 = text[end + 1] if end + 1 < len(text) else " "
        if not _glues(before, before2) and not _glues(after, after2, after=True):
            found.append(pos)
        pos = text.find(part, pos + 1)
    return found


def _glues(ch: str, beyond: str, after: bool = False) -> bool:
    """Whether ``ch`` next to a part makes it part of a longer word
    (an apostrophe does when a letter is beyond it: "don't")."""
    if ch.isalnum() or ch == "|":
        return True
    if ch in "’'":
        return beyond.isalnum()
    return after and ch in "~^`"


def _decide(
    text: str, start: int, part: str, analysis: _Analysis, doc_words: Counter[str],
    margin: float, ctx: StepContext, ambiguity: float = _AMBIGUITY_MARGIN,
    repaired: _Repairs = _NO_REPAIRS,
) -> Edit | None:
    """The repair of one occurrence, with context, or None (counted)."""
    best = analysis.best
    assert best is not None
    end = start + len(part)
    prev = OCR_PREV_WORD.search(text, max(0, start - 40), start)
    nxt = OCR_NEXT_WORD.match(text, end, min(len(text), end + 40))
    # A garbled neighbour counts as the word it reads as ("frorn hcrc" is
    # "from here"), so that a second run, after the neighbour's repair, decides alike.
    search = (ctx.config.ocr_wide_distance, ctx.config.ocr_cluster_letters)
    prev_c, next_c = _repaired_neighbours(text, start, end, repaired)
    if prev and prev_c is None:
        prev_c = _context_word(text, prev, search).split(" ")[-1]
    if nxt and next_c is None:
        next_c = _context_word(text, nxt, search).split(" ")[0]
    prev_c, next_c = prev_c or "", next_c or ""
    if prev_c and next_c and not _known(prev_c) and not _known(next_c):
        ctx.count("left_unknown_neighbours")  # between two words no dictionary knows
        return None
    if _other_language(part.lower()):
        ctx.count("left_other_language")
        return None
    wide_edit = best.confusions[0].startswith("wide ")  # see _wide_analyse
    if (
        (best.confusions[0][:1] == "*" or wide_edit)
        and part[:1].isupper() and not _sentence_start(text, start)
    ):
        ctx.count("left_name")
        return None
    if (
        best.confusions[0].startswith("*->") and best.word[1:].lower() == part.lower()
        and start > 0 and not text[start - 1].isspace() and text[start - 1] not in "\"“‘'([{"
    ):  # "1)ublished", "(:omplication": the lost first letter is the mark before it
        ctx.count("left_fragment")
        return None
    if part[:1].isupper() and _after_initial(text, start):
        ctx.count("left_name")  # "G. Saon": a surname after an initial
        return None
    glyph = best.confusions[0][:1] == "#"  # a glyph reading, not a listed confusion
    if (glyph or wide_edit) and (
        _token_core(text, start) != part
        or (wide_edit and start > 1 and text[start - 1] in ".,;:" and not text[start - 2].isspace())
    ):  # "(tistril)ui;ions", "(:ompul;~tion": a piece of a longer garble
        ctx.count("left_fragment")
        return None


    def context(word: str) -> float:
        low = word.lower()
        first, last = low.split(" ")[0], low.split(" ")[-1]
        bonus = 0.0
        if prev_c and f"{prev_c} {first}" in _bigrams():
            bonus += 0.5
        if next_c and f"{last} {next_c}" in _bigrams():
            bonus += 0.5
        if doc_words.get(low, 0) > 0:
            bonus += 1.0  # the word is written right elsewhere in the document
        return bonus

    score = best.zipf - best.cost + context(best.word)
    # Keeping a word wordfreq knows (however rare) earns a point more; a word
    # nobody has seen scores as a zipf of _UNSEEN_ZIPF.
    keep = analysis.keep + _RARE_KEEP_BONUS if analysis.keep > 0 else _UNSEEN_ZIPF
    if (
        part[:1].isupper() and len(_positions(text, part)) >= 2
        and not doc_words[best.word.lower()] and not _positions(text, part.lower())
    ):  # a Capitalised form that recurs, never lower-case, and no sign of its repair: a name
        ctx.count("left_recurring_name")
        return None
    runner = analysis.runner_up
    if runner is not None and runner.word:
        rival = runner.zipf - runner.cost + context(runner.word)
        if score - rival < ambiguity:
            ctx.count("left_ambiguous")
            return None
    if score - keep < margin:
        ctx.count("left_weak")
        return None
    after = _apostrophe(text, best.word)
    if glyph and after[:1] != part[:1] and _sentence_start(text, start):
        after = after[:1].upper() + after[1:]  # "l:rom Intention" -> "From Intention"
    confidence = min(0.99, 0.5 + 0.1 * (score - keep - margin))
    reason = (
        f"ocr: {'+'.join(best.confusions)} score {score:.1f} vs keep {keep:.1f} "
        f"(zipf {best.zipf:.1f}, cost {best.cost:.1f})"
    )
    return Edit(start, end, after, reason, round(confidence, 3))


def _repairs(edits: list[Edit]) -> _Repairs:
    """A first round's repairs for :func:`_repaired_neighbours`: the last word
    of each by where it ends, the first word by where it starts."""
    return (
        {e.end: e.after.lower().split(" ")[-1] for e in edits},
        {e.start: e.after.lower().split(" ")[0] for e in edits},
    )


def _repaired_neighbours(
    text: str, start: int, end: int, repaired: _Repairs
) -> tuple[str | None, str | None]:
    """The words a first round's ``repaired`` tokens right before and right
    after [start, end) read as (only spaces between), else None: "olb00c
    1)ublished" is "olb00c published" in the second round, as for a second
    run (the neighbour patterns see no word in "1)ublished")."""
    ends, starts = repaired
    before, after = start, end
    while before and text[before - 1] in " \t\n":
        before -= 1
    while after < len(text) and text[after] in " \t\n":
        after += 1
    return (
        ends.get(before) if before < start else None,
        starts.get(after) if after > end else None,
    )


def _context_word(
    text: str, neighbour: regex.Match[str], search: tuple[int, int] = (0, 0), lost: bool = True
) -> str:
    """A neighbouring word as context, lower-cased: the best repair of its
    whole token if that has marks inside and a repair ("l:rom" -> "from"), or
    what the wide search (``search``: distance, cluster letters) reads it as
    ("1)rol)osed" -> "proposed"); else the word or its best repair ("frorn"
    -> "from"), else what the wide search reads its token as ("flmctional"
    -> "functional")."""
    word = neighbour.group(1)
    core = _token_core(text, neighbour.start(1))
    wide = any(search) and not _known(core.lower())
    if core != word and not _known(core.lower()):
        best = _analyse(core).best
        if best is not None:
            return best.word.lower()
        reading = _wide_reading(core, *search) if wide else None
        if reading:
            return reading
    low = word.lower()
    if _known(low):
        return low
    if lost and core == word and _lost_first_readings(low):  # "uch as" is "such as"
        found = _lost_first_letter(text, neighbour.start(1), low, search)
        if found is not None:
            return found[0]
    best = _analyse(low).best
    if best is not None:
        return best.word.lower()
    reading = _wide_reading(core, *search) if wide else None
    return reading or low


def _other_language(word: str) -> bool:
    """A word of French, German, Spanish, Italian, Portuguese or Dutch
    ("atrophie blanche", old "controversie"), by wordfreq's lists of them."""
    if not word.isalpha() or not word.isascii():
        return False  # wordfreq would split "patient?s" and expand "ﬁ": no evidence
    return word.lower() in _other_language_words()


@cache
def _other_language_words() -> frozenset[str]:
    """The lower-case ASCII words with a zipf frequency of at least
    ``_OTHER_LANGUAGE_ZIPF`` in one of ``_OTHER_LANGUAGES`` (the words for
    which ``wordfreq.zipf_frequency(word, lang)`` says so). The lists are read
    straight from wordfreq's files and not kept: the six whole lists hold 2.2
    million words, about 200 MB in every worker, for some 250,000 we need."""
    import wordfreq

    paths = wordfreq.available_languages("best")
    words: set[str] = set()
    for lang in _OTHER_LANGUAGES:
        for index, bucket in enumerate(wordfreq.read_cBpack(paths[lang])):
            if round(math.log10(wordfreq.cB_to_freq(-index)) + 9, 2) < _OTHER_LANGUAGE_ZIPF:
                break  # buckets come most frequent first
            words.update(w for w in bucket if w.isascii() and w.isalpha())
    return frozenset(words)


def _after_initial(text: str, pos: int) -> bool:
    """Whether an initial of a name list stands just before ``pos`` ("G. "
    in "Padmanabhan, G. Saon, and"): a capital and a period after the start, a
    comma, "and" or another initial; not "vitamin C. Tbis", a sentence end."""
    if pos < 3 or text[pos - 2 : pos] != ". " or not text[pos - 3].isupper():
        return False
    before = text[max(0, pos - 8) : pos - 3]
    return (
        not before or before[-1] in "\n(" or f" {before}".endswith((", ", "; ", " and ", "& "))
        or (len(before) >= 3 and before[-3].isupper() and before[-2:] == ". ")
    )


def _token_core(text: str, pos: int) -> str:
    """The whitespace token around ``pos``, stripped of surrounding punctuation."""
    lo = pos
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    hi = pos
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return text[lo:hi].strip(OCR_STRIP)


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4) : pos].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:\n"


def _apostrophe(text: str, word: str) -> str:
    """A restored apostrophe in the document's own style."""
    if "'" in word and "’" in text and "'" not in text.replace(word, ""):
        return word.replace("'", "’")
    return word
