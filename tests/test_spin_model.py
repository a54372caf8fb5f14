"""The learned decision of restore_spun_words (spin_decision="model"): its
table, its knobs, and the labels its builder trains on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from textrepair import Config, repair, spinning
from textrepair.resources import load_table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from build_spin_model import label  # noqa: E402

ONLY = Config().only(["restore_spun_words"])
SPUN = (
    "The cistron was found in citizenry with the disease. Many affected role have "
    "no symptom. A newfangled drug was efficacious. Most of them recuperate. "
    "Patients are diagnose late."
)


def test_table_tests_only_named_features() -> None:
    # Tenth session: the table is boosted trees (tests/test_spin_model10.py
    # checks their shape); every feature a node tests is one of FEATURES.
    rows = load_table("spin_model").rows
    tested = {node.split(",")[0] for r in rows for node in r[2].split(" ") if "," in node}
    assert tested <= set(spinning.FEATURES)
    assert len(spinning.FEATURES) == len(set(spinning.FEATURES))


EVIDENCE = (
    "from textrepair import spinning; "
    "words = sorted(w for w in spinning._fingerprints() if ' ' not in w)[::50]; "
    "print(repr(spinning._evidence(words)))"
)


def test_gate_evidence_does_not_depend_on_the_hash_seed() -> None:
    # The model's features include the gate evidence, a sum over a set of
    # fingerprints; a plain float sum would follow the set's order, which
    # changes with PYTHONHASHSEED, and the table's rebuild would not be
    # reproducible (scripts/build_spin_model.py --check).
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed,
               "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        run = subprocess.run([sys.executable, "-c", EVIDENCE], env=env, capture_output=True,
                             text=True, check=True)
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert float(outputs.pop().strip("()\n").split(",")[0]) > 0


def test_confidence_is_the_models_probability() -> None:
    changes = repair(SPUN, ONLY).changes
    assert changes
    for change in changes:
        p = float(change.reason.rsplit("p=", 1)[1])
        assert change.confidence == pytest.approx(p, abs=0.006)
        assert 0.0 < change.confidence <= 1.0


def test_threshold_trades_recall_for_precision() -> None:
    """A higher spin_model_threshold makes a subset of the changes."""
    default = {(c.orig_start, c.after) for c in repair(SPUN, ONLY).changes}
    sure = {(c.orig_start, c.after) for c in repair(
        SPUN, ONLY.with_values(spin_model_threshold=0.9)).changes}
    assert sure < default
    assert repair(SPUN, ONLY.with_values(spin_model_threshold=1.0)).changes == []


def test_hand_set_margins_still_decide_on_request() -> None:
    margins = repair(SPUN, ONLY.with_values(spin_decision="margins")).changes
    assert margins
    assert all("p=" not in c.reason for c in margins)


def test_spin_margin_bounds_the_model_too() -> None:
    """No change under the model has a margin below spin_margin."""
    for change in repair(SPUN, ONLY.with_values(spin_margin=3.0)).changes:
        assert float(change.reason.split("margin=")[1].split()[0]) >= 3.0


@pytest.mark.parametrize("values", [{"spin_decision": "learned"}, {"spin_model_threshold": 1.5}])
def test_config_rejects(values: dict) -> None:
    with pytest.raises(ValueError):
        Config().with_values(**values)


# Labels: word errors a change removes (< 0) or adds, against the spinner's
# record (start and end in the spun text, original, what replaced it).
SPUN_TEXT = "The cistron codes for many affected role here."
RECORDS = [(4, 11, "gene", "cistron"), (27, 40, "patients", "affected role")]


@pytest.mark.parametrize(
    ("start", "end", "after", "expected"),
    [
        (4, 11, "gene", -1),  # restored
        (4, 11, "factor", 0),  # a spun word changed to another wrong word
        (12, 17, "code", 1),  # a fine word changed
        (27, 40, "patients", -2),  # a two-word span restored to its one word
        (27, 40, "people", -1),  # one word fewer, still wrong
        (36, 40, "roles", 0),  # one word of the span changed to another wrong word
    ],
)
def test_label(start: int, end: int, after: str, expected: int) -> None:
    assert SPUN_TEXT[RECORDS[0][0] : RECORDS[0][1]] == "cistron"
    assert SPUN_TEXT[RECORDS[1][0] : RECORDS[1][1]] == "affected role"
    assert label(SPUN_TEXT, RECORDS, start, end, after) == expected
