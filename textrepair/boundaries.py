"""Word-boundary repairs: split glued words, rejoin words broken by stray spaces.

Both steps score with the same evidence: wordfreq's English frequencies (the
cost of a word is ``-log10`` of its frequency), symspellpy's 82,765-word
dictionary and 243,342 bigrams (a list of real words, no fragments; their
counts make the bigram model of split_glued_words' last resort), the
health vocabulary in ``dictionaries/`` and the document itself.

Speed: both steps start from one survey of the text (kept for the second step
when the first changes nothing). Its only pass over every token is
``set(text.split())`` minus the set of tokens that need no look (C speed); the
few tokens left are tested with cached per-word tests, and only their
positions, or a window of about 120 characters around them, are scored.
"""

from __future__ import annotations

import math
import string
from bisect import bisect_left
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import repeat

import regex

from .changes import Edit, apply_edits
from .config import Config
from .patterns import (
    BOUNDARY_ARTICLE_GLUE,
    BOUNDARY_CANDIDATE,
    BOUNDARY_COMPOUND_TAILS,
    BOUNDARY_DETERMINERS,
    BOUNDARY_DOC_PART_AFTER,
    BOUNDARY_DOC_PART_BEFORE,
    BOUNDARY_EMAIL_GLUE,
    BOUNDARY_FIRST_LETTERS,
    BOUNDARY_FIRST_WORD,
    BOUNDARY_FRAGMENT_SUFFIXES,
    BOUNDARY_HYPHEN_PARTICLES,
    BOUNDARY_HYPHEN_SPACE,
    BOUNDARY_LAST_WORD,
    BOUNDARY_LETTERS,
    BOUNDARY_MODALS,
    BOUNDARY_NEXT_LETTERS,
    BOUNDARY_PREFIXES,
    BOUNDARY_PREV_LETTERS,
    BOUNDARY_PUNCT_GATE,
    BOUNDARY_PUNCT_GLUE,
    BOUNDARY_QUOTE_GLUE,
    BOUNDARY_SPLIT_FUNCTION_WORDS,
    BOUNDARY_STRIP,
    BOUNDARY_TOKEN,
    BOUNDARY_TRAILING_SHORT,
    BOUNDARY_TWO_LETTER_WORDS,
    BOUNDARY_UNITS,
    BOUNDARY_WORD_PAIR,
)
from .registry import StepContext, normaliser
from .resources import load_counts, symspell_counts
from .tokens import WORD_CACHE_SIZE, forget_with_word_caches, share_known, unknown
from .tokens import tokens as shared_tokens
from .verbatim import code_spans, touches

# A word wordfreq has never seen costs this much (a zipf of -1).
_UNSEEN_COST = 10.0


# --- evidence -------------------------------------------------------------


@cache
def _wordfreq() -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict("en")


@cache
def _symspell_words() -> frozenset[str]:
    return frozenset(_unigram_counts())


def _bigram_counts() -> dict[str, int]:
    return symspell_counts("frequency_bigramdictionary_en_243_342.txt")


def _unigram_counts() -> dict[str, int]:
    return symspell_counts("frequency_dictionary_en_82_765.txt")


@cache
def _bigrams() -> frozenset[str]:
    """Lower-case "a b" pairs seen in symspellpy's bigrams or the health corpus."""
    return frozenset(_bigram_counts()).union(load_counts("health_bigrams"))


@cache
def _health_lower() -> dict[str, int]:
    counts: Counter[str] = Counter()
    for word, n in load_counts("health_words").items():
        counts[word.lower()] += n
    return dict(counts)


def _zipf(word: str) -> float:
    freq = _wordfreq().get(word.lower(), 0.0)
    return math.log10(freq) + 9 if freq > 0 else 0.0


def _cost(word: str) -> float:
    """-log10 of the word's frequency; health-only words get a modest cost."""
    z = _zipf(word)
    if z <= 0 and _health_lower().get(word.lower(), 0) >= 5:
        z = 2.5
    return 9.0 - z if z > 0 else _UNSEEN_COST


def _is_word(word: str) -> bool:
    """A lower-case string that stands on its own as an English word (not a
    fragment such as "ment", "tion", "ta" that wordfreq also counts)."""
    if len(word) == 1:
        return word in ("a", "i")
    if len(word) == 2:
        return word in BOUNDARY_TWO_LETTER_WORDS
    if word in BOUNDARY_FRAGMENT_SUFFIXES:
        return False
    return word in _symspell_words() or (
        len(word) >= 4 and _health_lower().get(word, 0) >= 3
    )


@cache
def _part_words() -> frozenset[str]:
    """Every lower-case string :func:`_part_cost` may accept as a word (the
    words :func:`_is_word` accepts and the health words it prices), so that
    the other substrings a segmentation tries are turned down by one lookup."""
    words = set(_symspell_words()) | set(BOUNDARY_TWO_LETTER_WORDS) | {"a", "i"}
    words.update(w for w, n in _health_lower().items() if n >= 3 and len(w) >= 4)
    return frozenset(words)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _known(word: str) -> bool:
    """The token is a word as it stands (wordfreq zipf >= 3.5, symspell, health).

    wordfreq also counts web glue ("ofthe" 3.1, "inthe" 2.6), so a lower zipf
    alone does not make a word; such tokens are scored like unknown ones.
    """
    low = word.lower()
    return (
        _zipf(low) >= 3.5
        or low in _symspell_words()
        or _health_lower().get(low, 0) >= 2
    )


# --- the survey: a cheap first look shared by both steps --------------------
#
# Most tokens of most documents are common words. The survey removes them with
# one set difference (C speed) against the tokens that need no look, and
# classifies the few left over; only their positions are scored in Python.


@cache
def _pairs() -> dict[str, tuple[tuple[str, str], ...]]:
    """Two words that rejoin_split_words would join ("doc tors", "comm on"; see
    :func:`_two_words_join`), keyed by the rarer piece: a document is checked
    only for the pairs whose rare piece it contains."""
    found: dict[str, list[tuple[str, str]]] = {}
    bigrams = _bigrams()
    for joined in _wordfreq():
        if len(joined) < 4 or not (joined.isalpha() and joined.islower()):
            continue
        if _zipf(joined) < 3.5 or not _is_word(joined):
            continue
        for k in range(2, len(joined) - 1):
            a, b = joined[:k], joined[k:]
            if not (_is_word(a) and _is_word(b)) or f"{a} {b}" in bigrams:
                continue
            if _cost(a) + _cost(b) - _cost(joined) >= 3.5:
                key = a if _zipf(a) < _zipf(b) else b
                found.setdefault(key, []).append((a, b))
    return {key: tuple(pairs) for key, pairs in found.items()}


@cache
def _safe() -> frozenset[str]:
    """Tokens the survey skips, lower-case and Capitalised: known words (never
    split) that are words on their own (never fragments) and no pair's rare piece."""
    words = set(_symspell_words())
    words.update(w for w in _wordfreq() if _zipf(w) >= 3.5)
    words.update(w for w, n in _health_lower().items() if n >= 2)
    keys = _pairs()
    safe = {w for w in words if w not in keys and _is_word(w)}  # all are _known
    safe = safe | {w[:1].upper() + w[1:] for w in safe}
    return share_known("split_glued_words", frozenset(safe - set(BOUNDARY_ARTICLE_GLUE)))


@dataclass
class _Survey:
    """The tokens of one text the boundary steps must look at."""

    text: str
    split: dict[str, list[str]] = field(default_factory=dict)
    """Letters-only cores that might be glued words -> the tokens holding them."""
    punct: list[str] = field(default_factory=list)
    """Tokens with punctuation or an e-mail address glued to a word."""
    fragments: list[str] = field(default_factory=list)
    """Tokens that are fragments ("ment") or the rare piece of a pair ("tors")."""
    pairs: list[str] = field(default_factory=list)
    """Lower-case word pairs in the text that make one word ("doc tors")."""
    hyphens: list[str] = field(default_factory=list)
    """Tokens that end in a hyphen after letters ("error-", before "correction")."""
    _rejoin_hits: list[int] | None = None
    _beside_a_word: list[int] | None = None

    @property
    def rejoin_hits(self) -> list[int]:
        """Where the ``fragments`` stand that start or end a word with a
        neighbour ("treat ment"); worked out once, and only when asked."""
        if self._rejoin_hits is None:
            self._rejoin_hits = [
                p for t in self.fragments
                if _joins_a_neighbour(self.text, t, t.strip(BOUNDARY_STRIP).lower())
                for p in _positions(self.text, t)
            ]
        return self._rejoin_hits

    @property
    def beside_a_word(self) -> list[int]:
        """Where the ``fragments`` stand as :func:`_rejoin_line` could count
        them in a join (see :func:`_may_count_in_join`); no word is looked up."""
        if self._beside_a_word is None:
            self._beside_a_word = [
                p for t in self.fragments for p in _positions(self.text, t)
                if _may_count_in_join(self.text, p, t)
            ]
        return self._beside_a_word

    def most_rejoins(self, enough: float) -> float:
        """At most how many joins that hold a fragment (the gate's evidence)
        the text has, or some number >= ``enough``: each such join holds a
        fragment that is a hit and stands beside a word it may be joined
        with. The bound without the hits is asked first (cheaper)."""
        if len(self.beside_a_word) < enough:
            return len(self.beside_a_word)
        return len(set(self.beside_a_word).intersection(self.rejoin_hits))


def _may_count_in_join(text: str, pos: int, token: str) -> bool:
    """Whether the fragment ``token`` at ``pos`` could count in a join of
    :func:`_rejoin_line`: there it joins a neighbour only across spaces, with
    no punctuation between (see :func:`_joined`: "(n = 30)" or "(b)" joins
    nothing on the side of its bracket), and a unit after a number ("5 mg",
    "2 Gy") is not a fragment there. Cheap character tests, no lookup."""
    core = token.strip(BOUNDARY_STRIP)
    before = pos
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    if 0 < before < pos and text[before - 1].isdigit():
        # A unit, if the number is in the line's window (see _windows).
        line_start = text.rfind("\n", 0, pos) + 1
        window = max(line_start, pos - 120)
        if window == line_start or 0 <= text.find(" ", window, pos) < before:
            return False
    end = pos + len(token)
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    return (
        token.startswith(core) and 0 < before < pos and text[before - 1].isalpha()
    ) or (token.endswith(core) and end < after < len(text) and text[after].isalpha())


_LAST_SURVEY: list[_Survey] = []
# Cores the survey found nothing to do about: all its tests on a core need no
# document, so the answer holds for every text (a rare word, a gene name).
_NOTHING_TO_DO: set[str] = set()
forget_with_word_caches(_NOTHING_TO_DO.clear)


def _survey(text: str) -> _Survey:
    """The survey of ``text``; the last one is kept, as both steps look at the
    same text when the first changes nothing."""
    if _LAST_SURVEY and _LAST_SURVEY[0].text == text:
        return _LAST_SURVEY[0]
    survey = _Survey(text)
    safe = _safe()
    tokens = shared_tokens(text).distinct
    left = unknown(text, safe)
    if left:
        cores = set(map(str.strip, left, repeat(BOUNDARY_STRIP))).difference(safe)
        cores.difference_update(_NOTHING_TO_DO)
        if cores:
            _classify(survey, tokens, left, cores)
    _LAST_SURVEY[:] = [survey]
    return survey


def _classify(
    survey: _Survey, every: frozenset[str], tokens: frozenset[str], cores: set[str]
) -> None:
    """Sort the cores no dictionary skips into the steps' candidates (``every``:
    all tokens of the text, ``tokens``: those the dictionaries did not skip)."""
    keys = _pairs()
    forms = _pair_forms()
    punct, split, rejoin, pieces, hyphens = [], [], [], [], []
    if len(_NOTHING_TO_DO) + len(_LOOKS) > 4 * WORD_CACHE_SIZE:
        _NOTHING_TO_DO.clear()
        _LOOKS.clear()
    for core in cores:
        look = _LOOKS.get(core)
        if look is None:
            look = _look(core)
            if look is _NO_LOOK:
                _NOTHING_TO_DO.add(core)
                continue
            _LOOKS[core] = look
        kind, apart, key = look
        if kind == _HYPHEN:
            hyphens.append(core)  # whether a word follows depends on the text
            continue
        if kind == _PUNCT:
            punct.append(core)
            continue
        if kind & _SPLIT:
            split.append(core)
        elif apart and _written_apart(survey.text, apart):
            split.append(core)  # whether it is written apart depends on the text
        if kind & _REJOIN:
            rejoin.append(core)
        elif key and not every.isdisjoint(forms[key]):
            pieces.append(key)
    if not (punct or split or rejoin or pieces or hyphens):
        return
    wanted = set(split).union(hyphens, rejoin)
    by_core: dict[str, list[str]] = {core: [] for core in wanted}
    for token in tokens:
        core = token.strip(BOUNDARY_STRIP)
        if core in wanted:
            by_core[core].append(token)
    survey.punct = [t for core in punct for t in tokens if core in t]
    survey.split = {core: by_core[core] for core in split}
    survey.hyphens = [t for core in hyphens for t in by_core[core] if t == core]
    survey.fragments = [t for core in rejoin for t in by_core[core]]
    if pieces:
        lower = survey.text.lower()
        survey.pairs = [f"{a} {b}" for low in pieces for a, b in keys[low] if f"{a} {b}" in lower]


# What the survey is to do about a core (see _look): kinds, as bits.
_HYPHEN, _PUNCT, _SPLIT, _REJOIN = 1, 2, 4, 8
_NO_LOOK = (0, "", "")
# Cores with something to do -> their _look: the document-free part of what
# _classify asks of a core, worked out once per core.
_LOOKS: dict[str, tuple[int, str, str]] = {}
forget_with_word_caches(_LOOKS.clear)


def _look(core: str) -> tuple[int, str, str]:
    """What the survey is to do about ``core`` in any text, as the kinds (a
    hyphen that ends a word, glued punctuation, a glued word, a fragment
    that may be rejoined), the words :func:`_apart` writes it as (split if
    the text writes them), and the pair key it is (see :func:`_pairs`; a
    piece if the text has the pair's other piece); :data:`_NO_LOOK` if none."""
    if not core.isalpha():
        word = core[:-1]
        if core.endswith("-") and word.isalpha() and (word.islower() or word.istitle()):
            return (_HYPHEN, "", "")
        if "@" in core or (_may_glue_punct(core) and BOUNDARY_PUNCT_GATE.search(core)):
            return (_PUNCT, "", "")
        return _NO_LOOK
    low = core.lower()
    kind = 0
    apart = ""
    if _could_split(core):
        kind |= _SPLIT
    else:
        apart = _apart(core)
    key = ""
    if _fragment(core):
        if _piece(low):
            kind |= _REJOIN
    elif low in _pairs():
        key = low
    if not (kind or apart or key):
        return _NO_LOOK
    return (kind, apart, key)


# Marks no alternative of BOUNDARY_PUNCT_GATE holds ("non-contact", "CDC’s", "4–6").
_INERT_MARKS = str.maketrans("", "", "-/'’—–")
_GATE_MARKS = frozenset("(),:.0123456789")
_ASCII_LETTERS = frozenset(string.ascii_letters)


def _may_glue_punct(core: str) -> bool:
    """A cheap pre-test for ``BOUNDARY_PUNCT_GATE.search(core)``: each of its
    alternatives holds a letter and a bracket, comma, colon, period, opening
    quote or digit, so a token of letters and hyphens, slashes, apostrophes
    or dashes only ("free-living", "CDC’s"), or one with no letter ("36-48"),
    has nothing it could find."""
    if core.isascii():
        return not (_GATE_MARKS.isdisjoint(core) or _ASCII_LETTERS.isdisjoint(core))
    rest = core.translate(_INERT_MARKS)
    return not (rest.isalpha() or (rest.isascii() and _ASCII_LETTERS.isdisjoint(rest)))


@cache
def _pair_forms() -> dict[str, frozenset[str]]:
    """Each pair key (see :func:`_pairs`) -> the tokens that show the other
    piece of one of its pairs: the piece, Capitalised or before a comma or
    period (one set test on the text's tokens)."""
    forms = {}
    for low, pairs in _pairs().items():
        others = [b if a == low else a for a, b in pairs]
        forms[low] = frozenset(
            form for o in others for form in (o, o + ",", o + ".", o[:1].upper() + o[1:])
        )
    return forms


@cache
def _join_words(rare: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The lower-case words a join may make (see :func:`_joined`), sorted, and
    the same words reversed and sorted (to look up endings); with ``rare``
    also the rare ones a long fragment may make (see :func:`_rare_join`)."""
    health = _health_lower()
    if rare:  # the common ones (sorted runs: sorting the union is cheap) and more
        starts, ends = _join_words()
        extra = {w for w in _symspell_words() if len(w) >= 6}
        extra |= {w for w, n in health.items() if n >= 2 and len(w) >= 6}
        extra.difference_update(starts)
        more = [w for w in extra if _is_word(w)]
        return (
            tuple(sorted(starts + tuple(sorted(more)))),
            tuple(sorted(ends + tuple(sorted(w[::-1] for w in more)))),
        )
    common = {w for w in _wordfreq() if _zipf(w) >= 3.0}
    words = common | {w for w, n in health.items() if n >= 3}
    ok = [w for w in words if len(w) >= 3 and _is_word(w)]
    return tuple(sorted(ok)), tuple(sorted(w[::-1] for w in ok))


def _rare_join(word: str) -> bool:
    """A rare word of 6+ letters a join may make when a piece is a long
    fragment ("defecati on", "fl ukes"): symspellpy knows it or the health
    corpus has it twice. Two non-words that make a dictionary word are
    better evidence than the word's frequency."""
    return len(word) >= 6 and (word in _symspell_words() or _health_lower().get(word, 0) >= 2)


def _starts_word(piece: str, words: tuple[str, ...]) -> bool:
    i = bisect_left(words, piece)
    return i < len(words) and words[i].startswith(piece)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _piece(fragment: str) -> bool:
    """Whether a lower-case fragment starts or ends a word a join may make."""
    starts, ends = _join_words(rare=True)
    return _starts_word(fragment, starts) or _starts_word(fragment[::-1], ends)


def _joins_a_neighbour(text: str, token: str, fragment: str) -> bool:
    """Whether a fragment and a neighbour start or end a word a join may make
    ("treat ment", "Abst rac t"); long rare words next to common ones do not."""
    starts, ends = _join_words(rare=True)
    for pos in _positions(text, token):
        end = pos + len(token)
        before = BOUNDARY_PREV_LETTERS.search(text, max(0, pos - 40), pos)
        after = BOUNDARY_NEXT_LETTERS.match(text, end)
        for piece in (
            before[1].lower() + fragment if before else "",
            fragment + after[1].lower() if after else "",
        ):
            if piece and (_starts_word(piece, starts) or _starts_word(piece[::-1], ends)):
                return True
    return False


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _apart(word: str) -> str:
    """``word`` segmented into words of three letters or more (or acronyms),
    joined by spaces ("Latin America", "Addison disease"), or "" if it cannot be."""
    if len(word) < 6 or word.isupper() or _known(word):
        return ""
    found = _segment(word, _EVERYTHING)
    if found is None or len(found[1]) < 2:
        return ""
    if any(len(p) < 3 and not p.isupper() for p in found[1]):
        return ""
    return " ".join(found[1])


def _written_apart(text: str, phrase: str) -> bool:
    """Whether ``phrase`` stands in ``text`` between non-letters."""
    if not phrase:
        return False
    pos = text.find(phrase)
    while pos >= 0:
        end = pos + len(phrase)
        if (pos == 0 or not text[pos - 1].isalpha()) and (
            end == len(text) or not text[end].isalpha()
        ):
            return True
        pos = text.find(phrase, pos + 1)
    return False


def _positions(text: str, token: str) -> list[int]:
    """Where ``token`` stands in ``text`` as a whole whitespace-separated token."""
    found = []
    pos = text.find(token)
    while pos >= 0:
        end = pos + len(token)
        if (pos == 0 or text[pos - 1].isspace()) and (end == len(text) or text[end].isspace()):
            found.append(pos)
        pos = text.find(token, pos + 1)
    return found


class _Everything:
    """A container that holds every word (the permissive document of
    :func:`_could_split`)."""

    def __contains__(self, item: object) -> bool:
        return True


_EVERYTHING = _Everything()
_ANYWHERE = _Everything()  # the same, but not cached by _segment


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _could_split(word: str) -> bool:
    """A pre-test that needs no document: whether :func:`_best_split` could
    split ``word`` in some document. A word with fewer than two capitals has no
    acronym part, so the document can only add evidence (a part written
    elsewhere): the split with every piece of evidence is the test. Otherwise
    a segmentation into 2+ words when any acronym counts as known."""
    if word in BOUNDARY_ARTICLE_GLUE:
        return True
    if len(word) < 3 or _known(word):
        return False
    if sum(map(str.isupper, word)) < 2:
        return _best_split(word, _EVERYTHING) is not None
    if _camel_name(word) or word.isupper():
        return False
    found = _segment(word, _EVERYTHING)
    return found is not None and len(found[1]) >= 2


# --- split_glued_words ----------------------------------------------------


def _load() -> None:
    """Build the tables both steps read (for :func:`textrepair.load`: batch
    workers build them once before they fork, not at their first damaged page)."""
    _safe()
    _pair_forms()
    _part_words()
    _bigrams()
    _join_words()
    _join_words(rare=True)


@normaliser(
    order=60, dictionaries=("health_words", "health_bigrams"), load=_load, english_only=True
)
def split_glued_words(text: str, ctx: StepContext) -> list[Edit]:
    """Split words glued together: "patientsare" -> "patients are",
    "analyzedDNAfrom" -> "analyzed DNA from", "Related:11" -> "Related: 11",
    "tocommunity@livescience.comwith" -> "to community@livescience.com with".

    The damage: a scraper that strips link markup, or a PDF extractor that loses
    the spacing, drops the spaces around a span of words. Only tokens of letters
    that no dictionary knows are candidates (a set difference), and only those a
    cached, document-free test says could be split; each is split at the
    cheapest segmentation into words of wordfreq/symspellpy/the health corpus
    (case-aware: a part is lower-case, Capitalised or a known acronym). The
    false positive is a rare word or name made of words ("Tiangong",
    "twelvefold", "nonevaluable", "cornealis", "langerin"). The guards: every
    part is a real word (not "ing", "sri"), a split needs evidence (a known
    bigram, a function word, a case change, a part written whole elsewhere in
    the document, or two long common words), a token that recurs as it is is
    split only on strong evidence, prefixed words ("non", "over", "anti"),
    Latin and protein endings ("-alis", "-in") and compound tails ("-fold") are
    left alone, a Capitalised token must start with a function word or a very
    common word, and tokens with digits, hyphens, apostrophes, "@", "/", "#"
    or camel case (IGF-1, GLP-1, iPhone, McDonald, PubMed) are never split.
    Three kinds of evidence decide alone: a function word glued to "a"/"an"
    ("isa", "fora"; lower-case only, "Isa" may be a name), a function word
    before a capital ("ofBabesia", "aLouisiana"), and the same words written
    apart elsewhere in the document ("LatinAmerica" where "Latin America"
    stands). Two very common words ("newvector") are split when no dictionary
    knows the whole; "twinship", "liveborn", "peroral" and "canis" are guarded.
    Punctuation glued to a word is spaced by rule: "sclerosis(ALS)",
    "Related:11", "pattern,which", "(2002)are", "treatments,“Dr",
    "Neumann,2003", "R.S.Michalski", "15That", "0.76umcp" (not units: "2.5mcg").
    A token whose ending many words share is a suffix, not a glued word
    ("expressor": aggressor, suppressor), and a token that ends a hyphenated
    compound elsewhere in the document ("double-expressor") recurs. Once
    the gate is open, a rare word the document writes alone elsewhere is
    split from a function word or a common word glued to it ("monoidwith"
    where "monoid" stands, "thenevus"; see :func:`_doc_part_edits`), and "is
    a" is never split off after an article ("the isa hierarchy"). Last, still
    only with the gate open, a lower-case token no rule split is read by a
    bigram model of English mixed with the document's own word counts, the
    words on both sides as context: it is split if the model finds 2-4 words
    ``boundary_lm_margin`` (log10) likelier than the token as it stands
    ("bloodpressure", "theaorta" where "aorta" stands), or if it prefers
    them at all and both of two parts stand alone elsewhere in the page
    (see :func:`_lm_edits`).

    The document gate: clean text has a stray glued word now and then (a typo,
    "failureor"), a page that lost its link markup has one every few lines.
    Neither step makes an edit unless the document shows
    ``boundary_doc_min_repairs`` repairs of either kind, and
    ``boundary_doc_min_rate`` per 100 words: a split counts 1 (a half if only
    word costs back it: a function word, two common words), a rejoin of a
    fragment 1; punctuation rules ("glands,the") count nothing, as a missing
    space after a comma is a common typo. Both knobs 0 turn the gate off, for
    text known to be damaged. Technical text coins closed compounds of bare
    content words ("useradd", "metapackage", "hotplug", "chromedriver"):
    a split of that shape with nothing but its parts to back it (no known
    bigram, not written apart) counts at most as much as the document's
    other evidence (see :func:`_compound_shaped`), a plural counts with its
    singular ("manpage", "manpages"), and tokens in code (see
    :mod:`textrepair.verbatim`) or in quotes of their own (a mention:
    '"analyzedDNAfrom" is glue') are left alone and count nothing.

    >>> from textrepair import Config
    >>> from textrepair.changes import apply_edits
    >>> t = "Patients analyzedDNAfrom saliva have low levels of it."
    >>> split_glued_words(t, StepContext(Config(), "split_glued_words"))  # one glued token
    []
    >>> damaged = Config(boundary_doc_min_repairs=0, boundary_doc_min_rate=0)
    >>> ctx = StepContext(damaged, "split_glued_words")
    >>> apply_edits(t, split_glued_words(t, ctx))
    'Patients analyzed DNA from saliva have low levels of it.'
    >>> t = "Patients analyzedDNAfrom saliva havelow levelsof it."
    >>> apply_edits(t, split_glued_words(t, StepContext(Config(), "split_glued_words")))
    'Patients analyzed DNA from saliva have low levels of it.'
    >>> split_glued_words("IGF-1, GLP-1, iPhone, McDonald and Tiangong stay.", ctx)
    []
    """
    survey = _survey(text)
    if not (survey.split or survey.punct):
        # Nothing to open the gate with; with the gate off, only the splits
        # on the document's own words may be left to make.
        gate_on = ctx.config.boundary_doc_min_repairs or ctx.config.boundary_doc_min_rate
        if gate_on:
            return []
        words = _doc_part_edits(text, ctx)
        return sorted(words + _lm_edits(text, ctx, words), key=lambda e: e.start)
    if _gate_closed_early(text, survey, ctx):
        return []
    words, score = _split_plan(text, survey, ctx)
    if not _gate_open(text, survey, ctx, split_score=score):
        if words:
            ctx.count("below_gate", len(words))
        return []
    # Each token with the whitespace after it ("Related:11 " needs it).
    spans = [(p, p + len(t) + 1) for t in survey.punct for p in _positions(text, t)]
    words = words + _doc_part_edits(text, ctx, skip=survey.split)  # not the cached list
    edits = _punct_edits(text, spans) + _email_edits(text, spans) + words
    edits += _lm_edits(text, ctx, edits)
    edits = _drop_overlaps(sorted(edits, key=lambda e: (e.start, e.end)))
    _OPENED[:] = [(apply_edits(text, edits), ctx.config)]  # what rejoin_split_words will see
    return edits


# --- the document gate, shared by both steps --------------------------------
#
# A page that lost its link markup, or PDF text, has broken word boundaries
# every few lines; a clean page has a stray typo now and then ("failureor",
# "post partum"). The evidence is counted over both kinds of damage: a split
# counts 1 (a half if nothing but word costs backs it: a function word, two
# common words), a join that holds a fragment 1; punctuation ("glands,the"),
# hyphens and joins of two words count nothing (common typos or weak).

# The text split_glued_words returned after its gate opened, and the Config:
# rejoin_split_words on that text (the next step) needs no second look.
_OPENED: list[tuple[str, Config]] = []
_LAST_SPLIT_PLAN: list[tuple[str, list[Edit], float]] = []


def _gate_settled(text: str, config: Config) -> bool:
    """Whether the gate needs no look: it is off, or split_glued_words opened
    it on this very text (``_OPENED``)."""
    off = not (config.boundary_doc_min_repairs or config.boundary_doc_min_rate)
    return off or bool(_OPENED and _OPENED[0] == (text, config))


def _gate(text: str, config: Config) -> float:
    """The evidence the gate asks of ``text`` (0: the gate is off)."""
    if not (config.boundary_doc_min_repairs or config.boundary_doc_min_rate):
        return 0.0
    words = shared_tokens(text).words
    return max(config.boundary_doc_min_repairs, config.boundary_doc_min_rate * words / 100)


def _gate_closed_early(text: str, survey: _Survey, ctx: StepContext) -> bool:
    """Whether the gate is closed before any scoring: every glued token and
    every fragment could count at most 1, and there are too few of them (the
    usual answer on clean text, at the cost of a few ``str.count``)."""
    if _gate_settled(text, ctx.config):
        return False
    needed = _gate(text, ctx.config)
    most = sum(text.count(t) for tokens in survey.split.values() for t in tokens)
    if most + survey.most_rejoins(needed - most) < needed:
        ctx.count("closed_gate")
        return True
    return False


def _gate_open(
    text: str,
    survey: _Survey,
    ctx: StepContext,
    split_score: float | None = None,
    rejoin_score: float | None = None,
) -> bool:
    """Whether the document shows enough boundary damage (see the comment
    above and ``Config.boundary_doc_min_repairs``); the score of the kind the
    calling step has already computed is passed in, the other is computed
    here only when needed, with a throwaway context (its statistics are not
    this step's)."""
    if _gate_settled(text, ctx.config):
        return True
    needed = _gate(text, ctx.config)
    if split_score is not None and split_score + survey.most_rejoins(needed - split_score) < needed:
        ctx.count("closed_gate")  # no need to plan the joins
        return False
    other = StepContext(ctx.config, "")
    score = 0.0
    for given, plan in ((split_score, _split_plan), (rejoin_score, _rejoin_plan)):
        if given is None:
            given = plan(text, survey, other)[1]
        score += given
        if score >= needed:
            return True
    ctx.count("closed_gate")
    return False


def _split_plan(text: str, survey: _Survey, ctx: StepContext) -> tuple[list[Edit], float]:
    """The splits of glued words in ``text`` and their gate evidence (the
    answer for the last text is kept: both steps may ask)."""
    if _LAST_SPLIT_PLAN and _LAST_SPLIT_PLAN[0][0] == text:
        return _LAST_SPLIT_PLAN[0][1], _LAST_SPLIT_PLAN[0][2]
    edits, score = _word_edits(text, survey, ctx)
    _LAST_SPLIT_PLAN[:] = [(text, edits, score)]
    return edits, score


def _punct_edits(text: str, spans: list[tuple[int, int]]) -> list[Edit]:
    edits = []
    for start, end in spans:
        for m in BOUNDARY_PUNCT_GLUE.finditer(text, start, end):
            if _in_address(text, m.start()):
                continue
            rule = m.lastgroup or "punct"
            if rule == "open_paren" and not _known(m["before"]):
                continue
            if rule == "close_paren":
                after = BOUNDARY_FIRST_LETTERS.match(text, m.end())
                inner = text[text.rfind("(", 0, m.end()) + 1 : m.end() - 1]
                if after is None or not _is_word(after[0]) or _known(inner + after[0]):
                    continue  # "(MU)scle", "(LI)ver": an acronym spelled out, not glue
            if rule == "digit_word" and _zipf(BOUNDARY_LETTERS.match(text, m.end())[0]) < 4.0:
                continue  # "15That", not "3Dimensional"
            if rule == "decimal_word":
                letters = BOUNDARY_LETTERS.match(text, m.end())[0].lower()
                if letters in BOUNDARY_UNITS or letters.startswith(("fold", "time", "dose")):
                    continue  # "2.5mcg": a unit
            edits.append(Edit(m.end(), m.end(), " ", f"split: {rule}"))
        for m in BOUNDARY_QUOTE_GLUE.finditer(text, start, end):
            line_start = text.rfind("\n", 0, m.start()) + 1
            before = text[line_start : m.start()]
            opened = before.count('"') % 2 == 1 or before.count("“") > before.count("”")
            if opened:  # an open quote before it: this one closes
                edits.append(Edit(m.start(1), m.end(1), "” ", "split: closing quote glued"))
    return edits


def _in_address(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a URL, e-mail address or domain name."""
    start = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1
    end = min(x for x in (text.find(" ", pos), text.find("\n", pos), len(text)) if x >= 0)
    token = text[start:end]
    return "@" in token or "://" in token or "www." in token or ".com" in token


def _email_edits(text: str, spans: list[tuple[int, int]]) -> list[Edit]:
    edits = []
    for start, end in spans:
        if "@" not in text[start:end]:
            continue
        for m in BOUNDARY_EMAIL_GLUE.finditer(text, start, end):
            if m["lead"] and _is_word(m["local"].lower()):
                edits.append(
                    Edit(m.start("local"), m.start("local"), " ", "split: word glued to e-mail")
                )
            if m["tail"] and _zipf(m["tail"]) >= 5.0:
                edits.append(
                    Edit(m.start("tail"), m.start("tail"), " ", "split: word glued to e-mail")
                )
    return edits


def _word_edits(text: str, survey: _Survey, ctx: StepContext) -> tuple[list[Edit], float]:
    """The splits of glued words, and their gate evidence: 1 a glued form split
    on evidence (see :class:`_Split`), a half one split on word costs alone;
    each form counts once however often it stands."""
    found: list[tuple[int, int, int, str]] = []  # token start, token end, core start, core
    for core, tokens in survey.split.items():
        for token in tokens:
            m = BOUNDARY_CANDIDATE.fullmatch(token)
            if m is None or m[1] != core:
                continue
            found += [(p, p + len(token), p + m.start(1), core) for p in _positions(text, token)]
    if not found:
        return [], 0.0
    counts = Counter(core for *_, core in found)
    doc_words = set(map(str.lower, map(str.strip, set(text.split()), repeat(BOUNDARY_STRIP))))
    edits = []
    weights: dict[str, float] = {}
    compounds: dict[str, float] = {}  # splits of the shape of a closed compound
    code = code_spans(text)
    for start, end, pos, word in sorted(found):
        if code and touches(code, start, end):
            ctx.count("left_in_code")  # the pipeline keeps code as it is: no evidence
            continue
        if _next_to_fragment(text, start, end):
            ctx.count("next_to_fragment_left_alone")  # "considerat ion": a join, not a split
            continue
        split = _best_split(word, doc_words, text)
        if split is None:
            ctx.count("unsure_left_alone")
            continue
        if word in BOUNDARY_ARTICLE_GLUE and _after_determiner(text, start):
            ctx.count("after_determiner_left_alone")  # "the isa hierarchy": a term
            continue
        if (counts[word] > 1 or _recurs_within(text, word)) and not _strong(
            split.parts
        ):
            ctx.count("recurring_left_alone")  # a token that recurs as it is: a name
            continue
        if _quoted(text, start, end):
            ctx.count("quoted_left_alone")  # '"analyzedDNAfrom" is glue': a mention
            continue
        # Each glued form counts once, a plural with its singular ("manpage",
        # "manpages"): a form the document repeats is one piece of evidence
        # (and, if it is a term, one mistake, not five).
        weight = 1.0 if split.evidence else 0.5
        form = _form(word)
        if split.evidence < 2 and not split.bigram and _compound_shaped(word, split.parts):
            compounds[form] = max(compounds.get(form, 0.0), weight)
        else:
            weights[form] = max(weights.get(form, 0.0), weight)
        for part in split.parts[:-1]:
            pos += len(part)
            edits.append(Edit(pos, pos, " ", split.reason))
    # Splits of the shape of a closed compound with nothing but their parts
    # to back them ("useradd", "metapackage", "hotplug": no known bigram, no
    # words written apart) are what technical text coins at will: they back
    # the other evidence up, but weigh no more than it does.
    glue = sum(weights.values())
    shaped = sum(v for k, v in compounds.items() if k not in weights)
    return edits, glue + min(glue, shaped)


# An opening quote and the quote that closes it.
_QUOTE_PAIRS = {'"': '"', "“": "”", "‘": "’", "'": "'", "`": "`"}


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether the token ``text[start:end]`` stands in quotes of its own
    ('"analyzedDNAfrom"', "'securemodelines'", "“thevoluntary”", with
    punctuation around them): a word mentioned, not used, as an example of
    damage, a command or a name is. Link stripping glues words where they
    are used; it does not quote them."""
    token = text[start:end].lstrip("([").rstrip(".,;:!?)]")
    if len(token) < 3:
        return False
    close = _QUOTE_PAIRS.get(token[0])
    return close is not None and token[-1] == close and token[1:-1].strip(BOUNDARY_STRIP) != ""


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _bare_form(part: str) -> bool:
    """Whether ``part`` is no inflection of a word the dictionaries know:
    "user", "meta", "class" (not "patients", "stages", "analyzed", "levels")."""
    stems = [part[:-3] + "y", part[:-3], part[:-3] + "e"] if part.endswith(("ies", "ing")) else []
    if part.endswith("s") and not part.endswith("ss"):
        stems += [part[:-1], part[:-2]]
    if part.endswith("ed"):
        stems += [part[:-1], part[:-2], part[:-3]]
    if part.endswith("ly"):
        stems += [part[:-2]]
    return not any(len(s) >= 3 and _known(s) for s in stems)


# The particle of a verb-particle compound ("swapoff", "dialout", "setup").
_PARTICLES = frozenset("up down out off on over back".split())


def _compound_shaped(word: str, parts: list[str]) -> bool:
    """Whether the split of ``word`` into ``parts`` has the shape of a closed
    compound rather than of words that lost the space between them: no case
    change inside ("journalNeurology"), no function word ("patientsare",
    "thevoluntary") but a particle after a bare verb ("swapoff", "dialout"),
    and no part before the last inflected ("analyzedDNAfrom",
    "stagestreatment"; the first word of an English compound is bare:
    "useradd", "metapackage", "chromedriver", "hotplug"). Glue of two bare
    content words exists ("bloodpressure"), but it is also what technical
    text writes on purpose, so alone it does not open the document gate
    (see :func:`_word_edits`)."""
    if len(parts) < 2 or not word[1:].islower():
        return False
    low = [p.lower() for p in parts]
    if len(low) == 2 and low[1] in _PARTICLES and low[0] not in BOUNDARY_SPLIT_FUNCTION_WORDS:
        return _bare_form(low[0])  # "swapoff", "dialout", "setup": a verb and its particle
    if any(p in BOUNDARY_SPLIT_FUNCTION_WORDS for p in low):
        return False
    return all(_bare_form(p) for p in low[:-1])


def _form(word: str) -> str:
    """The glued form ``word`` stands for, up to a plural ending ("manpages"
    and "manpage" are one form, "metaclasses" and "metaclass" too)."""
    low = word.lower()
    if low.endswith("ies"):
        return low[:-3] + "y"
    if low.endswith(("sses", "xes", "ches", "shes")):
        return low[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return low[:-1]
    return low


def _after_determiner(text: str, start: int) -> bool:
    """Whether the token at ``start`` follows an article or a possessive
    ("the isa hierarchy"), where "is", "in", "for"... cannot stand."""
    before = BOUNDARY_LAST_WORD.search(text, max(0, start - 40), start)
    return before is not None and before[1].lower() in BOUNDARY_DETERMINERS


def _doc_part_edits(text: str, ctx: StepContext, skip: Container[str] = ()) -> list[Edit]:
    """Splits of a word no dictionary knows (or a rare one) glued to a
    function word or a common word, where the document writes the word alone
    elsewhere: "monoidwith" where "monoid" stands, "thenevus" where "nevus"
    stands. The document's own words are the evidence the dictionaries lack.

    Only once the gate is open (these splits do not count for it: counting
    them changed no result on our damage, as the gate's first look closes
    before them), so clean text never pays for the loop; ``skip``: the
    ordinary split's candidates. The false positive is a rare word that ends
    or starts in a function word and whose remainder is also a word of the
    document ("shelterin" where "shelter" stands); the guards: no short
    function words that also end Latin and chemical names ("in", "is", "or",
    "a"), the remainder has 5+ letters, is rare (:func:`_rare_part`; a
    common remainder is the ordinary split's business), is not two words
    itself (the document's "inthe" is glue, not a word: "withinthe") nor the
    piece of a longer word ("lanoma" of "me lanoma"), no other word the
    dictionaries know ends (or starts) the same way, the common word has 5+
    letters, the token is no token the ordinary split could take, no prefixed
    word nor a plural of a known one, and the glued form stands once.
    """
    found = shared_tokens(text).distinct.difference(_safe())
    if not found:
        return []
    doc_words: frozenset[str] | None = None
    edits = []
    for token in found:
        m = BOUNDARY_CANDIDATE.fullmatch(token)
        if m is None or m[1] in skip:
            continue
        shapes = _doc_part_shapes(m[1])
        if not shapes:
            continue
        if doc_words is None:
            doc_words = _lower_words(text)
        shape = next((s for s in shapes if s[0] in doc_words), None)
        if shape is None or text.count(m[1]) > 1:
            continue
        rest, cut = shape
        where = [p for p in _positions(text, token) if not _quoted(text, p, p + len(token))]
        if not where:
            continue
        ctx.count("doc_part_split")
        reason = f"split: {m[1][:cut]}+{m[1][cut:]}, {rest!r} stands alone elsewhere in document"
        edits += [Edit(p + m.start(1) + cut, p + m.start(1) + cut, " ", reason) for p in where]
    return edits


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _doc_part_shapes(core: str) -> tuple[tuple[str, int], ...]:
    """The remainders (lower-case) and cuts if ``core`` is a word no
    dictionary knows glued to a function word or a common word (see
    :func:`_doc_part_edits`); the document decides which remainder stands."""
    if len(core) < 7 or not core.isalpha() or _known(core):
        return ()
    low = core.lower()
    if not (core.islower() or core[0].isupper() and core[1:].islower()):
        return ()
    if _prefixed(low) or _inflected(low) or _could_split(core):
        return ()  # a split into known words is the ordinary split's business
    # The remainder may be glue itself ("inthe", "gammaheavy") or a piece of
    # a word broken by a stray space ("lanoma" of "me lanoma").
    return tuple(
        s for s in _doc_part_cuts(low) if not _could_split(s[0]) and not _part_of_a_word(s[0])
    )


def _part_of_a_word(piece: str) -> bool:
    """Whether another word a join may make starts or ends with ``piece``."""
    starts, ends = _join_words(rare=True)
    for words, key in ((starts, piece), (ends, piece[::-1])):
        i = bisect_left(words, key)
        while i < len(words) and words[i].startswith(key):
            if words[i] != key:
                return True
            i += 1
    return False


def _doc_part_cuts(low: str) -> list[tuple[str, int]]:
    """The cuts of :func:`_doc_part_shapes`, in a fixed order."""
    cuts = []
    for k in range(2, len(low) - 1):
        head, tail = low[:k], low[k:]
        # The document's word: one no dictionary knows, or a rare one the
        # ordinary split does not take as a part ("hydatid", zipf < 2).
        if _rare_part(head) and len(head) >= 5 and _doc_part_word(tail):
            if _word_ending(low, len(tail) + 4) == 0:
                cuts.append((head, k))  # then a function word or a common word
        elif _rare_part(tail) and len(tail) >= 5 and _doc_part_word(head, first=True):
            if not _starts_word(low[: k + 4], _join_words()[0]):  # no word starts so
                cuts.append((tail, k))
    return cuts


def _rare_part(word: str) -> bool:
    """A word no dictionary knows, or one wordfreq barely knows (zipf < 2,
    under one in ten million words: drug and disease names the health table
    lists, "nevus", "pertuzumab"), which the ordinary split seldom takes."""
    return not _known(word) or _zipf(word) < 2.0


def _doc_part_word(word: str, first: bool = False) -> bool:
    """A word that may be glued to one the document writes alone: a listed
    function word, or a common word of 5+ letters."""
    listed = BOUNDARY_DOC_PART_BEFORE if first else BOUNDARY_DOC_PART_AFTER
    if word in listed:
        return True
    return (
        len(word) >= 5 and word not in BOUNDARY_SPLIT_FUNCTION_WORDS
        and _zipf(word) >= 4.0 and _is_word(word)
    )


# --- the bigram model: the split of last resort, once the gate is open -------
#
# A lower-case token no dictionary knows that the rules above leave alone
# ("widespreadreddening", "provedkey", "beatsrandom") is split when a bigram
# model of English, with the words on both sides, finds the split far likelier
# than the token as it stands. Only once the gate is open (or with it off):
# the document has already shown that it lost its word boundaries.

_BACKOFF = math.log10(0.4)
# The share of the document's own words in the model's word frequencies (a
# cache model): a word the document uses elsewhere is likelier here than
# English at large says ("aorta" in a page about the heart).
_DOC_SHARE = 0.1


class _BigramModel:
    """log10 probabilities of word sequences: symspellpy's count of a pair
    over its count of the first word, else a stupid backoff (0.4) to the
    word's own frequency, which mixes wordfreq's (with the health corpus and
    :data:`_UNSEEN_COST`, as in :func:`_cost`) and the document's (``counts``
    of its lower-case words, less the token being read)."""

    def __init__(self, counts: Counter[str], token: str) -> None:
        self.counts = counts
        self.total = max(1, sum(counts.values()))
        self.token = token

    def unigram(self, word: str) -> float:
        share = max(0, self.counts.get(word, 0) - (word == self.token)) / self.total
        return math.log10((1 - _DOC_SHARE) * 10 ** -_cost(word) + _DOC_SHARE * share)

    def next(self, prev: str, word: str) -> float:
        if prev:
            pair = _bigram_counts().get(f"{prev} {word}")
            count = _unigram_counts().get(prev)
            if pair and count:
                return math.log10(min(1.0, pair / count))
            return _BACKOFF + self.unigram(word)
        return self.unigram(word)

    def line(self, words: list[str], before: str, after: str) -> float:
        """``words`` between the neighbours ``before`` and ``after`` ("" where
        punctuation or a line end cuts the context)."""
        total, prev = 0.0, before
        for word in words:
            total += self.next(prev, word)
            prev = word
        return total + (self.next(prev, after) if after else 0.0)

    def segment(self, core: str, before: str, after: str) -> list[str] | None:
        """The likeliest reading of the lower-case ``core`` as 2-4 words
        (Viterbi: the state is the last word), each a word of the
        dictionaries (:func:`_is_word`; one or two letters: a function word)."""
        n = len(core)
        # states[end]: the last word of a reading of core[:end] -> its score and words
        states: list[dict[str, tuple[float, list[str]]]] = [{} for _ in range(n + 1)]
        states[0][before] = (0.0, [])
        for start in range(n):
            for last, (score, parts) in states[start].items():
                if len(parts) >= 4:
                    continue
                for end in range(start + 1, min(n, start + 20) + 1):
                    part = core[start:end]
                    if part not in _part_words() or not _lm_word(part):
                        continue
                    total = score + self.next(last, part)
                    known = states[end].get(part)
                    if known is None or total > known[0]:
                        states[end][part] = (total, parts + [part])
        done = [
            (score + (self.next(last, after) if after else 0.0), parts)
            for last, (score, parts) in states[n].items() if len(parts) >= 2
        ]
        return max(done)[1] if done else None


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _lm_word(part: str) -> bool:
    if len(part) < 3:
        return part in BOUNDARY_SPLIT_FUNCTION_WORDS
    return _is_word(part)


def _merge_known(parts: list[str], model: _BigramModel) -> list[str]:
    """A run of 2-3 neighbouring parts that makes a word the dictionaries know
    (5+ letters) and that the model's word frequencies alone find likelier
    than its pieces is one word: the bigram model prefers "waste water" to
    "wastewater" and "to get her" to "together"; not "for age" (forage)."""
    parts = list(parts)
    k = 0
    while k < len(parts) - 1:
        for size in (3, 2):
            run = parts[k : k + size]
            joined = "".join(run)
            if len(run) == size and len(joined) >= 5 and _known(joined) and (
                model.unigram(joined) >= sum(map(model.unigram, run))
            ):
                parts[k : k + size] = [joined]
                k = -1
                break
        k += 1
    return parts


def _lm_guarded(core: str, parts: list[str]) -> bool:
    """The word classes the rules above keep whole, and the model cannot tell
    from glue: prefixed words ("nonhormone", "overdetection"), compound tails
    ("winglike"), inflections of known words, Greek and Latin prefixes ("a",
    "in", "un"), suffixes many words share ("expressor"), Latin endings
    after -al/-ar ("terminalis", "follicularis")."""
    if _prefixed(core) or _inflected(core):
        return True
    if parts[0] in BOUNDARY_PREFIXES and parts[1] not in BOUNDARY_SPLIT_FUNCTION_WORDS:
        return True
    if parts[-1] in BOUNDARY_COMPOUND_TAILS or parts[0] in ("a", "in", "un"):
        return True
    if len(parts[-1]) <= 3 and _word_ending(core, len(parts[-1]) + 4) >= 3:
        return True
    return parts[-1] in BOUNDARY_TRAILING_SHORT and parts[-2].endswith(("al", "ar"))


def _lm_edits(text: str, ctx: StepContext, taken: list[Edit]) -> list[Edit]:
    """Splits of lower-case tokens no dictionary knows that the bigram model
    (:class:`_BigramModel`) reads as 2-4 words ``Config.boundary_lm_margin``
    (log10) likelier than the token as it stands, with the words on both
    sides as context.

    Measured on our damage (first 1,000 documents, gate off): 117 such
    splits, all right; on the 3,062 clean documents with the gate off 3,
    two of them glue in the source. The false positive is a closed compound
    or a rare word made of common words ("wildtype"). The guards: not a
    token that stands twice (a term), one written elsewhere as a hyphenated
    compound ("trade-off"), one next to a fragment ("sometim es"), a closed
    compound the web writes often (zipf >= 2.5, "longterm"), the classes of
    :func:`_lm_guarded`, a Latin or chemical ending with no word after it
    ("exportin 1."), or a token the edits in ``taken`` already split; parts
    that make a known word are merged (:func:`_merge_known`). Under the
    margin, the page's own words may still decide: a reading of two parts
    of 3+ letters that each stand alone elsewhere in the page, which the
    model prefers at all (gain >= 0), is split ("amelogenesisimperfecta"
    where both words stand; on our damage 93 such splits, all right, and
    none on the 3,062 clean documents with the gate off)."""
    margin = ctx.config.boundary_lm_margin
    found = shared_tokens(text).distinct.difference(_safe())
    counts: Counter[str] | None = None
    edits = []
    cut = sorted(e.start for e in taken)
    for token in found:
        m = BOUNDARY_CANDIDATE.fullmatch(token)
        if m is None:
            continue
        core = m[1]
        if len(core) < 4 or not core.islower() or _known(core) or text.count(core) > 1:
            continue
        where = _positions(text, token)
        if not where or _quoted(text, where[0], where[0] + len(token)):
            continue  # nowhere, or a mention: '"thevoluntary" is glue'
        pos = where[0]
        start = pos + m.start(1)
        i = bisect_left(cut, start)
        if i < len(cut) and cut[i] <= start + len(core):
            continue  # an edit of the other rules touches it
        if _next_to_fragment(text, pos, pos + len(token)):
            continue  # "sometim es": a join, not a split
        before = BOUNDARY_LAST_WORD.search(text, max(0, pos - 40), pos) if m.start(1) == 0 else None
        after = BOUNDARY_FIRST_WORD.match(text, pos + len(token)) if m.end(1) == len(token) else None
        left = before[1].lower() if before else ""
        right = after[1].lower() if after else ""
        if counts is None:
            counts = Counter(map(str.lower, map(str.strip, text.split(), repeat(BOUNDARY_STRIP))))
        model = _BigramModel(counts, core)
        parts = model.segment(core, left, right)
        if parts is None:
            continue
        parts = _merge_known(parts, model)
        if len(parts) < 2 or _lm_guarded(core, parts) or "-".join(parts) in text:
            continue
        if parts[-1] in BOUNDARY_TRAILING_SHORT and not right:
            continue  # "exportin 1.": a chemical ending, not "in" before its object
        if _zipf(core) >= 2.5 and parts[0] not in BOUNDARY_SPLIT_FUNCTION_WORDS:
            continue  # "longterm", "tradeoff": a closed compound the web writes
        gain = model.line(parts, left, right) - model.line([core], left, right)
        reason = f"split: {'+'.join(parts)}, bigram model {gain:.1f} likelier than as it stands"
        if gain < margin:
            # Under the margin, the page's own words may decide: two parts
            # of 3+ letters that each stand alone elsewhere in the page
            # ("amelogenesisimperfecta" where "amelogenesis" and
            # "imperfecta" stand), if the model still prefers the split.
            if not (gain >= 0 and len(parts) == 2 and min(map(len, parts)) >= 3
                    and all(counts.get(p, 0) for p in parts)):
                ctx.count("lm_unsure_left_alone")
                continue
            reason = f"split: {'+'.join(parts)}, both stand alone elsewhere in document, bigram model {gain:.1f}"
        ctx.count("lm_split")
        for part in parts[:-1]:
            start += len(part)
            edits.append(Edit(start, start, " ", reason))
    return edits


def _recurs_within(text: str, word: str) -> bool:
    """Whether ``word`` also stands in the document at the end of a hyphenated
    compound ("double-expressor lymphomas"): a word the document uses, not
    glue. (Other tokens that hold it are often glued words themselves.)"""
    pos = text.find(word)
    while pos >= 0:
        end = pos + len(word)
        if pos > 1 and text[pos - 1] == "-" and text[pos - 2].isalpha() and (
            end == len(text) or not text[end].isalpha()
        ):
            return True
        pos = text.find(word, pos + 1)
    return False


def _next_to_fragment(text: str, start: int, end: int) -> bool:
    """Whether the token and a short neighbour make a word ("considerat ion")."""
    word = text[start:end].strip(".,;:!?\"“”'‘’()[]")
    before = BOUNDARY_LAST_WORD.search(text, max(0, start - 80), start)
    after = BOUNDARY_FIRST_WORD.match(text, end)
    if before is not None and len(before[1]) <= 5 and _zipf(before[1] + word) >= 3.0:
        return True
    return after is not None and len(after[1]) <= 5 and _zipf(word + after[1]) >= 3.0


def _camel_name(word: str) -> bool:
    """McDonald, PubMed, YouTube, PAnnotationSchema: a name in camel case (a
    capitalised token whose case changes inside, unless after a function word)."""
    if not word[0].isupper():
        return False
    transitions = [i + 1 for i, (a, b) in enumerate(zip(word, word[1:])) if a.islower() and b.isupper()]
    return bool(transitions) and (
        len(transitions) > 1 or word[: transitions[0]].lower() not in BOUNDARY_SPLIT_FUNCTION_WORDS
    )


def _segment(word: str, doc_words: Container[str]) -> tuple[float, list[str]] | None:
    """The cheapest segmentation of ``word`` into 1-5 parts of up to 20
    letters (see :func:`_part_cost`; of equal costs, the one whose parts
    start earliest). With :data:`_EVERYTHING` for ``doc_words`` (the
    document-free tests ask that of each new word twice) the answer is cached.
    The parts are not to be changed."""
    if doc_words is _EVERYTHING:
        return _segment_anywhere(word)
    n = len(word)
    words = _part_words()
    # _part_cost, its pre-test inlined (most parts end there); in an ASCII
    # word a part that starts with a lower-case letter is no acronym, so one
    # slice of the lower-cased word and one lookup decide it.
    ascii = word.isascii()
    low = word.lower() if ascii else word
    best: list[tuple[float, list[str]] | None] = [None] * (n + 1)
    best[0] = (0.0, [])
    for start in range(n):  # best[start] is final: every part ending there is priced
        prev = best[start]
        if prev is None or len(prev[1]) >= 5:
            continue
        cap = not ascii or not word[start].islower()
        for end in range(start + 1, min(n, start + 20) + 1):
            if not cap and low[start:end] not in words:
                continue
            part = word[start:end]
            if part.lower() not in words and not (
                (part.isupper() and 2 <= len(part) <= 6) or (start == 0 and part in ("A", "I"))
            ):
                continue
            cost = _price_part(part, start == 0, end == n, doc_words)
            if cost is None:
                continue
            total = prev[0] + cost
            current = best[end]
            if current is None or total < current[0]:
                best[end] = (total, prev[1] + [part])
    return best[n]


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _segment_anywhere(word: str) -> tuple[float, list[str]] | None:
    return _segment(word, _ANYWHERE)


@dataclass(frozen=True)
class _Split:
    """A split of one token and its evidence."""

    parts: list[str]
    reason: str
    evidence: int
    """Independent kinds of evidence (a known bigram, a part written whole
    elsewhere in the document, a case change); a decisive rule (the same words
    written apart in the document, a function word glued to "a" or before a
    capital) counts 2. The document gate counts a split with any evidence 1,
    one on word costs alone a half."""
    bigram: bool = False
    """Whether a pair of neighbouring parts is a known bigram."""


def _best_split(word: str, doc_words: Container[str], text: str = "") -> _Split | None:
    """The cheapest segmentation of ``word`` into 2-5 words, if the evidence
    is strong enough, with the reason to record. ``doc_words`` are the
    document's lower-case words; ``text`` the document, where the same words
    written apart are the strongest evidence ("Latin America")."""
    if word in BOUNDARY_ARTICLE_GLUE:
        return _Split(list(BOUNDARY_ARTICLE_GLUE[word]), "split: function word glued to the next", 2)
    if word.isupper():
        return None  # an acronym
    if text and _written_apart(text, _apart(word)):
        parts = _apart(word).split(" ")
        return _Split(parts, f"split: {'+'.join(parts)}, written apart elsewhere in document", 2)
    if _camel_name(word):
        return None  # McDonald, PubMed, YouTube: a name in camel case
    capital = word[0].isupper()
    found = _segment(word, doc_words)
    if found is None or len(found[1]) < 2:
        return None
    cost, parts = found
    low = [p.lower() for p in parts]
    whole_zipf = _zipf(word)
    bigram = any(f"{a} {b}" in _bigrams() for a, b in zip(low, low[1:]))
    elsewhere = any(p in doc_words for p in low if len(p) >= 4)
    case = any(a[-1].islower() and b[0].isupper() for a, b in zip(parts, parts[1:]))
    if (
        len(parts) == 2 and case and low[0] in BOUNDARY_SPLIT_FUNCTION_WORDS
        and (parts[1].isupper() or parts[1][1:].islower()) and len(parts[1]) >= 3
    ):
        # "ofBabesia", "aLouisiana", "InADPEAF": a function word, then a capital.
        return _Split(parts, f"split: {'+'.join(parts)}, function word before a capital", 2)
    if capital and parts[0][1:].islower():
        # A capitalised token is often a name ("Tiangong", "Crayle"): its first
        # part must be a function word or very common ("Thelarvae", "Similarhormonal").
        function_only = all(p in BOUNDARY_SPLIT_FUNCTION_WORDS for p in low)
        # A health word, or a long word the document writes alone, glued to
        # function words: "Ribavirinhas", "Anophelesand", "Anteriorityand"
        # where "Anteriority" stands; not "Langerin", "Copeland".
        health_name = (
            _health_lower().get(low[0], 0) >= 3 or (len(low[0]) >= 5 and low[0] in doc_words)
        ) and all(p in BOUNDARY_SPLIT_FUNCTION_WORDS and p != "in" for p in low[1:])
        if not (low[0] in BOUNDARY_SPLIT_FUNCTION_WORDS or _zipf(low[0]) >= 4.0 or health_name):
            return None
        if any(len(p) < 4 and p not in BOUNDARY_SPLIT_FUNCTION_WORDS for p in low[1:]):
            return None  # "Soban": a name
        if whole_zipf > 0 and not function_only and not (
            len(parts) == 2 and low[0] in BOUNDARY_SPLIT_FUNCTION_WORDS and bigram
            and parts[1].islower() and _zipf(low[1]) >= 4.0
        ):
            return None  # not "Thefirst", "Infact": a function word and a common word
        if not (bigram or _function_word(low)):
            return None  # "Eurospeech": a name made of words
    if len(word) <= 4 and whole_zipf >= 2.0:
        return None  # "oris" ("orbicularis oris"): a short word wordfreq knows
    if whole_zipf > 0:
        # wordfreq has seen it ("inthe", "froma"): the split must be far likelier.
        margin = 2.0 if whole_zipf >= 2.0 else 0.0
        if not bigram or cost > (9.0 - whole_zipf) - margin:
            return None
    short = [
        p for p in parts
        if len(p) <= 3 and p.lower() not in BOUNDARY_SPLIT_FUNCTION_WORDS and not p.isupper()
    ]
    if short and (len(parts) > 2 or case):
        return None  # "econ+side+red", "del+TG": a rare word or a name in pieces
    if len(parts) > 2 and not all(
        f"{a} {b}" in _bigrams()
        or (x[-1].islower() and y[0].isupper())
        or (x.isupper() != y.isupper())
        or min(len(a), len(b)) >= 4
        or (_function_word_and_long_word(a, b) and not _inflected(word.lower()))
        for a, b, x, y in zip(low, low[1:], parts, parts[1:])
    ):
        return None  # "his+to+morphological", "pouch+it+is": a rare word in pieces
    if "a" in low and len(parts) > 2 and not all(
        f"{a} {b}" in _bigrams() for a, b in zip(low, low[1:])
    ):
        return None  # "atraumatically" is not "a traumatic ally"
    if "a" in low and max(_zipf(p) for p in low) < 4.0:
        return None  # "alent" is not "a lent"
    if sum(len(p) == 1 for p in parts) > 1:
        return None  # "Aano" is not "A a no"
    if low[0] == "a" and _zipf(low[1]) < 4.5 and (whole_zipf > 0 or not bigram):
        return None  # "acellular", "atypical": the Greek prefix
    if low[0] in ("in", "un") and not bigram:
        return None  # "inversa", "indirect": the Latin prefix
    if low[0] in ("in", "un") and whole_zipf > 0 and _zipf(low[1]) < 5.0:
        return None  # "inbalance": a misspelt prefixed word wordfreq has seen
    if len(parts) == 2 and low[0] in BOUNDARY_MODALS and low[1] == "is":
        return None  # "canis": Latin, "can is" is not English
    if _prefixed(word.lower()) or (
        low[0] in BOUNDARY_PREFIXES and low[1] not in BOUNDARY_SPLIT_FUNCTION_WORDS
    ):
        return None  # "nonevaluable", "overinflation": a prefixed word, not glue
    if len(parts) == 2 and not case:
        if low[1] in BOUNDARY_COMPOUND_TAILS and low[0] not in BOUNDARY_SPLIT_FUNCTION_WORDS:
            return None  # "twelvefold", "childlike": a compound, not glue
        # "-in" ends proteins and drugs (langerin, ribavirin): never on domain evidence alone.
        domain = (
            _health_lower().get(low[0], 0) >= 10 and len(low[0]) >= 6 and low[1] not in ("in", "a")
        )
        if len(low[1]) <= 3 and _word_ending(word.lower(), len(low[1]) + 4) >= 3:
            return None  # "expressor" (professor, successor): a suffix, not a glued "or"
        # A common word whose letters before the short word end no other word
        # ("wastewateris", "spraysor"): glue, even without a known bigram.
        # Not before "in", "on", "an", "a": protein and drug names end so
        # ("exportin" where "export" stands elsewhere).
        plain_ending = (
            low[1] in ("is", "or", "as", "at")
            and _zipf(low[0]) >= 3.0 and len(low[0]) >= 5 and elsewhere
            and _word_ending(word.lower(), len(low[1]) + 4) == 0
        )
        if low[1] in BOUNDARY_TRAILING_SHORT and (
            not (domain or plain_ending or (bigram and _zipf(low[0]) >= 3.2))
            or (low[1] == "is" and low[0].endswith(("al", "ar")))
        ):
            return None  # "cornealis", "exportin": a Latin or chemical ending
        if not (bigram or elsewhere or _function_word(low) or _common_pair(word, low)) and (
            min(len(p) for p in low) < 6
            or min(_zipf(p) for p in low) < 3.0
        ):
            return None  # "frameshifts": two words, but nothing says they were apart
        if not (bigram or elsewhere) and _function_word(low) and not all(
            p in BOUNDARY_SPLIT_FUNCTION_WORDS
            or _zipf(p) >= 3.5
            or (len(p) >= 6 and _zipf(p) >= 2.5)
            or _health_lower().get(p, 0) >= 3
            or part.isupper()  # an acronym the corpus or the document knows: "VMand"
            for p, part in zip(low, parts)
        ):
            return None  # "inversa": a function word and a rare word
    reason = f"split: {'+'.join(parts)} cost {cost:.1f} vs {9.0 - whole_zipf:.1f}"
    if bigram:
        reason += ", bigram"
    if elsewhere:
        reason += ", part elsewhere in document"
    if case:
        reason += ", case change"
    return _Split(parts, reason, bigram + elsewhere + case, bigram)


def _function_word_and_long_word(a: str, b: str) -> bool:
    """A function word next to a long common word ("prevention+of+filariasis",
    "repellent+to+exposed"): the pair needs no bigram in a split of 3+ parts.
    Not a short word ("pouch+it+is": the pieces of a rare word are short)."""
    fw, other = (a, b) if a in BOUNDARY_SPLIT_FUNCTION_WORDS else (b, a)
    return (
        fw in BOUNDARY_SPLIT_FUNCTION_WORDS and other not in BOUNDARY_SPLIT_FUNCTION_WORDS
        and len(other) >= 6 and (_zipf(other) >= 3.0 or _health_lower().get(other, 0) >= 3)
    )


def _inflected(word: str) -> bool:
    """Whether ``word`` is a plural or inflection of a word the dictionaries
    know ("heritabilities" of "heritability"): a word, not glue."""
    stems = [word[:-3] + "y"] if word.endswith("ies") else []
    stems += [word[: -len(end)] for end in ("s", "es", "ed", "ing", "ly") if word.endswith(end)]
    return any(len(s) > 3 and _known(s) for s in stems)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_ending(word: str, n: int) -> int:
    """How many other words a join may make (common or health words) end in
    the last ``n`` letters of ``word``: an ending many words share is a suffix
    ("-ressor": aggressor, suppressor, compressor), one none has is glue
    ("-lureor" of "failureor", "-nessor" of "numbnessor")."""
    ending = word[-n:][::-1]
    ends = _join_words()[1]
    i = bisect_left(ends, ending)
    found = 0
    while i < len(ends) and ends[i].startswith(ending) and found < 10:
        found += ends[i] != word[::-1]
        i += 1
    return found


def _common_pair(word: str, low: list[str]) -> bool:
    """Two common words (or a long second one), the first very common, that no
    dictionary knows as one ("newvector", "wordclass", "newalgorithms"; not
    "demonstated"),
    nor an inflection of one ("frameshifts" of "frameshift")."""
    if min(len(p) for p in low) < 3 or _zipf(low[0]) < 5.0:
        return False
    if min(_zipf(p) for p in low) < 4.0 and not (len(low[-1]) >= 6 and _zipf(low[-1]) >= 3.0):
        return False  # a long second word may be less common ("newalgorithms")
    stem = word.lower()
    stems = [stem[:-1], stem[:-2], stem[:-3]] if stem.endswith(("s", "ed", "ing")) else []
    return _health_lower().get(stem, 0) == 0 and not any(_known(s) for s in stems if len(s) > 3)


def _strong(parts: list[str]) -> bool:
    """Evidence strong enough to split a token that recurs in the document:
    common words with a known bigram ("mighthave"), or a function word glued
    to a capitalised word ("ofBabesia"). Not a word that ends in a short word
    that is also a Latin or chemical ending: a token the document repeats as
    "shelterin" or "exportin" is the name of a protein."""
    low = [p.lower() for p in parts]
    if low[-1] in BOUNDARY_TRAILING_SHORT and low[0] not in BOUNDARY_SPLIT_FUNCTION_WORDS:
        return False
    if all(_zipf(p) >= 4.0 for p in low) and all(
        f"{a} {b}" in _bigrams() for a, b in zip(low, low[1:])
    ):
        return True
    return len(parts) == 2 and low[0] in BOUNDARY_SPLIT_FUNCTION_WORDS and parts[1][0].isupper()


def _prefixed(word: str) -> bool:
    """Whether ``word`` is a prefix ("non", "over", "anti") and a known word."""
    for n in range(3, 7):
        if word[:n] in BOUNDARY_PREFIXES:
            rest = word[n:]
            if len(rest) < 4 or rest in BOUNDARY_SPLIT_FUNCTION_WORDS:
                continue
            if _zipf(rest) >= 1.5 or _health_lower().get(rest, 0) >= 2:
                return True
    return False


def _function_word(parts: list[str]) -> bool:
    return any(p in BOUNDARY_SPLIT_FUNCTION_WORDS for p in parts)


def _part_cost(part: str, first: bool, last: bool, doc_words: Container[str]) -> float | None:
    """The cost of ``part`` as one word of a split, or None if it cannot be one.

    Case-aware: a part is lower-case, capitalised ("Neurology") or an acronym
    the health corpus or the document writes that way ("DNA").
    """
    if part.lower() not in _part_words() and not _may_be_acronym(part, first):
        return None  # most substrings a segmentation tries: decided by one lookup
    return _price_part(part, first, last, doc_words)


def _may_be_acronym(part: str, first: bool) -> bool:
    return (part.isupper() and 2 <= len(part) <= 6) or (first and part in ("A", "I"))


def _price_part(part: str, first: bool, last: bool, doc_words: Container[str]) -> float | None:
    """:func:`_part_cost` without its pre-test."""
    low = part.lower()
    if part.islower():
        zipf = _zipf(low)
        if len(low) >= 6 and zipf >= 1.0 and _health_lower().get(low, 0) >= 3:
            return _cost(low)  # a health word wordfreq barely knows ("riluzole")
        if not _is_word(low) or (len(low) == 1 and low != "a"):
            return None
        if len(low) == 3 and zipf < 3.5:
            return None  # "sri", "luz": three-letter words wordfreq barely knows
        if len(low) >= 4 and zipf < 3.0 and not (len(low) >= 6 and zipf >= 2.0):
            return None  # merely rare ("switchboard" may stand whole, "corp" not)
        return _cost(low)
    if part in ("A", "I") and first:
        return _cost(low)  # "Arelated", "Ithink"
    if part.isupper():
        if len(part) < 2 or len(part) > 6:
            return None
        if load_counts("health_words").get(part, 0) < 3 and low not in doc_words:
            return None
        return _cost(low) + 1.0
    if part[0].isupper() and part[1:].islower() and (len(part) >= 3 or first):
        if not _is_word(low):
            return None
        return _cost(low) + (0.0 if first else 1.0)
    return None


# --- rejoin_split_words ---------------------------------------------------


@normaliser(order=65, dictionaries=("health_words",), load=_load, english_only=True)
def rejoin_split_words(text: str, ctx: StepContext) -> list[Edit]:
    """Remove stray spaces inside words: "treat ment" -> "treatment",
    "Abst rac t" -> "Abstract", "t h e a r c" -> "the arc".

    The damage: PDF and OCR extraction insert spaces where glyphs are spaced
    out. A line is looked at only if it has a fragment (a token that is not a
    word on its own: "ment", "rac", "t"); runs of tokens around it are joined
    where the joined form is a known word and the joined reading is cheaper
    than the spaced one. The false positive is two real words that also make
    one ("a part", "in to", "health care"): a join needs at least one fragment,
    so two words are joined only when English never writes them as a pair and
    the joined word is far more common ("doc tors"), and single capitals
    (initials, "vitamin D") count as words. Runs of single letters may be long
    ("r e p r e s e n t a t i o n s", up to 24). A space after a hyphen that
    ends a lower-case word goes ("error- correction"), unless the next word is
    a function word or "versus" (a suspended hyphen: "long- and short-term").

    The document gate is shared with :func:`split_glued_words` (a join that
    holds a fragment counts 1): a clean page has a stray one at most ("post
    partum"), PDF text one in most lines. Once it is open (or off), a space
    PDF extraction moved by a letter is put back ("th einformation" -> "the
    information"; see :func:`_moved_space_edits`).

    >>> from textrepair import Config
    >>> from textrepair.changes import apply_edits
    >>> damaged = Config(boundary_doc_min_repairs=0, boundary_doc_min_rate=0)
    >>> ctx = StepContext(damaged, "rejoin_split_words")
    >>> t = "The treat ment of ALS, see the Abst rac t."
    >>> apply_edits(t, rejoin_split_words(t, ctx))
    'The treatment of ALS, see the Abstract.'
    >>> rejoin_split_words("Get in to a health care plan with vitamin D in it.", ctx)
    []
    """
    survey = _survey(text)
    if not (survey.fragments or survey.pairs or survey.hyphens):
        # Nothing to join; a space moved by a letter may still be left to
        # mend if the gate is off or the split step opened it.
        if _gate_settled(text, ctx.config):
            return _moved_space_edits(text, ctx, [])
        return []
    if _gate_closed_early(text, survey, ctx):
        return []
    edits, score = _rejoin_plan(text, survey, ctx)
    if not _gate_open(text, survey, ctx, rejoin_score=score):
        if edits:
            ctx.count("below_gate", len(edits))
        return []
    moved = _moved_space_edits(text, ctx, edits)
    return sorted(edits + moved, key=lambda e: e.start) if moved else edits


def _rejoin_plan(text: str, survey: _Survey, ctx: StepContext) -> tuple[list[Edit], float]:
    """The joins of words broken by stray spaces in ``text`` and their gate
    evidence (joins that hold a fragment)."""
    if not (survey.rejoin_hits or survey.pairs or survey.hyphens):
        return [], 0.0
    edits: list[Edit] = _hyphen_edits(text, survey.hyphens)
    hits = list(survey.rejoin_hits)
    lower = text.lower() if survey.pairs else text
    if len(lower) != len(text):  # a letter whose lower case is longer ("İ")
        hits += [m.start() for m in regex.finditer(r"^", text, regex.MULTILINE)]
        lower = text
    for pair in survey.pairs:
        pos = lower.find(pair)
        while pos >= 0:
            hits.append(pos)
            pos = lower.find(pair, pos + 1)
    licensed = _lower_words(text)
    confident = 0
    for start, end in _windows(text, hits):
        line_edits, line_confident = _rejoin_line(text[start:end], text, ctx, licensed)
        confident += line_confident
        for e in line_edits:
            edits.append(Edit(e.start + start, e.end + start, e.after, e.reason, e.confidence))
    return sorted(edits, key=lambda e: e.start), float(confident)


# --- moved spaces: the last look of rejoin_split_words, once the gate is open ---
#
# PDF extraction sometimes puts a word's space one letter off: "much of th
# einformation", "task w econsidered", "identificatio nof incident", "concept
# suchas" -> "concepts uch". Neither a join nor a split mends it; moving the
# space back by one letter (two at most) does.


def _moved_space_edits(text: str, ctx: StepContext, taken: list[Edit]) -> list[Edit]:
    """Spaces moved by one or two letters between two tokens, at least one of
    them no word ("th einformation" -> "the information", "identificatio
    nof" -> "identification of", "concepts uch" -> "concept such").

    Only once the gate is open (or off), so clean text never reaches it;
    the candidates are the tokens no dictionary skips (a set difference)
    whose letters are no word, and their neighbours; a token an edit in
    ``taken`` touches is left to that edit. The moved space must leave two
    words (:func:`_moved_word`: a function word or a common word), English
    must write them as a pair (a bigram of symspellpy or the health corpus),
    and the bigram model of :func:`_lm_edits`, with the words on both sides
    as context, must find the pair ``Config.boundary_moved_margin`` (log10)
    likelier than the tokens as they stand. The false positive is a rare
    word, a name or a foreign phrase that a fragment-like neighbour
    completes ("name da qing" is not "named a qing"); the guards: the tokens
    are lower-case letters (the first may be Capitalised if its new form is
    a common word: "Th eresults"), with no punctuation between them, the
    words on both sides are words (not a run of foreign words or of
    fragments), a non-word the page writes twice is a word of the page, two
    tokens that make a word when joined are the join's business ("treat
    ment"), and a move by two letters only where none by one reads ("th
    emany" is "the many", not "them any")."""
    found = shared_tokens(text).distinct.difference(_safe())
    if not found:
        return []
    margin = ctx.config.boundary_moved_margin
    cut = sorted(p for e in taken for p in (e.start, e.end))
    counts: Counter[str] | None = None
    model: _BigramModel | None = None
    edits: list[Edit] = []
    seen: set[int] = set()
    safe = _safe()
    for token in found:
        core = token.strip(BOUNDARY_STRIP)
        if core in safe or not core.isalpha() or _is_word(core.lower()):
            continue  # "word," is a word: one set lookup
        offset = token.find(core)
        for pos in _positions(text, token):
            for start, first, second in _moved_pairs(text, pos + offset, len(core), token, offset):
                if start in seen:
                    continue  # both tokens are no words ("w econsidered")
                seen.add(start)
                end = start + len(first) + 1 + len(second)
                i = bisect_left(cut, start)
                if i < len(cut) and cut[i] <= end:
                    continue  # a join of the rejoin plan touches it
                if counts is None:
                    counts = Counter(
                        map(str.lower, map(str.strip, text.split(), repeat(BOUNDARY_STRIP)))
                    )
                    model = _BigramModel(counts, "")
                assert model is not None
                readings = _moved_readings(first, second, counts)
                if not readings:
                    continue
                before = BOUNDARY_LAST_WORD.search(text, max(0, start - 40), start)
                after = BOUNDARY_FIRST_WORD.match(text, end)
                left = before[1].lower() if before else ""
                right = after[1].lower() if after else ""
                if (left and not _is_word(left)) or (right and not _is_word(right)):
                    ctx.count("moved_next_to_fragment_left_alone")  # "name da qing ve"
                    continue
                # The model's document counts leave out the two tokens read.
                counts[first.lower()] -= 1
                counts[second] -= 1
                stands = model.line([first.lower(), second], left, right)
                gain, k, x, y = max(
                    (model.line([x.lower(), y], left, right) - stands, k, x, y)
                    for k, x, y in readings
                )
                counts[first.lower()] += 1
                counts[second] += 1
                if gain < margin:
                    ctx.count("moved_unsure_left_alone")
                    continue
                ctx.count("moved_space")
                space = start + len(first)
                reason = f"moved space: {x}+{y}, bigram model {gain:.1f} likelier than as it stands"
                if k > 0:  # " e" -> "e "
                    edits.append(Edit(space, space + 1 + k, second[:k] + " ", reason))
                else:  # "s " -> " s"
                    edits.append(Edit(space + k, space + 1, " " + first[k:], reason))
    return _drop_overlaps(sorted(edits, key=lambda e: (e.start, e.end)))


# The letter token before / after one space, with no punctuation on the far
# side from the other token ("(th einformation" yes, "th, einformation" no).
# Here, not in patterns.py, as only this pass reads them.
_MOVED_BEFORE = regex.compile(r"(?r)(?:^|(?<=[\s(\[\"“‘']))(\p{L}{1,40}) $", regex.MULTILINE)
_MOVED_AFTER = regex.compile(r" (\p{L}{1,40})(?=[\s.,;:!?)\]\"”’']|$)", regex.MULTILINE)


def _moved_pairs(
    text: str, pos: int, size: int, token: str, offset: int
) -> list[tuple[int, str, str]]:
    """The letters at ``pos`` (``size`` of them, ``offset`` into ``token``)
    and the letter token on each side where one space parts them and no
    punctuation stands between: (start of the first, the first, the second)."""
    found = []
    if offset == 0 and pos >= 2 and text[pos - 1] == " ":
        before = _MOVED_BEFORE.search(text, max(0, pos - 42), pos)
        if before:
            found.append((before.start(1), before[1], text[pos : pos + size]))
    end = pos + size
    if offset + size == len(token) and end < len(text) and text[end] == " ":
        after = _MOVED_AFTER.match(text, end)
        if after:
            found.append((pos, text[pos:end], after[1]))
    return [
        (start, a, b) for start, a, b in found
        if b.islower() and (a.islower() or (a[0].isupper() and a[1:].islower()))
    ]


def _moved_readings(first: str, second: str, counts: Counter[str]) -> list[tuple[int, str, str]]:
    """The readings of two letter tokens with the space between them moved
    ``k`` letters (+: later, -: earlier) that pass the word guards of
    :func:`_moved_space_edits`, as (k, first word, second word)."""
    low = first.lower()
    if _is_word(low) and _is_word(second):
        return []  # two words: one must be a fragment
    if _is_word(low + second) and _zipf(low + second) >= 3.0:
        return []  # "treat ment": the join's business
    if (len(second) == 1 and _is_word(low)) or (len(low) == 1 and _is_word(second)):
        return []  # "meant o be": a letter lost (OCR), likelier than "mean to be"
    for core in (low, second):
        if not _is_word(core) and counts.get(core, 0) > 1:
            return []  # a fragment the page writes twice: a word of the page ("ana")
    readings: list[tuple[int, str, str]] = []
    for k in (1, -1, 2, -2):
        if abs(k) == 2 and readings:
            break  # a move by two only where none by one reads ("th emany": the many, not them any)
        if k > 0 and k < len(second):  # the space belongs k letters later: "th einformation"
            x, y = first + second[:k], second[k:]
        elif k < 0 and -k < len(first):  # k letters earlier: "concepts uch"
            x, y = first[:k], first[k:] + second
        else:
            continue
        if not (_moved_word(x.lower(), capital=x[0].isupper()) and _moved_word(y)):
            continue
        if f"{x.lower()} {y}" in _bigrams():
            readings.append((k, x, y))
    return readings


def _moved_word(word: str, capital: bool = False) -> bool:
    """A word a moved space may leave: a function word, or a word of 3+
    letters wordfreq knows well (zipf >= 3.0; >= 4.0 Capitalised, where a
    name is likelier)."""
    if word in BOUNDARY_SPLIT_FUNCTION_WORDS:
        return True
    if len(word) < 3 or not _is_word(word):
        return False
    return _zipf(word) >= (4.0 if capital else 3.0)


def _hyphen_edits(text: str, tokens: list[str]) -> list[Edit]:
    """A space after a hyphen inside a word ("error- correction", "task- specific",
    "bottom- up"), not a suspended hyphen ("long- and short-term", "low- versus
    high-grade"): of the function words only the particles that end compounds
    ("bottom-up", "built-in", "add-on") follow the hyphen."""
    edits = []
    for token in tokens:
        for pos in _positions(text, token):
            m = BOUNDARY_HYPHEN_SPACE.match(text, pos + len(token))
            if m and (
                m[1] not in BOUNDARY_SPLIT_FUNCTION_WORDS or m[1] in BOUNDARY_HYPHEN_PARTICLES
            ) and m[1] not in ("versus", "vs"):
                edits.append(Edit(m.start(), m.start(1), "", "rejoin: space after a hyphen"))
    return edits


def _windows(text: str, hits: list[int], reach: int = 120) -> list[tuple[int, int]]:
    """Spans of whole tokens within ``reach`` characters of each hit, inside
    its line, merged where they overlap (a join spans at most 8 tokens)."""
    spans: list[tuple[int, int]] = []
    for pos in sorted(hits):
        line_start = text.rfind("\n", 0, pos) + 1
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        start, end = max(line_start, pos - reach), min(line_end, pos + reach)
        if start > line_start:
            start = text.find(" ", start, pos) + 1 or pos
        if end < line_end:
            end = text.rfind(" ", pos, end) if text.rfind(" ", pos, end) > pos else line_end
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _fragment(core: str) -> bool:
    if len(core) == 1:
        return core.islower() and core != "a"
    if not (core.islower() or core[0].isupper() and core[1:].islower()):
        return False  # acronyms and mixed case are not fragments of a word
    return not _is_word(core.lower())


def _lower_words(text: str) -> frozenset[str]:
    """The document's words, lower-case, punctuation stripped: a word two
    neighbours make that stands whole elsewhere ("auto immune" where
    "autoimmune" stands) is the document's own evidence for a join."""
    tokens = shared_tokens(text).distinct
    return frozenset(map(str.lower, map(str.strip, tokens, repeat(BOUNDARY_STRIP))))


def _rejoin_line(
    line: str, text: str, ctx: StepContext, licensed: frozenset[str] = frozenset()
) -> tuple[list[Edit], int]:
    """The cheapest reading of the line's tokens, joining runs of up to 8
    tokens that hold a fragment (or a pair of words that make one word), and
    how many joins hold a fragment (the confident ones, for the gate)."""
    tokens = list(BOUNDARY_TOKEN.finditer(line))
    frag = [bool(t["core"]) and _fragment(t["core"]) for t in tokens]
    if not any(frag) and not _joinable_pair(line):
        return [], 0
    for k in range(1, len(tokens)):
        if frag[k] and tokens[k - 1][0][-1].isdigit():
            frag[k] = False  # "1.2 g in": a unit after a number
    n = len(tokens)
    last_frag = -1  # the last fragment at or before each token
    last: list[int] = []
    for k in range(n):
        last_frag = k if frag[k] else last_frag
        last.append(last_frag)
    letters = 0  # single letters in a row, up to each token ("r e p r e s e n t")
    run: list[int] = []
    for t in tokens:
        letters = letters + 1 if t["core"] and len(t["core"]) == 1 else 0
        run.append(letters)
    best: list[tuple[float, list[tuple[int, int]]]] = [(0.0, [])]
    for j in range(1, n + 1):
        t = tokens[j - 1]
        single = best[j - 1][0] + _token_cost(t["core"], frag[j - 1])
        choice = (single, best[j - 1][1])
        reach = max(8, min(run[j - 1], 24))  # a spaced-out word may be long
        for i in range(max(0, j - reach), j - 1):
            has_fragment = last[j - 1] >= i
            if not has_fragment and j - i > 2:
                continue
            joined = _joined(tokens, i, j)
            if joined is None:
                continue
            if not has_fragment and not _two_words_join(tokens, i, joined, licensed):
                continue
            cost = best[i][0] + _cost(joined) + 1.0 * (j - i - 1)
            if cost < choice[0]:
                choice = (cost, best[i][1] + [(i, j)])
        best.append(choice)
    edits = []
    confident = 0
    grouped = {k for i, j in best[n][1] for k in range(i, j)}
    alone = [frag[k] and k not in grouped for k in range(n)]
    for i, j in best[n][1]:
        first = (tokens[i]["core"] or "").lower()
        if first in BOUNDARY_SPLIT_FUNCTION_WORDS and ((i > 0 and alone[i - 1]) or (j < n and alone[j])):
            # A fragment left over next to the join: a run of foreign or rare
            # words ("for mal de debarquement"), not one word in pieces.
            ctx.count("join_next_to_fragment_left_alone")
            continue
        word = "".join(tokens[k]["core"] for k in range(i, j))
        if all(frag[i:j]) and min(len(tokens[k]["core"]) for k in range(i, j)) >= 5 and (
            _zipf(word) < 3.0 and word.lower() not in _symspell_words()
        ):
            ctx.count("long_pieces_left_alone")  # "vanillyl mandelic": two rare words
            continue
        confident += any(frag[i:j])
        for k in range(i, j - 1):
            a, b = tokens[k].end(), tokens[k + 1].start()
            edits.append(Edit(a, b, "", f"rejoin: {word!r} zipf {_zipf(word):.1f}"))
    if edits:
        ctx.count("words_rejoined", len(best[n][1]))
    return edits, confident


def _joinable_pair(line: str) -> bool:
    """A cheap pre-test: two adjacent words, the first perhaps Capitalised
    ("Conjunct ion"), that make a common word."""
    freq = _wordfreq()
    return any(
        freq.get((m[1] + m[2]).lower(), 0.0) >= 1e-6
        for m in BOUNDARY_WORD_PAIR.finditer(line, overlapped=True)
    )


def _two_words_join(
    tokens: list[regex.Match[str]], i: int, joined: str, licensed: frozenset[str] = frozenset()
) -> bool:
    """Whether two words are one word split in two ("doc tors", "comm on"):
    English never writes the pair (no bigram) and the joined word is common
    and far likelier (3.5 orders of magnitude) than the two words apart, or
    the document writes it whole elsewhere and neither is a function word
    ("auto immune" where "autoimmune" stands, not "in consistent";
    ``licensed``: the document's words, see :func:`_lower_words`)."""
    a, b = tokens[i]["core"], tokens[i + 1]["core"]
    if not b.islower() or len(a) < 2 or len(b) < 2:
        return False
    if f"{a.lower()} {b}" in _bigrams():
        return False  # "in to", "may be", "a part", "health care"
    if len(joined) >= 6 and joined.lower() in licensed and not _function_word([a.lower(), b]):
        return True  # not "engaged in consistent" where "inconsistent" stands
    return _zipf(joined) >= 3.5 and _cost(a) + _cost(b) - _cost(joined) >= 3.5


def _token_cost(core: str, fragment: bool) -> float:
    if not core:
        return 0.0
    return _cost(core) + (3.0 if fragment else 0.0)


def _joined(tokens: list[regex.Match[str]], i: int, j: int) -> str | None:
    """The word that tokens[i:j] make when joined, if they may be joined."""
    for k in range(i, j):
        t = tokens[k]
        if not t["core"]:
            return None
        if k > i and t["lead"]:
            return None
        if k < j - 1 and t["trail"]:
            return None
    word = "".join(tokens[k]["core"] for k in range(i, j))
    if not (word.islower() or word.isupper() or word[0].isupper() and word[1:].islower()):
        return None
    low = word.lower()
    if len(low) == 2 and j - i == 2 and low in BOUNDARY_TWO_LETTER_WORDS:
        if word.islower():
            return word  # "i s", "t o": two single letters
        if word[0].isupper() and i > 0 and tokens[i - 1][0][-1] in ".!?:":
            return word  # "form. W e therefore": a sentence starts; not "hepatitis B e"
    if not _is_word(low) or len(low) < 3 or low in BOUNDARY_ARTICLE_GLUE:
        # (split_glued_words would split the joined word again: "i na" is
        # "in a", not the name "Ina".)
        return None
    if _zipf(low) < 3.0 and _health_lower().get(low, 0) < 3 and not (
        _rare_join(low) and any(
            len(tokens[k]["core"]) >= 4 and _fragment(tokens[k]["core"]) for k in range(i, j)
        )
    ):
        return None
    return word


def _drop_overlaps(edits: list[Edit]) -> list[Edit]:
    kept: list[Edit] = []
    for e in edits:
        if kept and (e.start < kept[-1].end or e.start == kept[-1].start):
            continue
        kept.append(e)
    return kept
