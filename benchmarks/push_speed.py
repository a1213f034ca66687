"""How fast ``rawabit push`` sends a store to a real Oxigraph server, and in how much memory.

Builds a store from a generated corpus (``build_speed.make_corpus``; kept in
``--workdir`` for the next run), starts ``oxigraph serve`` on a free loopback
port, and prints for ``rawabit push --store`` and ``rawabit push FILE.nq``
(and for the store into ``/store?no_transaction``, Oxigraph's bulk loader):
wall seconds, quads per second, the client's peak RSS (its rusage) and CPU
seconds, against pyoxigraph's own N-Quads dump of the same store (the floor of
reading the store) and against the server's own bulk load of that dump
(``oxigraph load``, the floor of the server's writing). Then checks that the
server holds as many quads as the store.

Usage::

    python benchmarks/push_speed.py                          # 10k articles
    python benchmarks/push_speed.py --articles 100000 --workdir /tmp/rb-push
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

import build_speed  # noqa: E402  (make_corpus, _run_with_rusage)
import pyoxigraph as ox  # noqa: E402

from support import servers  # noqa: E402  (tests/support: start_oxigraph)

RAWABIT = str(Path(sys.executable).parent / "rawabit")


def _store(workdir: Path, articles: int) -> Path:
    corpus, store = workdir / f"corpus-{articles}", workdir / f"store-{articles}"
    if not (corpus / ".words").is_file():
        shutil.rmtree(corpus, ignore_errors=True)
        build_speed.make_corpus(articles, corpus)
    if not (store / "CURRENT").is_file():
        t = time.perf_counter()
        build_speed._run_with_rusage([RAWABIT, "build", str(corpus), "--store", str(store), "--no-ner",
                                      "--workers", "2", "-q"])
        print(f"built the store of {articles:,} articles in {time.perf_counter() - t:.0f} s")
    return store


def _server_count(server: servers.Server) -> int:
    """Quads the server holds: its named graphs' by SPARQL, its default graph's by the Graph Store
    (the server's queries see the union of all graphs as their default graph)."""
    query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"}).encode()
    request = urllib.request.Request(server.url + "/query", data=query,
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=600) as answer:
        named = int(json.load(answer)["results"]["bindings"][0]["n"]["value"])
    request = urllib.request.Request(server.url + "/store?default", headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=600) as answer:
        return named + sum(1 for line in answer if line.strip())


def _drop(server: servers.Server) -> None:
    request = urllib.request.Request(server.url + "/update", data=b"update=DROP%20ALL")
    with urllib.request.urlopen(request, timeout=600):
        pass


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10_000, help="corpus size (default 10000)")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "rawabit-push-bench")
    ap.add_argument("--chunk-size", type=int, default=50_000)
    args = ap.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    store = _store(args.workdir, args.articles)

    t = time.perf_counter()
    dump = args.workdir / "dump.nq"
    opened = ox.Store.read_only(str(store))
    opened.dump(str(dump), format=ox.RdfFormat.N_QUADS)
    quads = len(opened)
    del opened
    floor = time.perf_counter() - t
    print(f"store: {quads:,} quads; pyoxigraph dump to N-Quads {floor:.1f} s ({dump.stat().st_size / 2**20:.0f} MiB)")

    bulk = args.workdir / "bulk.oxigraph"
    shutil.rmtree(bulk, ignore_errors=True)
    _, seconds, rss, _ = build_speed._run_with_rusage(
        [str(Path(sys.executable).parent / "oxigraph"), "load", "--location", str(bulk), "--file", str(dump)])
    print(f"oxigraph load of that dump (the server's own bulk loader): {seconds:.1f} s")
    shutil.rmtree(bulk, ignore_errors=True)

    with tempfile.TemporaryDirectory(dir=args.workdir) as where:
        server = servers.start_oxigraph(Path(where))
        try:
            for label, source, endpoint in (
                    ("push --store", ["--store", str(store)], "/store"),
                    ("push dump.nq", [str(dump)], "/store"),
                    ("push --store, Oxigraph's bulk loader", ["--store", str(store)], "/store?no_transaction")):
                _drop(server)
                _, seconds, rss, cpu = build_speed._run_with_rusage(
                    [RAWABIT, "push", *source, "--endpoint", server.url + endpoint, "-q",
                     "--chunk-size", str(args.chunk_size)])
                held = _server_count(server)
                print(f"rawabit {label}: {seconds:.1f} s, {quads / seconds:,.0f} quads/s, client peak RSS {rss} MiB, "
                      f"client CPU {cpu:.1f} s ({seconds / floor:.1f}x the dump); server holds {held:,} quads"
                      + ("" if held == quads else f" != {quads:,}"))
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
