"""Topical vectors for the general words the health corpus lacks, from WordNet
glosses (ninth session; scripts/build_topic_vectors.py's ``gloss_vectors``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest

from textrepair import spinning
from textrepair.resources import load_table

ROOT = Path(__file__).resolve().parents[1]

# Written for this test: a page about nerves and the brain (as test_spin_topic).
NEUROLOGY = (
    "The spinal cord and the brain send signals along nerves to the muscles. When a nerve "
    "is damaged, the brain cannot control movement and patients feel numbness, weakness "
    "or pain in the arms and legs. Doctors test reflexes and sensation."
)


def _topic(text: str) -> spinning._Topic:
    return spinning._doc_topic([t[2].lower() for t in spinning._tokens(text)])


def test_most_wordnet_spun_forms_have_a_vector() -> None:
    """The words a WordNet spinner writes are covered: 95% of the table's
    one-word WordNet spun forms, against one in five from the corpus alone."""
    index = spinning._topic()[0]
    spun = {r[0] for r in load_table("spin_synonyms").rows
            if "wn" in r[2].split("+") and r[0].isalpha() and len(r[0]) > 1}
    assert sum(w in index for w in spun) / len(spun) > 0.9


@pytest.mark.parametrize(
    ("spun", "original"),
    [("brass", "nerve"), ("brass", "nerves"), ("cheek", "nerves")],
)
def test_wrong_sense_general_word_is_off_topic(spun: str, original: str) -> None:
    """"brass" (nerve, as cheek or gall) had no vector, so the fit said nothing
    about it; its glosses put it with metals, off a page about nerves."""
    gain, _, missing = spinning._topic_fit(_topic(NEUROLOGY + " " + spun), [spun], [original])
    assert missing == 0.0
    assert gain > 0.05


def test_glossed_word_is_a_poor_replacement_for_the_page_word() -> None:
    gain, _, missing = spinning._topic_fit(_topic(NEUROLOGY), ["nerves"], ["brass"])
    assert missing == 0.0
    assert gain < -0.05


# --- the builder, on a WordNet written for the test --------------------------


def _builder():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_topic_vectors

    return build_topic_vectors


def _wordnet(root: Path) -> None:
    """Two senses of "zed" (SemCor counts 3 and 0), one of "yak", one of
    "rare" whose gloss has a single known word."""
    data = {
        "noun": [
            "00000001 05 n 01 zed 0 000 | alpha beta alpha",
            "00000002 05 n 01 zed 0 001 @ 00000004 n 0000 | gamma",
            "00000003 05 n 01 rare 0 000 | alpha unknownword",
            "00000004 05 n 01 gamma 0 000 | delta",
            "00000005 05 n 01 yak 0 000 | zed",
        ],
    }
    index = {
        "noun": ["zed n 2 1 @ 2 1 00000001 00000002", "rare n 1 0 1 0 00000003",
                 "gamma n 1 0 1 0 00000004", "yak n 1 0 1 0 00000005"],
    }
    for name in ("noun", "verb", "adj", "adv"):
        (root / f"data.{name}").write_text("".join(f"{x}\n" for x in data.get(name, [])),
                                          "latin-1")
        (root / f"index.{name}").write_text("".join(f"{x}\n" for x in index.get(name, [])),
                                           "latin-1")
    (root / "cntlist.rev").write_text("zed%1:05:00:: 1 3\n", "latin-1")


def _synonyms(path: Path, words: list[str]) -> None:
    head = "# textrepair-dict/1\n# columns: spun\toriginal\tsources\twn_count\tp_spin\n"
    rows = [f"{w}\tx\twn\t0\t0.1" for w in words] + ["yak\tx\tmoby\t0\t0"]
    path.write_text(head + "\n".join(rows) + "\n", "utf-8")


def _args(tmp_path: Path, centre: bool) -> argparse.Namespace:
    _wordnet(tmp_path)
    _synonyms(tmp_path / "syn.tsv", ["zed", "rare", "alpha"])
    return argparse.Namespace(wordnet=tmp_path, synonyms=tmp_path / "syn.tsv", syn_weight=2.0,
                              min_gloss=2, no_gloss_centre=not centre)


def _vectors(rows: list[tuple[str, bytes]]) -> dict[str, list[int]]:
    return {w: [b - 256 if b > 127 else b for b in v] for w, v in rows}


def test_gloss_vector_is_the_sense_weighted_mean(tmp_path: Path) -> None:
    """zed: sense 1 (count 3, weight 4) is 2 alpha + 1 beta, sense 2 (weight
    1) is gamma and its hypernym's lemma gamma; "alpha" already has a corpus
    row, "rare" has one known word (< 2), "yak" is only a Moby spun form, and
    "delta" (in the hypernym's gloss) is not read."""
    np = pytest.importorskip("numpy")
    emb = np.eye(4)  # alpha, beta, gamma, delta
    known = {"alpha": 0, "beta": 1, "gamma": 2, "delta": 3}
    rows = _builder().gloss_vectors(emb, known, {"alpha"}, _args(tmp_path, centre=False))
    got = _vectors(rows)
    assert list(got) == ["zed"]
    mean = 4 * np.array([2, 1, 0, 0]) / 3 + np.array([0, 0, 1, 0])
    assert got["zed"] == list(np.rint(mean / np.linalg.norm(mean) * 127).astype(int))


def test_gloss_vectors_are_centred(tmp_path: Path) -> None:
    """Each glossed vector less the glossed vectors' mean, at unit length:
    gamma's one sense is its gloss (delta), rare's is alpha."""
    np = pytest.importorskip("numpy")
    emb = np.eye(4)
    known = {"alpha": 0, "beta": 1, "gamma": 2, "delta": 3}
    args = _args(tmp_path, centre=True)
    _synonyms(tmp_path / "syn.tsv", ["zed", "gamma", "rare"])
    args.min_gloss = 1
    got = _vectors(_builder().gloss_vectors(emb, known, set(), args))
    assert list(got) == ["gamma", "rare", "zed"]
    zed = 4 * np.array([2, 1, 0, 0]) / 3 + np.array([0, 0, 1, 0])
    unit = np.array([[0, 0, 0, 1], [1, 0, 0, 0], zed / np.linalg.norm(zed)])
    centred = unit - unit.mean(0)
    want = np.rint(centred / np.linalg.norm(centred, axis=1, keepdims=True) * 127).astype(int)
    assert [got[w] for w in ("gamma", "rare", "zed")] == want.tolist()
