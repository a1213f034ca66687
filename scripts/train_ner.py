#!/usr/bin/env python3
"""Train the CRF named-entity model shipped as ``extract/data/ner.crfsuite``.

Trains on the ANERcorp train split only. The L1/L2 weights (c1, c2) are
chosen on the last tenth of the train split (held out, in corpus order, as
the test split is); the model is then retrained on the whole train split
and scored once on the test split. Same data, same result: L-BFGS is
deterministic and the split does not shuffle.

Makefile-style note::

    ner-model:  # tunes c1/c2 on 4 settings; about 12 minutes on 2 cores
    	.venv/bin/python scripts/train_ner.py --data-dir ../shared/data
    ner-model-quick:  # no tuning: the c1/c2 chosen last time; about 4 minutes
    	.venv/bin/python scripts/train_ner.py --c1 0.01 --c2 0.01

Prints the c1/c2 grid with held-out F1, then per-type and micro F1 over
PERS, LOC and ORG on the test split, as ``ner_score.py`` computes them.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rawabit.extract.ner_features import document_features, load_resources  # noqa: E402
from rawabit.extract.ner_mentions import iob_spans, read_conll  # noqa: E402

TRAIN = "anercorp/ANERCorp_CAMeLstyle_reconstructed_train.txt"
TEST = "anercorp/ANERCorp_CAMeLstyle_reconstructed_test.txt"
WOJOOD = ("wojood_sample/train.txt", "wojood_sample/val.txt", "wojood_sample/test.txt")
WOJOOD_MAP = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
TYPES = ("PERS", "LOC", "ORG")
GRID = [(0.005, 0.01), (0.01, 0.01), (0.01, 0.05), (0.05, 0.01)]
SEED = 13


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


def train(xs, ys, c1: float, c2: float, path: Path, max_iter: int) -> None:
    """Fit a CRF with L-BFGS and save it to *path*."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys):
        trainer.append(x, y)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iter,
                        "feature.possible_transitions": True})
    trainer.train(str(path))


def predict(path: Path, xs) -> list[list[str]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return [tagger.tag(x) for x in xs]


def score(gold: list[list[str]], pred: list[list[str]], types=TYPES) -> dict[str, tuple[float, float, float]]:
    """Entity-level P/R/F1 per type and ``micro``, as ner_score.py counts them."""
    def spans(seqs):
        flat = [t for s in seqs for t in s]
        return {s for s in iob_spans(flat) if s[2] in types}
    g, p = spans(gold), spans(pred)
    out, total = {}, Counter()
    for typ in list(types) + ["micro"]:
        gt = {s for s in g if typ in (s[2], "micro")}
        pt = {s for s in p if typ in (s[2], "micro")}
        tp = len(gt & pt)
        prec, rec = (tp / len(pt) if pt else 0.0), (tp / len(gt) if gt else 0.0)
        out[typ] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return out


def _trial(args):
    c1, c2, xs, ys, hx, hy, max_iter, tmp = args
    path = Path(tmp) / f"trial-{c1}-{c2}.crfsuite"
    train(xs, ys, c1, c2, path, max_iter)
    f1 = score(hy, predict(path, hx))["micro"][2]
    path.unlink()
    return c1, c2, f1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "extract" / "data" / "ner.crfsuite")
    ap.add_argument("--c1", type=float, help="skip tuning and use this c1 (with --c2)")
    ap.add_argument("--c2", type=float)
    ap.add_argument("--max-iter", type=int, default=250)
    ap.add_argument("--wojood", action="store_true", help="also train on the Wojood sample")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    random.seed(SEED)
    t0 = time.time()
    resources = load_resources(gazetteer=True)
    train_s = read_conll(args.data_dir / TRAIN)
    test_s = read_conll(args.data_dir / TEST)
    extra = _wojood(args.data_dir) if args.wojood else []
    xs = _features(train_s, resources) + _features(extra, resources)
    ys = [[tag for _, tag in s] for s in train_s + extra]
    print(f"features: {len(xs)} sentences in {time.time() - t0:.0f}s", flush=True)
    if args.c1 is None or args.c2 is None:
        cut = len(train_s) * 9 // 10          # hold out the last tenth, in order
        fit_idx = list(range(cut)) + list(range(len(train_s), len(xs)))
        hx, hy = xs[cut:len(train_s)], ys[cut:len(train_s)]
        jobs = [(c1, c2, [xs[i] for i in fit_idx], [ys[i] for i in fit_idx], hx, hy,
                 args.max_iter, args.out.parent) for c1, c2 in GRID]
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(_trial, jobs))
        for c1, c2, f1 in results:
            print(f"held-out c1={c1:<5} c2={c2:<6} micro F1 {f1:.4f}", flush=True)
        args.c1, args.c2, _ = max(results, key=lambda r: r[2])
    print(f"training on all of train with c1={args.c1} c2={args.c2}", flush=True)
    train(xs, ys, args.c1, args.c2, args.out, args.max_iter)
    gold = [[tag for _, tag in s] for s in test_s]
    pred = predict(args.out, _features(test_s, resources))
    result = score(gold, pred)
    size = args.out.stat().st_size / 1e6
    print(f"model {args.out} {size:.1f} MB; {time.time() - t0:.0f}s in all")
    for typ, (p, r, f) in result.items():
        print(f"{typ:5s} P {p:.3f} R {r:.3f} F1 {f:.3f}")
    print(f"test micro F1 (PERS LOC ORG): {result['micro'][2]:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
