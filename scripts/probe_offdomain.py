"""Changes the default pipeline makes on undamaged English outside health.

The clean checks of ``scripts/evaluate.py`` and ``scripts/eval_unseen_clean.py``
are health pages. Corpus builders also meet technical pages: prose with code,
names and jargon in it. This probe reads such text from the machine itself
(nothing is copied into the project): the licence texts in
/usr/share/common-licenses, the long descriptions of the installed Python
packages (their METADATA) and the READMEs in /usr/share/doc. It prints the
changes per step and, with ``--step NAME``, every change of that step, to be
read. What it finds depends on what the machine has installed; a text that
several packages ship is read once.

Hard line wraps are damage to this tool (they are rejoined by design: licence
texts and READMEs are wrapped at 72-80 columns), so ``rejoin_wrapped_lines``
changes here are expected; the other steps' changes are false changes unless
reading them says otherwise.

    python scripts/probe_offdomain.py [--step repair_ocr_garble] [--half even|odd]

``--half`` keeps every other document of the sorted list of document names
(index 0, 2, 4... for ``even``, 1, 3, 5... for ``odd``): rules are tuned on
the even half, the odd half is reported as held out.
"""

from __future__ import annotations

import argparse
import email
import glob
import gzip
import importlib.metadata
import os
from collections import Counter


def documents() -> dict[str, str]:
    docs = {}
    for path in sorted(glob.glob("/usr/share/common-licenses/*")):
        if os.path.isfile(path) and not os.path.islink(path):
            with open(path, encoding="utf-8", errors="replace") as f:
                docs[path] = f.read()
    for dist in sorted(importlib.metadata.distributions(), key=lambda d: d.metadata["Name"]):
        text = dist.read_text("METADATA") or ""
        body = email.message_from_string(text).get_payload()
        if isinstance(body, str) and len(body) > 500:
            docs[f"{dist.metadata['Name']}/METADATA"] = body
    for path in sorted(glob.glob("/usr/share/doc/*/README*")):
        if os.path.islink(path) or os.path.getsize(path) < 1500:
            continue
        with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
            raw = f.read()
        try:
            docs[path] = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
    return docs


def distinct(docs: dict[str, str]) -> dict[str, str]:
    """One of each text (several packages ship the same README.Bugs)."""
    seen: set[str] = set()
    out = {}
    for name, text in docs.items():
        if text not in seen:
            seen.add(text)
            out[name] = text
    return out


def main() -> None:
    from textrepair import repair

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--step", help="list every change this step makes")
    parser.add_argument(
        "--half", choices=("even", "odd"),
        help="only the documents of even (odd) index in the sorted list of names",
    )
    args = parser.parse_args()
    docs = distinct(documents())
    if args.half:
        keep = set(sorted(docs)[args.half == "odd" :: 2])
        docs = {name: text for name, text in docs.items() if name in keep}
    changes: Counter[str] = Counter()
    changed: Counter[str] = Counter()
    words = 0
    for name, text in docs.items():
        words += len(text.split())
        steps = set()
        for c in repair(text).changes:
            changes[c.step] += 1
            steps.add(c.step)
            if c.step == args.step:
                around = text[max(0, c.orig_start - 30) : c.orig_end + 30]
                print(f"{name}: {around!r}: {c.before!r} -> {c.after!r} ({c.reason})")
        changed.update(steps)
    print(f"{len(docs)} documents, {words:,} words")
    print("| step | changes | documents changed |")
    print("|---|---|---|")
    for step, n in changes.most_common():
        print(f"| {step} | {n:,} | {changed[step]} |")


if __name__ == "__main__":
    main()
