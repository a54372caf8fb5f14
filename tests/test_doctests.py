"""Run the doctests of the core modules and of every normaliser module."""

from __future__ import annotations

import doctest
import importlib

import pytest

from textrepair.pipeline import NORMALISER_MODULES

MODULES = [
    "textrepair", "textrepair.changes", "textrepair.pipeline", "textrepair.tokens",
    *NORMALISER_MODULES,
]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
