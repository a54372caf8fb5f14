"""Line repairs: rejoin hard-wrapped lines and the words broken across them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache, partial

from .changes import Edit
from .patterns import (
    BOUNDARY_FUNCTION_WORDS,
    LINES_ACRONYM,
    LINES_BREAK,
    LINES_CONTINUING_WORDS,
    LINES_END_HYPHEN,
    LINES_ENDS_SENTENCE,
    LINES_FIRST_CHUNK,
    LINES_FIRST_WORD,
    LINES_MARKER,
    LINES_SENTENCE_GAP,
    LINES_STRUCTURAL,
    LINES_SUSPENDED_HYPHEN_NEXT,
    WORD,
)
from .registry import StepContext, normaliser
from .resources import load_counts
from .tokens import WORD_CACHE_SIZE

KEEP, SPACE, DROP_HYPHEN, KEEP_HYPHEN = "keep", "space", "drop_hyphen", "keep_hyphen"
# A full line ending a sentence before a capital is kept as a paragraph end when
# at least this share of the document's paragraphs that got this far end there,
# measured on at least HAZARD_MIN_PARAGRAPHS paragraphs.
HAZARD_KEEP = 0.8
HAZARD_MIN_PARAGRAPHS = 3


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the line's first character
    end: int  # offset after its last character that is not a trailing space or tab
    brk: int  # offset of the line break after it (len(text) for the last line)
    body: str  # the line without its trailing spaces and tabs


@dataclass(frozen=True)
class _Layout:
    """How a document was wrapped, measured on its sure wraps.

    A line is full (the wrapper had to break it) when its length plus a space
    and the next line's first chunk reaches ``thr_cont``, or ``thr_first`` for
    the first line of a paragraph (shorter where an indent was stripped);
    ``limit_*`` are the longest wrapped lines seen and ``max_width`` the widest
    the wrapper can have been: a longer line was not made by it.
    ``bullets_split``: most list items of the document are cut after one word.
    ``breaks_at_full``: a full line that ends a sentence before a capital is
    more often a paragraph's last line than a wrap (short paragraphs).
    ``sizes``: sentence counts of the paragraphs whose ends are sure (empty
    where paragraphs are separated by blank lines: a single newline there is
    no paragraph break, so neither prior applies)."""

    thr_cont: int
    limit_cont: int
    max_width: int
    thr_first: int
    limit_first: int
    bullets_split: bool
    breaks_at_full: bool
    sizes: tuple[int, ...]


@normaliser(order=30, dictionaries=("health_words",), load=partial(load_counts, "health_words"))
def rejoin_wrapped_lines(text: str, ctx: StepContext) -> list[Edit]:
    """Rejoin lines that a hard wrap broke: "known as Lou\\nGehrig’s disease" ->
    "known as Lou Gehrig’s disease", "- Most\\npatients survive" -> "- Most patients
    survive", "treat-\\nment" -> "treatment", "long-\\nterm" -> "long-term".

    The damage: text wrapped at a fixed width (e-mail, PDF and OCR output, scraped
    pages, terminals) keeps a newline wherever a line was full, so paragraphs,
    bullets and words are cut. The step first asks whether the document is
    hard-wrapped at all: it needs ``wrap_min_lines`` lines that end mid-sentence
    with the next line starting in lower case, and their lengths must cluster
    under one width. Then each newline is decided in order with the document's
    layout (continuation lines, and possibly shorter first lines of paragraphs)
    and the words on both sides: a lower-case continuation, a line ending in a
    comma or a word no sentence ends with ("of", "by"), a split bullet or a full
    line is joined; a line with room left for the next word, a list marker, an
    indented, blank or Markdown line, a title-case heading or the document's
    title is kept. A full line that ends a sentence is kept only where the
    next line is a heading or a short first line, or where most of the
    document's paragraphs end after as many sentences. A hyphen at a line end
    is dropped or kept by which form (joined or hyphenated) the document itself
    and the health vocabulary use more, then wordfreq.

    The main false positive is structure that looks like wrapping: poems,
    addresses, lists without markers, code. The document gate (lower-case
    continuations whose lengths cluster near one width) guards against it, and
    a line with room left for the next word is never joined to a capitalised
    line. The error accepted: a paragraph whose last line happens to be full and
    ends a sentence is joined to the next paragraph unless that one looks like a
    heading or a short first line.

    >>> from textrepair import Config
    >>> from textrepair.changes import apply_edits
    >>> ctx = StepContext(Config(), "rejoin_wrapped_lines")
    >>> t = ("What Is ALS?\\nAmyotrophic lateral sclerosis, also known as Lou\\n"
    ...      "Gehrig’s disease, destroys motor neurons and leaves\\n"
    ...      "patients unable to move, speak and swallow. Long-\\n"
    ...      "term treat-\\nment is scarce.\\nIt is rare.")
    >>> print(apply_edits(t, rejoin_wrapped_lines(t, ctx)))
    What Is ALS?
    Amyotrophic lateral sclerosis, also known as Lou Gehrig’s disease, destroys motor neurons and leaves patients unable to move, speak and swallow. Long-term treatment is scarce.
    It is rare.
    >>> rejoin_wrapped_lines("Roses are red,\\nviolets are blue,\\nsugar is sweet\\nand so are you.", ctx)
    []
    """
    # Cheap test first: clean text with one paragraph a line has no line that
    # starts in lower case (str.splitlines is the fastest way to look).
    starts = sum(1 for line in text.splitlines()[1:] if line[:1].islower())
    if starts < ctx.config.wrap_min_lines:
        return []
    lines = _split_lines(text)
    layout = _measure_layout(text, lines, ctx)
    if layout is None:
        ctx.count("not_wrapped")
        return []
    return _decide(text, lines, layout, ctx)


# --- document evidence ------------------------------------------------------


def _split_lines(text: str) -> list[_Line]:
    lines = []
    pos = 0
    for m in LINES_BREAK.finditer(text):
        body = text[pos : m.start()].rstrip(" \t")
        lines.append(_Line(pos, pos + len(body), m.start(), body))
        pos = m.end()
    body = text[pos:].rstrip(" \t")
    lines.append(_Line(pos, pos + len(body), len(text), body))
    return lines


def _blank(line: _Line) -> bool:
    return not line.body.strip()


def _split_bullet(body: str) -> bool:
    """A list marker and one word: "- Most", where a bullet was split."""
    m = LINES_MARKER.match(body)
    return bool(m) and " " not in body[m.end() :].strip() and bool(body[m.end() :].strip())


def _chunk(body: str) -> str:
    """The first piece of a line the wrapper could have moved up: its first
    word, or that word up to its first hyphen ("immune-" of "immune-based")."""
    m = LINES_FIRST_CHUNK.match(body)
    return m.group() if m else body.split(" ", 1)[0]


def _overflow(length: int, nxt: str) -> int:
    return length + 1 + len(_chunk(nxt))


def _continues(body: str) -> bool:
    """A line that starts the way only the middle of a sentence does: a
    lower-case letter or an opening parenthesis ("(AATD) is a disorder")."""
    return body[:1].islower() or body[:1] == "("


def _sure_wrap(left: _Line, right: _Line) -> bool:
    """A line ending mid-sentence and the next one continuing it."""
    return (
        _continues(right.body)
        and not _blank(left)
        and not LINES_ENDS_SENTENCE.search(left.body)
        and not LINES_STRUCTURAL.match(left.body)
        and not _split_bullet(left.body)
    )


def _measure_layout(text: str, lines: list[_Line], ctx: StepContext) -> _Layout | None:
    """Measure the wrap width from the sure wraps, separately for first lines of
    paragraphs (which may be shorter, as when an indent was stripped) and for
    the other lines; None if the document does not look hard-wrapped."""
    sure = [i for i in range(len(lines) - 1) if _sure_wrap(lines[i], lines[i + 1])]
    if len(sure) < ctx.config.wrap_min_lines:
        return None
    lengths = [_virtual_length(lines, i) for i in sure]
    overflows = [_overflow(n, lines[i + 1].body) for i, n in zip(sure, lengths)]
    rough = _robust_max(lengths)
    if rough < ctx.config.wrap_min_width:
        return None
    # The lengths of wrapped lines cluster under the width; poems, code and
    # lists without markers have lower-case lines of any length.
    near = sum(o > 0.7 * rough for o in overflows)
    if near < 0.6 * len(sure) or sorted(lengths)[len(lengths) // 2] < 0.6 * rough:
        return None
    first: list[tuple[int, int]] = []
    cont: list[tuple[int, int]] = []
    for i, n, o in zip(sure, lengths, overflows):
        prev = lines[i - 1] if i > 0 else None
        is_first = (
            prev is None
            or _blank(prev)
            or (
                not LINES_MARKER.match(lines[i].body)
                and (
                    bool(LINES_ENDS_SENTENCE.search(prev.body))
                    or len(prev.body) < 0.6 * rough  # a heading
                )
                and not _continues(lines[i].body)
                and _overflow(len(prev.body), lines[i].body) < 0.9 * rough
            )
        )
        (first if is_first else cont).append((n, o))
    if not cont:
        cont = first
    limit_cont = rough  # first lines are never longer than the others
    # The width is below every overflow of a wrapped line: the longest line
    # the wrapper could have made, where few lines were measured.
    max_width = max(limit_cont, min(o for _, o in cont) - 1)
    # Wrapped lines overflow the width (exact wraps: by at least one) or come
    # close (pixel-width wraps of web pages); a low quantile allows for both.
    floor = round(0.9 * limit_cont)
    thr_cont = min(limit_cont + 1, max(floor, _quantile([o for _, o in cont], 0.1)))
    limit_first, thr_first = limit_cont, thr_cont
    # Shorter first lines only where most first lines broke although the next
    # word would have fitted the other lines' width.
    short = [(n, o) for n, o in first if o < thr_cont]
    if len(short) >= 2 and 2 * len(short) >= len(first) and len(cont) >= 2:
        w1 = _robust_max([n for n, _ in short], 1.25)
        if w1 <= limit_cont - 5:
            limit_first = w1
            thr_first = min(w1 + 1, _quantile([o for _, o in short], 0.1))
    items = [i for i, line in enumerate(lines) if LINES_MARKER.match(line.body)]
    split = [
        i for i in items[:-1] if _split_bullet(lines[i].body)
        and not _blank(lines[i + 1]) and not LINES_MARKER.match(lines[i + 1].body)
    ]
    bullets_split = len(split) >= 2 and 2 * len(split) >= len(items)
    breaks = _breaks_at_full(text, lines, sure, thr_first, limit_cont)
    sizes = _paragraph_sizes(lines, thr_first)
    blank = sum(_blank(b) and not _blank(a) for a, b in zip(lines, lines[1:]))
    if blank and blank >= _single_newline_breaks(lines, thr_first):
        breaks, sizes = False, ()
    return _Layout(
        thr_cont, limit_cont, max_width, thr_first, limit_first, bullets_split, breaks, sizes
    )


def _single_newline_breaks(lines: list[_Line], thr_first: int) -> int:
    """Sure paragraph ends without a blank line: a sentence end with room left
    before a capitalised line."""
    return sum(
        bool(LINES_ENDS_SENTENCE.search(a.body)) and b.body[:1].isupper()
        and _overflow(len(a.body), b.body) < thr_first
        for a, b in zip(lines, lines[1:])
    )


def _sentences(body: str) -> int:
    return len(LINES_SENTENCE_GAP.findall(body)) + bool(LINES_ENDS_SENTENCE.search(body))


def _paragraph_sizes(lines: list[_Line], thr_first: int) -> tuple[int, ...]:
    """How many sentences the document's paragraphs have, counting those
    between two sure ends (a blank line, or a sentence end with room left);
    stretches with a full line at a sentence end in them are left out."""
    sizes = []
    n = 0
    sure = True
    for a, b in zip(lines, [*lines[1:], None]):
        if _blank(a):
            n, sure = 0, True
            continue
        n += _sentences(a.body)
        if b is not None and not _blank(b):
            if not LINES_ENDS_SENTENCE.search(a.body) or _continues(b.body):
                continue
            if _overflow(len(a.body), b.body) >= thr_first:
                sure = False
                continue
        if sure and n:
            sizes.append(n)
        n, sure = 0, True
    return tuple(sorted(sizes))


def _breaks_at_full(
    text: str, lines: list[_Line], sure: list[int], thr_first: int, width: int
) -> bool:
    """Whether a full line ending a sentence before a capital is more likely a
    paragraph's end than a wrap, from the document's own counts: paragraph ends
    with room left (a paragraph's last line is full with chance about
    (next word + 1) / width) against wraps (a wrap falls after a sentence end
    as often as any gap between words does)."""
    ends = 0
    chunk = 0
    for a, b in zip(lines, lines[1:]):
        if (
            LINES_ENDS_SENTENCE.search(a.body) and b.body[:1].isupper()
            and _overflow(len(a.body), b.body) < thr_first
        ):
            ends += 1
            chunk += len(_chunk(b.body)) + 1
    if not ends:
        return False
    q = min(0.5, chunk / ends / width)
    gaps = text.count(" ") + len(lines)
    rate = len(LINES_SENTENCE_GAP.findall(text)) / max(1, gaps)
    wraps = len(sure) / max(0.5, 1 - rate)
    return ends * q / (1 - q) > wraps * rate


def _virtual_length(lines: list[_Line], i: int) -> int:
    """A line's length, counting the split bullet before it ("- There" + line)."""
    n = len(lines[i].body)
    if i > 0 and _split_bullet(lines[i - 1].body) and not LINES_MARKER.match(lines[i].body):
        n += len(lines[i - 1].body) + 1
    return n


def _robust_max(values: list[int], spread: float = 1.5) -> int:
    """The largest value that is not an outlier (a long unwrapped line, or a
    line taken for a first line that was not one)."""
    ordered = sorted(values)
    median = ordered[len(ordered) // 2]
    return max(v for v in ordered if v <= spread * median)


def _quantile(values: list[int], q: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# --- decisions --------------------------------------------------------------


def _decide(text: str, lines: list[_Line], layout: _Layout, ctx: StepContext) -> list[Edit]:
    edits: list[Edit] = []
    words: Counter[str] | None = None
    first = True  # the current line starts a paragraph (or is a list item)
    item = False  # the current paragraph is a list item
    carry = 0  # length of a split bullet joined to the current line
    sentences = 0  # sentences of the current paragraph so far
    for i in range(len(lines) - 1):
        left, right = lines[i], lines[i + 1]
        length = carry + len(left.body)
        if first:
            item = bool(LINES_MARKER.match(left.body))
            sentences = 0
        sentences += _sentences(left.body)
        if first and not item:
            thr, limit = layout.thr_first, layout.limit_first
        else:
            thr, limit = layout.thr_cont, layout.limit_cont
        kind, reason, conf = _decide_newline(
            lines, i, length, thr, limit, layout, item, first and carry == 0, sentences
        )
        if kind == DROP_HYPHEN:
            if words is None:
                words = Counter(w.lower() for w in WORD.findall(text))
            kind, reason, conf = _hyphen_choice(left.body, right.body, words)
        if kind == KEEP:
            ctx.count("kept")
        elif kind == SPACE:
            edits.append(Edit(left.end, right.start, " ", f"wrap: {reason}", conf))
        elif kind == DROP_HYPHEN:
            edits.append(Edit(left.end - 1, right.start, "", f"hyphen dropped: {reason}", conf))
        else:
            edits.append(Edit(left.end, right.start, "", f"hyphen kept: {reason}", conf))
        joined_bullet = kind != KEEP and carry == 0 and _split_bullet(left.body)
        carry = length + 1 if joined_bullet else 0
        first = kind == KEEP
    return edits


def _decide_newline(
    lines: list[_Line], i: int, length: int, thr: int, limit: int, layout: _Layout,
    item: bool, first: bool, sentences: int,
) -> tuple[str, str, float]:
    """One newline: (decision, evidence, confidence); hyphen breaks are marked
    DROP_HYPHEN here and refined by :func:`_hyphen_choice`."""
    left, right = lines[i], lines[i + 1]
    lb, rb = left.body, right.body
    if _blank(left) or _blank(right):
        return KEEP, "blank line", 1.0
    if rb[:1] in (" ", "\t") or LINES_STRUCTURAL.match(rb) or LINES_STRUCTURAL.match(lb):
        return KEEP, "structure: indent, table, heading or code", 1.0
    if LINES_END_HYPHEN.search(lb) and LINES_FIRST_WORD.match(rb) and not _split_bullet(lb):
        # A word cut at a hyphen ("treat-", "Charcot-", "mucolipin-"): a line
        # that ends a paragraph or heading does not end that way.
        return DROP_HYPHEN, "", 1.0
    if _split_bullet(lb):
        m, own = LINES_MARKER.match(rb), LINES_MARKER.match(lb)
        if m and own and m.group(1) == own.group(1):
            return KEEP, "list item", 1.0
        word = lb.split()[-1]
        if (
            not rb[:1].isupper()
            or layout.bullets_split
            or LINES_ACRONYM.match(rb)
            or word.lower() in BOUNDARY_FUNCTION_WORDS
        ):
            return SPACE, f"split bullet {lb!r} continues", 0.95
        return KEEP, "list item of one word", 1.0
    full = _overflow(length, rb) >= thr
    ends = bool(LINES_ENDS_SENTENCE.search(lb))
    lower = _continues(rb)
    if LINES_MARKER.match(rb):
        # "- " or "12. " after a full line that ends mid-sentence is a dash or
        # a number the wrapper moved down ("were 12. The", "cells\n— the").
        if full and not ends and not item:
            return SPACE, "dash or number moved to the line start", 0.7
        return KEEP, "list item", 1.0
    if length > layout.max_width + _tolerance(layout.max_width) and not lower:
        return KEEP, f"line longer than the wrap width ({length} > {layout.max_width})", 1.0
    if lower:
        if ends and not full:
            return KEEP, "sentence end with room left", 0.8
        return SPACE, "lower-case continuation", 1.0
    title_goes_on = _title_case(rb) and len(rb) < 0.5 * layout.limit_cont
    if i == 0 and not ends and rb[:1].isupper() and not title_goes_on:
        # A scraped page starts with its title far more often than with a
        # wrap before a capitalised word (the error accepted).
        return KEEP, "title: the first line has no end punctuation", 0.8
    short_first = layout.limit_first < layout.limit_cont - 5
    if first and short_first and length > limit + _tolerance(limit) and rb[:1].isupper():
        return KEEP, f"line longer than the first-line width ({length} > {limit})", 0.8
    if first and _title_case(lb) and not ends and length < 0.8 * limit:
        return KEEP, "heading in title case", 0.8
    if not full:
        last = lb.rsplit(None, 1)[-1]
        if last.endswith(",") or last in LINES_CONTINUING_WORDS:
            return SPACE, f"line ends mid-sentence ({last!r})", 0.85
        if short_first and len(rb) > layout.limit_first + _tolerance(layout.limit_first):
            return SPACE, f"next line too long for a first line ({len(rb)} chars)", 0.7
        return KEEP, f"room left for the next word ({_overflow(length, rb)} < {thr})", 1.0
    if ends:
        if _standalone(lines, i + 1, layout):
            return KEEP, "next line is a heading", 0.8
        if short_first:
            if len(rb) > layout.limit_first + _tolerance(layout.limit_first):
                return SPACE, f"next line too long for a first line ({len(rb)} chars)", 0.7
            if _short_first_line(lines, i + 1, layout):
                return KEEP, "next line is a short first line", 0.8
        h = _end_chance(layout.sizes, sentences)
        if h is not None:
            if h > HAZARD_KEEP:
                return KEEP, f"paragraphs here end after {sentences} sentences ({h:.2f})", 0.6
        elif layout.breaks_at_full:
            return KEEP, "full line at a sentence end, short paragraphs", 0.6
        return SPACE, f"full line ({_overflow(length, rb)} >= {thr}) at a sentence end", 0.7
    return SPACE, f"full line ({_overflow(length, rb)} >= {thr})", 0.9


def _title_case(body: str) -> bool:
    """Most words capitalised, as in "Living With the Condition"."""
    words = [w for w in body.split() if w.lower() not in BOUNDARY_FUNCTION_WORDS]
    if not 1 <= len(words) <= 10 or len(body.split()) < 2:
        return False
    return sum(w[:1].isupper() or w[:1].isdigit() for w in words) >= 0.8 * len(words)


def _tolerance(limit: int) -> int:
    """How much longer than the measured width a wrapped line may be (the
    measured width is the longest wrapped line seen, or a pixel-width wrap)."""
    return max(3, limit // 20)


def _end_chance(sizes: tuple[int, ...], k: int) -> float | None:
    """The chance that a paragraph of this document that has reached k
    sentences ends there, from its sure paragraphs; None with too few."""
    reached = sum(n >= k for n in sizes)
    if reached < HAZARD_MIN_PARAGRAPHS:
        return None
    return (sum(n == k for n in sizes) + 0.5) / (reached + 1)


def _standalone(lines: list[_Line], j: int, layout: _Layout) -> bool:
    """Line j looks like a heading: short, not ending a sentence with a period,
    and followed by a capitalised line it has room for (or by nothing)."""
    body = lines[j].body
    if body.endswith(".") or len(body) > 0.8 * layout.limit_cont:
        return False
    if j + 1 == len(lines):
        return True
    nxt = lines[j + 1].body
    if _blank(lines[j + 1]) or LINES_MARKER.match(nxt):
        return True
    return nxt[:1].isupper() and _overflow(len(body), nxt) < layout.thr_cont


def _short_first_line(lines: list[_Line], j: int, layout: _Layout) -> bool:
    """Line j is wrapped at the shorter first-line width, not the other one."""
    if layout.thr_first >= layout.thr_cont or j + 1 == len(lines):
        return False
    nxt = lines[j + 1].body
    if LINES_ENDS_SENTENCE.search(lines[j].body) or _blank(lines[j + 1]):
        return False
    o = _overflow(len(lines[j].body), nxt)
    return layout.thr_first <= o < layout.thr_cont


# --- end-of-line hyphens ----------------------------------------------------


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _zipf(word: str) -> float:
    import wordfreq

    return float(wordfreq.zipf_frequency(word, "en"))


def _health(word: str) -> int:
    vocab = load_counts("health_words")
    forms = {word, word.lower(), word.capitalize()}
    return sum(vocab.get(f, 0) for f in forms)


def _hyphen_choice(left: str, right: str, words: Counter[str]) -> tuple[str, str, float]:
    """Drop or keep a hyphen at a line end: "treat-\\nment" or "long-\\nterm"."""
    m = LINES_END_HYPHEN.search(left)
    n = LINES_FIRST_WORD.match(right)
    assert m and n
    head, tail = m.group(1), n.group()
    joined, hyphened = head + tail, f"{head}-{tail}"
    if "-" in head or head[-1].isdigit() or tail[0].isdigit() or len(head) == 1:
        return KEEP_HYPHEN, f"{hyphened!r}: compound, number or letter", 0.9
    if tail[0].isupper():
        return KEEP_HYPHEN, f"{hyphened!r}: a name or acronym after the hyphen", 0.9
    if tail.lower() in LINES_SUSPENDED_HYPHEN_NEXT and right[len(tail) : len(tail) + 1] == " ":
        return SPACE, f"suspended hyphen: {head}- {tail}", 0.9
    dj, dh = words[joined.lower()], words[hyphened.lower()]
    if dj != dh:
        if dj > dh:
            return DROP_HYPHEN, f"document writes {joined!r} {dj}x, {hyphened!r} {dh}x", 0.95
        return KEEP_HYPHEN, f"document writes {hyphened!r} {dh}x, {joined!r} {dj}x", 0.95
    hj, hh = _health(joined), _health(hyphened)
    if max(hj, hh) >= 2 and hj != hh:
        if hj > hh:
            return DROP_HYPHEN, f"health words: {joined!r} {hj}, {hyphened!r} {hh}", 0.9
        return KEEP_HYPHEN, f"health words: {hyphened!r} {hh}, {joined!r} {hj}", 0.9
    if head.isupper() and len(head) > 1 and not tail.isupper():
        return KEEP_HYPHEN, f"{hyphened!r}: acronym prefix", 0.8
    zj = _zipf(joined)
    if zj >= 2.5:
        return DROP_HYPHEN, f"wordfreq: {joined!r} zipf {zj:.1f}", 0.85
    if _known(head) and _known(tail):
        return KEEP_HYPHEN, f"{hyphened!r}: both parts are words, the joined form is not", 0.7
    return DROP_HYPHEN, f"{joined!r}: word broken at a syllable", 0.6


def _known(word: str) -> bool:
    return _health(word) >= 2 or _zipf(word) >= 3.0
