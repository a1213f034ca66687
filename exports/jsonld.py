"""JSON-LD writer: the union of all graphs compacted with the Rawabit context.

The context (``ontology/context.jsonld``) is inlined, so the file reads
offline; option ``context_url`` writes that URL as ``@context`` instead
(compaction still uses the bundled context, which must be what the URL
serves). Nodes in ``@graph`` are sorted by ``@id`` and value arrays by value,
so the output is deterministic.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from rawabit.graph.build import union_graph
from rawabit.ontology import CONTEXT_JSONLD

from . import atomic_file

__all__ = ["write", "context", "to_jsonld"]


@lru_cache(maxsize=1)
def _context_text() -> str:
    return CONTEXT_JSONLD.read_text(encoding="utf-8")


def context() -> dict[str, Any]:
    """Return a fresh copy of the published JSON-LD context (the value of ``@context``)."""
    return json.loads(_context_text())["@context"]


def _canonical(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def to_jsonld(dataset: Graph | Dataset, *, context_url: str = "") -> dict[str, Any]:
    """Return *dataset* as a compacted JSON-LD document (a dict).

    Args:
        dataset: The dataset or graph.
        context_url: When set, ``@context`` is this URL instead of the inline context.
    """
    ctx = context()
    text = union_graph(dataset).serialize(format="json-ld", context=ctx, auto_compact=True)
    doc = json.loads(text)
    if isinstance(doc, list):  # rdflib returns a bare list for an empty graph
        doc = {"@graph": doc}
    nodes = doc.pop("@graph", None)
    doc.pop("@context", None)
    if nodes is None:  # a single node is not wrapped in @graph
        nodes = [doc] if doc else []
    nodes = sorted((_canonical(n) for n in nodes), key=lambda n: str(n.get("@id", "")))
    return {"@context": context_url or ctx, "@graph": nodes}


def write(dataset: Graph | Dataset, path: Path, options: Mapping[str, Any]) -> None:
    """Write *dataset* to *path* as compacted JSON-LD.

    Args:
        dataset: The dataset or graph to write.
        path: Target file.
        options: ``context_url``: reference the context by this URL instead of inlining it.
    """
    doc = to_jsonld(dataset, context_url=str(options.get("context_url", "")))
    with atomic_file(path) as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
