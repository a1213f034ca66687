"""RDF/XML writer: the union of all graphs.

Written by pyoxigraph from sorted triples so the output is deterministic
(rdflib's XML serializers follow its store's hash order).
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph

from rawabit.graph.namespace import PREFIXES

from .ntriples import serialize, sorted_triples

__all__ = ["write"]


def write(dataset: Graph | Dataset, path: Path, options: Mapping[str, Any]) -> None:
    """Write the union of all graphs of *dataset* to *path* as RDF/XML.

    Args:
        dataset: The dataset or graph to write.
        path: Target file.
        options: None used.
    """
    serialize(sorted_triples(dataset), path, ox.RdfFormat.RDF_XML, prefixes=PREFIXES)
