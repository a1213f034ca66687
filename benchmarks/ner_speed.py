"""Where the CRF recogniser's time goes: seconds per decoding step over a generated corpus.

Generates articles as ``build_speed.py`` does (or reads a folder of them),
tokenizes them with the pipeline's segmenter, then tags them with
:class:`~rawabit.extract.entities.ner.CRFRecognizer` 32 texts at a time, as a
one-worker build does, and prints the CPU seconds of each step (token info, the summed
word weights, the context features and their lookup, Viterbi, marginals,
the second pass's features; the words' own weights are summed once per new
word, inside ``word_scores``) and microseconds per token. CPU time, not wall
time, so another process on the machine disturbs the figures less.

Usage::

    python benchmarks/ner_speed.py                    # 1,000 generated articles
    python benchmarks/ner_speed.py --articles 200
    python benchmarks/ner_speed.py --corpus some/folder/of/articles
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

STEPS = ("token_infos", "stem_places", "context_features", "stack_context_features", "add_indexed",
         "viterbi", "marginals")


def texts_of(corpus: Path) -> list[list[list[str]]]:
    """Per article of *corpus*, its sentences' tokens, as the pipeline's segmenter cuts them."""
    from rawabit.extract.model import Doc
    from rawabit.extract.pipeline import Pipeline
    from rawabit.extract.reading.reader import read_articles
    segmenter = Pipeline.default(ner=False).components[0]
    return [[[t.text for t in s.tokens] for s in segmenter(Doc(a)).sentences]
            for a in read_articles([corpus])]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000, help="articles to generate")
    ap.add_argument("--corpus", type=Path, help="tag this folder instead of a generated corpus")
    ap.add_argument("--batch", type=int, default=32, help="texts tagged together")
    args = ap.parse_args(argv)

    from rawabit.extract.entities import ner
    corpus = args.corpus
    if corpus is None:
        from build_speed import make_corpus
        corpus = Path(tempfile.mkdtemp(prefix="rawabit-ner-")) / "corpus"
        make_corpus(args.articles, corpus)
    texts = texts_of(corpus)
    tokens = sum(len(s) for t in texts for s in t)

    spent = dict.fromkeys(STEPS, 0.0)

    def timed(name, fn):
        def wrapper(*a, **k):
            clock = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[name] += time.process_time() - clock
        return wrapper

    for name in STEPS:          # the names ner.py calls them by
        setattr(ner, name, timed(name, getattr(ner, name)))
    clock = time.perf_counter()
    recognizer = ner.CRFRecognizer.pretrained()
    print(f"shipped models loaded in {time.perf_counter() - clock:.2f} s")
    recognizer._word_scores = timed("word_scores", recognizer._word_scores)
    spent["word_scores"] = 0.0
    clock = time.process_time()
    for i in range(0, len(texts), args.batch):
        recognizer.tag_texts(texts[i:i + args.batch])
    total = time.process_time() - clock
    print(f"{len(texts):,} texts, {tokens:,} tokens: {total:.2f} CPU s, "
          f"{1e6 * total / tokens:.1f} µs a token, {tokens / total:,.0f} tokens/s")
    print("| step | CPU s | share |\n|---|---|---|")
    for name, s in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {s:.2f} | {100 * s / total:.0f}% |")
    rest = total - sum(spent.values())
    print(f"| the rest (glue, label lists) | {rest:.2f} | {100 * rest / total:.0f}% |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
