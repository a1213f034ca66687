"""``rawabit serve``: a read-only SPARQL endpoint over a store."""
from __future__ import annotations

import argparse
import ipaddress
import sys
from pathlib import Path

from rawabit.graph.admission import DEFAULT_SHORT_LIMIT, DEFAULT_SHORT_WORKERS

__all__ = ["NAME", "HELP", "DESCRIPTION", "add_arguments", "run"]

NAME = "serve"
HELP = "serve a store as a read-only SPARQL endpoint"
DESCRIPTION = """\
Answer SPARQL 1.1 Protocol requests at http://HOST:PORT/sparql (GET ?query=,
POST form or application/sparql-query), with results as SPARQL JSON, XML, CSV
or TSV, and Turtle or N-Triples for CONSTRUCT, chosen by the Accept header.
A query that runs longer than --timeout seconds is stopped and answered with
503. Queries run first in --short-workers processes; one that runs longer than
--short-limit moves to the --workers processes, and so do later queries of its
shape, so cheap queries keep answering while expensive ones run. Updates are refused. Open http://HOST:PORT/ for a small query form.
Web pages of other sites cannot query it (no CORS by default, and requests
naming another host are refused) unless allowed with --cors / --allow-host.

examples:
  rawabit serve --store graph.db
  rawabit serve --store graph.db --port 8890 --timeout 10
  rawabit serve --store graph.db --cors https://yasgui.example --allow-host graph.newsroom.lan
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``rawabit serve`` to *parser*."""
    parser.add_argument("--store", type=Path, required=True, metavar="DIR", help="the store directory to serve")
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1 only)")
    parser.add_argument("--port", type=int, default=8000, metavar="N", help="TCP port (default: 8000; 0 = any free)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                        help="stop queries running longer than this (default: 30)")
    parser.add_argument("--workers", type=int, default=2, metavar="N",
                        help="slow queries that may run at the same time (default: 2)")
    parser.add_argument("--short-workers", type=int, default=DEFAULT_SHORT_WORKERS, metavar="N",
                        help="extra query processes kept for queries that end within --short-limit, so cheap "
                             f"queries never wait behind expensive ones (default: {DEFAULT_SHORT_WORKERS}; 0: none)")
    parser.add_argument("--short-limit", type=float, default=DEFAULT_SHORT_LIMIT, metavar="SECONDS",
                        help="a query running longer moves to the --workers processes, and queries of "
                             f"its shape go there directly from then on (default: {DEFAULT_SHORT_LIMIT:g})")
    parser.add_argument("--cors", action="append", default=[], metavar="ORIGIN",
                        help="let web pages of ORIGIN (e.g. https://newsroom.example) query the endpoint; "
                             "repeat for several, '*' for any (default: none, only this server's own page)")
    parser.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                        help="also answer requests addressed to NAME (Host header), e.g. a reverse proxy's "
                             "name; by default only the bound address, its IP and localhost")
    parser.add_argument("--quiet", "-q", action="store_true", help="do not log requests")


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; return 0.

    Raises:
        StoreError: The store cannot be opened.
        InputError: The port cannot be bound or an option is out of range.
    """
    from rawabit.errors import InputError, StoreError
    from rawabit.graph.server import ServerHandle

    if args.timeout <= 0 or args.workers < 1 or not 0 <= args.port <= 65535 \
            or args.short_workers < 0 or args.short_limit <= 0:
        raise InputError("--timeout and --short-limit must be positive, --workers at least 1, "
                         "--short-workers at least 0 and --port 0–65535")
    if not args.store.is_dir():
        raise StoreError(f"no graph store at {args.store}")
    if not _is_loopback(args.host):
        print(f"rawabit serve: warning: listening on {args.host}, reachable from other machines", file=sys.stderr)
    handle = ServerHandle(args.store, host=args.host, port=args.port, timeout=args.timeout,
                          workers=args.workers, quiet=args.quiet, cors=args.cors, allow_hosts=args.allow_host,
                          short_workers=args.short_workers, short_limit=args.short_limit)
    try:
        handle.start()
    except OSError as exc:
        raise InputError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from None
    print(f"rawabit serve: SPARQL endpoint at {handle.url} (query form at {handle.url[:-len('sparql')]}); "
          "Ctrl-C stops", file=sys.stderr)
    try:
        handle.wait()
    except KeyboardInterrupt:
        print("rawabit serve: stopping", file=sys.stderr)
    finally:
        handle.stop()
    return 0


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
