"""textrepair.load(): every enabled step's tables, before the first document."""

from __future__ import annotations

import dataclasses

import pytest

from textrepair import Config, load, pipeline
from textrepair.pipeline import normalisers


def test_load_runs_the_hooks_of_enabled_steps_only(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    steps = [
        dataclasses.replace(n, load=lambda name=n.name: calls.append(name)) for n in normalisers()
    ]
    monkeypatch.setattr(pipeline, "_ORDERED", steps)
    load(Config().only(["repair_ocr_garble", "restore_spun_words"]))
    assert calls == ["repair_ocr_garble", "restore_spun_words"]


def test_steps_with_lazily_built_tables_have_a_load_hook() -> None:
    hooked = {n.name for n in normalisers() if n.load is not None}
    assert {"repair_ocr_garble", "restore_spun_words"} <= hooked


def test_load_builds_the_lazy_tables() -> None:
    from textrepair import ocr, spinning

    assert load() >= 0.0
    for built in (ocr._other_language_words, ocr._candidate_words, spinning._reverse_index,
                  spinning._bare_lemmas):
        assert built.cache_info().currsize == 1, built.__name__
