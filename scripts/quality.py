"""Build and score every evaluation set Rawabit has: ``make quality``.

Sets, each built on its own with :func:`rawabit.api.build` and scored by the
team's scorer (``../shared/eval/score.py --json``):

- ``seeds``: ``../shared/corpus/seeds`` against ``../shared/eval/gold-dev``;
- ``samples``: the bundled ``samples/`` against their own gold
  (``samples/entities.tsv`` and ``expected.triples.tsv``); without gold files
  only the facts and entities built are counted;
- ``dev-broad a``, ``b``, ``d`` and ``dev-broad``: the groups of
  ``../shared/eval/dev-broad`` (files ``a*``, ``b*``, ``d*``) and the whole.

A group is built from its own files because ``score.py --docs`` narrows the
gold only: a graph of the whole set scored against one group's gold would
count the other groups' facts as false. Each set prints typed P/R/F1, the
pair scores and entity recall, then one table gives each relation's
``correct/gold/system`` and F1 per set. Sets that need ``../shared`` are
reported as skipped when it is absent.

Usage::

    python scripts/quality.py                    # every set
    python scripts/quality.py --sets dev-broad --show 40   # and its misses
    python scripts/quality.py --json quality.json
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = ROOT.parent / "shared"
GROUPS = ("a", "b", "d")


@dataclass
class EvalSet:
    """One thing to build and score."""

    name: str
    inputs: list[Path]
    gold: Path | None = None
    docs: list[str] = field(default_factory=list)
    skip: str = ""


def eval_sets(shared: Path) -> list[EvalSet]:
    """Every set, with a reason to skip where its files are absent."""
    sets = []
    seeds, gold_dev = shared / "corpus" / "seeds", shared / "eval" / "gold-dev"
    missing = f"{shared} is absent" if not shared.is_dir() else ""
    sets.append(EvalSet("seeds", [seeds], gold_dev,
                        skip=missing or ("" if seeds.is_dir() and gold_dev.is_dir() else f"{seeds} or {gold_dev} is absent")))
    samples = ROOT / "samples"
    has_gold = any(samples.glob("entities*.tsv")) and any(samples.glob("*.triples.tsv"))
    sets.append(EvalSet("samples", [samples], samples if has_gold else None))
    broad = shared / "eval" / "dev-broad"
    broad_skip = missing or ("" if broad.is_dir() else f"{broad} is absent")
    for group in GROUPS:
        files = sorted(broad.glob(f"{group}*.txt")) if not broad_skip else []
        sets.append(EvalSet(f"dev-broad {group}", files, broad, [f.name for f in files],
                            skip=broad_skip or ("" if files else f"no {group}*.txt in {broad}")))
    sets.append(EvalSet("dev-broad", [broad], broad, skip=broad_skip))
    return sets


def build(es: EvalSet, out: Path, workers: int) -> dict:
    """Build one set's Turtle; return the counts of what was built."""
    from rawabit import api

    started = time.perf_counter()
    result = api.build(es.inputs, [out], workers=workers)
    return {"articles": len(result.extraction.articles), "facts": len(result.extraction.facts),
            "entities": len(result.extraction.entities), "seconds": round(time.perf_counter() - started, 2)}


def score(es: EvalSet, graph: Path, score_py: Path, *, show: int = 0) -> dict:
    """Run the team's scorer on a graph; with ``show`` also print its misses and false alarms."""
    cmd = [sys.executable, str(score_py), "--gold", str(es.gold), "--graph", str(graph)]
    if es.docs:
        cmd += ["--docs", *es.docs]
    done = subprocess.run([*cmd, "--json"], capture_output=True, text=True, check=True)
    if show:
        listing = subprocess.run([*cmd, "--show", str(show)], capture_output=True, text=True, check=True)
        lines = listing.stdout.splitlines()
        start = next((i for i, line in enumerate(lines) if line.startswith("misses:")), len(lines))
        print(f"\n== {es.name}: misses and false alarms (up to {show} each)")
        print("\n".join(lines[start:-1]))
    return json.loads(done.stdout)


def print_summary(rows: list[tuple[EvalSet, dict, dict | None]]) -> None:
    print(f"{'set':14s} {'docs':>4s} {'facts':>5s} {'gold':>4s} {'ok':>4s}  "
          f"{'P':>5s} {'R':>5s} {'F1':>5s}  {'pairF1':>6s}  {'entR':>5s}  {'secs':>5s}")
    for es, built, sc in rows:
        if es.skip:
            print(f"{es.name:14s} skipped: {es.skip}")
            continue
        head = f"{es.name:14s} {built['articles']:4d} {built['facts']:5d} "
        if sc is None:
            why = "no gold" if es.gold is None else "no scorer"
            print(head + f"   -    -  ({why}: {built['entities']} entities, {built['seconds']:.1f}s)")
            continue
        print(head + f"{sc['gold_triples']:4d} {sc['correct']:4d}  {sc['precision']:5.3f} {sc['recall']:5.3f} "
              f"{sc['f1']:5.3f}  {sc['pair_f1']:6.3f}  {sc['entity_recall']:5.3f}  {built['seconds']:5.1f}")


def print_relations(rows: list[tuple[EvalSet, dict, dict | None]]) -> None:
    scored = [(es, sc) for es, _, sc in rows if sc]
    if not scored:
        return
    relations = sorted({r for _, sc in scored for r in sc["per_predicate"]})
    width = max(len(es.name) for es, _ in scored) + 1
    width = max(width, 15)
    print("\nper relation: correct/gold/system F1")
    print(f"{'relation':15s}" + "".join(f"{es.name:>{width}s}" for es, _ in scored))
    for rel in relations:
        cells = []
        for _, sc in scored:
            m = sc["per_predicate"].get(rel)
            cells.append(f"{m['correct']}/{m['gold']}/{m['system']} {m['f1']:.2f}" if m else "-")
        print(f"{rel:15s}" + "".join(f"{c:>{width}s}" for c in cells))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the team's shared folder")
    ap.add_argument("--sets", nargs="*", help="only these sets (names as printed; 'dev-broad' also selects its groups)")
    ap.add_argument("--show", type=int, default=0, help="list up to N misses and false alarms of each scored set")
    ap.add_argument("--workers", type=int, default=1, help="extraction processes per build")
    ap.add_argument("--keep", type=Path, help="write the built graphs into this folder")
    ap.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    args = ap.parse_args(argv)

    sets = eval_sets(args.shared)
    if args.sets:
        sets = [es for es in sets if es.name in args.sets or es.name.split()[0] in args.sets]
    score_py = args.shared / "eval" / "score.py"
    rows = []
    with tempfile.TemporaryDirectory(prefix="rawabit-quality-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for es in sets:
            if es.skip:
                rows.append((es, {}, None))
                continue
            out = folder / (es.name.replace(" ", "-") + ".ttl")
            built = build(es, out, args.workers)
            sc = score(es, out, score_py, show=args.show) if es.gold and score_py.is_file() else None
            rows.append((es, built, sc))
    print()
    print_summary(rows)
    print_relations(rows)
    if args.json:
        args.json.write_text(json.dumps(
            [{"set": es.name, "skipped": es.skip, "built": built, "score": sc} for es, built, sc in rows],
            ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
