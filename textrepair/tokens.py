"""Whitespace tokens of a text, shared by the steps that survey them.

Several steps start with the same cheap survey of a document: the set of its
whitespace-separated tokens, minus a set of tokens they never need to look at
(one C-speed set difference). On clean text no step changes anything, so every
step sees the same string; splitting and hashing it once instead of once per
step is a measurable part of the clean-text cost (see scripts/bench.py). So
is the set difference: the words every step skips (the known words the steps
share, see :func:`share_known`) are taken out once per text, and each step
takes out only the rest of its own (:func:`unknown`).
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


# The known words each step's survey skips (by step), and the words all of
# them skip: the smallest of those sets if it is a subset of the others (it
# is, for the steps today), else their intersection.
_KNOWN: dict[str, frozenset[str]] = {}
_COMMON: list[frozenset[str]] = [frozenset()]
_LAST_REST: list[tuple[str, frozenset[str], frozenset[str]]] = [("", frozenset(), frozenset())]


def share_known(step: str, words: frozenset[str]) -> frozenset[str]:
    """Register ``words`` as the tokens ``step``'s survey skips, for
    :func:`unknown`, and return them (a step's cached table builder ends with
    it). Registering again, for tables rebuilt, replaces the step's set."""
    _KNOWN[step] = words
    sets = sorted(_KNOWN.values(), key=len)
    common = sets[0]
    if not all(common <= other for other in sets[1:]):
        common = frozenset.intersection(*sets)
    _COMMON[0] = common
    return words


def unknown(text: str, known: frozenset[str]) -> frozenset[str]:
    """The distinct tokens of ``text`` not in ``known``: the same set as
    ``tokens(text).distinct.difference(known)``, but the words every
    registered step skips are taken out once per text (the answer for the
    last text is kept), so each step's own difference looks up only the few
    tokens left. ``known`` not registered with :func:`share_known`: the plain
    difference."""
    if not any(known is k for k in _KNOWN.values()):
        return tokens(text).distinct.difference(known)
    common = _COMMON[0]
    last_text, last_common, rest = _LAST_REST[0]  # one read, as in tokens()
    if last_common is not common or last_text != text:
        rest = tokens(text).distinct.difference(common)
        _LAST_REST[0] = (text, common, rest)
    return rest if known is common else rest.difference(known)
