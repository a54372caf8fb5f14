"""The spin gate's confirmation band (seventh session): which documents are
confirmed in context rather than opened, and how the confirming pass counts."""

from __future__ import annotations

import math

import pytest

from textrepair import Config, repair, spinning
from textrepair.changes import Edit
from textrepair.spinning import _gate_bytes

ONLY = Config().only(["restore_spun_words"])

# Written for these tests (not a seed): single-word fingerprints ("cistron",
# "citizenry", "newfangled"), a multiword one ("affected role") and a bare
# lemma after a trigger ("are diagnose").
SPUN = (
    "The cistron was found in citizenry with the disease. Many affected role have "
    "no symptom. A newfangled drug was efficacious. Most of them recuperate. "
    "Patients are diagnose late."
)


def _config(text: str, share: float) -> Config:
    """A config whose gate needs ``1 / share`` times the evidence ``text`` shows."""
    words = [w.decode() for w in _gate_bytes(text)]
    evidence, _ = spinning._evidence(words)
    return ONLY.with_values(
        spin_doc_min_rate=0.0, spin_doc_min_score=evidence / share / len(words) ** 0.5
    )


def _single(text: str) -> float:
    prints = spinning._fingerprint_bytes()
    return math.fsum(prints[w] for w in spinning._fingerprint_byte_set().intersection(
        _gate_bytes(text)))


def test_confirmation_counts_each_observed_form_once() -> None:
    """A form the first pass restores twice is one piece of support (its best
    margin), each margin capped: a clean page's repeated topic word must not
    add up to a spun page's scattered restorations."""
    lower = ["the", "cistron", "and", "the", "cistron", "affected", "role"]
    edit = Edit(0, 1, "x", "test")
    firsts: list[list[tuple[tuple[int, int], Edit, float]] | None] = [
        [((1, 1), edit, 2.0), ((4, 4), edit, 4.0)],
        None,
        [((5, 6), edit, 40.0)],
    ]
    assert spinning._confirmation(lower, firsts) == pytest.approx(4.0 + spinning._CONFIRM_CAP)
    assert spinning._confirmation(lower, [None, []]) == 0.0


def test_evidence_mostly_in_pairs_needs_confirmation(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document with all the evidence it needs opens outright only when
    single words carry _OPEN_SINGLE of it; otherwise the first pass decides."""
    opened = repair(SPUN, _config(SPUN, 1.0)).text
    assert opened != SPUN
    monkeypatch.setattr(spinning, "_OPEN_SINGLE", 1e9)
    monkeypatch.setattr(spinning, "_CONFIRM_MARGINS", 1e9)
    assert repair(SPUN, _config(SPUN, 1.0)).changes == []
    monkeypatch.setattr(spinning, "_CONFIRM_MARGINS", 0.0)
    assert repair(SPUN, _config(SPUN, 1.0)).text == opened


def test_too_few_distinct_signals_is_never_confirmed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Below _CONFIRM_SIGNALS distinct fingerprints the gate stays shut however
    much the first pass would find."""
    words = [w.decode() for w in _gate_bytes(SPUN)]
    signals = spinning._evidence(words)[1]
    monkeypatch.setattr(spinning, "_CONFIRM_MARGINS", 0.0)
    config = _config(SPUN, 0.9)
    assert repair(SPUN, config).changes != []
    monkeypatch.setattr(spinning, "_CONFIRM_SIGNALS", signals + 1)
    assert repair(SPUN, config).changes == []


def test_page_without_single_word_fingerprints_stops_at_the_first_look() -> None:
    """Pair and bare-lemma evidence alone never opens a page, however little
    the gate needs: the first look counts single words only (and keeps the
    clean path to one set intersection)."""
    text = (
        "Many affected role are diagnose late in the course of the illness, and "
        "these affected role are diagnose again when they come back to the clinic."
    )
    assert _single(text) == 0.0
    words = [w.decode() for w in _gate_bytes(text)]
    assert spinning._evidence(words)[0] > 0
    assert repair(text, _config(text, 10.0)).changes == []
