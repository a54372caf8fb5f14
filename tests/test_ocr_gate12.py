"""The OCR gate's rate counts words, not tokens of marks alone (PTB spacing)."""

from __future__ import annotations

from textrepair import repair

WORDS = (
    "most patients in the trial had mild symptoms and recovered within two weeks of "
    "starting treatment at home"
).split()


def _ptb_page(sentences: int) -> str:
    """A page in PTB spacing (" , ", " ."): 18 words and 3 mark tokens a sentence."""
    sentence = (
        " ".join(WORDS[:6]) + " , " + " ".join(WORDS[6:12]) + " , " + " ".join(WORDS[12:]) + " ."
    )
    return " ".join([sentence] * sentences)


def test_a_second_run_repairs_nothing_the_first_left() -> None:
    # 90 words and 15 mark tokens with one OCR signal ("tbe"): the gate's rate
    # (1 per 100 words) is met by the words; counted over the 105 tokens it
    # was not, and the second run, after detokenize_ptb_spacing, repaired "tbe".
    text = _ptb_page(5).replace("the trial", "tbe trial", 1)
    once = repair(text)
    assert [c.after for c in once.changes if c.step == "repair_ocr_garble"] == ["the"]
    assert repair(once.text).changes == []


def test_the_rate_still_shuts_the_gate_on_a_longer_page() -> None:
    # 108 words, one signal: under 1 per 100 words, on the first run and the second.
    text = _ptb_page(6).replace("the trial", "tbe trial", 1)
    once = repair(text)
    assert all(c.step != "repair_ocr_garble" for c in once.changes)
    assert repair(once.text).changes == []
