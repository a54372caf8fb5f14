"""Ninth session: lost inflections that lose to keeping the word. An
inflection is put to the learned decision from a margin under the synonyms'
floor (``Config.spin_inflect_margin``), its builder records such sites, and four
features describe them. The sentences are written for the tests; the expected
values are what English grammar (or the page's own counts) says."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from textrepair import Config, repair, spinning

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from build_spin_model import above_floor  # noqa: E402

ONLY = Config().only(["restore_spun_words"])


def _phrase(text: str, word: str) -> float:
    tokens = spinning._tokens(text)
    lower = [t[2].lower() for t in tokens]
    return spinning._verb_after_phrase(text, tokens, lower, lower.index(word),
                                       list(range(len(tokens))))


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("The level of iron in the blood are high.", "level", 1.0),
    ("The level of iron in the blood is high.", "level", -1.0),
    ("The symptom of the disease were mild.", "symptom", 1.0),
    ("The symptom is mild.", "symptom", 0.0),  # no phrase: the adjacent verb is _agreement's
    ("The level of iron and zinc are high.", "level", 0.0),  # "and": whose verb is unclear
    ("The level of iron, she said, is high.", "level", 0.0),  # punctuation ends the phrase
])
def test_verb_behind_a_prepositional_phrase(text: str, word: str, expected: float) -> None:
    assert _phrase(text, word) == expected


def _site(features: tuple[float, ...], name: str) -> float:
    return features[spinning.FEATURES.index(name)]


@pytest.mark.parametrize("value", [-6.0, 13.0])
def test_config_rejects_an_inflection_floor_out_of_range(value: float) -> None:
    with pytest.raises(ValueError):
        ONLY.with_values(spin_inflect_margin=value)


def test_features_are_named_once() -> None:
    assert len(spinning.FEATURES) == len(set(spinning.FEATURES))
    for name in ("doc_bare", "verb_after_phrase", "ing_after_preposition", "page_tense"):
        assert name in spinning.FEATURES


def _row(inflection: bool, margin: float) -> tuple[float, ...]:
    row = [0.0] * len(spinning.FEATURES)
    row[spinning.FEATURES.index("inflection" if inflection else "synonym")] = 1.0
    row[spinning.FEATURES.index("margin_inflection" if inflection else "margin_synonym")] = margin
    return tuple(row)


def test_builder_fits_the_inflection_sites_over_the_floor() -> None:
    xs = [_row(True, -2.5), _row(True, -0.5), _row(True, 0.5), _row(False, 0.5)]
    ys = [0, 1, 2, 1]
    assert above_floor(xs, ys, -1.0) == ([xs[1], xs[2], xs[3]], [1, 2, 1])
    # A floor over 0 fits what the model saw before: every positive margin.
    assert above_floor(xs, ys, 1.0) == ([xs[2], xs[3]], [2, 1])


SPUN = (
    "The cistron was found in citizenry with the disease. Many affected role have "
    "no symptom. A newfangled drug was efficacious. Most of them recuperate. "
    "Patients are diagnose late. The doctor treat child with the disorder, and the "
    "child with the disorder often have a seizure."
)


def _decided(monkeypatch: pytest.MonkeyPatch, floor: float) -> list[tuple[float, ...]]:
    seen: list[tuple[float, ...]] = []
    decide = spinning._decide

    def record(features: tuple[float, ...]) -> tuple[float, float]:
        seen.append(features)
        return decide(features)

    monkeypatch.setattr(spinning, "_decide", record)
    repair(SPUN, ONLY.with_values(spin_inflect_margin=floor))
    return seen


def test_the_floor_bounds_the_inflections_the_model_decides(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for floor in (-1.0, 1.0):
        for f in _decided(monkeypatch, floor):
            if _site(f, "inflection"):
                assert _site(f, "margin_inflection") >= floor
            else:  # synonyms and spans keep Config.spin_margin
                assert max(_site(f, k) for k in (
                    "margin_synonym", "margin_synonym_fingerprint", "margin_span")) >= 1.0


def test_a_lower_floor_puts_more_inflections_to_the_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    high = [f for f in _decided(monkeypatch, 1.0) if _site(f, "inflection")]
    low = [f for f in _decided(monkeypatch, -2.0) if _site(f, "inflection")]
    assert len(low) > len(high)
    assert any(_site(f, "margin_inflection") < 1.0 for f in low)


def test_a_comparative_under_spin_margin_is_left_alone() -> None:
    """Only plurals and verb forms are the lost inflections a lower floor is
    for: "the level was high" is English, and "higher" (an inflection with a
    margin between 0 and spin_margin here) would change a fine word."""
    text = ("The cistron was found in citizenry with the disease. Many affected role have "
            "no symptom. A newfangled drug was efficacious. Most of them recuperate. "
            "The VD was high.")
    assert repair(text, ONLY).text.endswith("The VD was high.")
