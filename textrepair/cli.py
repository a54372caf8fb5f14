"""Command line: ``textrepair [INPUT] [-o OUTPUT] [--log LOG] ...``.

Repairs one text file (or standard input) and writes the repaired text to
OUTPUT (or standard output, which then carries only the text). Subcommands
(``textrepair batch ...``, ``textrepair report ...``) have their own ``--help``.

Exit codes: 0 success; 2 bad usage or configuration; 3 input that cannot be
read (missing file, binary data, not in the given encoding); 4 a change log
that does not fit (``--replay``/``--undo``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

from . import __version__
from .changes import ChangeLogError, read_log, replay, undo, write_log
from .config import SOURCES, Config
from .pipeline import check_header, log_header, repair

# Subcommands live in their own modules, each with main(argv) -> int.
SUBCOMMANDS = {
    "batch": "textrepair.batch:main",
    "report": "textrepair.report:main",
}

EXIT_OK, EXIT_USAGE, EXIT_INPUT, EXIT_LOG = 0, 2, 3, 4


class InputError(Exception):
    """Input that cannot be read as text; the message says what to do."""


def decode(data: bytes, encoding: str, name: str) -> str:
    """Decode input bytes, refusing binary data with a clear message."""
    if b"\x00" in data[:8192]:
        raise InputError(
            f"{name} looks binary (it contains NUL bytes); textrepair reads text files only"
        )
    if encoding == "auto":
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError(f"{name}: could not guess its encoding; pass --encoding NAME")
        return str(best)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name} is not {encoding} (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
            f"pass --encoding latin-1 or --encoding auto"
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}; pass a Python codec name or auto") from None


def add_step_options(p: argparse.ArgumentParser, when: str = "") -> None:
    """--only, --skip, --min-confidence, --source and --set, shared by every command that repairs
    (``when`` prefixes their help, e.g. "when repairing: ")."""
    steps = Config().step_names()
    p.add_argument("--only", nargs="+", metavar="STEP", choices=steps,
                   help=f"{when}run only these steps")
    p.add_argument("--skip", nargs="+", metavar="STEP", choices=steps,
                   help=f"{when}skip these steps")
    p.add_argument("--min-confidence", type=float, metavar="X",
                   help=f"{when}make only edits with confidence >= X (0..1)")
    p.add_argument("--source", nargs="+", metavar="KIND", choices=list(SOURCES),
                   help=f"{when}the text is known to come from KIND ({', '.join(SOURCES)}): "
                   "open that damage's gates (for one pass over damaged text; clean text "
                   "needs the default gates)")
    p.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                   help=f"{when}set a Config field (repeatable), e.g. --set ocr_margin=2.5")


def config_from_args(args: argparse.Namespace) -> Config:
    """The Config that :func:`add_step_options`' flags ask for; ValueError if invalid."""
    config = Config().for_source(*(args.source or ()))
    for setting in args.set:
        config = config.with_setting(setting)
    if args.only:
        config = config.only(args.only)
    if args.skip:
        config = config.skip(args.skip)
    if args.min_confidence is not None:
        config = config.with_values(min_confidence=args.min_confidence)
    return config


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="textrepair",
        description="Repair damaged English prose and log every edit. "
        f"Subcommands: {', '.join(SUBCOMMANDS)} (textrepair SUBCOMMAND --help).",
        epilog="Exit codes: 0 ok, 2 usage, 3 unreadable input, 4 change log does not fit.",
    )
    p.add_argument("input", nargs="?", default="-", help="text file to repair (default: stdin)")
    p.add_argument("-o", "--output", default="-", help="where to write the text (default: stdout)")
    p.add_argument("--log", metavar="FILE", help="write the JSON Lines change log to FILE")
    p.add_argument("--explain", action="store_true", help="list the changes on stderr")
    p.add_argument("--stats", action="store_true", help="print per-step statistics on stderr")
    add_step_options(p)
    p.add_argument("--encoding", default="utf-8",
                   help="input encoding, or 'auto' to guess it (default: utf-8)")
    p.add_argument("--replay", metavar="LOG", help="apply LOG to the input instead of repairing")
    p.add_argument("--undo", metavar="LOG", help="undo LOG on the input (a repaired text)")
    p.add_argument("--version", action="version", version=f"textrepair {__version__}")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in SUBCOMMANDS:
        module, _, func = SUBCOMMANDS[argv[0]].partition(":")
        return int(getattr(importlib.import_module(module), func)(argv[1:]))
    args = build_parser().parse_args(argv)
    try:
        config = config_from_args(args)
    except ValueError as exc:
        print(f"textrepair: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        text = read_input(args.input, args.encoding)
    except InputError as exc:
        print(f"textrepair: {exc}", file=sys.stderr)
        return EXIT_INPUT

    if args.replay or args.undo:
        return replay_or_undo(text, args)

    result = repair(text, config)
    write_output(args.output, result.text)
    if args.log:
        with open(args.log, "w", encoding="utf-8") as f:
            write_log(f, log_header(config), result.changes)
    if args.explain:
        from .explain import format_changes, use_color

        sys.stderr.write(format_changes(result.changes, color=use_color(sys.stderr), text=text))
    if args.stats:
        stats = dict(sorted(result.stats.items()))
        stats["changes"] = len(result.changes)
        print(json.dumps(stats, indent=1), file=sys.stderr)
    return EXIT_OK


def replay_or_undo(text: str, args: argparse.Namespace) -> int:
    log_path = args.replay or args.undo
    try:
        with open(log_path, encoding="utf-8") as f:
            header, changes = read_log(f)
        for problem in check_header(header):
            print(f"textrepair: warning: dictionary differs: {problem}", file=sys.stderr)
        out = replay(text, changes) if args.replay else undo(text, changes)
    except (OSError, ChangeLogError) as exc:
        print(f"textrepair: {log_path}: {exc}", file=sys.stderr)
        return EXIT_LOG
    write_output(args.output, out)
    return EXIT_OK


def read_input(name: str, encoding: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read {name}: {exc.strerror}") from None
    # newline="" semantics: keep \r\n and \r exactly as they are.
    return decode(data, encoding, "standard input" if name == "-" else name)


def write_output(name: str, text: str) -> None:
    data = text.encode("utf-8", errors="surrogatepass")
    if name == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        Path(name).write_bytes(data)
