"""How fast ``rawabit build`` is at 1k, 10k and 100k articles, against a tokenizer floor.

Generates corpora from the texts in ``samples/`` (names and places swapped for
others of the same class from the gazetteer, invented names mixed in,
sentences shuffled, all with a fixed seed), then for each size runs, each as a
child process whose peak RSS is read from its rusage (``wait4``, the
``RUSAGE_CHILDREN`` figure of that one child, workers included):

- ``rawabit build`` with ``--workers 1`` and ``--workers 2`` writing Turtle,
  N-Triples, N-Quads and TriG (words/s, facts/s, peak RSS, sizes; the Turtle
  of both runs is compared byte for byte);
- with ``--dask ADDRESS`` (``local:2``, or a running scheduler), the same
  build with extraction on that Dask cluster, its overhead in % against the
  ``--workers`` build of as many processes (``local:N`` against ``--workers
  N``, else the most workers), and its Turtle compared byte for byte;
- the other export formats (JSON-LD, RDF/XML, GraphML, Cypher, Neo4j CSV,
  HTML), which need a whole rdflib graph, up to ``--rdflib-max`` articles;
- every ``docs/cookbook/*.rq`` over a store bulk-loaded from the N-Quads;
- camel-tools' ``simple_word_tokenize`` over the same texts, the floor any
  build is measured against;
- and, when ``../shared`` is beside the project, one worker over ANERcorp's
  news sentences (20 to an article) against the tokenizer over them. The
  generated corpora reuse a few sample texts, so they hold a few thousand
  different words and every per-word cache of the pipeline hits; real news
  keeps bringing new words (ANERcorp: 33k different in 150k), and this build
  shows what they cost. The number of different words is printed for each
  corpus.

With ``--repeat N`` the tokenizer and the builds of each size run N rounds in
turn and the fastest of each is reported (all are kept in the JSON): the
machine's speed drifts, and a drift that falls on one build of a pair and not
on the other is what makes a single ratio unreliable. Each round's own ratios
(build ÷ tokenize with one worker, two workers ÷ one) are printed too, with
their median over the rounds, since the fastest runs of a kind may come from
different rounds. A round runs the tokenizer before and after its builds and
takes the mean as its floor: a ten-second run can fall wholly in a fast or
slow spell that a two-minute build averages out. Before its builds a round
also times two processes of plain Python side by side against one after the
other: on a virtual machine the second core is often less than a whole one,
and the two-worker speed-up is printed against what the machine gave then.

Usage::

    python benchmarks/build_speed.py                      # 1k and 10k
    python benchmarks/build_speed.py --sizes 1000,10000,100000 --workdir /tmp/rb
    python benchmarks/build_speed.py --sizes 10000 --repeat 3     # fastest of three rounds
    python benchmarks/build_speed.py --sizes 1000 --workers 2 --dask local:2   # Dask's overhead
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
STREAM_FORMATS = (".ttl", ".nt", ".nq", ".trig")
GRAPH_FORMATS = (".jsonld", ".rdf", ".graphml", ".cypher", ".neo4j", ".html")

_CHILD = """
import json, sys, time
from rawabit import api
args = json.loads(sys.argv[1])
if args.get("no_ner"):  # the pipeline without the statistical recogniser, workers included
    from rawabit.extract.pipeline import Pipeline
    _default = Pipeline.default.__func__
    Pipeline.default = classmethod(lambda cls, **kw: _default(cls, **{**kw, "ner": False}))
t = time.perf_counter()
r = api.build([args["corpus"]], args["outputs"], workers=args["workers"], dask=args.get("dask"))
facts = len(r.extraction.facts)
print(json.dumps({"seconds": time.perf_counter() - t, "timings": r.timings, "facts": facts,
                  "articles": len(r.extraction.articles), "entities": len(r.extraction.entities)}))
"""

_LOAD_CHILD = """
import sys, time
import pyoxigraph as ox
t = time.perf_counter()
ox.Store(sys.argv[2]).bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS)
print(time.perf_counter() - t)
"""

# one query: the engine alone (every solution read), then as `rawabit query --store` runs it
_QUERY_CHILD = """
import json, sys, time
from pathlib import Path
from rawabit.graph.namespace import PREFIXES
from rawabit.graph.store import GraphStore
store_dir, query = sys.argv[1:3]
text = Path(query).read_text(encoding="utf-8")
with GraphStore.open(store_dir, read_only=True) as store:
    t = time.perf_counter()
    rows = sum(1 for _ in store.oxigraph.query(text, prefixes=PREFIXES, use_default_graph_as_union=True))
    engine = time.perf_counter() - t
    t = time.perf_counter()
    store.query(text)
    print(json.dumps({"engine": engine, "full": time.perf_counter() - t, "rows": rows}))
"""


# -- corpus ------------------------------------------------------------------

def _gazetteer() -> dict[str, list[list[str]]]:
    """Spellings by entity class, from extract/data/gazetteer_*.tsv."""
    by_type: dict[str, list[list[str]]] = {}
    for name in ("people", "places", "orgs"):
        lines = (ROOT / "extract" / "data" / f"gazetteer_{name}.tsv").read_text(encoding="utf-8").splitlines()
        head = lines[0].split("\t")
        for line in lines[1:]:
            row = dict(zip(head, line.split("\t")))
            spellings = [s for s in row.get("ar", "").split("|") if s]
            if spellings:
                by_type.setdefault(row["type"], []).append(spellings)
    return by_type


def _samples() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from rawabit.extract.reading.reader import read_articles
    return [a.text for a in read_articles([ROOT / "samples"])]


def make_corpus(n: int, dest: Path, *, seed: int = 7) -> tuple[int, int]:
    """Write *n* varied articles under *dest*; return (articles, words)."""
    rng = random.Random(seed)
    gaz = _gazetteer()
    texts = _samples()
    people = gaz["Person"]
    firsts = sorted({s[0].split()[0] for s in people if len(s[0].split()) > 1})
    lasts = sorted({s[0].split()[-1] for s in people if len(s[0].split()) > 1})
    # every listed spelling seen in the samples, longest first, with its class
    present = sorted({(sp, t) for t, ents in gaz.items() for e in ents for sp in e if len(sp) > 3
                      and any(sp in x for x in texts)}, key=lambda p: -len(p[0]))
    pattern = re.compile("|".join(re.escape(sp) for sp, _ in present))
    kind = dict(present)
    words = 0
    for i in range(n):
        base = texts[i % len(texts)]
        paras = base.split("\n\n")
        title, body = paras[0], [p for p in paras[1:] if p.strip()]
        sents = [s for p in body for s in re.split(r"(?<=[.!؟])\s+", p) if s.strip()]
        rng.shuffle(sents)
        swap: dict[str, str] = {}

        def other(m: re.Match) -> str:
            sp = m.group(0)
            if sp not in swap:
                t = kind[sp]
                if t == "Person" and rng.random() < 0.3:
                    swap[sp] = f"{rng.choice(firsts)} {rng.choice(lasts)}"
                else:
                    swap[sp] = rng.choice(gaz[t])[0]
            return swap[sp]

        paras_out = [pattern.sub(other, title)]
        for k in range(0, len(sents), 3):
            paras_out.append(pattern.sub(other, " ".join(sents[k:k + 3])))
        text = "\n\n".join(paras_out) + "\n"
        words += len(text.split())
        folder = dest / f"{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    (dest / ".words").write_text(str(words))
    return n, words


# -- measuring ---------------------------------------------------------------

def _run_with_rusage(argv: list[str]) -> tuple[str, float, int, float]:
    """Run *argv*; return its output, wall seconds, peak RSS in MiB and CPU seconds
    (user and system, its waited-for worker processes included)."""
    t = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err, cwd=tempfile.gettempdir())
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - t
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            raise RuntimeError(f"{' '.join(argv[:3])} failed: {err.read().decode()[-2000:]}")
        return out.read().decode(), seconds, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime


def stolen() -> float:
    """Seconds of CPU the hypervisor has given other guests so far, over all cores
    (the ``steal`` column of ``/proc/stat``; 0 where there is none)."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            fields = fh.readline().split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK") if fields[0] == "cpu" and len(fields) > 8 else 0.0
    except (OSError, ValueError):
        return 0.0


def steal_share(before: float, seconds: float) -> float:
    """The share of the machine's cores taken by other guests since *before*
    (a :func:`stolen` reading) over *seconds* of wall time."""
    return (stolen() - before) / (seconds * (os.cpu_count() or 1)) if seconds > 0 else 0.0


def build(corpus: Path, outdir: Path, workers: int | None, formats: tuple[str, ...], *, no_ner: bool = False,
          dask: str | None = None) -> dict:
    outdir.mkdir(parents=True, exist_ok=True)
    outputs = [str(outdir / f"graph{ext}") for ext in formats]
    args = json.dumps({"corpus": str(corpus), "outputs": outputs, "workers": workers, "no_ner": no_ner,
                       "dask": dask})
    steal = stolen()
    out, seconds, rss, cpu = _run_with_rusage([PY, "-c", _CHILD, args])
    res = json.loads(out.strip().splitlines()[-1])
    res.update(wall=seconds, rss=rss, cpu=cpu, sizes={Path(o).suffix: _size(Path(o)) for o in outputs}, outputs=outputs,
               steal=steal_share(steal, seconds))
    return res


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size if path.exists() else 0


def tokenize_floor(corpus: Path) -> tuple[float, int, float]:
    """Seconds and tokens of simple_word_tokenize over every article of *corpus*,
    and the share of the cores other guests took meanwhile (:func:`steal_share`)."""
    from camel_tools.tokenizers.word import simple_word_tokenize
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.rglob("*.txt"))]
    steal = stolen()
    t = time.perf_counter()
    tokens = sum(len(simple_word_tokenize(text)) for text in texts)
    seconds = time.perf_counter() - t
    return seconds, tokens, steal_share(steal, seconds)


def _spin(n: int = 6_000_000) -> None:
    """A pure-Python CPU load (dictionary updates and string making)."""
    d: dict[int, int] = {}
    for i in range(n):
        d[i % 1000] = d.get(i % 1000, 0) + len(str(i))


def machine_speed_up() -> float:
    """How much sooner two CPU-bound processes finish side by side than one after
    the other, on this machine and now: what two workers could gain at best.

    A virtual machine's second core is often not a whole core, and less so when
    other guests are busy; this sets the build's speed-up against it.
    """
    import multiprocessing as mp
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    t = time.perf_counter()
    for _ in range(2):
        p = ctx.Process(target=_spin)
        p.start()
        p.join()
    serial = time.perf_counter() - t
    t = time.perf_counter()
    both = [ctx.Process(target=_spin) for _ in range(2)]
    for p in both:
        p.start()
    for p in both:
        p.join()
    return serial / (time.perf_counter() - t)


def distinct_words(corpus: Path) -> int:
    """How many different whitespace-separated words the articles of *corpus* hold."""
    return len({w for p in corpus.rglob("*.txt") for w in p.read_text(encoding="utf-8").split()})


#: Real news text with a real vocabulary, when ../shared is beside the project.
ANERCORP = ROOT.parent / "shared" / "data" / "anercorp"
_SENTENCES_PER_ARTICLE = 20


def anercorp_articles(dest: Path) -> Path | None:
    """Write ANERcorp's sentences (train and test, tokens joined by spaces) as
    articles of 20 sentences under *dest*; None when ANERcorp is not there.

    The generated corpora reuse the few sample texts, so a word seen once comes
    back thousands of times and every per-word cache of the pipeline hits; real
    news keeps bringing new words. This corpus shows what that costs.
    """
    files = sorted(ANERCORP.glob("ANERCorp_CAMeLstyle_reconstructed_*.txt"))
    if not files:
        return None
    if (dest / ".words").exists():
        return dest
    from rawabit.extract.entities.ner_mentions import read_conll
    sentences = [" ".join(token for token, _ in s) for f in files for s in read_conll(f)]
    dest.mkdir(parents=True, exist_ok=True)
    for k in range(0, len(sentences), _SENTENCES_PER_ARTICLE):
        (dest / f"{k // _SENTENCES_PER_ARTICLE:05d}.txt").write_text(
            "\n".join(sentences[k:k + _SENTENCES_PER_ARTICLE]) + "\n", encoding="utf-8")
    (dest / ".words").write_text(str(sum(len(s.split()) for s in sentences)))
    return dest


def real_text(work: Path, repeat: int, *, no_ner: bool) -> dict | None:
    """One worker over ANERcorp's news text against the tokenizer, *repeat* rounds
    (each round's tokenizer time is the mean of a run before and one after its build)."""
    corpus = anercorp_articles(work / "anercorp-articles")
    if corpus is None:
        print("[anercorp] skipped: ../shared/data/anercorp is not beside the project", flush=True)
        return None
    words = int((corpus / ".words").read_text())
    row: dict = {"words": words, "distinct": distinct_words(corpus), "rounds": []}
    before, _, _ = tokenize_floor(corpus)
    for _ in range(repeat):
        res = build(corpus, work / "out-anercorp-w1", 1, STREAM_FORMATS, no_ner=no_ner)
        after, _, _ = tokenize_floor(corpus)
        tok = (before + after) / 2
        row["rounds"].append({"tokenize": tok, "w1": res["wall"], "extract": res["timings"]["extract"]})
        before = after
    ratios = [r["tokenize"] / r["w1"] for r in row["rounds"]]
    row["build_per_tokenize"] = statistics.median(ratios)
    best = min(row["rounds"], key=lambda r: r["w1"])
    print(f"[anercorp] {len(list(corpus.glob('*.txt')))} articles of ANERcorp news, {words} words "
          f"({row['distinct']} different); workers 1: {best['w1']:.1f} s, {words / best['w1']:,.0f} words/s; "
          f"one worker at {100 * row['build_per_tokenize']:.1f}% of the tokenizer (median of rounds: "
          f"{', '.join(f'{100 * v:.1f}%' for v in ratios)})", flush=True)
    return row


def queries(nq: Path, workdir: Path, *, timeout: float = 300) -> dict:
    """Bulk-load *nq* into a store, then time each cookbook query in its own process.

    A query that runs past *timeout* seconds is stopped and recorded as that.
    """
    store = workdir / "store"
    if store.exists():
        import shutil
        shutil.rmtree(store)
    out, _, rss, _ = _run_with_rusage([PY, "-c", _LOAD_CHILD, str(nq), str(store)])
    res: dict = {"load": float(out.strip().splitlines()[-1]), "queries": {}, "engine": {}, "rows": {}}
    for q in sorted((ROOT / "docs" / "cookbook").glob("*.rq")):
        try:
            done = subprocess.run([PY, "-c", _QUERY_CHILD, str(store), str(q)], capture_output=True,
                                  timeout=timeout, cwd=tempfile.gettempdir(), check=True)
            got = json.loads(done.stdout.decode().strip().splitlines()[-1])
            res["queries"][q.name], res["engine"][q.name], res["rows"][q.name] = \
                got["full"], got["engine"], got["rows"]
        except subprocess.TimeoutExpired:
            res["queries"][q.name] = res["engine"][q.name] = float(timeout)
            res["rows"][q.name] = None
    return res


# -- report ------------------------------------------------------------------

def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        ram = int(next(l for l in Path("/proc/meminfo").read_text().splitlines()
                       if l.startswith("MemTotal")).split()[1]) / 2**20
    except (OSError, StopIteration):
        ram = 0
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0
    return (f"{os.cpu_count()} cores ({cpu}), {ram:.0f} GiB RAM, Python {platform.python_version()}, "
            f"load average {load:.1f} at start")


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n < 2**30 else f"{n / 2**30:.2f} GB"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated (add 100000 for the big one)")
    ap.add_argument("--workers", default="1,2", help="worker counts to build with")
    ap.add_argument("--dask", metavar="ADDRESS",
                    help="also build with extraction on this Dask cluster (local:N, or a scheduler's address)")
    ap.add_argument("--workers-1-max", type=int, default=10_000, help="largest size also built with --workers 1")
    ap.add_argument("--rdflib-max", type=int, default=1000, help="largest size for the formats that need rdflib")
    ap.add_argument("--queries-only", action="store_true",
                    help="only time the cookbook queries, over the N-Quads an earlier run left in --workdir")
    ap.add_argument("--query-timeout", type=float, default=300, help="seconds a cookbook query may run")
    ap.add_argument("--no-ner", action="store_true", help="build without the statistical NER component")
    ap.add_argument("--tokenize-max", type=int, default=10**9,
                    help="above this size, take the tokenizer speed of the largest smaller corpus measured")
    ap.add_argument("--repeat", type=int, default=1,
                    help="rounds of tokenizer and builds, in turn; the fastest of each is reported")
    ap.add_argument("--no-real-text", action="store_true",
                    help="skip the build over ANERcorp's news text (read from ../shared when present)")
    ap.add_argument("--workdir", type=Path, help="keep corpora and outputs here (default: a temporary dir)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    workers = [int(w) for w in args.workers.split(",")]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="rawabit-bench-"))
    print(f"machine: {machine()}; NER {'off' if args.no_ner else 'on'}", flush=True)
    results: dict = {"machine": machine(), "no_ner": args.no_ner, "dask": args.dask, "sizes": {}}
    for n in sizes:
        if args.queries_only:
            q = queries(work / f"out-{n}-w{max(workers)}" / "graph.nq", work / f"out-{n}-w{max(workers)}",
                        timeout=args.query_timeout)
            print(f"[{n}] store bulk load {q['load']:.1f} s; queries (s, engine s, rows): "
                  f"{json.dumps({k: (round(v, 2), round(q['engine'][k], 2), q['rows'][k]) for k, v in q['queries'].items()})}",
                  flush=True)
            results["sizes"][n] = {"query": q}
            if args.json:
                args.json.write_text(json.dumps(results, indent=1, default=str))
            continue
        corpus = work / f"corpus-{n}"
        if not (corpus / ".words").exists():
            t = time.perf_counter()
            make_corpus(n, corpus)
            print(f"[{n}] generated in {time.perf_counter() - t:.0f} s", flush=True)
        words = int((corpus / ".words").read_text())
        row: dict = {"words": words, "distinct": distinct_words(corpus), "rounds": []}
        print(f"[{n}] {row['distinct']} different words", flush=True)
        for rep in range(args.repeat):   # rounds in turn, so that a slow spell hits every kind of run
            this_round: dict = {}
            if n <= args.tokenize_max or not results["sizes"]:
                tok_s, tokens, tok_steal = tokenize_floor(corpus)
                floor = {"seconds": tok_s, "tokens": tokens, "words_per_s": words / tok_s}
                runs = row.get("tokenize", {}).get("runs", []) + [tok_s]
                if "tokenize" not in row or tok_s < row["tokenize"]["seconds"]:
                    row["tokenize"] = floor
                row["tokenize"]["runs"] = runs
            else:
                row["tokenize"] = dict(list(results["sizes"].values())[-1]["tokenize"], reused=True)
                tok_s = words / row["tokenize"]["words_per_s"]
            this_round["tokenize"] = tok_s
            print(f"[{n}] {words} words; simple_word_tokenize {tok_s:.1f} s = {words / tok_s:,.0f} words/s"
                  + (f", cores stolen by other guests {tok_steal:.0%}" if n <= args.tokenize_max else ""),
                  flush=True)
            if len(workers) > 1:
                this_round["machine"] = machine_speed_up()
                print(f"[{n}] two processes of pure Python finish {this_round['machine']:.2f}x sooner "
                      f"side by side than one after the other", flush=True)
            for w in workers:
                if w == 1 and n > args.workers_1_max:
                    continue
                res = build(corpus, work / f"out-{n}-w{w}", w, STREAM_FORMATS, no_ner=args.no_ner)
                this_round[f"w{w}"] = res["wall"]
                runs = row.get(f"w{w}", {}).get("runs", []) + [res["wall"]]
                if f"w{w}" not in row or res["wall"] < row[f"w{w}"]["wall"]:
                    row[f"w{w}"] = res      # the fastest round is the one reported
                row[f"w{w}"]["runs"] = runs
                _print_build(n, f"workers {w}", words, res)
            if args.dask:
                res = build(corpus, work / f"out-{n}-dask", None, STREAM_FORMATS, no_ner=args.no_ner,
                            dask=args.dask)
                this_round["dask"] = res["wall"]
                runs = row.get("dask", {}).get("runs", []) + [res["wall"]]
                if "dask" not in row or res["wall"] < row["dask"]["wall"]:
                    row["dask"] = res
                row["dask"]["runs"] = runs
                _print_build(n, f"dask {args.dask}", words, res)
            if n <= args.tokenize_max or not results["sizes"]:
                # the floor again after the builds: a slow or fast spell of the machine
                # then weighs on this round's floor as it does on its builds
                after, _, after_steal = tokenize_floor(corpus)
                row["tokenize"]["runs"].append(after)
                if after < row["tokenize"]["seconds"]:
                    row["tokenize"].update(seconds=after, words_per_s=words / after)
                this_round["tokenize"] = (tok_s + after) / 2
                print(f"[{n}] simple_word_tokenize again {after:.1f} s (cores stolen {after_steal:.0%}); "
                      f"this round's floor {this_round['tokenize']:.1f} s", flush=True)
            row["rounds"].append(this_round)
            print(f"[{n}] round {rep + 1}: {_round_ratios(this_round)}", flush=True)
        if args.repeat > 1:
            print(f"[{n}] median of {args.repeat} rounds: {_median_ratios(row['rounds'])}", flush=True)
        if "dask" in row:
            pair = _dask_pair(args.dask, workers)
            row["dask_against"] = pair
            same = {w: Path(row[w]["outputs"][0]).read_bytes() == Path(row["dask"]["outputs"][0]).read_bytes()
                    for w in ("w1", pair) if w in row}
            row["dask_identical_turtle"] = same
            line = f"[{n}] Turtle of the Dask build identical to " + ", ".join(
                f"workers {w[1:]}: {ok}" for w, ok in same.items())
            if pair in row:
                over = [r["dask"] / r[pair] - 1 for r in row["rounds"] if pair in r and "dask" in r]
                row["dask_overhead"] = row["dask"]["wall"] / row[pair]["wall"] - 1
                line += (f"; Dask overhead against workers {pair[1:]}: {100 * row['dask_overhead']:+.1f}% "
                         f"(fastest runs; rounds: {', '.join(f'{100 * v:+.1f}%' for v in over)}), "
                         f"extraction alone {100 * (row['dask']['timings']['extract'] / row[pair]['timings']['extract'] - 1):+.1f}%, "
                         f"CPU seconds {100 * (row['dask']['cpu'] / row[pair]['cpu'] - 1):+.1f}%")
            print(line, flush=True)
        if "w1" in row and "w2" in row:
            same = Path(row["w1"]["outputs"][0]).read_bytes() == Path(row["w2"]["outputs"][0]).read_bytes()
            row["identical_turtle"] = same
            print(f"[{n}] Turtle identical for workers 1 and 2: {same}; "
                  f"speed-up {row['w1']['wall'] / row['w2']['wall']:.2f}x", flush=True)
        if n <= args.rdflib_max:
            res = build(corpus, work / f"out-{n}-graph", max(workers), GRAPH_FORMATS, no_ner=args.no_ner)
            row["graph_formats"] = res
            print(f"[{n}] rdflib formats: {res['wall']:.1f} s, peak RSS {res['rss']} MiB; "
                  f"{json.dumps({k: round(v, 1) for k, v in res['timings'].items()})}", flush=True)
        last = row.get(f"w{max(workers)}") or row.get("w1")
        q = queries(Path(last["outputs"][STREAM_FORMATS.index(".nq")]), work / f"out-{n}-w{max(workers)}",
                    timeout=args.query_timeout)
        slowest = max(q["queries"].items(), key=lambda kv: kv[1])
        row["query"] = q
        print(f"[{n}] store bulk load {q['load']:.1f} s; slowest cookbook query {slowest[0]} "
              f"{slowest[1]:.2f} s (engine alone {q['engine'][slowest[0]]:.2f} s); "
              f"all (s, engine s, rows): {json.dumps({k: (round(v, 2), round(q['engine'][k], 2), q['rows'][k]) for k, v in q['queries'].items()})}",
              flush=True)
        results["sizes"][n] = row
        if args.json:
            args.json.write_text(json.dumps(results, indent=1, default=str))
    if not args.queries_only and not args.no_real_text:
        results["anercorp"] = real_text(work, args.repeat, no_ner=args.no_ner)
        if args.json:
            args.json.write_text(json.dumps(results, indent=1, default=str))
    if not args.queries_only:
        print()
        print(table(results))
    return 0


def _print_build(n: int, what: str, words: int, res: dict) -> None:
    print(f"[{n}] {what}: {res['wall']:.1f} s, {words / res['wall']:,.0f} words/s, "
          f"{res['facts'] / res['wall']:,.0f} facts/s, peak RSS {res['rss']} MiB, "
          f"CPU {res['cpu']:.1f} s ({res['cpu'] / res['wall']:.2f} cores busy), "
          f"cores stolen by other guests {res['steal']:.0%}, "
          f"ttl {_mb(res['sizes']['.ttl'])}; "
          f"{json.dumps({k: round(v, 1) for k, v in res['timings'].items()})}", flush=True)


def _dask_pair(dask: str, workers: list[int]) -> str:
    """The key of the ``--workers`` build to set a ``--dask`` one against: as many
    processes for ``local:N``, else the most workers."""
    local = re.fullmatch(r"local:(\d+)", dask.strip())
    n = int(local.group(1)) if local and int(local.group(1)) in workers else max(workers)
    return f"w{n}"


def _ratios(r: dict) -> dict[str, float]:
    """A round's build ÷ tokenize speed with one worker and its two-worker speed-up."""
    out = {}
    if "w1" in r:
        out["build_per_tokenize"] = r["tokenize"] / r["w1"]
    if "w1" in r and "w2" in r:
        out["speed_up"] = r["w1"] / r["w2"]
        if r.get("machine"):
            out["of_machine"] = out["speed_up"] / r["machine"]
    return out


def _round_ratios(r: dict) -> str:
    got = _ratios(r)
    parts = []
    if "build_per_tokenize" in got:
        parts.append(f"one worker at {100 * got['build_per_tokenize']:.1f}% of this round's tokenizer")
    if "speed_up" in got:
        parts.append(f"two workers {got['speed_up']:.2f}x one")
    if "of_machine" in got:
        parts.append(f"{100 * got['of_machine']:.0f}% of the machine's {r['machine']:.2f}x")
    return "; ".join(parts) or "no pair"


def _median_ratios(rounds: list[dict]) -> str:
    got = [_ratios(r) for r in rounds]
    parts = []
    per_tok = [g["build_per_tokenize"] for g in got if "build_per_tokenize" in g]
    if per_tok:
        parts.append(f"one worker at {100 * statistics.median(per_tok):.1f}% of the tokenizer "
                     f"(rounds: {', '.join(f'{100 * v:.1f}%' for v in per_tok)})")
    ups = [g["speed_up"] for g in got if "speed_up" in g]
    if ups:
        parts.append(f"two workers {statistics.median(ups):.2f}x one (rounds: {', '.join(f'{v:.2f}x' for v in ups)})")
    shares = [g["of_machine"] for g in got if "of_machine" in g]
    if shares:
        parts.append(f"{100 * statistics.median(shares):.0f}% of what the machine's two processes gained "
                     f"(rounds: {', '.join(f'{100 * v:.0f}%' for v in shares)})")
    return "; ".join(parts) or "no pair"


def table(results: dict) -> str:
    """The figures as a Markdown table."""
    lines = ["| articles | words | NER | workers | seconds | words/s | facts/s | peak RSS | Turtle | "
             "build ÷ tokenize speed | extraction ÷ tokenize speed | speed-up | slowest query |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    ner = "off" if results.get("no_ner") else "on"
    for n, row in results["sizes"].items():
        tok = row["tokenize"]["words_per_s"]
        slow = max(row["query"]["queries"].values())
        for w in ("w1", "w2", "dask"):
            if w not in row:
                continue
            r = row[w]
            speed = row["words"] / r["wall"]
            gain = f"{row['w1']['wall'] / r['wall']:.2f}×" if w != "w1" and "w1" in row else ""
            who = "Dask " + results.get("dask", "") if w == "dask" else w[1:]
            lines.append(f"| {int(n):,} | {row['words']:,} | {ner} | {who} | {r['wall']:.0f} | {speed:,.0f} | "
                         f"{r['facts'] / r['wall']:,.0f} | {r['rss']} MiB | {_mb(r['sizes']['.ttl'])} | "
                         f"{100 * speed / tok:.1f}% | {100 * row['words'] / r['timings']['extract'] / tok:.1f}% | "
                         f"{gain} | {slow:.2f} s |")
    real = results.get("anercorp")
    if real:
        best = min(r["w1"] for r in real["rounds"])
        lines.append(f"| ANERcorp news | {real['words']:,} | {ner} | 1 | {best:.0f} | {real['words'] / best:,.0f} | "
                     f"| | | {100 * real['build_per_tokenize']:.1f}% (median) | | | |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
