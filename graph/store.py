"""An embedded, persistent graph store on pyoxigraph (RocksDB in a directory).

The store holds the dataset of :doc:`docs/graph-model.md`: entities, topics and
article descriptions in the default graph, each article's facts, statements and
quotes in the named graph named by the article IRI. Adding datasets is
idempotent: quads are a set, entities merge by IRI, and a statement or quote
already stored is never added again, so a corpus can be ingested in pieces.
The counts of the default graph (``rwb:statementCount`` …) add up: the store
keeps one per article, entity, status or rule, that of the statements it holds.

>>> with GraphStore.open("graph.db", create=True) as store:   # doctest: +SKIP
...     store.add_dataset(dataset)
...     store.has_article("a1b2c3d4e5f6")
True
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import unquote

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from rawabit.errors import StoreError

from .iris import article_iri, entity_key, rule_iri
from .namespace import ARTICLE, PREFIXES, RWB
from .terms import from_oxigraph, to_oxigraph

if TYPE_CHECKING:
    from .sparql import Result

__all__ = ["GraphStore", "StoredEntity", "to_oxigraph", "from_oxigraph"]

_RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
_LABEL = ox.NamedNode(PREFIXES["rdfs"] + "label")
_ALT_LABEL = ox.NamedNode(PREFIXES["skos"] + "altLabel")
_ENTITY_CLASSES = ("Person", "Organization", "Country", "City", "Region", "Topic")
_STATEMENT = ox.NamedNode(RWB.Statement)
_PROVENANCE_CLASSES = (_STATEMENT, ox.NamedNode(RWB.Quote))
_SUBJECT, _OBJECT = ox.NamedNode(PREFIXES["rdf"] + "subject"), ox.NamedNode(PREFIXES["rdf"] + "object")
_ARTICLE, _STATUS, _ASSERTED = ox.NamedNode(RWB.article), ox.NamedNode(RWB.status), ox.NamedNode(RWB.Asserted)
_RULE = ox.NamedNode(RWB.rule)
_STATEMENTS, _ASSERTED_COUNT, _NAMED_IN = (
    ox.NamedNode(RWB[name]) for name in ("statementCount", "assertedCount", "namedInStatements"))
_COUNTS = frozenset((_STATEMENTS, _ASSERTED_COUNT, _NAMED_IN))
_INTEGER = ox.NamedNode(PREFIXES["xsd"] + "integer")
#: Above this many new quads, write with bulk_extend (not atomic) instead of one transaction.
_TRANSACTION_LIMIT = 200_000


class StoredEntity(NamedTuple):
    """An entity or topic known to the store.

    Attributes:
        iri: Its IRI.
        cls: Local name of its class, e.g. ``Person`` (an ``EntityType`` value).
        labels: Its Arabic labels (``rdfs:label`` before ``skos:altLabel``),
            then the others.
    """

    iri: str
    cls: str
    labels: tuple[str, ...]

    @property
    def key(self) -> str:
        """The entity key the IRI was minted from (the IRI itself outside ``id:``)."""
        try:
            return entity_key(self.iri)
        except ValueError:
            return self.iri


class GraphStore:
    """A Rawabit dataset persisted in a directory; open it with :meth:`open`."""

    def __init__(self, store: ox.Store, path: Path, *, read_only: bool = False) -> None:
        self._store: ox.Store | None = store
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path, *, create: bool = False, read_only: bool = False) -> GraphStore:
        """Open the store in directory *path*.

        Args:
            path: The store directory.
            create: Create the directory if it is missing (or empty).
            read_only: Open without taking the write lock; several readers may
                share a store, but not with a running writer.

        Raises:
            StoreError: The directory is missing (and not *create*), is not a
                store, is locked by another process, or is corrupt.
        """
        path = Path(path)
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path} is a file, not a store directory")
        is_store = (path / "CURRENT").is_file()
        if not is_store:
            if path.is_dir() and any(path.iterdir()):
                raise StoreError(f"{path} is not a graph store (no CURRENT file); choose an empty or new directory")
            if not create or read_only:
                raise StoreError(f"no graph store at {path}")
        try:
            store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as exc:
            raise StoreError(_describe_open_error(path, exc)) from None
        return cls(store, path, read_only=read_only)

    # -- life cycle -------------------------------------------------------

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store`.

        Raises:
            StoreError: The store is closed.
        """
        if self._store is None:
            raise StoreError(f"the store at {self.path} is closed")
        return self._store

    def close(self) -> None:
        """Flush writes and release the directory lock; idempotent."""
        if self._store is not None:
            if not self.read_only:
                try:
                    self._store.flush()
                except OSError as exc:
                    raise StoreError(f"cannot write the store at {self.path}: {_one_line(exc)}") from None
            self._store = None

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self.oxigraph)

    # -- writing ------------------------------------------------------------

    def add_dataset(self, dataset: Graph) -> int:
        """Add the quads of *dataset* that the store does not hold yet.

        Statements and quotes whose IRI is already stored are skipped whole, so
        re-ingesting an article never duplicates its provenance.

        Counts (``rwb:statementCount``, ``rwb:assertedCount``,
        ``rwb:namedInStatements``) are not taken as they come: the store adds
        to the count it holds for a node the statements that this call
        actually adds, so each count stays that of the store's statements. A
        node gets a count if *dataset* gives it one or the store has one.

        Args:
            dataset: An :class:`rdflib.Dataset` (named graphs kept) or a plain
                graph (added to the default graph).

        Returns:
            The number of quads added (a count replaced by a new value is one).

        Raises:
            StoreError: The store is read-only or cannot be written.
        """
        if self.read_only:
            raise StoreError(f"the store at {self.path} is open read-only")
        store = self.oxigraph
        quads = [_quad_to_oxigraph(q) for q in _rdflib_quads(dataset)]
        counted = {(q.subject, q.predicate) for q in quads if q.predicate in _COUNTS}
        known = {q.subject for q in quads
                 if q.predicate == _RDF_TYPE and q.object in _PROVENANCE_CLASSES
                 and _stored_as_provenance(store, q.subject)}
        new = list(dict.fromkeys(q for q in quads
                                 if q.predicate not in _COUNTS and q.subject not in known and q not in store))
        stale, fresh = _recount(store, counted, _counts_of(new))
        new += fresh
        try:
            for q in stale:  # before the new values: a node never holds two counts
                store.remove(q)
            if len(new) > _TRANSACTION_LIMIT:
                store.bulk_extend(new)
            elif new:
                store.extend(new)
            store.flush()
        except OSError as exc:
            raise StoreError(f"cannot write the store at {self.path}: {_one_line(exc)}") from None
        return len(new)

    # -- reading ------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        """Whether the article with id (or IRI) *article_id* was ingested."""
        iri = ox.NamedNode(_article_iri(article_id))
        return (self.oxigraph.contains_named_graph(iri)
                or any(self.oxigraph.quads_for_pattern(iri, _RDF_TYPE, ox.NamedNode(RWB.Article), None)))

    def article_ids(self) -> list[str]:
        """The ids of the ingested articles, sorted."""
        ids = {str(q.subject.value) for q in self.oxigraph.quads_for_pattern(
            None, _RDF_TYPE, ox.NamedNode(RWB.Article), None)}
        ids.update(g.value for g in self.oxigraph.named_graphs() if isinstance(g, ox.NamedNode))
        prefix = str(ARTICLE)
        return sorted(unquote(i[len(prefix):]) for i in ids if i.startswith(prefix))

    def entities(self) -> list[StoredEntity]:
        """The entities and topics in the store, sorted by IRI."""
        store = self.oxigraph
        found: dict[str, str] = {}
        for cls in _ENTITY_CLASSES:
            for q in store.quads_for_pattern(None, _RDF_TYPE, ox.NamedNode(RWB[cls]), None):
                if isinstance(q.subject, ox.NamedNode):
                    found.setdefault(q.subject.value, cls)
        return [StoredEntity(iri, cls, _labels(store, ox.NamedNode(iri))) for iri, cls in sorted(found.items())]

    def quads(self) -> Iterator[tuple[Node, Node, Node, URIRef | None]]:
        """Yield every quad as rdflib terms; the graph is None for the default graph."""
        for q in self.oxigraph:
            graph = None if isinstance(q.graph_name, ox.DefaultGraph) else from_oxigraph(q.graph_name)
            yield from_oxigraph(q.subject), from_oxigraph(q.predicate), from_oxigraph(q.object), graph

    def to_dataset(self) -> Dataset:
        """The whole store as an :class:`rdflib.Dataset` with the Rawabit prefixes bound."""
        dataset = Dataset()
        for name, iri in PREFIXES.items():
            dataset.bind(name, iri, override=True)
        data = self.oxigraph.dump(format=ox.RdfFormat.N_QUADS)
        if data:
            dataset.parse(data=data.decode("utf-8"), format="nquads")
        return dataset

    def query(self, sparql: str) -> Result:
        """Run a SPARQL query over the union of the store's graphs.

        Raises:
            QueryError: The query is malformed or fails.
        """
        from .sparql import run_query

        return run_query(self, sparql, engine="oxigraph")


def _rdflib_quads(dataset: Graph) -> Iterable[tuple[Node, Node, Node, Node | None]]:
    if isinstance(dataset, Dataset):
        for s, p, o, g in dataset.quads((None, None, None, None)):
            yield s, p, o, None if g in (None, DATASET_DEFAULT_GRAPH_ID) else g
    else:
        for s, p, o in dataset:
            yield s, p, o, None


def _quad_to_oxigraph(quad: tuple[Node, Node, Node, Node | None]) -> ox.Quad:
    s, p, o, g = quad
    graph = ox.DefaultGraph() if g is None else to_oxigraph(g)
    return ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph)


def _counts_of(quads: list[ox.Quad]) -> Counter[tuple[ox.NamedNode, ox.NamedNode]]:
    """(node, count property) -> how much the statements among *quads* add to it."""
    statements: list[object] = []
    named: dict[object, set[object]] = {}
    article: dict[object, object] = {}
    status: dict[object, object] = {}
    rule: dict[object, object] = {}
    for q in quads:
        p = q.predicate
        if p == _RDF_TYPE and q.object == _STATEMENT:
            statements.append(q.subject)
        elif p == _SUBJECT or p == _OBJECT:
            named.setdefault(q.subject, set()).add(q.object)
        elif p == _ARTICLE:
            article[q.subject] = q.object
        elif p == _STATUS:
            status[q.subject] = q.object
        elif p == _RULE and isinstance(q.object, ox.Literal):
            rule[q.subject] = q.object.value
    delta: Counter[tuple[ox.NamedNode, ox.NamedNode]] = Counter()
    for node in statements:
        if node in status:
            delta[status[node], _STATEMENTS] += 1
        if node in rule:
            delta[ox.NamedNode(rule_iri(rule[node])), _STATEMENTS] += 1
        where = article.get(node)
        for entity in named.get(node, ()):
            delta[entity, _NAMED_IN] += 1
        if where is not None:
            delta[where, _STATEMENTS] += 1
            if status.get(node) == _ASSERTED:
                delta[where, _ASSERTED_COUNT] += 1
    return delta


def _recount(store: ox.Store, counted: set[tuple], delta: Counter[tuple]) -> tuple[list[ox.Quad], list[ox.Quad]]:
    """The count quads to remove and to add: for each node counted by the dataset or the store,
    the store's count (0 if none) plus *delta*."""
    stale: list[ox.Quad] = []
    fresh: list[ox.Quad] = []
    default = ox.DefaultGraph()
    for node, prop in counted | delta.keys():
        old = list(store.quads_for_pattern(node, prop, None, default))
        if not old and (node, prop) not in counted:
            continue  # a node the store and the dataset keep no count for
        value = sum(_integer(q.object) for q in old) + delta[node, prop]
        quad = ox.Quad(node, prop, ox.Literal(str(value), datatype=_INTEGER), default)
        if old != [quad]:
            stale += old
            fresh.append(quad)
    return stale, fresh


def _integer(term: object) -> int:
    try:
        return int(term.value)  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return 0


def _stored_as_provenance(store: ox.Store, subject: object) -> bool:
    return any(any(store.quads_for_pattern(subject, _RDF_TYPE, cls, None)) for cls in _PROVENANCE_CLASSES)


def _labels(store: ox.Store, iri: ox.NamedNode) -> tuple[str, ...]:
    labels: list[tuple[int, int, str]] = []
    for rank, prop in enumerate((_LABEL, _ALT_LABEL)):
        for q in store.quads_for_pattern(iri, prop, None, None):
            if isinstance(q.object, ox.Literal):
                labels.append((0 if q.object.language == "ar" else 1, rank, q.object.value))
    return tuple(dict.fromkeys(text for *_, text in sorted(labels)))


def _article_iri(article_id: str) -> str:
    return article_id if article_id.startswith(("http://", "https://")) else str(article_iri(article_id))


def _describe_open_error(path: Path, exc: OSError) -> str:
    text = _one_line(exc)
    if "lock" in text.lower():
        return f"the store at {path} is in use by another process (locked); close it or use a copy"
    return f"cannot open the store at {path} (corrupt or unreadable): {text}"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
