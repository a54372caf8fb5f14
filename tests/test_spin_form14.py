"""Fourteenth session: number and tense that syntax and the narrative set
(``spinning._agreement``'s apposition and person-agent rules,
``spinning._narrative``). The sentences are generated here from names, role
phrases and verbs; the expected tags are what English grammar asks for there,
not the step's output on a spun document."""

from __future__ import annotations

from collections import Counter
from itertools import product

import pytest

from textrepair import spinning

OPENINGS = ("“The results are early,” ", "The results are early, said ", "")
NAMES = ("Dr. Jane Holm", "Maria Okafor", "Prof. Lars Berglund")
ROLES = ("lead study {}", "senior {}", "{}")
ENDINGS = (" and a neurologist at the clinic, said.", ", said in a statement.",
           " at the university, told reporters.")


def _agree(text: str, first: str, past: bool = False) -> tuple[
    frozenset[str], tuple[str, ...], float
]:
    """What ``_agreement`` says about the one-token span ``first`` (lower
    case, its last occurrence) of a one-paragraph ``text``."""
    tokens = spinning._tokens(text)
    lower = [t[2].lower() for t in tokens]
    i = len(lower) - 1 - lower[::-1].index(first)
    return spinning._agreement(text, tokens, (lower, lower), [i], list(range(len(tokens))),
                               past)


@pytest.mark.parametrize(("opening", "name", "role", "ending", "noun"), list(product(
    OPENINGS, NAMES, ROLES, ENDINGS, ("author", "investigator", "researcher"))))
def test_a_role_in_apposition_to_a_name_stays_singular(
    opening: str, name: str, role: str, ending: str, noun: str
) -> None:
    text = f"{opening}{name}, {role.format(noun)}{ending}"
    blocked, favoured, _ = _agree(text, noun)
    assert {"NNS", "VBZ"} <= blocked
    assert "NNS" not in favoured


@pytest.mark.parametrize("text", [
    # Two people, a place after a preposition or a determiner, a lone
    # capitalised word starting the sentence, a list of names.
    "Jane Holm and Lars Berglund, study author, said so.",
    "In New York, study author said so.",
    "In the United Kingdom, study author said so.",
    "However, study author said so.",
    "Maria Okafor, Jane Holm, study author, said so.",
    # The phrase does not end at the role noun: it is a subject.
    "Jane Holm, study author say so.",
])
def test_no_apposition_leaves_the_number_open(text: str) -> None:
    blocked, _, _ = _agree(text, "author")
    assert "NNS" not in blocked


AGENTS = ("Jane Holm and colleagues", "Holm and her team", "Okafor and his collaborators",
          "She", "He")
VERBS = ("compare", "measure", "follow")


@pytest.mark.parametrize(("agent", "verb"), list(product(AGENTS, VERBS)))
def test_a_person_agent_takes_the_past_narrative(agent: str, verb: str) -> None:
    text = f"The clinic said it had records. {agent} {verb} the samples with care."
    _, favoured, bonus = _agree(text, verb, past=True)
    assert favoured == ("VBD",) and bonus > 0
    # A present or untold narrative asks for nothing.
    _, favoured, bonus = _agree(text, verb, past=False)
    assert "VBD" not in favoured and bonus == 0


@pytest.mark.parametrize(("subject", "verb"), list(product(
    ("These patients", "The colleagues", "Many teams", "Holm, colleagues"), VERBS)))
def test_no_person_agent_no_tense(subject: str, verb: str) -> None:
    _, favoured, _ = _agree(f"Records exist. {subject} {verb} the samples.", verb, past=True)
    assert "VBD" not in favoured


def test_a_reporting_verb_keeps_its_own_tense_bonus() -> None:
    # _tense_bonus already reads the narrative for "say": no second bonus.
    _, favoured, bonus = _agree("The records were old. She say the samples were lost.", "say",
                                past=True)
    assert bonus == 0 and "VBD" not in favoured


def test_the_past_bonus_makes_the_past_form_the_best_inflection() -> None:
    text = "Holm and colleagues compare the samples."
    past = _agree(text, "compare", past=True)
    opts = spinning._options(["compare"], "colleagues", "the", Counter(), Counter(), True, past)
    plain = spinning._options(["compare"], "colleagues", "the", Counter(), Counter(), True,
                              _agree(text, "compare"))
    assert opts.inflected is not None and plain.inflected is not None
    assert opts.inflected.form == "compared"
    assert opts.inflected.score > plain.inflected.score


@pytest.mark.parametrize(("said", "says", "expected"), [
    (3, 1, 1), (1, 3, -1), (2, 2, 0), (0, 0, 0)])
def test_the_narrative_tense_is_the_commoner_reporting_form(
    said: int, says: int, expected: int
) -> None:
    forms = Counter({"said": said, "says": says})
    assert spinning._narrative(forms) == expected
