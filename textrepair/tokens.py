"""Whitespace tokens of a text, shared by the steps that survey them.

Several steps start with the same cheap survey of a document: the set of its
whitespace-separated tokens, minus a set of tokens they never need to look at
(one C-speed set difference). On clean text no step changes anything, so every
step sees the same string; splitting and hashing it once instead of once per
step is a measurable part of the clean-text cost (see scripts/bench.py).
"""

from __future__ import annotations

from typing import NamedTuple

# How many entries each step's per-word cache keeps (functools.lru_cache). A
# full cache of this size holds about 4-5 MB; the steps have about fifteen, and
# in a batch run each worker fills its own, so the size bounds the memory a
# long run adds per worker (about 70 MB) while keeping the common words cached.
WORD_CACHE_SIZE = 1 << 14


class Tokens(NamedTuple):
    distinct: frozenset[str]
    """Every distinct whitespace-separated token."""
    words: int
    """How many tokens (words, roughly) the text has."""


_LAST: list[tuple[str, Tokens]] = [("", Tokens(frozenset(), 0))]


def tokens(text: str) -> Tokens:
    """The whitespace tokens of ``text``; the answer for the last text asked
    about is kept, so steps that follow a step that changed nothing share it.

    >>> t = tokens("to be or not to be")
    >>> sorted(t.distinct), t.words
    (['be', 'not', 'or', 'to'], 6)
    """
    last_text, last = _LAST[0]  # one read: safe when threads share the module
    if last_text == text:
        return last
    split = text.split()
    found = Tokens(frozenset(split), len(split))
    _LAST[0] = (text, found)
    return found
