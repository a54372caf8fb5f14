"""The datatrove step on datatrove's local and Ray executors."""

from __future__ import annotations

import gzip
import json
import pickle
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove")

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from textrepair import Change, Config, undo  # noqa: E402
from textrepair.integrations.datatrove import TextRepairFormatter  # noqa: E402

DAMAGED = "It ’s rare , but ( FDA ) says so ."
REPAIRED = "It’s rare, but (FDA) says so."
CLEAN = "Aspirin is a common pain reliever."


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for part in range(2):
        recs = [{"id": f"{part}-{i}", "text": DAMAGED if i % 2 else CLEAN, "url": f"u{i}"}
                for i in range(4)]
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode()
        (src / f"part-{part}.jsonl.gz").write_bytes(gzip.compress(data))
    return src


def pipeline(src: Path, out: Path) -> list[Any]:
    return [JsonlReader(str(src)), TextRepairFormatter(), JsonlWriter(str(out))]


def outputs(out: Path) -> list[dict[str, Any]]:
    docs = []
    for path in sorted(out.glob("*.jsonl.gz")):
        docs += [json.loads(line) for line in gzip.decompress(path.read_bytes()).splitlines()]
    return sorted(docs, key=lambda d: d["id"])


def step_stats(logs: Path) -> dict[str, Any]:
    stats = json.loads((logs / "stats.json").read_text())
    (ours,) = [s for s in stats if "textrepair" in s["name"]]
    return {k: v["total"] if isinstance(v, dict) else v for k, v in ours["stats"].items()}


def check_run(out: Path, logs: Path) -> None:
    docs = outputs(out)
    assert len(docs) == 8
    for d in docs:
        original = DAMAGED if int(d["id"][-1]) % 2 else CLEAN
        assert d["text"] == (REPAIRED if original == DAMAGED else CLEAN)
        assert d["metadata"]["url"].startswith("u")
        changes = [Change.from_json(c) for c in d["metadata"].get("textrepair", {}).get("changes", [])]
        assert undo(d["text"], changes) == original
    stats = step_stats(logs)
    assert stats["documents"] == 8 and stats["changed"] == 4 and stats["unchanged"] == 4
    assert stats["detokenize_ptb_spacing.edits"] == 20
    assert stats["detokenize_ptb_spacing.docs"] == 4


def test_step_repairs_text_and_keeps_the_log_in_metadata() -> None:
    doc = Document(text=DAMAGED, id="1")
    (got,) = TextRepairFormatter()([doc])
    assert got.text == REPAIRED
    assert got.metadata["textrepair"]["changes"][0]["step"] == "detokenize_ptb_spacing"


def test_step_leaves_clean_text_and_its_metadata_alone() -> None:
    (got,) = TextRepairFormatter()([Document(text=CLEAN, id="1")])
    assert got.text == CLEAN and got.metadata == {}


def test_step_takes_a_config() -> None:
    step = TextRepairFormatter(Config().skip(["detokenize_ptb_spacing"]))
    (got,) = step([Document(text=DAMAGED, id="1")])
    assert got.text == DAMAGED


def test_step_pickles_with_its_config() -> None:
    step = pickle.loads(pickle.dumps(TextRepairFormatter(Config(min_confidence=0.5))))
    assert step.config.min_confidence == 0.5


def test_local_executor(inputs: Path, tmp_path: Path) -> None:
    out, logs = tmp_path / "out", tmp_path / "logs"
    LocalPipelineExecutor(pipeline(inputs, out), tasks=2, workers=2,
                          logging_dir=str(logs)).run()
    check_run(out, logs)


def start_ray(ray: Any, attempts: int = 3) -> None:
    """A local Ray instance; Ray gives its node 30 s to start, which a busy
    shared machine can miss, so try again before failing."""
    for attempt in range(attempts):
        try:
            ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
                     object_store_memory=100 * 1024 * 1024, ignore_reinit_error=True)
            return
        except Exception:
            ray.shutdown()
            if attempt == attempts - 1:
                raise


def test_ray_executor(inputs: Path, tmp_path: Path) -> None:
    ray = pytest.importorskip("ray")
    from datatrove.executor.ray import RayPipelineExecutor

    out, logs = tmp_path / "out", tmp_path / "logs"
    start_ray(ray)
    try:
        RayPipelineExecutor(pipeline(inputs, out), tasks=2, workers=2,
                            logging_dir=str(logs), mem_per_cpu_gb=0.25).run()
    finally:
        ray.shutdown()
    check_run(out, logs)


def test_step_passes_a_failing_document_through(monkeypatch: pytest.MonkeyPatch) -> None:
    from textrepair import batch

    def broken(text: str, config: Any = None) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(batch, "repair", broken)
    step = TextRepairFormatter()
    (got,) = step([Document(text=DAMAGED, id="1")])
    assert got.text == DAMAGED
    assert "RuntimeError: boom" in got.metadata["textrepair"]["passed_through"]
    assert step.stats["passed_through"].total == 1
