"""TEXTREPAIR_DICTIONARIES: a directory whose tables replace the bundled ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from textrepair.resources import DICTIONARIES_ENV, dictionary_path


def test_override_directory_replaces_only_the_tables_it_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = dictionary_path("health_words")
    (tmp_path / "health_words.tsv").write_text(bundled.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv(DICTIONARIES_ENV, str(tmp_path))
    assert dictionary_path("health_words") == tmp_path / "health_words.tsv"
    assert dictionary_path("ocr_confusions") != tmp_path / "ocr_confusions.tsv"
    assert dictionary_path("ocr_confusions").is_file()


def test_without_override_the_bundled_tables_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DICTIONARIES_ENV, raising=False)
    assert dictionary_path("health_words").parent.name == "dictionaries"
