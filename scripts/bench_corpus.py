"""Corpus-scale run of ``textrepair batch``: a ~1 GB JSONL.gz corpus, interrupted and resumed.

Builds a corpus OUTSIDE the repository from the health documents
(``../shared/data/health/dev.jsonl``) repeated with new ids, a share of them
damaged by the kinds in ``scripts/eval_kinds/``, written as gzip shards; then:

1. **scaling**: the first shards (``--scale-mb``) with 1 and then 2 workers;
2. **full run** with ``--workers 2``: SIGINT after ``--interrupt-after``
   seconds (exit 130 expected, finished shards marked done), then the same
   command again to resume;
3. **checks**: output records == input records, the summary's counts add up.

Each run's wall time, CPU seconds of its process tree (``getrusage`` of the
waited-for children) and peak resident memory (sum over the process tree and
largest single process, and the sum of PSS, which splits pages the forked
workers share with the parent, sampled from ``/proc`` every second) are measured; the
machine's load average and the busiest other processes are printed, since
shared cores distort wall-time scaling. Prints Markdown.

    python scripts/bench_corpus.py --dir /tmp/textrepair-corpus --mb 1000 --shards 16
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evalkit import load_docs  # noqa: E402
from evaluate import load_kinds  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def build(dest: Path, mb: float, shards: int, damaged_share: float, seed: int) -> dict[str, Any]:
    """Write ``shards`` gzip JSONL files of about ``mb`` MB (uncompressed) in all."""
    dest.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    docs = load_docs()
    kinds = load_kinds(None)
    # One damaged variant per document, made once (some kinds are slow), reused.
    variants: list[tuple[str, str]] = []
    for doc in docs:
        usable = [k for k in kinds if getattr(k, "DOC_FILTER", lambda d: True)(doc)]
        kind = rng.choice(usable)
        variants.append((kind.NAME, kind.damage(doc["text"], rng)))
    outs = [gzip.open(dest / f"part-{i:05d}.jsonl.gz", "wb", compresslevel=6)
            for i in range(shards)]
    target, written, n, n_damaged = mb * 1e6, 0, 0, 0
    while written < target:
        i = n % len(docs)
        doc = dict(docs[i])
        doc["id"] = f"{doc['id']}#{n // len(docs)}"
        if rng.random() < damaged_share:
            doc["damage"], doc["text"] = variants[i]
            n_damaged += 1
        line = (json.dumps(doc, ensure_ascii=False) + "\n").encode("utf-8")
        outs[n % shards].write(line)
        written += len(line)
        n += 1
    for f in outs:
        f.close()
    gz = sum(p.stat().st_size for p in dest.glob("*.jsonl.gz"))
    return {"records": n, "damaged": n_damaged, "mb": written / 1e6, "gz_mb": gz / 1e6}


def count_records(folder: Path) -> int:
    n = 0
    for path in sorted(folder.glob("*.jsonl.gz")):
        if ".changes." in path.name:  # change-log sidecars
            continue
        with gzip.open(path, "rb") as f:
            n += sum(1 for line in f if line.strip())
    return n


def _pss(pid: int) -> int:
    """Proportional set size in bytes: shared pages split between their users."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _tree_rss(root: int) -> tuple[int, int, int]:
    """(sum RSS, max RSS, sum PSS) in bytes over ``root`` and its descendants."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:
            continue
        pid = int(entry)
        parent[pid] = int(fields["PPid"])
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
    tree = {root}
    changed = True
    while changed:
        changed = False
        for pid, ppid in parent.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                changed = True
    values = [rss.get(p, 0) for p in tree]
    return sum(values), max(values, default=0), sum(_pss(p) for p in tree)


# How often memory is sampled. Reading smaps_rollup walks a process's page
# tables under its memory-map lock, and scanning /proc costs CPU that the
# measured workers then lack: every 0.2 s cost the 2-worker run measurably.
SAMPLE_EVERY = 1.0


def run_batch(args: list[str], interrupt_after: float | None = None) -> dict[str, Any]:
    """Run ``textrepair batch ARGS``; measure wall, CPU and peak memory."""
    cmd = [sys.executable, "-m", "textrepair", "batch", *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    # A job started in the background by a shell ignores SIGINT, and so would
    # its children: give the run Python's default Ctrl-C handling back.
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    peak = {"sum": 0, "max": 0, "pss": 0}
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(SAMPLE_EVERY):
            total, biggest, pss = _tree_rss(proc.pid)
            peak["sum"] = max(peak["sum"], total)
            peak["max"] = max(peak["max"], biggest)
            peak["pss"] = max(peak["pss"], pss)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    if interrupt_after is not None:
        try:
            proc.wait(timeout=interrupt_after)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGINT)
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"cmd": " ".join(["textrepair", "batch", *args]), "code": proc.returncode,
            "wall_s": wall, "cpu_s": cpu, "peak_rss_sum_mb": peak["sum"] / 1e6,
            "peak_rss_max_mb": peak["max"] / 1e6, "peak_pss_mb": peak["pss"] / 1e6,
            "stderr": err}


def machine() -> str:
    load = os.getloadavg()
    top = subprocess.run(["ps", "-eo", "pcpu,etime,comm", "--sort=-pcpu"], capture_output=True,
                         text=True, check=False).stdout.splitlines()[:6]
    return (f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores; "
            "busiest processes:\n\n```\n" + "\n".join(top) + "\n```")


def row(label: str, r: dict[str, Any], docs: int, mb: float) -> str:
    return (f"| {label} | {r['code']} | {r['wall_s']:,.1f} | {r['cpu_s']:,.1f} | "
            f"{docs / r['wall_s']:,.1f} | {mb / r['wall_s']:.3f} | {docs / max(r['cpu_s'], 1e-9):,.1f} | "
            f"{r['peak_pss_mb']:,.0f} | {r['peak_rss_sum_mb']:,.0f} | {r['peak_rss_max_mb']:,.0f} |")


HEAD = ("| run | exit | wall s | CPU s | docs/s | MB/s | docs per CPU-s | peak PSS, all processes MB "
        "| peak RSS, all processes MB | peak RSS, largest process MB |\n"
        "|---|---|---|---|---|---|---|---|---|---|")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, default=Path("/tmp/textrepair-corpus"))
    ap.add_argument("--mb", type=float, default=1000.0, help="uncompressed corpus size")
    ap.add_argument("--shards", type=int, default=16)
    ap.add_argument("--damaged", type=float, default=0.3, help="share of damaged documents")
    ap.add_argument("--scale-mb", type=float, default=16.0,
                    help="size of the 1 vs 2 workers corpus (0 skips it)")
    ap.add_argument("--scale-shards", type=int, default=8,
                    help="shards of the scaling corpus (the unit a worker takes)")
    ap.add_argument("--scale-repeat", type=int, default=3,
                    help="1-worker/2-worker pairs to run, alternating")
    ap.add_argument("--interrupt-after", type=float, default=120.0, metavar="SECONDS")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--skip-full", action="store_true", help="only the scaling runs")
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[attr-defined]
    if REPO in args.dir.resolve().parents:
        raise SystemExit("--dir must be outside the repository")

    print(f"# textrepair batch at corpus scale\n\n`python scripts/bench_corpus.py "
          f"{' '.join(sys.argv[1:])}`\n")
    print(f"Machine at start: {machine()}\n")

    if args.scale_mb > 0:
        small = args.dir / "scale-in"
        info = build(small, args.scale_mb, args.scale_shards, args.damaged, args.seed)
        print(f"## 1 vs 2 workers ({info['records']:,} records, {info['mb']:.1f} MB in "
              f"{args.scale_shards} "
              f"shards, {info['damaged']:,} damaged)\n\n{HEAD}")
        # The same pair several times, alternating: a VM's speed drifts by 10%
        # or more between identical runs, so one pair proves little.
        ratios, startup_ratios = [], []
        for repeat in range(args.scale_repeat):
            runs = {}
            for workers in (1, 2):
                out = args.dir / f"scale-out-{workers}"
                subprocess.run(["rm", "-rf", str(out)], check=True)
                runs[workers] = r = run_batch([str(small), "-o", str(out), "--workers", str(workers)])
                r["startup_s"] = json.loads((out / "summary.json").read_text())["this_run"]["startup_s"][0]
                print(row(f"{workers} worker{'s' * (workers > 1)} (pair {repeat + 1})", r,
                          info["records"], info["mb"]))
            ratios.append(runs[1]["wall_s"] / runs[2]["wall_s"])
            startup_ratios.append((runs[1]["wall_s"] - runs[1]["startup_s"])
                                  / (runs[2]["wall_s"] - runs[2]["startup_s"]))
        print(f"\nSpeed-up 1 -> 2 workers (wall) per pair: "
              f"{', '.join(f'{x:.2f}x' for x in ratios)}; median **{statistics.median(ratios):.2f}x**; "
              f"after start-up (the parent's textrepair.load()): "
              f"{', '.join(f'{x:.2f}x' for x in startup_ratios)}; median "
              f"**{statistics.median(startup_ratios):.2f}x**.\n")
        print(f"Machine after the scaling runs: {machine()}\n")

    if args.skip_full:
        return 0
    src, out = args.dir / "in", args.dir / "out"
    subprocess.run(["rm", "-rf", str(src), str(out)], check=True)
    t0 = time.perf_counter()
    info = build(src, args.mb, args.shards, args.damaged, args.seed)
    print(f"## Full run\n\nCorpus: {info['records']:,} records, {info['mb']:,.0f} MB of JSONL "
          f"({info['gz_mb']:,.0f} MB gzip) in {args.shards} shards, {info['damaged']:,} damaged; "
          f"built in {time.perf_counter() - t0:,.0f} s.\n\n{HEAD}")
    cmd = [str(src), "-o", str(out), "--workers", "2"]
    first = run_batch(cmd, interrupt_after=args.interrupt_after)
    done = len(list((out / ".textrepair" / "done").glob("*.json")))
    parts = list(out.rglob("*.textrepair-part"))
    print(row(f"interrupted after {args.interrupt_after:.0f} s", first, 0, 0.0)
          .replace("| 0.0 | 0.000 | 0.0 |", "| - | - | - |"))
    second = run_batch(cmd)
    summary = json.loads((out / "summary.json").read_text())
    this = summary["this_run"]
    print(row("resumed", second, this["documents"], this["mb"]))
    n_in, n_out = count_records(src), count_records(out)
    d = summary["documents"]
    adds_up = d["seen"] == d["changed"] + d["unchanged"] + d["passed_through"] + d["rejected"]
    total_wall = first["wall_s"] + second["wall_s"]
    print(f"\nInterrupt: exit {first['code']}, {done} of {args.shards} shards marked done, "
          f"{len(parts)} partial files left. Both runs together: {total_wall:,.0f} s wall, "
          f"{info['records'] / total_wall:,.1f} docs/s, {info['mb'] / total_wall:.3f} MB/s.\n")
    print(f"Records: input {n_in:,}, output {n_out:,} ({'equal' if n_in == n_out else 'DIFFER'}); "
          f"summary: {d['seen']:,} seen, counts add up: {adds_up}.\n")
    print("Summary table printed by the resumed run (whole corpus, both runs):\n")
    print(second["stderr"].strip() + "\n")
    print(f"Machine at the end: {machine()}\n")
    return 0 if n_in == n_out and adds_up and first["code"] == 130 else 1


if __name__ == "__main__":
    sys.exit(main())
