"""Encoding repairs: mojibake and lost characters (U+FFFD, "?")."""

from __future__ import annotations

import difflib
import re
from collections import Counter

import ftfy
import regex
from ftfy.badness import BADNESS_RE

from .changes import Edit
from .patterns import (
    CODE_TOKEN_SIGN,
    INNER_APOSTROPHE,
    QMARK_APOSTROPHE,
    QMARK_HARMLESS,
    QMARK_IN_RANGE,
    QMARK_QUOTES,
    REPLACEMENT_APOSTROPHE,
)
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


@normaliser(order=20, english_only=True)
def restore_replacement_chars(text: str, ctx: StepContext) -> list[Edit]:
    """Restore characters lost as U+FFFD ("system�s" -> "system’s") or as "?"
    ("the user?s guide" -> "the user’s guide").

    The damage: a character that failed to decode became U+FFFD, or one that an
    encoder with errors="replace" (ASCII, Latin-1) could not write became "?".
    Only what nothing else fits is restored. An apostrophe before a possessive
    "s" that ends the word, in "n?t", after a pronoun before re/ve/ll/d/m, and
    between an O, d or l prefix and a capitalised name ("O?Donnell"). The
    apostrophe is the non-ASCII one the document already uses between letters
    (’ or ʼ), ’ when it shows none, even where the document also has ASCII
    apostrophes: an ASCII apostrophe decodes and encodes everywhere, so the lost
    one was not ASCII. The false positive this avoids: "na\ufffdve" (a lost
    "ï") is not "na’ve", since "na" is no pronoun. Every other U+FFFD is left
    alone and counted as ``unresolved``; "?" has its own rules
    (:func:`_lost_qmarks`).

    >>> from textrepair import Config
    >>> ctx = StepContext(Config(), "restore_replacement_chars")
    >>> [e.after for e in restore_replacement_chars("the system\ufffds data", ctx)]
    ['’']
    >>> restore_replacement_chars("na\ufffdve price \ufffd 5 \ufffdquoted\ufffd", ctx)
    []
    """
    has_fffd, has_qmark = "\ufffd" in text, "?" in text
    if not (has_fffd or has_qmark):
        return []
    apostrophe = _document_apostrophe(text)
    edits: list[Edit] = []
    if has_fffd:
        matches = list(REPLACEMENT_APOSTROPHE.finditer(text))
        ctx.count("unresolved", text.count("\ufffd") - len(matches))
        reason = f"U+FFFD before contraction ending; document style {apostrophe!r}"
        edits += [Edit(m.start(), m.end(), apostrophe, reason) for m in matches]
    if has_qmark:
        edits += _lost_qmarks(text, apostrophe, ctx)
    return sorted(edits, key=lambda e: e.start)


def _document_apostrophe(text: str) -> str:
    """The non-ASCII apostrophe a document uses between letters, ’ if none."""
    styles = Counter(INNER_APOSTROPHE.findall(text))
    return styles.most_common(1)[0][0] if styles else "’"


def _in_code(text: str, pos: int) -> bool:
    """Whether the token (run without spaces) around ``pos`` is a URL, an
    e-mail address, a query string or code, whose "?" are real."""
    start = pos
    while start and not text[start - 1].isspace():
        start -= 1
    end = pos
    while end < len(text) and not text[end].isspace():
        end += 1
    return CODE_TOKEN_SIGN.search(text, start, end) is not None


def _spelled_with_letter(text: str, pos: int) -> bool:
    """Whether the document writes the word around the "?" at ``pos`` elsewhere
    with a non-ASCII letter in its place ("Ravn?s" beside "Ravnås"): then the
    lost character was that letter, not an apostrophe."""
    start = pos
    while start and text[start - 1].isalpha():
        start -= 1
    end = pos + 1
    while end < len(text) and text[end].isalpha():
        end += 1
    spelled = regex.compile(
        rf"(?<!\p{{L}}){regex.escape(text[start:pos])}[^\x00-\x7f]"
        rf"{regex.escape(text[pos + 1 : end])}(?!\p{{L}})",
        regex.IGNORECASE,
    )
    return spelled.search(text) is not None


def _lost_qmarks(text: str, apostrophe: str, ctx: StepContext) -> list[Edit]:
    """The "?" that stand for a lost character: a question mark is never glued
    inside a contraction ("don?t", "user?s", "O?Donnell"), after the hyphen of
    a number range ("118-?145") or before a word ("?cross-lingual"), but "?" is
    also a real character, so nothing inside a URL, an e-mail address, a query
    string or code ("index.php?s=1") is touched, and quotes are restored only
    in pairs (:func:`_lost_quotes`).

    >>> from textrepair import Config
    >>> ctx = StepContext(Config(), "restore_replacement_chars")
    >>> text = "The user?s guide says ?don?t panic? and (pages 118-?145). Why?"
    >>> [(text[e.start - 2 : e.end + 2], e.after) for e in _lost_qmarks(text, "’", ctx)]
    [('er?s ', '’'), ('s ?do', '“'), ('on?t ', '’'), ('ic? a', '”'), ('8-?14', '')]
    >>> [e.after for e in _lost_qmarks(text + " See a.php?s=1", "’", ctx)]
    ['’', '’', '']
    """
    apostrophes = [
        m for m in QMARK_APOSTROPHE.finditer(text)
        if not (_in_code(text, m.start()) or _spelled_with_letter(text, m.start()))
    ]
    edits = [
        Edit(m.start(), m.end(), apostrophe,
             f"'?' in a contraction or name: a lost apostrophe, not ASCII (that one survives "
             f"encoding); document style {apostrophe!r}")
        for m in apostrophes
    ]
    edits += [
        Edit(m.start(), m.end(), "",
             "'?' after the hyphen of a number range: a lost second dash character, removed")
        for m in QMARK_IN_RANGE.finditer(text)
        if not _in_code(text, m.start())
    ]
    # The text with those restored, so that quotes can pair around "don?t".
    rest = text
    if edits:
        chars = list(text)
        for e in edits:
            chars[e.start] = e.after or "-"
        rest = "".join(chars)
    return sorted(edits + _lost_quotes(rest, ctx), key=lambda e: e.start)


def _lost_quotes(text: str, ctx: StepContext) -> list[Edit]:
    """Paired "?" read as lost curly quotes, only in a document whose every
    other "?" is harmless (:data:`QMARK_HARMLESS`: it ends a question, stands
    alone, sits by a digit or after a period or comma). Any other "?"
    ("Montr?al", "usually?but", "(inst ?head ?frame)", "object??", a query
    string) says the encoder lost letters, or the text is code, and then a "?"
    at a word edge may be either. The quotes are the curly pair the document
    uses (‘ ’ when it quotes only with those), “ ” otherwise: single and double
    quotes both become "?" (``text`` has the other lost characters already
    restored, same length)."""
    pairs = [
        m for m in QMARK_QUOTES.finditer(text)
        if not (_in_code(text, m.start("open")) or _in_code(text, m.start("close")))
    ]
    if not pairs:
        return []
    paired = {i for m in pairs for i in range(m.start(), m.end())}
    harmless = {m.start() for m in QMARK_HARMLESS.finditer(text)}
    if any(m.start() not in paired and m.start() not in harmless for m in re.finditer(r"\?", text)):
        ctx.count("quotes_left", len(pairs))
        return []
    single = "‘" in text and "“" not in text and "”" not in text
    opening, closing = ("‘", "’") if single else ("“", "”")
    edits: list[Edit] = []
    for m in pairs:
        reason = (f"'?' pair around {m.group('inner')!r} in one sentence: lost quotes "
                  "(no other '?' of the document is a lost letter or code)")
        edits.append(Edit(m.start("open"), m.end("open"), opening, reason))
        edits.append(Edit(m.start("close"), m.end("close"), closing, reason))
    return edits

