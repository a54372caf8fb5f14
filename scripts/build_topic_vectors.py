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

Words the corpus lacks (ninth session): the health corpus is small for the
general English a WordNet spinner writes ("brass" for nerve, "discourse" for
treatments, "generator" for author), so every one-word ``spun`` form of the
WordNet rows of ``dictionaries/spin_synonyms.tsv`` without a corpus vector
gets one from WordNet 3.0 (``/usr/share/wordnet``, read as
``scripts/build_synonyms.py`` reads it), placed in the same space: per synset
of the word, the weighted mean of the (float, centred, unit) corpus vectors of
the words of its gloss (weight 1), its lemmas (``--syn-weight``) and its
hypernyms' (for adjectives: similar adjectives') lemmas (weight 1), the 50 most
frequent corpus words left out; the synsets' means summed with weights SemCor
tag count + 1, scaled to unit length and quantised as the corpus rows. A word
with fewer than ``--min-gloss`` distinct known words gets none;
``--no-wordnet`` builds the corpus rows alone.

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
sys.path.insert(0, str(ROOT / "scripts"))

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


def build(docs: list[list[str]], args: argparse.Namespace) -> tuple[
    list[tuple[str, bytes]], list[tuple[str, bytes]]
]:
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
    table = [(w, quant[i].tobytes()) for i, w in enumerate(vocab) if keep[i]]
    if args.no_wordnet:
        return table, []
    common = set(ranked[: args.skip])
    known = {w: i for i, w in enumerate(vocab) if keep[i] and w not in common}
    return table, gloss_vectors(emb, known, {w for w, _ in table}, args)


def gloss_vectors(emb, known: dict[str, int], have: set[str],
                  args: argparse.Namespace) -> list[tuple[str, bytes]]:
    """Vectors, in the corpus vectors' space, for the words a WordNet spinner
    writes (the ``spun`` column of the WordNet rows of ``--synonyms``, one
    alphabetic word) that the corpus gives none (not in ``have``): per sense
    of the word (each synset of it, weighted by its SemCor tag count + 1), the
    weighted mean of the rows of ``emb`` (float, centred, unit length) of the
    ``known`` words of the synset's gloss (1 each), its lemmas
    (``--syn-weight``) and its hypernyms' (adjectives: similar adjectives')
    lemmas (1 each); the senses summed and scaled to unit length. Words with
    fewer than ``--min-gloss`` distinct known words over all senses get none.

    A mean of many words' vectors leans towards what every page shares, so an
    uncentred glossed word fits any page better than the word it replaced
    (tuning docs 0-200: the original's topical gain over a glossed spun word
    -0.09 on average, against +0.12 where the corpus has both); the glossed
    vectors are therefore centred on their own mean, as the corpus rows are
    on theirs, before they are scaled to unit length again and quantised."""
    import numpy as np
    import regex
    from build_synonyms import WordNet

    wn = WordNet(args.wordnet)
    token = regex.compile(r"\p{L}+(?:['’]\p{L}+)*")
    glosses = {synset: [w.lower() for w in token.findall(gloss)]
               for synset, gloss in wn.glosses.items()}
    targets = set()
    for line in args.synonyms.read_text("utf-8").splitlines():
        cols = line.split("\t")
        if (not line.startswith("#") and len(cols) > 2 and "wn" in cols[2].split("+")
                and cols[0].isalpha() and len(cols[0]) > 1):
            targets.add(cols[0])

    def bag(target: str, synset: tuple[str, str]) -> dict[int, float]:
        out: dict[int, float] = {}
        parts = [(glosses[synset], 1.0)]
        parts += [(lemma.split(), args.syn_weight) for lemma in wn.synsets[synset]]
        parts += [(lemma.split(), 1.0) for link in wn.links[synset]
                  for lemma in wn.synsets.get(link, ())]
        for words, weight in parts:
            for w in words:
                i = known.get(w)
                if i is not None and w != target:
                    out[i] = out.get(i, 0.0) + weight
        return out

    names: list[str] = []
    vectors = []
    for target in sorted(targets - have):
        total = np.zeros(emb.shape[1])
        seen: set[int] = set()
        for pos, off in wn.index.get(target, ()):
            weights = bag(target, (pos, off))
            if not weights:
                continue
            ids = sorted(weights)
            w = np.array([weights[i] for i in ids])
            total += (wn.counts.get((target, pos, off), 0) + 1) * (w @ emb[ids] / w.sum())
            seen.update(ids)
        norm = np.linalg.norm(total)
        if len(seen) >= args.min_gloss and norm > 0:
            names.append(target)
            vectors.append(total / norm)
    if not names:
        return []
    glossed = np.array(vectors)
    if not args.no_gloss_centre:
        glossed -= glossed.mean(0)
        glossed /= np.maximum(np.linalg.norm(glossed, axis=1, keepdims=True), 1e-12)
    quant = np.clip(np.rint(glossed * 127), -127, 127).astype(np.int8)
    return [(w, quant[i].tobytes()) for i, w in enumerate(names)]


def render(tables: tuple[list[tuple[str, bytes]], list[tuple[str, bytes]]],
           args: argparse.Namespace, n_docs: int) -> str:
    table, glossed = tables
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
        f">= {args.min_count} times; then {len(glossed)} words a WordNet "
        f"spinner writes that the corpus lacks: per sense (SemCor count + 1), the mean corpus "
        f"vector of its gloss, lemmas (x {args.syn_weight}) and hypernyms' lemmas, centred "
        f"on the glossed words' mean, >= {args.min_gloss} known words",
    ]
    return "\n".join(head + [f"{w}\t{v.hex()}" for w, v in sorted(table + glossed)]) + "\n"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/health/dev.jsonl")
    p.add_argument("--all", action="store_true", help="count the held-out half too")
    p.add_argument("--window", type=int, default=10)
    p.add_argument("--contexts", type=int, default=2000)
    p.add_argument("--skip", type=int, default=50)
    p.add_argument("--min-count", type=int, default=3)
    p.add_argument("--dims", type=int, default=48)
    p.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    p.add_argument("--synonyms", type=Path, default=ROOT / "dictionaries" / "spin_synonyms.tsv",
                   help="the table whose WordNet spun forms want a vector")
    p.add_argument("--no-wordnet", action="store_true", help="corpus vectors only")
    p.add_argument("--syn-weight", type=float, default=2.0)
    p.add_argument("--min-gloss", type=int, default=3)
    p.add_argument("--no-gloss-centre", action="store_true",
                   help="leave the glossed vectors uncentred")
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
