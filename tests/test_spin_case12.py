"""The case of a restoration whose spun form has no cased first letter."""

from __future__ import annotations

from textrepair import Config, repair

# Gate off (text known to be spun), so that a short page written for the test
# is read; "5-hydroxytryptamine" is a WordNet lemma of serotonin's synset.
GATE_OFF = Config().gates_off().only(["restore_spun_words"])
PAGE = (
    "Low levels of serotonin are common in depression, and doctors often measure it. "
    "{} is made in the gut and in the brain, where it helps nerve cells send signals."
)


def test_a_sentence_start_is_capitalised() -> None:
    result = repair(PAGE.format("5-hydroxytryptamine"), GATE_OFF)
    assert [(c.before, c.after) for c in result.changes] == [("5-hydroxytryptamine", "Serotonin")]


def test_inside_a_sentence_it_stays_lower_case() -> None:
    text = PAGE.format("It").replace("measure it.", "measure 5-hydroxytryptamine in blood.")
    afters = [c.after for c in repair(text, GATE_OFF).changes if c.before == "5-hydroxytryptamine"]
    assert afters == ["serotonin"]
