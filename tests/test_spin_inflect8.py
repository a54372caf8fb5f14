"""Eighth session: the syntax around a spun word that decides its number and
verb form (``spinning._agreement``). Each case is an English sentence the test
writes itself; the expected tags are what English grammar asks for there."""

from __future__ import annotations

import pytest

from textrepair import spinning


def _agree(text: str, first: str, n: int = 1) -> tuple[frozenset[str], tuple[str, ...], float]:
    """What ``_agreement`` says about the span of ``n`` tokens starting at the
    first token ``first`` (lower case) of a one-paragraph ``text``."""
    tokens = spinning._tokens(text)
    lower = [t[2].lower() for t in tokens]
    i = lower.index(first)
    return spinning._agreement(text, tokens, (lower, lower), list(range(i, i + n)),
                               list(range(len(tokens))))


@pytest.mark.parametrize("text", [
    "It is caused by changes in the CDKL5 gene and is inherited.",
    "Mutations in the BTD gene cause it.",
])
def test_a_noun_after_the_and_a_name_stays_singular(text: str) -> None:
    blocked, favoured, _ = _agree(text, "gene")
    assert "NNS" in blocked
    assert "NNS" not in favoured


def test_a_number_glued_to_letters_is_no_numeral() -> None:
    # Without "the" the name says nothing about the number either way.
    blocked, favoured, _ = _agree("Mutations in CDKL5 gene cause it.", "gene")
    assert "NNS" not in blocked and "NNS" not in favoured


def test_a_numeral_still_asks_for_a_plural() -> None:
    _, favoured, _ = _agree("Seizures typically begin before 5 month of age.", "month")
    assert favoured == ("NNS",)


def test_a_singular_determiner_rules_out_the_s_form_as_a_verb_too() -> None:
    # "disorders" is both the plural and the verb's -s form; neither follows "a".
    blocked, _, _ = _agree("It is a genetic disorder that affects the eye.", "disorder")
    assert {"NNS", "VBZ"} <= blocked


@pytest.mark.parametrize(("text", "word"), [
    ("It is a rare disease that affect the skin.", "affect"),
    ("This is a tumor which grow at the base of the spine.", "grow"),
])
def test_a_verb_after_a_singular_noun_and_that_asks_for_the_s_form(text: str, word: str) -> None:
    blocked, favoured, _ = _agree(text, word)
    assert favoured == ("VBZ",)
    assert "VBZ" not in blocked


def test_a_verb_after_a_plural_noun_and_that_is_no_s_form() -> None:
    blocked, favoured, _ = _agree("It is caused by mutations that cause the disease.", "cause")
    assert "VBZ" in blocked
    assert "VBZ" not in favoured


@pytest.mark.parametrize(("text", "word"), [
    ("It may occur with other autoimmune disease.", "disease"),
    ("Other cause of the pain are rare.", "cause"),
])
def test_other_without_a_determiner_asks_for_a_plural(text: str, word: str) -> None:
    _, favoured, _ = _agree(text, word)
    assert favoured == ("NNS",)


@pytest.mark.parametrize(("text", "word"), [
    ("On the other hand the test is cheap.", "hand"),
    ("There is no other way to test it.", "way"),
])
def test_other_after_a_determiner_asks_for_nothing(text: str, word: str) -> None:
    _, favoured, _ = _agree(text, word)
    assert favoured == ()


def test_the_verb_agrees_over_an_adverb() -> None:
    _, favoured, _ = _agree("Scabies mite generally do not survive long.", "mite")
    assert favoured == ("NNS",)
    blocked, _, _ = _agree("The main symptom often is fever.", "symptom")
    assert "NNS" in blocked


def test_a_multiword_span_agrees_with_a_plural_list_item_by_its_last_word() -> None:
    # "calendar week" (spun from weeks) beside "months": the span's number is
    # its last word's, and the list asks for a plural.
    _, favoured, bonus = _agree(
        "Improvement can take calendar week or months.", "calendar", 2
    )
    assert favoured == ("NNS",) and bonus == spinning._PARALLEL


def test_a_list_bonus_is_not_given_to_the_head_of_a_span() -> None:
    """The inflection loop inflects only a span's head; a list asks for the
    number of its last word, so "calendars week" gets no list bonus."""
    agreement = (frozenset(), ("NNS",), spinning._PARALLEL)
    with_list = spinning._options(["calendar", "week"], "take", "or", {}, {}, True,
                                  agreement)
    without = spinning._options(["calendar", "week"], "take", "or", {}, {}, True,
                                (frozenset(), ("NNS",), 0.0))
    assert with_list.inflected == without.inflected


def test_or_to_the_right_is_no_singular_noun() -> None:
    """lemminflect lists "or" as a noun (heraldry); a noun before it must not
    count as the first noun of a compound ("lymph node or tissues")."""
    blocked, favoured, _ = _agree("Cells may have spread to nearby lymph node or tissues.", "node")
    assert "NNS" not in blocked
    assert favoured == ("NNS",)
