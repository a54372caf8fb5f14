from __future__ import annotations

import json
from pathlib import Path

import ftfy
import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textrepair import Config, repair

MOJIBAKE = Config().only(["fix_mojibake"])
FFFD = Config().only(["restore_replacement_chars"])
NEGATIVE = json.loads(
    (Path(__file__).parent / "cases" / "fix_mojibake_negative.json").read_text(encoding="utf-8")
)


def cp1252_mojibake(text: str) -> str:
    return text.encode("utf-8").decode("sloppy-windows-1252")


@pytest.mark.parametrize(
    "clean",
    [
        "It’s a “test” – of course.",
        "Sjögren’s syndrome and Ménière’s disease",
        "Guillain-Barré syndrome, café-au-lait spots",
        "The dose was 5 µg/kg — about 10%.",
    ],
)
def test_fix_mojibake_repairs_cp1252_mojibake(clean: str) -> None:
    damaged = cp1252_mojibake(clean)
    assert damaged != clean
    result = repair(damaged, MOJIBAKE)
    assert result.text == clean
    assert all(c.reason.startswith("ftfy: ") for c in result.changes)


def test_fix_mojibake_reads_c1_separators_inside_a_line() -> None:
    """Hypothesis found "á\x85\x8d", the UTF-8 bytes of "ᅍ" read as latin-1:
    str.splitlines broke it at "\x85" (a C1 line separator), ftfy repaired a
    half, and a second run the rest (tests/test_properties.py::
    test_idempotent)."""
    for damaged in ("ᅍ".encode().decode("latin-1"), "x\u2028y ᅍ".encode().decode("latin-1")):
        result = repair(damaged, MOJIBAKE)
        assert repair(result.text, MOJIBAKE).changes == []
    assert repair("ᅍ".encode().decode("latin-1"), MOJIBAKE).text == "ᅍ"


@pytest.mark.parametrize("case", NEGATIVE["cases"], ids=[c["id"] for c in NEGATIVE["cases"]])
def test_fix_mojibake_leaves_ftfy_negatives(case: dict[str, str]) -> None:
    assert repair(case["text"], MOJIBAKE).changes == []


@pytest.mark.parametrize(
    "clean",
    [
        "“Curly quotes” stay curly",
        "ﬁnancial ligatures stay",
        "ＦＵＬＬＷＩＤＴＨ stays",
        "e\u0301 stays decomposed",
        "&amp; stays an entity",
        "line\r\nendings\rstay",
    ],
)
def test_fix_mojibake_makes_no_cosmetic_change(clean: str) -> None:
    assert repair(clean, MOJIBAKE).changes == []


@pytest.mark.parametrize(
    ("text_in", "text_out"),
    [
        ("our solar system\ufffds known planets", "our solar system’s known planets"),
        ("they don\ufffdt know", "they don’t know"),
        ("we\ufffdre here and I\ufffdm fine", "we’re here and I’m fine"),
        ("it's plain and we\ufffdve seen", "it's plain and we’ve seen"),
        ("Hawaiʻi isʼnt and weʼre, we\ufffdve", "Hawaiʻi isʼnt and weʼre, weʼve"),
        # negatives: nothing but an apostrophe must fit
        ("a na\ufffdve guess", "a na\ufffdve guess"),
        ("cost \ufffd 5 and \ufffdquoted\ufffd", "cost \ufffd 5 and \ufffdquoted\ufffd"),
        ("2010\ufffd2015", "2010\ufffd2015"),
        ("ca\ufffdtle", "ca\ufffdtle"),
    ],
)
def test_restore_replacement_chars(text_in: str, text_out: str) -> None:
    assert repair(text_in, FFFD).text == text_out


def test_unresolved_replacement_chars_are_counted() -> None:
    result = repair("cost \ufffd 5 and it\ufffds", FFFD)
    assert result.stats["restore_replacement_chars.unresolved"] == 1
    assert len(result.changes) == 1


def _pretest_alphabet() -> list[str]:
    from textrepair.encoding import _mojibake_chars

    return list(_mojibake_chars()) + list("ab sT.,?!\n’“”–éÃÂ") + ["\ud83d", "\udca9"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_pretest_alphabet()), max_size=12))
def test_ftfy_pretest_matches_ftfy_badness(text: str) -> None:
    """The pre-test answers exactly what ftfy's own checks would: its badness
    pattern anywhere, a C1 control or a surrogate."""
    from ftfy.badness import is_bad

    from textrepair.encoding import _may_need_ftfy

    expected = is_bad(text) or any("\x80" <= c <= "\x9f" or "\ud800" <= c <= "\udfff" for c in text)
    assert _may_need_ftfy(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_pretest_alphabet()), max_size=30))
def test_lines_the_pretest_skips_are_lines_ftfy_leaves(text: str) -> None:
    from textrepair.encoding import FTFY_CONFIG, _may_need_ftfy

    if not _may_need_ftfy(text):
        assert ftfy.fix_and_explain(text, config=FTFY_CONFIG).text == text


def test_ftfy_pretest_on_mojibake_of_every_cp1252_character() -> None:
    from textrepair.encoding import FTFY_CONFIG, _may_need_ftfy

    checked = 0
    for code in range(0xA0, 0x2200):
        ch = chr(code)
        try:
            garbled = cp1252_mojibake(f"the {ch} word")
        except UnicodeError:
            continue
        if ftfy.fix_and_explain(garbled, config=FTFY_CONFIG).text != garbled:
            checked += 1
            assert _may_need_ftfy(garbled), repr(garbled)
    assert checked > 1000
