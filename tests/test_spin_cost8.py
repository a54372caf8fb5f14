"""restore_spun_words reads lemminflect's tables in place (eighth session,
second round: cost). Its public calls deep-copy a word's entry on every call;
the step's readers must give exactly what those calls give, and fail loudly
if the private tables they rely on change shape."""

from __future__ import annotations

import pytest
from lemminflect import (
    Inflections,
    Lemmatizer,
    getAllInflections,
    getAllLemmas,
    getInflection,
)
from lemminflect.core.LexicalUtils import getCapsStyle, uposToTags

from textrepair import spinning


def _old_tagged(lemma: str) -> tuple[tuple[str, str], ...]:
    # The seventh session's _tagged_inflections, through the public calls.
    table = dict(getAllInflections(lemma))
    if "VBD" in table:
        table["VBN"] = getInflection(lemma, "VBN")
    if len(table.get("NNS", ())) > 1:
        table["NNS"] = tuple(f for f in table["NNS"] if f != lemma)
    return tuple(
        sorted({(f, tag) for tag, forms in table.items() for f in forms if f.isalpha()})
    )


def _old_parts_of_speech(word: str) -> frozenset[str]:
    tags = getAllInflections(word)
    return frozenset(
        u for u in spinning._UPOS.values() if any(t in tags for t in uposToTags(u))
    )


def _old_lemmas(word: str) -> frozenset[str]:
    out = {word}
    for values in getAllLemmas(word).values():
        out.update(values)
    return frozenset(out)


def _words() -> list[str]:
    """Every override lemminflect has, every 9th key of its two main tables,
    and words whose entries take each branch of the readers."""
    infl, infl_over, lem, lem_over = spinning._inflection_tables()
    words = set(infl_over) | set(lem_over)
    words.update(sorted(infl)[::9])
    words.update(sorted(lem)[::9])
    words.update([
        "treatment", "treatments", "be", "go", "went", "bankrol", "abdomen", "treat",
        "diagnose", "patients", "data", "criterion", "lie", "", "x1", "aBC", "ß",
    ])
    # Lower-case, capitalised and upper-case: the readers take lemminflect's
    # own calls for the last two (their capitalisation style).
    return sorted({v for w in words for v in (w, w.lower(), w.capitalize(), w.upper())})


def test_private_tables_have_the_shape_the_readers_expect() -> None:
    # Fails loudly if a lemminflect release moves or reshapes them.
    tables = (
        Inflections()._getInflDict(), Inflections()._getOverridesDict(),
        Lemmatizer()._getLemmaDict(), Lemmatizer()._getOverridesDict(),
    )
    for table in tables:
        assert isinstance(table, dict) and table
        for key, entry in list(table.items())[:500]:
            assert isinstance(key, str) and isinstance(entry, dict)
            for tag, spellings in entry.items():
                assert isinstance(tag, str) and isinstance(spellings, tuple)
                assert all(isinstance(s, str) for s in spellings)
    assert spinning._inflection_tables() == tables


def test_readers_match_lemminflect_public_calls() -> None:
    words = _words()
    assert len(words) > 20_000
    for word in words:
        assert spinning._tagged_inflections(word) == _old_tagged(word), word
        assert spinning._parts_of_speech(word) == _old_parts_of_speech(word), word
        assert spinning._lemmas(word) == _old_lemmas(word), word
        assert spinning._lower_style(word) == (getCapsStyle(word) == "lower"), word


def test_past_participle_falls_back_to_past_tense() -> None:
    # A regular verb lists its past participle as the past tense only;
    # getInflection(lemma, "VBN") then answers with the past tense.
    infl = spinning._inflection_tables()[0]
    regular = next(
        w for w in sorted(infl) if w.islower() and "VBD" in infl[w] and "VBN" not in infl[w]
    )
    tagged = spinning._tagged_inflections(regular)
    past = {f for f, tag in tagged if tag == "VBD"}
    assert past and past == {f for f, tag in tagged if tag == "VBN"}
    assert past == set(getInflection(regular, "VBN"))


def test_mass_noun_reading_is_not_a_plural() -> None:
    tagged = spinning._tagged_inflections("treatment")
    assert ("treatments", "NNS") in tagged
    assert ("treatment", "NNS") not in tagged


@pytest.mark.parametrize("word", ["Treatment", "DNA", "Patients"])
def test_capitalised_words_keep_lemminflect_style(word: str) -> None:
    assert spinning._tagged_inflections(word) == _old_tagged(word)
    assert spinning._lemmas(word) == _old_lemmas(word)


def test_readers_return_fresh_objects_tables_stay_unchanged() -> None:
    # The readers share lemminflect's entries without copying them: asking
    # must leave them as they were.
    infl, infl_over = spinning._inflection_tables()[:2]
    before = {k: dict(infl.get(k, {})) for k in infl_over}
    for key in infl_over:
        spinning._tagged_inflections_copied(key)
        spinning._tagged_inflections.__wrapped__(key)
        spinning._quick_inflections(key)
    assert {k: dict(infl.get(k, {})) for k in infl_over} == before
