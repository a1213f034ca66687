"""A built knowledge graph: the plain facts, and the RDF graph in every form.

>>> kg = rawabit.build(["news/"])                        # doctest: +SKIP
>>> kg.query("SELECT ?a ?b WHERE { ?a rwb:met ?b }").to_pandas()   # doctest: +SKIP
>>> nx.degree_centrality(kg.to_networkx())             # doctest: +SKIP
>>> kg.save("out/graph.ttl", "out/graph.html")         # doctest: +SKIP
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .extract.model import Article, Entity, Extraction, Fact, Quote, Status
from .extract.reading.reader import ReadReport
from .extract.parallel import fewer_collections
from .writing import PathLike, check_outputs

if TYPE_CHECKING:
    import networkx
    import pyoxigraph
    from rdflib import Dataset

    from .graph.sparql import Result
    from .graph.store import GraphStore

__all__ = ["KnowledgeGraph", "INLINE_LIMIT"]

#: Above this many asserted facts, a notebook shows a summary instead of drawing
#: the whole network (``kg.show(focus=...)`` still draws part of it).
INLINE_LIMIT = 20_000

_COUNT_ASSERTED = "SELECT (COUNT(*) AS ?n) WHERE { ?s a rwb:Statement ; rwb:status rwb:Asserted }"


class KnowledgeGraph:
    """What Rawabit found in a set of articles, as plain objects and as an RDF graph.

    Made by :func:`rawabit.build` and :func:`rawabit.extract_text`. The plain
    objects (:attr:`facts`, :attr:`entities`, :attr:`quotes`, :attr:`articles`)
    are those extracted from the articles read. The graph views
    (:meth:`query`, :attr:`store`, :meth:`to_rdflib`, :meth:`to_networkx`,
    :meth:`save`, :meth:`show`) are the RDF graph of ``docs/graph-model.md``:
    of those articles or, when built into a store directory, of everything
    the store holds. Each view is made on first use.

    Args:
        extraction: The linked extraction.
        report: The files read and skipped.
        store_path: The store directory the graph was added to, or None for a
            graph held in memory.
        workers: Processes for writing big graphs (None: every core).
        stream: Write Turtle, N-Triples, N-Quads and TriG straight from the
            extraction; None does so above
            :data:`rawabit.exports.turtle.RDFLIB_LIMIT` triples.

    Attributes:
        extraction: The :class:`~rawabit.extract.model.Extraction` behind the
            plain objects.
        report: The :class:`~rawabit.extract.reading.reader.ReadReport` of the build.
        store_path: The store directory, or None.
        outputs: The files written so far, in order.
        seconds: Wall-clock seconds the build took (0 when not timed).
        skipped_articles: Articles left out because the store already held them.
        timings: Seconds per step: ``extract``, ``store``, ``graph`` (the
            rdflib dataset), ``stream``, then each output path.
    """

    def __init__(self, extraction: Extraction, *, report: ReadReport | None = None,
                 store_path: PathLike | None = None, workers: int | None = None,
                 stream: bool | None = None) -> None:
        self.extraction = extraction
        self.report = ReadReport() if report is None else report
        self.store_path = None if store_path is None else Path(store_path)
        self.outputs: list[Path] = []
        self.seconds = 0.0
        self.skipped_articles = 0
        self.timings: dict[str, float] = {}
        self._workers = workers
        self._stream = stream
        self._dataset: Dataset | None = None
        self._store: pyoxigraph.Store | None = None
        self._graph_store: GraphStore | None = None

    # -- the plain objects ---------------------------------------------------

    @property
    def facts(self) -> Sequence[Fact]:
        """Facts of every status, in article and sentence order.

        Only facts whose ``status`` is :attr:`Status.ASSERTED` are plain
        triples of the graph and edges of :meth:`to_networkx`; the others
        (denied, planned, possible …) are kept as statements only.
        """
        return self.extraction.facts

    @property
    def entities(self) -> dict[str, Entity]:
        """Entities and topics by key, e.g. ``kg.entities["vladimir-putin"]``."""
        return self.extraction.entities

    @property
    def quotes(self) -> Sequence[Quote]:
        """Quotations and reported speech, with their speakers' keys."""
        return self.extraction.quotes

    @property
    def articles(self) -> Sequence[Article]:
        """The articles read, in input order (ids, paths and titles; their text is not kept)."""
        return self.extraction.articles

    # -- the graph -----------------------------------------------------------

    @property
    def store(self) -> pyoxigraph.Store:
        """The graph as a :class:`pyoxigraph.Store`: in memory, or the store
        directory opened read-only (see :meth:`close`).

        Raises:
            StoreError: The store directory cannot be opened.
        """
        if self._store is None:
            if self.store_path is not None:
                self._store = self._opened_store().oxigraph
            else:
                import pyoxigraph as ox
                from .graph.stream import quads
                store = ox.Store()
                store.extend(quads(self.extraction))
                self._store = store
        return self._store

    def to_rdflib(self) -> Dataset:
        """The graph as an :class:`rdflib.Dataset`: entities and articles in the
        default graph, each article's statements in its named graph.

        Made once and kept: every call returns the same dataset, and
        :meth:`save`, :meth:`to_networkx` and :meth:`show` read it.

        Raises:
            StoreError: The store directory cannot be opened.
        """
        if self._dataset is None:
            if self.store_path is not None:
                self._dataset = self._opened_store().to_dataset()
            else:
                from .graph.build import build_dataset
                self._dataset = build_dataset(self.extraction)
        return self._dataset

    def query(self, sparql: str, *, engine: str = "oxigraph") -> Result:
        """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the graph.

        The Rawabit prefixes (``rwb:``, ``id:``, ``rdfs:`` …) need not be
        declared; the query sees the union of all graphs.

        Args:
            sparql: The query.
            engine: ``oxigraph`` (over :attr:`store`) or ``rdflib`` (over
                :meth:`to_rdflib`).

        Returns:
            A :class:`~rawabit.graph.sparql.Result`: iterate over its rows, or
            call ``.to_pandas()`` (pandas installed) or ``.format("table")``.

        Raises:
            QueryError: The query is malformed, an update, or fails.
        """
        from .graph.sparql import run_query
        source = self.to_rdflib() if engine == "rdflib" else self.store
        return run_query(source, sparql, engine=engine)

    def to_networkx(self) -> networkx.MultiDiGraph:
        """The entities and asserted facts as a :class:`networkx.MultiDiGraph`.

        One node per entity or topic, keyed by IRI, with ``label`` (Arabic,
        else English), ``label_ar``, ``label_en``, ``class`` (``Person`` …),
        ``key`` and ``wikidata``; one edge per asserted fact, keyed by its
        statement IRI, with ``relation``, ``evidence``, ``article`` (IRI),
        ``confidence``, ``rule`` and ``sentence``. The same graph as the
        ``.graphml`` export.
        """
        from .exports.graphml import to_networkx
        return to_networkx(self.to_rdflib())

    def to_html(self, **options: Any) -> str:
        """The interactive network as one self-contained, offline HTML page.

        Args:
            **options: ``relations`` (names to draw), ``min_degree``,
                ``focus`` (an entity's label, ``id:`` name or IRI) and
                ``hops`` (its neighbourhood's size), ``title``; as the
                CLI's ``--html-*`` options.

        Raises:
            InputError: A relation is unknown or nothing matches ``focus``.
            FormatError: An option has the wrong type.
        """
        from .exports.html import page
        return page(self.to_rdflib(), options)

    def show(self, *, height: int = 600, **options: Any) -> Path | None:
        """Draw the interactive network inline in Jupyter, or in a browser elsewhere.

        Args:
            height: Height of the inline frame in CSS pixels.
            **options: As for :meth:`to_html`, e.g. ``focus="بوتين", hops=2``.

        Returns:
            None in Jupyter; elsewhere the temporary page opened.

        Raises:
            InputError: A relation is unknown or nothing matches ``focus``.
        """
        from .notebook import show
        return show(self.to_html(**options), height=height)

    def _repr_html_(self) -> str:
        """What Jupyter shows for a bare ``kg``: a summary line over the network."""
        from html import escape

        from .notebook import iframe
        head = f"<p><b>KnowledgeGraph</b>: {escape(self._counts())}</p>"
        asserted = self._asserted()
        if asserted > INLINE_LIMIT:
            return head + (f"<p>{asserted:,} asserted facts are too many to draw here; draw part of them "
                           "with <code>kg.show(focus=\"…\", hops=1)</code> or "
                           "<code>kg.show(min_degree=…)</code>.</p>")
        return head + iframe(self.to_html())

    def save(self, *paths: PathLike, options: Mapping[str, Any] | None = None) -> list[Path]:
        """Write the graph to each path in the format its extension names, as
        ``rawabit build -o`` does (``.ttl .nt .nq .trig .jsonld .rdf .graphml
        .cypher .neo4j .html``).

        Args:
            *paths: Target files; parent folders are created.
            options: Writer options, e.g. ``{"focus": "بوتين"}`` for ``.html``.

        Returns:
            The paths written.

        Raises:
            InputError: No path given.
            FormatError: An extension names no known format.
        """
        from . import writing
        targets = check_outputs(paths)
        if not targets:
            raise InputError("say where to write the graph, e.g. kg.save('out/graph.ttl')")
        with fewer_collections():
            stream, workers = None, 1
            if self.store_path is None:
                from .exports.turtle import RDFLIB_LIMIT
                from .graph.stream import ExtractionStream, size
                triples = size(self.extraction)
                if self._stream if self._stream is not None else triples > RDFLIB_LIMIT:
                    stream = ExtractionStream(self.extraction)
                workers = writing.write_workers(self._workers, triples)
            writing.write_all(self.to_rdflib, stream, targets, options, self.timings, workers=workers)
        self.outputs += targets
        return targets

    # -- life cycle and display ---------------------------------------------

    def close(self) -> None:
        """Release the store directory opened by :attr:`store` or
        :meth:`to_rdflib`, so another process may write to it; idempotent.
        A later use opens it again."""
        if self._graph_store is not None:
            self._graph_store.close()
            self._graph_store = None
            if self.store_path is not None:
                self._store = None

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def summary(self) -> str:
        """One line for people: articles, entities, facts, quotes, seconds."""
        line = f"{self._counts()} in {self.seconds:.1f} s"
        if self.skipped_articles:
            line += f"; {self.skipped_articles} articles already in the store"
        return line

    def __repr__(self) -> str:
        where = f", store={str(self.store_path)!r}" if self.store_path is not None else ""
        return f"<KnowledgeGraph: {self._counts()}{where}>"

    def _counts(self) -> str:
        facts = self.extraction.facts
        asserted = self._asserted_facts()
        return (f"{len(self.extraction.articles)} articles, {len(self.extraction.entities)} entities, "
                f"{asserted} facts ({len(facts) - asserted} more denied, planned or possible), "
                f"{len(self.extraction.quotes)} quotes")

    def _asserted_facts(self) -> int:
        return sum(1 for f in self.extraction.facts if f.status is Status.ASSERTED)

    def _asserted(self) -> int:
        """Asserted facts in the graph (in the whole store, for a store)."""
        if self.store_path is None:
            return self._asserted_facts()
        rows = self.query(_COUNT_ASSERTED).rows
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0

    def _opened_store(self) -> GraphStore:
        if self._graph_store is None:
            from .graph.store import GraphStore
            self._graph_store = GraphStore.open(self.store_path, read_only=True)
        return self._graph_store
