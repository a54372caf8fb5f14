"""Score seed 000 against the spun words issue 5 lists, from the pipeline's change log.

Issue 5 lists the spun and uninflected words of seed 000 with their originals
("cistron" for gene, "patientsare diagnose" for diagnosed, ...): 26 in all,
"class" counted twice, as a wrong-sense synonym and as "five class". This
script finds each listed word in the seed by the words around it, repairs the
seed with the default pipeline (or the config the options give) and counts a
word as restored when a restore_spun_words change over it writes the issue's
original. It then lists every other restore_spun_words change: those are the
candidates for "fine words changed", which only a reader can judge (the
article's own text is not known), so the script prints them and counts
nothing.

    python scripts/seed_spun_score.py [--min-confidence X] [--seed FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from textrepair import Config, repair

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_c27c60a38ab0f839.txt"

# (text before, the spun words, text after, the original the issue gives).
# The words around each make its place in the seed unique.
LISTED = (
    ("are presently no ", "discourse", " that", "treatments"),
    ("mutation in a ", "cistron", " called", "gene"),
    ("subset of ", "affected role", " with", "patients"),
    ("disease damage ", "cheek", " in the brain", "nerves"),
    ("slows the ", "brass", " damage", "nerve"),
    ("given extra ", "VD", " of", "doses"),
    ("effects of a ", "2d", " protein", "second"),
    ("three to five ", "class", " of their", "years"),
    ("voluntary ", "front", " of muscle", "movement"),
    ("support ", "external respiration", " .", "breathing"),
    ("scientist ", "have it away", " why", "know"),
    ("St. Louis , ", "tell apart", " Live", "told"),
    ("lead study ", "generator", " and", "author"),
    ("how it ", "puzzle out", " .", "works"),
    ("affiliate ", "mission", " .", "commission"),
    ("signed this ", "book of account", " before", "book"),
    ("Brain - ", "electronic computer", " user", "computer"),
    ("with the ", "dependent ancestry", ' "', "subject line"),
    ("othersorwhy ", "lentigo", " come", "freckles"),
    ("patientsare ", "diagnose", " with ALS in", "diagnosed"),
    ("has ", "approve", " several", "approved"),
    ("can be ", "treat", " .", "treated"),
    ("disease , he ", "say", " .", "said"),
    ("three to five ", "class", " of their", "years"),  # the lost plural of "five class"
    ("colleagues ", "compare", " these", "compared"),
    ("These ", "finding", " ,", "findings"),
)


def locate(text: str, before: str, spun: str, after: str) -> tuple[int, int]:
    """The span of ``spun`` in ``text`` between ``before`` and ``after``."""
    pattern = before + spun + after
    at = text.find(pattern)
    if at < 0 or text.find(pattern, at + 1) >= 0:
        raise SystemExit(f"{pattern!r} is not in the seed exactly once")
    start = at + len(before)
    return start, start + len(spun)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seed", type=Path, default=SEED)
    p.add_argument("--min-confidence", type=float, default=0.0)
    args = p.parse_args()
    text = args.seed.read_text("utf-8")
    result = repair(text, Config(min_confidence=args.min_confidence))
    spun = [c for c in result.changes if c.step == "restore_spun_words"]
    spans = [locate(text, *item[:3]) for item in LISTED]
    restored = 0
    print("listed word            original       restored as")
    for (_, word, _, original), (start, end) in zip(LISTED, spans):
        over = [c for c in spun if c.orig_start < end and start < c.orig_end]
        made = " / ".join(c.after for c in over) or "-"
        ok = any(original in c.after.lower().split() or c.after.lower() == original
                 for c in over)
        restored += ok
        print(f"{'+' if ok else ' '} {word:20} {original:14} {made}")
    others = [c for c in spun
              if not any(c.orig_start < end and start < c.orig_end for start, end in spans)]
    print(f"\nrestored {restored} / {len(LISTED)} listed words "
          f"({100 * restored / len(LISTED):.0f}%); restore_spun_words made {len(spun)} changes, "
          f"{len(others)} of them on words the issue does not list (spun words it left out, "
          f"or fine words changed: judge each):")
    for c in others:
        print(f"  {text[max(0, c.orig_start - 25):c.orig_start]!r:>28} "
              f"[{c.before} -> {c.after}] {text[c.orig_end:c.orig_end + 20]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
