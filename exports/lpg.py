"""Reading an RDF graph as a labelled property graph, for GraphML and Neo4j.

Nodes are the entities and topics (anything typed with an entity class of
the ontology, or joined by a relation); edges are the asserted facts, one per
asserted ``rwb:Statement`` with its provenance, plus one bare edge for a plain
relation triple that no statement explains. Denied, planned and other
non-asserted statements are not edges. Everything is returned sorted, so the
files written from it are deterministic.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rdflib import OWL, RDF, RDFS, Dataset, Graph, Literal, URIRef

from rawabit.graph.build import union_graph
from rawabit.graph.iris import entity_key
from rawabit.graph.namespace import RELATIONS, RWB, WD
from rawabit.ontology import ONTOLOGY_TTL

__all__ = ["Node", "Edge", "read", "superclasses", "relation_type", "ENTITY_CLASSES"]

#: Local names of the classes a node of the property graph may have.
ENTITY_CLASSES: tuple[str, ...] = ("Person", "Organization", "Country", "City", "Region", "Topic")

_RWB = str(RWB._NS)
_RELATION_IRIS = {URIRef(_RWB + name): name for name in RELATIONS}
_CLASS_IRIS = {URIRef(_RWB + name): name for name in ENTITY_CLASSES}


@dataclass(frozen=True, slots=True)
class Node:
    """An entity or topic.

    Attributes:
        iri: Its IRI.
        key: Its entity key (the IRI when not under ``id:``).
        cls: Local name of its class, or ``""`` when untyped.
        label_ar, label_en: Its labels, or ``""``.
        wikidata: Its Wikidata Q-id, or ``""``.
    """

    iri: str
    key: str
    cls: str
    label_ar: str = ""
    label_en: str = ""
    wikidata: str = ""


@dataclass(frozen=True, slots=True)
class Edge:
    """An asserted fact.

    Attributes:
        source, target: IRIs of its subject and object.
        relation: Local name of the relation, e.g. ``talkedWith``.
        statement: IRI of the asserted statement, or ``""`` for a bare triple.
        evidence, article, rule: Provenance, or ``""``.
        sentence: Sentence index, or ``-1``.
        confidence: 0–1, or ``None`` for a bare triple.
        date: When it happened (``2025-03-18``, ``2025-03`` or ``2025``), or ``""``.
    """

    source: str
    target: str
    relation: str
    statement: str = ""
    evidence: str = ""
    article: str = ""
    rule: str = ""
    sentence: int = -1
    confidence: float | None = None
    date: str = ""


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


def superclasses(cls: str) -> tuple[str, ...]:
    """Return the local names of the ontology superclasses of *cls*, nearest first."""
    onto, out, todo = _ontology(), [], [URIRef(_RWB + cls)]
    while todo:
        for sup in sorted(onto.objects(todo.pop(0), RDFS.subClassOf)):
            if isinstance(sup, URIRef) and str(sup).startswith(_RWB) and sup not in out:
                out.append(sup)
                todo.append(sup)
    return tuple(str(s)[len(_RWB):] for s in out)


def relation_type(name: str, style: str = "upper") -> str:
    """Return the relationship type of relation *name*.

    Args:
        name: Relation local name, e.g. ``talkedWith``.
        style: ``upper`` for Neo4j's UPPER_SNAKE_CASE (``TALKED_WITH``) or
            ``as-is`` to keep the ontology's name.

    Raises:
        ValueError: If *style* is neither.
    """
    if style == "as-is":
        return name
    if style == "upper":
        return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).upper()
    raise ValueError(f"unknown relationship type style {style!r}: use 'upper' or 'as-is'")


def _text(graph: Graph, node: URIRef, prop: URIRef, lang: str | None = None) -> str:
    values = sorted(str(v) for v in graph.objects(node, prop)
                    if isinstance(v, Literal) and (lang is None or v.language == lang))
    return values[0] if values else ""


def _node(graph: Graph, iri: URIRef) -> Node:
    classes = sorted(_CLASS_IRIS[c] for c in graph.objects(iri, RDF.type) if c in _CLASS_IRIS)
    same = sorted(str(s)[len(str(WD)):] for s in graph.objects(iri, OWL.sameAs) if str(s).startswith(str(WD)))
    try:
        key = entity_key(iri)
    except ValueError:
        key = str(iri)
    return Node(iri=str(iri), key=key, cls=classes[0] if classes else "",
                label_ar=_text(graph, iri, RDFS.label, "ar"), label_en=_text(graph, iri, RDFS.label, "en"),
                wikidata=same[0] if same else "")


def _edge(graph: Graph, stmt: URIRef, s: URIRef, p: URIRef, o: URIRef) -> Edge:
    conf = graph.value(stmt, RWB.confidence)
    sentence = graph.value(stmt, RWB.sentenceIndex)
    article = graph.value(stmt, RWB.article)
    return Edge(source=str(s), target=str(o), relation=_RELATION_IRIS[p], statement=str(stmt),
                evidence=_text(graph, stmt, RWB.evidence), article=str(article or ""),
                rule=_text(graph, stmt, RWB.rule),
                sentence=int(sentence.toPython()) if isinstance(sentence, Literal) else -1,
                confidence=float(conf.toPython()) if isinstance(conf, Literal) else None,
                date=_text(graph, stmt, RWB.date))


def read(dataset: Graph | Dataset) -> tuple[list[Node], list[Edge]]:
    """Return the nodes and asserted-fact edges of *dataset*, sorted.

    Args:
        dataset: A Rawabit dataset or graph.

    Returns:
        ``(nodes, edges)``; every edge's ends are among the nodes.
    """
    graph = union_graph(dataset)
    iris: set[URIRef] = {s for c in _CLASS_IRIS for s in graph.subjects(RDF.type, c) if isinstance(s, URIRef)}
    edges: list[Edge] = []
    explained: set[tuple[URIRef, URIRef, URIRef]] = set()
    for stmt in graph.subjects(RWB.status, RWB.Asserted):
        s, p, o = (graph.value(stmt, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        if p in _RELATION_IRIS and isinstance(s, URIRef) and isinstance(o, URIRef):
            edges.append(_edge(graph, stmt, s, p, o))
            explained.add((s, p, o))
    for p in _RELATION_IRIS:
        for s, o in graph.subject_objects(p):
            if isinstance(s, URIRef) and isinstance(o, URIRef) and (s, p, o) not in explained:
                edges.append(Edge(source=str(s), target=str(o), relation=_RELATION_IRIS[p]))
    for e in edges:
        iris.update((URIRef(e.source), URIRef(e.target)))
    nodes = sorted((_node(graph, iri) for iri in iris), key=lambda n: n.iri)
    edges.sort(key=lambda e: (e.source, e.relation, e.target, e.statement))
    return nodes, edges
