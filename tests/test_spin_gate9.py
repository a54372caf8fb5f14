"""The gate's second look over ASCII bytes and the stricter quick goal for a
page whose single words show little of the needed evidence (ninth session)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textrepair import Config, repair, spinning
from textrepair.patterns import SPIN_AUXILIARIES, SPIN_PLURAL_DETERMINERS, SPIN_SUBJECT_PRONOUNS
from textrepair.spinning import _gate_bytes

ONLY = Config().only(["restore_spun_words"])

# Written for these tests (not a seed): single-word fingerprints ("cistron",
# "citizenry"), lost inflections after a trigger ("are diagnose") and a
# multiword fingerprint ("affected role").
SPUN = (
    "The cistron was found in citizenry with the disease. The disorder was characterize "
    "by weakness. Patients are diagnose late and have no symptom of the affected role."
)


def test_every_fingerprint_is_ascii() -> None:
    """The second look reads words as ASCII bytes (a word with another letter
    becomes one with ``?`` in it): it finds every fingerprint only while all
    of them are ASCII."""
    assert all(form.isascii() for form in spinning._fingerprints())


def _by_positions(words: list[str]) -> tuple[float, int]:
    """The evidence as a loop over positions over str: each distinct
    fingerprint of one to three words, each distinct bare lemma after its
    trigger."""
    prints, (verbs, nouns) = spinning._fingerprints(), spinning._bare_lemmas()
    found: set[str] = set()
    bare: set[tuple[str, str]] = set()
    for i, w in enumerate(words):
        for n in (1, 2, 3):
            if i + n <= len(words) and " ".join(words[i : i + n]) in prints:
                found.add(" ".join(words[i : i + n]))
        if i and ((w in verbs and words[i - 1] in SPIN_AUXILIARIES | SPIN_SUBJECT_PRONOUNS)
                  or (w in nouns and words[i - 1] in SPIN_PLURAL_DETERMINERS)):
            bare.add((words[i - 1], w))
    score = math.fsum(prints[f] for f in found) + spinning._BARE_LEMMA_EVIDENCE * len(bare)
    return score, len(found) + len(bare)


_VOCABULARY = (
    "the are these have it a of gene cistron cistrón affected role book account away puzzle "
    "out diagnose finding approve patients symptom tell apart he say great deal accordance naïve "
    "10th don't rights".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_VOCABULARY), max_size=40))
def test_evidence_over_bytes_is_the_positional_evidence(words: list[str]) -> None:
    """Words with other letters ("cistrón", "naïve"), digits and apostrophes
    included: the same distinct forms, so the same count and the same sum
    (both are exact sums of the same values)."""
    assert spinning._evidence(words) == _by_positions(words)


def test_a_three_word_fingerprint_counts_only_in_a_row() -> None:
    """The second look searches the page for a three-word fingerprint only
    when its first and last pairs are both found; the two pairs apart ("a
    great" ... "great deal") are not the three words in a row."""
    prints = spinning._fingerprints()
    assert "a great deal" in prints
    together = "we had a great deal of fun".split()
    broken = "we had a great time and great deal of fun".split()
    for words in (together, broken):
        assert spinning._evidence(words) == _by_positions(words)
    assert spinning._evidence(together)[1] == spinning._evidence(broken)[1] + 1


def test_gate_evidence_is_the_evidence_of_the_gate_words() -> None:
    """What the gate computes from the first look's bytes and single-word hits
    is :func:`_evidence` of the decoded words, to the last bit."""
    for text in (SPUN, SPUN.upper(), "Naïve cistrón, the 10th " + SPUN, "a b"):
        raw = _gate_bytes(text)
        singles = spinning._fingerprint_byte_set().intersection(raw)
        assert spinning._gate_evidence(raw, singles) == spinning._evidence(
            [w.decode() for w in raw])
    assert spinning._evidence(["cistron"])[1] == 1
    assert spinning._evidence(["cistrón"]) == (0.0, 0)
    assert spinning._evidence([]) == (0.0, 0)


def _single_share_config(
    monkeypatch: pytest.MonkeyPatch, text: str, share: float
) -> tuple[Config, float]:
    """A config under which the single-word fingerprints of ``text`` show
    ``share`` of the needed evidence and the page goes to the confirmation;
    and that needed evidence."""
    raw = _gate_bytes(text)
    prints = spinning._fingerprint_bytes()
    single = math.fsum(prints[w] for w in spinning._fingerprint_byte_set().intersection(raw))
    assert single > 0
    monkeypatch.setattr(spinning, "_FIRST_LOOK", 0.0)
    monkeypatch.setattr(spinning, "_CONFIRM_EV", 0.0)
    monkeypatch.setattr(spinning, "_CONFIRM_SIGNALS", 0)
    needed = single / share
    return ONLY.with_values(
        spin_doc_min_rate=0.0, spin_doc_min_score=needed / len(raw) ** 0.5), needed


@pytest.mark.parametrize("share", [0.05, 0.1, 0.2, 0.29])
def test_quick_goal_is_strict_below_the_share(monkeypatch: pytest.MonkeyPatch,
                                               share: float) -> None:
    """Under _QUICK_STRICT_BELOW of the needed evidence in single words the
    quick confirmation must reach _CONFIRM_QUICK_STRICT times the full goal,
    from there _CONFIRM_QUICK times it; a page short of the goal it was given
    gets no first pass."""
    config, needed = _single_share_config(monkeypatch, SPUN, share)
    goals: list[float] = []

    def quick(*args: object) -> float:
        goal = args[3]
        assert isinstance(goal, float)
        goals.append(goal)
        return 0.0

    def no_pass(*args: object) -> None:
        raise AssertionError("full first pass on a rejected page")

    monkeypatch.setattr(spinning, "_quick_confirmation", quick)
    monkeypatch.setattr(spinning, "_restore_pass", no_pass)
    assert repair(SPUN, config).changes == []
    strict = share < spinning._QUICK_STRICT_BELOW
    factor = spinning._CONFIRM_QUICK_STRICT if strict else spinning._CONFIRM_QUICK
    assert goals == [pytest.approx(factor * spinning._CONFIRM_MARGINS * needed)]


def test_a_quick_sum_between_the_goals_passes_only_the_page_with_more_single_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same quick sum, between the two goals, sends the page to the full
    first pass at 0.2 of the needed evidence in single words and shuts it at
    0.1."""
    passes: list[int] = []
    for share in (0.2, 0.1):
        config, needed = _single_share_config(monkeypatch, SPUN, share)
        between = (spinning._CONFIRM_QUICK + spinning._CONFIRM_QUICK_STRICT) / 2
        monkeypatch.setattr(spinning, "_quick_confirmation",
                            lambda *a, v=between * spinning._CONFIRM_MARGINS * needed: v)
        real_pass = spinning._restore_pass
        calls: list[int] = []

        def counted(*args: object, real: object = real_pass, calls: list[int] = calls) -> object:
            calls.append(1)
            return real(*args)  # type: ignore[operator]

        monkeypatch.setattr(spinning, "_restore_pass", counted)
        repair(SPUN, config)
        passes.append(len(calls))
        monkeypatch.undo()
    assert passes[0] > 0
    assert passes[1] == 0


def test_gate_constants_are_ordered() -> None:
    assert 0 < spinning._FIRST_LOOK < spinning._QUICK_STRICT_BELOW <= spinning._OPEN_SINGLE
    assert 0 < spinning._CONFIRM_QUICK < spinning._CONFIRM_QUICK_STRICT < 1
