"""Moby-only candidates lifted by a collocation (thirteenth session).

A thesaurus spinner broader than WordNet leaves "tortured phrases" ("kidney
disappointment" for kidney failure): the replacement is a common word that
only Moby lists for the original, so it used to be skipped (a word that
reads as English kept Moby's loose associations out). Past the gate, with
the learned decision, such a candidate is scored like a listed synonym when
it makes a strong collocation with a neighbour whose pair with the observed
word no bigram list has, and only where no other synonym or inflection
beats keeping the word.
"""

from __future__ import annotations

from collections import Counter

import pytest

from textrepair import Config, repair, replay, spinning, undo

# Written for this test: two sentences of a kidney page, each with one word
# swapped for a synonym only Moby lists for it, as the Moby spinner writes it.
SPUN = (
    "People with kidney disappointment may need dialysis or a transplant, and their doctor "
    "will explain the risks and benefits of each treatment. Each protein is made of a chain "
    "of amino corrosive units, and the order of the units is set by the genes of the cell."
)
# The same words where English writes them: their pairs are seen, nothing lifts.
FINE = (
    "The results were a disappointment to the team, and the doctor will explain the risks "
    "and benefits of each treatment. Strong acids are corrosive to the skin, so the "
    "cleaner must be kept away from children and stored in a locked cupboard."
)
GATE_OFF = Config().only(["restore_spun_words"]).gates_off()


def _options(text: str, word: str, with_topic: bool = True) -> spinning._Options:
    """The scoring of the first occurrence of ``word`` in ``text`` (one word,
    a word that reads as English: strict), as the step scores it."""
    words = [t[2].lower() for t in spinning._tokens(text)]
    i = words.index(word)
    lemmas: Counter[str] = Counter(lemma for w in words for lemma in spinning._lemmas(w))
    topic = spinning._doc_topic(words) if with_topic else None
    return spinning._options([word], words[i - 1], words[i + 1], lemmas, Counter(words),
                             True, topic=topic)


@pytest.mark.parametrize(("word", "original"), [("disappointment", "failure"),
                                                ("corrosive", "acid")])
def test_collocation_lifts_a_moby_only_candidate(word: str, original: str) -> None:
    opts = _options(SPUN, word)
    assert opts.synonym is not None
    assert opts.synonym.form == original
    assert opts.synonym.senses < 0  # only Moby lists the pair
    assert opts.synonym.collocation >= spinning._COLLOCATION_MIN
    assert opts.synonym.prior == spinning._SYNONYM  # no _MOBY_ONLY
    assert opts.synonym.score > opts.keep_syn


def test_no_lift_where_the_observed_pair_is_seen() -> None:
    """"a disappointment" is in the bigram lists: no collocation with "a" can
    lift a Moby-only candidate there (nor does one with "to")."""
    opts = _options(FINE, "disappointment")
    assert spinning._unseen_sides("disappointment", "a", "to")[0] is None
    assert opts.synonym is None or opts.synonym.collocation == 0.0


def test_a_lifted_candidate_is_still_the_models_to_refuse() -> None:
    """"are corrosive" is in no bigram list and "are malignant" is a strong
    pair, so Moby's "malignant" is lifted; the learned decision keeps the word
    in this clean sentence (the next test)."""
    opts = _options(FINE, "corrosive")
    assert opts.synonym is not None and opts.synonym.collocation > 0.0


def test_no_lift_before_the_gate() -> None:
    """Without the learned decision's topic (the confirming first pass, the
    hand-set rule) a word that reads as English keeps Moby out, as before."""
    opts = _options(SPUN, "disappointment", with_topic=False)
    assert opts.synonym is None or opts.synonym.senses >= 0


def test_tortured_phrases_restored() -> None:
    text = repair(SPUN, GATE_OFF).text
    assert "kidney failure" in text
    assert "amino acid" in text


def test_the_same_words_in_english_stay() -> None:
    assert repair(FINE, GATE_OFF).changes == []


@pytest.mark.parametrize("text", [SPUN, FINE], ids=["spun", "fine"])
def test_clean_default_pipeline_and_change_log(text: str) -> None:
    result = repair(text, GATE_OFF)
    assert replay(text, result.changes) == result.text
    assert undo(result.text, result.changes) == text
    # Two sentences carry no gate evidence: the default pipeline leaves them.
    assert repair(text, Config().only(["restore_spun_words"])).changes == []
