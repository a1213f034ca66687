"""``rawabit export``: write the contents of a store to graph files."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rawabit.errors import FormatError, InputError

__all__ = ["NAME", "HELP", "DESCRIPTION", "add_arguments", "run"]

NAME = "export"
HELP = "write a store's graph to files (.ttl .trig .jsonld .html …)"
DESCRIPTION = """\
Write everything a store holds to each -o FILE, in the format its extension
names (the same writers as `rawabit build`). Turtle, N-Triples and RDF/XML get
the union of all graphs; TriG and N-Quads keep one named graph per article.

examples:
  rawabit export --store graph.db -o graph.ttl -o graph.trig
  rawabit export --store graph.db -o network.html --html-focus بوتين
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``rawabit export`` to *parser*."""
    parser.add_argument("--store", type=Path, required=True, metavar="DIR", help="the store directory to read")
    parser.add_argument("-o", "--output", action="append", default=[], metavar="FILE",
                        help="write the graph here; repeat for several formats")
    parser.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")
    html = parser.add_argument_group("HTML network (for .html outputs)")
    html.add_argument("--html-relations", metavar="REL,REL", help="draw only these relations, e.g. met,phoned")
    html.add_argument("--html-min-degree", type=int, default=0, metavar="N",
                      help="draw only entities with at least N connections")
    html.add_argument("--html-focus", metavar="ENTITY", help="draw only this entity's neighbourhood (IRI or label)")
    html.add_argument("--html-hops", type=int, default=1, metavar="N", help="size of that neighbourhood (default 1)")


def run(args: argparse.Namespace) -> int:
    """Read the store once and write every output; return 0.

    Raises:
        InputError: No output was given.
        FormatError: An extension names no known format, or the writers are missing.
        StoreError: The store cannot be opened.
    """
    from rawabit.graph.store import GraphStore

    if not args.output:
        raise InputError("say where to write the graph, e.g. -o graph.ttl")
    write = _writer(args.output)
    with GraphStore.open(args.store, read_only=True) as store:
        dataset = store.to_dataset()
    for output in args.output:
        path = write(dataset, output, _options(args))
        if not args.quiet:
            print(f"rawabit: wrote {path}", file=sys.stderr)
    return 0


def _writer(outputs: list[str]):
    """The export function, once every output's extension is known to have a writer."""
    try:
        from rawabit.exports import write, writer
    except ImportError:
        raise FormatError("the exporters (rawabit.exports.write) are not installed") from None
    for output in outputs:
        writer(output)
    return write


def _options(args: argparse.Namespace) -> dict:
    options: dict = {"min_degree": args.html_min_degree, "hops": args.html_hops}
    if args.html_relations:
        options["relations"] = {r.strip() for r in args.html_relations.split(",") if r.strip()}
    if args.html_focus:
        options["focus"] = args.html_focus
    return options
