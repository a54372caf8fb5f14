"""Damage: Penn-Treebank token spacing, as article spinners leave it.

Every paragraph is tokenized the way a spinner's tokenizer does it and joined
back with spaces: space before , . ; : ? ! ) % and after ( $, contractions
split ("do n't", "it 's"), straight double quotes spaced on both sides, and
some hyphens spaced ("long - term"). Curly quotes and dashes are left alone.
"""

from __future__ import annotations

import random
import re

import ftfy
from nltk.tokenize.treebank import TreebankWordDetokenizer
from sacremoses import MosesDetokenizer

NAME = "ptb_spacing"
STEPS = None

_PUNCT = re.compile(r"(?<=\S)(?=[,;:?!)%]|\.(?:\s|$))")
_OPEN = re.compile(r"(?<=[($])(?=\S)")
_CONTRACTION = re.compile(r"(?<=\w)(?=n['’]t\b)|(?<=[^\Wn])(?=['’](?:s|re|ve|ll|d|m)\b)")
_QUOTE = re.compile(r'"([^"\n]+)"')
_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")


def damage(text: str, rng: random.Random) -> str:
    out = _PUNCT.sub(" ", text)
    out = _OPEN.sub(" ", out)
    out = _CONTRACTION.sub(" ", out)
    out = _QUOTE.sub(lambda m: f'" {m.group(1).strip()} "', out)
    out = _HYPHEN.sub(lambda m: " - " if rng.random() < 0.3 else "-", out)
    return out


_moses = MosesDetokenizer(lang="en")
_nltk = TreebankWordDetokenizer()


def _per_line(fix):  # type: ignore[no-untyped-def]
    return lambda text: "\n".join(fix(line) for line in text.split("\n"))


BASELINES = {
    "ftfy.fix_text": ftfy.fix_text,
    "ftfy + sacremoses detokenizer": _per_line(
        lambda line: _moses.detokenize(ftfy.fix_text(line).split())
    ),
    "nltk TreebankWordDetokenizer": _per_line(lambda line: _nltk.detokenize(line.split())),
}
