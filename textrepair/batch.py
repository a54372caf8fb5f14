"""``textrepair batch``: repair a corpus of text and JSON Lines files.

    textrepair batch INPUT... -o OUTDIR [--text-key text] [--id-key id] [--glob PAT]
        [--log sidecar|inline|none] [--workers N] [--shard i/N] [--overwrite]
        [--timeout SECONDS] [--only STEP...] [--skip STEP...] [--min-confidence X]

How a run works (see :mod:`textrepair.batchio` for names and paths):

* **Inputs** are files and directories (walked recursively, ``--glob``
  filters). ``.jsonl``, ``.jsonl.gz`` and ``.jsonl.zst`` files hold one JSON
  record a line whose ``--text-key`` field is repaired, every other field kept;
  any other file is one text document. Outputs mirror the inputs' names,
  directories and compression under OUTDIR, which may not overlap an input.
* **Unit of work** is the input file: a process pool (``--workers``) takes one
  file at a time, biggest first, and writes its outputs itself, so the parent
  does no per-document work. A corpus of one huge file runs on one worker:
  split it (or use the datatrove step, :mod:`textrepair.integrations.datatrove`).
  On Linux the parent loads the dictionaries once (and repairs the first 50
  documents of the first file, so data that steps load lazily is loaded too)
  and forks the workers, which share it; elsewhere each worker loads them once,
  when it starts.
* **Change logs**: ``--log sidecar`` (default) writes, next to each output,
  ``NAME.changes.jsonl[.gz|.zst]``: a header line (format
  ``textrepair-batch-log/1``, version, config, dictionary checksums), then one
  line per output record, in the same order, ``{"line", "id", "changes"}``. A
  text file's sidecar ``NAME.txt.changes.jsonl`` is an ordinary change log
  (``textrepair NAME.txt --replay``). ``--log inline`` adds a field
  (``--log-key``, default ``textrepair``) with ``{"changes": [...]}`` to each
  repaired record instead (text files still get a sidecar).
* **Outcomes**: every input document is exactly one of *changed*,
  *unchanged* (output record byte-identical to the input unless ``--log
  inline``), *passed through* (written unchanged, reason in the errors file:
  no text field, text not a string, record not an object, line not UTF-8,
  binary file, time limit, a failure inside textrepair) or *rejected* (a line
  that is not JSON: left out of the output, kept verbatim in the errors file).
  Blank lines are dropped and counted apart. The summary's counts add up.
* **Robustness**: outputs appear under their final names only when complete;
  a marker per finished input makes a rerun skip it (``--overwrite`` redoes
  it; a changed input is redone); Ctrl-C or SIGTERM stops the workers, removes
  partial files and exits 130; ``--timeout`` bounds the time per document (SIGALRM, so
  POSIX only; C code that never returns to Python, such as one huge regex
  match, is interrupted when it returns); ``--shard i/N`` takes every N-th file
  of the sorted input list, from the i-th (0-based), for runs on N machines.
* **Reports**: ``OUTDIR/errors.jsonl`` (one object per problem: ``input``,
  ``line``, ``id``, ``outcome``, ``reason``) and ``OUTDIR/summary.json``
  (``.shard-i-of-N`` in the names with ``--shard``), plus a short table on
  stderr; a progress line on stderr only when it is a terminal.

Exit codes: 0 every file done (problems with single documents are in the
errors file), 1 some files could not be read, 2 usage, 130 interrupted.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from . import __version__
from .batchio import (
    DEFAULT_GLOBS,
    Job,
    PlanError,
    open_read,
    open_write,
    parse_shard,
    part_path,
    plan,
)
from .changes import Change, write_log
from .cli import add_step_options, config_from_args
from .config import Config
from .pipeline import RepairResult, load, log_header, repair

BATCH_LOG_FORMAT = "textrepair-batch-log/1"
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
BINARY_SNIFF = 8192
WARM_UP = "Warm-up : it ’s loading dictionaries , cistron diseaseamyotrophic treat ment ."


@dataclass(frozen=True)
class Options:
    """Everything a worker needs besides the file; pickled once per worker."""

    config: Config = field(default_factory=Config)
    text_key: str = "text"
    id_key: str = "id"
    log: str = "sidecar"  # sidecar | inline | none
    log_key: str = "textrepair"
    timeout: float = 60.0  # seconds per document; 0 = no limit


# --- counts ---------------------------------------------------------------

OUTCOMES = ("changed", "unchanged", "passed_through", "rejected")


@dataclass
class Tally:
    """Counts for one file or a whole run; :meth:`add` merges them."""

    files: int = 0
    empty_files: int = 0
    docs: int = 0
    changed: int = 0
    unchanged: int = 0
    passed_through: int = 0
    rejected: int = 0
    blank_lines: int = 0
    bytes_in: int = 0  # uncompressed bytes read
    seconds: float = 0.0  # time spent in the workers
    edits: Counter[str] = field(default_factory=Counter)  # per step
    chars: Counter[str] = field(default_factory=Counter)  # per step: len(before) + len(after)
    docs_by_step: Counter[str] = field(default_factory=Counter)  # documents a step changed
    counters: Counter[str] = field(default_factory=Counter)  # normalisers' own stats

    def add(self, other: Tally) -> None:
        for name, value in vars(other).items():
            if isinstance(value, Counter):
                getattr(self, name).update(value)
            else:
                setattr(self, name, getattr(self, name) + value)

    def add_result(self, result: RepairResult) -> None:
        if not result.changes:
            self.unchanged += 1
            for key, n in result.stats.items():
                self.counters[key] += n
            return
        self.changed += 1
        for c in result.changes:
            self.chars[c.step] += len(c.before) + len(c.after)
        for step in {c.step for c in result.changes}:
            self.docs_by_step[step] += 1
        for key, n in result.stats.items():
            if key.endswith(".edits"):
                self.edits[key[: -len(".edits")]] += n
            else:
                self.counters[key] += n

    def to_json(self) -> dict[str, Any]:
        return {k: dict(sorted(v.items())) if isinstance(v, Counter) else v
                for k, v in vars(self).items()}

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Tally:
        t = cls()
        for k, v in obj.items():
            if hasattr(t, k):
                setattr(t, k, Counter(v) if isinstance(getattr(t, k), Counter) else v)
        return t


# --- the per-document time limit -------------------------------------------

class DocumentTimeout(Exception):
    """Raised inside repair() when a document runs over ``--timeout``."""


def _on_alarm(signum: int, frame: object) -> None:
    raise DocumentTimeout


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the block after ``seconds`` (0: never).

    Works in a process's main thread on POSIX; elsewhere it sets no limit.
    """
    if seconds <= 0 or not hasattr(signal, "setitimer") or (
        threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    old = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def repair_with_limit(text: str, config: Config, timeout: float) -> tuple[RepairResult | None, str]:
    """``(result, "")``, or ``(None, why)`` when the document must be passed through."""
    try:
        with time_limit(timeout):
            return repair(text, config), ""
    except DocumentTimeout:
        return None, (f"time limit of {timeout:g} s exceeded ({len(text):,} characters); "
                      "passed through unchanged")
    except (Exception, RecursionError) as exc:  # a bug in a normaliser must not stop a run
        return None, f"textrepair failed: {type(exc).__name__}: {exc}; passed through unchanged"


# --- workers ----------------------------------------------------------------

_WORKER: dict[str, Any] = {"startup": 0.0}
ProgressFn = Callable[[int, int], None]


def warm_up(config: Config | None = None, samples: list[str] | None = None) -> float:
    """Load every dictionary and table now (:func:`textrepair.pipeline.load`),
    then repair ``samples`` (a few of the corpus's own documents) to fill the
    per-word caches; returns seconds."""
    t0 = time.perf_counter()
    load(config)
    for text in [WARM_UP, *(samples or [])]:
        repair_with_limit(text, config or Config(), 10.0)
    return time.perf_counter() - t0


def sample_texts(job: Job, opts: Options, limit: int = 50) -> list[str]:
    """Up to ``limit`` texts from the start of ``job``'s input (none if unreadable)."""
    texts: list[str] = []
    try:
        with open_read(job.input) as f:
            if job.kind == "text":
                data = f.read(1 << 20)
                return [data.decode("utf-8")] if b"\x00" not in data else []
            for raw in f:
                if len(texts) >= limit:
                    break
                try:
                    text = json.loads(raw).get(opts.text_key)
                except (ValueError, AttributeError):
                    continue
                if isinstance(text, str) and len(text) < 100_000:
                    texts.append(text)
    except (OSError, EOFError, ValueError):
        pass
    return texts


def _init_worker(opts: Options, queue: Any) -> None:
    # The parent handles Ctrl-C and stops the workers itself (SIGTERM).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER["opts"] = opts
    _WORKER["progress"] = queue.put if queue is not None else None
    _WORKER["startup"] = warm_up(opts.config)


def _worker_task(job: Job) -> dict[str, Any]:
    out = process_file(job, _WORKER["opts"], _WORKER["progress"])
    out["startup"], _WORKER["startup"] = _WORKER["startup"], 0.0
    out["pid"] = os.getpid()
    return out


class _Problems:
    """The per-file errors file, written as problems come."""

    def __init__(self, f: IO[bytes], job: Job) -> None:
        self.f, self.input = f, str(job.input)

    def add(self, line: int | None, doc_id: Any, outcome: str, reason: str, **extra: Any) -> None:
        obj = {"input": self.input, "line": line, "id": doc_id, "outcome": outcome,
               "reason": reason, **extra}
        self.f.write(_dumps(obj) + b"\n")


def _dumps(obj: Any) -> bytes:
    try:
        return json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from \\ud800 escapes in the input
        return json.dumps(obj).encode("ascii")


def process_file(job: Job, opts: Options, progress: ProgressFn | None = None) -> dict[str, Any]:
    """Repair one input file into its outputs and write its done-marker.

    Returns ``{"rel", "tally"}``, or ``{"rel", "failed": reason}`` when the file
    cannot be read (partial outputs are removed, no marker is written).
    """
    t0 = time.perf_counter()
    parts = job.part_paths()
    tally = Tally(files=1)
    try:
        for p in parts:
            p.parent.mkdir(parents=True, exist_ok=True)
        with (
            open_read(job.input) as src,
            open_write(part_path(job.output), job.output) as dst,
            open(part_path(job.errors), "wb") as err,
        ):
            problems = _Problems(err, job)
            has_sidecar = opts.log == "sidecar" or (opts.log == "inline" and job.kind == "text")
            sidecar = open_write(part_path(job.sidecar), job.sidecar) if has_sidecar else None
            try:
                if job.kind == "jsonl":
                    _jsonl_file(job, opts, src, dst, sidecar, problems, tally, progress)
                else:
                    _text_file(job, opts, src, dst, sidecar, problems, tally)
            finally:
                if sidecar is not None:
                    sidecar.close()
        tally.seconds = time.perf_counter() - t0
        finals = [job.output, job.errors] + ([job.sidecar] if has_sidecar else [])
        for final in finals:
            os.replace(part_path(final), final)
        marker = {"input": str(job.input), "size": job.size, "mtime_ns": job.mtime_ns,
                  "tally": tally.to_json()}
        part_path(job.marker).write_text(json.dumps(marker), encoding="utf-8")
        os.replace(part_path(job.marker), job.marker)
        return {"rel": job.rel, "tally": tally.to_json()}
    except (OSError, EOFError, ValueError) as exc:
        # OSError covers bad gzip data and zstd's errors are ValueError/ZstdError.
        _remove(parts)
        return {"rel": job.rel,
                "failed": f"cannot read or write {job.input}: {type(exc).__name__}: {exc}"}
    except BaseException:
        _remove(parts)
        raise


def _remove(paths: list[Path]) -> None:
    for p in paths:
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def _sniff(src: IO[bytes], job: Job, dst: IO[bytes], problems: _Problems, tally: Tally) -> bool:
    """Handle empty and binary files; True when the file is done with."""
    head = src.peek(BINARY_SNIFF)[:BINARY_SNIFF]  # type: ignore[attr-defined]
    if not head:
        tally.empty_files += 1
        problems.add(None, None, "empty", "empty file: an empty output was written")
        return True
    if b"\x00" in head:
        tally.docs += 1
        tally.passed_through += 1
        n = 0
        while chunk := src.read(1 << 20):
            dst.write(chunk)
            n += len(chunk)
        tally.bytes_in += n
        problems.add(None, None, "passed_through",
                     "looks binary (NUL bytes in its first 8 KB); copied unchanged")
        return True
    return False


def _text_file(job: Job, opts: Options, src: IO[bytes], dst: IO[bytes],
               sidecar: IO[bytes] | None, problems: _Problems, tally: Tally) -> None:
    changes: list[Change] = []
    if not _sniff(src, job, dst, problems, tally):
        data = src.read()
        tally.docs += 1
        tally.bytes_in += len(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text, why = "", (f"not UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
                             "copied unchanged")
            result = None
        else:
            result, why = repair_with_limit(text, opts.config, opts.timeout)
        if result is None:
            dst.write(data)
            tally.passed_through += 1
            problems.add(None, None, "passed_through", why)
        else:
            dst.write(result.text.encode("utf-8", errors="surrogatepass"))
            tally.add_result(result)
            changes = result.changes
    if sidecar is not None:
        buf = io.StringIO()
        write_log(buf, log_header(opts.config), changes)
        sidecar.write(buf.getvalue().encode("utf-8", errors="surrogatepass"))


_MISSING = object()


def _jsonl_file(job: Job, opts: Options, src: IO[bytes], dst: IO[bytes],
                sidecar: IO[bytes] | None, problems: _Problems, tally: Tally,
                progress: ProgressFn | None) -> None:
    if sidecar is not None:
        header = {"format": BATCH_LOG_FORMAT, **log_header(opts.config), "input": job.rel}
        sidecar.write(_dumps(header) + b"\n")
    if _sniff(src, job, dst, problems, tally):
        return
    inline = opts.log == "inline"
    last_report, docs_reported, bytes_reported = time.monotonic(), 0, 0
    for lineno, raw in enumerate(src, start=1):
        tally.bytes_in += len(raw)
        if progress is not None and time.monotonic() - last_report > 0.5:
            progress(tally.docs - docs_reported, tally.bytes_in - bytes_reported)
            last_report, docs_reported, bytes_reported = (
                time.monotonic(), tally.docs, tally.bytes_in)
        if not raw.strip():
            tally.blank_lines += 1
            continue
        tally.docs += 1
        why, doc_id, out = "", None, b""
        try:
            line = raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError as exc:
            why = (f"line is not UTF-8 (byte {exc.start}: {raw[exc.start:exc.start + 1]!r}); "
                   "passed through unchanged")
        else:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                tally.rejected += 1
                problems.add(lineno, None, "rejected",
                             f"malformed JSON ({exc.msg}, column {exc.colno}); "
                             "left out of the output, the line is kept here as 'raw'",
                             raw=line)
                continue
            text: Any = rec.get(opts.text_key, _MISSING) if isinstance(rec, dict) else _MISSING
            doc_id = rec.get(opts.id_key) if isinstance(rec, dict) else None
            if not isinstance(rec, dict):
                why = f"record is a JSON {type(rec).__name__}, not an object; passed through unchanged"
            elif text is _MISSING:
                why = f"record has no {opts.text_key!r} field; passed through unchanged"
            elif not isinstance(text, str):
                why = (f"{opts.text_key!r} is {type(text).__name__}, not a string; "
                       "passed through unchanged")
            else:
                result, why = repair_with_limit(text, opts.config, opts.timeout)
                if result is not None:
                    tally.add_result(result)
                    if result.changes or inline:
                        rec[opts.text_key] = result.text
                        if inline:
                            rec[opts.log_key] = {"changes": [c.to_json() for c in result.changes]}
                        out = _dumps(rec) + b"\n"
                    if sidecar is not None and not inline:
                        entry = {"line": lineno, "id": doc_id,
                                 "changes": [c.to_json() for c in result.changes]}
                        sidecar.write(_dumps(entry) + b"\n")
        if why:
            tally.passed_through += 1
            problems.add(lineno, doc_id, "passed_through", why)
            if sidecar is not None and not inline:
                entry = {"line": lineno, "id": doc_id, "changes": [], "passed_through": why}
                sidecar.write(_dumps(entry) + b"\n")
        dst.write(out or (raw if raw.endswith(b"\n") else raw + b"\n"))
    if progress is not None:
        progress(tally.docs - docs_reported, tally.bytes_in - bytes_reported)


# --- the parent ---------------------------------------------------------------

class Progress:
    """One status line on stderr, redrawn at most twice a second; silent unless enabled."""

    def __init__(self, enabled: bool, files: int) -> None:
        self.enabled, self.files = enabled, files
        self.done_files = self.docs = self.nbytes = 0
        self.t0 = self.last = time.monotonic()

    def update(self, docs: int = 0, nbytes: int = 0, files: int = 0) -> None:
        self.docs += docs
        self.nbytes += nbytes
        self.done_files += files
        now = time.monotonic()
        if self.enabled and (files or now - self.last >= 0.5):
            self.last = now
            secs = max(now - self.t0, 1e-9)
            sys.stderr.write(
                f"\r  files {self.done_files}/{self.files}  {self.docs:,} docs  "
                f"{self.nbytes / 1e6:,.1f} MB  {self.docs / secs:,.0f} docs/s  "
                f"{self.nbytes / 1e6 / secs:.2f} MB/s \x1b[K"
            )
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="textrepair batch",
        description="Repair text and JSON Lines files (.jsonl, .jsonl.gz, .jsonl.zst) into an "
        "output directory that mirrors the inputs; resumable, parallel, with change logs.",
        epilog="Exit codes: 0 ok, 1 some files unreadable, 2 usage, 130 interrupted. "
        "Problems with single documents are listed in OUTDIR/errors.jsonl.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files and directories")
    p.add_argument("-o", "--output-dir", required=True, metavar="OUTDIR",
                   help="where the outputs go (not inside an input directory)")
    p.add_argument("--text-key", default="text", help="JSON field to repair (default: text)")
    p.add_argument("--id-key", default="id", help="JSON field named in reports (default: id)")
    p.add_argument("--glob", action="append", metavar="PAT",
                   help="file names to take from directories (repeatable; default: "
                   + " ".join(DEFAULT_GLOBS) + ")")
    p.add_argument("--log", choices=("sidecar", "inline", "none"), default="sidecar",
                   help="change log: a file next to each output (default), a field in each "
                   "record, or none")
    p.add_argument("--log-key", default="textrepair", help="record field for --log inline")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="processes, one input file at a time each (default: 1)")
    p.add_argument("--shard", metavar="i/N", help="take only every N-th input file, from the i-th")
    p.add_argument("--overwrite", action="store_true", help="redo files already done")
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                   help="time limit per document; over it the document is passed through "
                   "unchanged and reported (default: 60, 0 = none)")
    add_step_options(p)
    p.add_argument("--quiet", action="store_true", help="no table at the end")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        config = config_from_args(args)
        if args.workers < 1:
            raise ValueError("--workers must be at least 1")
        if args.timeout < 0:
            raise ValueError("--timeout must be >= 0")
        shard = parse_shard(args.shard) if args.shard else None
        jobs = plan(args.inputs, args.output_dir, tuple(args.glob or DEFAULT_GLOBS))
    except (ValueError, PlanError) as exc:
        print(f"textrepair batch: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if shard is not None:
        jobs = jobs[shard[0]::shard[1]]
    opts = Options(config, args.text_key, args.id_key, args.log, args.log_key, args.timeout)
    return run(jobs, Path(args.output_dir), opts, workers=args.workers, shard=args.shard,
               overwrite=args.overwrite, quiet=args.quiet)


def _load_marker(job: Job) -> Tally | None:
    try:
        marker = json.loads(job.marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if marker.get("size") != job.size or marker.get("mtime_ns") != job.mtime_ns:
        return None  # the input changed since: redo it
    return Tally.from_json(marker["tally"])


def run(jobs: list[Job], outdir: Path, opts: Options, workers: int = 1,
        shard: str | None = None, overwrite: bool = False, quiet: bool = False) -> int:
    """Process ``jobs``; write the merged errors file and the summary. Returns the exit code."""
    t0 = time.perf_counter()
    outdir.mkdir(parents=True, exist_ok=True)
    resumed, now, todo = Tally(), Tally(), []
    for job in jobs:
        done = None if overwrite else _load_marker(job)
        if done is None:
            todo.append(job)
        else:
            resumed.add(done)
    todo.sort(key=lambda j: -j.size)  # biggest first: the pool ends with small files
    failed: dict[str, str] = {}
    startup: list[float] = []
    progress = Progress(sys.stderr.isatty() and not quiet, len(todo))

    def finished(res: dict[str, Any]) -> None:
        if "failed" in res:
            failed[res["rel"]] = res["failed"]
        else:
            now.add(Tally.from_json(res["tally"]))
        if res.get("startup"):
            startup.append(res["startup"])
        progress.update(files=1)

    # A scheduler's SIGTERM (Slurm preemption, kill) stops a run as Ctrl-C does.
    main_thread = threading.current_thread() is threading.main_thread()
    old_term = signal.signal(signal.SIGTERM, _interrupt) if main_thread else None
    try:
        if workers == 1 or len(todo) <= 1:
            if todo:
                startup.append(warm_up(opts.config))
                # The loaded tables are millions of objects that never become
                # garbage: keep the collector's full passes from walking them.
                gc.freeze()
            for job in todo:
                report = None if not progress.enabled else progress.update
                finished(process_file(job, opts, report))
        else:
            _run_pool(todo, opts, min(workers, len(todo)), progress, finished, startup)
    except KeyboardInterrupt:
        progress.close()
        for job in todo:
            _remove(job.part_paths())
        n_done = len(jobs) - len(todo) + now.files
        print(f"textrepair batch: interrupted; {n_done} of {len(jobs)} files are done and "
              "will be skipped when you run the same command again", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenProcessPool as exc:
        progress.close()
        for job in todo:
            _remove(job.part_paths())
        print(f"textrepair batch: a worker process died ({exc}); finished files are kept, "
              "run the same command again to resume", file=sys.stderr)
        return EXIT_FAILED
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, old_term)
    progress.close()
    wall = time.perf_counter() - t0

    suffix = f".shard-{shard.replace('/', '-of-')}" if shard else ""
    _merge_errors(jobs, failed, outdir / f"errors{suffix}.jsonl")
    total = Tally()
    total.add(resumed)
    total.add(now)
    summary = _summary(total, now, resumed, wall, startup, failed, opts, workers, shard, jobs)
    path = outdir / f"summary{suffix}.json"
    part_path(path).write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n",
                               encoding="utf-8")
    os.replace(part_path(path), path)
    if not quiet:
        sys.stderr.write(format_summary(summary))
    if failed:
        print(f"textrepair batch: {len(failed)} files could not be read; see {outdir}/errors"
              f"{suffix}.jsonl. Fix them and run the same command again.", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _run_pool(todo: list[Job], opts: Options, workers: int, progress: Progress,
              finished: Callable[[dict[str, Any]], None], startup: list[float]) -> None:
    import multiprocessing

    if sys.platform == "linux" and threading.active_count() == 1:
        # Load the dictionaries here and fork: the workers share them (copy on
        # write) and start at once. Forking a process with threads can deadlock,
        # so otherwise each spawned worker loads them itself (about 3 CPU-s each).
        ctx: multiprocessing.context.BaseContext = multiprocessing.get_context("fork")
        startup.append(warm_up(opts.config, sample_texts(todo[0], opts)))
        # Keep the cyclic garbage collector off the loaded tables: its
        # bookkeeping writes would copy every page of them into each worker.
        gc.freeze()
    else:
        ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue() if progress.enabled else None
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                               initargs=(opts, queue))
    try:
        pending: set[Future[dict[str, Any]]] = {pool.submit(_worker_task, j) for j in todo}
        while pending:
            done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            while queue is not None and not queue.empty():
                progress.update(*queue.get())
            for fut in done:
                finished(fut.result())
            progress.update()
    except BaseException:
        # Stop the workers now: their partial files are removed by the caller.
        for proc in list(getattr(pool, "_processes", {}).values()):
            proc.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _merge_errors(jobs: list[Job], failed: dict[str, str], path: Path) -> None:
    with open(part_path(path), "wb") as out:
        for job in jobs:
            if job.rel in failed:
                obj = {"input": str(job.input), "line": None, "id": None,
                       "outcome": "file_failed", "reason": failed[job.rel]}
                out.write(_dumps(obj) + b"\n")
                continue
            try:
                with open(job.errors, "rb") as f:
                    while chunk := f.read(1 << 20):
                        out.write(chunk)
            except FileNotFoundError:
                pass
    os.replace(part_path(path), path)


def _summary(total: Tally, now: Tally, resumed: Tally, wall: float, startup: list[float],
             failed: dict[str, str], opts: Options, workers: int, shard: str | None,
             jobs: list[Job]) -> dict[str, Any]:
    steps = sorted(set(total.edits) | set(total.chars))
    return {
        "format": "textrepair-batch-summary/1",
        "textrepair": __version__,
        "log_header": log_header(opts.config),
        "options": {"text_key": opts.text_key, "id_key": opts.id_key, "log": opts.log,
                    "timeout": opts.timeout, "workers": workers, "shard": shard},
        "files": {"total": len(jobs), "done_now": now.files, "done_before": resumed.files,
                  "failed": len(failed), "empty": total.empty_files},
        "documents": {"seen": total.docs, **{k: getattr(total, k) for k in OUTCOMES}},
        "blank_lines": total.blank_lines,
        "steps": {s: {"edits": total.edits[s], "chars_changed": total.chars[s],
                      "docs_changed": total.docs_by_step[s]} for s in steps},
        "counters": dict(sorted(total.counters.items())),
        "this_run": {
            "documents": now.docs, "mb": round(now.bytes_in / 1e6, 3),
            "wall_s": round(wall, 2),
            "docs_per_s": round(now.docs / wall, 2) if wall else 0.0,
            "mb_per_s": round(now.bytes_in / 1e6 / wall, 4) if wall else 0.0,
            "worker_s": round(now.seconds, 2),
            "startup_s": [round(s, 2) for s in startup],
        },
    }


def format_summary(s: dict[str, Any]) -> str:
    """The short table printed at the end of a run."""
    d, f, r = s["documents"], s["files"], s["this_run"]
    lines = [
        f"textrepair batch: {f['total']} files ({f['done_before']} done before, "
        f"{f['failed']} failed, {f['empty']} empty); this run {r['documents']:,} documents, "
        f"{r['mb']:,.1f} MB in {r['wall_s']:,.1f} s: {r['docs_per_s']:,.1f} docs/s, "
        f"{r['mb_per_s']:.2f} MB/s",
        "",
        "| documents | changed | unchanged | passed through | rejected |",
        "|---|---|---|---|---|",
        f"| {d['seen']:,} | {d['changed']:,} | {d['unchanged']:,} | "
        f"{d['passed_through']:,} | {d['rejected']:,} |",
    ]
    if s["steps"]:
        lines += ["", "| step | documents | edits | characters |", "|---|---|---|---|"]
        lines += [f"| {name} | {v['docs_changed']:,} | {v['edits']:,} | {v['chars_changed']:,} |"
                  for name, v in s["steps"].items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())

