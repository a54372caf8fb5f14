"""The final pass counts the first pass's restored originals (fourteenth
session): the spinner is random, so a page's originals recur, and a synonym
the first pass restored elsewhere on the page is evidence for the same
original at another site, as the page's unspun uses are. A site's own
first-pass restoration never counts for itself (no restoration confirms
itself)."""

from __future__ import annotations

import math
from collections import Counter

from textrepair import spinning
from textrepair.changes import Edit


def _spun_words(n: int) -> list[tuple[str, str]]:
    """(observed, original) pairs from the reverse index: single lower-case
    words whose best-listed original is another single word with a WordNet
    count, the first ``n`` in the index's order."""
    out = []
    for observed, entries in spinning._reverse_index().items():
        if " " in observed or not observed.isalpha() or len(entries) < 2:
            continue
        original, count, _ = entries[0]
        if count > 0 and " " not in original and original.isalpha():
            out.append((observed, original))
        if len(out) == n:
            break
    return out


def _first_pass(lower: list[str], restorations: dict[int, str]) -> list[
    list[tuple[tuple[int, int], Edit, float]] | None
]:
    """A first pass that restored token i as ``restorations[i]``."""
    return [[((i, i), Edit(0, 0, after, "test", 0.9), 3.0) for i, after in restorations.items()]]


def test_synonym_restorations_are_counted_with_their_token() -> None:
    for observed, original in _spun_words(20):
        lower = ["the", observed, "of", "the", observed, "and", "the", observed]
        restored, own = spinning._restored_originals(lower, _first_pass(lower, {1: original,
                                                                                 4: original}))
        assert restored[original] == 2
        assert own == {1: original, 4: original}


def test_an_inflection_restores_no_other_original() -> None:
    """A lost inflection ("finding" -> findings) writes the observed lemma
    again: no candidate original of the word is counted."""
    for observed, _ in _spun_words(20):
        forms = [f for f, _ in spinning._tagged_inflections(observed) if f != observed]
        if not forms:
            continue
        lower = ["the", observed, "is"]
        restored, own = spinning._restored_originals(lower, _first_pass(lower, {1: forms[0]}))
        originals = {o for o, _, _ in spinning._reverse_index()[observed]}
        assert not set(restored) & (originals - {observed})
        assert set(own.values()) <= {observed}


def _page(lower: list[str], restored: Counter[str]) -> spinning._Page:
    lemmas: Counter[str] = Counter(lemma for w in lower for lemma in spinning._lemmas(w))
    return spinning._Page(lemmas, Counter(lower), {}, restored, {})


def test_own_restoration_does_not_confirm_itself() -> None:
    """The site the first pass restored to an original scores as if the page
    had no restorations; another site with the same spun word gains."""
    checked = 0
    for observed, _ in _spun_words(40):
        lower = ["patients", "with", "the", observed, "were", "seen"]
        plain = spinning._site_options(_page(lower, Counter()), [observed], "the", "were",
                                       True, (frozenset(), (), 0.0), None)
        if plain.synonym is None:
            continue
        original = plain.synonym.lemma
        page = _page(lower, Counter({original: 1}))
        own = spinning._site_options(page, [observed], "the", "were", True,
                                     (frozenset(), (), 0.0), None, original)
        assert own == plain
        other = spinning._site_options(page, [observed], "the", "were", True,
                                       (frozenset(), (), 0.0), None)
        assert other.synonym is not None and other.synonym.lemma == original
        assert other.synonym.restored == 1
        lift = spinning._RESTORED_WEIGHT * math.log(2)
        assert math.isclose(other.synonym.score, plain.synonym.score + lift)
        checked += 1
    assert checked >= 10


def test_restorations_count_up_to_the_cap() -> None:
    for observed, original in _spun_words(10):
        page = _page(["the", observed], Counter({original: spinning._RESTORED_CAP + 5}))
        opts = spinning._site_options(page, [observed], "the", None, True,
                                      (frozenset(), (), 0.0), None)
        assert opts.synonym is not None
        assert opts.synonym.restored <= spinning._RESTORED_CAP
