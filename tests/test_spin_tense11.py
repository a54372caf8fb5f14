"""A restored reporting verb takes the page's narrative tense (eleventh
session): the scores (tense and context) choose among its forms, the page's
topic only ranks it against other originals."""

from __future__ import annotations

from collections import Counter

import pytest

from textrepair import spinning

# Written for this test: a news page about a study whose reporting verbs are
# in the past ("said" four times), with a spun "tell apart" for told.
PAGE = (
    "Researchers studied the nerves of patients with a rare disease. The lead author said "
    "the findings were surprising. The patients recovered, she said. A second study is "
    "planned, the team said. Dr. Jesse Crayle, a neurologist at the university, tell apart "
    "reporters in an email that more work is needed, and said the results could help."
)


def _restored() -> str:
    lower = [t[2].lower() for t in spinning._tokens(PAGE)]
    lemmas: Counter[str] = Counter(lemma for w in lower for lemma in spinning._lemmas(w))
    opts = spinning._options(["tell", "apart"], None, "reporters", lemmas, Counter(lower), False,
                             topic=spinning._doc_topic(lower))
    assert opts.synonym is not None
    return opts.synonym.form


def test_reporting_verb_follows_the_narrative_tense() -> None:
    assert _restored() == "told"


def test_topic_does_not_choose_the_tense(monkeypatch: pytest.MonkeyPatch) -> None:
    """A topic that fits "tell" far better than "told" (seed 000's page
    did, by 0.34 in cosine) still leaves the past tense to a past-tense page."""
    def site_fit(topic, observed):  # type: ignore[no-untyped-def]
        return lambda form: 10.0 if form in ("tell", "tells") else 0.0

    monkeypatch.setattr(spinning, "_site_fit", site_fit)
    assert _restored() == "told"
