"""Session 17 (helper ood17): false changes on clean technical English.

Generated examples, not outputs copied from a run: technical text coins
closed compounds of bare content words ("useradd", "metapackage"), quotes
the words it mentions, and writes code whose spacing is its own. None of it
may open the document gate of split_glued_words, nor pass for Penn-Treebank
spacing; glue of the kind link stripping leaves ("patientsare",
"thevoluntary", "levelsof") is still split, in the same document.
"""

from __future__ import annotations

import random

import pytest

from textrepair import Config, repair
from textrepair import boundaries as b
from textrepair.changes import apply_edits
from textrepair.registry import StepContext
from textrepair.spacing import detokenize_ptb_spacing

HEADS = ["user", "group", "file", "mode", "data", "word", "code", "page", "base", "line", "node"]
TAILS = ["add", "list", "type", "name", "path", "mod", "del", "set", "map", "view", "tool",
         "pool", "dump", "plug", "driver", "loader", "store"]
GATE_OFF = Config(boundary_doc_min_repairs=0, boundary_doc_min_rate=0)


def _compounds(rng: random.Random, n: int) -> list[str]:
    """``n`` closed compounds of two bare content words that split_glued_words
    would split with its gate off (no known bigram: nothing but their parts)."""
    return [head + tail for head, tail in _compound_parts(rng, n)]


def _compound_parts(rng: random.Random, n: int) -> list[tuple[str, str]]:
    found = []
    for head in HEADS:
        for tail in TAILS:
            word = head + tail
            if not b._could_split(word):
                continue
            split = b._best_split(word, {head, tail}, "")
            if split and split.parts == [head, tail] and not split.bigram:
                found.append((head, tail))
    rng.shuffle(found)
    assert len(found) >= n
    return found[:n]


def _technical_page(words: list[str]) -> str:
    """A README that names tools made of compounds: in prose, in a list."""
    lines = [
        "Accounts and their settings",
        "",
        f"Use {words[0]} and {words[1]} to create an entry, and {words[2]} to change it.",
        f"The {words[3]} program reads the user and group tables; see the {words[4]} page.",
        "Every file keeps its mode, and the data of each line is checked by the tool.",
        "",
        "The package installs these programs:",
        "",
        "    " + ", ".join(words[5:]),
        "",
        "Read the manual of each program before you use it on a shared system.",
    ]
    return "\n".join(lines) + "\n"


SENTENCES = [
    "Some patients are diagnosed with the disease every year in the country.",
    "The nerve cells that control the voluntary movement of muscles are damaged.",
    "People with the mutation have low levels of the protein in their blood.",
    "The researchers analyzed samples from the families of the patients.",
    "Treatments have had mixed results in the trials so far.",
    "It is not clear why some people recover and others do not.",
]
# Where link stripping glued two words: the word before and the word after.
GLUES = [("patients", "are"), ("the", "voluntary"), ("levels", "of"), ("have", "had"),
         ("why", "some"), ("analyzed", "samples")]


def _glued(sentences: list[str]) -> tuple[str, list[tuple[str, str]]]:
    text = "\n\n".join(sentences)
    done = [(left, right) for left, right in GLUES if f"{left} {right}" in text]
    for left, right in done:
        text = text.replace(f"{left} {right}", left + right, 1)
    assert done
    return text, done


def _split_changes(text: str, config: Config | None = None) -> list[str]:
    return [c.after for c in repair(text, config).changes if c.step == "split_glued_words"]


@pytest.mark.parametrize("seed", range(5))
def test_compounds_of_bare_words_do_not_open_the_gate(seed: int) -> None:
    words = _compounds(random.Random(seed), 9)
    page = _technical_page(words)
    assert _split_changes(page, GATE_OFF)  # they are candidates: the gate decides
    assert _split_changes(page) == []


def test_glue_of_the_seeds_kind_is_split_beside_compounds() -> None:
    words = _compounds(random.Random(0), 9)
    glued, glues = _glued(SENTENCES)
    result = repair(_technical_page(words) + "\n" + glued + "\n")
    for left, right in glues:
        assert left + right not in result.text
        assert f"{left} {right}" in result.text


def test_compound_shape() -> None:
    rng = random.Random(1)
    for head, tail in _compound_parts(rng, 20):
        assert b._compound_shaped(head + tail, [head, tail])
    # Function words, an inflected first word or a case change: glue.
    for parts in (["patients", "are"], ["the", "voluntary"], ["analyzed", "samples"],
                  ["stages", "treatment"], ["journal", "Neurology"], ["levels", "of"]):
        assert not b._compound_shaped("".join(parts), parts)
    # A bare verb and its particle is a compound ("swapoff"), an inflected one glue.
    assert b._compound_shaped("swapoff", ["swap", "off"])
    assert not b._compound_shaped("carriedout", ["carried", "out"])


def test_a_plural_is_the_same_glued_form() -> None:
    for word in _compounds(random.Random(2), 10):
        assert b._form(word + "s") == b._form(word)
    assert b._form("metaclasses") == b._form("metaclass")


def test_quoted_mentions_are_left_alone() -> None:
    glued, glues = _glued(SENTENCES)
    mention = "thenerve"  # quoted as an example, in a page whose gate is open
    text = glued + f'\n\nLink stripping leaves tokens such as "{mention}" behind.\n'
    out = apply_edits(text, b.split_glued_words(text, StepContext(Config(), "split_glued_words")))
    assert f'"{mention}"' in out
    for left, right in glues:
        assert f"{left} {right}" in out
    unquoted = text.replace(f'"{mention}"', mention)
    out = apply_edits(unquoted, b.split_glued_words(unquoted, StepContext(GATE_OFF, "split_glued_words")))
    assert "the nerve" in out  # the same token, used: split


def test_glue_in_code_spans_is_no_evidence() -> None:
    glued, glues = _glued(SENTENCES[:3])  # three glued forms: enough for the gate
    prose = "Ask the nurse on the ward whythe doors are closed at night.\n"
    fenced = "```\n" + glued + "\n```\n"
    assert _split_changes(prose, GATE_OFF)
    assert _split_changes(prose + fenced) == []  # the glue in code does not open the gate
    assert _split_changes(prose + glued + "\n")  # outside code it does


PTB_PARAGRAPH = (
    "The Food and Drug Administration ( FDA ) has approved it , but it ’s rare .\n"
    "Patients do n't always respond , and doctors say it 's too early .\n"
)


def _ptb(text: str) -> str:
    return apply_edits(text, detokenize_ptb_spacing(text, StepContext(Config(), "ptb")))


@pytest.mark.parametrize("seed", range(5))
def test_code_lines_keep_their_spacing(seed: int) -> None:
    rng = random.Random(seed)
    name = rng.choice(["cv", "f", "idx", "get"])
    calls = " , ".join(f"{name}({rng.randint(0, 9)},{rng.randint(0, 9)})" for _ in range(4))
    ident = "_".join(rng.choice(["PRE", "POST", "MEM", "READ", "WRITE"]) for _ in range(3))
    code = [
        f"# the qualifiers, e.g., {calls} in the pointer type",
        f"    {ident}( ... )",
        f"call {ident}( ... ) with 0 ( NULL ) as the first argument .",
    ]
    text = "\n".join(code) + "\n" + PTB_PARAGRAPH
    out = _ptb(text)
    assert out.split("\n")[:3] == code
    assert "(FDA)" in out and "don't" in out and "it's" in out and "respond," in out


def test_a_link_after_a_rejoined_bracket_is_no_signal() -> None:
    badges = "\n".join(
        f"[![{label}](https://img.example.org/{label}.svg)]( https://{label}.example.org)"
        for label in ("docs", "build", "coverage", "pypi", "chat")
    )
    assert _ptb(badges) == badges
    text = badges + "\n" + PTB_PARAGRAPH
    out = _ptb(text)
    assert out.startswith(badges) and "(FDA)" in out


def test_quoted_spacing_examples_are_no_signals() -> None:
    line = 'Treebank spacing (" , ", "( FDA )", "do n\'t", "it ’s", "1 %") is undone.'
    assert _ptb(line) == line
    assert _ptb(PTB_PARAGRAPH) != PTB_PARAGRAPH


def test_known_pdf_text_keeps_its_signals_beside_unspaced_brackets() -> None:
    # PDF extraction spaces commas and leaves "(1939)" as it is: with both
    # thresholds at 1 (Config.for_source("pdf")) the line is believed.
    line = "It was presented by Trubetzkoy (1939). On this level , one can see it (2002)."
    ctx = StepContext(Config().for_source("pdf"), "ptb")
    assert apply_edits(line, detokenize_ptb_spacing(line, ctx)) == line.replace(" ,", ",")
    assert _ptb(line) == line  # the default Config: unsure, left alone
