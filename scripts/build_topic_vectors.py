"""Build dictionaries/spin_topic.tsv: topical word vectors for restore_spun_words.

A spinner's wrong-sense synonym often reads well next to its neighbours
("cheek" for nerves, "mission" for commission) but is off the topic of the
page. These vectors let the step ask how well a candidate fits the whole
document compared with the word it would replace.

Method (numpy, at build time only; the ``build`` extra): lower-cased words of
the health corpus (``../shared/data/health/dev.jsonl``); a word-by-context
co-occurrence count within ``--window`` words either side (inside one
document), contexts the ``--contexts`` most frequent words after the
``--skip`` most frequent (function words); positive pointwise mutual
information with context-distribution smoothing (counts ** 0.75); a truncated
SVD through the eigenvectors of the contexts' Gram matrix, each word's vector
``U * S ** 0.5`` scaled to unit length, centred on the vocabulary's mean,
scaled to unit length again and quantised to int8 (x 127).

The vocabulary is every alphabetic word seen ``--min-count`` times or more. By default only the **tuning half** of
dev.jsonl is counted (``scripts/eval_kinds/spun.py``: the held-out half is
what the spun evaluation scores), so the held-out numbers are not helped by
vectors that saw the held-out pages; ``--all`` counts every document.

    python scripts/build_topic_vectors.py [--all] [--check]

The shipped table has one row per word: the word and its vector as hex
(``--dims`` signed bytes); ``textrepair.spinning`` reads it into one bytes blob.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts" / "eval_kinds"))

from textrepair.resources import DICT_FORMAT  # noqa: E402

OUT = ROOT / "dictionaries" / "spin_topic.tsv"
SOURCES = (
    "shared health corpus dev.jsonl (sha256 383ea0b8...), {half}: NCI cancer.gov pages "
    "(public domain, Source: National Cancer Institute) and MedQuAD GHR/GARD/"
    "MedlinePlus/CDC answers (CC BY 4.0, Ben Abacha & Demner-Fushman, BMC "
    "Bioinformatics 20:511, 2019)"
)


def documents(data: Path, all_docs: bool) -> list[list[str]]:
    """Each document's lower-cased alphabetic words (the tuning half only
    unless ``all_docs``)."""
    import regex
    from evalkit import iter_docs
    from spun import held_out

    word = regex.compile(r"\p{L}+(?:['’]\p{L}+)*")
    out = []
    for doc in iter_docs(data):
        if all_docs or not held_out(doc["id"]):
            out.append([w.lower() for w in word.findall(doc["text"])])
    return out


def build(docs: list[list[str]], args: argparse.Namespace) -> list[tuple[str, bytes]]:
    import numpy as np

    counts = Counter(w for d in docs for w in d)
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    vocab = sorted(w for w in ranked if counts[w] >= args.min_count and w.isalpha()
                   and len(w) > 1)
    contexts = ranked[args.skip : args.skip + args.contexts]
    vid = {w: i for i, w in enumerate(vocab)}
    cid = {w: i for i, w in enumerate(contexts)}
    n_v, n_c, win = len(vocab), len(contexts), args.window
    rows, cols = [], []
    for d in docs:
        rows.extend([-1] * win)
        cols.extend([-1] * win)
        rows.extend(vid.get(w, -1) for w in d)
        cols.extend(cid.get(w, -1) for w in d)
    r = np.asarray(rows, dtype=np.int64)
    c = np.asarray(cols, dtype=np.int64)
    co = np.zeros(n_v * n_c, dtype=np.float64)
    for off in range(1, win + 1):
        for a, b in ((r[:-off], c[off:]), (r[off:], c[:-off])):
            ok = (a >= 0) & (b >= 0)
            co += np.bincount(a[ok] * n_c + b[ok], minlength=n_v * n_c)
    m = co.reshape(n_v, n_c)
    del co
    total = m.sum()
    pw = m.sum(1, keepdims=True) / total
    pc = m.sum(0) ** 0.75
    pc = (pc / pc.sum())[None, :]
    with np.errstate(divide="ignore"):
        pmi = np.log(m / total) - np.log(pw) - np.log(pc)
    ppmi = np.where(m > 0, np.maximum(pmi, 0.0), 0.0)
    del m, pmi
    gram = ppmi.T @ ppmi
    vals, vecs = np.linalg.eigh(gram)
    order = np.argsort(vals)[::-1][: args.dims]
    s = np.sqrt(np.maximum(vals[order], 1e-12))
    q = vecs[:, order]
    q *= np.sign(q[np.argmax(np.abs(q), axis=0), np.arange(q.shape[1])])  # a fixed sign
    u = ppmi @ q / s  # left singular vectors
    emb = u * np.sqrt(s)
    emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
    # Centred, so that a document's centroid is not dominated by the direction
    # every word shares (function words have vectors too).
    emb -= emb.mean(0)
    norm = np.linalg.norm(emb, axis=1, keepdims=True)
    keep = norm[:, 0] > 0
    emb = emb / np.where(norm > 0, norm, 1.0)
    quant = np.clip(np.rint(emb * 127), -127, 127).astype(np.int8)
    return [(w, quant[i].tobytes()) for i, w in enumerate(vocab) if keep[i]]


def render(table: list[tuple[str, bytes]], args: argparse.Namespace, n_docs: int) -> str:
    half = "every document" if args.all else "tuning half only (ids whose SHA-1 is odd)"
    head = [
        f"# {DICT_FORMAT}",
        "# name: spin_topic",
        "# generator: scripts/build_topic_vectors.py",
        f"# sources: {SOURCES.format(half=half)}",
        "# columns: word\tvector",
        f"# notes: {n_docs} documents; PPMI over +-{args.window} words against the "
        f"{args.contexts} most frequent words after the {args.skip} most frequent, truncated "
        f"SVD to {args.dims} dimensions (U S^0.5), centred, unit length, int8 x 127 as hex; "
        f"words seen "
        f">= {args.min_count} times",
    ]
    return "\n".join(head + [f"{w}\t{v.hex()}" for w, v in sorted(table)]) + "\n"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/health/dev.jsonl")
    p.add_argument("--all", action="store_true", help="count the held-out half too")
    p.add_argument("--window", type=int, default=10)
    p.add_argument("--contexts", type=int, default=2000)
    p.add_argument("--skip", type=int, default=50)
    p.add_argument("--min-count", type=int, default=3)
    p.add_argument("--dims", type=int, default=48)
    p.add_argument("--check", action="store_true", help="fail if the shipped table differs")
    p.add_argument("-o", "--output", type=Path, default=OUT)
    args = p.parse_args()
    docs = documents(args.data, args.all)
    text = render(build(docs, args), args, len(docs))
    if args.check:
        if not args.output.exists() or args.output.read_text("utf-8") != text:
            print(f"{args.output} differs from a rebuild", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
