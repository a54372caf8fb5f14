"""Tests for restore_spun_words: spun text restored, clean text left alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textrepair import Config, repair, spinning
from textrepair.changes import replay
from textrepair.patterns import SPIN_GATE_TOKEN
from textrepair.spinning import _gate_bytes

ONLY = Config().only(["restore_spun_words"])

# A spun paragraph the tests write themselves (not a seed): it makes the
# document spun enough for the gate; each case adds one sentence to it.
SPUN = (
    "The cistron was found in citizenry with the disease. Many affected role have "
    "no symptom. A newfangled drug was efficacious. Most of them recuperate. "
)
RESTORED = (
    "The gene was found in people with the disease. Many patients have no symptoms. "
    "A new drug was efficacious. Most of them recover. "
)

CASES = [
    ("wrong_sense_noun", SPUN + "Cistron codes for a protein.", RESTORED + "Gene codes for a protein."),
    ("multiword_lemma", SPUN + "Affected role need care.", RESTORED + "Patients need care."),
    (
        "participle_after_be",
        SPUN + "Patients are diagnose late.",
        RESTORED + "Patients are diagnosed late.",
    ),
    ("left_alone_when_unsure", SPUN + "The study ended.", RESTORED + "The study ended."),
    ("plural_after_numeral", SPUN + "Two class later.", RESTORED + "Two years later."),
    ("plural_before_are", SPUN + "Most patient are ill.", RESTORED + "Most patients are ill."),
    ("participle_after_has", SPUN + "The FDA has approve it.", RESTORED + "The FDA has approved it."),
    ("plural_after_these", SPUN + "These finding are new.", RESTORED + "These findings are new."),
    ("acronym_kept", SPUN + "The VD was high.", RESTORED + "The VD was high."),
    ("capitalised_name_kept", SPUN + "Dr. Brass spoke.", RESTORED + "Dr. Brass spoke."),
    ("span_ending_in_particle", SPUN + "Here is how it puzzle out.", RESTORED + "Here is how it works."),
    ("code_kept", SPUN + "Take vitamin B12 daily.", RESTORED + "Take vitamin B12 daily."),
    ("acronym_never_restored", SPUN + "Tuberculosis is rare.", RESTORED + "Tuberculosis is rare."),
    # Agreement keeps a bare form English writes there (each was re-inflected
    # by its bigrams alone before the rule).
    ("singular_after_article", SPUN + "An infected rodent bit him.", RESTORED + "An infected rodent bit him."),
    ("compound_first_noun", SPUN + "Their symptom onset was late.", RESTORED + "Their symptom onset was late."),
    ("base_after_do_not", SPUN + "Lice do not transmit disease.", RESTORED + "Lice do not transmit disease."),
    ("base_after_modal_adverb", SPUN + "They may simply delay onset.", RESTORED + "They may simply delay onset."),
    ("gerund_after_by", SPUN + "Stop by take a rest.", RESTORED + "Stop by taking a rest."),
    # List items share their number (the plural was not restored before).
    (
        "plural_in_a_list",
        SPUN + "The drug helps adults and child with asthma.",
        RESTORED + "The drug helps adults and children with asthma.",
    ),
    ("singular_in_a_list_kept", SPUN + "It can affect the kidneys, liver, and lung.",
     RESTORED + "It can affect the kidneys, liver, and lung."),
    # A multiword lemma that reads as English is a span too, with a wider
    # margin (neither was restored before); a phrase the page could write stays.
    (
        "common_span",
        SPUN + "The disease is often associate degree with a rash.",
        RESTORED + "The disease is often associated with a rash.",
    ),
    (
        "common_span_kept",
        SPUN + "It causes wheezing and shortness of breath at night.",
        RESTORED + "It causes wheezing and shortness of breath at night.",
    ),
    ("phrase_kept_head_inflected", SPUN + "The disease had go on to spread.",
     RESTORED + "The disease had gone on to spread."),
    # A capitalised span mid-sentence is a name, not a spun lemma (WordNet's
    # "January 1" is a lemma of circumcision's feast day).
    (
        "capitalised_span_kept",
        SPUN + "As of January 1, 2009, case reports are required.",
        RESTORED + "As of January 1, 2009, case reports are required.",
    ),
    # The page's own uses of a word weigh for keeping it against a synonym
    # (each "handling" became "treatment" before).
    (
        "word_the_page_repeats_kept",
        SPUN + "Wash hands after handling pets. Handling raw meat is risky. Gloves help "
        "when handling soil. Avoid handling sick birds.",
        RESTORED + "Wash hands after handling pets. Handling raw meat is risky. Gloves help "
        "when handling soil. Avoid handling sick birds.",
    ),
]


@pytest.mark.parametrize(("text_in", "text_out"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_restore_spun_words(text_in: str, text_out: str) -> None:
    assert repair(text_in, ONLY).text == text_out


NEGATIVES = [
    ("clean_gene", "The gene codes for a protein that protects nerve cells in the brain. " * 3),
    ("clean_rare_word", "A lentigo is a flat brown spot on the skin. It is not a cancer. " * 3),
    ("one_odd_word", "Patients with the disease can have muckle pain in their legs and arms today."),
    ("short_text", "cistron"),
    (
        "british_spelling",
        "The tumour in the paediatric ward was treated with anaesthesia and a "
        "haemoglobin test. The oesophagus and the centre of the tumour were clear. " * 3,
    ),
    ("reporting_verbs", "He said the study ended. " * 8),
    (
        "field_terms",
        "The shoulder joint and the clavicle and the scapula and the shoulder blade hurt. " * 4,
    ),
]


@pytest.mark.parametrize("text", [c[1] for c in NEGATIVES], ids=[c[0] for c in NEGATIVES])
def test_clean_text_left_alone(text: str) -> None:
    assert repair(text, ONLY).changes == []


def test_reason_carries_evidence() -> None:
    change = repair(SPUN, ONLY).changes[0]
    assert change.reason.startswith("spin: syn gene") and "margin=" in change.reason
    assert 0.5 <= change.confidence <= 1.0


def test_min_confidence_trades_recall_for_precision() -> None:
    text = SPUN + "Patients are diagnose late."
    loose = repair(text, ONLY).changes
    strict = repair(text, ONLY.with_values(min_confidence=0.999)).changes
    assert len(strict) < len(loose)


def test_idempotent_on_restored_text() -> None:
    once = repair(SPUN, ONLY).text
    assert repair(once, ONLY).text == once


def test_warm_up_builds_the_tables() -> None:
    spinning._reverse_index.cache_clear()
    spinning._bare_lemmas.cache_clear()
    spinning.warm_up()
    assert spinning._reverse_index.cache_info().currsize == 1
    assert spinning._bare_lemmas.cache_info().currsize == 1


def test_missing_pair_of_a_rare_word_is_no_evidence() -> None:
    """A pair missing from the truncated bigram lists costs a rare word nothing
    where its count under independence would be under the lists' cuts too; a
    missing pair of two common words still costs."""
    # Interpolating with a 0.1 unigram share alone cost log(0.1) = -2.3 a side.
    assert spinning._logp("breakthrough", "exciting") > spinning._logp("breakthrough", None) - 1
    assert spinning._logp("the", "the") < spinning._logp("the", None) - 2


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(SPUN.split(" ") + ["gene", "patients", "the", "."]), max_size=60))
def test_log_replays(words: list[str]) -> None:
    text = " ".join(words)
    result = repair(text, ONLY)
    assert replay(text, result.changes) == result.text


@given(st.text())
def test_gate_words_are_the_regex_words(text: str) -> None:
    """The byte-table tokenizer of the spin gate finds exactly SPIN_GATE_TOKEN's words."""
    assert [w.decode() for w in _gate_bytes(text)] == SPIN_GATE_TOKEN.findall(text.lower())


def test_gate_evidence_counts_a_repeated_bare_lemma_once() -> None:
    once = spinning._evidence("they are diagnose late".split())
    twice = spinning._evidence("they are diagnose late and are diagnose again".split())
    assert once[1] == twice[1] == 1


def _gate_config(text: str, share: float) -> Config:
    """A config whose gate needs ``1 / share`` times the evidence ``text`` shows."""
    words = [w.decode() for w in _gate_bytes(text)]
    evidence, _ = spinning._evidence(words)
    return ONLY.with_values(
        spin_doc_min_rate=0.0, spin_doc_min_score=evidence / share / len(words) ** 0.5
    )


def test_gate_confirms_a_document_short_of_evidence_by_its_restorations(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A document with 0.8-1 of the needed evidence is restored in full or not
    at all: in full when its restorations' margins reach _CONFIRM_MARGINS times
    the needed evidence; below the band it is never looked at."""
    text = SPUN + "Patients are diagnose late."
    opened = repair(text, _gate_config(text, 1.0)).text
    assert opened != text
    near = _gate_config(text, 0.9)
    monkeypatch.setattr(spinning, "_CONFIRM_MARGINS", 0.0)
    # The same restorations (their confidences may differ: the learned
    # decision reads the document's evidence over the needed).
    assert repair(text, near).text == opened
    monkeypatch.setattr(spinning, "_CONFIRM_MARGINS", 1e9)
    assert repair(text, near).changes == []
    monkeypatch.setattr(spinning, "_CONFIRM_MARGINS", 0.0)
    assert repair(text, _gate_config(text, spinning._CONFIRM_EV - 0.05)).changes == []
