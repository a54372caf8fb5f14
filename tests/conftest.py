from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CLEAN_SEEDS = [p for p in SEEDS if p.name[:3] in {"001", "002", "004"}]


def seed(prefix: str) -> str:
    (path,) = [p for p in SEEDS if p.name.startswith(prefix)]
    return path.read_bytes().decode("utf-8")


@pytest.fixture
def seed000() -> str:
    return seed("000")
