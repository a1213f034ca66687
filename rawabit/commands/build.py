"""``rawabit build``: articles in, knowledge graph files out."""
from __future__ import annotations

import argparse
import sys

from .. import api

from .html_options import add_html_arguments, html_options

NAME = "build"
HELP = "read Arabic articles and write the knowledge graph"
DESCRIPTION = """\
Read .txt and .html articles and .jsonl, .json and .csv news datasets (files
or folders, searched recursively), find people, places, organizations and
topics, the relations between them and when they happened, and write the
knowledge graph to each -o FILE in the format its extension names.

A dataset holds one article per record: its text (or html) and, if known,
title, url, date, source (the outlet) and language; --field names other
columns. Pages give their date from their metadata or URL, articles from a
dateline; --date gives it to plain files that have none.

examples:
  rawabit build news/ -o graph.ttl -o graph.html
  rawabit build day1.txt day2.html -o out/graph.jsonld
  rawabit build news/ -o graph.html --html-focus بوتين --html-min-degree 2
  rawabit build s3://archive/2025/ --dask tcp://scheduler:8786 -o graph.nq
  rawabit build scraped.jsonl -o graph.ttl --field text=body --field date=published
  rawabit build day1.txt --date 2025-03-18 -o graph.ttl

output formats (by extension): .ttl .nt .nq .trig .jsonld .rdf .graphml .cypher .neo4j .html
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="article files (.txt, .html), datasets (.jsonl, .json, .csv) or folders")
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
    parser.add_argument("--field", action="append", default=[], metavar="NAME=COLUMN",
                        help="read a dataset's NAME (text, html, title, url, date, source, language) "
                             "from COLUMN, e.g. --field text=body; repeat for several")
    parser.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD",
                        help="publication date of plain files (.txt, and pages) that give none")
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


def _date(text: str) -> str:
    from ..extract.reading.metadata import normalize_published
    value = normalize_published(text)
    if not value:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (write it as YYYY-MM-DD)")
    return value


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
    from ..extract.reading.records import parse_fields
    from ..progress import Progress
    read_options = api.ReadOptions(tuple(parse_fields(args.field).items()), args.date or "")
    with Progress(enabled=not args.quiet) as progress:
        kg = api.build(args.paths, args.output, store=args.store, options=html_options(args),
                       on_doc=progress.advance, workers=args.workers, ner=args.ner,
                       read_options=read_options, dask=args.dask)
    if not args.quiet:
        if kg.report.summary():
            print(f"rawabit: {kg.report.summary()}", file=sys.stderr)
        print(f"rawabit: {kg.summary()}", file=sys.stderr)
        for path in kg.outputs:
            print(f"rawabit: wrote {path}", file=sys.stderr)
        if args.store:
            print(f"rawabit: stored in {args.store}", file=sys.stderr)
    return 0
