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
from typing import IO, Any

from rawabit.errors import FormatError

__all__ = ["write", "formats", "register", "writer", "atomic_file", "atomic_dir", "Writer"]

Writer = Callable[[Any, Path, Mapping[str, Any]], None]


@dataclass(frozen=True, slots=True)
class _Entry:
    module: str
    function: str
    description: str


_REGISTRY: dict[str, _Entry] = {}


def register(ext: str, module: str, description: str, function: str = "write") -> None:
    """Register the writer of files ending in *ext*.

    Args:
        ext: File extension with its dot, e.g. ``.ttl``; case is ignored.
        module: Module name, relative to this package (``turtle``) or absolute.
        description: One line shown by :func:`formats`.
        function: Name of the writer function in *module*.
    """
    _REGISTRY[ext.lower()] = _Entry(module, function, description)


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
    register(_ext, _module, _description, _function)


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
    ext = _extension(Path(path))
    entry = _REGISTRY.get(ext)
    if entry is None:
        shown = ext or "a path without extension"
        raise FormatError(f"cannot write {shown}: known formats are {', '.join(sorted(_REGISTRY))}")
    name = entry.module if "." in entry.module else f"{__name__}.{entry.module}"
    try:
        module = import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        raise FormatError(f"the {ext} writer is not installed (module {name} is missing)") from exc
    return getattr(module, entry.function)


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
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        text = "b" not in mode
        with os.fdopen(fd, mode, **({"encoding": "utf-8", "newline": "\n"} if text else {})) as fh:
            yield fh
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
