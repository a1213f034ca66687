#!/usr/bin/env python3
"""Write extract/data/common_words.tsv: frequent words that are never part of a name.

The list comes from the ANERcorp training split (Benajiba & Rosso 2007; CAMeL
Lab split, CC BY-SA 4.0): every normalized word seen at least MIN_COUNT times
and never inside an entity. The name finder uses it to stop a name run after a
title («الرئيس الروسي أي تنازلات» is not a name).

    python scripts/common_words.py [--data ../shared/data] [--min-count 4]
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from rawabit.extract.arabic import normalize

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--min-count", type=int, default=4)
    args = ap.parse_args()
    train = args.data / "anercorp" / "ANERCorp_CAMeLstyle_reconstructed_train.txt"
    seen, named = Counter(), set()
    for line in train.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        word = normalize(parts[0])
        if not any(ch.isalpha() for ch in word):
            continue
        seen[word] += 1
        if parts[-1] != "O":
            named.add(word)
    words = sorted(w for w, n in seen.items() if n >= args.min_count and w not in named and len(w) > 1)
    out = ROOT / "extract" / "data" / "common_words.tsv"
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# Frequent words never inside a name in ANERcorp's training split (scripts/common_words.py).\n")
        fh.write("word\n")
        fh.writelines(w + "\n" for w in words)
    print(f"{len(words)} words -> {out}")


if __name__ == "__main__":
    main()
