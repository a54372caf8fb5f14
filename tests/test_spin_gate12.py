"""restore_spun_words with its gate off (text known to be spun)."""

from __future__ import annotations

from textrepair import Config, repair
from textrepair.changes import replay, undo

GATE_OFF = Config().gates_off().only(["restore_spun_words"])


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


def test_gates_off_opens_every_document_gate_and_nothing_else() -> None:
    """Config.gates_off() zeroes every per-document gate (every field named
    *_doc_min_*, a new gate included, except the PTB step's signal count,
    which must stay >= 1) and the spun step's paragraph gate, and leaves every
    other field as it was."""
    base = Config().only(["restore_spun_words"])
    off, before = base.gates_off().to_dict(), base.to_dict()
    gates = {k for k in before if "_doc_min_" in k and not k.startswith("ptb_")} | {
        "spin_paragraph_min_signals"}
    assert all(before[k] > 0 for k in gates)  # otherwise the test shows nothing
    assert {k: off[k] for k in gates} == {k: 0 for k in gates}
    assert {k: v for k, v in off.items() if k not in gates} == {
        k: v for k, v in before.items() if k not in gates}
