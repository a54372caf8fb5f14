"""A lost first letter ("uch as" for "such as"): a repair and a sign of OCR."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_ocr import _replays_and_is_idempotent

from textrepair import Config, repair

ONLY = Config().only(["repair_ocr_garble"])
GATE_OFF = ONLY.with_values(ocr_doc_min_signals=0, ocr_doc_min_rate=0.0)

PARAGRAPH = (
    "We used common software applications such as word processors and spreadsheets, "
    "although it took time. Each sentence was parsed except in cases where the parser failed."
)
LOST = ("such", "although", "except")


def _lose_first_letter(text: str, word: str) -> str:
    return text.replace(f" {word} ", f" {word[1:]} ", 1)


@pytest.mark.parametrize("words", [w for n in range(len(LOST) + 1) for w in combinations(LOST, n)])
def test_lost_first_letters_come_back(words: tuple[str, ...]) -> None:
    # The default pipeline: the lost letters alone open the OCR gate; with
    # none lost, the paragraph is clean and comes back unchanged.
    text = PARAGRAPH
    for word in words:
        text = _lose_first_letter(text, word)
    result = repair(text)
    assert result.text == PARAGRAPH
    assert sorted(c.after for c in result.changes) == sorted(words)
    assert all(c.reason.startswith("ocr: lost first letter") for c in result.changes)


FILLER = "Most patients in the trial had mild symptoms and recovered within two weeks. "  # 13 words


@pytest.mark.parametrize(("fillers", "opens"), [(4, True), (14, True), (16, False)])
def test_one_lost_first_letter_opens_a_paragraph_of_up_to_200_words(
    fillers: int, opens: bool
) -> None:
    # It counts as two signs of OCR at the gate's one per 100 words: 6 + 13
    # words a filler sentence (58, 188, 214 words).
    text = FILLER * fillers + "Drugs uch as these help."
    result = repair(text, ONLY)
    assert [c.after for c in result.changes] == (["such"] if opens else [])
    assert repair(result.text, ONLY).changes == []


def test_it_opens_the_gate_for_the_other_repairs() -> None:
    # A backoff repair ("carcionoma") is no sign of OCR on its own.
    alone = "Patients with carcionoma were treated with drugs such as these."
    assert repair(alone, ONLY).changes == []
    with_sign = _lose_first_letter(alone, "such")
    assert repair(with_sign, ONLY).text == alone.replace("carcionoma", "carcinoma")


@pytest.mark.parametrize(
    "text",
    [
        "They read a iew of the results.",  # view or few (another first letter): a tie
        "It was ense.",  # dense, sense or tense, none favoured by "was"
        "uch as this one.",  # the text's start: a text cut inside a word
        "The con dition of trade was poor.",  # the second piece of a split word
        "The (uch as) note was read.",  # after a mark
        "Drugs Uch as these help.",  # Capitalised: not this reading
    ],
)
def test_left_alone_even_with_the_gate_off(text: str) -> None:
    assert [c for c in repair(text, GATE_OFF).changes if "lost first" in c.reason] == []


# A paragraph the test writes, any of whose words of 4+ letters may lose the first letter.
TEXT = (
    PARAGRAPH + " It gave a sense of relief to most of the patients during the trial, and a few of "
    "them took notes frorn tbe start."
).split()


@settings(max_examples=100, deadline=None)
@given(st.sets(st.integers(0, len(TEXT) - 1), max_size=8), st.booleans())
def test_replay_and_idempotence(lost: set[int], gate_off: bool) -> None:
    text = " ".join(w[1:] if i in lost and len(w) > 3 else w for i, w in enumerate(TEXT))
    _replays_and_is_idempotent(text, GATE_OFF if gate_off else ONLY)
