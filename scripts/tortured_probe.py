"""Probe restore_spun_words on published tortured phrases.

Tortured phrases are what a thesaurus spinner leaves in published papers
(Cabanac, Labbe & Magazinov 2021, "Tortured phrases: A dubious writing style
emerging in science", arXiv:2107.06751): "bosom peril" for breast cancer,
"kidney disappointment" for kidney failure. Each phrase below, as published,
sits in a short sentence of our own that is otherwise clean English; the
sentence is restored with the gate off (text known to be spun: every
``spin_doc_min_*`` at 0), and the probe prints what came back. No dictionary
holds these phrases: the probe measures the general method.

    python scripts/tortured_probe.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# (sentence with the tortured phrase, the phrase, the phrase it stands for)
PROBE = (
    ("Women with a family history of bosom peril should talk to their doctor about "
     "screening tests and the risks and benefits of each test.", "bosom peril", "breast cancer"),
    ("People with kidney disappointment may need dialysis or a transplant, and their doctor "
     "will explain the risks and benefits of each treatment.", "kidney disappointment",
     "kidney failure"),
    ("Each protein is made of a chain of amino corrosive units, and the order of the units "
     "is set by the genes that a cell reads.", "amino corrosive", "amino acid"),
    ("People with lactose bigotry have trouble digesting milk and may have gas, bloating and "
     "diarrhea after they eat dairy foods.", "lactose bigotry", "lactose intolerance"),
    ("Researchers are testing whether counterfeit consciousness can help doctors read "
     "images of the lung and find signs of disease earlier.", "counterfeit consciousness",
     "artificial intelligence"),
    ("The team trained a profound learning model on thousands of scans and then measured "
     "how often it found the tumors that doctors had marked.", "profound learning",
     "deep learning"),
    ("The study used colossal information from hospital records to find out which patients "
     "were most likely to return within a month.", "colossal information", "big data"),
    ("An irregular woodland model was used to predict which patients would respond to the "
     "treatment and which would not respond at all.", "irregular woodland", "random forest"),
    ("The error of the model was measured as the mean square blunder between the predicted "
     "and the observed values in each group of patients.", "square blunder", "square error"),
    ("A low flag to commotion ratio in the recording made it hard for the doctors to see the "
     "small changes in the heart rhythm of each patient.", "flag to commotion",
     "signal to noise"),
)


def main() -> int:
    from textrepair import Config, repair

    config = Config().only(("restore_spun_words",)).gates_off()
    words = restored = fine = 0
    for sentence, phrase, original in PROBE:
        result = repair(sentence, config)
        start = sentence.index(phrase)
        spun_words = phrase.split(" ")
        target = original.split(" ")
        before = sentence[:start].split()
        after_words = result.text.split()
        got = after_words[len(before) : len(before) + len(spun_words)]
        words += sum(1 for s, t in zip(spun_words, target) if s != t)
        restored += sum(1 for s, t, g in zip(spun_words, target, got) if s != t and g == t)
        inside = (start, start + len(phrase))
        fine += sum(1 for c in result.changes
                    if not (inside[0] <= c.orig_start and c.orig_end <= inside[1]))
        print(f"{phrase!r} -> {' '.join(got)!r} (for {original!r}); "
              f"{len(result.changes)} change(s): "
              + "; ".join(f"{sentence[c.orig_start:c.orig_end]!r}->{c.after!r}"
                          for c in result.changes))
    print(f"{restored} of {words} spun words restored; {fine} change(s) outside the phrases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
