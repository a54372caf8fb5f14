"""Fifteenth session: the head of a noun phrase in apposition to a person's
name is a person slot (``spinning._person_slot``), where a synonym whose most
frequent WordNet noun sense names a person (``spin_person.tsv``) scores
``_PERSON_WEIGHT`` more than one that does not. The sentences are generated
here from names, role phrases and endings; the candidates come from a reverse
index written for the test, so the expected scores follow from the rule alone."""

from __future__ import annotations

import math
from collections import Counter
from itertools import product

import pytest

from textrepair import spinning

OPENINGS = ("“The results are early,” ", "The results are early, said ", "")
NAMES = ("Dr. Jane Holm", "Maria Okafor", "Prof. Lars Berglund")
ROLES = ("lead study {}", "senior {}", "{}")
ENDINGS = (" and a neurologist at the clinic, said.", ", said in a statement.",
           " at the university, told reporters.")


def _slot(text: str, word: str) -> bool:
    """``_person_slot`` of the one-token span ``word`` (its last occurrence)
    in a one-paragraph ``text``."""
    tokens = spinning._tokens(text)
    lower = [t[2].lower() for t in tokens]
    i = len(lower) - 1 - lower[::-1].index(word)
    idx = list(range(len(tokens)))
    right = spinning._neighbour(text, tokens, lower, i, 1, idx)
    return spinning._person_slot(text, tokens, (lower, lower), [i], idx, right)


@pytest.mark.parametrize(("opening", "name", "role", "ending"), list(product(
    OPENINGS, NAMES, ROLES, ENDINGS)))
def test_the_head_of_a_role_after_a_name_is_a_person_slot(
    opening: str, name: str, role: str, ending: str
) -> None:
    text = f"{opening}{name}, {role.format('generator')}{ending}"
    assert _slot(text, "generator")
    # A modifier of the head is not the slot ("study" in "lead study author").
    if role.startswith("lead study"):
        assert not _slot(text, "study")


@pytest.mark.parametrize("text", [
    # Two people, a place after a preposition or a determiner, a lone
    # capitalised word, a list of names, a subject that goes on, a count.
    "Jane Holm and Lars Berglund, study generator, said so.",
    "In New York, study generator said so.",
    "In the United Kingdom, study generator said so.",
    "However, study generator said so.",
    "Maria Okafor, Jane Holm, study generator, said so.",
    "Jane Holm, study generator say so.",
    # A count in the phrase: the name is a programme's, the noun a count's.
    "Expanded Access Program, 98 generator (9.3%) had it.",
    "Jane Holm, 2 generator, said so.",
])
def test_no_apposition_no_person_slot(text: str) -> None:
    assert not _slot(text, "generator")


def test_the_person_table_lists_one_word_nouns_only() -> None:
    persons = spinning._person_nouns()
    assert persons and all(w.isalpha() and w == w.lower() for w in persons)


def _pick(persons: frozenset[str], person: bool, n: int) -> list[str]:
    """``n`` common one-word nouns from the synonym index that are (or are
    not) in the person table."""
    nouns = sorted({o for entries in spinning._reverse_index().values() for o, c, _ in entries
                    if c > 0 and o.isalpha() and (o in persons) == person})
    return nouns[:: max(1, len(nouns) // n)][:n]


@pytest.mark.parametrize(("observed_person", "original_person"), list(product(
    (False, True), (False, True))))
def test_a_person_slot_weighs_whether_each_word_names_a_person(
    monkeypatch: pytest.MonkeyPatch, observed_person: bool, original_person: bool
) -> None:
    persons = spinning._person_nouns()
    # Different words where both lists are drawn from the same class.
    for observed, original in zip(_pick(persons, observed_person, 6)[:3],
                                  _pick(persons, original_person, 6)[3:], strict=True):
        index = {observed: ((original, 1, math.log(0.01)),)}
        monkeypatch.setattr(spinning, "_reverse_index", lambda index=index: index)

        def score(person: bool, observed: str = observed) -> float:
            opts = spinning._options([observed], "study", "and", Counter(), Counter(), True,
                                     person=person)
            assert opts.synonym is not None
            return opts.synonym.score

        expected = spinning._PERSON_WEIGHT * (original_person - observed_person)
        assert score(True) - score(False) == pytest.approx(expected)
