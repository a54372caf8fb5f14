"""Whitespace tokens of a text, shared by the steps that survey them.

Several steps start with the same cheap survey of a document: the set of its
whitespace-separated tokens, minus a set of tokens they never need to look at
(one C-speed set difference). On clean text no step changes anything, so every
step sees the same string; splitting and hashing it once instead of once per
step is a measurable part of the clean-text cost (see scripts/bench.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import NamedTuple

# How many entries each step's per-word cache keeps (functools.lru_cache). A
# full cache of this size holds about 4-5 MB; the steps have about fifteen, and
# in a batch run each worker fills its own, so the size bounds the memory a
# long run adds per worker (about 70 MB) while keeping the common words cached.
WORD_CACHE_SIZE = 1 << 14

# What the steps learned about single words outside their lru caches (a set of
# words with nothing to do): how to forget it (see clear_word_caches).
_FORGETTERS: list[Callable[[], None]] = []


def forget_with_word_caches(forget: Callable[[], None]) -> None:
    """Register ``forget`` to run in :func:`clear_word_caches` (for a per-word
    memo that is not an lru cache)."""
    _FORGETTERS.append(forget)


def clear_word_caches() -> None:
    """Forget everything the steps learned about single words: every per-word
    ``lru_cache`` of ``WORD_CACHE_SIZE`` entries in textrepair's modules and
    every memo registered with :func:`forget_with_word_caches`. The tables
    :func:`textrepair.load` builds stay, so the next documents are handled as
    by a fresh worker after ``load()``: ``scripts/bench.py`` times documents
    the steps have not seen more than once this way."""
    for name, module in list(sys.modules.items()):
        if name != "textrepair" and not name.startswith("textrepair."):
            continue
        for value in list(vars(module).values()):
            params = getattr(value, "cache_parameters", None)
            if callable(params) and params()["maxsize"] == WORD_CACHE_SIZE:
                value.cache_clear()
    for forget in _FORGETTERS:
        forget()


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
