"""GraphML writer (networkx): entities and topics as nodes, asserted facts as edges.

Node attributes: ``label`` (Arabic, else English), ``label_ar``, ``label_en``,
``class``, ``iri``, ``key``, ``wikidata``. Edge attributes: ``relation``,
``evidence``, ``article``, ``confidence`` (double), ``date`` (ISO text, when known), ``rule``, ``sentence``
(int), ``statement``. The graph is a directed multigraph keyed by statement
IRI: one edge per asserted statement. Opens in Gephi, yEd and
``networkx.read_graphml``.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Dataset, Graph

from . import atomic_file
from .lpg import read

__all__ = ["write", "to_networkx"]


def to_networkx(dataset: Graph | Dataset) -> nx.MultiDiGraph:
    """Return *dataset* as a networkx multigraph of entities and asserted facts.

    Node ids are IRIs; edge keys are statement IRIs (the relation name for a
    plain triple without a statement).
    """
    nodes, edges = read(dataset)
    g = nx.MultiDiGraph(name="rawabit")
    for n in nodes:
        g.add_node(n.iri, label=n.label_ar or n.label_en or n.key, label_ar=n.label_ar, label_en=n.label_en,
                   **{"class": n.cls}, iri=n.iri, key=n.key, wikidata=n.wikidata)
    for e in edges:
        data: dict[str, Any] = {"relation": e.relation, "evidence": e.evidence, "article": e.article,
                                "rule": e.rule, "sentence": e.sentence, "statement": e.statement}
        if e.confidence is not None:
            data["confidence"] = e.confidence
        if e.date:
            data["date"] = e.date
        g.add_edge(e.source, e.target, key=e.statement or e.relation, **data)
    return g


def write(dataset: Graph | Dataset, path: Path, options: Mapping[str, Any]) -> None:
    """Write *dataset* to *path* as GraphML.

    Args:
        dataset: The dataset or graph to write.
        path: Target file.
        options: None used.
    """
    g = to_networkx(dataset)
    with atomic_file(path, "wb") as fh:
        nx.write_graphml(g, fh, encoding="utf-8", prettyprint=True, named_key_ids=True)
