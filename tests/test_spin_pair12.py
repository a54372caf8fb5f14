"""Adjacent spun words restored together (twelfth session).

The spinner spins each content word on its own, so two neighbouring words
are often both spun, and each one's only context is the other's spun form:
neither is restored on its own, though the pair of originals is common
English. The second pass may restore them as a pair, each read by the learned
decision with its partner's candidate as its neighbour, and a word the first
pass left alone beside a restored neighbour only with
``Config.spin_pair_confidence``.
"""

from __future__ import annotations

import pytest

from textrepair import Config, repair, replay, undo

# Written for this test: a short genetics page and the same page with some
# words swapped for WordNet synonyms in their base form, as the spinner writes
# them; "usually inherited" is spun as "normally inherit", both words at once.
CLEAN = (
    "Leber congenital amaurosis is an eye disorder that primarily affects the retina. "
    "People with this disorder typically have severe visual impairment beginning in infancy. "
    "The condition is usually inherited in an autosomal recessive pattern. Mutations in at "
    "least fourteen genes can cause it. These genes are important for the normal development "
    "and function of the retina. Affected individuals may also have problems with the cornea, "
    "and their eyes may move rapidly. Doctors diagnose the condition with an eye examination "
    "and genetic testing."
)
SPUN = (
    "Leber congenital amaurosis is an eye disarray that in the first place affects the retina. "
    "People with this disarray typically have severe optic handicap beginning in babyhood. "
    "The condition is normally inherit in an autosomal recessive pattern. Mutations in at "
    "least fourteen cistron can cause it. These cistron are important for the normal growing "
    "and function of the retina. Affected role may also have problems with the cornea, "
    "and their eyes may move apace. Doctors name the condition with an eye examination "
    "and genetic examination."
)
# The same spun page where that sentence is one a clean page writes with the
# same two words ("normally inherit" is English here and must stay).
FINE_PAIR = SPUN.replace(
    "The condition is normally inherit in an autosomal recessive pattern.",
    "Children normally inherit one copy of each cistron from each parent.",
)

STEP = Config().only(["restore_spun_words"])
PAIRS_OFF = STEP.with_values(spin_pair_confidence=1.0)


def test_neighbouring_spun_words_come_back_as_a_pair() -> None:
    result = repair(SPUN, STEP)
    assert "is usually inherited in" in result.text
    assert result.stats["restore_spun_words.pairs_restored"] == 1


def test_neither_word_comes_back_alone() -> None:
    """Without pairs (spin_pair_confidence 1) both words stay as spun: each
    alone reads well enough beside the other's spun form."""
    result = repair(SPUN, PAIRS_OFF)
    assert "is normally inherit in" in result.text
    assert "restore_spun_words.pairs_restored" not in result.stats


def test_the_same_words_in_english_stay() -> None:
    result = repair(FINE_PAIR, STEP)
    assert "Children normally inherit one copy" in result.text
    assert "restore_spun_words.pairs_restored" not in result.stats


@pytest.mark.parametrize("text", [CLEAN, CLEAN.replace(
    "The condition is usually inherited in an autosomal recessive pattern.",
    "Children normally inherit one copy of each gene from each parent.",
)], ids=["clean_page", "clean_page_with_the_pair"])
def test_clean_page_unchanged(text: str) -> None:
    assert repair(text, STEP).changes == []
    assert repair(text).text == text


@pytest.mark.parametrize("text", [SPUN, FINE_PAIR], ids=["pair", "fine_pair"])
def test_change_log_replays_and_undoes(text: str) -> None:
    result = repair(text)
    assert replay(text, result.changes) == result.text
    assert undo(result.text, result.changes) == text


def test_spin_pair_confidence_is_validated() -> None:
    with pytest.raises(ValueError, match="spin_pair_confidence"):
        Config(spin_pair_confidence=1.5)
