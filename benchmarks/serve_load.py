"""Latency of cheap SPARQL queries while expensive ones load ``rawabit serve``.

Builds a store of the sample dataset (tests/support) plus ``--padding``
quads, starts ``rawabit serve`` on it as a child process on a free loopback
port, and runs ``--clients`` client threads for ``--duration`` seconds. Each
client sends queries one after another; every ``--expensive-every``-th is an
expensive one (a cross join that runs into the time limit), the rest are
cheap lookups (ASK, a LIMITed SELECT, a label lookup). Prints the count,
p50, p95, p99 and maximum latency of the cheap queries, and the statuses of
both kinds. ``--short-workers 0`` gives the endpoint as it was before it
kept workers for short queries.

Usage::

    python benchmarks/serve_load.py                              # 32 clients, 1 in 20 expensive, 60 s
    python benchmarks/serve_load.py --short-workers 0            # without the short lane
    python benchmarks/serve_load.py --duration 30 --timeout 10   # quicker
"""
from __future__ import annotations

import argparse
import collections
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

CHEAP = ["ASK { id:moscow rwb:rejects ?x }",
         "SELECT ?a ?b WHERE { ?a rwb:met ?b } LIMIT 20",
         "SELECT ?label WHERE { id:vladimir-putin rdfs:label ?label }",
         "SELECT ?o WHERE { <http://example.org/n%d> ?p ?o }"]
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def build_store(directory: Path, padding: int) -> None:
    from rdflib import Graph, Literal, URIRef
    from support import store_sample as sample

    from rawabit.graph.namespace import RWB
    from rawabit.graph.store import GraphStore

    extra = Graph()
    for i in range(padding):
        extra.add((URIRef(f"http://example.org/n{i}"), RWB.mentions, Literal(i)))
    with GraphStore.open(directory, create=True) as store:
        store.add_dataset(sample.sample_dataset())
        store.add_dataset(extra)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ask(url: str, query: str, timeout: float) -> int:
    full = url + "?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(full, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as err:
        return err.code
    except OSError:
        return -1


def client(index: int, url: str, args, stop: float, cheap: list, expensive: list) -> None:
    n = index   # clients start at different points of the cycle
    while time.monotonic() < stop:
        n += 1
        heavy = n % args.expensive_every == 0
        query = EXPENSIVE if heavy else CHEAP[n % len(CHEAP)].replace("%d", str(n % args.padding))
        started = time.monotonic()
        status = ask(url, query, args.timeout * 3)
        (expensive if heavy else cheap).append((time.monotonic() - started, status, started))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--expensive-every", type=int, default=20, help="one query in N is expensive (default 20)")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load (default 60)")
    parser.add_argument("--timeout", type=float, default=30.0, help="the server's --timeout (default 30)")
    parser.add_argument("--workers", type=int, default=2, help="the server's --workers (default 2)")
    parser.add_argument("--short-workers", type=int, default=2, help="the server's --short-workers (default 2)")
    parser.add_argument("--padding", type=int, default=20_000, help="quads added to the sample (default 20000)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="rawabit-serve-load-") as tmp:
        store = Path(tmp) / "db"
        build_store(store, args.padding)
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "rawabit.cli", "serve", "--store", str(store), "--port", str(port), "--quiet",
             "--timeout", str(args.timeout), "--workers", str(args.workers),
             "--short-workers", str(args.short_workers)], stderr=subprocess.PIPE, text=True)
        url = f"http://127.0.0.1:{port}/sparql"
        try:
            for _ in range(600):
                if ask(url, CHEAP[0], 5) == 200:
                    break
                time.sleep(0.1)
            else:
                raise SystemExit("the server did not start")
            cheap: list = []
            expensive: list = []
            stop = time.monotonic() + args.duration
            threads = [threading.Thread(target=client, args=(i, url, args, stop, cheap, expensive))
                       for i in range(args.clients)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        finally:
            server.terminate()
            server.wait(30)

    times = [t for t, _, _ in cheap]
    begin = min((at for _, _, at in cheap + expensive), default=0.0)
    late = sorted(round(at - begin, 1) for t, _, at in cheap if t > 1.0)
    figures = {
        "clients": args.clients, "expensive_every": args.expensive_every, "duration_s": args.duration,
        "timeout_s": args.timeout, "workers": args.workers, "short_workers": args.short_workers,
        "padding": args.padding, "cheap": len(cheap), "expensive": len(expensive),
        "cheap_p50_s": round(statistics.median(times), 4) if times else None,
        "cheap_p95_s": round(percentile(times, 0.95), 4), "cheap_p99_s": round(percentile(times, 0.99), 4),
        "cheap_max_s": round(max(times), 4) if times else None,
        "cheap_statuses": dict(collections.Counter(s for _, s, _ in cheap)),
        "expensive_statuses": dict(collections.Counter(s for _, s, _ in expensive)),
        "cheap_over_1s_sent_at_s": late,
    }
    print(f"{args.clients} clients, 1 query in {args.expensive_every} expensive, {args.duration:g} s, "
          f"--workers {args.workers} --short-workers {args.short_workers} --timeout {args.timeout:g}")
    print(f"cheap queries: {len(cheap)}  p50 {figures['cheap_p50_s']} s  p95 {figures['cheap_p95_s']} s  "
          f"p99 {figures['cheap_p99_s']} s  max {figures['cheap_max_s']} s  statuses {figures['cheap_statuses']}")
    print(f"expensive queries: {len(expensive)}  statuses {figures['expensive_statuses']}")
    print(f"cheap queries over 1 s: {len(late)}, sent at (s after the start) {late[:20]}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
