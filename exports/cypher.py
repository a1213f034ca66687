"""Neo4j Cypher script writer: ``MERGE`` statements for entities and asserted facts.

Load with ``cypher-shell -f graph.cypher``; running it twice changes nothing.
The script is one statement per line. Its third line makes ``Entity.iri``
unique in Neo4j's schema syntax; every other statement is a ``MERGE`` or
``MATCH … MERGE`` in the openCypher that FalkorDB and Neo4j share,
so other engines load it by making their own index on ``Entity.iri`` and
running each ``MERGE`` and ``MATCH`` line (FalkorDB: see the README section
"Graph servers and databases", tested in ``tests/exports/test_cypher_falkordb.py``).

- Every node has the label ``Entity`` (unique ``iri``, the merge key) plus its
  ontology class and that class's ontology superclasses, e.g.
  ``:Entity:City:Place:Agent`` or ``:Entity:Topic``.
- Node properties: ``iri``, ``key``, ``label_ar``, ``label_en``, ``class``,
  ``wikidata`` (empty ones are left out).
- Relationship types are the relation names in UPPER_SNAKE_CASE by default
  (``talkedWith`` → ``TALKED_WITH``, ``presidentOf`` → ``PRESIDENT_OF``);
  option ``rel_types="as-is"`` keeps the ontology's camelCase. The exact
  ontology name is always in the ``relation`` property.
- One relationship per asserted statement, merged on its ``statement`` IRI,
  with ``evidence``, ``article``, ``rule``, ``sentence``, ``confidence`` and, when known, ``date``.
  Denied, planned and other non-asserted statements are not written.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from . import atomic_file
from .lpg import Edge, Node, read, relation_type, superclasses

__all__ = ["write", "statements", "quote_string"]

_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def quote_string(text: str) -> str:
    """Return *text* as a single-quoted Cypher string literal."""
    return "'" + "".join(_ESCAPES.get(ch, ch) for ch in text) + "'"


def _labels(node: Node) -> str:
    names = [node.cls, *superclasses(node.cls)] if node.cls else []
    return "".join(f":`{n}`" if not n.isidentifier() else f":{n}" for n in names)


def _node(node: Node) -> str:
    props = {"key": node.key, "class": node.cls, "label_ar": node.label_ar,
             "label_en": node.label_en, "wikidata": node.wikidata}
    sets = [f"n{_labels(node)}"] if node.cls else []
    sets += [f"n.{k} = {quote_string(v)}" for k, v in props.items() if v]
    tail = f" SET {', '.join(sets)}" if sets else ""
    return f"MERGE (n:Entity {{iri: {quote_string(node.iri)}}}){tail};"


def _edge(edge: Edge, style: str) -> str:
    rel = relation_type(edge.relation, style)
    rel = rel if rel.isidentifier() else f"`{rel}`"
    match = (f"MATCH (a:Entity {{iri: {quote_string(edge.source)}}}), "
             f"(b:Entity {{iri: {quote_string(edge.target)}}}) ")
    if not edge.statement:
        return f"{match}MERGE (a)-[r:{rel}]->(b) SET r.relation = {quote_string(edge.relation)};"
    sets = [f"r.relation = {quote_string(edge.relation)}", f"r.evidence = {quote_string(edge.evidence)}",
            f"r.article = {quote_string(edge.article)}", f"r.rule = {quote_string(edge.rule)}",
            f"r.sentence = {edge.sentence}"]
    if edge.confidence is not None:
        sets.append(f"r.confidence = {edge.confidence!r}")
    if edge.date:   # ISO text: a day, a month or a year, which sorts in time order
        sets.append(f"r.date = {quote_string(edge.date)}")
    return (f"{match}MERGE (a)-[r:{rel} {{statement: {quote_string(edge.statement)}}}]->(b) "
            f"SET {', '.join(sets)};")


def statements(dataset: Graph | Dataset, *, rel_types: str = "upper") -> Iterator[str]:
    """Yield the lines of the Cypher script of *dataset*.

    Raises:
        ValueError: If *rel_types* is neither ``upper`` nor ``as-is``.
    """
    relation_type("met", rel_types)  # fail early on a bad style
    nodes, edges = read(dataset)
    yield "// Rawabit knowledge graph: entities and asserted facts (docs/graph-model.md)."
    yield "// Load with: cypher-shell -f THIS_FILE (Neo4j); other engines: index Entity.iri, run each MERGE/MATCH line"
    yield "CREATE CONSTRAINT rawabit_entity_iri IF NOT EXISTS FOR (n:Entity) REQUIRE n.iri IS UNIQUE;"
    yield from (_node(n) for n in nodes)
    yield from (_edge(e, rel_types) for e in edges)


def write(dataset: Graph | Dataset, path: Path, options: Mapping[str, Any]) -> None:
    """Write *dataset* to *path* as a Cypher script.

    Args:
        dataset: The dataset or graph to write.
        path: Target file.
        options: ``rel_types``: ``upper`` (default, ``TALKED_WITH``) or ``as-is``.

    Raises:
        ValueError: If ``rel_types`` is unknown.
    """
    lines = list(statements(dataset, rel_types=str(options.get("rel_types", "upper"))))
    with atomic_file(path) as fh:
        fh.write("\n".join(lines) + "\n")
