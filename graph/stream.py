"""The dataset of an extraction as a stream of pyoxigraph quads, without rdflib.

:func:`~rawabit.graph.build.build_dataset` holds the whole graph in an rdflib
store, which takes about a kilobyte per triple; a corpus of a hundred thousand
articles does not fit. :func:`quads` yields the very same statements (its
builders follow those of ``build``; ``tests/graph/test_stream.py`` holds them
equal) one article at a time, in a fixed order:

1. the default graph: entities and topics sorted by key, then the articles in
   input order with the entities they mention, each with its counts (one pass
   over the facts before the first quad, see :func:`~rawabit.graph.values.tally`);
2. each article's named graph in input order: the plain triples of its
   asserted facts, then each statement and quote node with its properties.

The order depends only on the extraction, so files written from the stream are
byte-identical however the extraction was computed. :func:`triples` is the
union of all graphs (for Turtle and N-Triples), each triple once.
:func:`blocks` cuts the same quads into independent pieces that
:func:`block_quads` turns into quads anywhere, in worker processes too
(:func:`block_statements` into default-graph quads and the runs of each graph,
:func:`block_lines` into their N-Triples lines).

Statements are made as N-Triples lines, each term written by pyoxigraph
(``str(term)``), and parsed into quads only where quads are needed: the
N-Triples and N-Quads files are the lines themselves, and pyoxigraph takes
about 2.5 µs to make a quad whose object is a literal from Python (its
argument conversion tries each kind of term in turn), about half that to
parse one from its line.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox

from rawabit.extract.model import Article, Entity, Extraction, Fact, Quote, Status, Tally

from . import iris
from .namespace import PREFIXES
from .values import article_metadata, confidence_text, date_value, tally, tally_triples

__all__ = ["quads", "triples", "blocks", "block_quads", "block_statements", "block_lines", "parse_lines", "in_graph",
           "size", "Union", "ExtractionStream"]

_RDF, _RDFS, _XSD = PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["xsd"]
_CACHE_LIMIT = 200_000
_AR = "ar"  # language of article text, as in graph.build


def _n(iri: str) -> str:
    """*iri* in N-Triples (checked by pyoxigraph)."""
    return str(ox.NamedNode(iri))


def _literal(value: str, *, language: str | None = None, datatype: ox.NamedNode | None = None) -> str:
    """A literal in N-Triples, escaped by pyoxigraph."""
    return str(ox.Literal(value, language=language, datatype=datatype))


def _line(s: str, p: str, o: str) -> bytes:
    return f"{s} {p} {o} .\n".encode()


class _Terms:
    """The terms of :mod:`rawabit.graph.build` in N-Triples, made once."""

    def __init__(self) -> None:
        self.type = _n(_RDF + "type")
        self.label, self.alt = _n(_RDFS + "label"), _n(PREFIXES["skos"] + "altLabel")
        self.same = _n(PREFIXES["owl"] + "sameAs")
        self.subject, self.predicate, self.object = _n(_RDF + "subject"), _n(_RDF + "predicate"), _n(_RDF + "object")
        self.title = _n(PREFIXES["dcterms"] + "title")
        self.integer, self.decimal = ox.NamedNode(_XSD + "integer"), ox.NamedNode(_XSD + "decimal")
        self.true, self.false = (_literal(v, datatype=ox.NamedNode(_XSD + "boolean")) for v in ("true", "false"))
        self.rwb = {name: _n(PREFIXES["rwb"] + name) for name in (
            "Article", "Statement", "Quote", "sourcePath", "partIndex", "mentions", "article",
            "sentenceIndex", "charStart", "charEnd", "status", "evidence", "rule", "confidence",
            "speaker", "quoteText", "direct", "date", "statementCount", "assertedCount", "namedInStatements")}
        self._entities: dict[str, str] = {}
        self._named: dict[Any, str] = {}
        self._confidence: dict[float, str] = {}
        self._ints: dict[int, str] = {}

    def entity(self, key: str) -> str:
        node = self._entities.get(key)
        if node is None:
            if len(self._entities) > _CACHE_LIMIT:
                self._entities.clear()
            node = self._entities[key] = _n(iris.entity_iri_text(key))
        return node

    def named(self, make: Any, value: Any) -> str:
        """A cached IRI from one of the few-valued minting functions (class, relation, status)."""
        node = self._named.get((make, value))
        if node is None:
            node = self._named[(make, value)] = _n(make(value))
        return node

    def int(self, value: int) -> str:
        lit = self._ints.get(value)
        if lit is None:
            if len(self._ints) > _CACHE_LIMIT:
                self._ints.clear()
            lit = self._ints[value] = _literal(str(int(value)), datatype=self.integer)
        return lit

    def confidence(self, value: float) -> str:
        lit = self._confidence.get(value)
        if lit is None:
            lit = self._confidence[value] = _literal(confidence_text(value), datatype=self.decimal)
        return lit


def _entity(t: _Terms, entity: Entity, statements: int) -> list[tuple]:
    node = t.entity(entity.key)
    out = [(node, t.type, t.named(iris.class_iri_text, entity.type)),
           (node, t.label, _literal(entity.label_ar, language=_AR))]
    if entity.label_en:
        out.append((node, t.label, _literal(entity.label_en, language="en")))
    for alias in sorted(set(entity.aliases) - {entity.label_ar, ""}):
        out.append((node, t.alt, _literal(alias, language=_AR)))
    if entity.wikidata:
        out.append((node, t.same, _n(iris.wikidata_iri_text(entity.wikidata))))
    out.append((node, t.rwb["namedInStatements"], t.int(statements)))
    return out


def _article(t: _Terms, article: Article, mentions: Iterable[str], counts: list[int]) -> list[tuple]:
    node, r = _n(iris.article_iri_text(article.id)), t.rwb
    out = [(node, t.type, r["Article"])]
    if article.title:
        out.append((node, t.title, _literal(article.title, language=_AR)))
    out.append((node, r["sourcePath"], _literal(article.path)))
    out.append((node, r["partIndex"], t.int(article.part)))
    out.extend((node, str(p), str(o)) for p, o in article_metadata(article))
    out.extend((node, r["mentions"], t.entity(key)) for key in sorted(mentions))
    out.extend((node, r[name], t.int(value))
               for name, value in zip(("statementCount", "assertedCount"), counts))
    return out


def _span(t: _Terms, node: str, article: str, sentence: int, start: int, end: int) -> list[tuple]:
    r = t.rwb
    return [(node, r["article"], article), (node, r["sentenceIndex"], t.int(sentence)),
            (node, r["charStart"], t.int(start)), (node, r["charEnd"], t.int(end))]


def _fact(t: _Terms, fact: Fact, article: str) -> tuple[tuple | None, list[tuple]]:
    """The plain triple of *fact* (None unless asserted) and the triples of its statement node."""
    s, p, o = t.entity(fact.subject), t.named(iris.relation_iri_text, fact.relation), t.entity(fact.object)
    status, r = Status(fact.status), t.rwb
    node = f"<{_STATEMENT}{iris.statement_key(fact)}>"
    out = [(node, t.type, r["Statement"]), (node, t.subject, s), (node, t.predicate, p), (node, t.object, o),
            (node, r["status"], t.named(iris.status_iri_text, status))]
    out += _span(t, node, article, fact.sentence, fact.start, fact.end)
    out += [(node, r["evidence"], _literal(fact.evidence, language=_AR)),
            (node, r["rule"], _literal(fact.rule)), (node, r["confidence"], t.confidence(fact.confidence))]
    if fact.date:
        out.append((node, r["date"], str(date_value(fact.date))))
    return ((s, p, o) if status is Status.ASSERTED else None), out


def _quote(t: _Terms, quote: Quote, article: str) -> list[tuple]:
    node, r = f"<{_QUOTE}{iris.quote_key(quote)}>", t.rwb
    out = [(node, t.type, r["Quote"]), (node, r["speaker"], t.entity(quote.speaker)),
           (node, r["quoteText"], _literal(quote.text, language=_AR)),
           (node, r["direct"], t.true if quote.direct else t.false)]
    return out + _span(t, node, article, quote.sentence, quote.start, quote.end)


#: Entities, articles or article graphs per block of :func:`blocks`.
BLOCK_SIZE = 100


def blocks(extraction: Extraction, size: int = BLOCK_SIZE) -> Iterator[tuple[str, list]]:
    """Cut the dataset of *extraction* into independent blocks, in the order of :func:`quads`.

    Each block is small, picklable and turned into its quads by
    :func:`block_quads` alone, so blocks can be made into quads in worker
    processes and the results put back in order.

    Args:
        extraction: A linked extraction, facts and quotes in article order.
        size: Entities, articles or article graphs per block.

    Yields:
        ``(kind, items)`` pairs.

    Raises:
        ValueError: As :func:`~rawabit.graph.build.build_dataset`.
    """
    counts: Tally = extraction.counts or tally(extraction.facts, in_runs=True)
    keys = sorted(extraction.entities)
    for i in range(0, len(keys), size):
        yield "entities", [(extraction.entities[k], counts.named[k]) for k in keys[i:i + size]]
    repeated = {a for a, n in Counter(a.id for a in extraction.articles).items() if n > 1}
    seen: dict[str, set[bytes]] = {}
    t = _terms()
    part: list = []
    for article in extraction.articles:
        mentions = sorted(set(extraction.mentions.get(article.id, ())))
        if article.id in repeated:  # the same text read twice: describe it once, with both paths
            if part:
                yield "articles", part
                part = []
            done = seen.setdefault(article.id, set())
            items = [line for line in _article_lines(t, article, mentions, counts.of_article(article.id))
                     if line not in done]
            done.update(items)
            yield "lines", items
            continue
        part.append((article, mentions, counts.of_article(article.id)))
        if len(part) >= size:
            yield "articles", part
            part = []
    if part:
        yield "articles", part
    yield "lines", [_line(*(str(term) for term in triple)) for triple in tally_triples(counts)]
    yield from _graph_blocks(extraction, size)


def _graph_blocks(extraction: Extraction, size: int) -> Iterator[tuple[str, list]]:
    facts, quotes = iter(extraction.facts), iter(extraction.quotes)
    fact, quote = next(facts, None), next(quotes, None)
    done: set[str] = set()
    part: list = []
    for article in extraction.articles:
        mine: tuple[list[Fact], list[Quote]] = ([], [])
        # facts and quotes come in article order: take this article's run of each
        while fact is not None and fact.article == article.id:
            mine[0].append(fact)
            fact = next(facts, None)
        while quote is not None and quote.article == article.id:
            mine[1].append(quote)
            quote = next(quotes, None)
        if article.id not in done:  # a text read twice has the same graph twice
            done.add(article.id)
            part.append((article.id, *mine))
            if len(part) >= size:
                yield "graphs", part
                part = []
    if fact is not None or quote is not None:
        raise ValueError("facts or quotes are not in the order of the articles of the extraction")
    if part:
        yield "graphs", part


_TERMS: _Terms | None = None


def _terms() -> _Terms:
    """This process's term cache."""
    global _TERMS
    if _TERMS is None:
        _TERMS = _Terms()
    return _TERMS


def _article_lines(t: _Terms, article: Article, mentions: list[str], counts: list[int]) -> list[bytes]:
    return [_line(s, p, o) for s, p, o in _article(t, article, mentions, counts)]


def _graph_block(items: list) -> tuple[list[bytes], list[int], list[tuple]]:
    """The lines of a ``graphs`` block: per article, the plain triples of its
    asserted facts, then the triples of its statement and quote nodes, each once.

    Returns:
        The lines, the places of the plain ones, and ``(graph, start, end)`` runs.
    """
    t = _terms()
    out: list[bytes] = []
    repeatable: list[int] = []
    runs: list[tuple] = []
    for article_id, facts, quotes in items:
        graph = ox.NamedNode(iris.article_iri_text(article_id))
        name = str(graph)
        plain: dict[tuple, None] = {}
        statements: dict[tuple, None] = {}   # a dict keeps the order and drops repeats
        for fact in facts:
            triple, node = _fact(t, fact, name)
            if triple is not None:
                plain[triple] = None
            statements.update(dict.fromkeys(node))
        for quote in quotes:
            statements.update(dict.fromkeys(_quote(t, quote, name)))
        start = len(out)
        repeatable += range(start, start + len(plain))
        out += [_line(s, p, o) for s, p, o in (*plain, *statements)]
        runs.append((graph, start, len(out)))
    return out, repeatable, runs


def block_lines(block: tuple[str, list]) -> tuple[list[bytes], list[int], list[tuple]]:
    """The triples of one block of :func:`blocks` as N-Triples lines, with the graph each belongs to.

    What :func:`block_statements` gives, as text: the N-Triples and N-Quads
    writers need no quads at all, the Turtle and TriG ones parse the lines.

    Returns:
        The lines, UTF-8 (each ending in ``b" .\\n"``); the places of the repeatable
        ones (as for :func:`block_quads`); and ``(graph, start, end)`` runs
        saying that ``lines[start:end]`` belong to *graph* (a
        :class:`pyoxigraph.NamedNode`, or ``None`` for the default graph),
        covering the lines in order.
    """
    kind, items = block
    t = _terms()
    if kind == "graphs":
        return _graph_block(items)
    if kind == "lines":
        lines = items
    elif kind == "entities":
        lines = [_line(s, p, o) for entity, named in items for s, p, o in _entity(t, entity, named)]
    else:
        lines = [line for article, mentions, counts in items for line in _article_lines(t, article, mentions, counts)]
    return lines, [], [(None, 0, len(lines))]


def parse_lines(lines: list[bytes]) -> Iterator[ox.Quad]:
    """The default-graph quads of the N-Triples *lines* of :func:`block_lines`, in order, as they are parsed
    (given straight to :func:`pyoxigraph.serialize`, they are never all held).

    Parsed leniently (IRIs not checked again): every term of the lines was
    written by pyoxigraph from a term it had checked, or is a hex key under a
    fixed IRI. That is about half the parser's time.
    """
    return ox.parse(b"".join(lines), format=ox.RdfFormat.N_TRIPLES, lenient=True)


def in_graph(lines: bytes, graph: ox.NamedNode | None) -> bytes:
    """N-Triples *lines* as the N-Quads of *graph* (as they are for the default graph, ``None``):
    each line with the graph's name before its final `` .`` (a literal's line breaks are
    escaped, so every ``b" .\\n"`` ends a line)."""
    return lines if graph is None else lines.replace(b" .\n", f" {graph} .\n".encode())


def block_quads(block: tuple[str, list]) -> tuple[list[ox.Quad], list[int]]:
    """The quads of one block of :func:`blocks`, in order.

    Returns:
        The quads, and the places among them of those whose triple another
        article's graph may hold too (asserted facts' plain triples); no
        other triple repeats.
    """
    lines, repeatable, runs = block_lines(block)
    text = b"".join(in_graph(b"".join(lines[start:end]), graph) for graph, start, end in runs)
    # (parsed leniently: the terms were checked when the lines were made, as parse_lines says)
    return (list(ox.parse(text, format=ox.RdfFormat.N_QUADS, lenient=True)) if text else []), repeatable


def block_statements(block: tuple[str, list]) -> tuple[list[ox.Quad], list[int], list[tuple]]:
    """The triples of one block of :func:`blocks`, with the graph each belongs to.

    What :func:`block_quads` gives, but every quad in the default graph and the
    graph names apart, for writers that need both the union (Turtle) and the
    named graphs (N-Quads): each statement is made once, not once per form.

    Returns:
        The quads, all in the default graph; the places of the repeatable
        ones (as for :func:`block_quads`); and ``(graph, start, end)`` runs
        saying that ``quads[start:end]`` belong to *graph* (``None`` for the
        default graph), covering the quads in order.
    """
    lines, repeatable, runs = block_lines(block)
    return list(parse_lines(lines)), repeatable, runs


def quads(extraction: Extraction) -> Iterator[ox.Quad]:
    """Yield the dataset of *extraction* (the shape of ``build_dataset``), each quad once.

    Args:
        extraction: A linked extraction, facts and quotes in article order.

    Yields:
        Default-graph quads, then each article's named graph in turn.

    Raises:
        ValueError: As :func:`~rawabit.graph.build.build_dataset`.
    """
    for block in blocks(extraction):
        yield from block_quads(block)[0]


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


_ID = iris.entity_iri_text("x")[:-1]
_STATEMENT, _QUOTE = PREFIXES["statement"], PREFIXES["quote"]   # hex keys need no encoding


def size(extraction: Extraction) -> int:
    """About how many triples the dataset of *extraction* holds (no dataset is built)."""
    return (5 * len(extraction.entities) + 6 * len(extraction.articles)
            + sum(len(m) for m in extraction.mentions.values())
            + 14 * len(extraction.facts) + 8 * len(extraction.quotes))


class ExtractionStream:
    """The dataset of an extraction as a :class:`rawabit.exports.QuadStream`.

    Besides the quads in order, it offers them in independent blocks
    (:meth:`blocks`, made into quads by :func:`block_quads`) so that writers
    can make and serialize blocks in worker processes.

    Example:
        >>> exports.write_stream(ExtractionStream(extraction), "graph.nt")   # doctest: +SKIP
    """

    block_quads = staticmethod(block_quads)
    block_statements = staticmethod(block_statements)
    block_lines = staticmethod(block_lines)

    def __init__(self, extraction: Extraction, *, block_size: int = BLOCK_SIZE) -> None:
        self.extraction = extraction
        self.block_size = block_size

    def quads(self) -> Iterator[ox.Quad]:
        return quads(self.extraction)

    def triples(self) -> Iterator[ox.Triple]:
        return triples(self.extraction)

    def blocks(self) -> Iterator[tuple[str, list]]:
        return blocks(self.extraction, self.block_size)
