"""Every shipped dictionary is in the documented format, and rebuilds the same."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from textrepair.resources import load_table

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "dictionaries").glob("*.tsv"))
HEALTH_DATA = ROOT.parent / "shared" / "data" / "health" / "dev.jsonl"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_dictionary_format(path: Path) -> None:
    table = load_table(path.stem)
    assert table.header["name"] == path.stem
    generator = ROOT / table.header["generator"].split()[0]
    assert generator.is_file(), f"{path.name}: generator {generator} is missing"
    assert table.rows, f"{path.name} has no rows"
    widths = {len(row) for row in table.rows}
    assert widths == {len(table.columns)}
    lines = ["\t".join(r) for r in table.rows]
    assert lines == sorted(lines), f"{path.name} rows are not sorted"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_dictionary_sources_recorded(path: Path) -> None:
    assert path.name in (ROOT / "dictionaries" / "SOURCES.md").read_text(encoding="utf-8")


@pytest.mark.skipif(not HEALTH_DATA.exists(), reason="needs ../shared/data (the team's eval data)")
def test_health_vocabulary_rebuilds_identically() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_health_vocab.py"), "--check"],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
