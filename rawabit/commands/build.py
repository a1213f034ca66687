"""``rawabit build``: articles in, knowledge graph files out."""
from __future__ import annotations

import argparse
import sys

from .. import api

from .html_options import add_html_arguments, html_options

NAME = "build"
HELP = "read Arabic articles and write the knowledge graph"
DESCRIPTION = """\
Read .txt and .html articles (files or folders, searched recursively), find
people, places, organizations and topics, the relations between them, and
write the knowledge graph to each -o FILE in the format its extension names.

examples:
  rawabit build news/ -o graph.ttl -o graph.html
  rawabit build day1.txt day2.html -o out/graph.jsonld
  rawabit build news/ -o graph.html --html-focus بوتين --html-min-degree 2
  rawabit build s3://archive/2025/ --dask tcp://scheduler:8786 -o graph.nq

output formats (by extension): .ttl .nt .nq .trig .jsonld .rdf .graphml .cypher .neo4j .html
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files (.txt, .html) or folders")
    parser.add_argument("-o", "--output", action="append", default=[], metavar="FILE",
                        help="write the graph here; repeat for several formats")
    parser.add_argument("--store", metavar="DIR",
                        help="add the graph to this on-disk store (created if missing); articles already "
                             "in it are skipped, and -o files then hold the whole store")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--workers", "-j", type=_workers, default=None, metavar="N",
                       help="extract, and write big graphs, in N processes (default: one per core, or 1 "
                            "for a few articles); 1 works in this process; the output is the same for any N")
    where.add_argument("--dask", type=_dask, metavar="ADDRESS",
                       help="extract on a Dask cluster: a running scheduler (tcp://host:8786), or local:N for "
                            "N worker processes here; linking and writing stay here, the output is the same "
                            "(needs rawabit[dask])")
    parser.add_argument("--no-ner", dest="ner", action="store_false",
                        help="skip the statistical name recogniser: about 1.5 times as fast on big archives, "
                             "but finds only listed names and names after titles")
    parser.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")
    add_html_arguments(parser)


def _workers(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of processes, at least 1: {text!r}")
    return n


def _dask(text: str) -> str:
    from ..extract.cluster import parse_address
    try:
        return parse_address(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    if not args.output and not args.store:
        print("rawabit: error: say where to write the graph, e.g. -o graph.ttl (or --store DIR)", file=sys.stderr)
        return 2
    from ..progress import Progress
    with Progress(enabled=not args.quiet) as progress:
        result = api.build(args.paths, args.output, store=args.store, options=html_options(args),
                           on_doc=progress.advance, workers=args.workers, ner=args.ner, dask=args.dask)
    if not args.quiet:
        if result.report.summary():
            print(f"rawabit: {result.report.summary()}", file=sys.stderr)
        print(f"rawabit: {result.summary()}", file=sys.stderr)
        for path in result.outputs:
            print(f"rawabit: wrote {path}", file=sys.stderr)
        if args.store:
            print(f"rawabit: stored in {args.store}", file=sys.stderr)
    return 0
