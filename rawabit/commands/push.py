"""``rawabit push``: send a graph file or a store to a SPARQL server."""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from rawabit.errors import InputError

__all__ = ["NAME", "HELP", "DESCRIPTION", "add_arguments", "run"]

NAME = "push"
HELP = "send a graph file or a store to a SPARQL server (Graph Store Protocol)"
DESCRIPTION = """\
Send every quad of a graph file (.ttl .nt .nq .trig .jsonld .rdf) or of a
store to a SPARQL server, over the SPARQL 1.1 Graph Store HTTP Protocol, in
chunks of --chunk-size quads. A request that finds the server unreachable,
busy (429, 503) or failing (5xx) is tried again --retries times, waiting
longer each time. Pushing again adds nothing new: the server keeps one copy
of each quad.

Without --graph the dataset goes as N-Quads to the endpoint URL, one named
graph per article as in the store; with --graph IRI the union of all graphs
goes as Turtle into that one graph (--graph default: the default graph),
which every Graph Store endpoint takes, Virtuoso's too.

endpoints:
  Oxigraph   http://HOST:7878/store
  Fuseki     http://HOST:3030/DATASET   (one graph: http://HOST:3030/DATASET/data)
  GraphDB    http://HOST:7200/repositories/REPO/statements
             (one graph: http://HOST:7200/repositories/REPO/rdf-graphs/service)
  Virtuoso   http://HOST:8890/sparql-graph-crud-auth  (with --graph, --user dba)

examples:
  rawabit push graph.trig --endpoint http://127.0.0.1:7878/store
  rawabit push --store graph.db --endpoint http://127.0.0.1:7878/store
  rawabit push graph.ttl --endpoint http://localhost:8890/sparql-graph-crud-auth \\
      --graph https://example.org/rawabit --user dba      (asks for the password)

The password comes from --password, else $RAWABIT_PASSWORD, else a prompt.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``rawabit push`` to *parser*."""
    parser.add_argument("graph_file", nargs="?", type=Path, metavar="GRAPH_FILE",
                        help="the graph file to send (omit with --store)")
    parser.add_argument("--store", type=Path, metavar="DIR", help="send this store directory instead of a file")
    parser.add_argument("--endpoint", required=True, metavar="URL", help="the server's Graph Store endpoint")
    parser.add_argument("--graph", metavar="IRI",
                        help="send the union of all graphs into this one graph ('default': the default graph)")
    parser.add_argument("--replace", action="store_true", help="replace the --graph's content instead of adding to it")
    parser.add_argument("--user", metavar="NAME", help="log in as NAME (HTTP Basic or Digest)")
    parser.add_argument("--password", metavar="SECRET", help="the password of --user (default: $RAWABIT_PASSWORD)")
    parser.add_argument("--chunk-size", type=int, default=None, metavar="N",
                        help="quads per request (default: 50000)")
    parser.add_argument("--retries", type=int, default=3, metavar="N",
                        help="tries again after a network error, 408, 429 or 5xx (default: 3)")
    parser.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                        help="how long to wait for each answer (default: 120)")
    parser.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")


def run(args: argparse.Namespace) -> int:
    """Push the file or store; return 0.

    Raises:
        InputError: Both or neither of GRAPH_FILE and --store, a bad --graph
            IRI, a bad option value, or an unreadable file.
        StoreError: The store cannot be opened.
        ServerError: The server is unreachable, refuses the login or the data.
    """
    from rawabit.graph.push import CHUNK_SIZE, GraphStoreClient, parse_file, push

    if (args.graph_file is None) == (args.store is None):
        raise InputError("give a graph file or --store DIR (one of them); usage: "
                         "rawabit push (GRAPH_FILE | --store DIR) --endpoint URL")
    if args.retries < 0 or args.timeout <= 0:
        raise InputError("--retries must be 0 or more and --timeout above 0")
    graph = _graph_iri(args.graph)
    client = GraphStoreClient(args.endpoint, user=args.user, password=_password(args),
                              retries=args.retries, timeout=args.timeout)
    with ExitStack() as stack:
        if args.store is not None:
            from rawabit.graph.store import GraphStore

            store = stack.enter_context(GraphStore.open(args.store, read_only=True))
            total, quads = len(store), store.oxigraph
        else:
            total = sum(1 for _ in parse_file(args.graph_file))  # a bad file fails here, before anything is sent
            quads = parse_file(args.graph_file)
        show = _progress(total, enabled=not args.quiet and sys.stderr.isatty())
        report = push(quads, client, graph=graph, chunk_size=CHUNK_SIZE if args.chunk_size is None else args.chunk_size,
                      replace=args.replace, progress=show)
    if not args.quiet:
        into = "the dataset" if graph is None else f"graph <{graph}>" if graph != "default" else "the default graph"
        print(f"\rrawabit: pushed {report.quads:,} quads into {into} at {args.endpoint} "
              f"in {report.requests} request{'s' if report.requests != 1 else ''} ({report.seconds:.1f} s)",
              file=sys.stderr)
    return 0


def _graph_iri(value: str | None) -> str | None:
    if value is None or value == "default":
        return value
    import pyoxigraph as ox
    from urllib.parse import urlsplit

    try:
        ox.NamedNode(value)
    except ValueError:
        value_ok = False
    else:
        value_ok = bool(urlsplit(value).scheme)
    if not value_ok:
        raise InputError(f"--graph must be an absolute IRI such as https://example.org/rawabit, not {value!r}")
    return value


def _password(args: argparse.Namespace) -> str | None:
    if args.user is None:
        if args.password is not None:
            raise InputError("--password needs --user")
        return None
    if args.password is not None:
        return args.password
    if "RAWABIT_PASSWORD" in os.environ:
        return os.environ["RAWABIT_PASSWORD"]
    if sys.stdin.isatty():
        return getpass.getpass(f"password of {args.user}: ")
    raise InputError("give the password of --user with --password or $RAWABIT_PASSWORD")


def _progress(total: int, *, enabled: bool) -> Callable[[int], None] | None:
    if not enabled:
        return None

    def show(sent: int) -> None:
        print(f"\rrawabit: {sent:,} of {total:,} quads pushed", end="", file=sys.stderr, flush=True)

    return show

