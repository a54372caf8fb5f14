"""Build the OCR error model that repair_ocr_garble reads, or learn one from data.

The error model is a table of character confusions: what OCR wrote (``ocr``),
what the page said (``gold``), a ``cost`` (minus log10 of how likely OCR makes
this confusion, so 1.0 is a common confusion and 3.0 a rare one) and ``where``
it may apply (``any`` position, ``inner``: not the first or last character of a
word, ``word``: the whole word).

Two modes:

* default: write ``dictionaries/ocr_confusions.tsv`` from the hand-curated
  table below. The aligned OCR/gold sets in ``../shared/data/ocr/`` may not be
  redistributed (the ACL set has no licence; ICDAR 2017 is "free to use for
  non-commercial uses"), so no weights learned from them are shipped. The
  curated confusions come from the literature: Tesseract's English
  ``eng.unicharambigs`` (tesseract-ocr/langdata, Apache-2.0: rn/m, cl/d, li/h,
  ii/u, vv/w, c/e, t/f ...), the confusions listed by Rice, Kanai and Nartker's
  UNLV OCR accuracy tests (1993-1996) and Kukich's survey (1992) (1/l/I, 0/o,
  b/h in "tbe", lost spaces in "ofthe"), the Unicode ligature decompositions,
  and the stray-punctuation class of Reynaert's TICCL (2011). The costs are
  ours, set by how common each class is in those sources.
* ``--learn SET --out PATH``: learn confusions with counts and costs from
  aligned pairs (``icdar2017``: the character alignment the set ships;
  ``acl``: word alignment with difflib, then the differing stretch of each
  word pair) and write them in the same format to PATH, which must lie
  outside the repository. ``scripts/eval_kinds/ocr.py`` uses such a table to
  measure a learned model on the *other* set (learned on ICDAR 2017, measured
  on ACL; and on one half of ACL, measured on the other), never on the data it
  was learned from. ``--half a|b`` learns on one half of the ACL paragraphs.

    python scripts/build_ocr_confusions.py [--check]
    python scripts/build_ocr_confusions.py --learn icdar2017 --out /tmp/ocr_icdar.tsv
"""

from __future__ import annotations

import argparse
import difflib
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textrepair.resources import write_table  # noqa: E402

OUT = ROOT / "dictionaries" / "ocr_confusions.tsv"
DATA = ROOT.parent / "shared" / "data" / "ocr"
COLUMNS = ["ocr", "gold", "cost", "where", "source"]

# (ocr, gold, cost, where, source). Sources: T = Tesseract eng.unicharambigs,
# U = UNLV accuracy tests (Rice et al.) / Kukich 1992, L = Unicode ligatures,
# P = stray punctuation (TICCL, Reynaert 2011).
CURATED: list[tuple[str, str, float, str, str]] = [
    # Glyphs merged or split by the segmenter.
    ("rn", "m", 1.0, "any", "T"), ("m", "rn", 1.5, "any", "T"),
    ("in", "m", 2.0, "any", "T"), ("m", "in", 2.5, "any", "T"),
    ("ni", "m", 2.0, "any", "T"), ("iii", "m", 2.0, "any", "T"),
    ("nn", "m", 2.0, "any", "U"), ("m", "nn", 2.0, "any", "U"),
    ("nn", "rm", 2.5, "any", "T"), ("rm", "nn", 2.5, "any", "T"),
    ("ri", "n", 2.0, "any", "T"), ("n", "ri", 2.5, "any", "T"),
    ("rr", "n", 2.5, "any", "T"),
    ("cl", "d", 1.0, "any", "T"), ("d", "cl", 1.5, "any", "T"),
    ("li", "h", 1.0, "any", "T"), ("h", "li", 2.0, "any", "U"),
    ("lr", "h", 2.0, "any", "T"), ("lx", "h", 3.0, "any", "T"),
    ("ii", "u", 1.5, "any", "T"), ("ii", "n", 2.0, "any", "T"),
    ("u", "ii", 2.5, "any", "U"),
    ("vv", "w", 1.0, "any", "T"), ("w", "vv", 2.0, "any", "U"),
    ("xn", "m", 3.0, "any", "T"), ("ux", "in", 3.0, "any", "T"),
    ("tl", "d", 2.5, "any", "T"), ("di", "th", 2.5, "any", "T"),
    ("ur", "in", 2.5, "any", "T"), ("un", "im", 3.0, "any", "T"),
    ("tr", "d", 3.0, "any", "T"), ("ti", "u", 3.0, "any", "T"),
    ("ij", "n", 3.0, "any", "T"), ("ij", "g", 3.0, "any", "T"),
    ("lc", "k", 2.0, "any", "T"), ("l<", "k", 2.0, "any", "T"),
    ("fi", "h", 2.5, "any", "U"), ("ft", "fl", 3.0, "any", "U"),
    # One glyph read as another.
    ("t", "f", 2.0, "any", "T"), ("f", "t", 2.0, "any", "T"),
    ("a", "o", 2.5, "any", "T"), ("o", "a", 2.5, "any", "T"),
    ("e", "c", 2.0, "any", "T"), ("c", "e", 2.0, "any", "T"),
    ("r", "t", 2.5, "any", "T"), ("u", "a", 3.0, "any", "T"),
    ("b", "h", 1.5, "any", "U"), ("h", "b", 2.0, "any", "U"),
    ("n", "u", 2.0, "any", "U"), ("u", "n", 2.0, "any", "U"),
    ("h", "n", 2.5, "any", "U"), ("n", "h", 2.5, "any", "U"),
    ("l", "i", 1.5, "any", "U"), ("i", "l", 1.5, "any", "U"),
    ("l", "t", 2.5, "any", "U"), ("t", "l", 2.5, "any", "U"),
    ("f", "i", 2.5, "inner", "U"), ("i", "f", 2.5, "inner", "U"),
    ("e", "o", 2.5, "any", "U"), ("o", "e", 2.5, "any", "U"),
    ("c", "o", 2.5, "any", "U"), ("o", "c", 2.5, "any", "U"),
    ("g", "q", 2.5, "any", "U"), ("q", "g", 2.0, "any", "U"),
    ("y", "v", 2.5, "any", "U"), ("v", "y", 2.5, "any", "U"),
    ("s", "a", 3.0, "any", "U"), ("e", "a", 3.0, "any", "U"),
    ("o", "b", 3.0, "any", "U"), ("b", "o", 3.0, "any", "U"),
    ("j", "i", 2.5, "any", "U"), ("i", "j", 3.0, "any", "U"),
    ("k", "lc", 2.5, "any", "U"), ("k", "h", 3.0, "any", "U"),
    # Digits and capitals inside lower-case words.
    ("1", "l", 1.0, "any", "U"), ("1", "i", 1.5, "any", "U"),
    ("0", "o", 1.5, "any", "T"), ("5", "s", 2.5, "any", "U"),
    ("6", "b", 3.0, "any", "U"), ("8", "s", 3.0, "any", "U"),
    ("I", "l", 1.5, "inner", "U"), ("l", "I", 2.0, "any", "U"),
    ("I", "i", 2.0, "inner", "U"), ("L", "i", 2.5, "inner", "U"),
    ("J", "i", 2.5, "inner", "U"), ("|", "l", 1.0, "any", "U"),
    ("!", "l", 2.0, "inner", "U"),
    # Whole words with a lost space or a common misreading.
    ("ofthe", "of the", 1.0, "word", "U"), ("inthe", "in the", 1.5, "word", "U"),
    ("tothe", "to the", 1.5, "word", "U"), ("andthe", "and the", 1.5, "word", "U"),
    ("onthe", "on the", 1.5, "word", "U"), ("forthe", "for the", 1.5, "word", "U"),
    ("fromthe", "from the", 1.5, "word", "U"), ("bythe", "by the", 1.5, "word", "U"),
    # Ligatures (Unicode compatibility decompositions).
    ("ﬁ", "fi", 0.2, "any", "L"), ("ﬂ", "fl", 0.2, "any", "L"),
    ("ﬀ", "ff", 0.2, "any", "L"), ("ﬃ", "ffi", 0.2, "any", "L"),
    ("ﬄ", "ffl", 0.2, "any", "L"), ("ﬅ", "st", 0.5, "any", "L"),
    ("ﬆ", "st", 0.5, "any", "L"),
    # Stray punctuation inside a word: specks read as marks, or a lost apostrophe.
    (".", "", 1.5, "inner", "P"), (",", "", 1.5, "inner", "P"),
    (";", "", 2.0, "inner", "P"), (":", "", 2.0, "inner", "P"),
    ("~", "", 2.0, "inner", "P"), ("^", "", 2.0, "inner", "P"),
    ("`", "", 2.0, "inner", "P"), ("'", "", 2.5, "inner", "P"),
    ("?", "'", 0.5, "inner", "P"), (",", "u", 3.0, "inner", "P"),
]
SOURCES = (
    "hand-curated from Tesseract langdata eng.unicharambigs (Apache-2.0), "
    "Rice/Kanai/Nartker UNLV OCR accuracy reports and Kukich 1992, Unicode "
    "ligature decompositions, Reynaert 2011 (TICCL); costs set by hand"
)


def curated_rows() -> list[tuple[str, ...]]:
    return [(o, g, f"{c:.1f}", w, s) for o, g, c, w, s in CURATED]


# --- learning from aligned pairs (evaluation only; never shipped) ----------


def icdar_pairs(root: Path = DATA / "icdar2017_eval_en") -> list[tuple[str, str]]:
    """(ocr, gold) character-aligned strings of every ICDAR 2017 English file,
    with the '#' (no gold) stretches cut out; '@' marks an alignment gap."""
    pairs = []
    for path in sorted(root.glob("*/*.txt")):
        ocr, gold = read_icdar(path)
        pairs.append((ocr, gold))
    return pairs


def read_icdar(path: Path) -> tuple[str, str]:
    """The aligned OCR and gold lines of one ICDAR file, '#' positions removed."""
    lines = path.read_text(encoding="utf-8").split("\n")
    ocr = next(line for line in lines if line.startswith("[OCR_aligned]"))[14:]
    gold = next(line for line in lines if line.startswith("[ GS_aligned]"))[14:]
    keep = [i for i, g in enumerate(gold) if g != "#"]
    return "".join(ocr[i] for i in keep if i < len(ocr)), "".join(gold[i] for i in keep)


def acl_paragraphs(root: Path = DATA / "acl_ocr_dev") -> list[tuple[str, str]]:
    ocr = (root / "ocr.txt").read_text(encoding="utf-8").split("\n")
    gold = (root / "correct.txt").read_text(encoding="utf-8").split("\n")
    return [(o, g) for o, g in zip(ocr, gold) if o or g]


def acl_half(half: str) -> list[tuple[str, str]]:
    """Paragraphs with even (a) or odd (b) index."""
    paras = acl_paragraphs()
    return paras[0::2] if half == "a" else paras[1::2]


def word_confusions(ocr_word: str, gold_word: str) -> list[tuple[str, str]]:
    """The differing stretches of one word pair, each widened by one character
    of context where it is an insertion or deletion (so it can be applied)."""
    out = []
    matcher = difflib.SequenceMatcher(None, ocr_word, gold_word, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 - i1 > 3 or j2 - j1 > 3:
            continue
        if i1 == i2:  # OCR lost characters: anchor on a neighbour
            if i1 > 0:
                out.append((ocr_word[i1 - 1], ocr_word[i1 - 1] + gold_word[j1:j2]))
            elif i2 < len(ocr_word):
                out.append((ocr_word[i2], gold_word[j1:j2] + ocr_word[i2]))
            continue
        out.append((ocr_word[i1:i2], gold_word[j1:j2]))
    return out


def learn(pairs: list[tuple[str, str]], aligned: bool) -> list[tuple[str, ...]]:
    """Count word-internal confusions and turn them into costs:
    cost = -log10(count(ocr->gold) / count(gold in the gold text)) + 0.5."""
    counts: Counter[tuple[str, str]] = Counter()
    gold_text = []
    for ocr, gold in pairs:
        if aligned:
            o_words, g_words = _split_aligned(ocr, gold)
        else:
            o_words, g_words = _split_difflib(ocr, gold)
        for o, g in zip(o_words, g_words):
            if o != g and o and g and " " not in g:
                counts.update(word_confusions(o, g))
        gold_text.append(gold.replace("@", ""))
    text = "\n".join(gold_text)
    rows = []
    for (o, g), n in counts.items():
        if n < 2 or "\t" in o + g or "\n" in o + g:
            continue
        base = max(n, text.count(g)) if g else max(n, len(text) // 50)
        cost = -math.log10(n / base) + 0.5
        rows.append((o, g, f"{min(cost, 4.0):.1f}", "any", f"learned:{n}"))
    return rows


def _split_aligned(ocr: str, gold: str) -> tuple[list[str], list[str]]:
    """Word pairs of a character-aligned pair, split where the gold has a space."""
    o_words, g_words = [], []
    o_cur, g_cur = [], []
    for o, g in zip(ocr, gold):
        if g == " " and o == " ":
            o_words.append("".join(o_cur).replace("@", ""))
            g_words.append("".join(g_cur).replace("@", ""))
            o_cur, g_cur = [], []
        else:
            o_cur.append(o)
            g_cur.append(g)
    o_words.append("".join(o_cur).replace("@", ""))
    g_words.append("".join(g_cur).replace("@", ""))
    return o_words, g_words


def _split_difflib(ocr: str, gold: str) -> tuple[list[str], list[str]]:
    """Word pairs where difflib aligns one OCR word with one gold word."""
    ow, gw = ocr.split(" "), gold.split(" ")
    o_words, g_words = [], []
    matcher = difflib.SequenceMatcher(None, ow, gw, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            o_words.extend(ow[i1:i2])
            g_words.extend(gw[j1:j2])
    return o_words, g_words


def write(path: Path, rows: list[tuple[str, ...]], sources: str, notes: str) -> None:
    write_table(
        path, "ocr_confusions", "scripts/build_ocr_confusions.py", sources, COLUMNS, rows,
        notes=notes,
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="rebuild and compare, write nothing")
    ap.add_argument("--learn", choices=("icdar2017", "acl"), help="learn from this data set")
    ap.add_argument("--half", choices=("a", "b"), help="with --learn acl: learn on one half")
    ap.add_argument("--out", type=Path, help="with --learn: where to write (outside the repo)")
    args = ap.parse_args()
    if args.learn:
        if not args.out or ROOT in args.out.resolve().parents:
            raise SystemExit("--learn needs --out outside the repository (the data is not ours)")
        if args.learn == "icdar2017":
            rows = learn(icdar_pairs(), aligned=True)
        else:
            rows = learn(acl_half(args.half) if args.half else acl_paragraphs(), aligned=False)
        half = f" half {args.half}" if args.half else ""
        write(args.out, rows, f"learned from ../shared/data/ocr/{args.learn}{half}",
              "evaluation only, not redistributable")
        print(f"{len(rows)} confusions -> {args.out}")
        return 0
    rows = curated_rows()
    notes = "cost = -log10 P(confusion), hand-set; where: any, inner (not at a word edge), word"
    if args.check:
        tmp = OUT.with_suffix(".check")
        write(tmp, rows, SOURCES, notes)
        same = tmp.read_bytes() == OUT.read_bytes()
        tmp.unlink()
        if not same:
            print(f"{OUT} differs from a rebuild", file=sys.stderr)
            return 1
        return 0
    write(OUT, rows, SOURCES, notes)
    print(f"{len(rows)} confusions -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
