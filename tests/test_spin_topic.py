"""Topical fit, the learned decision's document-level evidence
(dictionaries/spin_topic.tsv, scripts/build_topic_vectors.py)."""

from __future__ import annotations

from collections import Counter

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


# --- the topical term of the candidate score (eighth session) ---------------


def _site(text: str) -> tuple[Counter[str], Counter[str], spinning._Topic]:
    lower = [t[2].lower() for t in spinning._tokens(text)]
    lemmas: Counter[str] = Counter()
    for w in lower:
        lemmas.update(spinning._lemmas(w))
    return lemmas, Counter(lower), spinning._doc_topic(lower)


def test_topic_chooses_among_the_candidates() -> None:
    """Past the gate the page's topic is a term of every synonym candidate's
    score, so it can pick a candidate the word pairs alone rank lower: "front"
    (a spun "movement") in a page about nerves."""
    lemmas, forms, topic = _site(NEUROLOGY + " The disease damages the front in the spine.")
    args = (["front"], "the", "in", lemmas, forms, "front" not in spinning._fingerprints())
    without = spinning._options(*args)
    with_topic = spinning._options(*args, topic=topic)
    assert without.synonym is not None and with_topic.synonym is not None
    assert without.synonym.lemma != "movement"
    assert with_topic.synonym.lemma == "movement"
    # Keeping the word is scored as before: the topic only moves candidates.
    assert with_topic.keep == without.keep and with_topic.keep_syn == without.keep_syn


@pytest.mark.parametrize(
    ("observed", "candidate"), [("cheek", "nerves"), ("front", "movement"), ("nerves", "cheek")]
)
def test_site_fit_is_the_models_topic_gain(observed: str, candidate: str) -> None:
    """The score's term and the learned decision's ``topic_gain`` are one measure."""
    _, _, topic = _site(NEUROLOGY + " " + observed)
    fit = spinning._site_fit(topic, [observed])
    assert fit is not None
    gain = spinning._topic_fit(topic, [observed], [candidate])[0]
    assert fit(candidate) == pytest.approx(gain, abs=1e-9)
    assert fit(candidate) == fit(candidate)  # memoised per page, same value


def test_site_fit_without_vectors_is_neutral() -> None:
    _, _, topic = _site(NEUROLOGY + " cheek")
    fit = spinning._site_fit(topic, ["cheek"])
    assert fit is not None and fit("zzzqx") == 0.0
    assert spinning._site_fit(topic, ["zzzqx"]) is None
    assert spinning._site_fit(_site("cheek")[2], ["cheek"]) is None  # no rest of page
