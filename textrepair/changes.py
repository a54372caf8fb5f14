"""Edits, change records and the change log.

A normaliser proposes :class:`Edit` objects against the text it was given. The
pipeline turns them into :class:`Change` records, which are the public contract:

* ``start``/``end`` locate ``before`` in the running text *as it was just before
  this record was applied*. Applying the records in log order (:func:`replay`)
  turns the input into the output; applying their inverses in reverse order
  (:func:`undo`) turns the output back into the input.
* ``orig_start``/``orig_end`` locate the same edit in the original input, for
  people and reports. An edit made inside text that an earlier step inserted is
  mapped to the whole span of that earlier edit.

The JSON Lines form of a log is a header object followed by one object a change
(see :func:`write_log` and :func:`read_log`).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from typing import IO, Any

LOG_FORMAT = "textrepair-log/1"


class ChangeLogError(ValueError):
    """A change log does not fit the text it is applied to, or is malformed."""


@dataclass(frozen=True)
class Edit:
    """One replacement proposed by a normaliser, in the coordinates of its input.

    ``reason`` is short and greppable: the rule or evidence that justified the
    edit ("ptb: ' ,' -> ','", "split: zipf 5.1+4.8 vs 1.2"). ``confidence`` is in
    [0, 1]; rule-based edits use 1.0.
    """

    start: int
    end: int
    after: str
    reason: str
    confidence: float = 1.0


@dataclass(frozen=True)
class Change:
    """One applied edit, as it appears in the change log."""

    step: str
    start: int
    end: int
    before: str
    after: str
    reason: str
    confidence: float = 1.0
    orig_start: int = 0
    orig_end: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Change:
        names = {f.name for f in fields(cls)}
        missing = {"step", "start", "end", "before", "after", "reason"} - obj.keys()
        if missing:
            raise ChangeLogError(f"change record lacks {sorted(missing)}: {obj!r}")
        return cls(**{k: v for k, v in obj.items() if k in names})


def replay(text: str, changes: Iterable[Change]) -> str:
    """Apply ``changes`` in order to the input text and return the output text.

    Raises :class:`ChangeLogError` when a record's ``before`` is not found where
    it says, which means the log belongs to another text. Runs of changes that
    move forward through the text (as each step's do) are applied in one pass.
    """
    batch: list[tuple[int, Change]] = []  # (position in ``text``, change)
    shift = 0  # how far the batch's changes have moved later positions
    end = 0  # where the last change of the batch ends, in running coordinates
    for c in changes:
        if batch and c.start < end:
            text = _splice(text, batch, forward=True)
            batch, shift = [], 0
        pos = c.start - shift
        if text[pos : pos + len(c.before)] != c.before:
            raise ChangeLogError(
                f"{c.step} record at {c.start} expects {c.before!r}, "
                f"text has {text[pos : pos + len(c.before)]!r}"
            )
        batch.append((pos, c))
        shift += len(c.after) - len(c.before)
        end = c.start + len(c.after)
    return _splice(text, batch, forward=True)


def undo(text: str, changes: Sequence[Change]) -> str:
    """Undo ``changes`` on the output text and return the original input."""
    batch: list[tuple[int, Change]] = []
    low = len(text) + 1  # where the last undone change starts
    for c in reversed(changes):
        if batch and c.start + len(c.after) > low:
            text = _splice(text, batch[::-1], forward=False)
            batch = []
        if text[c.start : c.start + len(c.after)] != c.after:
            raise ChangeLogError(
                f"{c.step} record at {c.start} expects {c.after!r} in the output, "
                f"text has {text[c.start : c.start + len(c.after)]!r}"
            )
        batch.append((c.start, c))
        low = c.start
    return _splice(text, batch[::-1], forward=False)


def _splice(text: str, batch: list[tuple[int, Change]], forward: bool) -> str:
    """Replace, at ascending non-overlapping positions of ``text``, each
    change's before by its after (forward) or its after by its before."""
    parts = []
    pos = 0
    for start, c in batch:
        old, new = (c.before, c.after) if forward else (c.after, c.before)
        parts.append(text[pos:start])
        parts.append(new)
        pos = start + len(old)
    parts.append(text[pos:])
    return "".join(parts)


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply sorted, non-overlapping edits given in ``text``'s coordinates."""
    parts = []
    pos = 0
    for e in edits:
        parts.append(text[pos : e.start])
        parts.append(e.after)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


class OffsetMap:
    """Maps positions in the current text back to the original input.

    It keeps the changed regions as parallel sorted lists of
    ``(cur_start, cur_end, orig_start, orig_end)``; between regions the two texts
    move in step.
    """

    def __init__(self) -> None:
        self.regions: list[tuple[int, int, int, int]] = []
        self._starts: list[int] = []

    def to_orig(self, start: int, end: int) -> tuple[int, int]:
        return self._point(start, is_end=False), self._point(end, is_end=True)

    def _point(self, pos: int, is_end: bool) -> int:
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return pos
        cs, ce, os_, oe = self.regions[i]
        if pos >= ce and not (pos == ce == cs and not is_end):
            return oe + (pos - ce)
        # Inside a changed region: widen to the whole region.
        return oe if is_end else os_

    def update(self, edits: Sequence[Edit]) -> None:
        """Fold a step's sorted edits (in current coordinates) into the map.

        Old regions and new edits that overlap or touch merge into one region
        whose original span covers them all.
        """
        if not edits:
            return
        spans = sorted([(r[0], r[1]) for r in self.regions] + [(e.start, e.end) for e in edits])
        merged: list[list[int]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        new = []
        delta = 0
        j = 0
        for a, b in merged:
            o_start, o_end = self.to_orig(a, b)
            growth = 0
            while j < len(edits) and edits[j].end <= b:
                growth += len(edits[j].after) - (edits[j].end - edits[j].start)
                j += 1
            new.append((a + delta, b + delta + growth, o_start, o_end))
            delta += growth
        self.regions = new
        self._starts = [r[0] for r in new]


def write_log(
    out: IO[str], header: dict[str, Any], changes: Iterable[Change]
) -> None:
    """Write a change log as JSON Lines: the header, then one change a line."""
    out.write(json.dumps({"format": LOG_FORMAT, **header}, ensure_ascii=False) + "\n")
    for c in changes:
        out.write(json.dumps(c.to_json(), ensure_ascii=False) + "\n")


def read_log(lines: Iterable[str]) -> tuple[dict[str, Any], list[Change]]:
    """Read a JSON Lines change log written by :func:`write_log`.

    The first line is the header: ``format`` (must be ``textrepair-log/1``),
    ``textrepair`` (version), ``config`` (the resolved configuration) and
    ``dictionaries`` (name -> sha256 of every dictionary the run used). Every
    further non-empty line is a :class:`Change`.
    """
    it = iter(lines)
    try:
        first = next(it)
    except StopIteration:
        raise ChangeLogError("change log is empty: expected a header line") from None
    try:
        header = json.loads(first)
    except json.JSONDecodeError as exc:
        raise ChangeLogError(f"change log header is not JSON: {exc}") from None
    if not isinstance(header, dict) or header.get("format") != LOG_FORMAT:
        raise ChangeLogError(
            f"not a textrepair change log (expected format {LOG_FORMAT!r} in the header)"
        )
    changes = []
    for n, line in enumerate(it, start=2):
        if not line.strip():
            continue
        try:
            changes.append(Change.from_json(json.loads(line)))
        except (json.JSONDecodeError, TypeError) as exc:
            raise ChangeLogError(f"change log line {n}: {exc}") from None
    return header, changes
