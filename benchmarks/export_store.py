"""How fast ``rawabit export --store`` writes a big store, and in how much memory.

Builds the bundled ``samples/`` into a store, then copies each article's
statements (article, statement and quote IRIs renamed per copy; entities and
topics shared, as in a real corpus) until the store holds ``--articles``
articles, bulk-loaded by pyoxigraph. Then, each in a child process whose wall
time and peak RSS are read from its rusage:

- pyoxigraph's own ``Store.dump`` to N-Quads, the floor;
- ``rawabit export --store … -o graph.nq`` (the issue's target: within 2x of
  the floor, peak RSS under 500 MB), and the same for ``.trig``, ``.nt`` and
  ``.ttl`` (the last two hold the union of all graphs, each triple once).

Usage::

    python benchmarks/export_store.py                      # 100k articles
    python benchmarks/export_store.py --articles 10000     # quicker
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_speed import _run_with_rusage  # noqa: E402  (the same measurement as the build benchmark)

ROOT = Path(__file__).resolve().parents[1]
FORMATS = (".nq", ".trig", ".nt", ".ttl")
_DUMP = ("import sys, pyoxigraph as ox; "
         "ox.Store.read_only(sys.argv[1]).dump(sys.argv[2], ox.RdfFormat.N_QUADS)")


def make_store(directory: Path, articles: int) -> tuple[int, float]:
    """Fill *directory* with *articles* articles; return its quads and the seconds it took."""
    from rawabit.graph.namespace import ARTICLE, QUOTE, STATEMENT

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        seed = Path(tmp) / "seed"
        subprocess.run([sys.executable, "-m", "rawabit.cli", "build", str(ROOT / "samples"), "--store", str(seed),
                        "-q"], check=True)
        quads = list(ox.Store.read_only(str(seed)))
    per_article = ("ARTICLE", str(ARTICLE)), ("STATEMENT", str(STATEMENT)), ("QUOTE", str(QUOTE))
    own = tuple(ns for _, ns in per_article)
    seeds = len({q.graph_name for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)})

    def renamed(term, k: int):
        if isinstance(term, ox.NamedNode) and term.value.startswith(own):
            return ox.NamedNode(f"{term.value}-{k}")
        return term

    shared = [q for q in quads if not any(isinstance(t, ox.NamedNode) and t.value.startswith(own)
                                          for t in (q.subject, q.object, q.graph_name))]
    copied = [q for q in quads if q not in set(shared)]
    store = ox.Store(str(directory))
    store.bulk_extend(shared)
    for k in range((articles + seeds - 1) // seeds):
        store.bulk_extend(ox.Quad(renamed(q.subject, k), q.predicate, renamed(q.object, k), renamed(q.graph_name, k))
                          for q in copied)
    store.optimize()
    total = len(store)
    del store
    return total, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="articles in the store (default 100000)")
    parser.add_argument("--keep", type=Path, help="build the store here and keep it (reused if present)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each N times in turn and report the fastest (the machine's speed drifts)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="rawabit-export-") as tmp:
        store = args.keep or Path(tmp) / "store"
        if store.exists():
            quads, made = len(ox.Store.read_only(str(store))), 0.0
        else:
            quads, made = make_store(store, args.articles)
        print(f"store: {args.articles} articles, {quads} quads (made in {made:.0f} s)")
        out = Path(tmp) / "out"
        out.mkdir()
        runs: dict[str, list[tuple[float, int, int]]] = {}
        for _ in range(args.repeat):
            _, seconds, rss, _ = _run_with_rusage([sys.executable, "-c", _DUMP, str(store), str(out / "dump.nq")])
            runs.setdefault("pyoxigraph dump .nq", []).append((seconds, rss, (out / "dump.nq").stat().st_size))
            for ext in FORMATS:
                target = out / f"graph{ext}"
                _, seconds, rss, _ = _run_with_rusage([sys.executable, "-m", "rawabit.cli", "export", "--store",
                                                       str(store), "-q", "-o", str(target)])
                runs.setdefault(f"rawabit export {ext}", []).append((seconds, rss, target.stat().st_size))
                target.unlink()
        floor = min(runs["pyoxigraph dump .nq"])[0]
        figures = {"articles": args.articles, "quads": quads, "repeat": args.repeat, "runs": {}}
        for name, measured in runs.items():
            seconds, rss, size = min(measured)
            figures["runs"][name] = {"seconds": round(seconds, 2), "peak_rss_mib": max(r for _, r, _ in measured),
                                     "bytes": size, "all_seconds": [round(m[0], 2) for m in measured]}
            print(f"{name:<28} {seconds:7.2f} s  peak RSS {figures['runs'][name]['peak_rss_mib']:5d} MiB  "
                  f"{size / 2**20:7.1f} MiB  ({seconds / floor:.2f}x the dump)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
