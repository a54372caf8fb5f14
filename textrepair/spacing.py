"""Spacing repairs: undo token spacing around punctuation."""

from __future__ import annotations

from functools import partial

from .changes import Edit
from .patterns import OTHER_DASH, PTB_HYPHEN, PTB_SIGNAL, PTB_SPACE, SNAKE_CASE, WORD
from .registry import StepContext, normaliser
from .resources import load_counts
from .tokens import tokens


@normaliser(
    order=50, dictionaries=("health_words",), load=partial(load_counts, "health_words"),
    english_only=True,
)
def detokenize_ptb_spacing(text: str, ctx: StepContext) -> list[Edit]:
    """Undo Penn-Treebank token spacing: "rare , but" -> "rare, but",
    "( FDA )" -> "(FDA)", "do n't" -> "don't", `" long enough "` -> `"long enough"`.

    The damage: text run through a tokenizer and joined back with spaces, as
    article spinners and NLP pipelines do. Only paragraphs (lines) that show at
    least ``ptb_min_signals`` unambiguous signals (" , ", " .", "( X", "do n't",
    "it 's") are touched, or every line of a document with at least
    ``ptb_doc_min_signals``. The false positive this guards against is a clean
    text's own spacing: a " - " dash, a French " : ", one stray " ,". A spaced
    hyphen " - " is joined only where the compound is a known word or where the
    document writes its dashes as "—", "–" or "--". Code and technical text
    outside code blocks space their own way ("cv(1,1) , cv(1,2)",
    "PRE_MEM_READ( ... )", a quoted `"( FDA )"` as an example): a line with
    a code identifier, or with more bracket and quote pairs written unspaced
    than signals, is left alone and counts no signal (see :func:`_signals`),
    unless both signal thresholds are 1 (text known to be damaged: PDF
    extraction spaces commas and leaves brackets alone).

    >>> from textrepair import Config
    >>> ctx = StepContext(Config(), "detokenize_ptb_spacing")
    >>> from textrepair.changes import apply_edits
    >>> t = 'It ’s rare , but " long enough " ( FDA ) .'
    >>> apply_edits(t, detokenize_ptb_spacing(t, ctx))
    'It’s rare, but "long enough" (FDA).'
    >>> detokenize_ptb_spacing("Il dit : oui ! A dash - like this, fine.", ctx)
    []
    """
    config = ctx.config
    if not _may_have_signals(text):
        return []
    total = len(PTB_SIGNAL.findall(text))
    if total < config.ptb_min_signals:
        return []
    lines = text.split("\n")
    # Text known to be damaged (a signal believed alone: PDF extraction,
    # Config.for_source("pdf")) needs no test for lines no tokenizer spaced:
    # PDF spacing leaves "(1939)" as it is beside " , ".
    known = config.ptb_min_signals <= 1 and config.ptb_doc_min_signals <= 1
    read = [(len(PTB_SIGNAL.findall(line)), False) if known else _signals(line) for line in lines]
    code = [untokenized for _, untokenized in read]
    signals = [0 if untokenized else n for n, untokenized in read]
    total = sum(signals)
    if total < config.ptb_min_signals:
        if any(code):
            ctx.count("untokenized_lines_left_alone")
        return []
    whole_doc = total >= config.ptb_doc_min_signals
    dashes_elsewhere = bool(OTHER_DASH.search(text))
    edits: list[Edit] = []
    pos = 0
    for line, n, untokenized in zip(lines, signals, code):
        if untokenized:
            ctx.count("untokenized_lines_left_alone")
        elif n >= config.ptb_min_signals or (whole_doc and line.strip()):
            evidence = f"line signals {n}, document {total}"
            line_edits = _space_edits(line, evidence)
            line_edits += _quote_edits(line, evidence, ctx)
            line_edits += _hyphen_edits(line, text, dashes_elsewhere)
            edits.extend(_shift(line_edits, pos))
        pos += len(line) + 1
    return _drop_overlaps(sorted(edits, key=lambda e: (e.start, e.end)))


def _signals(line: str) -> tuple[int, bool]:
    """The PTB signals of ``line``, and whether the line shows more signs
    that no tokenizer spaced it than signals: a tokenizer spaces every
    bracket and every quote ("( ALS )", `" long enough "`), so a bracket or
    quote pair written with no space inside ("cv(1,1)", "[x](https://...)",
    `"do n't"`, a quoted example) is the author's spacing, and so is a code
    identifier, a name with an underscore inside ("PRE_MEM_READ( ... )",
    decisive alone). An opening "( " whose bracket closes unspaced ("(
    https://numfocus.org)", a line break rejoined after "(") is no signal.
    Such a line's own spacing (" , " between arguments, "( ... )") is left
    alone and its signals do not count."""
    n = len(PTB_SIGNAL.findall(line))
    if "_" in line and SNAKE_CASE.search(line):
        return n, True
    unspaced = 0
    if "(" in line and ")" in line:
        opened: list[int] = []
        for i, ch in enumerate(line):
            if ch == "(":
                opened.append(i)
            elif ch == ")" and opened:
                start = opened.pop()
                if i == start + 1:
                    continue
                inside = (line[start + 1].isspace(), line[i - 1].isspace())
                if inside == (False, False):
                    unspaced += 1
                elif inside == (True, False):
                    n -= 1  # "( https://numfocus.org)": no tokenizer's bracket
    quotes = [i for i, ch in enumerate(line) if ch == '"']
    if quotes and len(quotes) % 2 == 0:
        for i, j in zip(quotes[::2], quotes[1::2]):
            if j > i + 1 and not line[i + 1].isspace() and not line[j - 1].isspace():
                unspaced += 1
    n = max(0, n)
    return n, unspaced > n


def _may_have_signals(text: str) -> bool:
    """A cheap pre-test that every PTB_SIGNAL match passes (most clean text
    fails it): a comma or period standing alone as a token (" , ", " . "),
    which the shared token set answers without a scan, or "( ", " n't",
    " 's" and their curly forms, scanned for only when the text has that
    apostrophe at all."""
    if not tokens(text).distinct.isdisjoint((",", ".")) or "( " in text:
        return True
    return ("'" in text and (" '" in text or " n'" in text)) or (
        "’" in text and (" ’" in text or " n’" in text)
    )


def _space_edits(line: str, evidence: str) -> list[Edit]:
    return [
        Edit(m.start(), m.end(), "", f"ptb {m.lastgroup} ({evidence})")
        for m in PTB_SPACE.finditer(line)
    ]


def _quote_edits(line: str, evidence: str, ctx: StepContext) -> list[Edit]:
    """Attach straight double quotes to the words they enclose, pairing them in
    order; a line with an odd number of quotes is left alone (unsure)."""
    quotes = [i for i, ch in enumerate(line) if ch == '"']
    if not quotes:
        return []
    if len(quotes) % 2:
        # Unpaired: only a quote that opens or closes the line is certain.
        ctx.count("unpaired_quotes")
        edits = []
        if quotes[0] == 0 and line[1:2] == " " and line.strip() != '"':
            j = len(line) - len(line[1:].lstrip(" "))
            edits.append(Edit(1, j, "", f"ptb opening quote at line start ({evidence})"))
        if quotes[-1] == len(line) - 1 and line[-2:-1] == " " and line.strip() != '"':
            j = len(line[:-1].rstrip(" "))
            edits.append(Edit(j, len(line) - 1, "", f"ptb closing quote at line end ({evidence})"))
        return edits
    edits = []
    for k, i in enumerate(quotes):
        if k % 2 == 0:  # opening quote: remove the spaces after it
            j = i + 1
            while j < len(line) and line[j] == " ":
                j += 1
            if j > i + 1 and j < len(line) and j < quotes[k + 1]:
                edits.append(Edit(i + 1, j, "", f"ptb opening quote ({evidence})"))
        else:  # closing quote: remove the spaces before it
            j = i
            while j > 0 and line[j - 1] == " ":
                j -= 1
            if j < i and j > quotes[k - 1] + 1:
                edits.append(Edit(j, i, "", f"ptb closing quote ({evidence})"))
    return edits


def _hyphen_edits(line: str, text: str, dashes_elsewhere: bool) -> list[Edit]:
    edits = []
    vocab = load_counts("health_words")
    for m in PTB_HYPHEN.finditer(line):
        compound = f"{m['left']}-{m['right']}"
        known = compound in vocab or compound.lower() in vocab or (
            compound in text and compound in WORD.findall(text)
        )
        if known:
            reason = f"ptb spaced hyphen: {compound!r} is a known word"
        elif dashes_elsewhere:
            reason = "ptb spaced hyphen: the document writes its dashes as — – or --"
        else:
            continue
        edits.append(Edit(m.start(), m.end(), "-", reason))
    return edits


def _shift(edits: list[Edit], offset: int) -> list[Edit]:
    return [Edit(e.start + offset, e.end + offset, e.after, e.reason, e.confidence) for e in edits]


def _drop_overlaps(edits: list[Edit]) -> list[Edit]:
    kept: list[Edit] = []
    for e in edits:
        if kept and e.start < kept[-1].end:
            continue
        kept.append(e)
    return kept
