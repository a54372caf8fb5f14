"""textrepair.load(): every enabled step's tables, before the first document."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from textrepair import Config, load, pipeline, repair
from textrepair.pipeline import normalisers
from textrepair.tokens import clear_word_caches

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


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


def _memo_sizes() -> dict[str, int]:
    """The size of every module-level container and lru cache in textrepair."""
    sizes = {}
    for name, module in sorted(sys.modules.items()):
        if name != "textrepair" and not name.startswith("textrepair."):
            continue
        for attr, value in vars(module).items():
            if isinstance(value, (set, dict, list)):
                sizes[f"{name}.{attr}"] = len(value)
            elif callable(getattr(value, "cache_info", None)):
                bounded = value.cache_parameters()["maxsize"] is not None
                sizes[f"{name}.{attr}({'words' if bounded else ''})"] = value.cache_info().currsize
    return sizes


def test_clear_word_caches_forgets_every_word() -> None:
    """After clear_word_caches() nothing holds more than after load(), except
    memos of the last text (one entry) and small tables built once (unbounded
    caches keyed by a model or a stroke count, a dozen entries at most): a
    per-word memo that clear_word_caches misses would make scripts/bench.py
    time seen words as new ones."""
    load()
    clear_word_caches()
    before = _memo_sizes()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts.append("Patients frorn tbe trial analyzedDNAfrom the treat ment , too .")
    for text in texts:
        repair(text)
    grown = {k for k, v in _memo_sizes().items() if v > before.get(k, 0)}
    assert any(k.endswith("(words)") for k in grown)  # the documents did fill word caches
    clear_word_caches()
    after = _memo_sizes()
    grown = {k: (before.get(k, 0), v) for k, v in after.items() if v > before.get(k, 0)}
    last_text = {k for k, (b, v) in grown.items() if v <= 1 and not k.endswith(")")}
    tables = {k for k, (b, v) in grown.items() if k.endswith("()") and v <= 12}
    assert set(grown) - last_text - tables == set(), grown


def test_large_tables_are_not_kept_as_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tables a step turns into its own structure (the synonym index, the
    topic vectors, the health counts) are streamed, not kept by load_table's
    cache beside that structure: 75 MB of a process after load() (eleventh
    session, tracemalloc), which every batch worker shares."""
    from textrepair import resources

    kept: list[str] = []
    real = resources.load_table

    def load_table(name: str) -> resources.Table:
        kept.append(name)
        return real(name)

    for module in (resources, pipeline, *(sys.modules[n.func.__module__] for n in normalisers())):
        if hasattr(module, "load_table"):
            monkeypatch.setattr(module, "load_table", load_table)
    from textrepair import spinning

    for built in (resources.load_counts, spinning._reverse_index, spinning._self_rates,
                  spinning._topic):
        built.cache_clear()  # built again below, through the patched reader
    load()
    repair((SEEDS / "000_c27c60a38ab0f839.txt").read_text(encoding="utf-8"))
    assert set(kept) <= {"spin_model", "ocr_confusions"}, kept
