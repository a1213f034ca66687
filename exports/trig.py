"""TriG writer: the dataset with one named graph per article.

Written by pyoxigraph from sorted quads (default graph first, then graphs by
name), so the output is byte-identical for the same dataset; rdflib's TriG
serializer orders graphs by hash and is not.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from rawabit.graph.namespace import PREFIXES

from .ntriples import serialize, write_streams, sorted_quads

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

__all__ = ["write", "write_stream"]


def write(dataset: Graph | Dataset, path: Path, options: Mapping[str, Any]) -> None:
    """Write *dataset* to *path* as TriG, keeping its named graphs.

    Args:
        dataset: The dataset (a plain graph is written as the default graph).
        path: Target file.
        options: None used.
    """
    serialize(sorted_quads(dataset), path, ox.RdfFormat.TRIG, prefixes=PREFIXES)


def write_stream(stream: Any, path: Path, options: Mapping[str, Any]) -> None:
    """Write a :class:`~rawabit.exports.QuadStream` as TriG, one graph block at a time.

    Args:
        stream: The dataset, as a stream (each named graph's quads together).
        path: Target file.
        options: None used.
    """
    write_streams(stream, [path], prefixes=PREFIXES)
