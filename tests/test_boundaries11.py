"""rejoin_split_words' moved spaces ("th einformation" -> "the information").

The sentences are made up for these tests; the damage is the one PDF
extraction leaves when it puts a word's space one letter off.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textrepair import Config, repair, replay, undo

KNOWN_DAMAGED = Config(boundary_doc_min_repairs=0, boundary_doc_min_rate=0.0)
BOTH = KNOWN_DAMAGED.only(["split_glued_words", "rejoin_split_words"])
REJOIN = KNOWN_DAMAGED.only(["rejoin_split_words"])


@pytest.mark.parametrize(
    ("text_in", "text_out"),
    [
        # The space one letter late: the first word lost its last letter.
        ("Most of th epatients recovered.", "Most of the patients recovered."),
        ("In this study w eexamined two groups.", "In this study we examined two groups."),
        ("The rate o fdeath was low.", "The rate of death was low."),
        ("It was measured i nthe blood.", "It was measured in the blood."),
        # One letter early: the second word lost its first letter.
        ("The diagnosis o fcancer is hard.", "The diagnosis of cancer is hard."),
        ("The treatmen tof the disease helps.", "The treatment of the disease helps."),
        ("Patients wh ohad surgery were seen.", "Patients who had surgery were seen."),
        # Capitalised first token, where its new form is a common word.
        ("Th eresults were clear.", "The results were clear."),
    ],
)
def test_moved_space_is_mended(text_in: str, text_out: str) -> None:
    result = repair(text_in, BOTH)
    assert result.text == text_out
    assert any(c.reason.startswith("moved space:") for c in result.changes)


@pytest.mark.parametrize(
    "text",
    [
        # Two words as they stand: nothing is a fragment.
        "The drug is given in to the vein.",
        # Foreign and Latin phrases that look like fragments.
        "It was removed en bloc with the tumour.",
        "The protein is made de novo in vivo, et al. say.",
        "The Chinese name da qing ye means a plant.",
        # Names, identifiers, numbers, addresses and letters of a formula.
        "Dr Ba Rbara spoke.",
        "Let x y z be the points 1 2 3.",
        "See www.th einfo.org for more.",
        # Punctuation between the two tokens: not one moved space.
        "It is th, einformation.",
        # A fragment the page writes twice is a word of the page.
        "The ana lysis and the ana group.",
    ],
)
def test_moved_space_negatives(text: str) -> None:
    changes = repair(text, BOTH).changes
    assert not [c for c in changes if c.reason.startswith("moved space:")]


def test_move_by_one_is_preferred_to_a_move_by_two() -> None:
    # "them any" is a reading too (a move by two); the move by one wins.
    assert repair("It leads to th emany signs.", BOTH).text == "It leads to the many signs."


def test_two_tokens_that_make_a_word_are_joined_not_moved() -> None:
    result = repair("The treat ment works.", BOTH)
    assert result.text == "The treatment works."
    assert not [c for c in result.changes if c.reason.startswith("moved space:")]


def test_the_gate_keeps_a_clean_page_with_one_moved_space() -> None:
    text = (
        "Most of th epatients recovered within a week. The doctors saw them again a month "
        "later and found no sign of the illness. Their families were told what to expect."
    )
    assert repair(text, Config()).changes == []


def test_the_margin_decides() -> None:
    text = "Most of th epatients recovered."
    assert repair(text, BOTH.with_values(boundary_moved_margin=40.0)).text == text


def test_the_margin_is_validated() -> None:
    with pytest.raises(ValueError, match="boundary_moved_margin"):
        Config(boundary_moved_margin=-1.0)


def test_the_change_record_moves_the_letter() -> None:
    (change,) = repair("Most of th epatients recovered.", REJOIN).changes
    assert (change.before, change.after) == (" e", "e ")
    assert change.step == "rejoin_split_words"
    (change,) = repair("The diagnosis o fcancer is hard.", REJOIN).changes
    assert (change.before, change.after) == (" f", "f ")
    (change,) = repair("The treatmen tof the disease helps.", REJOIN).changes
    assert (change.before, change.after) == (" t", "t ")


_WORDS = (
    "the patients were treated with a new drug and most of them recovered within "
    "two weeks after the start of treatment in the hospital"
).split()


@st.composite
def _moved(draw: st.DrawFn) -> str:
    """A sentence of common words with one space moved a letter either way."""
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=4, max_size=12))
    k = draw(st.integers(0, len(words) - 2))
    a, b = words[k], words[k + 1]
    if draw(st.booleans()) and len(a) > 1:
        a, b = a[:-1], a[-1] + b
    elif len(b) > 1:
        a, b = a + b[0], b[1:]
    return " ".join([*words[:k], a, b, *words[k + 2 :]]) + "."


@settings(max_examples=150, deadline=None)
@given(_moved())
# Found by this property: "i na" was joined to the name "ina", which
# split_glued_words split into "in a" on a second run.
@example("the the patients i na.")
def test_moved_spaces_replay_undo_and_are_idempotent(text: str) -> None:
    result = repair(text, BOTH)
    assert replay(text, result.changes) == result.text
    assert undo(result.text, result.changes) == text
    assert repair(result.text, BOTH).text == result.text


# --- split_glued_words' bigram model under its margin: the page's own words ---

SPLIT_STRICT = KNOWN_DAMAGED.only(["split_glued_words"]).with_values(boundary_lm_margin=20.0)


def test_parts_that_stand_alone_in_the_page_decide_under_the_margin() -> None:
    # A margin no model gain reaches: only the page's own words can split.
    text = "The atrial wall is thin. A hole in the septum is common; the atrialseptum may be thin."
    result = repair(text, SPLIT_STRICT)
    assert "the atrial septum may" in result.text
    assert [c.reason.split(",")[1].strip() for c in result.changes] == [
        "both stand alone elsewhere in document"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The atrialseptum may be thin.",  # neither part stands alone
        "The septum is thin; the atrialseptum may be thin.",  # only one does
    ],
)
def test_one_part_alone_is_not_enough(text: str) -> None:
    assert repair(text, SPLIT_STRICT).text == text
