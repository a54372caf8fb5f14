"""Topical fit, the learned decision's document-level evidence
(dictionaries/spin_topic.tsv, scripts/build_topic_vectors.py)."""

from __future__ import annotations

import pytest

from textrepair import Config, repair, spinning
from textrepair.resources import load_table

ONLY = Config().only(["restore_spun_words"])

# Written for this test: a page about nerves and the brain.
NEUROLOGY = (
    "The spinal cord and the brain send signals along nerves to the muscles. When a nerve "
    "is damaged, the brain cannot control movement and patients feel numbness, weakness "
    "or pain in the arms and legs. Doctors test reflexes and sensation."
)


def test_table_rows_are_unit_int8_vectors() -> None:
    table = load_table("spin_topic")
    assert table.columns == ("word", "vector")
    words = [r[0] for r in table.rows]
    assert words == sorted(set(words))
    dims = len(table.rows[0][1]) // 2
    assert dims >= 16
    for word, hexed in table.rows[:: max(1, len(table.rows) // 500)]:
        assert word.isalpha() and word == word.lower()
        vector = [b - 256 if b > 127 else b for b in bytes.fromhex(hexed)]
        assert len(vector) == dims
        assert 127 * 0.9 < sum(x * x for x in vector) ** 0.5 < 127 * 1.1


def test_the_blob_holds_the_tables_vectors() -> None:
    index, blob, dims = spinning._topic()
    row = load_table("spin_topic").rows[10]
    i = index[row[0]]
    assert bytes(blob[i * dims : (i + 1) * dims]) == bytes.fromhex(row[1])


def _topic(text: str) -> spinning._Topic:
    return spinning._doc_topic([t[2].lower() for t in spinning._tokens(text)])


@pytest.mark.parametrize(
    ("observed", "candidate"),
    [
        (["cheek"], ["nerves"]),  # the wrong sense of nerve
        (["front"], ["movement"]),
        (["class"], ["pain"]),
    ],
)
def test_on_topic_candidate_fits_better(observed: list[str], candidate: list[str]) -> None:
    gain, fit, missing = spinning._topic_fit(_topic(NEUROLOGY + " " + observed[0]), observed,
                                             candidate)
    assert missing == 0.0
    assert gain > 0.05
    assert -1.0 <= fit <= 1.0


def test_off_topic_candidate_fits_worse() -> None:
    gain, _, missing = spinning._topic_fit(_topic(NEUROLOGY), ["nerves"], ["cheek"])
    assert missing == 0.0
    assert gain < -0.05


def test_word_without_vector_is_flagged_not_scored() -> None:
    assert spinning._topic_fit(_topic(NEUROLOGY), ["zzzqx"], ["nerves"]) == (0.0, 0.0, 1.0)
    assert spinning._topic_fit(_topic(NEUROLOGY), ["cheek"], ["zzzqx"]) == (0.0, 0.0, 1.0)


def test_observed_word_does_not_vote_for_itself() -> None:
    """The site's own word is taken out of the document's topic: a page whose
    only content word is the observed one gives no fit at all."""
    assert spinning._topic_fit(_topic("cheek"), ["cheek"], ["nerves"]) == (0.0, 0.0, 1.0)


def test_clean_page_computes_no_topic(monkeypatch: pytest.MonkeyPatch) -> None:
    """The topic is computed past the gate only."""

    def fail(lower: list[str]) -> spinning._Topic:
        raise AssertionError("topic computed on a clean page")

    monkeypatch.setattr(spinning, "_doc_topic", fail)
    assert repair(NEUROLOGY * 3, ONLY).changes == []
