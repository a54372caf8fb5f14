"""Glyph clusters (Config.ocr_cluster_letters): a run of marks, digits or
brackets inside a long unknown token, with at most one letter beside it, read
as a letter OCR could not make out ("1)ublished" -> "published")."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textrepair import Config, repair
from textrepair.changes import replay

ONLY = Config().only(["repair_ocr_garble"])
GATE_OFF = ONLY.with_values(ocr_doc_min_signals=0, ocr_doc_min_rate=0.0)
KNOWN_OCR = GATE_OFF.with_values(ocr_wide_distance=3)

# Sentences the tests write themselves (no evaluation data).
CASES = [
    ("bracket_and_stem_for_p", "The results were 1)ublished last year.",
     "The results were published last year."),
    ("stem_and_bracket_inside", "The exl)osure was low.", "The exposure was low."),
    ("bracket_and_colon_for_c", "Ask about your medi(:ines.", "Ask about your medicines."),
    ("capital_i_and_bracket", "Side effects were reI)orted by ten.", "Side effects were reported by ten."),
    ("two_clusters", "The vacc~nat~on rate rose.", "The vaccination rate rose."),
]

NEGATIVES = [
    # Two words a lost space joined: the mark is the space, not a glyph.
    ("lost_space", "The course.of treatment was long and the.same dose was kept."),
    ("number_glued_to_a_word", "A 30mg dose was given to 12patients."),
    ("too_loose_to_read", "The l;a;e;x was dry."),
    ("formulas_and_abbreviations", "See e.g. the f(x) and a.b.c values, p<0.05 and x2.5y."),
    ("paired_brackets", "The gene(s) and mass(es) were found."),
    ("compounds", "The bottom-up and/or top-down view of him/her."),
    # A piece of a longer garble: "(:" is a glyph stripped off with the bracket.
    ("fragment_after_a_stripped_mark", "It is a common (:omplication of surgery."),
]


@pytest.mark.parametrize(("text_in", "text_out"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
@pytest.mark.parametrize("config", [GATE_OFF, KNOWN_OCR], ids=["gate_off", "known_ocr"])
def test_glyph_clusters(text_in: str, text_out: str, config: Config) -> None:
    result = repair(text_in, config)
    assert result.text == text_out
    assert all("ocr: wide" in c.reason for c in result.changes)


@pytest.mark.parametrize("text", [c[1] for c in NEGATIVES], ids=[c[0] for c in NEGATIVES])
@pytest.mark.parametrize("config", [GATE_OFF, KNOWN_OCR], ids=["gate_off", "known_ocr"])
def test_glyph_clusters_leave_alone(text: str, config: Config) -> None:
    assert repair(text, config).changes == []


@pytest.mark.parametrize("config", [GATE_OFF, KNOWN_OCR], ids=["gate_off", "known_ocr"])
def test_no_cluster_reading_of_a_capitalised_token_mid_sentence(config: Config) -> None:
    # A name is likelier ("Hosl)ital" alone at a sentence start is read).
    changes = repair("The staff of Hosl)ital Group met.", config).changes
    assert not any("wide" in c.reason for c in changes)
    assert repair("Hosl)ital stays were short.", config).text == "Hospital stays were short."


def test_default_config_reads_clusters_only_past_the_gate() -> None:
    assert Config().ocr_cluster_letters == 1
    lone = "The results were 1)ublished last year. " + "They were well. " * 10
    assert repair(lone, ONLY).changes == []  # no OCR sign: the gate stays shut
    # "frorn" (rn for m) and "tbe" open the gate; then the cluster token is read too.
    damaged = "Most patients frorn tbe trial 1)ublished their results."
    assert repair(damaged, ONLY).text == "Most patients from the trial published their results."
    off = ONLY.with_values(ocr_cluster_letters=0)
    assert "1)ublished" in repair(damaged, off).text


def test_cluster_letters_validated() -> None:
    for bad in (-1, 3):
        with pytest.raises(ValueError):
            Config(ocr_cluster_letters=bad)


def test_a_lost_first_letter_is_not_inserted_after_a_glued_mark() -> None:
    # The error model alone (no clusters) would make "1)published": the mark
    # is the lost letter, so the piece after it is left alone.
    off = GATE_OFF.with_values(ocr_cluster_letters=0)
    assert repair("The results were 1)ublished last year.", off).changes == []


def test_weighted_distance_prices_a_cluster_as_one_glyph() -> None:
    from textrepair.ocr import _model, _weighted_distance

    def wd(ocr: str, clusters: int) -> float:
        return _weighted_distance(ocr, "proposed", _model(), clusters)

    assert wd("proposed", 1) == 0.0
    assert wd("1)rol)osed", 1) < wd("1)rol)osed", 0)  # "1)" and "l)" as one glyph each
    assert wd("1)rol)osed", 1) < wd("xrozosed", 1)  # cheaper than two plain letter errors


# Tokens with marks, digits and brackets among letters, for the properties below.
CLUSTER_TOKENS = st.one_of(
    st.sampled_from("1)ublished exl)osure medi(:ines reI)orted vacc~nat~on course.of "
                    "l;a;e;x 30mg patients the were . ,".split()),
    st.text(alphabet="abcdeilmnoprstu();:~.,10", min_size=4, max_size=14),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(CLUSTER_TOKENS, min_size=1, max_size=20))
# Found by this property: the wide search skipped "0:b1en" (three letters),
# a piece repair made it "0:bien", which a second run read as "been".
@example(["course.of", "0:b1en"])
# And: a piece repaired ("scir" -> "sir") while the whole token's reading was
# too weak to take, which the repair made cheap enough for a second run.
@example(["p::scir"])
# And: a neighbour the first round repaired ("1)ublished" -> "published") is
# context for the second, as for a second run ("olb00c published" -> "also").
@example(["olb00c", "1)ublished"])
def test_cluster_replay_and_idempotence(words: list[str]) -> None:
    text = " ".join(words)
    for config in (GATE_OFF, KNOWN_OCR):
        result = repair(text, config)
        assert replay(text, result.changes) == result.text
        spans = sorted((c.orig_start, c.orig_end) for c in result.changes)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
        assert repair(result.text, config).changes == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdeilmnoprstu();:~.,10", min_size=6, max_size=14), st.sampled_from([1, 2]))
def test_cluster_bound_keeps_best_and_runner_up(core: str, letters: int) -> None:
    """The search computes the weighted distance only for words that can
    still be best or runner-up (_mark_floor): the same two as computing it
    for every matching word."""
    from textrepair import ocr

    analyse = ocr._wide_analyse.__wrapped__
    bounded = analyse(core, 0, letters)
    floor = ocr._mark_floor
    try:
        ocr._mark_floor = lambda model: float("-inf")  # type: ignore[assignment]
        unbounded = analyse(core, 0, letters)
    finally:
        ocr._mark_floor = floor  # type: ignore[assignment]
    assert (bounded.best, bounded.runner_up, bounded.reason) == (
        unbounded.best, unbounded.runner_up, unbounded.reason
    )


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdeilmnoprstu();:~.,10", min_size=4, max_size=14), st.sampled_from([1, 2]))
def test_cluster_matches_by_length_are_all_matches(low: str, letters: int) -> None:
    """The pattern's least and most letters bound every word it matches, so
    scanning only the words of those lengths finds them all."""
    import regex

    from textrepair import ocr

    pattern, least, longest = ocr._cluster_pattern(low, letters)
    everything = "\n".join(ocr._cluster_corpus().values())
    found = regex.findall(pattern, everything, regex.M)
    assert all(least <= len(w) <= longest for w in found)
    if len(found) <= ocr._CLUSTER_MOST:
        assert sorted(ocr._cluster_matches(low, letters)) == sorted(found)
