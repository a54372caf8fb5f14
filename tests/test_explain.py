"""``--explain``: a coloured diff on a terminal, plain text anywhere else."""

from __future__ import annotations

import doctest
import io
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import textrepair.explain as explain
from textrepair import Change, repair
from textrepair.explain import format_changes, use_color

DAMAGED = "It ’s rare , but ( FDA ) says so .\n"
DELETE = Change("detokenize_ptb_spacing", 9, 10, " ", "", "ptb before_punct", 1.0, 9, 10)
INSERT = Change("split_glued_words", 8, 8, "", " ", "split: patients+are", 0.75, 8, 8)
REPLACE = Change("restore_spun_words", 4, 11, "cistron", "gene", "spin: syn gene", 0.5, 4, 11)


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_doctests() -> None:
    assert doctest.testmod(explain).failed == 0


@pytest.mark.parametrize(
    ("change", "text", "expected"),
    [
        pytest.param(DELETE, "It’s rare , but", "9-10 detokenize_ptb_spacing 1.00  "
                     "It’s rare[- -], but  ptb before_punct", id="deletion"),
        pytest.param(INSERT, "patientsare ill", "8-8 split_glued_words 0.75  "
                     "patients{+ +}are ill  split: patients+are", id="insertion"),
        pytest.param(REPLACE, "The cistron.", "4-11 restore_spun_words 0.50  "
                     "The [-cistron-]{+gene+}.  spin: syn gene", id="replacement"),
        pytest.param(DELETE, "line\nones , x", "9-10 detokenize_ptb_spacing 1.00  "
                     "line⏎ones[- -], x  ptb before_punct", id="newline-stays-on-one-line"),
        pytest.param(DELETE, None, "9-10 detokenize_ptb_spacing 1.00  [- -]  ptb before_punct",
                     id="without-text"),
    ],
)
def test_plain_line(change: Change, text: str | None, expected: str) -> None:
    assert format_changes([change], text=text).splitlines()[0] == expected


def test_long_context_is_cut_with_an_ellipsis() -> None:
    text = "a" * 100 + " ," + "b" * 100
    change = Change("s", 100, 101, " ", "", "r", 1.0, 100, 101)
    line = format_changes([change], text=text).splitlines()[0]
    assert "…" + "a" * explain.CONTEXT + "[- -]," + "b" * (explain.CONTEXT - 1) + "…" in line


def test_total_line_counts_by_step() -> None:
    out = format_changes([DELETE, DELETE, INSERT])
    assert out.splitlines()[-1] == "3 changes: detokenize_ptb_spacing 2, split_glued_words 1"


def test_plain_has_no_escape_codes() -> None:
    assert "\x1b" not in format_changes(repair(DAMAGED).changes, text=DAMAGED)


def test_colour_marks_deleted_and_inserted_text() -> None:
    out = format_changes([DELETE, REPLACE], color=True, text="It’s rare , but")
    assert "\x1b[9;31m␣\x1b[0m" in out  # a deleted space, visible, red and struck through
    assert "\x1b[32mgene\x1b[0m" in out
    assert "[-" not in out


def test_escape_codes_in_the_input_are_neutralised() -> None:
    change = Change("s", 0, 1, "\x1b", "", "r", 1.0, 0, 1)
    assert "\x1b" not in format_changes([change], text="\x1b[31mred\x9b2J")
    assert "\x9b" not in format_changes([change], text="\x1b[31mred\x9b2J")


ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(), st.sampled_from(list("\r\n\x0b\x0c\x1b\x85\u2028 ,.()’\ufffd"))
    ),
    max_size=200,
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT, st.booleans())
def test_one_line_a_change_for_any_text(text: str, color: bool) -> None:
    changes = repair(text).changes
    out = format_changes(changes, color=color, text=text)
    assert len(out.splitlines()) == (len(changes) + 1 if changes else 0)
    if not color:
        assert "\x1b" not in out


@pytest.mark.parametrize(
    ("stream", "env", "expected"),
    [
        pytest.param(FakeTerminal(), {}, True, id="terminal"),
        pytest.param(io.StringIO(), {}, False, id="not-a-terminal"),
        pytest.param(FakeTerminal(), {"NO_COLOR": "1"}, False, id="no-color"),
        pytest.param(FakeTerminal(), {"TERM": "dumb"}, False, id="dumb-terminal"),
    ],
)
def test_use_color(
    stream: io.StringIO, env: dict[str, str], expected: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert use_color(stream) is expected


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_cli_explain_to_a_terminal_is_coloured(monkeypatch: pytest.MonkeyPatch) -> None:
    import pty

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    controller, terminal = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "textrepair", "--explain"], input=DAMAGED.encode(),
            stdout=subprocess.PIPE, stderr=terminal, check=True,
        )
        err = os.read(controller, 65536).decode()
    finally:
        os.close(controller)
        os.close(terminal)
    assert proc.stdout.decode() == repair(DAMAGED).text
    assert "\x1b[9;31m␣\x1b[0m" in err
    assert "[-" not in err


def test_cli_explain_to_a_pipe_is_plain_with_context() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "textrepair", "--explain"], input=DAMAGED.encode(),
        capture_output=True, check=True,
    )
    err = proc.stderr.decode()
    assert "\x1b" not in err
    assert "It[- -]’s rare" in err
    assert err.splitlines()[-1].startswith(f"{len(repair(DAMAGED).changes)} changes: ")
