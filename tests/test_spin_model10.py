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
COLUMNS = ("tree", "class", "nodes")


def _nodes(row: tuple[str, ...]) -> list[list[str]]:
    return [entry.split(",") for entry in row[2].split(" ")]


def test_table_has_the_columns_and_trees_the_code_reads() -> None:
    table = load_table("spin_model")
    assert table.columns == COLUMNS
    assert all(len(row) == len(COLUMNS) for row in table.rows)
    # One tree per class and iteration, the classes in turn.
    assert [int(row[0]) for row in table.rows] == list(range(len(table.rows)))
    assert len(table.rows) % 3 == 0
    count = 0
    for t, row in enumerate(table.rows):
        assert int(row[1]) == t % 3
        nodes = _nodes(row)
        count += len(nodes)
        # A proper binary tree: every node but the root has one parent, an
        # inner node two children after it, a leaf a finite value.
        parents = [0] * len(nodes)
        for n, node in enumerate(nodes):
            if len(node) == 1:
                assert math.isfinite(float(node[0]))
            else:
                name, threshold, left, right = node
                assert name in spinning.FEATURES
                assert math.isfinite(float(threshold))
                for child in (int(left), int(right)):
                    assert n < child < len(nodes)
                    parents[child] += 1
        assert parents == [0] + [1] * (len(nodes) - 1)
    roots, feature, threshold, low, high, value = spinning._model()
    assert len(roots) == len(table.rows)
    assert len(feature) == len(threshold) == len(low) == len(high) == len(value) == count


def _features(**values: float) -> tuple[float, ...]:
    out = [0.0] * len(spinning.FEATURES)
    for name, v in values.items():
        out[spinning.FEATURES.index(name)] = v
    return tuple(out)


# A handmade table: tree 0 (class wrong) splits on margin_synonym at 1.0;
# tree 1 (class right) is one leaf; tree 2 (class fine) splits on
# zipf_observed at 3.0, and its right child on health_observed at 0.5.
TINY = (
    ("0000", "0", "margin_synonym,1.0,1,2 -1.0 2.0"),
    ("0001", "1", "0.5"),
    ("0002", "2", "zipf_observed,3.0,1,2 0.25 health_observed,0.5,3,4 -0.75 1.5"),
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
        TINY[1:],  # tree 0 missing
        (TINY[0], ("0001", "2", "0.5"), TINY[2]),  # tree 1 of the wrong class
        (("0000", "0", "margin_synonym,1.0,1,5 -1.0 2.0"), *TINY[1:]),  # no node 5 in tree 0
        (("0000", "0", "margin_synonym,1.0,0,2 -1.0 2.0"), *TINY[1:]),  # a loop
    ],
)
def test_a_malformed_table_is_refused(rows: tuple[tuple[str, ...], ...]) -> None:
    with pytest.raises(DictionaryError):
        spinning._parse_trees(rows)


def _reference_scores(features: tuple[float, ...]) -> list[float]:
    """The table's trees walked from its rows, by node number within each tree
    (not the flat tuples _model builds)."""
    scores = [0.0, 0.0, 0.0]
    for row in load_table("spin_model").rows:
        nodes = _nodes(row)
        node = nodes[0]
        while len(node) == 4:
            x = features[spinning.FEATURES.index(node[0])]
            node = nodes[int(node[2]) if x <= float(node[1]) else int(node[3])]
        scores[int(row[1])] += float(node[0])
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
