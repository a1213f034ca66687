"""Turning an :class:`~rawabit.extract.model.Extraction` into an RDF dataset.

The shape is that of ``docs/graph-model.md``: entities, topics and article
descriptions in the default graph; each article's facts, statements and quotes
in the named graph whose name is the article IRI. Only asserted facts become
plain triples; every fact becomes a reified ``rwb:Statement``. Each article and
entity carries its counts (``rwb:statementCount`` …, see :class:`Tally`) so
that queries read them instead of counting statements.

The result holds no blank nodes and every value is canonical (sorted aliases,
confidence rounded to two places), so serializing it is deterministic.
"""
from __future__ import annotations

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from rawabit.extract.model import Article, Entity, Extraction, Fact, Quote, Status, Tally

from . import iris, values
from .namespace import PREFIXES, RWB
from .terms import from_oxigraph
from .values import confidence_text, date_datatype, tally

__all__ = ["build_dataset", "union_graph", "bind_prefixes", "confidence_literal", "date_literal", "article_metadata",
           "DEFAULT_GRAPH", "Tally", "tally", "tally_triples"]

#: Name of the default graph of every dataset built here.
DEFAULT_GRAPH = DATASET_DEFAULT_GRAPH_ID

_TEXT_LANG = "ar"  # language of article text: titles, evidence, quotes, Arabic labels


def bind_prefixes(graph: Graph | Dataset) -> None:
    """Bind :data:`~rawabit.graph.namespace.PREFIXES` on *graph*, replacing other bindings."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)


def confidence_literal(value: float) -> Literal:
    """Return *value* rounded half-up to two places as a canonical ``xsd:decimal``.

    The lexical form is XSD 1.0's canonical one (``0.9``, ``0.67``, ``1.0``,
    ``0.0``, see :func:`~rawabit.graph.values.confidence_text`), which rdflib's
    Turtle writer keeps, so Turtle parses back to the very terms built here.
    """
    return Literal(confidence_text(value), datatype=XSD.decimal)


def date_literal(value: str) -> Literal:
    """The literal of an ISO date value: ``xsd:gYear``, ``xsd:gYearMonth`` or ``xsd:date`` by its
    precision (``2025``, ``2025-03``, ``2025-03-18``), ``xsd:dateTime`` when it gives a time.

    Raises:
        ValueError: *value* is none of these forms.
    """
    return Literal(value, datatype=URIRef(date_datatype(value)))


def article_metadata(article: Article) -> list[tuple[URIRef, Literal]]:
    """The publication date, URL and outlet of *article* that the input gave, as (property, literal) pairs."""
    return [(from_oxigraph(p), from_oxigraph(o)) for p, o in values.article_metadata(article)]


def tally_triples(counts: Tally) -> list[tuple[URIRef, URIRef, Literal]]:
    """The default graph's triples for the statements of each status and each rule
    (:func:`~rawabit.graph.values.tally_triples`)."""
    return [(from_oxigraph(s), from_oxigraph(p), from_oxigraph(o)) for s, p, o in values.tally_triples(counts)]


def _add_entity(g: Graph, entity: Entity, statements: int) -> None:
    node = iris.entity_iri(entity.key)
    g.add((node, RDF.type, iris.class_iri(entity.type)))
    g.add((node, RDFS.label, Literal(entity.label_ar, lang=_TEXT_LANG)))
    if entity.label_en:
        g.add((node, RDFS.label, Literal(entity.label_en, lang="en")))
    for alias in sorted(set(entity.aliases) - {entity.label_ar, ""}):
        g.add((node, SKOS.altLabel, Literal(alias, lang=_TEXT_LANG)))
    if entity.wikidata:
        g.add((node, OWL.sameAs, iris.wikidata_iri(entity.wikidata)))
    g.add((node, RWB.namedInStatements, Literal(int(statements))))


def _add_article(g: Graph, article: Article, mentions: set[str], counts: list[int]) -> None:
    node = iris.article_iri(article.id)
    g.add((node, RDF.type, RWB.Article))
    if article.title:
        g.add((node, DCTERMS.title, Literal(article.title, lang=_TEXT_LANG)))
    g.add((node, RWB.sourcePath, Literal(article.path)))
    g.add((node, RWB.partIndex, Literal(int(article.part))))
    for prop, value in article_metadata(article):
        g.add((node, prop, value))
    for key in sorted(mentions):
        g.add((node, RWB.mentions, iris.entity_iri(key)))
    for prop, value in zip((RWB.statementCount, RWB.assertedCount), counts):
        g.add((node, prop, Literal(int(value))))


def _add_span(g: Graph, node: URIRef, article: str, sentence: int, start: int, end: int) -> None:
    g.add((node, RWB.article, iris.article_iri(article)))
    g.add((node, RWB.sentenceIndex, Literal(int(sentence))))
    g.add((node, RWB.charStart, Literal(int(start))))
    g.add((node, RWB.charEnd, Literal(int(end))))


def _add_fact(g: Graph, fact: Fact) -> None:
    s, p, o = iris.entity_iri(fact.subject), iris.relation_iri(fact.relation), iris.entity_iri(fact.object)
    status = Status(fact.status)
    if status is Status.ASSERTED:
        g.add((s, p, o))
    node = iris.statement_iri(fact)
    g.add((node, RDF.type, RWB.Statement))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((node, RWB.status, iris.status_iri(status)))
    _add_span(g, node, fact.article, fact.sentence, fact.start, fact.end)
    g.add((node, RWB.evidence, Literal(fact.evidence, lang=_TEXT_LANG)))
    g.add((node, RWB.rule, Literal(fact.rule)))
    g.add((node, RWB.confidence, confidence_literal(fact.confidence)))
    if fact.date:
        g.add((node, RWB.date, date_literal(fact.date)))


def _add_quote(g: Graph, quote: Quote) -> None:
    node = iris.quote_iri(quote)
    g.add((node, RDF.type, RWB.Quote))
    g.add((node, RWB.speaker, iris.entity_iri(quote.speaker)))
    g.add((node, RWB.quoteText, Literal(quote.text, lang=_TEXT_LANG)))
    g.add((node, RWB.direct, Literal(bool(quote.direct))))
    _add_span(g, node, quote.article, quote.sentence, quote.start, quote.end)


def build_dataset(extraction: Extraction) -> Dataset:
    """Build the RDF dataset of *extraction*.

    Args:
        extraction: Entities, articles, facts of every status and quotes.

    Returns:
        A dataset with entities, topics and articles (with their counts) in
        the default graph and each article's facts, statements and quotes in
        the graph named by the article IRI; :data:`PREFIXES` are bound.

    Raises:
        ValueError: If a fact names an unknown relation, an entity key or
            article id is empty, or a Wikidata id is malformed.
    """
    ds = Dataset(default_union=False)
    bind_prefixes(ds)
    default = ds.default_graph
    counts = extraction.counts or tally(extraction.facts)
    for key in sorted(extraction.entities):
        _add_entity(default, extraction.entities[key], counts.named[key])
    for article in extraction.articles:
        _add_article(default, article, set(extraction.mentions.get(article.id, ())), counts.of_article(article.id))
    for s, p, o in tally_triples(counts):
        default.add((s, p, o))
    graphs: dict[str, Graph] = {}

    def graph_of(article_id: str) -> Graph:
        if article_id not in graphs:
            graphs[article_id] = ds.graph(iris.article_iri(article_id))
        return graphs[article_id]

    for fact in extraction.facts:
        _add_fact(graph_of(fact.article), fact)
    for quote in extraction.quotes:
        _add_quote(graph_of(quote.article), quote)
    return ds


def union_graph(dataset: Dataset | Graph) -> Graph:
    """Return the union of every graph of *dataset* as one graph with :data:`PREFIXES` bound.

    A plain :class:`~rdflib.Graph` is copied as it is.
    """
    out = Graph()
    bind_prefixes(out)
    if isinstance(dataset, Dataset):
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            out.add((s, p, o))
    else:
        for triple in dataset:
            out.add(triple)
    return out
