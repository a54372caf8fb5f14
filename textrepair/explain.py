"""Readable lists of changes for people (the CLI's ``--explain``)."""

from __future__ import annotations

from collections.abc import Sequence

from .changes import Change


def format_changes(changes: Sequence[Change], color: bool = False) -> str:
    """One line a change: where it was in the input, the step, before -> after,
    and the reason. ``color`` is accepted for terminals; this plain version
    ignores it."""
    lines = []
    for c in changes:
        lines.append(
            f"{c.orig_start}-{c.orig_end} {c.step}: {c.before!r} -> {c.after!r}  ({c.reason})"
        )
    return "\n".join(lines) + ("\n" if lines else "")
