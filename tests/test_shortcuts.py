"""Shortcuts the steps take on clean text give the answers of what they skip.

Each shortcut below exists only for speed (see scripts/bench.py --steps): a
cheaper string to scan, a bound that closes a gate before planning. They are
held here to the slow paths they stand in for, on generated text.
"""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from textrepair import Config, boundaries, ocr
from textrepair import tokens as shared
from textrepair.registry import StepContext
from textrepair.tokens import share_known, tokens, unknown

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_WORDS = sorted(
    {w for p in SEEDS.glob("*.txt") for w in p.read_text(encoding="utf-8").split()}
)

# --- the shared set difference: the known words every step skips go once ---

token_text = st.lists(
    st.one_of(
        st.sampled_from(SEED_WORDS),
        st.sampled_from(SEED_WORDS).map(str.lower),
        st.text(alphabet="abcAB.,'’-éß1", min_size=1, max_size=8),
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(token_text, token_text)
def test_unknown_tokens_are_the_plain_set_difference(text: str, other: str) -> None:
    # Both steps' sets are registered when built; ask in the pipeline's order,
    # and again after another text (the kept answer must not leak across).
    for t in (text, other, text):
        distinct = tokens(t).distinct
        for known in (ocr._safe(), boundaries._safe()):
            assert unknown(t, known) == distinct.difference(known)


def test_unknown_tokens_when_the_sets_do_not_nest() -> None:
    saved, common = dict(shared._KNOWN), shared._COMMON[0]
    try:
        a = share_known("step a", frozenset({"to", "be", "or"}))
        b = share_known("step b", frozenset({"to", "be", "not"}))
        plain = frozenset({"the"})
        text = "to be or not to be, the question"
        for known in (a, b, plain, a):
            assert unknown(text, known) == tokens(text).distinct.difference(known)
    finally:
        shared._KNOWN.clear()
        shared._KNOWN.update(saved)
        shared._COMMON[0] = common


# --- repair_ocr_garble: the inner-mark scan runs on the unknown tokens only --

mark_text = st.lists(
    st.one_of(
        st.sampled_from(SEED_WORDS),
        st.sampled_from(sorted(ocr._known_with_marks())),
        st.text(alphabet="abcAB.,;:~^`?-gov", min_size=1, max_size=12),
        st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "\u2028"]),
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(mark_text)
def test_inner_mark_on_the_unknown_tokens_answers_as_on_the_text(text: str) -> None:
    distinct = tokens(text).distinct
    unknown = distinct.difference(ocr._safe())
    assert ocr._inner_mark(ocr._mark_tokens(distinct, unknown)) == ocr._inner_mark(text)


# --- the boundary gate: the bound on joins holds what _rejoin_line counts ---


def _spaced(seed: int) -> str:
    """A seed article with stray spaces inside some words, units after numbers
    and bracketed letters: the fragments the bound must not miss or must skip."""
    rng = random.Random(seed)
    words = rng.choice(sorted(SEEDS.glob("*.txt"))).read_text(encoding="utf-8").split()
    start = rng.randrange(max(1, len(words) - 120))
    out = []
    for w in words[start : start + 120]:
        roll = rng.random()
        if roll < 0.15 and len(w) > 3:
            cut = rng.randrange(1, len(w))
            w = f"{w[:cut]} {w[cut:]}"
        elif roll < 0.2:
            w = rng.choice(["5 mg", "2 Gy", "(n = 30)", "(b)", "vs.", "3 cm,", "treat ment"])
        out.append(w)
    return " ".join(out)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000))
def test_bound_on_joins_holds_the_joins_the_plan_counts(seed: int) -> None:
    text = _spaced(seed)
    survey = boundaries._survey(text)
    ctx = StepContext(Config(), "rejoin_split_words")
    counted = boundaries._rejoin_plan(text, survey, ctx)[1]
    assert counted <= survey.most_rejoins(0) <= survey.most_rejoins(float("inf"))
    assert survey.most_rejoins(0) <= len(survey.rejoin_hits)


# --- detokenize_ptb_spacing: the pre-test passes every PTB signal ---------


ptb_text = st.lists(
    st.tuples(
        st.sampled_from(
            ["do", "it", "A", "1", ")", '"', "”", ",", ".", "(", "n't", "n’t", "'s", "’s", "'re",
             "’ll", "'", "’", "s", "t", "x.", "(FDA"]
        ),
        st.sampled_from(["", " ", "  ", "\n", "\t", "\u00a0", "\u2028", " \n"]),
    ),
    max_size=12,
).map(lambda pairs: "".join(a + b for a, b in pairs))


@settings(max_examples=1000, deadline=None)
@given(ptb_text)
def test_ptb_pretest_passes_every_signal(text: str) -> None:
    from textrepair.patterns import PTB_SIGNAL
    from textrepair.spacing import _may_have_signals

    assert PTB_SIGNAL.search(text) is None or _may_have_signals(text)


# --- repair_ocr_garble: the pre-test's bounds on where a confusion can stand --


def _unbounded_pretest(low: str, floor: float) -> bool:
    """The pre-test without its bounds: every stretch of ``low`` a listed
    confusion reads, replaced by each of its readings, looked up among the
    candidate words at least ``floor`` common."""
    by_ocr, longest, word_forms, _ = ocr._letter_confusions(ocr._model())
    words = ocr._candidate_set(floor)
    if low in word_forms or low in words:
        return True
    for i in range(len(low)):
        for j in range(i + 1, min(i + longest, len(low)) + 1):
            for gold in by_ocr.get(low[i:j], ()):
                new = low[:i] + gold + low[j:]
                if new in words or not new.isalpha():
                    return True
    return False


_PRETEST_WORDS = sorted(w for w in ocr._candidate_words() if w.isalpha())


@st.composite
def _garbled_word(draw: st.DrawFn) -> str:
    """A candidate word with one listed confusion run backwards at any place
    (near its ends too, where the bounds cut), or with a letter changed, or
    random letters: words with and without a candidate."""
    word = draw(st.sampled_from(_PRETEST_WORDS))
    kind = draw(st.integers(0, 2))
    if kind == 0:
        golds = [
            (c.gold.lower(), c.ocr.lower()) for c in ocr._model()
            if c.gold and c.gold.isalpha() and c.ocr.isascii() and c.ocr.isalpha()
        ]
        gold, wrong = draw(st.sampled_from(golds))
        places = [i for i in range(len(word)) if word.startswith(gold, i)]
        if places:
            i = draw(st.sampled_from(places))
            return word[:i] + wrong + word[i + len(gold) :]
    if kind == 1:
        i = draw(st.integers(0, len(word) - 1))
        return word[:i] + draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz")) + word[i + 1 :]
    return draw(st.text(alphabet="abcdefhilmnortuvwxyz", min_size=1, max_size=14))


@settings(max_examples=600, deadline=None)
@given(_garbled_word(), st.sampled_from([3.0, 3.5, 5.0]))
def test_pretest_bounds_answer_as_the_unbounded_loop(low: str, floor: float) -> None:
    assert ocr._may_have_candidate(low, ocr._model(), floor) == _unbounded_pretest(low, floor)
