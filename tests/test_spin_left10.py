"""Originals the reverse synonym index used to lack (tenth session, spun.md
"Tenth session: spun words left"): scripts/build_synonyms.py kept an original
only when its lemma was frequent, so a spun synonym of a word pages write
inflected ("hospitalized", "lice") or of a rare health term ("myalgia",
"ribavirin") had no candidate that could restore it.

The pairs below are WordNet 3.0 synsets (a spinner's random lemma of the
original's synset), not the step's output."""

from __future__ import annotations

import pytest

from textrepair import spinning


def _originals(spun: str) -> set[str]:
    return {original for original, _, _ in spinning._reverse_index().get(spun, ())}


@pytest.mark.parametrize(
    ("spun", "original"),
    [
        # The lemma is rare, an inflection is frequent.
        ("hospitalise", "hospitalize"),  # hospitalized
        ("overrun", "infest"),  # infested
        ("sucking louse", "louse"),  # lice
        # A rare original and a rarer variant of it.
        ("myodynia", "myalgia"),
        ("virazole", "ribavirin"),
        ("transdermic", "percutaneous"),
        ("leishmaniosis", "leishmaniasis"),
    ],
)
def test_original_is_a_candidate(spun: str, original: str) -> None:
    assert original in _originals(spun)


@pytest.mark.parametrize(
    ("spun", "original"),
    [
        # A synonym general English writes stays out of a rare original: it
        # would make a clean page's field term look spun ("field_terms" in
        # test_spinning.py) and add an unlikely candidate to a common word.
        ("clavicle", "collarbone"),
        ("puking", "disgorgement"),
        ("regurgitation", "disgorgement"),
        ("kala azar", "leishmaniasis"),  # "kala" is commoner than leishmaniasis
    ],
)
def test_commoner_synonym_of_a_rare_original_is_left_out(spun: str, original: str) -> None:
    assert original not in _originals(spun)


def test_rare_original_keeps_its_own_rate() -> None:
    """A rare original's row with spun = original gives its own chance to be
    written (the inflection prior reads it) instead of the default."""
    assert spinning._self_rates().get("myalgia") == pytest.approx(0.5)
