"""rejoin_wrapped_lines: hard-wrapped paragraphs, split bullets, end-of-line hyphens."""

from __future__ import annotations

import textwrap

import pytest
from conftest import seed
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from textrepair import Config, repair, replay, undo

LINES = Config().only(["rejoin_wrapped_lines"])

# A paragraph hard-wrapped at 60 columns: enough lower-case continuations for
# the document test, and the width the cases below are measured against.
WRAPPED = (
    "Amyotrophic lateral sclerosis is a progressive disease in\n"
    "which the motor neurons that control the muscles of the body\n"
    "slowly degenerate, so that patients lose the ability to\n"
    "move, speak, swallow and eventually breathe. There is no\n"
    "cure."
)
JOINED = " ".join(WRAPPED.split("\n"))


def rejoin(text: str) -> str:
    return repair(text, LINES).text


@pytest.mark.parametrize(
    ("text_in", "text_out"),
    [
        pytest.param(WRAPPED, JOINED, id="lower-case continuations"),
        pytest.param(
            WRAPPED + "\nWhat Is ALS?\n" + WRAPPED,
            JOINED + "\nWhat Is ALS?\n" + JOINED,
            id="heading kept",
        ),
        pytest.param(
            WRAPPED + "\nSome patients recover, and researchers now know\n"
            "why.\nThe study was small.",
            JOINED + "\nSome patients recover, and researchers now know why.\nThe study was small.",
            id="short last line joined, next paragraph kept",
        ),
        pytest.param(
            WRAPPED + "\nThe disease is also known in the United States as Lou\n"
            "Gehrig’s disease, after a famous baseball player who had it.",
            JOINED + "\nThe disease is also known in the United States as Lou "
            "Gehrig’s disease, after a famous baseball player who had it.",
            id="full line before a capitalised name",
        ),
        pytest.param(
            WRAPPED + "\nKey facts:\n- Most\npatients survive 2 to 5 years.\n- About\n"
            "10% live longer.\n- Riluzole\n– Slows glutamate toxicity.",
            JOINED + "\nKey facts:\n- Most patients survive 2 to 5 years.\n"
            "- About 10% live longer.\n- Riluzole – Slows glutamate toxicity.",
            id="bullets split after their first word",
        ),
        pytest.param(
            WRAPPED + "\nKey facts:\n- Most patients survive 2 to 5 years.\n- About 10% live.",
            JOINED + "\nKey facts:\n- Most patients survive 2 to 5 years.\n- About 10% live.",
            id="bullets kept",
        ),
        pytest.param(
            WRAPPED + "\nThe patients needed long-term care and a new kind of treat-\n"
            "ment for the disease.",
            JOINED + "\nThe patients needed long-term care and a new kind of "
            "treatment for the disease.",
            id="hyphen dropped in a broken word",
        ),
        pytest.param(
            WRAPPED + "\nThe patients in the trial needed a great deal of long-\n"
            "term care for the disease.",
            JOINED + "\nThe patients in the trial needed a great deal of "
            "long-term care for the disease.",
            id="hyphen kept in a compound",
        ),
        pytest.param(
            WRAPPED + "\nAll of the patients in the trial were then tested for COVID-\n"
            "19 before they were enrolled.",
            JOINED + "\nAll of the patients in the trial were then tested for COVID-19 "
            "before they were enrolled.",
            id="hyphen kept before a number",
        ),
        pytest.param(
            WRAPPED + "\nAn X-\nray of the chest was taken before the start of the trial.",
            JOINED + "\nAn X-ray of the chest was taken before the start of the trial.",
            id="hyphen kept after a letter",
        ),
        pytest.param(
            WRAPPED + "\nThe drugs tested included steroids and nonsteroidal anti-\n"
            "inflammatory drugs.",
            JOINED + "\nThe drugs tested included steroids and nonsteroidal "
            "anti-inflammatory drugs.",
            id="hyphen kept after a prefix the vocabulary writes with it",
        ),
        pytest.param(
            WRAPPED + "\nIt was run by hospitals, clinics, and both profit and non-\n"
            "and for-profit groups.",
            JOINED + "\nIt was run by hospitals, clinics, and both profit and non- "
            "and for-profit groups.",
            id="suspended hyphen keeps its space",
        ),
        pytest.param(
            WRAPPED + "\nThe Gonzalez regimen was developed by\nDr. Nicholas Gonzalez in the 1980s.",
            JOINED + "\nThe Gonzalez regimen was developed by Dr. Nicholas Gonzalez in the 1980s.",
            id="line ending in a function word",
        ),
        pytest.param(
            WRAPPED + "\nThe patients in the trial all had a rare form of non-\n"
            "Hodgkin lymphoma.",
            JOINED + "\nThe patients in the trial all had a rare form of non-Hodgkin lymphoma.",
            id="hyphen kept before a name",
        ),
        pytest.param(
            "ALS Breakthrough Shows Fatal Disease\n" + WRAPPED,
            "ALS Breakthrough Shows Fatal Disease\n" + JOINED,
            id="document title kept",
        ),
        pytest.param(
            WRAPPED.replace("\n", "\r\n") + "\r\nWhat Is ALS?\r\nIt is rare.",
            JOINED + "\r\nWhat Is ALS?\r\nIt is rare.",
            id="crlf kept where kept",
        ),
        pytest.param(
            WRAPPED.replace("\n", " \n") + "\nWhat Is ALS?",
            JOINED + "\nWhat Is ALS?",
            id="trailing spaces before wraps",
        ),
        pytest.param(
            WRAPPED + "\n\n" + WRAPPED,
            JOINED + "\n\n" + JOINED,
            id="blank-line paragraphs",
        ),
        pytest.param(
            WRAPPED + "\n\f\n" + WRAPPED,
            JOINED + "\n\f\n" + JOINED,
            id="form feed page break",
        ),
    ],
)
def test_rejoin_wrapped_lines(text_in: str, text_out: str) -> None:
    assert rejoin(text_in) == text_out


@pytest.mark.parametrize(
    "clean",
    [
        pytest.param(JOINED + "\n" + JOINED + "\nWhat Is ALS?\n" + JOINED, id="one paragraph a line"),
        pytest.param(
            "Roses are red,\nviolets are blue,\nsugar is sweet,\nand so are you.\n"
            "the woods are lovely,\ndark and deep,\nbut i have promises\nto keep.",
            id="poem",
        ),
        pytest.param(
            "Dr. Jane Smith\nNational Institute of Neurological Disorders\n"
            "31 Center Drive\nBethesda, MD 20892\nphone: 301-496-5751\nemail: jane@nih.gov",
            id="address",
        ),
        pytest.param(
            "Symptoms include:\n- muscle weakness\n- twitching\n- slurred speech\n"
            "* trouble swallowing\n1. first visit\n2. second visit",
            id="markdown list",
        ),
        pytest.param(
            "| drug | effect |\n|---|---|\n| riluzole | slows glutamate toxicity |\n"
            "| edaravone | reduces oxidative stress |",
            id="markdown table",
        ),
        pytest.param(
            "def rejoin(text):\n    lines = text.split()\n    return lines\n"
            "import os\nimport sys\nx = rejoin(sys.argv)\nprint(x)",
            id="code",
        ),
        pytest.param(
            JOINED + "\nthe lowercase line is a deliberate one here.", id="one lower-case line"
        ),
        pytest.param(
            "Patients may have:\nmuscle cramps and twitching in the arms and legs\n"
            "slurred speech\ntrouble chewing or swallowing\nweakness in the hands",
            id="list without markers",
        ),
    ],
)
def test_rejoin_wrapped_lines_leaves_clean_text(clean: str) -> None:
    assert repair(clean, LINES).changes == []


def test_seed_003_newlines() -> None:
    text = seed("003")
    changes = repair(text, LINES).changes
    assert len(changes) == 67
    assert text.count("\n") - len(changes) == 59


def test_seed_003_wrapped_title_joined() -> None:
    out = rejoin(seed("003")).split("\n")
    assert out[0] == out[1] == "ALS Breakthrough Shows Fatal Disease Is Driven by Immune Attack"


@pytest.mark.parametrize("prefix", ["001", "002", "004"])
def test_clean_seeds_untouched(prefix: str) -> None:
    assert repair(seed(prefix), LINES).changes == []


def test_each_join_is_a_change_with_a_reason() -> None:
    result = repair(WRAPPED, LINES)
    assert len(result.changes) == 4
    assert all(c.step == "rejoin_wrapped_lines" and c.reason for c in result.changes)
    assert replay(WRAPPED, result.changes) == result.text
    assert undo(result.text, result.changes) == WRAPPED


def test_step_can_be_skipped() -> None:
    assert repair(WRAPPED, Config().skip(["rejoin_wrapped_lines"])).text == WRAPPED


# --- properties ---------------------------------------------------------------

WORDS = st.sampled_from(
    "the patients were treated with riluzole and most of them responded well to a "
    "therapy that slows progression of motor neuron disease over several years".split()
)
SENTENCE = st.lists(WORDS, min_size=4, max_size=14).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
PARAGRAPH = st.lists(SENTENCE, min_size=2, max_size=6).map(" ".join)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _wrap(paragraphs: list[str], width: int, sep: str) -> str:
    return sep.join(
        textwrap.fill(p, width, break_long_words=False, break_on_hyphens=False)
        for p in paragraphs
    )


@SETTINGS
@given(st.lists(PARAGRAPH, min_size=1, max_size=4), st.integers(min_value=40, max_value=100))
def test_wrapping_then_rejoining_gives_the_text_back(paragraphs: list[str], width: int) -> None:
    """Blank-line paragraphs wrapped at any width of 40 or more come back, once
    the document shows enough wraps to be recognised as hard-wrapped (narrower
    lower-case lines may be verse or a list: the step leaves them alone)."""
    wrapped = _wrap(paragraphs, width, "\n\n")
    assume(sum(line[:1].islower() for line in wrapped.split("\n")) >= 3)
    assert rejoin(wrapped) == "\n\n".join(paragraphs)


@SETTINGS
@given(
    st.lists(PARAGRAPH, min_size=1, max_size=5),
    st.integers(min_value=10, max_value=120),
    st.sampled_from(["\n", "\n\n", "\r\n"]),
)
def test_idempotent_on_wrapped_text(paragraphs: list[str], width: int, sep: str) -> None:
    once = rejoin(_wrap(paragraphs, width, sep))
    assert rejoin(once) == once
