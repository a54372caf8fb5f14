"""Spans of a text written in another language than English.

Most steps read English: its function words, its spelling, its contractions,
its word frequencies. On a French, German or Polish page they find "damage"
everywhere ("environ" is a spinner's fingerprint in English, "de la" looks
like glue, French writes a space before ":"), and a corpus scraped from health
sites carries such pages. The pipeline drops every edit of an English-only
step that touches one of these spans (counted as ``<step>.left_in_other_language``)
and does not run the step at all when the whole text is one.

The check is a count of markers in each paragraph (text between blank lines):

* a word among the 100 commonest of one of wordfreq's Latin-script languages
  that is at least ten times as common there as in English ("le", "und",
  "que", "het", "nie") and rare in English health text (not "et" of "et
  al.", "per", "care", "de" of "de novo": under 20 in a million words of
  ``dictionaries/health_words.tsv``) is a marker of that language (and of
  each other language where the same holds: "les"); each of the 100
  commonest words of English is an English marker ("the", "of", "in", "was");
  single ASCII letters mark nothing ("vitamin D", "hepatitis C", "a");
* a paragraph is in another language when one language has at least
  ``Config.other_language_min_markers`` markers in it and more than twice as
  many as English (plus one); a paragraph mostly written in another script
  (Cyrillic, Greek, CJK, ...) is too;
* a paragraph too short to say either way takes the whole text's verdict.

The word lists are read from the installed wordfreq package when first needed
(0.2 s); nothing of them is shipped.
"""

from __future__ import annotations

from functools import cache, reduce

import regex

# wordfreq's languages written in the Latin script (besides English).
LATIN_LANGUAGES = (
    "ca", "cs", "da", "de", "es", "fi", "fil", "fr", "hu", "id", "is", "it", "lt",
    "lv", "ms", "nb", "nl", "pl", "pt", "ro", "sh", "sk", "sl", "sv", "tr", "vi",
)
_TOP = 100  # how many of a language's commonest words are candidate markers
_RATIO = 1.0  # a marker is this many zipf points (powers of ten) commoner in its language
_HEALTH_PER_MILLION = 20  # an other-language marker is rarer than this in English health text

# A word standing free: not glued to digits, brackets, slashes, hyphens or
# underscores (genetics' "del(5q)" is no Spanish "del").
WORD = regex.compile(r"(?<![\p{L}\p{N}(\[{<_/\-])\p{L}+(?![\p{L}\p{N}(\[{<_/\-])")
_LETTER = regex.compile(r"\p{L}")
_LATIN = regex.compile(r"\p{Script=Latin}")
_MIN_SCRIPT_LETTERS = 20


@cache
def markers() -> dict[str, tuple[int, ...]]:
    """Each marker word and the languages it marks: 0 for English, else 1 + the
    index of a language in ``LATIN_LANGUAGES`` ("de" marks French, Spanish,
    Portuguese, Dutch, ...)."""
    import wordfreq

    from .resources import load_counts

    health = load_counts("health_words")
    too_common = _HEALTH_PER_MILLION * sum(health.values()) / 1e6
    table: dict[str, list[int]] = {}
    for word, _ in _commonest("en"):
        table[word] = [0]  # "in", "is", "was" too: other languages' markers leave them out
    for k, lang in enumerate(LATIN_LANGUAGES, start=1):
        for word, zipf in _commonest(lang):
            if (
                zipf >= wordfreq.zipf_frequency(word, "en") + _RATIO
                and health.get(word, 0) < too_common  # "et" (al.), "per", "care", "de" (novo)
            ):
                table.setdefault(word, []).append(k)
    return {word: tuple(langs) for word, langs in table.items()}


def _commonest(lang: str) -> list[tuple[str, float]]:
    """The ``_TOP`` commonest words of ``lang`` in wordfreq's list, with their
    zipf frequencies, leaving out single ASCII letters (initials, vitamins and
    variables in English: "vitamin D", "hepatitis C") and words with marks.

    wordfreq's file is a gzipped msgpack list, a header and then one list of
    words per centibel of frequency, commonest first (``wordfreq.read_cBpack``);
    it is read only as far as needed, not whole (0.2 s for the 27 languages
    instead of 2 s)."""
    import gzip

    import msgpack
    import wordfreq

    words: list[tuple[str, float]] = []
    with gzip.open(wordfreq.available_languages("best")[lang], "rb") as f:
        unpacker = msgpack.Unpacker(f, raw=False)
        n_buckets = unpacker.read_array_header() - 1
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB":
            raise ValueError(f"wordfreq {lang}: unexpected header {header!r}")
        for centibels in range(n_buckets):
            for word in unpacker.unpack():
                if word.isalpha() and (len(word) > 1 or not word.isascii()):
                    words.append((word, 9 - centibels / 100))
            if len(words) >= _TOP:
                return words[:_TOP]
    return words


def load() -> None:
    """Build the marker table now (batch workers call it before they fork)."""
    markers()


def _verdict(tally: list[int], min_markers: int) -> bool | None:
    """True: another language; False: English; None: too little to say.
    ``tally`` is the marker counts per language (English first), then the
    letters and the Latin-script letters."""
    *counts, letters, latin = tally
    if letters - latin >= _MIN_SCRIPT_LETTERS and letters - latin > latin:
        return True
    english = counts[0]
    other = max(counts[1:])
    if other >= min_markers and other > 2 * english + 1:
        return True
    if english >= min_markers and english >= other:
        return False
    return None


def _tally(line: str) -> list[int]:
    table = markers()
    tally = [0] * (len(LATIN_LANGUAGES) + 3)
    for word in WORD.findall(line):
        for lang in table.get(word.lower(), ()):
            tally[lang] += 1
    if not line.isascii():  # an ASCII line has only Latin letters: the script says nothing
        tally[-2] = len(_LETTER.findall(line))
        tally[-1] = len(_LATIN.findall(line))
    return tally


def _add(a: list[int], b: list[int]) -> list[int]:
    return [x + y for x, y in zip(a, b)]


def other_language_spans(text: str, min_markers: int = 3) -> list[tuple[int, int]]:
    """The (start, end) spans of the lines of ``text`` written in another
    language, sorted, neighbours merged; ``[(0, len(text))]`` when all of it is.

    A line is judged by its own markers; one with too few either way by its
    paragraph's (the lines between blank lines), and one whose paragraph has
    too few by the whole text's. So a page written one paragraph a line, or
    hard-wrapped, is read as finely as its markers allow.

    >>> t = "The patients were treated.\n\nLes patients ont été traités avec des soins de la maison."
    >>> [t[a:b] for a, b in other_language_spans(t)]
    ['Les patients ont été traités avec des soins de la maison.']
    >>> other_language_spans("Le diabète de type 2 est une maladie chronique.")
    [(0, 47)]
    """
    if min_markers <= 0 or not text:
        return []
    lines: list[tuple[int, int, list[int]]] = []
    paragraphs: list[list[int]] = []  # each: indices into lines
    start = 0
    in_paragraph = False
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            if not in_paragraph:
                paragraphs.append([])
            paragraphs[-1].append(len(lines))
            lines.append((start, end, _tally(line)))
        in_paragraph = bool(line.strip())
        start = end + 1
    empty = [0] * (len(LATIN_LANGUAGES) + 3)
    tallies = [reduce(_add, (lines[i][2] for i in members), empty) for members in paragraphs]
    page = _verdict(reduce(_add, tallies, empty), min_markers)
    foreign = [False] * len(lines)
    for members, tally in zip(paragraphs, tallies):
        para_verdict = _verdict(tally, min_markers)
        for i in members:
            verdict = _verdict(lines[i][2], min_markers)
            if verdict is None:
                verdict = para_verdict if para_verdict is not None else page
            foreign[i] = bool(verdict)
    if lines and all(foreign):
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    previous = -2
    for i, (a, b, _) in enumerate(lines):
        if foreign[i]:
            if previous == i - 1:
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
            previous = i
    return spans
