"""Damage: hard line wraps, as e-mail, PDF/OCR text and scraped pages show them.

Every paragraph (line) of a document is wrapped greedily at one width per
document (40 to 100 columns); in half the documents the first line of each
paragraph is shorter (an indent that was stripped, as in seed 003); in half of
them some long words that do not fit are broken with an end-of-line hyphen at
a random inner position ("treat-\\nment"); hyphenated compounds break after
their hyphen ("long-\\nterm") when that fits, as textwrap does; some documents
use \\r\\n and some leave a space before the wrap. Paragraphs stay separated by
a single newline (no blank lines), so every paragraph break must be told from
a wrap. Only rejoin_wrapped_lines runs.

``extra`` builds structured versions of the documents (a title, headings,
Markdown bullets of which most are split after their first word, as in seed
003), labels every newline of the wrapped text keep / space / drop_hyphen /
keep_hyphen, and reports the share of newline decisions that are right for
textrepair and for two plain rules.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable

NAME = "wrapped_lines"
STEPS: tuple[str, ...] | None = ("rejoin_wrapped_lines",)

WIDTHS = (40, 50, 60, 66, 72, 76, 80, 90, 100)
HEADINGS = (
    "Symptoms", "Causes", "Diagnosis", "Treatment", "Outlook", "Risk Factors",
    "Key facts:", "What Are the Signs?", "How Is It Treated?", "Who Is at Risk?",
    "Living With the Condition", "Research and Clinical Trials", "Prevention",
    "Questions to Ask Your Doctor", "Summary",
)
_ALPHA = re.compile(r"^([A-Za-z]{7,})([^A-Za-z]*)$")
_ENDS_SENTENCE = re.compile(r"[.!?:][\"'”’)\]]*[ \t]*$")


# --- wrapping with labels ---------------------------------------------------


def _wrap(
    para: str, width: int, first_width: int, hyphenate: float, rng: random.Random
) -> tuple[list[str], list[str]]:
    """Greedy wrap of one paragraph; returns its lines and the label of each
    line break inside it (space, drop_hyphen or keep_hyphen)."""
    lines: list[str] = []
    labels: list[str] = []
    cur = ""
    w = first_width
    for word in para.split(" "):
        if not word:
            continue
        if not cur:
            cur = word
            continue
        if len(cur) + 1 + len(word) <= w:
            cur += " " + word
            continue
        head, sep, tail = word.partition("-")
        m = _ALPHA.match(word)
        if sep and head and tail and head[-1].isalnum() and tail[0].isalnum() and (
            len(cur) + 2 + len(head) <= w
        ):
            lines.append(f"{cur} {head}-")
            labels.append("keep_hyphen")
            cur = tail
        elif m and rng.random() < hyphenate and w - len(cur) - 2 >= 3:
            core = m.group(1)
            k = rng.randint(3, min(w - len(cur) - 2, len(core) - 3)) if len(core) >= 6 else 0
            if k >= 3:
                lines.append(f"{cur} {core[:k]}-")
                labels.append("drop_hyphen")
                cur = core[k:] + m.group(2)
            else:
                lines.append(cur)
                labels.append("space")
                cur = word
        else:
            lines.append(cur)
            labels.append("space")
            cur = word
        w = width
    lines.append(cur)
    return lines, labels


def wrap_document(
    paragraphs: list[str], rng: random.Random, split_bullets: float = 0.0
) -> tuple[str, list[str], bool]:
    """Wrap ``paragraphs`` (one per line of the clean text), label every
    newline of the result in order, and tell whether first lines are short."""
    width = rng.choice(WIDTHS)
    short_first = rng.random() < 0.5
    indent = rng.randint(4, max(5, width // 4)) if short_first else 0
    hyphenate = rng.choice((0.0, 0.3, 0.6))
    eol = "\r\n" if rng.random() < 0.1 else "\n"
    space_before_wrap = rng.random() < 0.1
    out: list[str] = []
    labels: list[str] = []
    for k, para in enumerate(paragraphs):
        bullet = para.startswith("- ")
        # Bullets and the title are not indented (as in seed 003).
        first = width if bullet or k == 0 else width - indent
        if not para or (len(para) <= first and not bullet):
            p_lines, p_labels = [para], []
        else:
            p_lines, p_labels = _wrap(para, width, first, hyphenate, rng)
            if bullet and rng.random() < split_bullets and " " in p_lines[0][2:]:
                marker_word, rest = p_lines[0][2:].split(" ", 1)
                p_lines[0:1] = ["- " + marker_word, rest]
                p_labels.insert(0, "space")
        if out:
            labels.append("keep")
        for i, line in enumerate(p_lines):
            if i < len(p_labels) and p_labels[i] == "space" and space_before_wrap:
                line += " "
            out.append(line)
        labels.extend(p_labels)
    return eol.join(out), labels, short_first


def damage(text: str, rng: random.Random) -> str:
    return wrap_document(text.split("\n"), rng)[0]


# --- baselines ---------------------------------------------------------------


def join_every_newline(text: str) -> str:
    return re.sub(r"[ \t]*(?:\r\n|\r|\n)", " ", text)


def join_unless_sentence_end(text: str) -> str:
    parts = re.split(r"(\r\n|\r|\n)", text)
    out = [parts[0]]
    for k in range(1, len(parts), 2):
        prev = out[-1]
        if _ENDS_SENTENCE.search(prev) or not prev.strip():
            out.append(parts[k])
        else:
            out[-1] = prev.rstrip(" \t")
            out.append(" ")
        out.append(parts[k + 1])
    return "".join(out)


BASELINES: dict[str, Callable[[str], str]] = {
    "join every single newline": join_every_newline,
    "join unless the line ends a sentence": join_unless_sentence_end,
}

try:  # only if unstructured is importable (it is not a project dependency)
    from unstructured.cleaners.core import group_broken_paragraphs

    # It separates the paragraphs it finds by a blank line; this data has none.
    BASELINES["unstructured group_broken_paragraphs"] = (
        lambda text: group_broken_paragraphs(text).replace("\n\n", "\n")
    )
except ImportError:  # pragma: no cover
    pass


# --- newline decisions ---------------------------------------------------------


def structured(doc: dict, rng: random.Random) -> list[str]:
    """The document as a structured page: its title as a first line, some
    headings before paragraphs, and runs of short paragraphs (list items in
    these pages) as "- " bullets after a line that introduces them."""
    paras = doc["text"].split("\n")
    out = [doc.get("title") or "Overview"]
    i = 0
    while i < len(paras):
        j = i
        while j < len(paras) and len(paras[j]) < 120:
            j += 1
        if j - i >= 3 and rng.random() < 0.7:
            out.append(rng.choice(("These include:", "Key points:", "Signs may include:")))
            out.extend("- " + p for p in paras[i:j])
            i = j
            continue
        if rng.random() < 0.15:
            out.append(rng.choice(HEADINGS))
        out.append(paras[i])
        i += 1
    return out


def decisions_from_output(damaged: str, repaired_changes: list) -> list[str]:  # type: ignore[type-arg]
    """The decision a system made for each newline of ``damaged``, read from
    textrepair's change records (original offsets)."""
    newlines = [m.start() for m in re.finditer(r"\r\n|\r|\n", damaged)]
    made: dict[int, str] = {}
    for c in repaired_changes:
        for k, pos in enumerate(newlines):
            if c.orig_start <= pos < c.orig_end:
                if c.after == " ":
                    made[k] = "space"
                elif damaged[c.orig_start] == "-":
                    made[k] = "drop_hyphen"
                else:
                    made[k] = "keep_hyphen"
    return [made.get(k, "keep") for k in range(len(newlines))]


def decisions_from_text(damaged: str, output: str) -> list[str] | None:
    """keep or space for each newline of ``damaged``, read from a system's
    output that kept every token (None if it changed any)."""
    tokens_in = list(re.finditer(r"\S+", damaged))
    tokens_out = list(re.finditer(r"\S+", output))
    if [m.group() for m in tokens_in] != [m.group() for m in tokens_out]:
        return None
    out = []
    for k in range(len(tokens_in) - 1):
        gap = damaged[tokens_in[k].end() : tokens_in[k + 1].start()]
        gap_out = output[tokens_out[k].end() : tokens_out[k + 1].start()]
        for _ in re.finditer(r"\r\n|\r|\n", gap):
            out.append("keep" if "\n" in gap_out else "space")
    return out


def decisions_of_rule(damaged: str, rule: str) -> list[str]:
    lines = re.split(r"\r\n|\r|\n", damaged)
    out = []
    for prev in lines[:-1]:
        if rule == "all" or not (_ENDS_SENTENCE.search(prev) or not prev.strip()):
            out.append("space")
        else:
            out.append("keep")
    return out


def extra(args) -> str:  # type: ignore[no-untyped-def]
    """Newline-decision accuracy on structured, wrapped health documents and on
    seed 003."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from evalkit import load_docs

    from textrepair import Config, repair

    config = Config().only(STEPS or ())
    rng = random.Random(args.seed)
    totals: dict[str, Counter[str]] = {
        s: Counter() for s in ("textrepair", "join every single newline",
                               "join unless the line ends a sentence",
                               *[b for b in BASELINES if b.startswith("unstructured")])
    }
    skipped = 0
    by_label: dict[str, Counter[str]] = {}
    by_doc: dict[str, Counter[str]] = {}
    docs_right = Counter()
    n_docs = 0
    examples: list[str] = []
    for doc in load_docs(args.limit):
        paras = structured(doc, rng)
        damaged, gold, short_first = wrap_document(paras, rng, split_bullets=0.8)
        clean = "\n".join(paras)
        result = repair(damaged, config)
        systems = {
            "textrepair": decisions_from_output(damaged, result.changes),
            "join every single newline": decisions_of_rule(damaged, "all"),
            "join unless the line ends a sentence": decisions_of_rule(damaged, "sentence"),
        }
        if "unstructured group_broken_paragraphs" in BASELINES:
            made = decisions_from_text(
                damaged, BASELINES["unstructured group_broken_paragraphs"](damaged)
            )
            if made is not None and len(made) == len(gold):
                systems["unstructured group_broken_paragraphs"] = made
            else:
                skipped += 1
        n_docs += 1
        for name, made in systems.items():
            right = sum(g == m for g, m in zip(gold, made))
            totals[name]["right"] += right
            totals[name]["all"] += len(gold)
            docs_right[name] += right == len(gold)
        for g, m in zip(gold, systems["textrepair"]):
            by_label.setdefault(g, Counter())["all"] += 1
            by_label[g]["right"] += g == m
            kind = "short first lines" if short_first else "first lines full width"
            by_doc.setdefault(kind, Counter())["all"] += 1
            by_doc[kind]["right"] += g == m
        if result.text.replace("\r\n", "\n") == clean:
            docs_right["textrepair text"] += 1
        elif len(examples) < 8:
            lines = re.split(r"\r\n|\r|\n", damaged)
            for k, (g, m) in enumerate(zip(gold, systems["textrepair"])):
                if g != m and len(examples) < 8:
                    examples.append(
                        f"- `{doc['id']}` gold {g}, made {m}: "
                        f"`{lines[k][-40:]!r}` / `{lines[k + 1][:30]!r}`"
                    )
    rows = [
        f"Newline decisions on {n_docs} structured health documents (title, headings, "
        "Markdown bullets, 80% of multi-line bullets split after their first word), wrapped "
        "as above; each newline is keep, space, drop_hyphen or keep_hyphen:",
        "",
        "| system | newlines right | accuracy | docs with every newline right |",
        "|---|---|---|---|",
    ]
    for name, c in totals.items():
        rows.append(
            f"| {name} | {c['right']:,} / {c['all']:,} | {c['right'] / max(1, c['all']):.4f} | "
            f"{docs_right[name]} / {n_docs} |"
        )
    if skipped:
        rows += ["", f"(unstructured changed the tokens of {skipped} documents: not counted.)"]
    rows += ["", "textrepair by gold decision:", "", "| gold | newlines | right |", "|---|---|---|"]
    for label, c in sorted(by_label.items()):
        rows.append(f"| {label} | {c['all']:,} | {c['right'] / max(1, c['all']):.4f} |")
    rows += ["", "textrepair by document layout (where first lines are full width, a paragraph "
             "whose last line is full and ends a sentence looks exactly like a wrap):", "",
             "| documents | newlines | right |", "|---|---|---|"]
    for kind, c in sorted(by_doc.items()):
        rows.append(f"| {kind} | {c['all']:,} | {c['right'] / max(1, c['all']):.4f} |")
    rows += ["", f"Repaired text identical to the structured clean text: "
             f"{docs_right['textrepair text']} / {n_docs} documents."]
    rows += ["", _seed_003(config)]
    if examples:
        rows += ["", "First wrong decisions:", "", *examples]
    return "\n".join(rows)


def _seed_003(config) -> str:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from textrepair import repair

    path = next((Path(__file__).resolve().parents[2] / "seeds").glob("003_*.txt"))
    text = path.read_text("utf-8")
    changes = repair(text, config).changes
    return (
        f"Seed 003: {text.count(chr(10))} newlines, {len(changes)} joined, "
        f"{text.count(chr(10)) - len(changes)} kept (target: 67 joined, 59 kept)."
    )
