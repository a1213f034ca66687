"""N-Triples and N-Quads writers, and the sorted rdflib → pyoxigraph bridge.

pyoxigraph serializes in the order it is given, in linear time; sorting the
statements first makes every line-based (and Turtle, TriG, RDF/XML) output
byte-identical for the same graph, whatever order rdflib's store yields.
The other RDF writers of this package reuse :func:`sorted_triples`,
:func:`sorted_quads` and :func:`serialize`.

rdflib is loaded only by the writers from an rdflib graph: writing a stream
(:func:`write_streams`) does not need it.
"""
from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import ExitStack
from hashlib import blake2b
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from rawabit.graph.namespace import PREFIXES
from rawabit.graph.stream import in_graph, parse_lines

from . import atomic_file, handoff

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

__all__ = ["write", "write_quads", "write_stream", "to_oxigraph", "sorted_triples",
           "sorted_quads", "serialize", "write_streams"]

_RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")


def __getattr__(name: str) -> Any:
    """:func:`~rawabit.graph.terms.to_oxigraph`, still offered here, loaded on first use (PEP 562)."""
    if name == "to_oxigraph":
        from rawabit.graph.terms import to_oxigraph
        return to_oxigraph
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _key(s: Any, p: Any, o: Any) -> tuple[str, bool, str, str]:
    # subject, then rdf:type first, then predicate, then object: groups well in Turtle
    return (str(s), p != _RDF_TYPE, str(p), str(o))


def _triples(source: Graph | Dataset) -> Iterable[tuple[Any, Any, Any]]:
    from rdflib import Dataset
    if isinstance(source, Dataset):
        return ((s, p, o) for s, p, o, _ in source.quads((None, None, None, None)))
    return iter(source)


def sorted_triples(source: Graph | Dataset) -> list[ox.Triple]:
    """Return the union of all graphs of *source* as pyoxigraph triples, in a fixed order."""
    from rawabit.graph.terms import to_oxigraph
    seen = {(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in _triples(source)}
    return [ox.Triple(s, p, o) for s, p, o in sorted(seen, key=lambda t: _key(*t))]


def sorted_quads(source: Graph | Dataset) -> list[ox.Quad]:
    """Return *source*'s quads in a fixed order: default graph first, then by graph name."""
    from rdflib import Dataset, Graph, URIRef
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from rawabit.graph.terms import to_oxigraph
    if not isinstance(source, Dataset):
        return [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in sorted_triples(source)]
    default_names = {DATASET_DEFAULT_GRAPH_ID, URIRef("urn:x-rdflib:default")}
    seen = set()
    for s, p, o, g in source.quads((None, None, None, None)):
        name = g.identifier if isinstance(g, Graph) else g
        graph = ox.DefaultGraph() if name is None or name in default_names else to_oxigraph(name)
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


_STREAMED = {
    ".ttl": (ox.RdfFormat.TURTLE, False),
    ".nt": (ox.RdfFormat.N_TRIPLES, False),
    ".nq": (ox.RdfFormat.N_QUADS, True),
    ".trig": (ox.RdfFormat.TRIG, True),
}


def write_streams(stream: Any, paths: Iterable[Path], *, prefixes: Mapping[str, str] | None = None,
                  workers: int = 1) -> dict[Path, float]:
    """Write a :class:`~rawabit.exports.QuadStream` to several files in one pass over it.

    Each file gets the format its extension names (``.ttl``, ``.nt`` and the
    union of all graphs; ``.nq``, ``.trig`` with named graphs). The stream is
    written block by block: each block's quads are made and serialized by
    pyoxigraph on their own, in *workers* processes when more than one, and
    written in order, so neither the graph nor a file is ever held whole; in
    the union files a block's fact triples that no earlier block gave follow
    its other triples. Turtle and TriG start with the prefix declarations
    sorted by name (each block's own are dropped), so the bytes depend only on
    the stream, whatever *workers* is.

    Args:
        stream: The dataset, as a stream.
        paths: Target files; each is replaced atomically.
        prefixes: Prefixes for Turtle and TriG; the Rawabit ones by default.
        workers: Processes that make and serialize blocks.

    Returns:
        Seconds spent serializing each file (in the workers, when there are any).

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
    formats = [_STREAMED[path.suffix.lower()] for path in targets]
    with ExitStack() as stack:
        files = []
        for path, (fmt, _) in zip(targets, formats):
            fh = stack.enter_context(atomic_file(path, "wb"))
            if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
                fh.write(head)
            files.append(fh)
        _write_blocks(stream, files, formats, dict(prefixes), seconds, targets, workers)
    return seconds


def _serialized(lines: list[bytes], syntax: ox.RdfFormat, prefixes: dict[str, str]) -> bytes:
    """N-Triples *lines* in *syntax*: as they are, or parsed and written as Turtle
    without the prefix lines (the file's head has them)."""
    if syntax == ox.RdfFormat.N_TRIPLES or not lines:
        return b"".join(lines)
    data = ox.serialize(parse_lines(lines), format=syntax, prefixes=prefixes)
    while data.startswith(b"@prefix "):
        data = data[data.index(b"\n") + 1:]
    return data


# what a block worker needs: set once per process by _init_blocks
_BLOCK_JOB: tuple | None = None
#: Blocks in flight per worker.
_AHEAD = 3


def _init_blocks(block_lines: Any, formats: list, prefixes: dict[str, str], directory: str | None = None) -> None:
    global _BLOCK_JOB
    _BLOCK_JOB = (block_lines, formats, prefixes, directory)


#: The syntax a format's graphs are written in: N-Quads are N-Triples lines with
#: the graph name added, TriG is Turtle in braces after the graph's name.
_SYNTAX = {ox.RdfFormat.N_TRIPLES: ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS: ox.RdfFormat.N_TRIPLES,
           ox.RdfFormat.TURTLE: ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG: ox.RdfFormat.TURTLE}


def _in_graph(graph: Any, data: bytes, fmt: ox.RdfFormat, prefixes: dict[str, str]) -> bytes:
    """*data*, the N-Triples or Turtle of one graph's triples, put in *graph* as N-Quads or TriG.

    A graph's N-Quads are its N-Triples lines with the graph name added
    (:func:`~rawabit.graph.stream.in_graph`); its TriG is its Turtle in braces
    after the name.
    """
    if graph is None or not data:
        return data
    if fmt == ox.RdfFormat.N_QUADS:
        return in_graph(data, graph)
    return _label(graph.value, prefixes) + b" {\n" + data + b"}\n"


_LOCAL = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")


def _label(iri: str, prefixes: dict[str, str]) -> bytes:
    """*iri* as a prefixed name when a prefix covers it and the rest is a plain name, else ``<iri>``."""
    for prefix, ns in prefixes.items():
        if iri.startswith(ns) and _LOCAL.fullmatch(iri, len(ns)):
            return f"{prefix}:{iri[len(ns):]}".encode()
    return f"<{iri}>".encode()


def _serialize_block(block: Any) -> tuple[list[bytes] | handoff.Saved, list[float], list[bytes]]:
    """One block as bytes per target format, serializing seconds, and its repeatable
    triples as N-Triples lines.

    In a worker process the bytes are saved to a file in the hand-off directory
    (see :mod:`~rawabit.exports.handoff`), and its name comes back instead.

    Each graph's triples are serialized once per syntax, in two parts: the
    repeatable ones, which lead every graph, and the rest. The named formats
    take both parts, the union formats the rest only (the writer adds the
    repeatable triples no earlier block gave). The triples come as N-Triples
    lines (:func:`~rawabit.graph.stream.block_lines`), which are the N-Triples;
    Turtle is written from the quads pyoxigraph parses them into.
    """
    assert _BLOCK_JOB is not None, "block writer not initialized"
    block_lines, formats, prefixes, directory = _BLOCK_JOB
    lines, repeatable, runs = block_lines(block)
    plain: list[bytes] = []   # only the union formats need the repeatable triples apart
    if repeatable and any(not named for _, named in formats):
        plain = [lines[i] for i in repeatable]
    leading = _leading(repeatable, runs)
    heads = any(named for _, named in formats)   # only the named formats write the leading triples here
    parts: dict[ox.RdfFormat, list[tuple[bytes, bytes]]] = {}
    out, spent = [], []
    for fmt, named in formats:
        clock = time.perf_counter()
        syntax = _SYNTAX[fmt]
        if syntax not in parts:
            parts[syntax] = [(_serialized(lines[start:start + k], syntax, prefixes) if heads else b"",
                              _serialized(lines[start + k:end], syntax, prefixes))
                             for (_, start, end), k in zip(runs, leading)]
        if named:
            out.append(b"".join(_in_graph(graph, head + rest, fmt, prefixes)
                                for (graph, _, _), (head, rest) in zip(runs, parts[syntax])))
        else:
            out.append(b"".join(rest for _, rest in parts[syntax]))
        spent.append(time.perf_counter() - clock)
    return (out if directory is None else handoff.save(out, directory)), spent, plain


def _leading(repeatable: list[int], runs: list[tuple]) -> list[int]:
    """How many of the *repeatable* places lead each run (they are the first of theirs)."""
    ahead = iter(repeatable)
    place = next(ahead, None)
    out = []
    for _, start, end in runs:
        k = 0
        while place is not None and place < end:
            if place != start + k:
                raise ValueError("repeatable triples must lead their graph")
            k += 1
            place = next(ahead, None)
        out.append(k)
    return out


def _write_blocks(stream: Any, files: list, formats: list, prefixes: dict[str, str],
                  seconds: dict[Path, float], targets: list[Path], workers: int) -> None:
    """Write a stream's blocks in order, made and serialized here or in *workers* processes."""
    job = (stream.block_lines, formats, prefixes)
    seen: set[bytes] = set()   # fingerprints of the repeatable triples written
    for data, spent, plain in _block_results(stream.blocks(), job, workers, targets[0].parent):
        if isinstance(data, list):
            for fh, chunk in zip(files, data):
                fh.write(chunk)
        else:
            handoff.copy_into(data, files)
        for path, s in zip(targets, spent):
            seconds[path] += s
        new = _unseen(plain, seen)
        if new:
            for path, fh, (fmt, named) in zip(targets, files, formats):
                if not named:
                    clock = time.perf_counter()
                    fh.write(_serialized(new, _SYNTAX[fmt], prefixes))
                    seconds[path] += time.perf_counter() - clock


def _unseen(plain: list[bytes], seen: set[bytes]) -> list[bytes]:
    """The triples of *plain* (N-Triples lines) whose fingerprint is not in
    *seen* yet, in order; their fingerprints are added to it.

    A big corpus states hundreds of thousands of different facts: 16 bytes of
    BLAKE2b each take a fifth of the memory of the line, and two different
    triples of one build share a fingerprint with a chance under 10^-26.
    """
    new = []
    for line in plain:
        key = blake2b(line, digest_size=16).digest()
        if key not in seen:
            seen.add(key)
            new.append(line)
    return new


def _block_results(blocks: Iterable[Any], job: tuple, workers: int, near: Path) -> Iterator[tuple]:
    """:func:`_serialize_block` of each block, in order; in a pool of *workers* when above 1,
    handing their bytes over in a temporary directory in *near* (the outputs' file system)."""
    if workers <= 1:
        _init_blocks(*job)
        yield from map(_serialize_block, blocks)
        return
    from rawabit.extract.parallel import ordered_map
    near.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".rawabit-blocks-", dir=near) as directory:
        yield from ordered_map(_serialize_block, blocks, workers=workers, initializer=_init_blocks,
                               initargs=(*job, directory), ahead=_AHEAD)


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

