"""Whether one long article costs what its words cost: 2,000 against 8,000 sentences, 1 MB whole or cut.

Long reports and transcripts are real inputs. A rule that looks back over
everything read so far in the article makes its cost grow with the square of
its length; this benchmark shows it. From the varied articles of
:func:`build_speed.make_corpus` (the samples with names swapped, sentences
shuffled, fixed seed) it writes

- one article of 2,000 and one of 8,000 sentences (the paragraphs of the
  generated articles one after another, under one headline), and prints the
  cost of building each and their ratio: work that grows with the length
  gives 4, the target is below 6;
- about 1 MB of those articles as short files, and the very same paragraphs
  as one article, and prints the words per second of each.

Each build is ``rawabit build --workers 1`` to N-Triples in a child process
(:func:`build_speed.build`). Its cost is CPU seconds (user and system, read
from the child's rusage), less the CPU seconds of building a one-sentence
article (start-up: imports and loading the models), so that a busy machine,
whose wall time says little, does not blur the ratios; wall seconds are
printed beside them.

Usage::

    python benchmarks/long_article.py
    python benchmarks/long_article.py --sentences 2000,8000,16000 --mb 2 --workdir /tmp/la
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_speed  # noqa: E402  (a sibling script: the corpus generator and the measured child build)

HEADLINE = "تقرير مطوّل"
ARTICLES_PER_MB = 600   # generated articles are about 2 KB each: enough for 1 MB


def _bodies(folder: Path) -> list[tuple[Path, list[str]]]:
    """Each generated article's file and its paragraphs after the headline."""
    out = []
    for path in sorted(folder.rglob("*.txt")):
        paras = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n")]
        out.append((path, [p for p in paras[1:] if p]))
    return out


def long_article(bodies: list[tuple[Path, list[str]]], sentences: int, dest: Path) -> dict:
    """Write one article of about *sentences* sentences from *bodies*; return its size."""
    from rawabit.extract.reading.sentences import split_sentences

    paras, count = [], 0
    for _, body in bodies:
        for para in body:
            if count >= sentences:
                break
            paras.append(para)
            count += len(split_sentences(para))
    if count < sentences:
        raise SystemExit(f"the generated corpus holds only {count} sentences; use fewer")
    return _write(dest, paras) | {"sentences": count}


def cut_and_whole(bodies: list[tuple[Path, list[str]]], megabytes: float, short: Path, whole: Path) -> dict:
    """Copy generated articles into *short* until they hold *megabytes*; write their paragraphs as one article."""
    short.mkdir(parents=True, exist_ok=True)
    paras, size, n = [], 0, 0
    for path, body in bodies:
        if size >= megabytes * 1024 * 1024:
            break
        text = path.read_text(encoding="utf-8")
        (short / path.name).write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
        paras += body
        n += 1
    if size < megabytes * 1024 * 1024:
        raise SystemExit(f"the generated corpus holds only {size / 2**20:.2f} MB; use less")
    return {"articles": n, "bytes": size} | {"whole": _write(whole, paras)}


def _write(dest: Path, paras: list[str]) -> dict:
    text = HEADLINE + "\n\n" + "\n\n".join(paras) + "\n"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text, encoding="utf-8")
    return {"words": len(text.split()), "bytes": len(text.encode("utf-8"))}


def measure(corpus: Path, out: Path, startup: float, words: int) -> dict:
    """Build *corpus* once; its cost net of *startup*, and words per second of that cost."""
    res = build_speed.build(corpus, out, 1, (".nt",))
    cost = max(res["cpu"] - startup, 1e-6)
    return {"cpu": res["cpu"], "cost": cost, "wall": res["wall"], "rss": res["rss"],
            "facts": res["facts"], "articles": res["articles"], "words": words, "words_per_s": words / cost}


def _line(label: str, m: dict) -> str:
    return (f"{label:34s} {m['words']:8,d} words  {m['cost']:7.2f} s CPU net ({m['cpu']:.2f} in all)  "
            f"{m['words_per_s']:8,.0f} words/s  wall {m['wall']:6.2f} s  peak {m['rss']} MiB  {m['facts']} facts")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", default="2000,8000", help="lengths of the long articles, in sentences")
    ap.add_argument("--mb", type=float, default=1.0, help="size of the text built whole and cut into articles")
    ap.add_argument("--workdir", type=Path, help="keep the texts and graphs here (default: a temporary folder)")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args(argv)
    lengths = [int(x) for x in args.sentences.split(",") if x.strip()]

    with tempfile.TemporaryDirectory(prefix="rawabit-long-") as tmp:
        work = args.workdir or Path(tmp)
        generated = work / "generated"
        if not generated.is_dir():
            need = max(int(max(lengths) / 6) + 50, int(args.mb * ARTICLES_PER_MB))
            build_speed.make_corpus(need, generated)
        bodies = _bodies(generated)

        tiny = work / "tiny" / "one.txt"
        _write(tiny, [bodies[0][1][0].split(".")[0] + "."])
        startup = build_speed.build(tiny, work / "out-tiny", 1, (".nt",))["cpu"]
        print(f"start-up (a one-sentence article): {startup:.2f} s CPU")

        results: dict = {"startup_cpu": startup, "long": {}, "megabyte": {}}
        for n in lengths:
            size = long_article(bodies, n, work / f"long-{n}" / "article.txt")
            m = measure(work / f"long-{n}" / "article.txt", work / f"out-long-{n}", startup, size["words"])
            results["long"][n] = m | size
            print(_line(f"one article of {size['sentences']:,d} sentences", m))
        if len(lengths) >= 2:
            a, b = results["long"][lengths[0]], results["long"][lengths[-1]]
            ratio = b["cost"] / a["cost"]
            results["ratio"] = ratio
            print(f"{lengths[-1]:,d} ÷ {lengths[0]:,d} sentences: cost ×{ratio:.2f} "
                  f"(words ×{b['words'] / a['words']:.2f}; target < 6)")

        sizes = cut_and_whole(bodies, args.mb, work / "cut", work / "whole" / "article.txt")
        cut = measure(work / "cut", work / "out-cut", startup, sum(len(p.read_text(encoding="utf-8").split())
                                                                  for p in (work / "cut").glob("*.txt")))
        whole = measure(work / "whole" / "article.txt", work / "out-whole", startup, sizes["whole"]["words"])
        results["megabyte"] = {"cut": cut, "whole": whole, "articles": sizes["articles"], "bytes": sizes["bytes"]}
        print(_line(f"{sizes['bytes'] / 2**20:.2f} MB as {sizes['articles']} articles", cut))
        print(_line(f"the same text as one article", whole))
        print(f"one article ÷ many: {whole['words_per_s'] / cut['words_per_s']:.2f} of the words per second")
        if args.json:
            args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
