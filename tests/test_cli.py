from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from textrepair.cli import main

DAMAGED = "It ’s rare , but ( FDA ) says so .\n"


def run(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "textrepair", *args], input=stdin, capture_output=True, check=False
    )


def test_stdin_to_stdout_carries_only_the_text() -> None:
    proc = run(["--explain", "--stats"], DAMAGED.encode())
    assert proc.returncode == 0
    assert proc.stdout.decode() == "It’s rare, but (FDA) says so.\n"
    assert b"detokenize_ptb_spacing" in proc.stderr


def test_log_replay_and_undo_round_trip(tmp_path: Path) -> None:
    src, out, log = tmp_path / "in.txt", tmp_path / "out.txt", tmp_path / "log.jsonl"
    src.write_text(DAMAGED, encoding="utf-8")
    assert main([str(src), "-o", str(out), "--log", str(log)]) == 0
    back = tmp_path / "back.txt"
    assert main([str(out), "--undo", str(log), "-o", str(back)]) == 0
    assert back.read_bytes() == src.read_bytes()
    again = tmp_path / "again.txt"
    assert main([str(src), "--replay", str(log), "-o", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()


def test_skip_turns_a_step_off() -> None:
    proc = run(["--skip", "detokenize_ptb_spacing"], DAMAGED.encode())
    assert proc.stdout.decode() == DAMAGED


def test_only_unknown_step_is_a_usage_error() -> None:
    proc = run(["--only", "no_such_step"], DAMAGED.encode())
    assert proc.returncode == 2
    assert b"invalid choice" in proc.stderr


def test_non_utf8_input_names_the_encoding_option() -> None:
    proc = run([], "café , ok .".encode("latin-1"))
    assert proc.returncode == 3
    assert b"--encoding" in proc.stderr
    assert proc.stdout == b""


def test_encoding_option_reads_latin1() -> None:
    proc = run(["--encoding", "latin-1"], "café".encode("latin-1"))
    assert proc.returncode == 0
    assert proc.stdout.decode() == "café"


def test_binary_input_is_refused() -> None:
    proc = run([], b"\x7fELF\x00\x00\x01binary")
    assert proc.returncode == 3
    assert b"binary" in proc.stderr


def test_missing_file(tmp_path: Path) -> None:
    proc = run([str(tmp_path / "nope.txt")])
    assert proc.returncode == 3
    assert b"cannot read" in proc.stderr


def test_empty_input_gives_empty_output() -> None:
    proc = run([], b"")
    assert proc.returncode == 0
    assert proc.stdout == b""


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_survive(newline: str) -> None:
    text = f"one line{newline}another line{newline}"
    assert run([], text.encode()).stdout.decode() == text


def test_foreign_log_is_refused(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    src = tmp_path / "in.txt"
    src.write_text(DAMAGED, encoding="utf-8")
    assert main([str(src), "--log", str(log), "-o", str(tmp_path / "o.txt")]) == 0
    other = tmp_path / "other.txt"
    other.write_text("something else entirely", encoding="utf-8")
    proc = run([str(other), "--replay", str(log)])
    assert proc.returncode == 4
    assert b"expects" in proc.stderr
