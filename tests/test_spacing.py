from __future__ import annotations

import pytest

from textrepair import Config, repair

PTB = Config().only(["detokenize_ptb_spacing"])


@pytest.mark.parametrize(
    ("text_in", "text_out"),
    [
        ("It ’s rare , but true .", "It’s rare, but true."),
        ("The ( FDA ) has approved it , they say .", "The (FDA) has approved it, they say."),
        ("We do n't know , and they ca n't say .", "We don't know, and they can't say."),
        ("Dr . Smith said so , he said .", "Dr. Smith said so, he said."),
        ("Less than 1 % of cases , in fact .", "Less than 1% of cases, in fact."),
        ('It was " long enough " , he said .', 'It was "long enough", he said.'),
        ('In one " odd case , " a man walked .', 'In one "odd case," a man walked.'),
        ("The patients ' DNA , they said .", "The patients' DNA, they said."),
        ("Why , really ? Because .", "Why, really? Because."),
        ("It costs $ 5 , they say .", "It costs $5, they say."),
        ("A long - term study , they said .", "A long-term study, they said."),
    ],
)
def test_detokenize_ptb_spacing(text_in: str, text_out: str) -> None:
    assert repair(text_in, PTB).text == text_out


@pytest.mark.parametrize(
    "clean",
    [
        "A dash - like this - is fine, and so is this.",
        "Il a dit : « oui » ! Et toi ?",
        "One stray , comma is not enough evidence.",
        'He said "hello" and left.',
        "Values ( see below ) vary.",
        "Brain - computer interfaces are new.",
        "Version 2 . 5 of the code",
    ],
)
def test_detokenize_ptb_spacing_leaves_clean_text(clean: str) -> None:
    assert repair(clean, PTB).changes == []


def test_spaced_hyphen_joined_when_document_uses_other_dashes() -> None:
    text = "It ’s rare , but true — really .\nA Brain - computer link , they say ."
    assert "Brain-computer" in repair(text, PTB).text


def test_spaced_hyphen_kept_when_it_may_be_a_dash() -> None:
    text = "It ’s rare , but true .\nA Brain - computer link , they say ."
    assert "Brain - computer" in repair(text, PTB).text
