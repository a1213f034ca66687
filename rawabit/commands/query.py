"""``rawabit query``: run a SPARQL query over a graph file or a store."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rawabit.errors import InputError

__all__ = ["NAME", "HELP", "DESCRIPTION", "add_arguments", "run"]

NAME = "query"
HELP = "run a SPARQL query over a graph file or a store"
DESCRIPTION = """\
Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) over a graph file
(.ttl .nt .nq .trig .jsonld .rdf) or a store directory. The query sees the
union of all graphs, and the prefixes rwb: id: article: statement: quote: wd:
rdf: rdfs: owl: xsd: skos: dcterms: prov: are predeclared.

examples:
  rawabit query graph.ttl 'SELECT ?who WHERE { ?who rwb:met id:vladimir-putin }'
  rawabit query --store graph.db -f docs/cookbook/01-who-met-whom.rq --format csv
  rawabit query graph.trig 'CONSTRUCT { ?a rwb:phoned ?b } WHERE { ?a rwb:phoned ?b }'

SELECT and ASK print as an aligned table (or csv, tsv, json); CONSTRUCT and
DESCRIBE print Turtle.
"""

_FORMATS = ("table", "csv", "tsv", "json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``rawabit query`` to *parser*."""
    parser.add_argument("args", nargs="*", metavar="GRAPH_FILE QUERY",
                        help="the graph file (omit with --store), then the query text (omit with -f)")
    parser.add_argument("--store", type=Path, metavar="DIR", help="query this store directory instead of a file")
    parser.add_argument("-f", "--file", type=Path, metavar="FILE.rq", help="read the query from FILE ('-' for stdin)")
    parser.add_argument("--format", choices=_FORMATS, default="table",
                        help="how to print SELECT and ASK results (default: table)")
    parser.add_argument("--engine", choices=("oxigraph", "rdflib"), default="oxigraph",
                        help="the SPARQL engine (default: oxigraph)")


def run(args: argparse.Namespace) -> int:
    """Run the query and print its result; return 0.

    Raises:
        InputError: The graph or query is missing, or too many arguments.
        QueryError: The query is malformed or fails.
        StoreError: The store cannot be opened.
    """
    from rawabit.graph.sparql import run_query
    from rawabit.graph.store import GraphStore

    source, query = _source_and_query(args)
    if args.store:
        with GraphStore.open(source, read_only=True) as store:
            result = run_query(store, query, engine=args.engine)
    else:
        result = run_query(source, query, engine=args.engine)
    text = result.format("turtle" if result.kind == "graph" else args.format)
    sys.stdout.write(text)
    if result.kind == "select" and args.format == "table" and sys.stdout.isatty():
        print(f"({len(result)} row{'s' if len(result) != 1 else ''})", file=sys.stderr)
    return 0


def _source_and_query(args: argparse.Namespace) -> tuple[Path, str]:
    positional = list(args.args)
    wanted = (0 if args.store else 1) + (0 if args.file else 1)
    if len(positional) != wanted:
        usage = "rawabit query (GRAPH_FILE | --store DIR) (QUERY | -f FILE.rq)"
        what = "missing" if len(positional) < wanted else "too many"
        raise InputError(f"{what} arguments; usage: {usage}")
    source = args.store if args.store else Path(positional.pop(0))
    if args.file is None:
        query = positional.pop(0)
    elif str(args.file) == "-":
        query = sys.stdin.read()
    else:
        try:
            query = args.file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the query file {args.file}: {exc.strerror or exc}") from None
    if not query.strip():
        raise InputError("the query is empty")
    return source, query
