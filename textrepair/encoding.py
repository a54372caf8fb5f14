"""Encoding repairs: mojibake and lost characters (U+FFFD)."""

from __future__ import annotations

import difflib
import re
from collections import Counter

import ftfy
from ftfy.badness import BADNESS_RE

from .changes import Edit
from .patterns import INNER_APOSTROPHE, REPLACEMENT_APOSTROPHE
from .registry import StepContext, normaliser

# What fix_mojibake asks of ftfy: only the encoding repairs, nothing cosmetic.
FTFY_CONFIG = ftfy.TextFixerConfig(
    fix_encoding=True,  # the point: "cafÃ©" -> "café"
    restore_byte_a0=True,  # "Ã\xa0" where a non-breaking space was lost to a space
    replace_lossy_sequences=True,  # "â€\ufffd" sequences left by lossy decoding
    decode_inconsistent_utf8=True,  # mojibake mixed into otherwise good text
    fix_c1_controls=True,  # C1 controls are cp1252 bytes read as latin-1
    fix_surrogates=True,  # surrogate pairs in a str come from UTF-16 decoded wrongly
    # Off, because each changes text that is not damaged:
    unescape_html=False,  # "&amp;" may be meant (a page about HTML); markup is not encoding
    remove_terminal_escapes=False,  # not mojibake; removing characters loses information
    fix_latin_ligatures=False,  # "ﬁ" is a valid character; OCR ligatures are repair_ocr_garble's
    fix_character_width=False,  # full-width forms are right in CJK text
    uncurl_quotes=False,  # curly quotes are correct typography, not damage
    fix_line_breaks=False,  # line endings are the file's; rejoin_wrapped_lines owns lines
    remove_control_chars=False,  # deleting characters is not an encoding repair
    normalization=None,  # NFC would rewrite decomposed accents in clean text
    explain=True,
)

# A line and its "\n" (fix_mojibake's unit).
_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def _mojibake_chars() -> str:
    """Every non-ASCII character ftfy's badness pattern mentions, ranges
    expanded: each of its alternatives holds one of them in its first three
    characters (checked against ftfy in tests/test_encoding.py)."""
    pattern = BADNESS_RE.pattern
    chars = {ch for ch in pattern if not ch.isascii()}
    for m in re.finditer(r"([^\x00-\x7f])-([^\x00-\x7f])", pattern):
        chars.update(map(chr, range(ord(m.group(1)), ord(m.group(2)) + 1)))
    return "".join(sorted(chars))


# Where a mojibake match can be: a character of the pattern, a C1 control
# (fix_c1_controls) or a surrogate (fix_surrogates).
_MOJIBAKE_HINT = re.compile(f"[{re.escape(_mojibake_chars())}\ud800-\udfff]")


def _may_need_ftfy(line: str) -> bool:
    """Whether ftfy (with FTFY_CONFIG) could change ``line``: the same answer
    as its badness test, C1 and surrogate checks, found by trying its pattern
    only next to the characters it needs (scanning a whole line with it is
    most of ftfy's time, and most lines hold at most a few curly quotes)."""
    for hint in _MOJIBAKE_HINT.finditer(line):
        pos = hint.start()
        if "\x80" <= line[pos] <= "\x9f" or "\ud800" <= line[pos] <= "\udfff":
            return True
        for start in range(max(0, pos - 2), pos + 1):
            if BADNESS_RE.match(line, start):
                return True
    return False


@normaliser(order=10)
def fix_mojibake(text: str, ctx: StepContext) -> list[Edit]:
    """Repair mojibake with ftfy, line by line, keeping every other character.

    The damage: UTF-8 bytes decoded as cp1252 or latin-1 ("â€™" for "’",
    "Ã©" for "é"), sometimes twice. ftfy detects it by its "badness" heuristic
    and re-decodes. Main false positive: real text that looks like mojibake
    ("Ã" next to symbols in a table about encodings); ftfy's own heuristics guard
    against it, and the settings above keep it from making cosmetic changes.
    Pure-ASCII text cannot hold mojibake and is skipped at once.

    >>> from textrepair import Config
    >>> ctx = StepContext(Config(), "fix_mojibake")
    >>> [(e.after, e.reason) for e in fix_mojibake("It\u00e2\u20ac\u2122s", ctx)]
    [('’', 'ftfy: encode sloppy-windows-1252, decode utf-8')]
    >>> fix_mojibake("Sjögren’s syndrome – “dry eyes”", ctx)
    []
    """
    if text.isascii():
        return []
    edits: list[Edit] = []
    pos = 0
    # Lines end at "\n" only: str.splitlines also breaks at "\x85" and other
    # C1 and Unicode separators, which cuts mojibake ("á\x85\x8d", UTF-8 read
    # as latin-1) in two and leaves a half for the next run to decode.
    for line in _LINE.findall(text):
        if not line.isascii() and _may_need_ftfy(line):
            fixed, steps = ftfy.fix_and_explain(line, config=FTFY_CONFIG)
            if fixed != line:
                reason = "ftfy: " + ", ".join(f"{kind} {arg}" for kind, arg in steps or [])
                edits.extend(_diff_edits(line, fixed, pos, reason))
                ctx.count("lines_fixed")
        pos += len(line)
    return edits


def _diff_edits(before: str, after: str, offset: int, reason: str) -> list[Edit]:
    """The smallest edits that turn ``before`` into ``after``.

    The common prefix and suffix are cut first, so the quadratic matcher sees
    only the stretch that changed."""
    head = 0
    while head < min(len(before), len(after)) and before[head] == after[head]:
        head += 1
    tail = 0
    while (tail < min(len(before), len(after)) - head
           and before[-1 - tail] == after[-1 - tail]):
        tail += 1
    a, b = before[head : len(before) - tail], after[head : len(after) - tail]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [
        Edit(offset + head + i1, offset + head + i2, b[j1:j2], reason)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


@normaliser(order=20)
def restore_replacement_chars(text: str, ctx: StepContext) -> list[Edit]:
    """Restore an apostrophe lost as U+FFFD ("system�s" -> "system’s").

    The damage: a curly apostrophe (never an ASCII one, which survives any
    decoding) was in bytes that failed to decode. Restored only where nothing
    but an apostrophe fits: before a possessive "s" that ends the word, in "n?t",
    and after a pronoun before re/ve/ll/d/m. Every other U+FFFD is left alone and
    counted as ``unresolved``. The apostrophe is the non-ASCII one the document
    already uses between letters (’ or ʼ), ’ when it shows none: an ASCII
    apostrophe never decodes to U+FFFD, so "'" cannot have been lost. The
    false positive this avoids: "na\ufffdve" (a lost "ï") is not "na’ve", since
    "na" is no pronoun.

    >>> from textrepair import Config
    >>> ctx = StepContext(Config(), "restore_replacement_chars")
    >>> [e.after for e in restore_replacement_chars("the system\ufffds data", ctx)]
    ['’']
    >>> restore_replacement_chars("na\ufffdve price \ufffd 5 \ufffdquoted\ufffd", ctx)
    []
    """
    if "\ufffd" not in text:
        return []
    matches = list(REPLACEMENT_APOSTROPHE.finditer(text))
    ctx.count("unresolved", text.count("\ufffd") - len(matches))
    if not matches:
        return []
    styles = Counter(INNER_APOSTROPHE.findall(text))
    apostrophe = styles.most_common(1)[0][0] if styles else "’"
    reason = f"U+FFFD before contraction ending; document style {apostrophe!r}"
    return [Edit(m.start(), m.end(), apostrophe, reason) for m in matches]
