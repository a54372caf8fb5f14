"""Thirteenth session: the form of a restored word (``spinning._agreement``,
``spinning._counts``, and the page counts of ``spinning._options``). Each
sentence is written for the test; the expected tags are what English grammar
asks for there, not the step's output on a spun document."""

from __future__ import annotations

from collections import Counter

import pytest
from test_spin_inflect8 import _agree

from textrepair import spinning


def _counts(text: str, numeral: str, noun: str) -> bool:
    tokens = spinning._tokens(text)
    lower = [t[2].lower() for t in tokens]
    return spinning._counts(text, tokens, lower, lower.index(numeral), lower.index(noun),
                            list(range(len(tokens))))


@pytest.mark.parametrize(("text", "numeral", "noun"), [
    ("The fever lasts for 3 day in most children.", "3", "day"),
    ("Swelling goes down after 2-4 week of rest.", "4", "week"),
    ("Take 2 tablet with water.", "2", "tablet"),
])
def test_a_count_numeral_counts(text: str, numeral: str, noun: str) -> None:
    assert _counts(text, numeral, noun)


@pytest.mark.parametrize(("text", "numeral", "noun"), [
    ("Changes in the ataxin-3 gene cause it.", "3", "gene"),
    ("A deletion on chromosome 22 region causes it.", "22", "region"),
    ("Mutations in the KRT5 gene cause it.", "5", "gene"),
    ("It was seen in a 40 year-old woman.", "40", "year"),
    ("Only 1 patient recovered.", "1", "patient"),
])
def test_a_name_a_modifier_or_one_does_not_count(text: str, numeral: str, noun: str) -> None:
    assert not _counts(text, numeral, noun)


def test_a_span_own_words_are_not_the_page_using_its_original() -> None:
    """A multiword span whose original is one of its own words (the index
    maps "<modifier> <word>" to <word>): the span on the page is no use of
    that form elsewhere, so a page holding only the span scores the candidate
    as an empty page does."""
    span = next(
        key.split(" ") for key, originals in spinning._reverse_index().items()
        if key.count(" ") == 1 and any(o == key.split(" ")[1] and count >= 0
                                       for o, count, _ in originals)
    )
    empty = spinning._options(span, None, None, Counter(), Counter(), True)
    own = spinning._options(span, None, None, Counter(), Counter(span), True)
    assert empty.synonym is not None and own.synonym is not None
    assert (own.synonym.form, own.synonym.score) == (empty.synonym.form, empty.synonym.score)


@pytest.mark.parametrize(("text", "word", "blocks", "asks"), [
    # A singular subject asks for the -s form, over adverbs too.
    ("The outlook differ from one family to the next.", "differ", False, True),
    ("The outlook usually differ from one family to the next.", "differ", False, True),
    ("Recovery slowly improve over many months.", "improve", False, True),
    # A plural subject rules it out.
    ("The symptoms worsen at night.", "worsen", True, False),
    ("The symptoms often worsen at night.", "worsen", True, False),
    # The noun of a prepositional phrase is not the subject.
    ("The size of the cyst differ from person to person.", "differ", False, False),
    ("Cases in the families worsen with age.", "worsen", False, False),
    # A site word that is also a noun may be the second noun of a compound.
    ("Surgery may repair the heart defect.", "defect", False, False),
])
def test_a_verb_agrees_with_the_subject_before_it(
    text: str, word: str, blocks: bool, asks: bool
) -> None:
    blocked, favoured, _ = _agree(text, word)
    assert ("VBZ" in blocked) == blocks
    assert favoured == (("VBZ",) if asks else ())


def test_a_relative_after_a_noun_that_is_also_a_verb_asks_for_the_s_form() -> None:
    """Eighth session counted only a noun alone before "that"; a singular noun
    that is also a verb ("condition") takes the -s form as often (the corpus
    counts in ``_agreement``)."""
    _, favoured, _ = _agree("It is a rare condition that damage the skin.", "damage")
    assert favoured == ("VBZ",)


def test_which_after_a_comma_agrees_with_a_singular_noun_only() -> None:
    _, favoured, _ = _agree("The virus attacks the liver, which lose its function.", "lose")
    assert favoured == ("VBZ",)
    # "plural, which" may refer to the whole clause: nothing is ruled out.
    blocked, favoured, _ = _agree("It damages the kidneys, which lose their function.", "lose")
    assert "VBZ" not in blocked and favoured == ()


def test_a_modal_keeps_the_base_form_over_adverbs_only() -> None:
    blocked, _, _ = _agree("Symptoms may slowly worsen over time.", "worsen")
    assert {"VBD", "VBN", "VBZ", "VBG"} <= blocked
    # "may include difficulty <site>": the site heads a noun phrase; its -ing
    # form is English there ("difficulty breathing").
    blocked, _, _ = _agree("Symptoms may include difficulty swallow and cough.", "swallow")
    assert "VBG" not in blocked
