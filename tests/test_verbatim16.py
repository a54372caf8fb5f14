"""Code in a text is left as it is (textrepair/verbatim.py and the pipeline's
filter), and a backtick quoting a name is no sign of OCR."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from textrepair import Config, repair, replay, undo
from textrepair.patterns import OCR_GARBLE_MARK
from textrepair.verbatim import code_spans

PROSE = "The results , as shown in ( FDA ) data , were clear ."
FIXED = "The results, as shown in (FDA) data, were clear."


def spanned(text: str) -> list[str]:
    return [text[a:b] for a, b in code_spans(text)]


def test_each_kind_of_code_is_found() -> None:
    fenced = "```python\nx = f( a , b )\n```"
    inline = "``python -m tqdm``"
    quoted = "`configure'"
    prompt = ">>> pbar = tqdm( x )"
    shell = "$ echo done"
    literal = "    pbar.update( 10 )\n    buf.seek( 0 )"
    text = (f"Intro.\n{fenced}\nRun {inline} or {quoted} first.\n{prompt}\n{shell}\n"
            f"Example::\n\n{literal}\n\nBack to prose.")
    assert spanned(text) == [fenced, inline, quoted, prompt, shell, "\n" + literal]
    directive = ".. code:: python\n\n    x = 1\n\nProse again."
    assert spanned(directive) == ["\n    x = 1"]


def test_prose_has_no_code() -> None:
    for text in ("It`s fine, don`t worry, it`s ok.", "$ 5 million was spent.",
                 "... and then it stopped.", "The ratio was 2:1 and 3::4 in text.",
                 "A quote ‘like this’ and 'this' and `odd.", PROSE):
        assert code_spans(text) == [], text


def test_code_is_left_and_prose_around_it_repaired() -> None:
    code = "```\nx = f( a , b ) ; y = tbe [ 1 ]\n```"
    text = f"{PROSE}\n\n{code}\n\n{PROSE}\n"
    result = repair(text)
    assert result.text == f"{FIXED}\n\n{code}\n\n{FIXED}\n"
    assert result.stats["detokenize_ptb_spacing.left_in_code"] > 0
    assert replay(text, result.changes) == result.text
    assert undo(result.text, result.changes) == text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abcdefghijklmnop ,.()\n", min_size=1, max_size=80))
def test_fenced_content_is_never_changed(body: str) -> None:
    body = body.replace("```", "")
    code = f"```\n{body}\n```"
    text = f"{PROSE}\n{code}\n"
    result = repair(text, Config().gates_off())
    assert code in result.text
    assert undo(result.text, result.changes) == text


def test_a_backtick_at_a_word_edge_is_no_ocr_mark() -> None:
    assert OCR_GARBLE_MARK.search("Bi`d") and OCR_GARBLE_MARK.search("Bi~d")
    for quoted in ("`configure'", "``tqdm``", "`idna.encode`"):
        assert not OCR_GARBLE_MARK.search(quoted), quoted
    text = ("Run `configure' then ``make``; the pbar and buf objects and `idna` "
            "help. " * 3)
    assert repair(text, Config().only(["repair_ocr_garble"])).changes == []
