"""Contracts of the whole pipeline, over arbitrary Unicode."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from textrepair import Config, normalisers, repair, replay, undo

# Any Unicode, lone surrogates and control characters included, with line
# breaks of every kind and the characters the normalisers look for.
ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=()),  # surrogates and controls included
        st.sampled_from(list("\r\n\t\f ,.()\"'’-\ufffdÃ©â€™ ")),
    ),
    max_size=300,
)
WORDS = st.sampled_from(
    "the patient was treated with a new drug and the results were good for most people "
    "in the study which lasted two years".split()
)
SENTENCE = st.lists(WORDS, min_size=3, max_size=15).map(lambda ws: " ".join(ws).capitalize() + ".")
PROSE = st.lists(
    st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=4
).map("\n".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(ANY_TEXT)
def test_never_raises_and_log_replays_and_undoes(text: str) -> None:
    result = repair(text)
    assert replay(text, result.changes) == result.text
    assert undo(result.text, result.changes) == text


@SETTINGS
@given(ANY_TEXT)
def test_orig_spans_are_in_the_input(text: str) -> None:
    for c in repair(text).changes:
        assert 0 <= c.orig_start <= c.orig_end <= len(text)


@SETTINGS
@given(ANY_TEXT)
def test_idempotent(text: str) -> None:
    once = repair(text).text
    assert repair(once).text == once


@SETTINGS
@given(PROSE)
def test_ordinary_sentences_are_a_fixed_point(text: str) -> None:
    result = repair(text)
    assert result.changes == []
    assert result.text == text


@SETTINGS
@given(ANY_TEXT, st.sampled_from([n.name for n in normalisers()]))
def test_a_disabled_step_never_appears_in_the_log(text: str, step: str) -> None:
    result = repair(text, Config().skip([step]))
    assert all(c.step != step for c in result.changes)


@settings(max_examples=5, deadline=None)
@given(st.integers(min_value=2_000, max_value=20_000), st.sampled_from(["\n", "\r\n", " "]))
def test_very_long_lines_replay_and_are_idempotent(repeats: int, sep: str) -> None:
    text = sep.join(["It ’s rare , but ( FDA ) data show it ."] * repeats)
    result = repair(text)
    assert replay(text, result.changes) == result.text
    assert undo(result.text, result.changes) == text
    assert repair(result.text).changes == []
