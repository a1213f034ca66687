"""Writers from an RDF dataset to files, chosen by file extension.

Each format lives in its own module, imported only when a file of that
format is written (as rdflib's plugins). A writer is a function
``write(dataset, path, options)``; it creates parent directories, writes UTF-8
and replaces the target atomically, so a failure never leaves half a file.

Example:
    >>> from rawabit import exports
    >>> exports.write(dataset, "out/graph.ttl")
    PosixPath('out/graph.ttl')
    >>> sorted(exports.formats())[:3]
    ['.cypher', '.graphml', '.html']
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import IO, Any, Protocol

from rawabit.errors import FormatError

__all__ = ["write", "formats", "register", "writer", "stream_writer", "write_stream", "write_streams",
           "atomic_file", "atomic_dir", "Writer", "StreamWriter", "QuadStream"]

Writer = Callable[[Any, Path, Mapping[str, Any]], None]


class QuadStream(Protocol):
    """A dataset too big to hold, cut into independent blocks in a fixed order.

    ``blocks()`` gives a fresh iterator of small picklable blocks;
    ``block_quads(block)`` (a plain function, so worker processes can run it)
    makes one block's :class:`pyoxigraph.Quad` list, default graph first, and
    the places in it of the quads whose triple another block may repeat (see
    :mod:`rawabit.graph.stream`). ``block_statements(block)`` gives the same
    quads in the default graph, those places, and ``(graph, start, end)`` runs
    naming the graph of each slice (``None`` for the default graph);
    ``block_lines(block)`` gives the same as N-Triples lines (bytes), which is
    what the writers use. ``quads()`` yields all quads in order.
    """

    def quads(self) -> Iterator[Any]: ...

    def blocks(self) -> Iterator[Any]: ...

    block_quads: Callable[[Any], tuple[list[Any], list[int]]]
    block_statements: Callable[[Any], tuple[list[Any], list[int], list[tuple]]]
    block_lines: Callable[[Any], tuple[list[bytes], list[int], list[tuple]]]


StreamWriter = Callable[[QuadStream, Path, Mapping[str, Any]], None]


@dataclass(frozen=True, slots=True)
class _Entry:
    module: str
    function: str
    description: str
    stream: str = ""


_REGISTRY: dict[str, _Entry] = {}


def register(ext: str, module: str, description: str, function: str = "write", stream: str = "") -> None:
    """Register the writer of files ending in *ext*.

    Args:
        ext: File extension with its dot, e.g. ``.ttl``; case is ignored.
        module: Module name, relative to this package (``turtle``) or absolute.
        description: One line shown by :func:`formats`.
        function: Name of the writer function in *module*.
        stream: Name of the function in *module* that writes a
            :class:`QuadStream` as it comes, or ``""`` if the format needs a
            whole graph.
    """
    _REGISTRY[ext.lower()] = _Entry(module, function, description, stream)


_STREAMS = frozenset({".ttl", ".nt", ".nq", ".trig"})  # formats with a write_stream function

for _ext, _module, _function, _description in (
    (".ttl", "turtle", "write", "Turtle, the union of all graphs (the scored contract)"),
    (".nt", "ntriples", "write", "N-Triples, the union of all graphs, sorted"),
    (".nq", "ntriples", "write_quads", "N-Quads, one named graph per article, sorted"),
    (".trig", "trig", "write", "TriG, one named graph per article"),
    (".jsonld", "jsonld", "write", "JSON-LD compacted with the Rawabit context"),
    (".rdf", "rdfxml", "write", "RDF/XML, the union of all graphs"),
    (".xml", "rdfxml", "write", "RDF/XML, the union of all graphs"),
    (".graphml", "graphml", "write", "GraphML: entities and asserted facts, for Gephi, yEd or networkx"),
    (".cypher", "cypher", "write", "Neo4j Cypher script of MERGE statements"),
    (".neo4j", "neo4j", "write", "directory of Neo4j admin-import CSVs (nodes.csv, relationships.csv)"),
    (".csv", "neo4j", "write_csv", "nodes.csv or relationships.csv for neo4j-admin import"),
    (".html", "html", "write", "interactive HTML network view"),
):
    register(_ext, _module, _description, _function, "write_stream" if _ext in _STREAMS else "")


def formats() -> dict[str, str]:
    """Return the known file extensions with a one-line description each."""
    return {ext: entry.description for ext, entry in sorted(_REGISTRY.items())}


def _extension(path: Path) -> str:
    return path.suffix.lower()


def writer(path: str | os.PathLike[str]) -> Writer:
    """Return the writer function for *path*'s extension, importing its module.

    Raises:
        FormatError: If the extension is unknown or its module is missing.
    """
    ext, entry = _entry(path)
    return getattr(_module(ext, entry), entry.function)


def stream_writer(path: str | os.PathLike[str]) -> StreamWriter | None:
    """Return the function that writes a :class:`QuadStream` to *path*, or None if
    its format needs a whole graph.

    Raises:
        FormatError: If the extension is unknown or its module is missing.
    """
    ext, entry = _entry(path)
    return getattr(_module(ext, entry), entry.stream) if entry.stream else None


def write_stream(stream: QuadStream, path: str | os.PathLike[str],
                 options: Mapping[str, Any] | None = None) -> Path:
    """Write *stream* to *path* in the format its extension names, as it comes.

    Raises:
        FormatError: If the extension is unknown or the format cannot be streamed.
    """
    target = Path(path)
    write_one = stream_writer(target)
    if write_one is None:
        raise FormatError(f"{target.suffix} files are written from a whole graph, not a stream")
    write_one(stream, target, dict(options or {}))
    return target


def write_streams(stream: QuadStream, paths: list[Path], *, workers: int = 1) -> dict[Path, float]:
    """Write *stream* to every path in one pass; each path's format must stream.

    Args:
        stream: The dataset, as a stream.
        paths: Target files.
        workers: Processes that make and serialize the stream's blocks, if it
            has any (see :func:`rawabit.exports.ntriples.write_streams`).

    Returns:
        Seconds spent serializing each file.

    Raises:
        FormatError: If a path's format cannot be streamed.
    """
    for path in paths:
        if stream_writer(path) is None:
            raise FormatError(f"{Path(path).suffix} files are written from a whole graph, not a stream")
    from .ntriples import write_streams as write_all
    return write_all(stream, [Path(p) for p in paths], workers=workers)


def _entry(path: str | os.PathLike[str]) -> tuple[str, _Entry]:
    ext = _extension(Path(path))
    entry = _REGISTRY.get(ext)
    if entry is None:
        shown = ext or "a path without extension"
        raise FormatError(f"cannot write {shown}: known formats are {', '.join(sorted(_REGISTRY))}")
    return ext, entry


def _module(ext: str, entry: _Entry) -> Any:
    name = entry.module if "." in entry.module else f"{__name__}.{entry.module}"
    try:
        return import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        raise FormatError(f"the {ext} writer is not installed (module {name} is missing)") from exc


def write(dataset: Any, path: str | os.PathLike[str], options: Mapping[str, Any] | None = None) -> Path:
    """Write *dataset* to *path* in the format its extension names.

    Args:
        dataset: An :class:`rdflib.Dataset` (as built by
            :func:`rawabit.graph.build.build_dataset`) or a plain graph.
        path: Target file (a directory for ``.neo4j``).
        options: Writer-specific options; unknown keys are ignored.

    Returns:
        *path* as a :class:`~pathlib.Path`.

    Raises:
        FormatError: If the extension is unknown.
    """
    target = Path(path)
    writer(target)(dataset, target, dict(options or {}))
    return target


@contextmanager
def atomic_file(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temporary file beside *path*; rename it over *path* on success.

    Args:
        path: The final file; its parent directories are created.
        mode: ``w`` for UTF-8 text with ``\\n`` newlines, ``wb`` for bytes.

    Raises:
        Exception: Whatever the body raises; the temporary file is removed.
    """
    with atomic_path(path) as tmp:
        text = "b" not in mode
        with open(tmp, mode, **({"encoding": "utf-8", "newline": "\n"} if text else {})) as fh:
            yield fh


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield the path of an empty temporary file beside *path*; it replaces *path* on success.

    For writers that open the file themselves (pyoxigraph's, which write from Rust).

    Raises:
        Exception: Whatever the body raises; the temporary file is removed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_dir(path: Path) -> Iterator[Path]:
    """Yield a temporary directory beside *path*; it replaces *path* on success.

    Raises:
        Exception: Whatever the body raises; the temporary directory is removed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    try:
        yield tmp
        os.chmod(tmp, 0o777 & ~_umask())
        if path.exists():
            old = path.with_name(f".{path.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(path, old)
            os.replace(tmp, path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
