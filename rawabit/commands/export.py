"""``rawabit export``: write the contents of a store to graph files."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rawabit.errors import InputError

from .html_options import add_html_arguments, html_options

__all__ = ["NAME", "HELP", "DESCRIPTION", "add_arguments", "run"]

NAME = "export"
HELP = "write a store's graph to files (.ttl .trig .jsonld .html …)"
DESCRIPTION = """\
Write everything a store holds to each -o FILE, in the format its extension
names. Turtle, N-Triples and RDF/XML get the union of all graphs; TriG and
N-Quads keep one named graph per article. N-Quads, TriG, N-Triples and Turtle
stream straight from the store (fast, in little memory, in the store's order);
the other formats need the whole graph in memory, as `rawabit build` does.

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
    add_html_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Read the store once and write every output; return 0.

    Raises:
        InputError: No output was given.
        FormatError: An extension names no known format.
        StoreError: The store cannot be opened.
    """
    from rawabit.writing import check_outputs, write
    from rawabit.exports.store_dump import can_dump, dump
    from rawabit.graph.store import GraphStore

    if not args.output:
        raise InputError("say where to write the graph, e.g. -o graph.ttl")
    targets = check_outputs(args.output)  # an unknown format fails before the store is read
    written = []
    with GraphStore.open(args.store, read_only=True) as store:
        written += [dump(store.oxigraph, path) for path in targets if can_dump(path)]
        whole = [path for path in targets if not can_dump(path)]
        dataset = store.to_dataset() if whole else None
    if whole:
        written += write(dataset, whole, html_options(args))
    for path in written:
        if not args.quiet:
            print(f"rawabit: wrote {path}", file=sys.stderr)
    return 0
