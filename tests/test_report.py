"""``textrepair report``: hunks, escaping, sampling, logs and the command line.

The page in a real browser is tested in ``test_report_browser.py``.
"""

from __future__ import annotations

import base64
import doctest
import hashlib
import re
from pathlib import Path

import pytest
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import textrepair.report as report
from textrepair import Change, ChangeLogError, repair
from textrepair.cli import main as cli_main
from textrepair.report import Document, Hunk, build_report, hunks
from textrepair.report_assets import SCRIPT

DAMAGED = "It ’s rare , but ( FDA ) says so .\n"
# Text that must show as text in the page and never run.
HOSTILE = (
    "<script>alert(1)</script> &amp; <img src=x onerror=\"alert(2)\"> "
    "It ’s rare , but it happens .\n"
)


def page_for(docs: list[Document], **kwargs: int) -> str:
    page, _ = build_report(docs, **kwargs)  # type: ignore[arg-type]
    return page


def test_doctests() -> None:
    assert doctest.testmod(report, optionflags=doctest.ELLIPSIS).failed == 0


# --- hunks ------------------------------------------------------------------

A = Change("step_a", 1, 2, " ", "", "a", 1.0, 1, 2)  # "x y" -> "xy"
B = Change("step_b", 0, 2, "xy", "z", "b", 0.5, 0, 3)  # edits what A made: spans A's region


@pytest.mark.parametrize(
    ("text", "changes", "expected"),
    [
        pytest.param("x y", [A], [Hunk(1, 2, " ", "", (A,))], id="deletion"),
        pytest.param(
            "xy", [Change("s", 1, 1, "", " ", "r", 1.0, 1, 1)],
            [Hunk(1, 1, "", " ", (Change("s", 1, 1, "", " ", "r", 1.0, 1, 1),))],
            id="insertion",
        ),
        pytest.param("x y", [A, B], [Hunk(0, 3, "x y", "z", (A, B))], id="edit-of-an-edit"),
        pytest.param(
            "a , b .",
            [Change("s", 1, 2, " ", "", "r", 1.0, 1, 2),
             Change("s", 4, 5, " ", "", "r", 1.0, 5, 6)],
            [
                Hunk(1, 2, " ", "", (Change("s", 1, 2, " ", "", "r", 1.0, 1, 2),)),
                Hunk(5, 6, " ", "", (Change("s", 4, 5, " ", "", "r", 1.0, 5, 6),)),
            ],
            id="two-apart",
        ),
        pytest.param(
            "ab",
            [Change("s", 1, 1, "", " ", "r", 1.0, 1, 1),
             Change("t", 2, 3, "b", "B", "r", 1.0, 1, 2)],
            [Hunk(1, 2, "b", " B", (Change("s", 1, 1, "", " ", "r", 1.0, 1, 1),
                                    Change("t", 2, 3, "b", "B", "r", 1.0, 1, 2)))],
            id="touching-steps-merge",
        ),
        pytest.param("same", [], [], id="no-changes"),
    ],
)
def test_hunks(text: str, changes: list[Change], expected: list[Hunk]) -> None:
    assert hunks(text, changes) == expected


def test_hunks_refuse_a_log_of_another_text() -> None:
    with pytest.raises(ChangeLogError):
        hunks("abc", [Change("s", 0, 1, "x", "y", "r")])


def test_hunks_refuse_original_offsets_outside_the_input() -> None:
    with pytest.raises(ChangeLogError):
        hunks("abc", [Change("s", 0, 1, "a", "b", "r", 1.0, 5, 6)])


TOKENS = st.sampled_from(
    ["It", "’s", " ", " ,", " .", "( ", " )", "do", " n't", "patientsare", "\n", "system\ufffds",
     "the", "cistron", "affected role", "rare", "â€™", "treat ment", "FDA", "\u00e9"]
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TOKENS, max_size=40).map("".join))
def test_hunks_rebuild_the_output_of_any_run(text: str) -> None:
    result = repair(text)
    parts, pos = [], 0
    for h in hunks(text, result.changes):
        assert text[h.start : h.end] == h.before
        parts += [text[pos : h.start], h.after]
        pos = h.end
    assert "".join(parts) + text[pos:] == result.text


# --- the page ---------------------------------------------------------------


def test_input_text_is_escaped_everywhere() -> None:
    changes = repair(HOSTILE).changes
    assert changes
    evil = Change('"><img src=y onerror=alert(3)>', 0, 0, "", "<b>bold", "<script>x</script>", 1.0)
    page = page_for([
        Document("<script>alert(4)</script>.txt", HOSTILE, changes),
        Document("x.txt", "", [evil]),
    ])
    assert "<script>alert" not in page
    assert "<img" not in page
    assert "<b>bold" not in page
    assert page.count("<script") == 1  # the page's own
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&amp;amp;" in page
    assert "&lt;script&gt;alert(4)&lt;/script&gt;.txt" in page


def test_content_security_policy_allows_only_the_pages_own_script() -> None:
    page = page_for([Document("a.txt", DAMAGED, repair(DAMAGED).changes)])
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert csp is not None
    assert "default-src 'none'" in csp.group(1)
    assert f"script-src 'sha256-{digest}'" in csp.group(1)
    assert f"<script>{SCRIPT}</script>" in page


def test_page_is_self_contained() -> None:
    page = page_for([Document("a.txt", DAMAGED, repair(DAMAGED).changes)])
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "@import" not in page
    assert "url(" not in page


def test_edits_carry_step_reason_and_confidence() -> None:
    changes = repair(DAMAGED).changes
    page = page_for([Document("a.txt", DAMAGED, changes)])
    assert page.count('class="e ') == len(hunks(DAMAGED, changes))
    for c in changes:
        assert html_escape(c.reason) in page
    data = re.findall(r'class="e [^"]*" tabindex="0" data-e="([^"]*)"', page)
    assert len(data) == len(hunks(DAMAGED, changes))
    assert all(re.fullmatch(r"\d+ [\d.]+ \d+(;\d+ [\d.]+ \d+)*", d) for d in data)


def html_escape(s: str) -> str:
    import html

    return html.escape(s, quote=True)


def test_deleted_whitespace_is_visible() -> None:
    page = page_for([Document("a.txt", "a , b", [Change("s", 1, 2, " ", "", "r", 1.0, 1, 2)])])
    assert '<del class="ws">␣</del><span class="o"> </span>' in page


def test_documents_without_edits_are_listed_not_drawn() -> None:
    page, summary = build_report([
        Document("clean.txt", "Fine text.", []),
        Document("damaged.txt", DAMAGED, repair(DAMAGED).changes),
    ])
    assert page.count('<section class="doc"') == 1
    assert "<li>clean.txt</li>" in page
    assert (summary.documents, summary.changed) == (2, 1)


def test_a_log_that_does_not_fit_is_named_in_the_page() -> None:
    wrong = Change("s", 0, 3, "xyz", "", "r", 1.0, 0, 3)
    page, summary = build_report([Document("a.txt", DAMAGED, [wrong])])
    assert summary.errors == 1
    assert "change log does not fit" in page
    assert html_escape(DAMAGED.strip()) in page  # the text still shows


def many_documents(n: int) -> list[Document]:
    return [Document(f"doc{i:03}.txt", DAMAGED, repair(DAMAGED).changes) for i in range(n)]


def drawn(page: str) -> list[str]:
    return re.findall(r'<span class="docname">([^<]*)</span>', page)


def test_many_documents_are_sampled_and_the_page_says_so() -> None:
    page, summary = build_report(many_documents(30), max_docs=10)
    assert len(drawn(page)) == 10
    assert summary.changed == 30
    assert "Showing 10 of the 30 documents with edits" in page
    assert drawn(page) == sorted(drawn(page))  # in input order


def test_the_sample_does_not_depend_on_input_order() -> None:
    docs = many_documents(30)
    forward = drawn(page_for(docs, max_docs=10))
    backward = drawn(page_for(docs[::-1], max_docs=10))
    assert sorted(forward) == sorted(backward)


def test_page_size_reaches_the_script() -> None:
    assert 'data-page-size="7"' in page_for(many_documents(2), page_size=7)


def test_step_colours_follow_pipeline_order() -> None:
    changes = [Change("restore_spun_words", 0, 1, "a", "b", "r", 1.0, 0, 1),
               Change("unknown_step", 1, 2, "c", "d", "r", 1.0, 1, 2)]
    page = page_for([Document("a.txt", "ac", changes)])
    chips = re.findall(r'<label class="chip s(\d+)"><input [^>]*> ([a-z_]+)</label>', page)
    assert [name for _, name in chips] == ["restore_spun_words", "unknown_step"]
    assert int(chips[1][0]) > int(chips[0][0])


# --- command line -----------------------------------------------------------


def test_report_from_logs_matches_report_from_repair(tmp_path: Path) -> None:
    logs = []
    for src in SEEDS:
        log = tmp_path / (src.stem + ".log.jsonl")
        assert cli_main([str(src), "-o", str(tmp_path / src.name), "--log", str(log)]) == 0
        logs.append(str(log))
    inputs = [str(p) for p in SEEDS]
    direct, from_logs, from_dir = tmp_path / "a.html", tmp_path / "b.html", tmp_path / "c.html"
    assert cli_main(["report", *inputs, "-o", str(direct)]) == 0
    assert cli_main(["report", *inputs, "--logs", *logs, "-o", str(from_logs)]) == 0
    assert cli_main(["report", *inputs, "--log-dir", str(tmp_path), "-o", str(from_dir)]) == 0

    def body(path: Path) -> str:
        return path.read_text(encoding="utf-8").split('<section id="summary"', 1)[1]

    assert body(direct) == body(from_logs) == body(from_dir)
    assert f"made every edit ({len(SEEDS)} documents)" in body(direct)
    assert html_escape('"min_confidence": 0.0') in body(direct)
    assert body(direct).count('<section class="doc"') == sum(
        1 for p in SEEDS if repair(p.read_text(encoding="utf-8")).changes
    )


def test_logs_must_pair_with_inputs(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        cli_main(["report", str(SEEDS[0]), str(SEEDS[1]), "--logs", "a.jsonl",
                  "-o", str(tmp_path / "r.html")])
    assert exc.value.code == 2


def test_a_log_of_another_input_exits_4_and_still_writes(tmp_path: Path) -> None:
    damaged = tmp_path / "d.txt"
    damaged.write_text(DAMAGED, encoding="utf-8")
    log = tmp_path / "d.log.jsonl"
    assert cli_main([str(damaged), "-o", str(tmp_path / "out.txt"), "--log", str(log)]) == 0
    other = tmp_path / "other.txt"
    other.write_text("Something else entirely , here .\n", encoding="utf-8")
    out = tmp_path / "r.html"
    assert cli_main(["report", str(other), "--logs", str(log), "-o", str(out)]) == 4
    assert "change log does not fit" in out.read_text(encoding="utf-8")


def test_missing_input_exits_3(tmp_path: Path) -> None:
    assert cli_main(["report", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "r.html")]) == 3



def rendered_texts(path: Path) -> list[str]:
    return re.findall(r'<div class="text">(.*?)</div></section>', path.read_text("utf-8"), re.S)


def test_batch_sidecar_and_inline_logs_give_the_same_page(tmp_path: Path) -> None:
    import json

    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": "a", "text": DAMAGED}, {"id": "b", "text": "Fine."}, {"other": 1},
               {"id": "c", "text": HOSTILE}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    side, inline = tmp_path / "side", tmp_path / "inline"
    assert cli_main(["batch", str(corpus), "-o", str(side)]) == 0
    assert cli_main(["batch", str(corpus), "-o", str(inline), "--log", "inline"]) == 0
    pages = {name: tmp_path / f"{name}.html" for name in ("direct", "sidecar", "dir", "inline")}
    assert cli_main(["report", str(corpus), "-o", str(pages["direct"])]) == 0
    assert cli_main(["report", str(corpus), "--logs", str(side / "corpus.changes.jsonl"),
                     "-o", str(pages["sidecar"])]) == 0
    assert cli_main(["report", str(corpus), "--log-dir", str(side), "-o", str(pages["dir"])]) == 0
    assert cli_main(["report", str(inline / "corpus.jsonl"), "-o", str(pages["inline"])]) == 0
    expected = rendered_texts(pages["direct"])
    assert len(expected) == 2
    for name in ("sidecar", "dir", "inline"):
        assert rendered_texts(pages[name]) == expected, name
    assert "made every edit (3 documents)" in pages["sidecar"].read_text("utf-8")
    assert "versions or configurations" not in pages["inline"].read_text("utf-8")
    assert f"{corpus}:1 (a)" in pages["sidecar"].read_text("utf-8")
    assert "<li>" + html_escape(f"{corpus}:2 (b)") + "</li>" in pages["sidecar"].read_text("utf-8")


def test_not_a_batch_log_is_named_in_the_page(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"text": "It \\u2019s rare , but true ."}\n', encoding="utf-8")
    bogus = tmp_path / "bogus.jsonl"
    bogus.write_text('{"format": "something else"}\n', encoding="utf-8")
    out = tmp_path / "r.html"
    assert cli_main(["report", str(corpus), "--logs", str(bogus), "-o", str(out)]) == 4
    assert "not a textrepair batch log" in out.read_text("utf-8")
