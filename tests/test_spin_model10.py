"""Tenth session: restore_spun_words' learned decision as gradient-boosted
trees (dictionaries/spin_model.tsv, scripts/build_spin_model.py): the table's
shape, the tree walk, and the probabilities _decide returns.

The trees are fitted without monotonicity constraints, so no test asserts that
the shipped model's answer rises or falls with any one feature; the one
monotone property asserted is the decision rule's own (a higher threshold makes
a subset of the changes, tests/test_spin_model.py)."""

from __future__ import annotations

import math

import pytest

from textrepair import Config, repair, spinning
from textrepair.resources import DictionaryError, load_table

ONLY = Config().only(["restore_spun_words"])
SPUN = (
    "The cistron was found in citizenry with the disease. Many affected role have "
    "no symptom. A newfangled drug was efficacious. Most of them recuperate. "
    "Patients are diagnose late."
)
COLUMNS = ("tree", "node", "class", "feature", "threshold", "left", "right", "value")


def test_table_has_the_columns_and_trees_the_code_reads() -> None:
    table = load_table("spin_model")
    assert table.columns == COLUMNS
    assert all(len(row) == len(COLUMNS) for row in table.rows)
    trees: dict[int, list[tuple[str, ...]]] = {}
    for row in table.rows:
        trees.setdefault(int(row[0]), []).append(row)
    # One tree per class and iteration, the classes in turn.
    assert sorted(trees) == list(range(len(trees)))
    assert len(trees) % 3 == 0
    for t, rows in trees.items():
        assert {int(r[2]) for r in rows} == {t % 3}
        assert [int(r[1]) for r in rows] == list(range(len(rows)))
        # A proper binary tree: every node but the root has one parent, an
        # inner node two children after it, a leaf a finite value.
        parents = [0] * len(rows)
        for n, row in enumerate(rows):
            if row[3] == "-":
                assert row[4:7] == ("-", "-", "-")
                assert math.isfinite(float(row[7]))
            else:
                assert row[3] in spinning.FEATURES
                assert math.isfinite(float(row[4]))
                assert row[7] == "-"
                for child in (int(row[5]), int(row[6])):
                    assert n < child < len(rows)
                    parents[child] += 1
        assert parents == [0] + [1] * (len(rows) - 1)
    roots, feature, threshold, low, high, value = spinning._model()
    assert len(roots) == len(trees)
    assert len(feature) == len(threshold) == len(low) == len(high) == len(value)
    assert len(feature) == len(table.rows)


def _features(**values: float) -> tuple[float, ...]:
    out = [0.0] * len(spinning.FEATURES)
    for name, v in values.items():
        out[spinning.FEATURES.index(name)] = v
    return tuple(out)


# A handmade table: tree 0 (class wrong) splits on margin_synonym at 1.0;
# tree 1 (class right) is one leaf; tree 2 (class fine) splits on
# zipf_observed at 3.0, and its right child on health_observed at 0.5.
TINY = (
    ("0000", "000", "0", "margin_synonym", "1.0", "1", "2", "-"),
    ("0000", "001", "0", "-", "-", "-", "-", "-1.0"),
    ("0000", "002", "0", "-", "-", "-", "-", "2.0"),
    ("0001", "000", "1", "-", "-", "-", "-", "0.5"),
    ("0002", "000", "2", "zipf_observed", "3.0", "1", "2", "-"),
    ("0002", "001", "2", "-", "-", "-", "-", "0.25"),
    ("0002", "002", "2", "health_observed", "0.5", "3", "4", "-"),
    ("0002", "003", "2", "-", "-", "-", "-", "-0.75"),
    ("0002", "004", "2", "-", "-", "-", "-", "1.5"),
)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"margin_synonym": 0.5, "zipf_observed": 2.0}, [-1.0, 0.5, 0.25]),
        # a feature equal to the threshold goes left
        ({"margin_synonym": 1.0, "zipf_observed": 3.0}, [-1.0, 0.5, 0.25]),
        ({"margin_synonym": 1.5, "zipf_observed": 3.5}, [2.0, 0.5, -0.75]),
        ({"margin_synonym": 4.0, "zipf_observed": 5.0, "health_observed": 0.5}, [2.0, 0.5, -0.75]),
        ({"margin_synonym": -2.0, "zipf_observed": 5.0, "health_observed": 1.0}, [-1.0, 0.5, 1.5]),
    ],
)
def test_walk_reaches_the_leaf_the_thresholds_say(values: dict, expected: list[float]) -> None:
    trees = spinning._parse_trees(TINY)
    assert spinning._scores(trees, _features(**values)) == expected


@pytest.mark.parametrize(
    "rows",
    [
        TINY[1:],  # tree 0 starts at node 1
        TINY[:3] + TINY[4:],  # tree 1 missing
        (("0000", "000", "0", "margin_synonym", "1.0", "1", "5", "-"), *TINY[1:]),  # no node 5
        (("0000", "000", "0", "margin_synonym", "1.0", "0", "2", "-"), *TINY[1:]),  # a loop
    ],
)
def test_a_malformed_table_is_refused(rows: tuple[tuple[str, ...], ...]) -> None:
    with pytest.raises(DictionaryError):
        spinning._parse_trees(rows)


def _reference_scores(features: tuple[float, ...]) -> list[float]:
    """The table's trees walked from its rows, by node number within each tree
    (not the flat tuples _model builds)."""
    trees: dict[int, dict[int, tuple[str, ...]]] = {}
    for row in load_table("spin_model").rows:
        trees.setdefault(int(row[0]), {})[int(row[1])] = row
    scores = [0.0, 0.0, 0.0]
    for t in sorted(trees):
        row = trees[t][0]
        while row[3] != "-":
            x = features[spinning.FEATURES.index(row[3])]
            row = trees[t][int(row[5]) if x <= float(row[4]) else int(row[6])]
        scores[int(row[2])] += float(row[7])
    return scores


def _sites(monkeypatch: pytest.MonkeyPatch) -> list[tuple[float, ...]]:
    seen = []
    decide = spinning._decide

    def record(features: tuple[float, ...]) -> tuple[float, float]:
        seen.append(features)
        return decide(features)

    monkeypatch.setattr(spinning, "_decide", record)
    repair(SPUN, ONLY)
    monkeypatch.undo()
    return seen


def test_decide_gives_probabilities_of_three_classes(monkeypatch: pytest.MonkeyPatch) -> None:
    sites = _sites(monkeypatch)
    assert len(sites) >= 5
    for features in sites:
        p_right, gain = spinning._decide(features)
        scores = _reference_scores(features)
        assert spinning._scores(spinning._model(), features) == pytest.approx(scores, abs=1e-12)
        total = sum(math.exp(s) for s in scores)
        p = [math.exp(s) / total for s in scores]
        assert p_right == round(p[1], 3)
        assert gain == pytest.approx(p[1] - p[2], abs=1e-12)
        p_fine = p_right - gain
        assert 0.0 <= p_right <= 1.0
        assert -0.0005 <= p_fine <= 1.0005  # p_right is rounded to 3 places
        # with the reference class (a wrong word), the three sum to 1
        assert 1.0 - p[1] - p[2] == pytest.approx(p[0], abs=1e-12)
        assert p[0] >= 0.0


def test_model_is_read_when_the_step_loads() -> None:
    spinning._model.cache_clear()
    spinning.warm_up()
    assert spinning._model.cache_info().currsize == 1
