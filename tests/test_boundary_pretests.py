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
