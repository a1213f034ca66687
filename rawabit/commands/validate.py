"""``rawabit validate GRAPH_FILE``: check a graph against the Rawabit SHACL shapes."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rawabit.errors import FormatError, InputError

__all__ = ["NAME", "HELP", "DESCRIPTION", "add_arguments", "run", "load_graph"]

NAME = "validate"
HELP = "check a graph file against the Rawabit SHACL shapes"
DESCRIPTION = """\
Check that a graph follows docs/graph-model.md: every entity has one class and
an Arabic label, every statement carries its provenance, every relation joins
the right kinds of nodes. Prints one line per problem; exits 0 when the graph
conforms and 1 when it does not.
"""

#: File suffix -> rdflib parser name, for the formats Rawabit writes.
_PARSERS: dict[str, str] = {
    ".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig",
    ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".xml": "xml", ".owl": "xml", ".n3": "n3",
}
_QUAD_FORMATS = frozenset({"nquads", "trig"})


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``rawabit validate`` to *parser*."""
    parser.add_argument("graph", metavar="GRAPH_FILE", type=Path,
                        help=f"the graph to check ({', '.join(sorted(_PARSERS))})")
    parser.add_argument("--limit", type=int, default=0, metavar="N",
                        help="print at most N problems (default: all)")


def load_graph(path: Path):
    """Parse *path* into an rdflib graph or dataset chosen by its suffix.

    Raises:
        InputError: If the file is missing or cannot be parsed.
        FormatError: If the suffix names no RDF format.
    """
    import rdflib

    fmt = _PARSERS.get(path.suffix.lower())
    if fmt is None:
        raise FormatError(f"cannot read {path.suffix or 'a file without suffix'}: "
                          f"known graph formats are {', '.join(sorted(_PARSERS))}")
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    graph = rdflib.Dataset() if fmt in _QUAD_FORMATS else rdflib.Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as exc:  # noqa: BLE001 - parsers raise many kinds; the user needs one line
        raise InputError(f"cannot parse {path} as {fmt}: {exc}") from exc
    return graph


def run(args: argparse.Namespace) -> int:
    """Validate ``args.graph``; print problems; return 0 if it conforms, else 1."""
    from rawabit.graph.validate import validate

    report = validate(load_graph(args.graph))
    shown = report.violations[: args.limit] if args.limit > 0 else report.violations
    if report.conforms and not shown:
        print(f"{args.graph}: conforms")
        return 0
    out = sys.stdout
    for violation in shown:
        print(violation, file=out)
    hidden = len(report.violations) - len(shown)
    if hidden:
        print(f"… and {hidden} more", file=out)
    verdict = "conforms" if report.conforms else "does not conform"
    print(f"{args.graph}: {verdict} ({len(report.violations)} problem(s))", file=out)
    return 0 if report.conforms else 1
