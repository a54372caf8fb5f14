"""The quick confirmation in front of the confirming first pass (eighth
session): what it scores, how it counts, and that it only ever filters."""

from __future__ import annotations

import math

import pytest

from textrepair import Config, repair, spinning
from textrepair.spinning import _gate_bytes

ONLY = Config().only(["restore_spun_words"])

# Written for these tests (not a seed): lost inflections after a trigger
# ("are diagnose", "was characterize"), a multiword span the index lists and
# single-word fingerprints ("cistron", "citizenry").
SPUN = (
    "The cistron was found in citizenry with the disease. The disorder was characterize "
    "by weakness. Patients are diagnose late and have no symptom."
)


def _quick(text: str, goal: float = math.inf) -> float:
    tokens = spinning._tokens(text)
    lower = [t[2].lower() for t in tokens]
    cfg = Config()
    return spinning._quick_confirmation(
        text, tokens, lower, goal, cfg.spin_common_extra_margin, cfg.spin_margin,
        cfg.spin_paragraph_min_signals,
    )


def _in_band(monkeypatch: pytest.MonkeyPatch, text: str) -> Config:
    """A config under which ``text`` opens only through the confirmation."""
    words = [w.decode() for w in _gate_bytes(text)]
    evidence, _ = spinning._evidence(words)
    monkeypatch.setattr(spinning, "_OPEN_SINGLE", 1e9)
    monkeypatch.setattr(spinning, "_FIRST_LOOK", 0.0)
    monkeypatch.setattr(spinning, "_CONFIRM_EV", 0.0)
    monkeypatch.setattr(spinning, "_CONFIRM_SIGNALS", 0)
    return ONLY.with_values(
        spin_doc_min_rate=0.0, spin_doc_min_score=evidence / len(words) ** 0.5
    )


def test_quick_confirmation_counts_each_form_once() -> None:
    """A paragraph repeated word for word adds nothing: each distinct form
    counts once (its best margin, capped), as in the full confirmation."""
    once = _quick(SPUN)
    assert once > 0
    assert _quick(SPUN + "\n" + SPUN) == pytest.approx(once)
    forms = {w for w in (t[2].lower() for t in spinning._tokens(SPUN))}
    assert once <= spinning._CONFIRM_CAP * len(forms)


def test_quick_confirmation_stops_at_its_goal() -> None:
    full = _quick(SPUN)
    stopped = _quick(SPUN, full / 2)
    assert full / 2 <= stopped <= full
    assert _quick(SPUN, 0.0) == 0.0


def test_quick_inflections_cover_the_scored_ones() -> None:
    """The tables read without lemminflect's copy hold every inflection the
    full pass scores (they add the lemma itself, which the filter skips)."""
    for lemma in ("diagnose", "case", "affect", "characterize", "child", "go", "be", "lose"):
        full = {f for f, _ in spinning._tagged_inflections(lemma)}
        quick = {f for f, _ in spinning._quick_inflections(lemma)}
        assert full <= quick, lemma
    assert spinning._quick_inflections("zzxq") == []


def test_a_page_the_filter_rejects_gets_no_first_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """Below _CONFIRM_QUICK times the needed evidence the page stays shut and
    the full first pass (the expensive part) never runs."""
    config = _in_band(monkeypatch, SPUN)
    monkeypatch.setattr(spinning, "_CONFIRM_MARGINS", 0.0)  # no threshold, no filter
    assert repair(SPUN, config).changes != []
    monkeypatch.setattr(spinning, "_CONFIRM_MARGINS", 1e-9)
    monkeypatch.setattr(spinning, "_CONFIRM_QUICK", 1e18)

    def no_pass(*args: object) -> None:
        raise AssertionError("full first pass on a rejected page")

    monkeypatch.setattr(spinning, "_restore_pass", no_pass)
    assert repair(SPUN, config).changes == []


def test_a_page_the_filter_passes_is_decided_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """The filter only filters: a page it passes gets the same edits as with
    no filter, and the full confirmation still shuts one it passes."""
    config = _in_band(monkeypatch, SPUN)
    monkeypatch.setattr(spinning, "_CONFIRM_MARGINS", 1e-9)
    monkeypatch.setattr(spinning, "_CONFIRM_QUICK", 0.0)
    unfiltered = repair(SPUN, config)
    monkeypatch.setattr(spinning, "_CONFIRM_QUICK", 1e3)
    filtered = repair(SPUN, config)
    assert filtered.text == unfiltered.text != SPUN
    assert [c.reason for c in filtered.changes] == [c.reason for c in unfiltered.changes]
    monkeypatch.setattr(spinning, "_CONFIRM_QUICK", 1e-15)
    monkeypatch.setattr(spinning, "_CONFIRM_MARGINS", 1e9)
    assert _quick(SPUN) > 1e-3  # the filter passes it (goal 1e-6 of the needed)
    assert repair(SPUN, config).changes == []


def test_quick_threshold_is_below_the_full_one() -> None:
    assert 0 < spinning._CONFIRM_QUICK < 1
