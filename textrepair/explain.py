"""Readable lists of changes for people (the CLI's ``--explain``).

Each change is one line: where it was in the input, the step, its confidence,
the edit inside a little of its surrounding input text, and the reason::

    43-44 detokenize_ptb_spacing 1.00  …the disease[- -], but some…  ptb before_punct (…)

On a terminal the edit is drawn like ``git diff --word-diff=color``: deleted
text red and struck through, inserted text green, the step in its own colour.
Elsewhere (a pipe, a file, ``NO_COLOR`` set, ``TERM=dumb``) the same line is
plain text with ``[-deleted-]{+inserted+}`` markers, which stays greppable.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from typing import IO, Any

from .changes import Change

CONTEXT = 24  # characters of input shown on each side of an edit

_RESET = "\x1b[0m"
_DELETED = "\x1b[9;31m"  # struck through, red
_INSERTED = "\x1b[32m"  # green
_DIM = "\x1b[2m"
# A stable colour per step name, cycling through the bright foreground colours.
_STEP_COLOURS = ("\x1b[36m", "\x1b[35m", "\x1b[33m", "\x1b[34m", "\x1b[96m", "\x1b[95m")

# Control characters and line separators shown as visible symbols, so one
# change stays on one line and input text cannot move the cursor or send
# terminal escapes: C0 controls as their Unicode control pictures (␛, ␍, …),
# line breaks as ⏎, tabs as ⇥, DEL and C1 controls (\x9b is an escape too) as
# their code.
_VISIBLE = str.maketrans(
    {
        **{chr(i): chr(0x2400 + i) for i in range(0x20)},
        **{chr(i): f"\\x{i:02x}" for i in range(0x7F, 0xA0)},
        "\n": "⏎", "\x85": "⏎", "\u2028": "⏎", "\u2029": "⏎", "\t": "⇥",
    }
)


def use_color(stream: IO[Any]) -> bool:
    """Whether to colour output for ``stream``: a terminal, unless the user
    opted out with ``NO_COLOR`` (https://no-color.org) or ``TERM=dumb``."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def format_changes(
    changes: Sequence[Change], color: bool = False, text: str | None = None
) -> str:
    """One line a change, then a one-line total by step.

    ``text`` is the original input; when given, each edit is shown inside
    :data:`CONTEXT` characters of it on both sides.

    >>> c = Change("detokenize_ptb_spacing", 9, 10, " ", "", "ptb before_punct", 1.0, 9, 10)
    >>> print(format_changes([c], text="It’s rare , but it happens."), end="")
    9-10 detokenize_ptb_spacing 1.00  It’s rare[- -], but it happens.  ptb before_punct
    1 change: detokenize_ptb_spacing 1
    >>> format_changes([])
    ''
    """
    if not changes:
        return ""
    steps = list(dict.fromkeys(c.step for c in changes))
    colours = {s: _STEP_COLOURS[i % len(_STEP_COLOURS)] for i, s in enumerate(steps)}
    lines = []
    for c in changes:
        edit = _edit(c.before, c.after, color)
        if text is not None:
            left = text[max(0, c.orig_start - CONTEXT) : c.orig_start]
            right = text[c.orig_end : c.orig_end + CONTEXT]
            left = ("…" if c.orig_start > CONTEXT else "") + left.translate(_VISIBLE)
            right = right.translate(_VISIBLE) + ("…" if c.orig_end + CONTEXT < len(text) else "")
            edit = left + edit + right
        step, reason = c.step.translate(_VISIBLE), c.reason.translate(_VISIBLE)
        if color:
            step = f"{colours[c.step]}{step}{_RESET}"
            reason = f"{_DIM}{reason}{_RESET}"
        lines.append(f"{c.orig_start}-{c.orig_end} {step} {c.confidence:.2f}  {edit}  {reason}")
    counts = Counter(c.step for c in changes)
    total = ", ".join(f"{s} {counts[s]}" for s in steps)
    lines.append(f"{len(changes)} change{'s' if len(changes) != 1 else ''}: {total}")
    return "\n".join(lines) + "\n"


def _edit(before: str, after: str, color: bool) -> str:
    """The edit itself: ``[-before-]{+after+}`` or its coloured form."""
    if color:
        # A deleted or inserted space would be invisible: show it as ␣.
        if before.isspace():
            before = before.replace(" ", "␣")
        if after.isspace():
            after = after.replace(" ", "␣")
    before, after = before.translate(_VISIBLE), after.translate(_VISIBLE)
    if color:
        return (f"{_DELETED}{before}{_RESET}" if before else "") + (
            f"{_INSERTED}{after}{_RESET}" if after else ""
        )
    return (f"[-{before}-]" if before else "") + (f"{{+{after}+}}" if after else "")
