"""``textrepair report``: one self-contained HTML page to review what changed.

    textrepair report seeds/*.txt -o report.html                        # repair, then report
    textrepair report seeds/*.txt --logs out/seeds/*.log.jsonl -o r.html  # report existing logs
    textrepair report in/*.txt --log-dir out/ -o r.html                 # find each input's log
    textrepair report corpus.jsonl --logs out/corpus.changes.jsonl      # textrepair batch sidecar
    textrepair report out/corpus.jsonl -o r.html                        # batch --log inline output

The page shows every document with its edits inline (deleted and inserted text,
one colour per normaliser); the step, reason and confidence of an edit appear
when it is hovered or focused with the keyboard. Filters turn normalisers off
and set a minimum confidence; a filtered-out edit shows the input text again,
which is roughly what ``--skip``/``--min-confidence`` would have produced.
Buttons and keys (n/p, ]/[) move between edits, documents and pages. A summary
at the top counts documents and edits per normaliser with a small bar chart.

How it scales: the summary counts every document. Only documents with edits
are drawn (documents without edits are listed by name, up to
:data:`MAX_NAMES`), at most ``--max-docs`` of them; beyond that a deterministic
sample is drawn (the documents whose names have the smallest SHA-1, so the same
inputs always give the same sample and adding inputs keeps most of it), and the
page says so. The browser shows ``--page-size`` documents at a time.

Every piece of input text, file name, step name and reason is escaped with
:func:`html.escape`; the only script is the page's own, and a
Content-Security-Policy allows nothing else (no network, no other script), so a
document holding ``<script>`` shows it as text and runs nothing.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import heapq
import html
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .changes import Change, ChangeLogError, read_log, replay, undo
from .cli import add_step_options, config_from_args
from .config import Config
from .pipeline import normalisers, repair
from .report_assets import PALETTE, SCRIPT, STYLE

EXIT_OK, EXIT_USAGE, EXIT_INPUT, EXIT_LOG = 0, 2, 3, 4
MAX_NAMES = 1000  # documents without edits listed by name at most
# Names a change log may have in --log-dir, for input NAME (STEM is NAME without
# its last suffix): the batch sidecar, then the `make seeds` / --log convention.
LOG_NAMES = ("{name}.changes.jsonl", "{stem}.log.jsonl", "{name}.log.jsonl")
BATCH_LOG_FORMAT = "textrepair-batch-log/1"  # textrepair.batch's sidecar of a JSON Lines file


@dataclass(frozen=True)
class Hunk:
    """A stretch of the input that changed: ``input[start:end]`` became
    ``after`` through ``changes`` (usually one; several when edits of different
    steps touch or one edits what another inserted)."""

    start: int
    end: int
    before: str
    after: str
    changes: tuple[Change, ...]


@dataclass
class Document:
    """One input text and the changes made to it (``error`` if they do not fit)."""

    name: str
    text: str
    changes: list[Change]
    error: str = ""
    hunks: list[Hunk] = field(default_factory=list)
    run: str = ""  # the version and configuration that made the changes, as JSON ("" unknown)


def hunks(text: str, changes: Sequence[Change]) -> list[Hunk]:
    """Group ``changes`` into the stretches of ``text`` they changed.

    Changes whose original spans (``orig_start``/``orig_end``) overlap or touch
    form one hunk. Raises :class:`ChangeLogError` when the changes do not fit
    ``text``.

    >>> from textrepair import repair
    >>> r = repair("It ’s rare , but true .")
    >>> [(h.start, h.before, h.after) for h in hunks("It ’s rare , but true .", r.changes)]
    [(2, ' ', ''), (10, ' ', ''), (21, ' ', '')]
    """
    output = replay(text, changes)
    groups: list[list[int]] = []  # [start, end, index, index, ...]
    for i in sorted(range(len(changes)), key=lambda i: (changes[i].orig_start, i)):
        c = changes[i]
        if not 0 <= c.orig_start <= c.orig_end <= len(text):
            raise ChangeLogError(f"{c.step} record: original span {c.orig_start}-{c.orig_end} "
                                 f"is outside the input ({len(text)} characters)")
        if groups and c.orig_start <= groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], c.orig_end)
            groups[-1].append(i)
        else:
            groups.append([c.orig_start, c.orig_end, i])
    result = []
    shift = 0  # output position minus input position after the hunks so far
    pieces = []
    pos = 0
    for start, end, *members in groups:
        grown = sum(len(changes[i].after) - len(changes[i].before) for i in members)
        out_start = start + shift
        after = output[out_start : out_start + end - start + grown]
        result.append(Hunk(start, end, text[start:end], after,
                           tuple(changes[i] for i in sorted(members))))
        pieces += [text[pos:start], after]
        pos = end
        shift += grown
    if "".join(pieces) + text[pos:] != output:
        raise ChangeLogError("the change records' original offsets do not fit this input")
    return result


# --- reading inputs and logs -------------------------------------------------


def load_documents(
    inputs: Sequence[str],
    logs: Sequence[str] | None,
    log_dir: str | None,
    config: Config,
    encoding: str = "utf-8",
    keys: tuple[str, str, str] = ("text", "id", "textrepair"),
) -> Iterator[Document]:
    """Documents from input files, with changes from their logs (``logs`` in
    the same order, or found in ``log_dir``) or from repairing them now.

    A text file is one document. A JSON Lines file (``.jsonl``, ``.jsonl.gz``,
    ``.jsonl.zst``) holds one document a record, in the field ``keys[0]``, named
    ``FILE:LINE (ID)`` with the id from ``keys[1]``. Its log is the
    ``textrepair batch`` sidecar (changes by line number); a record that carries
    its own log in ``keys[2]`` (``textrepair batch --log inline``) holds the
    repaired text, and the input is got back by undoing that log. Records
    without a text field are skipped (``textrepair batch`` passed them
    through). Raises ``cli.InputError`` for an input that cannot be read.
    """
    from .batchio import is_jsonl

    here = _run({"textrepair": __version__, "config": config.to_dict()})
    for n, name in enumerate(inputs):
        log_path: str | None = None
        if logs is not None:
            log_path = logs[n]
        elif log_dir is not None:
            log_path = find_log(name, log_dir)
        if is_jsonl(name):
            yield from _jsonl_documents(name, log_path, log_dir, config, keys, here)
            continue
        text = _read_text(name, encoding)
        if log_path is None and log_dir is not None:
            yield Document(name, text, [], f"no change log in {log_dir} (tried "
                           f"{', '.join(_log_names(name))})")
        elif log_path is None:
            yield Document(name, text, repair(text, config).changes, run=here)
        else:
            try:
                with open(log_path, encoding="utf-8") as f:
                    header, changes = read_log(f)
            except (OSError, ChangeLogError) as exc:
                yield Document(name, text, [], f"{log_path}: {exc}")
                continue
            yield Document(name, text, changes, run=_run(header))


def _read_text(name: str, encoding: str) -> str:
    from .batchio import compression_of, open_read
    from .cli import InputError, decode, read_input

    if name == "-" or not compression_of(name):
        return read_input(name, encoding)
    try:
        with open_read(Path(name)) as f:
            data = f.read()
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc}") from None
    return decode(data, encoding, name)


def _run(header: dict[str, Any]) -> str:
    """The version and configuration of a log header, as sorted JSON."""
    return json.dumps({"textrepair": header.get("textrepair"), "config": header.get("config")},
                      sort_keys=True, indent=1, ensure_ascii=False)


def _jsonl_documents(
    name: str, log_path: str | None, log_dir: str | None, config: Config,
    keys: tuple[str, str, str], here: str,
) -> Iterator[Document]:
    from .batchio import open_read
    from .cli import InputError

    text_key, id_key, log_key = keys
    by_line: dict[int, list[Change]] | None = None
    log_error = ""
    run = ""
    if log_path is not None:
        try:
            header, by_line = read_batch_log(log_path)
            run = _run(header)
        except (OSError, ValueError) as exc:
            log_error = f"{log_path}: {exc}"
    elif log_dir is not None:
        log_error = f"no change log in {log_dir} (tried {', '.join(_log_names(name))})"
    try:
        f = open_read(Path(name))
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc}") from None
    with f:
        for lineno, raw in enumerate(f, start=1):
            try:
                rec = json.loads(raw) if raw.strip() else None
            except ValueError:  # not UTF-8 or not JSON: batch passed it through
                continue
            if not isinstance(rec, dict) or not isinstance(rec.get(text_key), str):
                continue
            label = f"{name}:{lineno}"
            if rec.get(id_key) is not None:
                label += f" ({rec[id_key]})"
            text = rec[text_key]
            inline = rec.get(log_key)
            if isinstance(inline, dict) and isinstance(inline.get("changes"), list):
                try:
                    changes = [Change.from_json(c) for c in inline["changes"]]
                    yield Document(label, undo(text, changes), changes)
                except (ChangeLogError, TypeError) as exc:
                    yield Document(label, text, [], f"inline change log does not fit: {exc}")
            elif log_error:
                yield Document(label, text, [], log_error)
            elif by_line is not None:
                yield Document(label, text, by_line.get(lineno, []), run=run)
            else:
                yield Document(label, text, repair(text, config).changes, run=here)


def read_batch_log(path: str) -> tuple[dict[str, Any], dict[int, list[Change]]]:
    """The header and changes of a ``textrepair batch`` sidecar log, the
    changes by input line number.

    Its first line is a header with ``format`` ``textrepair-batch-log/1``; every
    further line is ``{"line": N, "id": ..., "changes": [...]}``.
    """
    from .batchio import open_read

    with open_read(Path(path)) as f:
        lines = iter(f)
        header = json.loads(next(lines, b"null"))
        if not isinstance(header, dict) or header.get("format") != BATCH_LOG_FORMAT:
            raise ChangeLogError(
                f"not a textrepair batch log (expected format {BATCH_LOG_FORMAT!r} in the header)"
            )
        by_line = {}
        for n, raw in enumerate(lines, start=2):
            if not raw.strip():
                continue
            try:
                entry = json.loads(raw)
                by_line[int(entry["line"])] = [Change.from_json(c) for c in entry["changes"]]
            except (KeyError, TypeError, ValueError) as exc:
                raise ChangeLogError(f"line {n}: {exc!r}") from None
    return header, by_line


def _log_names(name: str) -> list[str]:
    """The names a change log of input ``name`` may have (see :data:`LOG_NAMES`)."""
    from .batchio import is_jsonl, sidecar_name

    path = Path(name)
    if is_jsonl(path.name):
        return [sidecar_name(path.name)]
    return [p.format(name=path.name, stem=path.stem) for p in LOG_NAMES]


def find_log(name: str, log_dir: str) -> str | None:
    for candidate in _log_names(name):
        if (Path(log_dir) / candidate).is_file():
            return str(Path(log_dir) / candidate)
    return None


# --- the page ----------------------------------------------------------------


@dataclass
class Summary:
    """Counts over every document of the run, drawn or not."""

    documents: int = 0
    changed: int = 0
    errors: int = 0
    edits: Counter[str] = field(default_factory=Counter)
    docs_by_step: Counter[str] = field(default_factory=Counter)
    confidence_sum: dict[str, float] = field(default_factory=dict)
    unchanged_names: list[str] = field(default_factory=list)
    runs: Counter[str] = field(default_factory=Counter)  # documents by version and configuration

    def add(self, doc: Document) -> None:
        self.documents += 1
        self.runs[doc.run] += 1
        if doc.error:
            self.errors += 1
        elif doc.changes:
            self.changed += 1
        elif len(self.unchanged_names) < MAX_NAMES:
            self.unchanged_names.append(doc.name)
        for c in doc.changes:
            self.edits[c.step] += 1
            self.confidence_sum[c.step] = self.confidence_sum.get(c.step, 0.0) + c.confidence
        self.docs_by_step.update({c.step for c in doc.changes})


def step_order(names: Iterable[str]) -> list[str]:
    """Steps in pipeline order; steps this version does not know (from an
    older or newer log) after them, by name."""
    known = [n.name for n in normalisers()]
    names = set(names)
    return [n for n in known if n in names] + sorted(names - set(known))


def step_classes() -> dict[str, int]:
    """A fixed colour index per known step, so a step keeps its colour from
    report to report."""
    return {n.name: i for i, n in enumerate(normalisers())}


def build_report(
    documents: Iterable[Document],
    *,
    title: str = "textrepair report",
    source: str = "",
    max_docs: int = 1000,
    page_size: int = 20,
) -> tuple[str, Summary]:
    """The HTML page for ``documents`` and the summary it shows."""
    summary = Summary()
    kept: list[tuple[int, int, Document]] = []  # heap of (-hash, -index, doc)
    for index, doc in enumerate(documents):
        if not doc.error:
            try:
                doc.hunks = hunks(doc.text, doc.changes)
            except ChangeLogError as exc:
                doc.error = f"change log does not fit: {exc}"
        if doc.error:
            doc.changes = []
        summary.add(doc)
        if not (doc.changes or doc.error):
            continue
        key = int.from_bytes(hashlib.sha1(doc.name.encode("utf-8", "replace")).digest()[:8], "big")
        item = (-key, -index, doc)
        if len(kept) < max_docs:
            heapq.heappush(kept, item)
        elif item > kept[0]:
            heapq.heapreplace(kept, item)
    shown = [doc for _, _, doc in sorted(kept, key=lambda t: -t[1])]
    steps = step_order(summary.edits)
    colour_of = step_classes()
    for s in steps:
        colour_of.setdefault(s, len(colour_of))
    idx = {s: colour_of[s] for s in steps}
    reasons: dict[str, int] = {}  # each distinct reason once, referred to by number
    size = max(1, page_size)
    pages = [
        '<template class="page">'
        + "".join(_document(i, shown[i], idx, reasons) for i in range(first, first + size)
                  if i < len(shown))
        + "</template>"
        for first in range(0, len(shown), size)
    ]
    body = [
        _header(title, source, summary, len(shown)),
        _summary(summary, steps, idx),
        _toolbar(steps, idx, shown),
        '<noscript><p class="err">This page draws its documents with JavaScript; '
        "turn it on to see them.</p></noscript>",
        '<main id="view" class="mode-diff"></main>',
        *pages,
        '<ol id="reasons" hidden>' + "".join(f"<li>{_esc(r)}</li>" for r in reasons) + "</ol>",
        _unchanged(summary),
        '<footer><p><del>deleted</del> <ins>inserted</ins> · hover or focus (Tab) an edit '
        "for its step, reason and confidence · keys: <kbd>n</kbd>/<kbd>p</kbd> next/previous "
        "edit, <kbd>]</kbd>/<kbd>[</kbd> next/previous document</p></footer>",
    ]
    style = STYLE + "".join(
        f".s{i}{{--c:{PALETTE[i % len(PALETTE)]};--bg:{PALETTE[i % len(PALETTE)]}2e}}\n"
        for i in sorted(set(idx.values()))
    )
    csp = (
        "default-src 'none'; base-uri 'none'; form-action 'none'; "
        f"style-src '{_sha256(style)}'; script-src '{_sha256(SCRIPT)}'"
    )
    page = (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n<style>{style}</style>\n</head>\n"
        f'<body data-page-size="{size}">\n'
        + "\n".join(body)
        + f"\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )
    return page, summary


def _sha256(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _esc(s: str) -> str:
    return html.escape(s, quote=True)


def _header(title: str, source: str, summary: Summary, shown: int) -> str:
    with_edits = summary.changed + summary.errors
    if shown < with_edits:
        note = (
            f"Showing {shown:,} of the {with_edits:,} documents with edits: a deterministic "
            "sample (those whose names have the smallest SHA-1). The summary counts every "
            "document."
        )
    else:
        note = "Showing every document with edits; documents without edits are listed at the end."
    return (
        f"<header><h1>{_esc(title)}</h1>"
        f'<p class="meta">textrepair {_esc(__version__)}{" · " if source else ""}{_esc(source)}</p>'
        f'<p class="note" id="sample-note">{_esc(note)}</p></header>'
    )


def _summary(summary: Summary, steps: list[str], idx: dict[str, int]) -> str:
    total = sum(summary.edits.values())
    top = max(summary.edits.values(), default=1)
    rows = []
    for s in steps:
        n = summary.edits[s]
        width = round(160 * n / top)
        mean = summary.confidence_sum[s] / n
        rows.append(
            f'<tr class="s{idx[s]}"><th scope="row"><span class="swatch"></span>{_esc(s)}</th>'
            f"<td>{n:,}</td><td>{summary.docs_by_step[s]:,}</td><td>{mean:.2f}</td>"
            f'<td><svg class="bar" width="160" height="14" role="img" '
            f'aria-label="{n:,} edits"><rect width="{width}" height="14" rx="2"/></svg></td></tr>'
        )
    errors = (
        f', <b class="err">{summary.errors:,}</b> whose change log did not fit'
        if summary.errors else ""
    )
    return (
        '<section id="summary" aria-label="Summary">'
        f'<p class="totals"><b>{summary.documents:,}</b> documents: '
        f"<b>{summary.changed:,}</b> with edits, "
        f"<b>{summary.documents - summary.changed - summary.errors:,}</b> without{errors}; "
        f"<b>{total:,}</b> edits.</p>"
        '<table><thead><tr><th scope="col">normaliser</th><th scope="col">edits</th>'
        '<th scope="col">documents</th><th scope="col">mean confidence</th>'
        '<th scope="col">share of edits</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table>"
        + _runs(summary)
        + "</section>"
    )


def _runs(summary: Summary) -> str:
    """What made the changes: textrepair's version and configuration, from the
    logs (or this run), with how many documents each covers."""
    known = [(run, n) for run, n in summary.runs.most_common() if run]
    unknown = summary.runs.get("", 0)
    if not known:
        return ""
    if len(known) == 1 and not unknown:
        title = f"One textrepair version and configuration made every edit ({known[0][1]:,} " \
                "documents)"
    else:
        title = f"{len(known)} textrepair versions or configurations made the edits" + (
            f"; unknown for {unknown:,} documents (inline logs or unreadable logs)"
            if unknown else "")
    items = "".join(f"<li>{n:,} documents<pre>{_esc(run)}</pre></li>" for run, n in known)
    return f'<details class="runs"><summary>{_esc(title)}</summary><ul>{items}</ul></details>'



def _toolbar(steps: list[str], idx: dict[str, int], shown: list[Document]) -> str:
    chips = "".join(
        f'<label class="chip s{idx[s]}"><input type="checkbox" class="step-filter" '
        f'value="{idx[s]}" checked> {_esc(s)}</label>'
        for s in steps
    )
    options = "".join(
        f'<option value="{i}">{i + 1}. {_esc(doc.name)} ({len(doc.changes)})</option>'
        for i, doc in enumerate(shown)
    )
    return (
        '<nav id="toolbar" aria-label="Filters and navigation">'
        f'<div class="row" role="group" aria-label="Normalisers shown">{chips}</div>'
        '<div class="row"><label>minimum confidence <input type="range" id="min-conf" '
        'min="0" max="1" step="0.01" value="0"></label> <output id="min-conf-value" '
        'for="min-conf">0.00</output>'
        '<label>show <select id="mode"><option value="diff">changes</option>'
        '<option value="input">input</option><option value="output">output</option>'
        '</select></label>'
        '<span id="shown" aria-live="polite"></span></div>'
        '<div class="row">'
        '<button type="button" id="prev-edit" title="previous edit (p)">◀ edit</button>'
        '<button type="button" id="next-edit" title="next edit (n)">edit ▶</button>'
        '<button type="button" id="prev-doc" title="previous document ([)">◀ document</button>'
        f'<select id="doc-select" aria-label="Go to document">{options}</select>'
        '<button type="button" id="next-doc" title="next document (])">document ▶</button>'
        '<button type="button" id="prev-page">◀ page</button>'
        '<span id="page-label"></span>'
        '<button type="button" id="next-page">page ▶</button></div>'
        "</nav>"
    )


def _document(i: int, doc: Document, idx: dict[str, int], reasons: dict[str, int]) -> str:
    by_step = Counter(c.step for c in doc.changes)
    steps = "".join(
        f'<span class="step s{idx[s]}"><span class="swatch"></span>{_esc(s)} {n}</span>'
        for s, n in sorted(by_step.items(), key=lambda t: idx[t[0]])
    )
    head = (
        f'<h2 id="doc-{i}-name" tabindex="-1"><span class="docname">{_esc(doc.name)}</span> '
        f'<span class="count" data-n="{len(doc.changes)}">{len(doc.changes)} edits</span>'
        f"{steps}</h2>"
    )
    if doc.error:
        head += f'<p class="err">{_esc(doc.error)}</p>'
        body = _esc(doc.text)
    else:
        body = _render_text(doc.text, doc.hunks, idx, reasons)
    return (
        f'<section class="doc" id="doc-{i}" data-i="{i}" aria-labelledby="doc-{i}-name">'
        f'{head}<div class="text">{body}</div></section>'
    )


_SHOW_SPACE = str.maketrans({" ": "␣", "\n": "↵", "\t": "⇥", "\r": "␍"})


def _visible(s: str) -> str:
    """Deleted or inserted whitespace drawn as a symbol, so it can be seen."""
    return s.translate(_SHOW_SPACE) if s.isspace() else s


def _render_text(
    text: str, doc_hunks: list[Hunk], idx: dict[str, int], reasons: dict[str, int]
) -> str:
    out = []
    pos = 0
    for h in doc_hunks:
        out.append(_esc(text[pos : h.start]))
        out.append(_render_hunk(h, idx, reasons))
        pos = h.end
    out.append(_esc(text[pos:]))
    return "".join(out)


def _render_hunk(h: Hunk, idx: dict[str, int], reasons: dict[str, int]) -> str:
    """One edit: ``<del>``/``<ins>`` inside a focusable span whose ``data-e``
    lists its changes as ``step confidence reason`` numbers (the page's script
    builds the tooltip from them); kept small, as a page may hold 100,000."""
    data = ";".join(
        f"{idx[c.step]} {round(c.confidence, 3):g} {reasons.setdefault(c.reason, len(reasons))}"
        for c in h.changes
    )
    multi = " multi" if len({c.step for c in h.changes}) > 1 else ""
    inner = ""
    if h.before:
        if h.before.isspace():  # .o is what a filtered-out edit shows instead of the symbol
            inner += f'<del class="ws">{_esc(_visible(h.before))}</del>'
            inner += f'<span class="o">{_esc(h.before)}</span>'
        else:
            inner += f"<del>{_esc(h.before)}</del>"
    if h.after.isspace():  # .a is what the output view shows instead of the symbol
        inner += f'<ins class="ws">{_esc(_visible(h.after))}</ins>'
        inner += f'<span class="a">{_esc(h.after)}</span>'
    elif h.after:
        inner += f"<ins>{_esc(h.after)}</ins>"
    if not inner:
        inner = '<ins class="noop">∅</ins>'
    return (
        f'<span class="e s{idx[h.changes[0].step]}{multi}" tabindex="0" data-e="{data}">'
        f"{inner}</span>"
    )


def _unchanged(summary: Summary) -> str:
    n = summary.documents - summary.changed - summary.errors
    if not n:
        return ""
    names = "".join(f"<li>{_esc(name)}</li>" for name in summary.unchanged_names)
    more = f"<p>… and {n - len(summary.unchanged_names):,} more.</p>" if n > MAX_NAMES else ""
    return (
        f'<section id="unchanged"><details><summary>{n:,} document{"s" if n != 1 else ""} '
        f"without edits</summary><ul>{names}</ul>{more}</details></section>"
    )


# --- command line -------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="textrepair report",
        description="Write one self-contained HTML page (no external files, works offline) "
        "showing every edit of the inputs inline, with filters and navigation.",
        epilog="Without --logs/--log-dir the inputs are repaired now. Exit codes: 0 ok, "
        "2 usage, 3 unreadable input, 4 a change log that does not fit its input (the "
        "page is still written and names it).",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="the texts before repair: text files, or JSON Lines files of one "
                   "document a record (or the output of textrepair batch --log inline)")
    p.add_argument("-o", "--output", default="report.html",
                   help="the HTML file to write (default: report.html; - for stdout)")
    p.add_argument("--logs", nargs="+", metavar="LOG",
                   help="change logs (textrepair --log), one per INPUT in the same order")
    p.add_argument("--log-dir", metavar="DIR",
                   help="find each INPUT's log in DIR as NAME.changes.jsonl (textrepair batch) "
                   "or STEM.log.jsonl / NAME.log.jsonl")
    p.add_argument("--max-docs", type=int, default=1000, metavar="N",
                   help="draw at most N documents with edits; beyond that a deterministic "
                   "sample (default: 1000)")
    p.add_argument("--page-size", type=int, default=20, metavar="N",
                   help="documents a page in the browser (default: 20)")
    p.add_argument("--title", default="textrepair report", help="the page title")
    add_step_options(p, when="when repairing: ")
    p.add_argument("--encoding", default="utf-8", help="text file encoding (default: utf-8)")
    p.add_argument("--text-key", default="text", help="JSON Lines: the text field (default: text)")
    p.add_argument("--id-key", default="id", help="JSON Lines: the id field (default: id)")
    p.add_argument("--log-key", default="textrepair",
                   help="JSON Lines: the field of an inline change log (textrepair batch "
                   "--log inline; default: textrepair)")
    return p


def main(argv: list[str] | None = None) -> int:
    from .cli import InputError

    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.logs is not None and len(args.logs) != len(args.inputs):
        parser.error(f"--logs gave {len(args.logs)} logs for {len(args.inputs)} inputs; "
                     "give one log per input, in the same order (or use --log-dir)")
    if args.logs is not None and args.log_dir is not None:
        parser.error("give --logs or --log-dir, not both")
    if args.max_docs < 1 or args.page_size < 1:
        parser.error("--max-docs and --page-size must be at least 1")
    try:
        config = config_from_args(args)
    except ValueError as exc:
        print(f"textrepair report: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.logs is None and args.log_dir is None:
        source = "edits made by this report's own repair run"
    else:
        source = "edits read from change logs"
    docs = load_documents(args.inputs, args.logs, args.log_dir, config, args.encoding,
                          (args.text_key, args.id_key, args.log_key))
    try:
        page, summary = build_report(
            docs, title=args.title, source=source, max_docs=args.max_docs,
            page_size=args.page_size,
        )
    except InputError as exc:
        print(f"textrepair report: {exc}", file=sys.stderr)
        return EXIT_INPUT
    data = page.encode("utf-8", errors="replace")
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        Path(args.output).write_bytes(data)
    edits = sum(summary.edits.values())
    print(f"textrepair report: {summary.documents} documents, {summary.changed} with edits, "
          f"{edits} edits -> {args.output}", file=sys.stderr)
    if summary.errors:
        print(f"textrepair report: {summary.errors} change logs did not fit their inputs "
              "(named in the page)", file=sys.stderr)
        return EXIT_LOG
    return EXIT_OK
