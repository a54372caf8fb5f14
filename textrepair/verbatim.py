"""Spans of a text that no step may change: code.

Scraped pages and package descriptions carry code among their prose, and code
is no damaged English: "pbar" is no garbled "par", "buf" no "but", and a
doctest's spacing is not Penn-Treebank spacing. The pipeline drops every edit
that touches one of these spans (counted as ``<step>.left_in_code``). Only
forms that mark code unambiguously count, so prose loses nothing:

* fenced blocks (a line starting with ``` or ~~~ to the line that closes it,
  or to the end of the text);
* inline code: a run of backticks and the same run closing it on the same
  line ("`idna.encode`", "``python -m tqdm``"), and the GNU/TeX quote of a
  name ("`configure'"), the opening backtick not glued to a letter before it;
* interactive lines: a line starting with ">>>" (Python) or with "$ " and a
  lower-case command (a shell prompt; not "$ 5 million" in tokenized text);
* reStructuredText literal blocks: the lines indented deeper than a line that
  ends with "::" or is a ".. code::" (".. code-block::", ".. sourcecode::")
  directive, up to the first line indented no deeper.
"""

from __future__ import annotations

import regex

FENCE = regex.compile(r"^[ ]{0,3}(`{3,}|~{3,})", regex.MULTILINE)
INLINE = regex.compile(
    r"(?<![\p{L}\d`])(?P<ticks>`+)(?!\s)[^`\n]{1,200}?(?<!\s)(?P=ticks)(?!`)"
    r"|(?<![\p{L}\d`])`[\w.\-/]{1,60}'(?![\p{L}\d])"
)
PROMPT = regex.compile(r"^[ \t]*(?:>>>(?: .*)?|\$ [a-z].*)$", regex.MULTILINE)
LITERAL_INTRO = regex.compile(
    r"^(?P<indent>[ \t]*)(?:\.\. (?:code|code-block|sourcecode|doctest)::.*|\S.*::)[ \t]*$",
    regex.MULTILINE,
)


def code_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of code in ``text``, sorted, not merged.

    >>> t = "Run `pip install x` then:\\n\\n>>> import x\\n\\nDone."
    >>> [t[a:b] for a, b in code_spans(t)]
    ['`pip install x`', '>>> import x']
    """
    if "`" not in text and "~~~" not in text and "::" not in text and not PROMPT.search(text):
        return []
    spans = _fenced(text)
    spans += [m.span() for m in INLINE.finditer(text)]
    spans += [m.span() for m in PROMPT.finditer(text)]
    spans += _literal_blocks(text)
    return sorted(spans)


def _fenced(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = FENCE.search(text, pos)
        if m is None:
            return spans
        fence = regex.escape(m[1][0]) + "{" + str(len(m[1])) + ",}"
        closing = regex.compile(r"^[ ]{0,3}" + fence + r"[ \t]*$", regex.MULTILINE)
        line_end = text.find("\n", m.end())
        end_m = closing.search(text, line_end) if line_end >= 0 else None
        end = end_m.end() if end_m else len(text)
        spans.append((m.start(), end))
        pos = end


def _literal_blocks(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in LITERAL_INTRO.finditer(text):
        depth = len(m["indent"].expandtabs())
        pos = m.end() + 1
        start = end = pos
        while pos < len(text):
            line_end = text.find("\n", pos)
            line_end = len(text) if line_end < 0 else line_end
            line = text[pos:line_end]
            if line.strip():
                if len(line) - len(line.lstrip(" \t")) <= depth:
                    break
                end = line_end
            pos = line_end + 1
        if end > start:
            spans.append((start, end))
    return spans


def touches(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the edit [start, end) touches a span (an insertion at a span's
    edge does: "`x`" + "s" is no longer the code it was)."""
    return any(a <= end and start <= b for a, b in spans)
