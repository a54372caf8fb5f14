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
from textrepair.registry import StepContext
from textrepair.tokens import tokens

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_WORDS = sorted(
    {w for p in SEEDS.glob("*.txt") for w in p.read_text(encoding="utf-8").split()}
)

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
