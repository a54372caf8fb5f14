"""Hyphenated spun forms (eleventh session, spun.md "Eleventh session:
hyphenated spun forms"): a WordNet spinner writes hyphenated lemmas verbatim
("liver-colored" for liver, "tube-shaped structure" for tube), which the
synonym index used to drop and SPIN_TOKEN reads as several tokens.

The pairs below are WordNet 3.0 synsets (a spinner's random lemma of the
original's synset), not the step's output; the spun sentences are written
here, each from its clean sentence."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textrepair import Config, repair, replay, spinning, undo
from textrepair.spinning import _hyphen_joins, _hyphen_spans, _tokens

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from build_synonyms import _plain  # noqa: E402
from test_spinning import RESTORED, SPUN  # noqa: E402

ONLY = Config().only(["restore_spun_words"])

# The spun paragraph of test_spinning.py (SPUN, RESTORED, imported above)
# makes the document spun enough for the gate; each case adds one sentence.


def _originals(spun: str) -> set[str]:
    return {original for original, _, _ in spinning._reverse_index().get(spun, ())}


@pytest.mark.parametrize(
    ("spun", "original"),
    [
        ("liver-colored", "liver"),
        ("get-go", "first"),
        ("chop-chop", "rapidly"),
        ("item-by-item", "individual"),
        ("step-up", "increase"),
        ("day-to-day", "daily"),
        ("give-up the ghost", "die"),
        ("tube-shaped structure", "tube"),
    ],
)
def test_hyphenated_spun_form_is_a_candidate(spun: str, original: str) -> None:
    assert original in _originals(spun)


@pytest.mark.parametrize(
    ("form", "plain"),
    [
        ("liver-colored", True),
        ("get-up-and-go", True),
        ("give-up the ghost", True),
        ("5-hydroxytryptamine", True),
        ("al-qa'ida", False),  # an apostrophe: SPIN_TOKEN splits it, the span never matches
        ("roll-on roll-off ship", True),
        ("port-access coronary bypass surgery", False),  # four words
        ("co--ordinate", False),
        ("-up", False),
    ],
)
def test_builder_keeps_single_hyphens_inside_words(form: str, plain: bool) -> None:
    assert _plain(form) is plain


def _spans(text: str, k: int) -> list[tuple[int, list[str]]]:
    tokens = _tokens(text)
    lower = [t[2].lower() for t in tokens]
    idx = list(range(len(tokens)))
    return _hyphen_spans(text, tokens, lower, idx, k, _hyphen_joins(text, tokens, idx))


@pytest.mark.parametrize(
    ("text", "k", "spans"),
    [
        ("the get-go of it", 1, [(4, ["get-go", "of", "it"]), (3, ["get-go", "of"]),
                                 (2, ["get-go"])]),
        ("a day-to-day task", 1, [(4, ["day-to-day", "task"]), (3, ["day-to-day"])]),
        ("embryonic stem-cell research", 0, [(4, ["embryonic", "stem-cell", "research"]),
                                             (3, ["embryonic", "stem-cell"])]),
        ("the get-go", 2, []),  # "go" is inside the hyphenated word
        ("no hyphen here at all", 0, []),
        ("a spaced - dash", 1, []),  # not a hyphen joining two words
        ("the self–care plan", 1, []),  # an en dash is not a hyphen
        ("CDKL5-related disorder", 1, []),  # "5" is glued to a code
        ("an IGF-1 test", 1, [(3, ["igf-1", "test"]), (2, ["igf-1"])]),  # capitals: the pass skips
        ("mid-sixties Vitamin", 0, [(2, ["mid-sixties"])]),  # a name ends the span
    ],
)
def test_hyphen_spans(text: str, k: int, spans: list[tuple[int, list[str]]]) -> None:
    assert _spans(text, k) == spans


@pytest.mark.parametrize(
    "form", ["follow-up", "x-ray", "well-known", "long-term", "co-ordinate", "life-style",
             "day-to-day", "covid-19", "igf-1"],
)
def test_hyphenated_word_english_writes_is_no_spun_span(form: str) -> None:
    """Health or general English writes these (health text's own count of the
    compound, or its spaced pairs), or they are a spelling variant of their
    original ("co-ordinate", "life-style"): no evidence of a spinner."""
    assert spinning._not_a_spun_span(form)


def test_hyphenated_fingerprints_stay_out_of_the_gate() -> None:
    """The gate reads runs of letters; a hyphenated fingerprint counted as its
    parts' pair or triple opened a clean page (spun.md, "Eleventh session")."""
    prints = spinning._fingerprints()
    pairs, triples, _, _, _ = spinning._gate_tables()
    hyphenated = [f for f in prints if "-" in f and f.replace("-", " ") not in prints]
    assert "liver-colored" in hyphenated
    assert not any(b"-" in f for f in spinning._fingerprint_bytes())
    for form in hyphenated:
        key = tuple(w.encode() for w in form.replace("-", " ").split(" "))
        assert key not in pairs and key not in triples, form


CASES = [
    ("hyphenated_word", SPUN + "The liver-colored was enlarged.", RESTORED + "The liver was enlarged."),
    (
        "hyphenated_span",
        SPUN + "A thin tube-shaped structure is placed in the ear.",
        RESTORED + "A thin tube is placed in the ear.",
    ),
    (
        "english_hyphenated_words_kept",
        SPUN + "A follow-up x-ray is a well-known step in long-term care.",
        RESTORED + "A follow-up x-ray is a well-known step in long-term care.",
    ),
    ("codes_kept", SPUN + "Tests for COVID-19 and IGF-1 are new.",
     RESTORED + "Tests for COVID-19 and IGF-1 are new."),
]


@pytest.mark.parametrize(("text_in", "text_out"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_restore_hyphenated(text_in: str, text_out: str) -> None:
    result = repair(text_in, ONLY)
    assert result.text == text_out
    assert replay(text_in, result.changes) == result.text
    assert undo(result.text, result.changes) == text_in


def test_hyphenated_change_record_covers_the_compound() -> None:
    text = SPUN + "The liver-colored was enlarged."
    change = [c for c in repair(text, ONLY).changes if "-" in c.before]
    assert [(c.before, c.after, text[c.orig_start : c.orig_end]) for c in change] == [
        ("liver-colored", "liver", "liver-colored")]
    assert change[0].reason.startswith("spin: syn liver")


CLEAN = (
    "The follow-up x-ray showed a well-known long-term effect. Tests for COVID-19 and "
    "IGF-1 help doctors co-ordinate day-to-day care. A post-mortem found an end-to-end "
    "anastomosis and a high-pitched murmur. "
)


def test_clean_hyphenated_text_left_alone() -> None:
    assert repair(CLEAN * 3, ONLY).changes == []


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(
    SPUN.split(" ") + ["liver-colored", "get-go", "tube-shaped", "structure", "follow-up",
                       "x-ray", "-", "chop-chop.", "the", "."]), max_size=60))
def test_log_replays_and_undoes(words: list[str]) -> None:
    text = " ".join(words)
    result = repair(text, ONLY)
    assert replay(text, result.changes) == result.text
    assert undo(result.text, result.changes) == text
