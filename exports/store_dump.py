"""Write a whole store as N-Quads, TriG, N-Triples or Turtle, streamed by pyoxigraph.

``rawabit export --store`` used to turn the store into an rdflib dataset and
write that: minutes and gigabytes for a large store. These formats need no
such detour: pyoxigraph writes the store's quads to the file as it reads them,
from Rust, in the store's own order (not the sorted order of ``rawabit
build``'s files; the statements are the same).

* ``.nq`` and ``.trig`` keep every named graph (``Store.dump``);
* ``.nt`` and ``.ttl`` hold the union of all graphs, each triple once (a
  ``CONSTRUCT`` over the union graph, serialized as it is evaluated).

Memory stays flat for the first two. The union formats keep each distinct
triple once while the query runs (oxigraph's own set, a few dozen bytes per
triple).
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox

from . import atomic_path

__all__ = ["DUMPED", "can_dump", "dump"]

#: Extension -> (pyoxigraph format, whether named graphs are kept).
DUMPED: dict[str, tuple[ox.RdfFormat, bool]] = {
    ".nq": (ox.RdfFormat.N_QUADS, True),
    ".trig": (ox.RdfFormat.TRIG, True),
    ".nt": (ox.RdfFormat.N_TRIPLES, False),
    ".ttl": (ox.RdfFormat.TURTLE, False),
}
_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


def can_dump(path: str | Path) -> bool:
    """Whether *path*'s format is written straight from a store by :func:`dump`."""
    return Path(path).suffix.lower() in DUMPED


def dump(store: ox.Store, path: str | Path, *, prefixes: Mapping[str, str] | None = None) -> Path:
    """Write everything *store* holds to *path*, in the format its extension names.

    Args:
        store: An open pyoxigraph store (read-only is enough).
        path: A ``.nq``, ``.trig``, ``.nt`` or ``.ttl`` file, replaced atomically.
        prefixes: Prefixes for TriG and Turtle; the Rawabit ones by default,
            declared in order of name.

    Returns:
        *path* as a :class:`~pathlib.Path`.

    Raises:
        ValueError: The extension is not one of :data:`DUMPED`.
        OSError: The store cannot be read or the file written.
    """
    target = Path(path)
    if not can_dump(target):
        raise ValueError(f"cannot dump a store to {target.suffix or target.name}: use one of {', '.join(DUMPED)}")
    if prefixes is None:
        from rawabit.graph.namespace import PREFIXES as prefixes
    fmt, named = DUMPED[target.suffix.lower()]
    declared = dict(sorted(prefixes.items())) if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.TURTLE) else None
    with atomic_path(target) as tmp:
        if named:
            store.dump(str(tmp), fmt, prefixes=declared)
        else:
            union = store.query(_UNION, use_default_graph_as_union=True)
            ox.serialize(union, str(tmp), fmt, prefixes=declared)
    return target
