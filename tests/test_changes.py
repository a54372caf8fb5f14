from __future__ import annotations

import io

import pytest

from textrepair import Change, ChangeLogError, Config, read_log, replay, undo, write_log
from textrepair.changes import Edit, OffsetMap, apply_edits
from textrepair.pipeline import check_header, log_header, repair


def change(start: int, before: str, after: str) -> Change:
    return Change("test", start, start + len(before), before, after, "r")


def test_replay_and_undo_in_order() -> None:
    log = [change(0, "a", "xyz"), change(4, "b", "")]  # second is in running coordinates
    assert replay("a b c", log) == "xyz  c"
    assert undo("xyz  c", log) == "a b c"


def test_replay_and_undo_across_interleaved_steps() -> None:
    # step one edits positions 0 and 4; step two edits 2 (between them) and 0 again
    log = [change(0, "a", "A"), change(4, "c", "C"), change(2, "b", "BB"), change(0, "A", "")]
    assert replay("a b c d", log) == " BB C d"
    assert undo(" BB C d", log) == "a b c d"


@pytest.mark.parametrize("n", [1, 2, 500])
def test_replay_and_undo_many_changes(n: int) -> None:
    text = "x ," * n
    log = [change(3 * i + 1 - i, " ", "") for i in range(n)]
    assert replay(text, log) == "x," * n
    assert undo("x," * n, log) == text


def test_replay_rejects_a_foreign_log() -> None:
    with pytest.raises(ChangeLogError, match="expects 'a'"):
        replay("zzz", [change(0, "a", "b")])


def test_undo_rejects_a_foreign_output() -> None:
    with pytest.raises(ChangeLogError, match="in the output"):
        undo("zzz", [change(0, "a", "b")])


def test_apply_edits() -> None:
    assert apply_edits("a , b .", [Edit(1, 2, "", "r"), Edit(5, 6, "", "r")]) == "a, b."


@pytest.mark.parametrize(
    ("steps", "span", "expected"),
    [
        # one deletion: positions after it shift back
        ([[Edit(1, 2, "", "r")]], (3, 4), (4, 5)),
        # an edit inside text inserted earlier maps to the earlier edit's whole span
        ([[Edit(2, 3, "XYZ", "r")]], (3, 4), (2, 3)),
        # two steps: the second maps through the first
        ([[Edit(0, 2, "", "r")], [Edit(1, 2, "Q", "r")]], (1, 2), (3, 4)),
        # an edit touching an earlier deletion takes the deletion into its span
        ([[Edit(0, 2, "", "r")], [Edit(0, 1, "Q", "r")]], (0, 1), (0, 3)),
        # an insertion before a position
        ([[Edit(0, 0, "ab", "r")]], (2, 3), (0, 1)),
    ],
)
def test_offset_map(steps: list[list[Edit]], span: tuple[int, int], expected: tuple[int, int]) -> None:
    m = OffsetMap()
    for edits in steps:
        m.update(edits)
    assert m.to_orig(*span) == expected


def test_orig_offsets_point_into_the_input() -> None:
    text = "It ’s rare , but ( FDA ) said so ."
    result = repair(text)
    for c in result.changes:
        assert text[c.orig_start : c.orig_end] == c.before


def test_log_round_trip() -> None:
    text = "Here ’s how it works , really ."
    result = repair(text)
    buf = io.StringIO()
    write_log(buf, log_header(Config()), result.changes)
    header, changes = read_log(io.StringIO(buf.getvalue()))
    assert changes == result.changes
    assert header["textrepair"]
    assert check_header(header) == []
    assert replay(text, changes) == result.text


def test_header_detects_other_dictionaries() -> None:
    header = log_header(Config())
    name = next(iter(header["dictionaries"]))
    header["dictionaries"][name] = "0" * 64
    assert check_header(header) and name in check_header(header)[0]


@pytest.mark.parametrize(
    ("log", "message"),
    [
        ("", "empty"),
        ("not json\n", "not JSON"),
        ('{"format": "other"}\n', "not a textrepair change log"),
        ('{"format": "textrepair-log/1"}\n{"step": "x"}\n', "lacks"),
    ],
)
def test_read_log_errors(log: str, message: str) -> None:
    with pytest.raises(ChangeLogError, match=message):
        read_log(io.StringIO(log))
