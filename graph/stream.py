"""The dataset of an extraction as a stream of pyoxigraph quads, without rdflib.

:func:`~rawabit.graph.build.build_dataset` holds the whole graph in an rdflib
store, which takes about a kilobyte per triple; a corpus of a hundred thousand
articles does not fit. :func:`quads` yields the very same statements (it runs
the same builders over a sink that converts each triple as it comes) one
article at a time, in a fixed order:

1. the default graph: entities and topics sorted by key, then the articles in
   input order with the entities they mention, each with its counts (one pass
   over the facts before the first quad, see
   :func:`~rawabit.graph.build.tally`);
2. each article's named graph in input order, its statements sorted.

The order depends only on the extraction, so files written from the stream are
byte-identical however the extraction was computed. :func:`triples` is the
union of all graphs (for Turtle and N-Triples), each triple once.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, SKOS, XSD
from rdflib.namespace import DCTERMS

from rawabit.extract.model import Article, Entity, Extraction, Fact, Quote, Status

from . import iris
from .build import Tally, confidence_literal, tally
from .namespace import RWB

__all__ = ["quads", "triples", "size", "Union", "ExtractionStream"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_CACHE_LIMIT = 200_000
_AR = "ar"  # language of article text, as in graph.build


def _n(term: Any) -> ox.NamedNode:
    return ox.NamedNode(str(term))


class _Terms:
    """The terms of :mod:`rawabit.graph.build` as pyoxigraph terms, made once."""

    def __init__(self) -> None:
        self.type = _n(RDF.type)
        self.label, self.alt, self.same = _n(RDFS.label), _n(SKOS.altLabel), _n(OWL.sameAs)
        self.subject, self.predicate, self.object = _n(RDF.subject), _n(RDF.predicate), _n(RDF.object)
        self.title = _n(DCTERMS.title)
        self.integer, self.boolean = _n(XSD.integer), _n(XSD.boolean)
        self.rwb = {name: _n(RWB[name]) for name in (
            "Article", "Statement", "Quote", "sourcePath", "partIndex", "mentions", "article",
            "sentenceIndex", "charStart", "charEnd", "status", "evidence", "rule", "confidence",
            "speaker", "quoteText", "direct", "statementCount", "assertedCount", "namedInStatements")}
        self._entities: dict[str, ox.NamedNode] = {}
        self._named: dict[Any, ox.NamedNode] = {}
        self._confidence: dict[float, ox.Literal] = {}

    def entity(self, key: str) -> ox.NamedNode:
        node = self._entities.get(key)
        if node is None:
            if len(self._entities) > _CACHE_LIMIT:
                self._entities.clear()
            node = self._entities[key] = _n(iris.entity_iri(key))
        return node

    def named(self, make: Any, value: Any) -> ox.NamedNode:
        """A cached IRI from one of the few-valued minting functions (class, relation, status)."""
        node = self._named.get((make, value))
        if node is None:
            node = self._named[(make, value)] = _n(make(value))
        return node

    def int(self, value: int) -> ox.Literal:
        return ox.Literal(str(int(value)), datatype=self.integer)

    def confidence(self, value: float) -> ox.Literal:
        lit = self._confidence.get(value)
        if lit is None:
            made = confidence_literal(value)
            lit = self._confidence[value] = ox.Literal(str(made), datatype=_n(made.datatype))
        return lit


def _entity(t: _Terms, entity: Entity, statements: int) -> list[tuple]:
    node = t.entity(entity.key)
    out = [(node, t.type, t.named(iris.class_iri, entity.type)),
           (node, t.label, ox.Literal(entity.label_ar, language=_AR))]
    if entity.label_en:
        out.append((node, t.label, ox.Literal(entity.label_en, language="en")))
    for alias in sorted(set(entity.aliases) - {entity.label_ar, ""}):
        out.append((node, t.alt, ox.Literal(alias, language=_AR)))
    if entity.wikidata:
        out.append((node, t.same, _n(iris.wikidata_iri(entity.wikidata))))
    out.append((node, t.rwb["namedInStatements"], t.int(statements)))
    return out


def _article(t: _Terms, article: Article, mentions: set[str], counts: list[int]) -> list[tuple]:
    node, r = _n(iris.article_iri(article.id)), t.rwb
    out = [(node, t.type, r["Article"])]
    if article.title:
        out.append((node, t.title, ox.Literal(article.title, language=_AR)))
    out.append((node, r["sourcePath"], ox.Literal(article.path)))
    out.append((node, r["partIndex"], t.int(article.part)))
    out.extend((node, r["mentions"], t.entity(key)) for key in sorted(mentions))
    out.extend((node, r[name], t.int(value))
               for name, value in zip(("statementCount", "assertedCount"), counts))
    return out


def _span(t: _Terms, node: ox.NamedNode, article: ox.NamedNode, sentence: int, start: int, end: int) -> list[tuple]:
    r = t.rwb
    return [(node, r["article"], article), (node, r["sentenceIndex"], t.int(sentence)),
            (node, r["charStart"], t.int(start)), (node, r["charEnd"], t.int(end))]


def _fact(t: _Terms, fact: Fact, article: ox.NamedNode) -> list[tuple]:
    s, p, o = t.entity(fact.subject), t.named(iris.relation_iri, fact.relation), t.entity(fact.object)
    status, r = Status(fact.status), t.rwb
    out = [(s, p, o)] if status is Status.ASSERTED else []
    node = _n(iris.statement_iri(fact))
    out += [(node, t.type, r["Statement"]), (node, t.subject, s), (node, t.predicate, p), (node, t.object, o),
            (node, r["status"], t.named(iris.status_iri, status))]
    out += _span(t, node, article, fact.sentence, fact.start, fact.end)
    out += [(node, r["evidence"], ox.Literal(fact.evidence, language=_AR)),
            (node, r["rule"], ox.Literal(fact.rule)), (node, r["confidence"], t.confidence(fact.confidence))]
    return out


def _quote(t: _Terms, quote: Quote, article: ox.NamedNode) -> list[tuple]:
    node, r = _n(iris.quote_iri(quote)), t.rwb
    out = [(node, t.type, r["Quote"]), (node, r["speaker"], t.entity(quote.speaker)),
           (node, r["quoteText"], ox.Literal(quote.text, language=_AR)),
           (node, r["direct"], ox.Literal("true" if quote.direct else "false", datatype=t.boolean))]
    return out + _span(t, node, article, quote.sentence, quote.start, quote.end)


def _key(t: tuple) -> tuple[str, bool, str, str]:
    # subject, then rdf:type first, then predicate, then object; all subjects and
    # predicates are IRIs, so their value orders them without the brackets str() adds
    return (t[0].value, t[1].value != _RDF_TYPE, t[1].value, str(t[2]))


def quads(extraction: Extraction) -> Iterator[ox.Quad]:
    """Yield the dataset of *extraction* (the shape of ``build_dataset``), each quad once.

    Args:
        extraction: A linked extraction, facts and quotes in article order.

    Yields:
        Default-graph quads, then each article's named graph in turn.

    Raises:
        ValueError: As :func:`~rawabit.graph.build.build_dataset`.
    """
    t = _Terms()
    default = ox.DefaultGraph()
    counts: Tally = tally(extraction.facts, in_runs=True)
    for key in sorted(extraction.entities):
        for s, p, o in _entity(t, extraction.entities[key], counts.named[key]):
            yield ox.Quad(s, p, o, default)
    repeated = {a for a, n in Counter(a.id for a in extraction.articles).items() if n > 1}
    seen: dict[str, set[ox.Quad]] = {}
    for article in extraction.articles:
        items = [ox.Quad(s, p, o, default) for s, p, o in
                 _article(t, article, set(extraction.mentions.get(article.id, ())), counts.of_article(article.id))]
        if article.id in repeated:  # the same text read twice: describe it once, with both paths
            done = seen.setdefault(article.id, set())
            items = [q for q in items if q not in done]
            done.update(items)
        yield from items
    yield from _named_graphs(extraction, t)


def _named_graphs(extraction: Extraction, t: _Terms) -> Iterator[ox.Quad]:
    facts, quotes = iter(extraction.facts), iter(extraction.quotes)
    fact, quote = next(facts, None), next(quotes, None)
    done: set[str] = set()
    for article in extraction.articles:
        graph = _n(iris.article_iri(article.id))
        items: list[tuple] = []
        # facts and quotes come in article order: take this article's run of each
        while fact is not None and fact.article == article.id:
            items += _fact(t, fact, graph)
            fact = next(facts, None)
        while quote is not None and quote.article == article.id:
            items += _quote(t, quote, graph)
            quote = next(quotes, None)
        if article.id not in done:  # a text read twice has the same graph twice
            done.add(article.id)
            for s, p, o in sorted(dict.fromkeys(items), key=_key):
                yield ox.Quad(s, p, o, graph)
    if fact is not None or quote is not None:
        raise ValueError("facts or quotes are not in the order of the articles of the extraction")


def triples(extraction: Extraction) -> Iterator[ox.Triple]:
    """Yield the union of all graphs of :func:`quads`, each triple once."""
    union = Union()
    for q in quads(extraction):
        t = union(q)
        if t is not None:
            yield t


class Union:
    """Map each quad of :func:`quads`, in order, to its triple, or None if already given.

    Only asserted facts can repeat across articles (the plain triple
    ``subject relation object`` in each article's graph); those are
    remembered, nothing else is.
    """

    def __init__(self) -> None:
        self.plain: set[ox.Triple] = set()

    def __call__(self, q: ox.Quad) -> ox.Triple | None:
        t = q.triple
        if isinstance(q.graph_name, ox.NamedNode) and t.subject.value.startswith(_ID):
            if t in self.plain:
                return None
            self.plain.add(t)
        return t


_ID = str(iris.entity_iri("x"))[:-1]


def size(extraction: Extraction) -> int:
    """About how many triples the dataset of *extraction* holds (no dataset is built)."""
    return (5 * len(extraction.entities) + 6 * len(extraction.articles)
            + sum(len(m) for m in extraction.mentions.values())
            + 14 * len(extraction.facts) + 8 * len(extraction.quotes))


class ExtractionStream:
    """The dataset of an extraction as a :class:`rawabit.exports.QuadStream`.

    Example:
        >>> exports.write_stream(ExtractionStream(extraction), "graph.nt")   # doctest: +SKIP
    """

    def __init__(self, extraction: Extraction) -> None:
        self.extraction = extraction

    def quads(self) -> Iterator[ox.Quad]:
        return quads(self.extraction)

    def triples(self) -> Iterator[ox.Triple]:
        return triples(self.extraction)

    def union(self) -> Union:
        return Union()
