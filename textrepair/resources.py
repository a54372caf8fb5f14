"""Dictionaries: where they live, how they are read, and their checksums.

Every file in ``dictionaries/`` (installed as ``textrepair.dictionaries``) is
UTF-8 text in this format, which :func:`load_table` checks:

* header lines start with ``# ``; the first is ``# textrepair-dict/1``, then
  ``# key: value`` lines, at least ``name``, ``generator`` (the script in
  ``scripts/`` that built it), ``sources`` and ``columns`` (tab-separated names);
* every other non-empty line is one row, its columns separated by tabs, rows
  sorted so that a rebuild shows up as a readable diff.

Tables are loaded lazily, once per process, through :func:`load_table` (kept)
or :func:`load_counts`; a large table a step turns into its own structure is
streamed through :func:`table_rows` and not kept. The
environment variable ``TEXTREPAIR_DICTIONARIES`` names a directory whose
``<name>.tsv`` files are read instead of the bundled ones (set it before the
first table is loaded).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

DICT_FORMAT = "textrepair-dict/1"


class DictionaryError(RuntimeError):
    """A dictionary file is missing or not in the expected format."""


@dataclass(frozen=True)
class Table:
    name: str
    header: dict[str, str]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


# A directory whose <name>.tsv files replace the bundled dictionaries of the
# same name (one's own domain counts, or tables rebuilt from part of a corpus
# to measure on the rest); change-log headers record what was loaded.
DICTIONARIES_ENV = "TEXTREPAIR_DICTIONARIES"


def dictionary_path(name: str) -> Path:
    """The path of dictionary ``name``: ``$TEXTREPAIR_DICTIONARIES/<name>.tsv``
    when that file exists, else the bundled ``dictionaries/<name>.tsv``."""
    override = os.environ.get(DICTIONARIES_ENV)
    if override and (Path(override) / f"{name}.tsv").is_file():
        return Path(override) / f"{name}.tsv"
    path = Path(str(resources.files("textrepair.dictionaries").joinpath(f"{name}.tsv")))
    if not path.is_file():
        raise DictionaryError(
            f"dictionary {name!r} not found at {path}; rebuild it with the script named "
            "in dictionaries/SOURCES.md or reinstall textrepair"
        )
    return path


def _read(name: str, header: dict[str, str]) -> Iterator[tuple[str, ...]]:
    """Dictionary ``name``'s rows one at a time, filling ``header``; the header
    (which precedes the rows) is checked before the first row."""
    path = dictionary_path(name)
    checked = False
    with open(path, encoding="utf-8") as f:
        first = f.readline().rstrip("\n")
        if first != f"# {DICT_FORMAT}":
            raise DictionaryError(f"{path}: first line must be '# {DICT_FORMAT}', got {first!r}")
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# "):
                key, _, value = line[2:].partition(": ")
                header[key] = value
            elif line:
                if not checked:
                    _check_header(path, header)
                    checked = True
                yield tuple(line.split("\t"))
    if not checked:
        _check_header(path, header)


def _check_header(path: Path, header: dict[str, str]) -> None:
    for key in ("name", "generator", "sources", "columns"):
        if key not in header:
            raise DictionaryError(f"{path}: header lacks '# {key}: ...'")


@cache
def load_table(name: str) -> Table:
    """Read and check dictionary ``name``; cached, so each process reads it once."""
    header: dict[str, str] = {}
    rows = tuple(_read(name, header))
    return Table(name, header, tuple(header["columns"].split("\t")), rows)


def table_rows(name: str) -> Iterator[tuple[str, ...]]:
    """Dictionary ``name``'s rows one at a time, its header checked first; not
    cached. A step that turns a large table into its own structure reads it
    through this, so the rows are not kept a second time beside that
    structure (kept, the large tables' rows were 75 MB of a process)."""
    return _read(name, {})


def check_table(name: str) -> None:
    """Check dictionary ``name``'s format (its first line and header) without
    keeping its rows."""
    next(_read(name, {}), None)


@cache
def symspell_counts(name: str) -> dict[str, int]:
    """One of symspellpy's frequency lists (``frequency_dictionary_en_82_765.txt``:
    word -> count, ``frequency_bigramdictionary_en_243_342.txt``: "a b" -> count,
    both counted on the same web corpus), read once for every step that uses it."""
    counts = {}
    for line in (resources.files("symspellpy") / name).read_text("utf-8").splitlines():
        key, count = line.rsplit(" ", 1)
        counts[key] = int(count)
    return counts


@cache
def load_counts(name: str) -> dict[str, int]:
    """A two-column ``key<TAB>count`` dictionary as a dict."""
    return {row[0]: int(row[1]) for row in table_rows(name)}


@cache
def checksum(name: str) -> str:
    """sha256 of dictionary ``name``'s bytes, as recorded in change-log headers."""
    return hashlib.sha256(dictionary_path(name).read_bytes()).hexdigest()


def write_table(
    path: Path, name: str, generator: str, sources: str, columns: list[str],
    rows: list[tuple[str, ...]], notes: str = "",
) -> None:
    """Write rows (sorted here) in the dictionary format; used by scripts/."""
    lines = [
        f"# {DICT_FORMAT}",
        f"# name: {name}",
        f"# generator: {generator}",
        f"# sources: {sources}",
        f"# columns: {chr(9).join(columns)}",
    ]
    if notes:
        lines.append(f"# notes: {notes}")
    body = ["\t".join(r) for r in sorted(rows)]
    path.write_text("\n".join(lines + body) + "\n", encoding="utf-8")
