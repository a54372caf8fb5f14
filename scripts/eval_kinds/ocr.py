"""Damage: OCR character confusions (synthetic), plus two real OCR sets in ``extra``.

``damage`` garbles about one word in 30 of a health document with the
confusions of the shipped error model run backwards (m -> rn, d -> cl, h -> li,
l -> 1, the -> tbe, fi -> ﬁ, a speck read as "."), so it measures recall on the
model's own confusions and is no independent test; the real measurements are
in ``extra``:

* ``../shared/data/ocr/acl_ocr_dev/``: 500 paragraphs of modern English (ACL
  papers), each repaired as its own document; CER before and after, and how
  many paragraphs got worse;
* ``../shared/data/ocr/icdar2017_eval_en/``: 89 files of 17th-20th century
  print, '#' (no gold) stretches cut from both sides; each file is repaired as
  one document and scored in aligned chunks of about 2,000 characters.

Systems: no change; symspellpy (``lookup`` with edit distance 2 on every word
its dictionary does not know, case kept); textrepair with the shipped,
hand-curated error model; and textrepair with an error model learned by
``scripts/build_ocr_confusions.py --learn`` on the *other* set (ICDAR 2017 ->
ACL; ACL -> ICDAR 2017), so no measurement uses confusions learned from itself;
and the curated model plus a table learned on one ACL half, measured on the
other half (what a user with a few hundred aligned pairs of their own source
would get).
For text known to be OCR, rows with the gate off, and with the gate off and the
wide search (``ocr_wide_distance=3``: "OCR known"); and the wide search with
the gate on. The default reads glyph clusters (``ocr_cluster_letters=1``); a
row without them shows what they add. A row runs restore_replacement_chars
first, as the pipeline does (ACL text lost characters as "?").
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
import time
from collections.abc import Callable
from functools import cache
from importlib import resources as importlib_resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

NAME = "ocr"
STEPS: tuple[str, ...] | None = ("repair_ocr_garble",)
OCR_DATA = ROOT.parent / "shared" / "data" / "ocr"
_WORD = re.compile(r"[A-Za-z]+")

# gold -> what OCR writes, for the synthetic damage (the model run backwards).
_GARBLE = [
    ("m", "rn"), ("d", "cl"), ("h", "li"), ("l", "1"), ("o", "0"), ("w", "vv"),
    ("u", "ii"), ("e", "c"), ("c", "e"), ("h", "b"), ("fi", "ﬁ"), ("fl", "ﬂ"),
    ("i", "l"), ("l", "I"), ("n", "ri"), ("t", "f"),
]


def damage(text: str, rng: random.Random) -> str:
    def garble(m: re.Match[str]) -> str:
        word = m.group()
        if len(word) < 4 or rng.random() > 1 / 30:
            return word
        if word.lower() == "the":
            return word[0] + "b" + word[2:]
        if rng.random() < 0.1:
            cut = rng.randint(2, len(word) - 2)
            return word[:cut] + "." + word[cut:]
        options = [(g, o) for g, o in _GARBLE if g in word[1:]]
        if not options:
            return word
        g, o = rng.choice(options)
        starts = [i for i in range(1, len(word)) if word.startswith(g, i)]
        i = rng.choice(starts)
        return word[:i] + o + word[i + len(g) :]

    return _WORD.sub(garble, text)


# --- baselines ---------------------------------------------------------------


@cache
def _symspell():  # type: ignore[no-untyped-def]
    from symspellpy import SymSpell

    sym = SymSpell(max_dictionary_edit_distance=2)
    path = importlib_resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    sym.load_dictionary(str(path), term_index=0, count_index=1)
    return sym


def symspell_unknown(text: str) -> str:
    """symspellpy's best suggestion (edit distance <= 2) for every word of
    letters its dictionary does not know, in the word's case."""
    from symspellpy import Verbosity

    sym = _symspell()

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        low = word.lower()
        if low in sym.words:
            return word
        found = sym.lookup(low, Verbosity.TOP, max_edit_distance=2)
        if not found:
            return word
        best = found[0].term
        if word[:1].isupper():
            best = best.upper() if word.isupper() else best[:1].upper() + best[1:]
        return best

    return _WORD.sub(fix, text)


BASELINES: dict[str, Callable[[str], str]] = {"symspellpy on unknown words": symspell_unknown}


# --- the real OCR sets ----------------------------------------------------------


def acl_pairs() -> list[tuple[str, str]]:
    root = OCR_DATA / "acl_ocr_dev"
    ocr = (root / "ocr.txt").read_text(encoding="utf-8").split("\n")
    gold = (root / "correct.txt").read_text(encoding="utf-8").split("\n")
    return [(o, g) for o, g in zip(ocr, gold) if o or g]


def icdar_docs(limit: int | None = None) -> list[list[tuple[str, str]]]:
    """Each ICDAR 2017 English file as a list of aligned (ocr, gold) chunks,
    cut where both sides have a space; the document is the chunks joined by a space."""
    from build_ocr_confusions import read_icdar

    docs = []
    for path in sorted((OCR_DATA / "icdar2017_eval_en").glob("*/*.txt"))[:limit]:
        ocr, gold = read_icdar(path)
        chunks = []
        start = 0
        for i, (o, g) in enumerate(zip(ocr, gold)):
            if o == " " and g == " " and i - start >= 2000:
                chunks.append((ocr[start:i].replace("@", ""), gold[start:i].replace("@", "")))
                start = i + 1
        chunks.append((ocr[start:].replace("@", ""), gold[start:].replace("@", "")))
        docs.append(chunks)
    return docs


def _repairer(
    config_steps: tuple[str, ...], **knobs: float
) -> Callable[[str], list[tuple[int, int, str]]]:
    from textrepair import Config, repair

    config = Config().only(config_steps).with_values(**knobs)

    def edits(text: str) -> list[tuple[int, int, str]]:
        return [(c.orig_start, c.orig_end, c.after) for c in repair(text, config).changes]

    return edits


def _apply(text: str, edits: list[tuple[int, int, str]], lo: int, hi: int) -> str:
    """``text[lo:hi]`` with the edits that fall inside it applied."""
    parts, pos = [], lo
    for s, e, after in edits:
        if lo <= s and e <= hi:
            parts.append(text[pos:s])
            parts.append(after)
            pos = e
    parts.append(text[pos:hi])
    return "".join(parts)


def _run_icdar(docs: list[list[tuple[str, str]]], fix: Callable[[str], str] | None,
               edits_of: Callable[[str], list[tuple[int, int, str]]] | None) -> tuple[int, int]:
    from evalkit import char_errors

    errors = worse = 0
    for chunks in docs:
        text = " ".join(o for o, _ in chunks)
        edits = sorted(edits_of(text)) if edits_of else []
        pos = 0
        for o, g in chunks:
            out = _apply(text, edits, pos, pos + len(o)) if edits_of else (fix(o) if fix else o)
            e = char_errors(g, out)
            errors += e
            worse += e > char_errors(g, o)
            pos += len(o) + 1
    return errors, worse


def _learned(learn: str, half: str | None = None):  # type: ignore[no-untyped-def]
    """An error model learned by build_ocr_confusions.py, in a temporary file."""
    import build_ocr_confusions as build

    from textrepair.ocr import Confusion

    if learn == "icdar2017":
        rows = build.learn(build.icdar_pairs(), aligned=True)
    else:
        rows = build.learn(build.acl_half(half) if half else build.acl_paragraphs(), aligned=False)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "learned.tsv"
        build.write(path, rows, learn, "evaluation only")
        lines = [x for x in path.read_text(encoding="utf-8").split("\n") if x and x[:2] != "# "]
    model = []
    for line in lines:
        o, g, cost, where, _ = line.split("\t")
        if o and o != g:
            model.append(Confusion(o, g, float(cost), where))
    return tuple(model)


def acl_error_kinds(pairs: list[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    """What the character errors of the ACL set are made of: (words, char errors)
    per kind of word difference, so the reachable share is visible."""
    import difflib

    from evalkit import char_errors

    from textrepair.ocr import _known
    from textrepair.patterns import OCR_STRIP

    kinds: dict[str, tuple[int, int]] = {}

    def add(kind: str, errors: int) -> None:
        n, e = kinds.get(kind, (0, 0))
        kinds[kind] = (n + 1, e + errors)

    for o, g in pairs:
        ow, gw = o.split(" "), g.split(" ")
        matcher = difflib.SequenceMatcher(None, ow, gw, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            if tag != "replace" or i2 - i1 != j2 - j1:
                add("spaces or words added/lost", char_errors(" ".join(gw[j1:j2]), " ".join(ow[i1:i2])))
                continue
            for a, b in zip(ow[i1:i2], gw[j1:j2]):
                ca, cb = a.strip(OCR_STRIP), b.strip(OCR_STRIP)
                if ca == cb:
                    kind = "punctuation around a word only"
                elif not cb.isalpha():
                    kind = "gold word has digits, symbols or inner marks"
                elif not _known(cb.lower()):
                    kind = "gold word unknown to the dictionaries (name, foreign, term)"
                elif _known(ca.lower()):
                    kind = "real-word error (OCR wrote another word: tile/the)"
                elif ca.lower() == cb[1:].lower():
                    kind = "non-word, first letter lost (uch/such)"
                elif char_errors(ca, cb) == 1:
                    kind = "non-word, one character from a known word"
                else:
                    kind = "non-word, two or more characters from a known word"
                add(kind, char_errors(b, a))
    return kinds


def extra(args) -> str:  # type: ignore[no-untyped-def]
    from evalkit import char_errors

    from textrepair import Config, ocr
    from textrepair.config import SOURCES

    out = []
    limit = getattr(args, "icdar_limit", None)
    acl = acl_pairs()
    icdar = icdar_docs(limit)
    n_acl = sum(len(g) for _, g in acl)
    n_icdar = sum(len(g) for chunks in icdar for _, g in chunks)
    base_acl = sum(char_errors(g, o) for o, g in acl)
    base_icdar, _ = _run_icdar(icdar, None, None)
    step = _repairer(("repair_ocr_garble",))
    no_clusters = _repairer(("repair_ocr_garble",), ocr_cluster_letters=0)
    no_gate = _repairer(("repair_ocr_garble",), ocr_doc_min_signals=0, ocr_doc_min_rate=0.0)
    # Text known to be OCR: gate off and the wide search (Config.ocr_wide_distance).
    known = _repairer(("repair_ocr_garble",), **SOURCES["ocr"])  # --source ocr
    gate_wide = _repairer(("repair_ocr_garble",), ocr_wide_distance=3)
    # Characters lost as "?" first (restore_replacement_chars runs before the OCR
    # step in the pipeline); the ACL gold writes ASCII quotes and apostrophes, so
    # a restored ’ or “ ” scores as wrong as the "?" it replaced: a second row
    # scores with curly quotes folded to ASCII to show what the restorations do.
    lost_first = _repairer(("restore_replacement_chars", "repair_ocr_garble"))
    # What a user gets: every step, by default and with --source ocr (the other
    # steps meet text that is not health prose: see the results doc).
    every = _repairer(tuple(Config().step_names()))
    every_ocr = _repairer(tuple(Config().step_names()), **SOURCES["ocr"])
    ascii_quotes = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
    models = {
        "textrepair (shipped curated model)": (None, None),
        "textrepair (model learned on the other set)": ("icdar2017", "acl"),
    }

    def acl_row(name: str, fix: Callable[[str], str], secs: float | None = None) -> str:
        t0 = time.perf_counter()
        errs = [(char_errors(g, fix(o)), char_errors(g, o)) for o, g in acl]
        secs = time.perf_counter() - t0 if secs is None else secs
        e = sum(a for a, _ in errs)
        worse = sum(a > b for a, b in errs)
        better = sum(a < b for a, b in errs)
        half = [sum(a for a, _ in errs[k::2]) for k in (0, 1)]
        half0 = [sum(b for _, b in errs[k::2]) for k in (0, 1)]
        return (
            f"| {name} | {e / n_acl:.5f} | {100 * (base_acl - e) / base_acl:.1f}% | "
            f"{100 * (half0[0] - half[0]) / half0[0]:.1f}% / "
            f"{100 * (half0[1] - half[1]) / half0[1]:.1f}% | {better} | {worse} "
            f"({100 * worse / len(acl):.1f}%) | {secs:.1f} |"
        )

    out += [
        f"#### ACL OCR dev ({len(acl)} paragraphs, {n_acl:,} gold characters, each "
        "paragraph repaired as its own document)",
        "",
        "| system | CER | CER reduced | reduced on even / odd paragraphs | paragraphs better "
        "| paragraphs worse | s |",
        "|---|---|---|---|---|---|---|",
        f"| no change | {base_acl / n_acl:.5f} | 0.0% | | 0 | 0 | |",
        acl_row("symspellpy on unknown words", symspell_unknown),
    ]
    for name, (learn_acl, _) in models.items():
        ocr.use_model(_learned(learn_acl) if learn_acl else None)
        try:
            out.append(acl_row(name, lambda t: _apply(t, step(t), 0, len(t))))
        finally:
            ocr.use_model(None)
    # A user with aligned pairs from their own source: a table learned on one
    # ACL half, added to the curated one, measured on the other half (the even
    # column with the table learned on the odd paragraphs, the odd column with
    # the one learned on the even paragraphs).
    cross, cross_secs = {}, {"default": 0.0, "known": 0.0}
    for half, parity in (("a", 1), ("b", 0)):
        ocr.use_model(ocr._shipped_model() + _learned("acl", half))
        try:
            for fixer, key in ((step, "default"), (known, "known")):
                t0 = time.perf_counter()
                for i in range(parity, len(acl), 2):
                    cross[key, i] = _apply(acl[i][0], fixer(acl[i][0]), 0, len(acl[i][0]))
                cross_secs[key] += time.perf_counter() - t0
        finally:
            ocr.use_model(None)
    for key, label in (("default", "default"), ("known", "--source ocr")):
        outputs = iter([cross[key, i] for i in range(len(acl))])
        out.append(acl_row(
            f"textrepair + a table learned on the other ACL half ({label})",
            lambda t, outputs=outputs: next(outputs),  # acl_row reads the paragraphs in order
            cross_secs[key],
        ))
    out.append(acl_row(
        "textrepair, no glyph clusters (ocr_cluster_letters=0)",
        lambda t: _apply(t, no_clusters(t), 0, len(t)),
    ))
    out.append(acl_row(
        "textrepair, gate off (text known to be OCR)", lambda t: _apply(t, no_gate(t), 0, len(t))
    ))
    out.append(acl_row(
        "textrepair, OCR known: gate off + wide search (ocr_wide_distance=3)",
        lambda t: _apply(t, known(t), 0, len(t)),
    ))
    out.append(acl_row(
        "textrepair, gate on + wide search", lambda t: _apply(t, gate_wide(t), 0, len(t))
    ))
    out.append(acl_row(
        "restore_replacement_chars + repair_ocr_garble",
        lambda t: _apply(t, lost_first(t), 0, len(t)),
    ))
    out.append(acl_row(
        "restore_replacement_chars + repair_ocr_garble, curly quotes scored as ASCII",
        lambda t: _apply(t, lost_first(t), 0, len(t)).translate(ascii_quotes),
    ))
    out.append(acl_row("every step (the default pipeline)", lambda t: _apply(t, every(t), 0, len(t))))
    out.append(acl_row(
        "every step, --source ocr", lambda t: _apply(t, every_ocr(t), 0, len(t))
    ))

    kinds = acl_error_kinds(acl)
    out += [
        "",
        "What the ACL character errors are (word-aligned with difflib):",
        "",
        "| kind of difference | words | char errors | share |",
        "|---|---|---|---|",
    ]
    for kind, (n, e) in sorted(kinds.items(), key=lambda kv: -kv[1][1]):
        out.append(f"| {kind} | {n} | {e} | {100 * e / base_acl:.1f}% |")

    def icdar_row(name: str, fix: Callable[[str], str] | None, edits_of=None) -> str:  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        e, worse = _run_icdar(icdar, fix, edits_of)
        secs = time.perf_counter() - t0
        chunks = sum(len(c) for c in icdar)
        return (
            f"| {name} | {e / n_icdar:.5f} | {100 * (base_icdar - e) / base_icdar:.1f}% | "
            f"{worse} of {chunks} | {secs:.1f} |"
        )

    out += [
        "",
        f"#### ICDAR 2017 English evaluation set ({len(icdar)} files, {n_icdar:,} gold "
        "characters, each file repaired as one document)",
        "",
        "| system | CER | CER reduced | chunks worse | s |",
        "|---|---|---|---|---|",
        f"| no change | {base_icdar / n_icdar:.5f} | 0.0% | 0 | |",
        icdar_row("symspellpy on unknown words", symspell_unknown),
    ]
    for name, (_, learn_icdar) in models.items():
        ocr.use_model(_learned(learn_icdar) if learn_icdar else None)
        try:
            out.append(icdar_row(name, None, step))
        finally:
            ocr.use_model(None)
    out.append(icdar_row(
        "textrepair, no glyph clusters (ocr_cluster_letters=0)", None, no_clusters
    ))
    out.append(icdar_row("textrepair, gate off (text known to be OCR)", None, no_gate))
    out.append(icdar_row(
        "textrepair, OCR known: gate off + wide search (ocr_wide_distance=3)", None, known
    ))
    out.append(icdar_row("textrepair, gate on + wide search", None, gate_wide))
    out.append(icdar_row("restore_replacement_chars + repair_ocr_garble", None, lost_first))
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="Only the real OCR sets (the extra section).")
    ap.add_argument("--icdar-limit", type=int, default=None)
    print(extra(ap.parse_args()))
