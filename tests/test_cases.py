"""End-to-end JSON cases (tests/cases/pipeline.json) and known failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from textrepair import Config, repair, undo

CASES = Path(__file__).parent / "cases"


def load(name: str) -> list[dict]:
    return list(json.loads((CASES / name).read_text(encoding="utf-8"))["cases"])


def run(case: dict) -> str:
    config = Config().only(case["steps"]) if "steps" in case else Config()
    result = repair(case["input"], config)
    assert undo(result.text, result.changes) == case["input"]
    return result.text


@pytest.mark.parametrize("case", load("pipeline.json"), ids=lambda c: c["id"])
def test_case(case: dict) -> None:
    assert run(case) == case["output"]


@pytest.mark.xfail(strict=True, reason="known failure, see tests/cases/known_failures.json")
@pytest.mark.parametrize("case", load("known_failures.json"), ids=lambda c: c["id"])
def test_known_failure(case: dict) -> None:
    assert run(case) == case["output"]
