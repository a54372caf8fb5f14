"""restore_spun_words with its gate off (text known to be spun)."""

from __future__ import annotations

from textrepair import Config, repair
from textrepair.changes import replay, undo

GATE_OFF = Config(
    spin_doc_min_rate=0.0, spin_doc_min_score=0.0, spin_doc_min_signals=0,
    spin_paragraph_min_signals=0,
).only(["restore_spun_words"])


def test_gate_off_restores_a_page_the_gate_leaves() -> None:
    # One fingerprint is too little for the default gate; with every
    # spin_doc_min_* at 0 the page is taken as spun (text known to be spun: it
    # divided by zero before session 12). Pages under 20 words stay untouched.
    text = (
        "The cistron was found in people with the disease, and the doctors who studied "
        "it said that more work is needed to know how it acts in the body."
    )
    assert repair(text, Config().only(["restore_spun_words"])).changes == []
    result = repair(text, GATE_OFF)
    assert [c.after for c in result.changes][:1] == ["gene"]
    assert replay(text, result.changes) == result.text
    assert undo(result.text, result.changes) == text
