"""The bundled seed articles: clean ones untouched, damaged ones repaired."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CLEAN_SEEDS, seed

from textrepair import Config, repair


@pytest.mark.parametrize("path", CLEAN_SEEDS, ids=[p.name[:3] for p in CLEAN_SEEDS])
def test_clean_seeds_come_back_byte_identical(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    result = repair(text)
    assert result.changes == []
    assert result.text.encode("utf-8") == path.read_bytes()


PTB_ARTEFACTS = [" , ", " .", "( FDA )", "do n’t", "it ’s", "It ’s", "Here ’s", "Dr .", "1 %",
                 '" long and extend enough "', "locked - in", "patient ’s", "patients ' DNA"]


@pytest.mark.parametrize("artefact", PTB_ARTEFACTS)
def test_seed_000_ptb_artefacts_are_gone(seed000: str, artefact: str) -> None:
    assert artefact in seed000
    assert artefact not in repair(seed000).text


@pytest.mark.parametrize("word", ["system", "Colossal"])
def test_seed_000_replacement_chars_restored_with_one_record_each(
    seed000: str, word: str
) -> None:
    result = repair(seed000)
    assert f"{word}’s" in result.text
    records = [c for c in result.changes
               if c.step == "restore_replacement_chars"
               and seed000[c.orig_start - len(word) : c.orig_start] == word]
    assert len(records) == 1


def test_seed_003_is_not_touched_by_spacing_steps() -> None:
    steps = ["fix_mojibake", "restore_replacement_chars", "detokenize_ptb_spacing"]
    assert repair(seed("003"), Config().only(steps)).changes == []
