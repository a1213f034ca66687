"""The dataset of an extraction as a stream of pyoxigraph quads, without rdflib.

:func:`~rawabit.graph.build.build_dataset` holds the whole graph in an rdflib
store, which takes about a kilobyte per triple; a corpus of a hundred thousand
articles does not fit. :func:`quads` yields the very same statements (it runs
the same builders over a sink that converts each triple as it comes) one
article at a time, in a fixed order:

1. the default graph: entities and topics sorted by key, then the articles in
   input order with the entities they mention;
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
from rdflib import BNode, Literal, URIRef

from rawabit.extract.model import Extraction

from . import iris
from .build import _add_article, _add_entity, _add_fact, _add_quote

__all__ = ["quads", "triples", "size", "Union", "ExtractionStream"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_CACHE_LIMIT = 200_000


class _Sink:
    """Enough of an rdflib graph for the builders of :mod:`rawabit.graph.build`: ``add``
    converts each triple to a pyoxigraph quad of :attr:`graph` and collects it."""

    def __init__(self) -> None:
        self.graph: ox.NamedNode | ox.DefaultGraph = ox.DefaultGraph()
        self.items: list[ox.Quad] = []
        self._named: dict[str, ox.NamedNode] = {}

    def add(self, triple: tuple[Any, Any, Any]) -> None:
        s, p, o = triple
        self.items.append(ox.Quad(self._term(s), self._term(p), self._term(o), self.graph))

    def take(self) -> list[ox.Quad]:
        items, self.items = self.items, []
        return items

    def _term(self, term: Any) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        if isinstance(term, URIRef):
            node = self._named.get(term)
            if node is None:
                if len(self._named) > _CACHE_LIMIT:
                    self._named.clear()
                node = self._named[term] = ox.NamedNode(str(term))
            return node
        if isinstance(term, Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            if term.datatype is not None:
                return ox.Literal(str(term), datatype=self._term(term.datatype))
            return ox.Literal(str(term))
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
        raise TypeError(f"not an RDF term: {term!r}")


def _key(q: ox.Quad) -> tuple[str, bool, str, str]:
    # subject, then rdf:type first, then predicate, then object (as the sorted writers do)
    return (str(q.subject), q.predicate.value != _RDF_TYPE, str(q.predicate), str(q.object))


def quads(extraction: Extraction) -> Iterator[ox.Quad]:
    """Yield the dataset of *extraction* (the shape of ``build_dataset``), each quad once.

    Args:
        extraction: A linked extraction, facts and quotes in article order.

    Yields:
        Default-graph quads, then each article's named graph in turn.

    Raises:
        ValueError: As :func:`~rawabit.graph.build.build_dataset`.
    """
    sink = _Sink()
    for key in sorted(extraction.entities):
        _add_entity(sink, extraction.entities[key])
        yield from sink.take()
    repeated = {a for a, n in Counter(a.id for a in extraction.articles).items() if n > 1}
    seen: dict[str, set[ox.Quad]] = {}
    for article in extraction.articles:
        _add_article(sink, article, set(extraction.mentions.get(article.id, ())))
        items = sink.take()
        if article.id in repeated:  # the same text read twice: describe it once, with both paths
            done = seen.setdefault(article.id, set())
            items = [q for q in items if q not in done]
            done.update(items)
        yield from items
    yield from _named_graphs(extraction, sink)


def _named_graphs(extraction: Extraction, sink: _Sink) -> Iterator[ox.Quad]:
    facts, quotes = iter(extraction.facts), iter(extraction.quotes)
    fact, quote = next(facts, None), next(quotes, None)
    done: set[str] = set()
    for article in extraction.articles:
        sink.graph = ox.NamedNode(str(iris.article_iri(article.id)))
        # facts and quotes come in article order: take this article's run of each
        while fact is not None and fact.article == article.id:
            _add_fact(sink, fact)
            fact = next(facts, None)
        while quote is not None and quote.article == article.id:
            _add_quote(sink, quote)
            quote = next(quotes, None)
        items = sink.take()
        if article.id not in done:  # a text read twice has the same graph twice
            done.add(article.id)
            yield from sorted(set(items), key=_key)
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
        t = ox.Triple(q.subject, q.predicate, q.object)
        if isinstance(q.graph_name, ox.NamedNode) and q.subject.value.startswith(_ID):
            if t in self.plain:
                return None
            self.plain.add(t)
        return t


_ID = str(iris.entity_iri("x"))[:-1]


def size(extraction: Extraction) -> int:
    """About how many triples the dataset of *extraction* holds (no dataset is built)."""
    return (4 * len(extraction.entities) + 4 * len(extraction.articles)
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
