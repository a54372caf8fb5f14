"""restore_spun_words' shortcuts on spun pages give the answers of the plain
computation: the bigram score written out in :func:`spinning._logp`, and the
per-document memo of scored sites (``_Page.scored``)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from textrepair import Config, spinning
from textrepair.changes import Edit
from textrepair.registry import StepContext

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = next((ROOT / "seeds").glob("000_*.txt")).read_text("utf-8")
SPUN = (
    "The cistron was found in citizenry with the disease. Many affected role have "
    "no symptom. A newfangled drug was efficacious. Most of them recuperate. "
    "Patients are diagnose late. The cistron codes for a protein; affected role "
    "are diagnose early and many affected role have no symptom."
)


def _conditional(pairs: dict[str, int], words: dict[str, int], pair: str, prev: str,
                 k: float, absent: float, p_word: float) -> float:
    """The bigram list's conditional as _logp's comment states it."""
    n_prev = words.get(prev, 0) + k
    count = pairs.get(pair, 0)
    if count:
        return count / n_prev
    return min(p_word, absent / n_prev) * (n_prev - k) / n_prev


def _reference_logp(word: str, prev: str | None) -> float:
    s = spinning
    unigram = s._wordfreq().get(word, 0.0) + 1e-9
    if prev is None:
        return math.log(unigram)
    pair = f"{prev} {word}"
    health = _conditional(s._health_bigrams(), s._health(), pair, prev, s._K_HEALTH,
                          s._ABSENT_HEALTH, s._health().get(word, 0) / s._health_total())
    uni, bi = s._symspell()
    general = _conditional(bi, uni, pair, prev, s._K_SYMSPELL, s._ABSENT_SYMSPELL, unigram)
    web_uni, web_bi = s._wordsegment()
    web = _conditional(web_bi, web_uni, pair, prev, s._K_WEB, s._ABSENT_WEB, unigram)
    general = (1 - s._W_WEB) * general + s._W_WEB * web
    return math.log(s._W_HEALTH * health + s._W_GENERAL * general + s._W_UNIGRAM * unigram)


@pytest.mark.parametrize(("word", "prev"), [
    ("diagnosed", "are"),  # a pair every list has
    ("symptoms", "no"),
    ("gene", "the"),
    ("syndrome", "lynch"),  # a health pair
    ("cistron", "the"),  # a rare word after a common one
    ("role", "affected"),
    ("recuperate", "them"),
    ("xqzv", "the"),  # a word no list knows
    ("the", "xqzv"),
    ("patients", None),  # no left context
    ("xqzv", None),
])
def test_logp_is_the_interpolated_bigram_model(word: str, prev: str | None) -> None:
    spinning._logp.cache_clear()
    assert spinning._logp(word, prev) == _reference_logp(word, prev)


class _NoMemo(dict[Any, Any]):
    """A memo that never remembers: every site is scored afresh."""

    def get(self, key: Any, default: Any = None) -> Any:
        return default


def _run(text: str, config: Config, memo: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[
    list[Edit], dict[str, int], list[Any], int
]:
    calls = 0
    options = spinning._options

    def counted(*args: Any, **kwargs: Any) -> spinning._Options:
        nonlocal calls
        calls += 1
        return options(*args, **kwargs)

    page = spinning._Page
    with monkeypatch.context() as m:
        m.setattr(spinning, "_options", counted)
        if not memo:
            m.setattr(spinning, "_Page",
                      lambda lemmas, forms, past, _: page(lemmas, forms, past, _NoMemo()))
        m.setattr(spinning, "_TRACE", [])
        ctx = StepContext(config, "restore_spun_words")
        edits = spinning.restore_spun_words(text, ctx)
        trace = list(spinning._TRACE or [])
    return edits, dict(ctx.stats), trace, calls


@pytest.mark.parametrize("decision", ["model", "margins"])
@pytest.mark.parametrize("name", ["seed_000", "spun"])
def test_memo_of_scored_sites_changes_no_answer(
    name: str, decision: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = SEED_000 if name == "seed_000" else SPUN
    config = Config().with_values(spin_decision=decision)
    edits, stats, trace, calls = _run(text, config, True, monkeypatch)
    plain_edits, plain_stats, plain_trace, plain_calls = _run(text, config, False, monkeypatch)
    assert edits and edits == plain_edits
    assert stats == plain_stats
    # The learned decision reads the runner-up's margin among its features:
    # every site it decides sees the same numbers.
    assert trace == plain_trace
    if decision == "model":
        assert trace
    # The second pass re-scores sites whose neighbours the first left alone.
    assert calls < plain_calls


@pytest.mark.parametrize("word", [
    "symptom", "patient", "diagnose", "run", "fast", "well", "light", "further",
    "open", "the", "and", "xqzv",
])
def test_parts_of_speech_as_lemminflect_lists_them_per_class(word: str) -> None:
    from lemminflect import getAllInflections

    per_class = frozenset(
        u for u in spinning._UPOS.values() if getAllInflections(word, upos=u)
    )
    assert spinning._parts_of_speech.__wrapped__(word) == per_class


def test_logp_reads_the_health_tables_in_use(monkeypatch: pytest.MonkeyPatch) -> None:
    # scripts/eval_kinds/spun.py swaps the health tables for ones built from
    # the tuning half (the leak-free evaluation) and clears the caches:
    # _logp must then score with the swapped tables.
    pair = ("cistron", "the")
    full = spinning._logp(*pair)
    swapped_pairs = {"the cistron": 1000}
    swapped_words = {"the": 2000, "cistron": 1000}
    monkeypatch.setattr(spinning, "_health_bigrams", lambda: swapped_pairs)
    monkeypatch.setattr(spinning, "_health", lambda: swapped_words)
    spinning._health_total.cache_clear()
    spinning._logp.cache_clear()
    try:
        assert spinning._logp(*pair) == _reference_logp(*pair) != full
    finally:
        monkeypatch.undo()
        spinning._health_total.cache_clear()
        spinning._logp.cache_clear()
    assert spinning._logp(*pair) == full
