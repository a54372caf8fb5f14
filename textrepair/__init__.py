"""textrepair: repair damaged English prose, with a replayable change log.

    >>> from textrepair import repair, replay, undo
    >>> result = repair("Here ’s how it works .")
    >>> result.text
    'Here’s how it works.'
    >>> replay("Here ’s how it works .", result.changes) == result.text
    True
    >>> undo(result.text, result.changes)
    'Here ’s how it works .'
"""

from __future__ import annotations

__version__ = "0.1.0"

from .changes import Change, ChangeLogError, Edit, read_log, replay, undo, write_log  # noqa: E402
from .config import Config  # noqa: E402
from .pipeline import RepairResult, check_header, load, log_header, normalisers, repair  # noqa: E402

__all__ = [
    "Change",
    "ChangeLogError",
    "Config",
    "Edit",
    "RepairResult",
    "check_header",
    "load",
    "log_header",
    "normalisers",
    "read_log",
    "repair",
    "replay",
    "undo",
    "write_log",
]
