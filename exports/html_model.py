"""What the HTML view draws, read from an RDF graph and cut down by the options.

Nodes are the entities and topics; an edge is one fact — a (subject,
relation, object, status) with every statement that supports it, so a
denied or planned statement is an edge of its own. The Arabic and English
names of classes, relations and statuses come from the graph, else the
ontology, else ``assets/labels.json``. Everything is sorted, so the page
written from it is deterministic.
"""
from __future__ import annotations

import json
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import DCTERMS, RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef

from rawabit.errors import InputError
from rawabit.graph.namespace import PREFIXES, RELATIONS, RWB
from rawabit.ontology import ONTOLOGY_TTL

__all__ = ["Node", "Evidence", "Edge", "Model", "CLASSES", "STATUSES", "read", "select", "curie"]

#: Entity classes, in legend order.
CLASSES: tuple[str, ...] = ("Person", "Organization", "Country", "City", "Region", "Topic")
#: Statement statuses; the first is the asserted one.
STATUSES: tuple[str, ...] = ("Asserted", "Denied", "Planned", "Possible", "Desired", "Conditional", "Questioned")

_RWB = str(RWB._NS)
_LABELS_JSON = Path(__file__).with_name("assets") / "labels.json"


@dataclass(frozen=True, slots=True)
class Node:
    """An entity or topic: its IRI, class (``""`` when untyped) and labels."""

    iri: str
    cls: str
    label_ar: str
    label_en: str
    alt: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The Arabic label, else the English one, else the IRI's last part."""
        return self.label_ar or self.label_en or self.iri.rstrip("/#").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One statement behind an edge: sentence, article and confidence (``None`` if unknown), the
    statement's date (``2025-03-18``, ``2025-03`` or ``2025``) and its article's publication date."""

    text: str
    article_title: str
    article_path: str
    confidence: float | None
    sentence: int = -1
    date: str = ""
    article_published: str = ""


@dataclass(frozen=True, slots=True)
class Edge:
    """A fact between two node IRIs with its status and supporting statements."""

    source: str
    relation: str
    target: str
    status: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Model:
    """Sorted nodes and edges, with ``names[kind][local name] = (ar, en)``."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    names: Mapping[str, Mapping[str, tuple[str, str]]]


def curie(iri: str) -> str:
    """Return *iri* shortened with the longest matching prefix of :data:`PREFIXES`."""
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default="")
    if not best:
        return iri
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


_Index = dict[URIRef, dict[URIRef, set[Any]]]


def _first(values: Iterable[Any], lang: str | None = None) -> str:
    texts = sorted(str(v) for v in values if isinstance(v, Literal) and (lang is None or v.language == lang))
    return texts[0] if texts else ""


def _text(graph: Graph, node: URIRef, prop: URIRef, lang: str | None = None) -> str:
    return _first(graph.objects(node, prop), lang)


@lru_cache(maxsize=1)
def _ontology() -> Graph | None:
    return Graph().parse(ONTOLOGY_TTL, format="turtle") if ONTOLOGY_TTL.is_file() else None


@lru_cache(maxsize=1)
def _builtin() -> dict[str, dict[str, list[str]]]:
    return json.loads(_LABELS_JSON.read_text(encoding="utf-8"))


def _names(index: _Index, kind: str, local: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Arabic and English names of ontology terms: data, else ontology, else built-in table."""
    onto = _ontology()
    out: dict[str, tuple[str, str]] = {}
    for name in local:
        iri = URIRef(_RWB + name)
        mine = index.get(iri, {}).get(RDFS.label, ())
        ar = _first(mine, "ar") or (_text(onto, iri, RDFS.label, "ar") if onto is not None else "")
        en = _first(mine, "en") or (_text(onto, iri, RDFS.label, "en") if onto is not None else "")
        fallback = _builtin().get(kind, {}).get(name, [name, name])
        out[name] = (ar or fallback[0], en or fallback[1])
    return out


_KEPT = frozenset({RDF.type, RDFS.label, SKOS.altLabel, RDF.subject, RDF.predicate, RDF.object, RWB.status,
                   RWB.article, RWB.evidence, RWB.confidence, RWB.sentenceIndex, DCTERMS.title, RWB.sourcePath,
                   RWB.date, RWB.published})
_RELATION_IRIS = {URIRef(_RWB + r): r for r in RELATIONS}


def _scan(dataset: Graph | Dataset) -> tuple[_Index, set[tuple[URIRef, str, URIRef]]]:
    """One pass over every triple: the properties the view needs, and the plain relation triples."""
    index: _Index = defaultdict(lambda: defaultdict(set))
    plain: set[tuple[URIRef, str, URIRef]] = set()
    if isinstance(dataset, Dataset):
        triples: Iterable[tuple[Any, Any, Any]] = ((s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None)))
    else:
        triples = dataset.triples((None, None, None))
    for s, p, o in triples:
        if p in _KEPT:
            index[s][p].add(o)
        elif p in _RELATION_IRIS and isinstance(s, URIRef) and isinstance(o, URIRef):
            plain.add((s, _RELATION_IRIS[p], o))
    return index, plain


def _one(props: Mapping[URIRef, set[Any]], prop: URIRef) -> Any:
    values = props.get(prop)
    return min(values) if values else None


def _node(index: _Index, iri: URIRef, cls: str) -> Node:
    props = index.get(iri, {})
    alt = tuple(sorted({str(v) for v in props.get(SKOS.altLabel, ()) if isinstance(v, Literal)}))
    labels = props.get(RDFS.label, ())
    return Node(str(iri), cls, _first(labels, "ar"), _first(labels, "en"), alt)


def _evidence(index: _Index, props: Mapping[URIRef, set[Any]]) -> Evidence:
    article, conf, sentence = (_one(props, p) for p in (RWB.article, RWB.confidence, RWB.sentenceIndex))
    title = path = published = ""
    if isinstance(article, URIRef):
        about = index.get(article, {})
        title = _first(about.get(DCTERMS.title, ())) or curie(str(article))
        path = _first(about.get(RWB.sourcePath, ()))
        published = _first(about.get(RWB.published, ()))
    return Evidence(text=_first(props.get(RWB.evidence, ())), article_title=title, article_path=path,
                    confidence=round(float(conf.toPython()), 3) if isinstance(conf, Literal) else None,
                    sentence=int(sentence.toPython()) if isinstance(sentence, Literal) else -1,
                    date=_first(props.get(RWB.date, ())), article_published=published)


def read(dataset: Graph | Dataset) -> Model:
    """Return every entity and fact of *dataset* (all named graphs together).

    Args:
        dataset: A Rawabit dataset or graph.

    Returns:
        The model; edges whose ends are not typed entities get untyped nodes.
    """
    index, plain = _scan(dataset)
    classes = {URIRef(_RWB + c): c for c in CLASSES}
    statuses = {URIRef(_RWB + s): s for s in STATUSES}
    found: dict[URIRef, str] = {}
    support: dict[tuple[URIRef, str, URIRef, str], list[Evidence]] = defaultdict(list)
    for subject, props in index.items():
        types = props.get(RDF.type, ())
        if not isinstance(subject, URIRef) or not types:
            continue
        named = sorted(classes[t] for t in types if t in classes)
        if named:
            found[subject] = named[0]
        if RWB.Statement in types:
            s, p, o = (_one(props, x) for x in (RDF.subject, RDF.predicate, RDF.object))
            if p in _RELATION_IRIS and isinstance(s, URIRef) and isinstance(o, URIRef):
                status = statuses.get(_one(props, RWB.status), "Asserted")
                support[(s, _RELATION_IRIS[p], o, status)].append(_evidence(index, props))
    for s, rel, o in plain:
        support.setdefault((s, rel, o, "Asserted"), [])
    for s, _, o, _ in support:
        found.setdefault(s, "")
        found.setdefault(o, "")
    nodes = tuple(sorted((_node(index, iri, cls) for iri, cls in found.items()), key=lambda n: n.iri))
    edges = tuple(sorted(
        (Edge(str(s), rel, str(o), status,
              tuple(sorted(ev, key=lambda e: (e.article_path, e.article_title, e.sentence, e.text))))
         for (s, rel, o, status), ev in support.items()),
        key=lambda e: (e.source, e.relation, e.target, STATUSES.index(e.status))))
    names = {"class": _names(index, "class", CLASSES), "relation": _names(index, "relation", RELATIONS),
             "status": _names(index, "status", STATUSES)}
    return Model(nodes, edges, names)


def _relation_names(value: Iterable[str]) -> set[str]:
    out = set()
    for item in [value] if isinstance(value, str) else value:
        name = str(item)
        for head in (_RWB, "rwb:"):
            name = name[len(head):] if name.startswith(head) else name
        if name not in RELATIONS:
            raise InputError(f"unknown relation {item!r} in the html 'relations' option: "
                             f"known relations are {', '.join(RELATIONS)}")
        out.add(name)
    return out


def _find(model: Model, focus: str) -> str:
    by_iri = {n.iri: n.iri for n in model.nodes} | {curie(n.iri): n.iri for n in model.nodes}
    if focus in by_iri:
        return by_iri[focus]
    wanted = focus.strip().casefold()
    hits = sorted(n.iri for n in model.nodes
                  if wanted in {x.casefold() for x in (n.label_ar, n.label_en, *n.alt) if x})
    if not hits:
        raise InputError(f"no entity has the IRI or label {focus!r} (html 'focus' option)")
    return hits[0]


def _neighbourhood(edges: Iterable[Edge], start: str, hops: int) -> set[str]:
    links: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        links[e.source].add(e.target)
        links[e.target].add(e.source)
    seen, todo = {start}, deque([(start, 0)])
    while todo:
        iri, depth = todo.popleft()
        if depth < hops:
            for nxt in sorted(links[iri] - seen):
                seen.add(nxt)
                todo.append((nxt, depth + 1))
    return seen


def select(model: Model, options: Mapping[str, Any]) -> tuple[Model, str]:
    """Apply the ``relations``, ``focus``/``hops`` and ``min_degree`` options, in that order.

    ``relations`` keeps the edges of those relations (local names, ``rwb:`` names
    or IRIs); ``focus`` (an IRI, ``id:`` name or label) keeps the nodes within
    ``hops`` edges of it, either direction; ``min_degree`` then drops the nodes
    with fewer edges (the focus node stays). With ``relations`` or ``focus``,
    nodes left without edges are dropped.

    Returns:
        The cut model and the IRI of the focus node (``""`` without focus).

    Raises:
        InputError: If a relation is unknown or no entity matches ``focus``.
    """
    edges, nodes = list(model.edges), list(model.nodes)
    cut = False
    if options.get("relations"):
        wanted = _relation_names(options["relations"])
        edges, cut = [e for e in edges if e.relation in wanted], True
    focus = ""
    if options.get("focus"):
        focus = _find(model, str(options["focus"]))
        keep = _neighbourhood(edges, focus, int(options.get("hops", 1)))
        edges, cut = [e for e in edges if e.source in keep and e.target in keep], True
    if cut:
        touched = {e.source for e in edges} | {e.target for e in edges} | {focus}
        nodes = [n for n in nodes if n.iri in touched]
    min_degree = int(options.get("min_degree") or 0)
    if min_degree > 0:
        degree: dict[str, int] = defaultdict(int)
        for e in edges:
            degree[e.source] += 1
            degree[e.target] += 1
        drop = {n.iri for n in nodes if degree[n.iri] < min_degree and n.iri != focus}
        nodes = [n for n in nodes if n.iri not in drop]
        edges = [e for e in edges if e.source not in drop and e.target not in drop]
    return Model(tuple(nodes), tuple(edges), model.names), focus
