"""Turtle writer: the union of all graphs, the file the scorer reads.

Each asserted fact is a plain triple and every node carries its labels
(docs/graph-model.md). Small graphs are written by rdflib, whose output groups
and sorts nicely; large ones by pyoxigraph from sorted triples, since rdflib's
Turtle serializer grows faster than linearly. Both outputs are deterministic
and parse to the same graph.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from rawabit.errors import FormatError
from rawabit.graph.namespace import PREFIXES

from . import atomic_file
from .ntriples import serialize, write_streams, sorted_triples

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

__all__ = ["write", "write_stream", "RDFLIB_LIMIT", "ENGINES"]

#: Above this many triples, ``engine="auto"`` writes with pyoxigraph.
RDFLIB_LIMIT = 20_000

ENGINES = ("auto", "rdflib", "oxigraph")


def _engine(options: Mapping[str, Any], size: int) -> str:
    engine = str(options.get("engine", "auto"))
    if engine not in ENGINES:
        raise FormatError(f"unknown Turtle engine {engine!r}: use one of {', '.join(ENGINES)}")
    if engine == "auto":
        return "rdflib" if size <= int(options.get("rdflib_limit", RDFLIB_LIMIT)) else "oxigraph"
    return engine


def _write_rdflib(graph: Graph, path: Path) -> None:
    data = graph.serialize(format="turtle", encoding="utf-8")
    with atomic_file(path, "wb") as fh:
        fh.write(data)


def _write_oxigraph(graph: Graph | Dataset, path: Path) -> None:
    serialize(sorted_triples(graph), path, ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def write(dataset: Graph | Dataset, path: Path, options: Mapping[str, Any]) -> None:
    """Write the union of all graphs of *dataset* to *path* as Turtle.

    Args:
        dataset: The dataset or graph to write.
        path: Target file.
        options: ``engine``: ``auto`` (default), ``rdflib`` or ``oxigraph``;
            ``rdflib_limit``: triple count up to which ``auto`` uses rdflib.

    Raises:
        FormatError: If the engine is unknown.
    """
    from rawabit.graph.build import union_graph   # rdflib: not needed to write a stream
    graph = union_graph(dataset)
    if _engine(options, len(graph)) == "rdflib":
        _write_rdflib(graph, path)
    else:
        _write_oxigraph(graph, path)


def write_stream(stream: Any, path: Path, options: Mapping[str, Any]) -> None:
    """Write the union of all graphs of a :class:`~rawabit.exports.QuadStream` as Turtle.

    pyoxigraph writes each triple as it comes, grouping runs of one subject, so
    memory does not grow with the graph; the file's order is the stream's.

    Args:
        stream: The dataset, as a stream.
        path: Target file.
        options: None used.
    """
    write_streams(stream, [path], prefixes=PREFIXES)
