"""Config.for_source / with_setting and the command line's --source and --set:
what a user knows about a text's source opens the gates of that damage."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from textrepair import Config, repair
from textrepair.cli import main
from textrepair.config import SOURCES

OCR_TEXT = "The treatrnemt was safe."  # a long garble only the wide search reads
PDF_TEXT = "The doctorsare sure the testwas right."  # glue the boundary gate leaves alone


def run(args: list[str], stdin: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "textrepair", *args], input=stdin.encode(),
                          capture_output=True, check=False)


def test_each_source_changes_only_gate_fields() -> None:
    base = Config().to_dict()
    gates = {name for name, value in Config().gates_off().to_dict().items()
             if value != base[name]}
    for source in SOURCES:
        changed = {k for k, v in Config().for_source(source).to_dict().items() if v != base[k]}
        assert changed, source
        assert changed <= gates | {"ocr_wide_distance", "ptb_min_signals", "ptb_doc_min_signals"}
        assert all(Config().for_source(source).enabled(s) for s in Config().step_names())


def test_sources_combine_and_damaged_is_gates_off() -> None:
    both = Config().for_source("ocr", "pdf")
    assert both == Config().for_source("pdf", "ocr")
    assert both.ocr_wide_distance == 3 and both.boundary_doc_min_rate == 0.0
    assert Config().for_source("damaged") == Config().gates_off()
    with pytest.raises(ValueError, match="unknown source"):
        Config().for_source("fax")


def test_the_source_opens_what_the_default_keeps_shut() -> None:
    assert repair(OCR_TEXT).text == OCR_TEXT
    assert repair(OCR_TEXT, Config().for_source("ocr")).text == "The treatment was safe."
    assert repair(PDF_TEXT).text == PDF_TEXT
    assert repair(PDF_TEXT, Config().for_source("pdf")).text == (
        "The doctors are sure the test was right."
    )


@pytest.mark.parametrize("name", [f.name for f in fields(Config)])
def test_with_setting_reads_every_field_back(name: str) -> None:
    value = Config().to_dict()[name]
    text = str(value).lower() if isinstance(value, bool) else str(value)
    assert Config().with_setting(f"{name}={text}") == Config()


@pytest.mark.parametrize("setting", ["ocr_margin", "no_such_field=1", "ocr_margin=abc",
                                     "repair_ocr_garble=maybe", "ocr_wide_distance=9"])
def test_bad_settings_are_errors(setting: str) -> None:
    with pytest.raises(ValueError):
        Config().with_setting(setting)


def test_cli_source_and_set(tmp_path: Path) -> None:
    assert run([], OCR_TEXT).stdout.decode() == OCR_TEXT
    assert run(["--source", "ocr"], OCR_TEXT).stdout.decode() == "The treatment was safe."
    off = run(["--source", "ocr", "--set", "repair_ocr_garble=off"], OCR_TEXT)
    assert off.returncode == 0 and off.stdout.decode() == OCR_TEXT
    log = tmp_path / "log.jsonl"
    src = tmp_path / "in.txt"
    src.write_text(PDF_TEXT, encoding="utf-8")
    assert main([str(src), "--source", "pdf", "-o", str(tmp_path / "out.txt"),
                 "--log", str(log)]) == 0
    header = json.loads(log.read_text(encoding="utf-8").splitlines()[0])
    assert Config.from_dict(header["config"]) == Config().for_source("pdf")  # the log says so


@pytest.mark.parametrize("args", [["--set", "nope=1"], ["--set", "ocr_margin=x"],
                                  ["--source", "fax"]])
def test_cli_bad_source_or_setting_is_a_usage_error(args: list[str]) -> None:
    proc = run(args, OCR_TEXT)
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert proc.stderr.strip()
