"""N-Triples and N-Quads writers, and the sorted rdflib → pyoxigraph bridge.

pyoxigraph serializes in the order it is given, in linear time; sorting the
statements first makes every line-based (and Turtle, TriG, RDF/XML) output
byte-identical for the same graph, whatever order rdflib's store yields.
The other RDF writers of this package reuse :func:`sorted_triples`,
:func:`sorted_quads` and :func:`serialize`.
"""
from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from rawabit.graph.terms import to_oxigraph

from . import atomic_file

__all__ = ["write", "write_quads", "write_stream", "to_oxigraph", "sorted_triples",
           "sorted_quads", "serialize", "write_streams", "STREAM_CHUNK"]

_RDF_TYPE = ox.NamedNode(str(RDF.type))
_DEFAULT_NAMES = frozenset({DATASET_DEFAULT_GRAPH_ID, URIRef("urn:x-rdflib:default")})


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


#: Statements serialized per call to pyoxigraph when writing a stream.
STREAM_CHUNK = 20_000

_STREAMED = {
    ".ttl": (ox.RdfFormat.TURTLE, False),
    ".nt": (ox.RdfFormat.N_TRIPLES, False),
    ".nq": (ox.RdfFormat.N_QUADS, True),
    ".trig": (ox.RdfFormat.TRIG, True),
}


def write_streams(stream: Any, paths: Iterable[Path], *, prefixes: Mapping[str, str] | None = None) -> dict[Path, float]:
    """Write a :class:`~rawabit.exports.QuadStream` to several files in one pass over it.

    Each file gets the format its extension names (``.ttl``, ``.nt`` and the
    union of all graphs; ``.nq``, ``.trig`` with named graphs). Statements are
    serialized by pyoxigraph a chunk at a time, so neither the graph nor a
    file is ever held whole; the files' order is the stream's. Turtle and TriG
    start with the prefix declarations sorted by name (each chunk's own are
    dropped), so the bytes depend only on the stream.

    Args:
        stream: The dataset, as a stream.
        paths: Target files; each is replaced atomically.
        prefixes: Prefixes for Turtle and TriG; the Rawabit ones by default.

    Returns:
        Seconds spent serializing each file.

    Raises:
        ValueError: If a path's extension is not one of those above.
    """
    if prefixes is None:
        from rawabit.graph.namespace import PREFIXES as prefixes
    targets = [Path(p) for p in paths]
    for path in targets:
        if path.suffix.lower() not in _STREAMED:
            raise ValueError(f"cannot stream {path.suffix or path.name}: use one of {', '.join(_STREAMED)}")
    seconds = dict.fromkeys(targets, 0.0)
    head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items())).encode() + b"\n"
    with ExitStack() as stack:
        files = []
        for path in targets:
            fmt, named = _STREAMED[path.suffix.lower()]
            fh = stack.enter_context(atomic_file(path, "wb"))
            if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
                fh.write(head)
            files.append((path, fh, fmt, named))
        want_union = any(not named for *_, named in files)
        union = stream.union() if want_union else None
        chunk: list[ox.Quad] = []
        chunk_t: list[ox.Triple] = []

        def flush() -> None:
            for path, fh, fmt, named in files:
                clock = time.perf_counter()
                data = ox.serialize(chunk if named else chunk_t, format=fmt, prefixes=dict(prefixes)) or b""
                while data.startswith(b"@prefix "):
                    data = data[data.index(b"\n") + 1:]
                fh.write(data)
                seconds[path] += time.perf_counter() - clock
            chunk.clear()
            chunk_t.clear()

        for quad in stream.quads():
            chunk.append(quad)
            if union is not None:
                triple = union(quad)
                if triple is not None:
                    chunk_t.append(triple)
            if len(chunk) >= STREAM_CHUNK:
                flush()
        flush()
    return seconds


def write_stream(stream: Any, path: Path, options: Mapping[str, Any]) -> None:
    """Write a :class:`~rawabit.exports.QuadStream` as N-Triples (the union of all graphs)
    or N-Quads (named graphs kept), as *path*'s extension says.

    Args:
        stream: The dataset, as a stream.
        path: Target file.
        options: None used.
    """
    write_streams(stream, [path])


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

