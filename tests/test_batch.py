"""textrepair batch: outputs, change logs, resume, shards, interrupts and bad input."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from textrepair import batch
from textrepair.batch import main
from textrepair.batchio import PART_SUFFIX, sidecar_name
from textrepair.changes import Change, read_log, replay

DAMAGED = "It ’s rare , but ( FDA ) says so ."
REPAIRED = "It’s rare, but (FDA) says so."
CLEAN = "Aspirin is a common pain reliever."


def write_jsonl(path: Path, records: list[Any], compress: bool = False) -> None:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    path.write_bytes(gzip.compress(data) if compress else data)


def read_lines(path: Path) -> list[bytes]:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return data.splitlines()


def records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in read_lines(path)]


def summary(out: Path) -> dict[str, Any]:
    return json.loads((out / "summary.json").read_text())


def errors(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]


def counts_add_up(s: dict[str, Any]) -> bool:
    d = s["documents"]
    return d["seen"] == d["changed"] + d["unchanged"] + d["passed_through"] + d["rejected"]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    recs = [{"id": i, "text": DAMAGED if i % 2 else CLEAN, "url": f"u{i}", "n": 1.5}
            for i in range(6)]
    write_jsonl(src / "a.jsonl", recs)
    write_jsonl(src / "sub" / "b.jsonl.gz", recs[:3], compress=True)
    (src / "sub" / "c.txt").write_text(DAMAGED + "\n", encoding="utf-8")
    (src / "ignored.csv").write_text("x,y\n")
    return src


# --- outputs and logs ---

def test_outputs_mirror_names_directories_and_compression(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main([str(corpus), "-o", str(out), "--quiet"]) == 0
    assert (out / "a.jsonl").is_file()
    assert gzip.decompress((out / "sub" / "b.jsonl.gz").read_bytes())
    assert (out / "sub" / "c.txt").read_text(encoding="utf-8") == REPAIRED + "\n"
    assert not (out / "ignored.csv").exists()
    assert not list(out.rglob(f"*{PART_SUFFIX}"))


def test_jsonl_repairs_text_and_keeps_every_other_field(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    main([str(corpus), "-o", str(out), "--quiet"])
    got = records(out / "a.jsonl")
    assert [r["text"] for r in got] == [CLEAN, REPAIRED] * 3
    assert [(r["id"], r["url"], r["n"]) for r in got] == [(i, f"u{i}", 1.5) for i in range(6)]


def test_unchanged_records_are_byte_identical(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    main([str(corpus), "-o", str(out), "--quiet"])
    before, after = read_lines(corpus / "a.jsonl"), read_lines(out / "a.jsonl")
    assert after[0] == before[0]


def test_sidecar_is_aligned_with_the_output_and_replays(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    main([str(corpus), "-o", str(out), "--quiet"])
    side = out / "sub" / sidecar_name("b.jsonl.gz")
    header, *entries = [json.loads(x) for x in read_lines(side)]
    assert header["format"] == "textrepair-batch-log/1"
    assert "dictionaries" in header and "config" in header
    inputs, outputs = records(corpus / "sub" / "b.jsonl.gz"), records(out / "sub" / "b.jsonl.gz")
    assert [e["id"] for e in entries] == [r["id"] for r in outputs]
    for rin, rout, e in zip(inputs, outputs, entries):
        changes = [Change.from_json(c) for c in e["changes"]]
        assert replay(rin["text"], changes) == rout["text"]


def test_text_file_sidecar_is_a_single_file_change_log(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    main([str(corpus), "-o", str(out), "--quiet"])
    with open(out / "sub" / "c.txt.changes.jsonl", encoding="utf-8") as f:
        _, changes = read_log(f)
    assert replay(DAMAGED + "\n", changes) == REPAIRED + "\n"


def test_inline_log_adds_a_field_to_each_repaired_record(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    main([str(corpus / "a.jsonl"), "-o", str(out), "--log", "inline", "--log-key", "fixes",
          "--quiet"])
    got = records(out / "a.jsonl")
    assert got[0]["fixes"] == {"changes": []}
    assert replay(DAMAGED, [Change.from_json(c) for c in got[1]["fixes"]["changes"]]) == REPAIRED
    assert not (out / sidecar_name("a.jsonl")).exists()


def test_log_none_writes_no_sidecar(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    main([str(corpus / "a.jsonl"), "-o", str(out), "--log", "none", "--quiet"])
    assert not (out / sidecar_name("a.jsonl")).exists()


def test_text_and_id_keys(tmp_path: Path) -> None:
    src, out = tmp_path / "x.jsonl", tmp_path / "out"
    write_jsonl(src, [{"key": "k1", "body": DAMAGED}])
    assert main([str(src), "-o", str(out), "--text-key", "body", "--id-key", "key",
                 "--quiet"]) == 0
    assert records(out / "x.jsonl") == [{"key": "k1", "body": REPAIRED}]
    assert json.loads(read_lines(out / "x.changes.jsonl")[1])["id"] == "k1"


def test_zstd_input_keeps_its_compression(tmp_path: Path) -> None:
    zstandard = pytest.importorskip("zstandard")
    src, out = tmp_path / "z.jsonl.zst", tmp_path / "out"
    src.write_bytes(zstandard.ZstdCompressor().compress(
        (json.dumps({"id": 1, "text": DAMAGED}) + "\n").encode()))
    assert main([str(src), "-o", str(out), "--quiet"]) == 0
    data = zstandard.ZstdDecompressor().stream_reader((out / "z.jsonl.zst").read_bytes()).read()
    assert json.loads(data)["text"] == REPAIRED


def test_only_and_skip_select_steps(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    main([str(corpus / "a.jsonl"), "-o", str(out), "--skip", "detokenize_ptb_spacing",
          "--quiet"])
    assert "detokenize_ptb_spacing" not in summary(out)["steps"]


def test_summary_counts_and_per_step_table(corpus: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    main([str(corpus), "-o", str(out)])
    s = summary(out)
    assert s["documents"]["seen"] == 10 and s["documents"]["changed"] == 5
    assert counts_add_up(s)
    assert s["steps"]["detokenize_ptb_spacing"]["docs_changed"] == 5
    err = capsys.readouterr().err
    assert "| detokenize_ptb_spacing | 5 |" in err
    assert "\r" not in err  # no progress line when stderr is not a terminal


# --- safety, resume, shards, interrupts ---

def test_refuses_an_output_directory_inside_the_input(corpus: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(corpus), "-o", str(corpus / "out")]) == 2
    assert "inside input directory" in capsys.readouterr().err


def test_refuses_an_input_inside_the_output_directory(corpus: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(corpus / "a.jsonl"), "-o", str(corpus)]) == 2
    assert "inside the output directory" in capsys.readouterr().err


def test_rerun_skips_done_files_and_reports_the_whole_corpus(corpus: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    main([str(corpus), "-o", str(out), "--quiet"])
    first = summary(out)
    monkeypatch.setattr(batch, "process_file", None)  # would fail if called
    assert main([str(corpus), "-o", str(out), "--quiet"]) == 0
    again = summary(out)
    assert again["files"]["done_before"] == 3 and again["files"]["done_now"] == 0
    assert again["documents"] == first["documents"]


def test_overwrite_redoes_done_files(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    main([str(corpus), "-o", str(out), "--quiet"])
    main([str(corpus), "-o", str(out), "--quiet", "--overwrite"])
    assert summary(out)["files"]["done_now"] == 3


def test_a_changed_input_is_redone(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    main([str(corpus), "-o", str(out), "--quiet"])
    write_jsonl(corpus / "a.jsonl", [{"id": 9, "text": DAMAGED}])
    main([str(corpus), "-o", str(out), "--quiet"])
    assert summary(out)["files"]["done_now"] == 1
    assert records(out / "a.jsonl") == [{"id": 9, "text": REPAIRED}]


def test_shards_split_the_files_between_runs(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    main([str(corpus), "-o", str(out), "--shard", "0/2", "--quiet"])
    main([str(corpus), "-o", str(out), "--shard", "1/2", "--quiet"])
    s0 = json.loads((out / "summary.shard-0-of-2.json").read_text())
    s1 = json.loads((out / "summary.shard-1-of-2.json").read_text())
    assert s0["files"]["total"] + s1["files"]["total"] == 3
    assert s0["documents"]["seen"] + s1["documents"]["seen"] == 10


def test_bad_shard_is_a_usage_error(corpus: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(corpus), "-o", str(tmp_path / "o"), "--shard", "2/2"]) == 2
    assert "0 <= i < N" in capsys.readouterr().err


def test_interrupt_leaves_no_partial_output_and_resumes(corpus: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    real = batch.repair
    calls = {"n": 0}

    def interrupted(text: str, config: Any = None) -> Any:
        calls["n"] += 1
        if calls["n"] == 3:  # during the biggest file, a.jsonl
            raise KeyboardInterrupt
        return real(text, config)

    monkeypatch.setattr(batch, "repair", interrupted)
    monkeypatch.setattr(batch, "warm_up", lambda config=None: 0.0)
    assert main([str(corpus), "-o", str(out), "--quiet"]) == 130
    assert not (out / "a.jsonl").exists()
    assert not list(out.rglob(f"*{PART_SUFFIX}"))
    assert not list((out / ".textrepair" / "done").rglob("*.json"))
    monkeypatch.setattr(batch, "repair", real)
    assert main([str(corpus), "-o", str(out), "--quiet"]) == 0
    assert len(records(out / "a.jsonl")) == 6


def test_two_workers_give_the_same_outputs(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    main([str(corpus), "-o", str(one), "--quiet"])
    assert main([str(corpus), "-o", str(two), "--quiet", "--workers", "2"]) == 0
    for name in ("a.jsonl", "sub/c.txt", "a.changes.jsonl"):
        assert (one / name).read_bytes() == (two / name).read_bytes()
    assert summary(two)["documents"] == summary(one)["documents"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGALRM")
def test_time_limit_raises_in_the_block() -> None:
    with pytest.raises(batch.DocumentTimeout), batch.time_limit(0.05):
        while True:
            pass


# --- bad input loses nothing: one test each ---

def bad_run(tmp_path: Path, name: str, data: bytes, *extra: str) -> tuple[Path, dict[str, Any]]:
    src, out = tmp_path / name, tmp_path / "out"
    src.write_bytes(data)
    code = main([str(src), "-o", str(out), "--quiet", *extra])
    assert code == 0
    s = summary(out)
    assert counts_add_up(s)
    return out, s


def test_undecodable_bytes_in_a_line_pass_through(tmp_path: Path) -> None:
    bad = b'{"id": 2, "text": "caf\xe9 , ok ."}\n'
    good = json.dumps({"id": 1, "text": DAMAGED}).encode() + b"\n"
    out, s = bad_run(tmp_path, "x.jsonl", good + bad)
    assert read_lines(out / "x.jsonl")[1] + b"\n" == bad
    assert s["documents"] == {"seen": 2, "changed": 1, "unchanged": 0, "passed_through": 1,
                              "rejected": 0}
    (e,) = errors(out)
    assert e["line"] == 2 and e["reason"].startswith("line is not UTF-8 (byte 22: b'\\xe9')")


def test_undecodable_text_file_is_copied(tmp_path: Path) -> None:
    out, s = bad_run(tmp_path, "x.txt", b"caf\xe9 , ok .\n")
    assert (out / "x.txt").read_bytes() == b"caf\xe9 , ok .\n"
    assert s["documents"]["passed_through"] == 1
    assert "not UTF-8" in errors(out)[0]["reason"]


def test_binary_file_is_copied_unchanged(tmp_path: Path) -> None:
    data = bytes(range(256)) * 40
    out, s = bad_run(tmp_path, "x.jsonl", data)
    assert (out / "x.jsonl").read_bytes() == data
    assert s["documents"]["passed_through"] == 1
    assert errors(out)[0]["reason"].startswith("looks binary")


def test_empty_file_gives_an_empty_output(tmp_path: Path) -> None:
    out, s = bad_run(tmp_path, "x.jsonl.gz", gzip.compress(b""))
    assert gzip.decompress((out / "x.jsonl.gz").read_bytes()) == b""
    assert s["documents"]["seen"] == 0 and s["files"]["empty"] == 1
    assert errors(out)[0]["reason"].startswith("empty file")


def test_malformed_json_line_is_kept_in_the_errors_file(tmp_path: Path) -> None:
    good = json.dumps({"id": 1, "text": CLEAN}).encode() + b"\n"
    out, s = bad_run(tmp_path, "x.jsonl", good + b'{"id": 2, "text": "cut of\n' + good)
    assert len(read_lines(out / "x.jsonl")) == 2
    assert s["documents"]["rejected"] == 1 and s["documents"]["seen"] == 3
    (e,) = errors(out)
    assert e["line"] == 2 and e["raw"] == '{"id": 2, "text": "cut of'
    assert e["reason"].startswith("malformed JSON (Unterminated string")


def test_record_without_the_text_field_passes_through(tmp_path: Path) -> None:
    line = json.dumps({"id": 7, "body": DAMAGED}).encode() + b"\n"
    out, s = bad_run(tmp_path, "x.jsonl", line)
    assert (out / "x.jsonl").read_bytes() == line
    assert s["documents"]["passed_through"] == 1
    assert errors(out)[0] == {"input": str(tmp_path / "x.jsonl"), "line": 1, "id": 7,
                              "outcome": "passed_through",
                              "reason": "record has no 'text' field; passed through unchanged"}


@pytest.mark.parametrize("value", [None, 42, ["a", "b"], {"en": "x"}], ids=lambda v: type(v).__name__)
def test_non_string_text_passes_through(tmp_path: Path, value: Any) -> None:
    line = json.dumps({"id": 1, "text": value}).encode() + b"\n"
    out, s = bad_run(tmp_path, "x.jsonl", line)
    assert (out / "x.jsonl").read_bytes() == line
    assert s["documents"]["passed_through"] == 1
    assert "not a string" in errors(out)[0]["reason"]


def test_record_that_is_not_an_object_passes_through(tmp_path: Path) -> None:
    out, s = bad_run(tmp_path, "x.jsonl", b'["a list"]\n')
    assert (out / "x.jsonl").read_bytes() == b'["a list"]\n'
    assert "JSON list, not an object" in errors(out)[0]["reason"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGALRM")
def test_50_mb_single_line_document_hits_the_time_limit(tmp_path: Path) -> None:
    sentence = "The patient was treated with chemotherapy , and it ’s working . "
    text = (sentence * (50_000_000 // len(sentence) + 1))[:50_000_000]
    big = json.dumps({"id": "big", "text": text}, ensure_ascii=False).encode() + b"\n"
    small = json.dumps({"id": "small", "text": DAMAGED}).encode() + b"\n"
    out, s = bad_run(tmp_path, "x.jsonl", big + small, "--timeout", "1")
    lines = read_lines(out / "x.jsonl")
    assert lines[0] + b"\n" == big
    assert json.loads(lines[1])["text"] == REPAIRED
    assert s["documents"]["passed_through"] == 1 and s["documents"]["changed"] == 1
    (e,) = errors(out)
    assert e["id"] == "big" and e["reason"].startswith("time limit of 1 s exceeded (50,000,000")


def test_unreadable_gzip_fails_the_file_only(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "bad.jsonl.gz").write_bytes(b"not gzip at all")
    write_jsonl(src / "good.jsonl", [{"id": 1, "text": DAMAGED}])
    out = tmp_path / "out"
    assert main([str(src), "-o", str(out), "--quiet"]) == 1
    assert not (out / "bad.jsonl.gz").exists()
    assert records(out / "good.jsonl") == [{"id": 1, "text": REPAIRED}]
    (e,) = errors(out)
    assert e["outcome"] == "file_failed" and "BadGzipFile" in e["reason"]
    assert "could not be read" in capsys.readouterr().err


def test_a_failing_normaliser_passes_the_document_through(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str, config: Any = None) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(batch, "repair", broken)
    monkeypatch.setattr(batch, "warm_up", lambda config=None: 0.0)
    line = json.dumps({"id": 1, "text": DAMAGED}).encode() + b"\n"
    out, s = bad_run(tmp_path, "x.jsonl", line)
    assert (out / "x.jsonl").read_bytes() == line
    assert "textrepair failed: RuntimeError: boom" in errors(out)[0]["reason"]


def test_textrepair_batch_subcommand_runs_it(corpus: Path, tmp_path: Path) -> None:
    from textrepair.cli import main as cli_main

    assert cli_main(["batch", str(corpus / "a.jsonl"), "-o", str(tmp_path / "out"), "--quiet"]) == 0
    assert summary(tmp_path / "out")["documents"]["seen"] == 6


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM")
def test_sigterm_stops_a_run_like_ctrl_c(corpus: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import signal

    out = tmp_path / "out"

    def terminated(text: str, config: Any = None) -> Any:
        os.kill(os.getpid(), signal.SIGTERM)
        raise AssertionError("SIGTERM should have stopped the run")

    monkeypatch.setattr(batch, "repair", terminated)
    monkeypatch.setattr(batch, "warm_up", lambda config=None: 0.0)
    before = signal.getsignal(signal.SIGTERM)
    assert main([str(corpus), "-o", str(out), "--quiet"]) == 130
    assert signal.getsignal(signal.SIGTERM) == before
    assert not list(out.rglob(f"*{PART_SUFFIX}"))
    assert not list((out / ".textrepair" / "done").rglob("*.json"))
