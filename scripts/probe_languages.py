"""Changes the default pipeline makes on undamaged text in other languages.

A corpus scraped from health sites carries pages in other languages, and the
steps that read English find "damage" in them. This probe reads real
translated prose from the machine itself (nothing is copied into the project):

* Vim's tutor in every language it ships (/usr/share/vim/vim*/tutor/tutor.*.utf-8),
  with the English tutor as the control;
* the translations of the long messages (over 200 characters: help texts and
  explanations) in the gettext catalogs of /usr/share/locale/LANG/LC_MESSAGES,
  one document per language, with the English originals of those messages as
  the control. The catalog header (translator names, plural formulas) is left
  out: it is no prose in any language.

It runs the default pipeline and, with ``--compare``, the pipeline with the
language check off (``other_language_min_markers=0``), and prints the changes
per step. Hard line wraps are damage to this tool in any language
(``rejoin_wrapped_lines``); every other change to these texts is false unless
reading it (``--list STEP``) says otherwise. What it finds depends on what the
machine has installed.

    python scripts/probe_languages.py [--compare] [--list STEP]
"""

from __future__ import annotations

import argparse
import gettext
import glob
import os
from collections import Counter

CATALOG_LANGUAGES = ("fr", "de", "es", "it", "pt", "pt_BR", "nl", "sv", "da", "pl")
MIN_MESSAGE = 200


def tutors() -> dict[str, str]:
    docs = {}
    for path in sorted(glob.glob("/usr/share/vim/vim*/tutor/tutor.*.utf-8")):
        docs[os.path.basename(path)] = open(path, encoding="utf-8").read()
    for path in sorted(glob.glob("/usr/share/vim/vim*/tutor/tutor")):
        docs["tutor (English)"] = open(path, encoding="utf-8", errors="replace").read()
    return docs


def catalogs() -> dict[str, str]:
    docs = {}
    originals: dict[str, None] = {}
    for lang in CATALOG_LANGUAGES:
        parts = []
        for path in sorted(glob.glob(f"/usr/share/locale/{lang}/LC_MESSAGES/*.mo")):
            try:
                with open(path, "rb") as f:
                    messages = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
            except (OSError, ValueError):  # unreadable, or not UTF-8 (UnicodeDecodeError)
                continue
            for msgid, msgstr in messages.items():
                if isinstance(msgid, str) and msgid and isinstance(msgstr, str):
                    if len(msgstr) > MIN_MESSAGE and msgstr != msgid:
                        parts.append(msgstr)
                        originals[msgid] = None
        if parts:
            docs[f"messages.{lang}"] = "\n\n".join(parts)
    docs["messages (English originals)"] = "\n\n".join(originals)
    return docs


def run(docs: dict[str, str], config, listed: str | None) -> dict[str, Counter[str]]:  # type: ignore[no-untyped-def]
    from textrepair import repair

    out = {}
    for name, text in docs.items():
        result = repair(text, config)
        out[name] = Counter(c.step for c in result.changes)
        for c in result.changes:
            if c.step == listed:
                around = text[max(0, c.orig_start - 30) : c.orig_end + 30]
                print(f"{name}: {around!r}: {c.before!r} -> {c.after!r} ({c.reason})")
    return out


def main() -> None:
    from textrepair import Config

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compare", action="store_true", help="also run with the check off")
    parser.add_argument("--list", metavar="STEP", help="list every change this step makes")
    args = parser.parse_args()
    docs = {**tutors(), **catalogs()}
    runs = {"default": run(docs, Config(), args.list)}
    if args.compare:
        runs["check off"] = run(docs, Config().with_values(other_language_min_markers=0), None)
    english = [n for n in docs if "English" in n]
    for label, names in (("other languages", [n for n in docs if n not in english]),
                         ("English controls", english)):
        words = sum(len(docs[n].split()) for n in names)
        print(f"\n{label}: {len(names)} documents, {words:,} words\n")
        print("| pipeline | changes other than rejoined wraps | by step |")
        print("|---|---|---|")
        for run_label, counts in runs.items():
            total: Counter[str] = Counter()
            for n in names:
                total.update(counts[n])
            wraps = total.pop("rejoin_wrapped_lines", 0)
            steps = ", ".join(f"{s} {k:,}" for s, k in total.most_common()) or "none"
            print(f"| {run_label} | {sum(total.values()):,} | {steps} (wraps rejoined: {wraps:,}) |")
    print("\nPer document (default; check off):\n")
    for name in docs:
        cells = []
        for counts in runs.values():
            c = Counter(counts[name])
            c.pop("rejoin_wrapped_lines", 0)
            cells.append(str(sum(c.values())))
        print(f"- {name}: {len(docs[name].split()):,} words, changes {'; '.join(cells)}")


if __name__ == "__main__":
    main()
