"""The boundary steps' shortcuts give the answers of the slow paths they skip.

split_glued_words prices every substring of a new unknown word; the cheap
pre-test in ``_part_cost`` and the cached, start-major ``_segment`` are there
only for speed, so they are held to the plain definitions here.
"""

from __future__ import annotations

from collections.abc import Container
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from textrepair import boundaries

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _words() -> list[str]:
    """Real words and glued forms, in the cases the steps meet."""
    found = sorted(boundaries._symspell_words())[::97]
    found += sorted(w for w in boundaries._health_lower() if len(w) >= 4)[::37]
    for path in sorted(SEEDS.glob("*.txt")):
        found += [t.strip(".,;:()\"'") for t in path.read_text(encoding="utf-8").split()]
    return [w for w in found if w.isalpha()]


WORDS = _words()
word_like = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(str.title),
    st.sampled_from(WORDS).map(str.upper),
    st.text(alphabet="abcdeilmnorstuADNİéß", min_size=1, max_size=8),
)
glued = st.lists(word_like, min_size=1, max_size=4).map("".join)


def _reference_segment(word: str, doc_words: Container[str]) -> tuple[float, list[str]] | None:
    """The segmentation as first written: end-major, every part priced in full."""
    n = len(word)
    best: list[tuple[float, list[str]] | None] = [None] * (n + 1)
    best[0] = (0.0, [])
    for end in range(1, n + 1):
        for start in range(max(0, end - 20), end):
            prev = best[start]
            if prev is None or len(prev[1]) >= 5:
                continue
            part = word[start:end]
            cost = boundaries._price_part(part, start == 0, end == n, doc_words)
            if cost is None:
                continue
            total = prev[0] + cost
            current = best[end]
            if current is None or total < current[0]:
                best[end] = (total, prev[1] + [part])
    return best[n]


@settings(max_examples=400, deadline=None)
@given(word_like, st.booleans(), st.booleans())
def test_part_pre_test_never_turns_down_a_part(part: str, first: bool, last: bool) -> None:
    for doc in (boundaries._EVERYTHING, frozenset({part.lower()}), frozenset()):
        priced = boundaries._price_part(part, first, last, doc)
        assert boundaries._part_cost(part, first, last, doc) == priced


@settings(max_examples=300, deadline=None)
@given(glued)
def test_segment_matches_reference(word: str) -> None:
    doc = frozenset(w.lower() for w in WORDS[:50])
    assert boundaries._segment(word, doc) == _reference_segment(word, doc)
    assert boundaries._segment(word, boundaries._EVERYTHING) == _reference_segment(
        word, boundaries._EVERYTHING
    )


# --- the survey: each core's document-free look is worked out once ----------


Sorted = tuple[list[str], dict[str, list[str]], list[str], list[str], list[str]]


def _reference_classify(text: str) -> Sorted:
    """The survey's sorting of a text's cores as first written: every test
    asked of every core in every text, a pair's other piece looked up form by
    form (no memo of what a core needs, no table of the pieces' forms)."""
    every = frozenset(text.split())
    safe = boundaries._safe()
    left = every.difference(safe)
    cores = {t.strip(boundaries.BOUNDARY_STRIP) for t in left}.difference(safe)
    keys = boundaries._pairs()

    def has_token(word: str) -> bool:
        return any(w in every for w in (word, word + ",", word + ".", word[:1].upper() + word[1:]))

    punct, split, rejoin, pieces, hyphens = [], [], [], [], []
    for core in cores:
        if not core.isalpha():
            word = core[:-1]
            if core.endswith("-") and word.isalpha() and (word.islower() or word.istitle()):
                hyphens.append(core)
            elif "@" in core or boundaries.BOUNDARY_PUNCT_GATE.search(core):
                punct.append(core)
            continue
        low = core.lower()
        if boundaries._could_split(core) or boundaries._written_apart(text, boundaries._apart(core)):
            split.append(core)
        if boundaries._fragment(core):
            if boundaries._piece(low):
                rejoin.append(core)
        elif low in keys and any(has_token(b if a == low else a) for a, b in keys[low]):
            pieces.append(low)
    by_core = {c: sorted(t for t in left if t.strip(boundaries.BOUNDARY_STRIP) == c) for c in cores}
    lower = text.lower()
    return (
        sorted(t for c in punct for t in left if c in t),
        {c: by_core[c] for c in sorted(split)},
        sorted(t for c in rejoin for t in by_core[c]),
        sorted(f"{a} {b}" for low in pieces for a, b in keys[low] if f"{a} {b}" in lower),
        sorted(t for c in hyphens for t in by_core[c] if t == c),
    )


st_punct = ["", ",", ".", ")"]
PAIRS = sorted({pair for pairs in boundaries._pairs().values() for pair in pairs})
PAIR_WORDS = sorted({w for pair in PAIRS for w in pair})
# The two pieces of a pair, side by side or apart, the second perhaps
# Capitalised or before a mark.
pair_pieces = st.tuples(
    st.sampled_from(PAIRS), st.sampled_from(["", "and "]), st.booleans(), st.sampled_from(st_punct)
).map(lambda x: f"{x[0][0]} {x[1]}{x[0][1].title() if x[2] else x[0][1]}{x[3]}")
survey_text = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(PAIR_WORDS),
        st.sampled_from(PAIR_WORDS).map(str.title),
        pair_pieces,
        glued,
        st.sampled_from(["de", "q", "ment", "tion", "pre-", "Oto-", "gene(s", "pattern,which", "a@b.com"]),
        st.sampled_from(["Latin America", "LatinAmerica", "doc tors", "occur red", "gene rate"]),
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(survey_text, st.booleans())
def test_survey_sorts_cores_as_the_plain_tests_do(text: str, fresh: bool) -> None:
    if fresh:  # a core seen for the first time, or one whose look is kept
        boundaries._LOOKS.clear()
        boundaries._NOTHING_TO_DO.clear()
    boundaries._LAST_SURVEY.clear()
    survey = boundaries._survey(text)
    got = (
        sorted(survey.punct),
        {c: sorted(survey.split[c]) for c in sorted(survey.split)},
        sorted(survey.fragments),
        sorted(survey.pairs),
        sorted(survey.hyphens),
    )
    assert got == _reference_classify(text)


# Tokens made of the pieces BOUNDARY_PUNCT_GATE looks for ("٣": an Arabic-Indic digit).
token_chars = st.lists(
    st.sampled_from(
        ["abc", "a", "Ab", "X", "Y.", "Z", "é", "İ", "Σ", "ǅ", "and", "the", "1", "9", "٣",
         ".", ",", ":", "(", ")", "“", "”", "-", "/", "'", "’", "—", "–", ";", "%", "°"]
    ),
    min_size=1,
    max_size=8,
).map("".join)


# Each alternative of BOUNDARY_PUNCT_GATE, its letters and digits drawn from
# a few ASCII and other ones, with anything around it.
L, LL, LU, D = "[a-zA-ZéΣǅ]", "[a-zé]", "[A-ZΣ]", "[0-9٣]"
gate_like = st.from_regex(
    f"{LL}{{3}}\\([a-z0-9]|{LL},[a-z0-9]|{L}{{3}}:[0-9A-Z]|{LL}{{3}}\\.{LU}{LL}|\\){LL}{{3}}"
    f"|{LL}{D}|{D}(and|or|the|with)|{L}[,.]“|{LU}\\.{LU}\\.{LU}|{D}{L}{{3}}|{D}\\.{D}+{LL}{{2}}"
)


@settings(max_examples=1000, deadline=None)
@given(
    st.one_of(
        token_chars, gate_like, st.sampled_from(WORDS).map(lambda w: w + "’s"),
        glued.map(lambda w: w + "-like"),
    )
)
def test_punct_pre_test_never_turns_down_a_match(core: str) -> None:
    if boundaries.BOUNDARY_PUNCT_GATE.search(core):
        assert boundaries._may_glue_punct(core)


def test_no_letter_is_a_digit() -> None:
    """The pre-test counts on str.isalpha and the regex module's \\d never
    both holding (their Unicode tables may be of different versions)."""
    digit = boundaries.regex.compile(r"\d")
    letters = (chr(i) for i in range(0x110000) if chr(i).isalpha())
    assert not [c for c in letters if digit.match(c)]
