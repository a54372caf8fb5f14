"""CPU time of restore_spun_words alone on spun tuning pages.

The pages are the first ``--docs`` tuning documents spun by
``scripts/spinner.py`` with ``random.Random(5)`` (as
``scripts/build_spin_model.py`` spins them); each pass clears the word caches
(:func:`textrepair.tokens.clear_word_caches`) and times only the step's calls
with ``time.process_time``, after ``textrepair.load()``. Best of ``--passes``.

    python scripts/bench_spun.py --docs 300 --passes 3
    python scripts/bench_spun.py --trees /work/main /work/wt-x --rounds 3

With ``--trees`` it alternates one subprocess per tree and round (each runs
that tree's code, ``PYTHONPATH`` set to the tree, and keeps the better of two
passes: a process's first pass also loads lemminflect's tables) and prints
every tree's times and best, so two versions can be compared on a loaded machine. For a
count that does not depend on the load, run the same under callgrind.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(root: Path, docs: int, passes: int) -> list[float]:
    sys.path.insert(0, str(root / "scripts"))
    sys.path.insert(0, str(root / "scripts" / "eval_kinds"))
    sys.path.insert(0, str(root))
    from build_spin_model import spun_tuning_docs

    import textrepair
    from textrepair import Config, spinning
    from textrepair.registry import StepContext
    from textrepair.tokens import clear_word_caches

    if not Path(textrepair.__file__).resolve().is_relative_to(root.resolve()):
        sys.exit(f"textrepair imported from {textrepair.__file__}, not {root}: set PYTHONPATH")
    pages = [spun for _, spun, _ in spun_tuning_docs(5, docs)]
    textrepair.load()
    config = Config().only(["restore_spun_words"])
    times = []
    for _ in range(passes):
        clear_word_caches()
        start = time.process_time()
        for page in pages:
            spinning.restore_spun_words(page, StepContext(config, "restore_spun_words"))
        times.append(time.process_time() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--trees", nargs="+", help="source trees to alternate")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.trees:
        times = measure(args.root, args.docs, args.passes)
        print(f"{args.docs} spun pages: " + " ".join(f"{t:.2f}" for t in times)
              + f" s, best {min(times):.2f} s ({args.docs / min(times):.1f} pages/s)")
        return
    best: dict[str, list[float]] = {tree: [] for tree in args.trees}
    for _ in range(args.rounds):
        for tree in args.trees:
            env = {**os.environ, "PYTHONPATH": tree}
            run = subprocess.run(
                [sys.executable, __file__, "--docs", str(args.docs), "--passes", "2",
                 "--root", tree],
                env=env, cwd=tree, capture_output=True, text=True, check=True,
            )
            best[tree].append(float(run.stdout.rsplit("best ", 1)[1].split(" ")[0]))
    for tree, times in best.items():
        print(f"{tree}: " + " ".join(f"{t:.2f}" for t in times) + f" s, best {min(times):.2f} s")


if __name__ == "__main__":
    main()
