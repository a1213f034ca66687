"""Neo4j admin-import CSV writer.

A ``.neo4j`` target is a directory holding ``nodes.csv`` and
``relationships.csv``; a target named ``nodes.csv`` or ``relationships.csv``
is that one file. Load into database ``neo4j`` (server stopped) with::

    neo4j-admin database import full neo4j --nodes=graph.neo4j/nodes.csv \\
        --relationships=graph.neo4j/relationships.csv --ignore-empty-strings --overwrite-destination

(the database name first: ``--nodes`` takes several files). Empty fields are
no property, as in the ``.cypher`` export.

Headers (fixed; see :data:`NODE_HEADER`, :data:`RELATIONSHIP_HEADER`)::

    iri:ID,key,label_ar,label_en,class,wikidata,:LABEL
    :START_ID,:END_ID,:TYPE,relation,statement,evidence,article,rule,sentence:int,confidence:float,date

``:LABEL`` is ``Entity`` plus the ontology class and its superclasses,
separated by ``;`` (``Entity;City;Place;Agent``). ``:TYPE`` is the relation
name in UPPER_SNAKE_CASE (``TALKED_WITH``) unless option ``rel_types="as-is"``;
``relation`` keeps the ontology's name. One row per asserted statement.
"""
from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from rdflib import Dataset, Graph

from rawabit.errors import FormatError

from . import atomic_dir, atomic_file
from .lpg import Edge, Node, read, relation_type, superclasses

__all__ = ["write", "write_csv", "NODE_HEADER", "RELATIONSHIP_HEADER", "NODES_FILE", "RELATIONSHIPS_FILE"]

NODES_FILE = "nodes.csv"
RELATIONSHIPS_FILE = "relationships.csv"
NODE_HEADER: tuple[str, ...] = ("iri:ID", "key", "label_ar", "label_en", "class", "wikidata", ":LABEL")
RELATIONSHIP_HEADER: tuple[str, ...] = (
    ":START_ID", ":END_ID", ":TYPE", "relation", "statement", "evidence", "article", "rule",
    "sentence:int", "confidence:float", "date",
)


def _node_row(n: Node) -> list[str]:
    labels = ["Entity", *([n.cls, *superclasses(n.cls)] if n.cls else [])]
    return [n.iri, n.key, n.label_ar, n.label_en, n.cls, n.wikidata, ";".join(labels)]


def _edge_row(e: Edge, style: str) -> list[str]:
    confidence = "" if e.confidence is None else repr(e.confidence)
    sentence = "" if e.sentence < 0 else str(e.sentence)
    return [e.source, e.target, relation_type(e.relation, style), e.relation, e.statement,
            e.evidence, e.article, e.rule, sentence, confidence, e.date]


def _write_rows(fh: IO[str], header: tuple[str, ...], rows: list[list[str]]) -> None:
    out = csv.writer(fh, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    out.writerow(header)
    out.writerows(rows)


def _tables(dataset: Graph | Dataset, options: Mapping[str, Any]) -> dict[str, tuple[tuple[str, ...], list]]:
    style = str(options.get("rel_types", "upper"))
    relation_type("met", style)  # fail early on a bad style
    nodes, edges = read(dataset)
    return {
        NODES_FILE: (NODE_HEADER, [_node_row(n) for n in nodes]),
        RELATIONSHIPS_FILE: (RELATIONSHIP_HEADER, [_edge_row(e, style) for e in edges]),
    }


def write(dataset: Graph | Dataset, path: Path, options: Mapping[str, Any]) -> None:
    """Write ``nodes.csv`` and ``relationships.csv`` into directory *path*.

    Args:
        dataset: The dataset or graph to write.
        path: Target directory; replaced as a whole.
        options: ``rel_types``: ``upper`` (default) or ``as-is``.

    Raises:
        ValueError: If ``rel_types`` is unknown.
    """
    tables = _tables(dataset, options)
    with atomic_dir(path) as tmp:
        for name, (header, rows) in tables.items():
            with (tmp / name).open("w", encoding="utf-8", newline="") as fh:
                _write_rows(fh, header, rows)


def write_csv(dataset: Graph | Dataset, path: Path, options: Mapping[str, Any]) -> None:
    """Write the one admin-import file that *path* names.

    Args:
        dataset: The dataset or graph to write.
        path: ``…/nodes.csv`` or ``…/relationships.csv``.
        options: ``rel_types``: ``upper`` (default) or ``as-is``.

    Raises:
        FormatError: If the file name is neither.
    """
    if path.name not in (NODES_FILE, RELATIONSHIPS_FILE):
        raise FormatError(f"cannot tell which Neo4j CSV {path.name} is: name it {NODES_FILE} "
                          f"or {RELATIONSHIPS_FILE}, or write a .neo4j directory")
    header, rows = _tables(dataset, options)[path.name]
    with atomic_file(path) as fh:
        _write_rows(fh, header, rows)
