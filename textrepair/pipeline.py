"""The pipeline: run the enabled normalisers in order and log every edit."""

from __future__ import annotations

import importlib
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from . import __version__
from .changes import Change, Edit, OffsetMap, apply_edits
from .config import Config
from .language import load as load_language_markers
from .language import other_language_spans
from .registry import REGISTRY, Normaliser, StepContext
from .resources import check_table, checksum
from .verbatim import code_spans, touches

# The modules that register normalisers. Importing one registers its steps.
NORMALISER_MODULES = (
    "textrepair.encoding",
    "textrepair.lines",
    "textrepair.ocr",
    "textrepair.spacing",
    "textrepair.boundaries",
    "textrepair.spinning",
)


DEFAULT_CONFIG = Config()
_ORDERED: list[Normaliser] = []


def normalisers() -> list[Normaliser]:
    """All registered normalisers in pipeline order (imported once)."""
    if not _ORDERED:
        for module in NORMALISER_MODULES:
            importlib.import_module(module)
        missing = sorted(set(DEFAULT_CONFIG.step_names()) - set(REGISTRY))
        if missing:
            raise RuntimeError(f"Config has on/off fields for unregistered normalisers: {missing}")
        _ORDERED.extend(sorted(REGISTRY.values(), key=lambda n: n.order))
    return list(_ORDERED)


def load(config: Config | None = None) -> float:
    """Load every dictionary and table the enabled normalisers use; returns seconds.

    Without it, each step loads its data at the first document that needs it
    (some only at the first document that passes their gates), so the first
    damaged document of a run is slow. Batch workers and benchmarks call it
    once, before the first document (and before forking, so workers share it).
    """
    config = config or DEFAULT_CONFIG
    t0 = time.perf_counter()
    english_only = False
    for norm in normalisers():
        if not config.enabled(norm.name):
            continue
        for name in norm.dictionaries:
            check_table(name)
        if norm.load is not None:
            norm.load()
        english_only = english_only or norm.english_only
    if english_only and config.other_language_min_markers > 0:
        load_language_markers()
    return time.perf_counter() - t0


@dataclass
class RepairResult:
    """The repaired text, every change made, and per-step statistics."""

    text: str
    changes: list[Change]
    stats: Counter[str] = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return bool(self.changes)


class InvalidEditError(RuntimeError):
    """A normaliser returned edits that break the contract (a bug in it)."""


def _check_edits(step: str, text: str, edits: list[Edit]) -> None:
    pos = 0
    for e in edits:
        if not (pos <= e.start <= e.end <= len(text)):
            raise InvalidEditError(
                f"{step}: edit {e} is out of order, overlapping or out of bounds"
            )
        if text[e.start : e.end] == e.after:
            raise InvalidEditError(f"{step}: edit {e} changes nothing")
        pos = e.end


def _leave(
    edits: list[Edit], spans: list[tuple[int, int]], stats: Counter[str], key: str
) -> list[Edit]:
    """The edits that touch none of ``spans``; the others are counted under ``key``."""
    kept = [e for e in edits if not touches(spans, e.start, e.end)]
    if len(kept) < len(edits):
        stats[key] += len(edits) - len(kept)
    return kept


class _OtherLanguages:
    """The paragraphs of the current text in other languages, read when an
    English-only step has edits to make, and again only after the text changed."""

    def __init__(self, min_markers: int) -> None:
        self.min_markers = min_markers
        self.text: str | None = None
        self.found: list[tuple[int, int]] = []

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self.min_markers <= 0:
            return []
        if text is not self.text:
            self.text, self.found = text, other_language_spans(text, self.min_markers)
        return self.found

    def known_whole(self, text: str) -> bool:
        """Whether an earlier step's edits already showed all of ``text`` to be
        in another language, so the next step need not run. (Only edits make
        the pipeline read the language: most texts get none, and reading it
        would cost an undamaged text as much as the steps do.)"""
        return text is self.text and self.found == [(0, len(text))]


def repair(text: str, config: Config | None = None) -> RepairResult:
    """Repair ``text`` with every enabled normaliser and return the result.

    >>> r = repair("It ’s rare , but it happens .")
    >>> r.text
    'It’s rare, but it happens.'
    >>> [(c.orig_start, c.before, c.after) for c in r.changes]
    [(2, ' ', ''), (10, ' ', ''), (27, ' ', '')]
    """
    config = config or DEFAULT_CONFIG
    changes: list[Change] = []
    stats: Counter[str] = Counter()
    offsets = OffsetMap()
    languages = _OtherLanguages(config.other_language_min_markers)
    for norm in normalisers():
        if not config.enabled(norm.name):
            continue
        if norm.english_only and languages.known_whole(text):
            stats[f"{norm.name}.skipped_other_language"] += 1  # documents, not edits
            continue
        ctx = StepContext(config=config, step=norm.name, stats=stats)
        edits = [e for e in norm.func(text, ctx) if e.confidence >= config.min_confidence]
        if edits:
            edits = _leave(edits, code_spans(text), stats, f"{norm.name}.left_in_code")
        if edits and norm.english_only:
            edits = _leave(
                edits, languages.spans(text), stats, f"{norm.name}.left_in_other_language"
            )
        if not edits:
            continue
        _check_edits(norm.name, text, edits)
        delta = 0
        for e in edits:
            o_start, o_end = offsets.to_orig(e.start, e.end)
            changes.append(
                Change(
                    step=norm.name,
                    start=e.start + delta,
                    end=e.end + delta,
                    before=text[e.start : e.end],
                    after=e.after,
                    reason=e.reason,
                    confidence=e.confidence,
                    orig_start=o_start,
                    orig_end=o_end,
                )
            )
            delta += len(e.after) - (e.end - e.start)
        stats[f"{norm.name}.edits"] += len(edits)
        offsets.update(edits)
        text = apply_edits(text, edits)
    return RepairResult(text, changes, stats)


def log_header(config: Config) -> dict[str, Any]:
    """The change-log header: version, resolved configuration, and the sha256
    of every dictionary an enabled normaliser reads."""
    names = sorted(
        {d for n in normalisers() if config.enabled(n.name) for d in n.dictionaries}
    )
    return {
        "textrepair": __version__,
        "config": config.to_dict(),
        "dictionaries": {name: checksum(name) for name in names},
    }


def check_header(header: dict[str, Any]) -> list[str]:
    """Differences between a log header's dictionaries and the installed ones.

    An empty list means the log was written against the same dictionaries.
    """
    problems = []
    for name, digest in header.get("dictionaries", {}).items():
        try:
            here = checksum(name)
        except Exception as exc:  # a missing dictionary is a difference too
            problems.append(f"{name}: {exc}")
            continue
        if here != digest:
            problems.append(f"{name}: log has sha256 {digest[:12]}, installed {here[:12]}")
    return problems
