"""N-Triples and N-Quads writers, and the sorted rdflib → pyoxigraph bridge.

pyoxigraph serializes in the order it is given, in linear time; sorting the
statements first makes every line-based (and Turtle, TriG, RDF/XML) output
byte-identical for the same graph, whatever order rdflib's store yields.
The other RDF writers of this package reuse :func:`sorted_triples`,
:func:`sorted_quads` and :func:`serialize`.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from . import atomic_file

__all__ = ["write", "write_quads", "to_oxigraph", "sorted_triples", "sorted_quads", "serialize"]

_RDF_TYPE = ox.NamedNode(str(RDF.type))
_DEFAULT_NAMES = frozenset({DATASET_DEFAULT_GRAPH_ID, URIRef("urn:x-rdflib:default")})


def to_oxigraph(term: Any) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Return the pyoxigraph term equal to rdflib *term*.

    Raises:
        TypeError: If *term* is not an IRI, blank node or literal.
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _key(s: Any, p: Any, o: Any) -> tuple[str, bool, str, str]:
    # subject, then rdf:type first, then predicate, then object: groups well in Turtle
    return (str(s), p != _RDF_TYPE, str(p), str(o))


def _triples(source: Graph | Dataset) -> Iterable[tuple[Any, Any, Any]]:
    if isinstance(source, Dataset):
        return ((s, p, o) for s, p, o, _ in source.quads((None, None, None, None)))
    return iter(source)


def sorted_triples(source: Graph | Dataset) -> list[ox.Triple]:
    """Return the union of all graphs of *source* as pyoxigraph triples, in a fixed order."""
    seen = {(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in _triples(source)}
    return [ox.Triple(s, p, o) for s, p, o in sorted(seen, key=lambda t: _key(*t))]


def sorted_quads(source: Graph | Dataset) -> list[ox.Quad]:
    """Return *source*'s quads in a fixed order: default graph first, then by graph name."""
    if not isinstance(source, Dataset):
        return [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in sorted_triples(source)]
    seen = set()
    for s, p, o, g in source.quads((None, None, None, None)):
        name = g.identifier if isinstance(g, Graph) else g
        graph = ox.DefaultGraph() if name is None or name in _DEFAULT_NAMES else to_oxigraph(name)
        seen.add((graph, to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)))

    def key(q: tuple[Any, Any, Any, Any]) -> tuple[bool, str, tuple[str, bool, str, str]]:
        return (not isinstance(q[0], ox.DefaultGraph), str(q[0]), _key(*q[1:]))

    return [ox.Quad(s, p, o, g) for g, s, p, o in sorted(seen, key=key)]


def serialize(statements: list[ox.Triple] | list[ox.Quad], path: Path, fmt: ox.RdfFormat,
              *, prefixes: Mapping[str, str] | None = None) -> None:
    """Write *statements* to *path* atomically in pyoxigraph format *fmt*.

    Prefix declarations, if any, are written by this function in sorted order,
    so the output does not depend on pyoxigraph's ordering of them.
    """
    body = ox.serialize(statements, format=fmt, prefixes=dict(prefixes) if prefixes else None) or b""
    if prefixes and fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
        lines = body.split(b"\n")
        while lines and lines[0].startswith(b"@prefix "):
            lines.pop(0)
        head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items())).encode()
        body = head + b"\n" + b"\n".join(lines)
    with atomic_file(path, "wb") as fh:
        fh.write(body)


def write(dataset: Graph | Dataset, path: Path, options: Mapping[str, Any]) -> None:
    """Write the union of all graphs of *dataset* to *path* as sorted N-Triples.

    Args:
        dataset: The dataset or graph to write.
        path: Target file.
        options: None used.
    """
    serialize(sorted_triples(dataset), path, ox.RdfFormat.N_TRIPLES)


def write_quads(dataset: Graph | Dataset, path: Path, options: Mapping[str, Any]) -> None:
    """Write *dataset* to *path* as sorted N-Quads, keeping its named graphs.

    Args:
        dataset: The dataset (a plain graph is written to the default graph).
        path: Target file.
        options: None used.
    """
    serialize(sorted_quads(dataset), path, ox.RdfFormat.N_QUADS)

