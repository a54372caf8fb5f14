"""Build dictionaries/spin_model.tsv: the learned decision of restore_spun_words.

Every site where the step's scoring finds a restoration that beats keeping the
word (the best candidate with both hand-set margins at 0) is a labelled example
when the text was spun by our own spinner (``scripts/spinner.py``), because the
spinner records the original of every word it replaced:

* right: the change removes word errors (the original comes back);
* wrong: a spun word changed to another wrong word (no errors removed or added);
* fine: a word the spinner left alone changed (errors added).

A multinomial logistic model over the evidence the step computes per site
(``spinning.FEATURES``) gives P(right) and P(fine); the step makes a change
when P(right) - P(fine) >= ``Config.spin_model_threshold``. While collecting,
the step decides with the hand-set margins (so the second pass sees the
neighbours it would see with them).

Only tuning-half documents of dev.jsonl are used (``scripts/eval_kinds/spun.py``
keeps the other half for measuring); they are spun in order with
``random.Random(--seed)``, and documents ``--start`` to ``--end`` of them are the
training set (the documents before ``--start`` are kept for measuring).

    python scripts/build_spin_model.py [--start 400] [--end 1515] [--check]

Ninth session: an inflection that loses to keeping the word by less than
``Config.spin_inflect_margin`` is put to the model too, so such sites are
examples as well (``--floor``, default that floor, records and fits the
inflection sites with a margin over it; a dump made with a lower floor can be
refitted with a higher one).

numpy is needed at build time only (the ``build`` extra); the shipped table is
two weights per feature, read with the standard library.
"""

from __future__ import annotations

import argparse
import bisect
import pickle
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "scripts" / "eval_kinds"))

OUT = ROOT / "dictionaries" / "spin_model.tsv"


def spun_tuning_docs(seed: int, end: int) -> list[tuple[str, str, list[tuple[int, int, str, str]]]]:
    """(clean, spun, spinner records) for the first ``end`` tuning documents."""
    from evalkit import load_docs
    from spinner import spin_record
    from spun import held_out

    rng = random.Random(seed)
    out = []
    for doc in load_docs():
        if held_out(doc["id"]):
            continue
        if len(out) >= end:
            break
        spun, records = spin_record(doc["text"], rng)
        out.append((doc["text"], spun, records))
    return out


def label(spun: str, records: list[tuple[int, int, str, str]], start: int, end: int,
          after: str) -> int:
    """Word errors the change of spun[start:end] to ``after`` removes (< 0) or adds."""
    from evalkit import word_errors

    i = bisect.bisect_left(records, (start - 200,))
    over = []
    for r in records[i:]:
        if r[0] >= end:
            break
        if start < r[1]:
            over.append(r)
    a = min([start, *(r[0] for r in over)])
    b = max([end, *(r[1] for r in over)])
    original, pos = [], a
    for r0, r1, word, _ in sorted(over):
        original.append(spun[pos:r0])
        original.append(word)
        pos = r1
    original.append(spun[pos:b])
    ref = "".join(original)
    changed = spun[a:start] + after + spun[end:b]
    return word_errors(ref, changed) - word_errors(ref, spun[a:b])


def hand_set_rule(features: tuple[float, ...]) -> tuple[float, float]:
    """The margins rule, as far as the features show it (used while collecting)."""
    from textrepair import Config, spinning

    f = dict(zip(spinning.FEATURES, features))
    cfg = Config()
    margin = sum(f[k] for k in ("margin_inflection", "margin_synonym",
                                "margin_synonym_fingerprint", "margin_span"))
    if f["strict"] and not f["inflection"]:
        margin -= cfg.spin_common_extra_margin + (spinning._SPAN_EXTRA if f["span"] else 0.0)
    return 0.5, (1.0 if margin >= cfg.spin_margin else -1.0)


def collect(pairs: list[tuple[str, str, list[tuple[int, int, str, str]]]], floor: float) -> tuple[
    list[tuple[float, ...]], list[int]
]:
    from textrepair import Config, repair, spinning

    spinning._TRACE_FLOOR = floor
    config = Config().only(["restore_spun_words"]).with_values(spin_decision="model")
    saved = spinning._decide
    spinning._decide = hand_set_rule  # type: ignore[assignment]
    xs: list[tuple[float, ...]] = []
    ys: list[int] = []
    try:
        for _, spun, records in pairs:
            spinning._TRACE = []
            repair(spun, config)
            for _, start, end, after, features, _ in spinning._TRACE:
                delta = label(spun, records, start, end, after)
                xs.append(features)
                ys.append(1 if delta < 0 else 2 if delta > 0 else 0)
    finally:
        spinning._decide = saved  # type: ignore[assignment]
        spinning._TRACE = None
        spinning._TRACE_FLOOR = 0.0
    return xs, ys


def above_floor(xs: list[tuple[float, ...]], ys: list[int], floor: float) -> tuple[
    list[tuple[float, ...]], list[int]
]:
    """The sites whose margin is over ``floor`` (or 0, if that is lower): every
    synonym site, the inflection sites over it."""
    from textrepair import spinning

    kind = spinning.FEATURES.index("inflection")
    margin = spinning.FEATURES.index("margin_inflection")
    cut = min(0.0, floor)
    keep = [i for i, x in enumerate(xs) if not x[kind] or x[margin] > cut]
    return [xs[i] for i in keep], [ys[i] for i in keep]


def fit(xs: list[tuple[float, ...]], ys: list[int], l2: float, steps: int = 4000):
    """Multinomial logistic regression (class 0 the reference) by Adam on
    standardised features; returns raw-feature weights, shape (features, 2)."""
    import numpy as np

    x = np.asarray(xs, dtype=float)
    y = np.asarray(ys)
    mu, sd = x.mean(0), x.std(0)
    mu[0], sd[0] = 0.0, 1.0  # the bias
    sd[sd == 0] = 1.0
    z = (x - mu) / sd
    onehot = np.eye(3)[y]
    w = np.zeros((x.shape[1], 2))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    penalty = np.ones((x.shape[1], 1))
    penalty[0] = 0.0
    for t in range(1, steps + 1):
        logits = np.concatenate([np.zeros((len(z), 1)), z @ w], axis=1)
        logits -= logits.max(1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(1, keepdims=True)
        grad = z.T @ (p - onehot)[:, 1:] / len(z) + l2 * penalty * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    raw = w / sd[:, None]
    raw[0] -= (w * (mu / sd)[:, None]).sum(0)
    return raw


def expected_gain(raw, xs, ys, threshold: float = 0.0) -> tuple[int, int, int]:
    """Right, wrong and fine changes the model would make among the examples."""
    import numpy as np

    x = np.asarray(xs, dtype=float)
    logits = np.concatenate([np.zeros((len(x), 1)), x @ raw], axis=1)
    p = np.exp(logits - logits.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    take = p[:, 1] - p[:, 2] >= threshold
    y = np.asarray(ys)
    return int((take & (y == 1)).sum()), int((take & (y == 0)).sum()), int((take & (y == 2)).sum())


def render(raw, args: argparse.Namespace, n: int) -> str:
    from textrepair import spinning

    rows = sorted(
        f"{name}\t{raw[i, 0]:.6g}\t{raw[i, 1]:.6g}" for i, name in enumerate(spinning.FEATURES)
    )
    head = [
        "# textrepair-dict/1",
        "# name: spin_model",
        "# generator: scripts/build_spin_model.py",
        "# sources: dev.jsonl tuning half (NCI pages, public domain; MedQuAD, CC BY 4.0) spun "
        "by scripts/spinner.py (WordNet 3.0); features from dictionaries/spin_synonyms.tsv, "
        "health_words.tsv, health_bigrams.tsv, spin_topic.tsv, wordfreq, symspellpy and wordsegment",
        "# columns: feature\tright\tfine",
        f"# notes: log-odds weights against a wrong word on a spun word; tuning documents "
        f"{args.start}-{args.end} spun with random.Random({args.seed}), {n} sites, "
        f"L2 {args.l2}, inflection sites over margin {min(0.0, args.floor):g}",
    ]
    return "\n".join(head + rows) + "\n"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--start", type=int, default=400)
    p.add_argument("--end", type=int, default=1515)
    p.add_argument("--seed", type=int, default=5)
    p.add_argument("--l2", type=float, default=1e-3)
    p.add_argument("--check", action="store_true", help="fail if the shipped table differs")
    p.add_argument("--dump", type=Path, help="save the collected sites (pickle)")
    p.add_argument("--load", type=Path, help="fit on sites saved with --dump")
    p.add_argument("-o", "--output", type=Path, default=OUT)
    p.add_argument("--floor", type=float, default=None,
                   help="lowest margin of an inflection site recorded and fitted "
                   "(default: Config.spin_inflect_margin, or 0 if that is higher)")
    args = p.parse_args()
    from textrepair import Config

    floor = args.floor = Config().spin_inflect_margin if args.floor is None else args.floor
    pairs = spun_tuning_docs(args.seed, args.end)[args.start :]
    if args.load:
        xs, ys = pickle.loads(args.load.read_bytes())
    else:
        xs, ys = collect(pairs, min(0.0, floor))
    if args.dump:
        args.dump.write_bytes(pickle.dumps((xs, ys)))
    xs, ys = above_floor(xs, ys, floor)
    raw = fit(xs, ys, args.l2)
    right, wrong, fine = expected_gain(raw, xs, ys)
    print(f"{len(pairs)} documents, {len(xs)} sites: {ys.count(1)} right, {ys.count(0)} wrong, "
          f"{ys.count(2)} fine; the model on them: {right} right, {wrong} wrong, {fine} fine",
          file=sys.stderr)
    text = render(raw, args, len(xs))
    if args.check:
        if not args.output.exists() or args.output.read_text("utf-8") != text:
            print(f"{args.output} differs from a rebuild", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
