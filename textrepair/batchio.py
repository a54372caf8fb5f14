"""Files for ``textrepair batch``: finding inputs, naming outputs, compressed
streams and outputs that appear only when they are complete.

An input is a plain text file (one document) or a JSON Lines file (one record
a line), told apart by name: ``.jsonl``, ``.jsonl.gz`` and ``.jsonl.zst`` are
JSON Lines, anything else is text. A final ``.gz``/``.zst`` means compressed,
and the output keeps the input's compression.

Every file a run writes is first written as ``NAME.textrepair-part`` next to
its final name and renamed when complete, so a file with its final name is
always whole. A file is done when its marker ``OUTDIR/.textrepair/done/REL.json``
exists; the marker also holds the file's statistics, so a resumed run still
reports the whole corpus.
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

PART_SUFFIX = ".textrepair-part"
STATE_DIR = ".textrepair"
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst")
DEFAULT_GLOBS = ("*.txt", "*.txt.gz", "*.txt.zst", *(f"*{s}" for s in JSONL_SUFFIXES))


class PlanError(ValueError):
    """Inputs and output directory that cannot make a safe run (a usage error)."""


def compression_of(name: str) -> str:
    """``"gz"``, ``"zst"`` or ``""`` from a file name."""
    if name.endswith(".gz"):
        return "gz"
    if name.endswith(".zst"):
        return "zst"
    return ""


def is_jsonl(name: str) -> bool:
    return name.endswith(JSONL_SUFFIXES)


def _zstandard() -> Any:
    try:
        import zstandard
    except ImportError:
        raise OSError(
            "reading or writing .zst files needs zstandard; pip install 'textrepair[zstd]'"
        ) from None
    return zstandard


def open_read(path: Path) -> IO[bytes]:
    """A binary stream of ``path``'s content, decompressed by its name."""
    comp = compression_of(path.name)
    if comp == "gz":
        return cast(IO[bytes], gzip.open(path, "rb"))
    if comp == "zst":
        return io.BufferedReader(_zstandard().open(path, "rb"))
    return open(path, "rb")


def open_write(path: Path, like: Path | None = None) -> IO[bytes]:
    """A binary stream that writes ``path`` compressed by its name (or by the
    name of ``like``: a temporary file is compressed as its final name says)."""
    comp = compression_of((like or path).name)
    if comp == "gz":
        # Level 6 is gzip's default: its cost is small next to repairing the text.
        return cast(IO[bytes], gzip.open(path, "wb", compresslevel=6))
    if comp == "zst":
        return cast(IO[bytes], _zstandard().open(path, "wb"))
    return open(path, "wb")


def part_path(path: Path) -> Path:
    return path.with_name(path.name + PART_SUFFIX)


def sidecar_name(name: str) -> str:
    """The change-log file that goes with output ``name``: ``a.jsonl.gz`` ->
    ``a.changes.jsonl.gz``; ``a.txt`` -> ``a.txt.changes.jsonl`` (the single-file
    log format, so ``textrepair a.txt --replay`` reads it)."""
    for suffix in JSONL_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)] + ".changes" + suffix
    return name + ".changes.jsonl"


@dataclass(frozen=True)
class Job:
    """One input file and every path that goes with it."""

    input: Path
    rel: str  # output path relative to the output directory, with "/" separators
    outdir: Path
    size: int
    mtime_ns: int

    @property
    def kind(self) -> str:
        return "jsonl" if is_jsonl(self.input.name) else "text"

    @property
    def output(self) -> Path:
        return self.outdir / self.rel

    @property
    def sidecar(self) -> Path:
        return self.output.with_name(sidecar_name(self.output.name))

    @property
    def errors(self) -> Path:
        return self.outdir / STATE_DIR / "errors" / (self.rel + ".errors.jsonl")

    @property
    def marker(self) -> Path:
        return self.outdir / STATE_DIR / "done" / (self.rel + ".json")

    def part_paths(self) -> list[Path]:
        return [part_path(p) for p in (self.output, self.sidecar, self.errors, self.marker)]


def _walk(root: Path, globs: tuple[str, ...]) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or name.endswith(PART_SUFFIX):
                continue
            if any(fnmatch.fnmatch(name, g) for g in globs):
                yield Path(dirpath) / name


def _inside(path: Path, parent: Path) -> bool:
    return path == parent or parent in path.parents


def plan(inputs: list[str], outdir: str, globs: tuple[str, ...] = DEFAULT_GLOBS) -> list[Job]:
    """The jobs for ``inputs`` (files and directories), sorted by output path.

    A file given by name is always taken and lands at ``OUTDIR/<its name>``; a
    directory is walked recursively for files matching ``globs`` (hidden files
    and directories skipped) and its files keep their paths relative to it.
    Raises :class:`PlanError` when an input is missing, two inputs would write
    the same output, or the output directory overlaps an input.
    """
    out = Path(outdir).resolve()
    jobs: dict[str, Job] = {}
    for name in inputs:
        src = Path(name)
        if not src.exists():
            raise PlanError(f"input {name} does not exist")
        real = src.resolve()
        if src.is_dir():
            if _inside(out, real):
                raise PlanError(
                    f"output directory {outdir} is inside input directory {name}; "
                    "choose an output directory outside it"
                )
            pairs = [(p, p.relative_to(src).as_posix()) for p in _walk(src, globs)]
        else:
            pairs = [(src, src.name)]
        for path, rel in pairs:
            if _inside(path.resolve(), out):
                raise PlanError(f"input {path} is inside the output directory {outdir}")
            if rel in jobs:
                raise PlanError(
                    f"{jobs[rel].input} and {path} would both be written to {outdir}/{rel}; "
                    "run them separately or into different output directories"
                )
            st = path.stat()
            jobs[rel] = Job(path, rel, out, st.st_size, st.st_mtime_ns)
    return [jobs[k] for k in sorted(jobs)]


def parse_shard(spec: str) -> tuple[int, int]:
    """``"i/N"`` -> ``(i, N)``, with 0 <= i < N."""
    try:
        i, n = (int(x) for x in spec.split("/"))
    except ValueError:
        raise PlanError(f"--shard wants i/N (like 0/4), got {spec!r}") from None
    if not 0 <= i < n:
        raise PlanError(f"--shard {spec}: need 0 <= i < N")
    return i, n
