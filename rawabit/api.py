"""The Python API: articles in, a :class:`KnowledgeGraph` out.

>>> import rawabit
>>> kg = rawabit.build(["news/"])                         # doctest: +SKIP
>>> kg.facts[0]                                           # doctest: +SKIP
Fact(subject='vladimir-putin', relation='met', object='steve-witkoff', ...)
>>> kg.save("out/graph.ttl", "out/graph.html")            # doctest: +SKIP

The command line calls the same functions: ``rawabit build news/ -o
out/graph.ttl`` is :func:`build` with *outputs*.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from .errors import InputError
from .extract.arabic import is_arabic
from .extract.linking.linker import Linker, Summary
from .extract.model import Article, Doc, Entity, EntityType, Extraction
from .extract.pipeline import Pipeline
from .extract.reading.reader import ReadOptions, ReadReport, find_files, read_files, read_text
from .knowledge_graph import KnowledgeGraph
from .extract.parallel import fewer_collections
from .writing import PathLike, check_outputs, write

__all__ = ["KnowledgeGraph", "ReadOptions", "build", "extract_text", "extract", "to_dataset", "write",
           "check_outputs"]


def extract(paths: Iterable[PathLike], *, pipeline: Pipeline | None = None,
            report: ReadReport | None = None, skip: Callable[[Article], bool] | None = None,
            on_doc: Callable[[Doc | Summary], None] | None = None,
            workers: int | None = 1, options: ReadOptions | None = None,
            dask: str | None = None) -> Extraction:
    """Read articles under *paths* and extract entities, facts and quotes.

    Articles are read, extracted and reduced to what linking needs one at a
    time, so memory grows with the facts found, not with the text read.

    Args:
        paths: Files or folders of .txt/.html articles and .jsonl/.json/.csv datasets.
        pipeline: Defaults to :meth:`Pipeline.default`.
        report: Filled with the files read and skipped.
        skip: Articles for which this returns True are not extracted.
        on_doc: Called after each article (for progress).
        workers: Extraction processes; 1 extracts in this process; None uses
            every core, unless the input is too small to be worth it.
            The result is the same for any number.
        options: Dataset columns and the plain files' publication date.
        dask: Extract on this Dask cluster instead: a scheduler's address
            (``tcp://host:8786``) or ``local:N`` for N local worker processes
            (see :mod:`rawabit.extract.cluster`). The result is the same.
            ``local:N`` starts its workers as multiprocessing's "spawn" does,
            so a script must call this under ``if __name__ == "__main__":``.

    Returns:
        The :class:`~rawabit.extract.model.Extraction`, entities linked across articles.

    Raises:
        InputError: No readable article under *paths*.
        ClusterError: The Dask cluster cannot be reached or lost the work.
    """
    pipeline = pipeline or Pipeline.default()
    report = ReadReport() if report is None else report
    files = find_files(paths, report=report)
    if dask is not None:
        from .extract.cluster import connect
        with connect(dask) as client:
            if skip is None:   # the workers read the files too
                return pipeline.corpus_files(files, report=report, on_doc=on_doc, cluster=client, options=options)
            kept = (a for a in read_files(files, report=report, options=options) if not skip(a))
            return pipeline.corpus(kept, on_doc=on_doc, cluster=client)
    if workers is None:
        from .extract.parallel import CHUNK_SIZE, default_workers
        workers = default_workers()
        if len(files) < 2 * workers * CHUNK_SIZE and sum(_size(p) for p, _ in files) < _SMALL_INPUT:
            workers = 1  # a few articles: starting workers would take longer than extracting them
    if workers > 1 and skip is None:   # the workers read the files too
        return pipeline.corpus_files(files, report=report, on_doc=on_doc, workers=workers, options=options)
    articles: Iterator[Article] = read_files(files, report=report, options=options)
    if skip is not None:
        articles = (a for a in articles if not skip(a))
    return pipeline.corpus(articles, on_doc=on_doc, workers=workers)


#: Inputs smaller than this (in bytes, and in few files) are extracted in one process.
_SMALL_INPUT = 1_000_000


def _size(path: Path | str) -> int:
    if isinstance(path, str):   # a URL: not looked at
        return 0
    try:
        return path.stat().st_size
    except OSError:
        return 0


def to_dataset(extraction: Extraction):
    """Turn an extraction into its RDF dataset (see ``docs/graph-model.md``).

    Args:
        extraction: Linked entities, articles, facts and quotes.

    Returns:
        An :class:`rdflib.Dataset`: entities and articles in the default
        graph, each article's statements and quotes in its named graph.
    """
    from .graph.build import build_dataset
    return build_dataset(extraction)


def build(paths: PathLike | Iterable[PathLike], outputs: Iterable[PathLike] = (), *,
          store: PathLike | None = None,
          workers: int | None = None,
          ner: bool = True,
          options: Mapping[str, Any] | None = None,
          on_doc: Callable[[Doc | Summary], None] | None = None,
          stream: bool | None = None,
          read_options: ReadOptions | None = None,
          dask: str | None = None) -> KnowledgeGraph:
    """Read articles, extract who did what to whom, and build the knowledge graph.

    Args:
        paths: Article files (.txt, .html), datasets (.jsonl, .json, .csv) or
            folders, searched recursively.
        outputs: Files to write, each in the format its extension names (as
            :meth:`KnowledgeGraph.save`).
        store: A store directory to add the graph to (created if missing).
            Articles already in it are skipped; entities it knows keep their
            keys; the graph views and *outputs* then hold the whole store.
        workers: Extraction processes (see :func:`extract`); None: every core,
            or one for a few articles. The result is the same for any number.
        ner: False skips the statistical recogniser: about 1.5 times as fast, but
            names after no title and outside the gazetteer are not found.
        options: Writer options for *outputs* (see :mod:`rawabit.exports`).
        on_doc: Called after each article (for progress).
        stream: Write Turtle, N-Triples, N-Quads and TriG straight from the
            extraction (:mod:`rawabit.graph.stream`) instead of through an
            rdflib dataset; None does so for graphs above
            :data:`rawabit.exports.turtle.RDFLIB_LIMIT` triples. Other formats
            always need the dataset.
        read_options: Dataset columns (``--field``) and the plain files' date (``--date``).
        dask: Extract on this Dask cluster instead (see :func:`extract`);
            reading the store, linking and writing stay in this process.

    Returns:
        The :class:`KnowledgeGraph`; its ``outputs`` are the files written.

    Raises:
        InputError: A path is missing, or no article can be read.
        FormatError: An output's extension is unknown (before any work).
        StoreError: The store cannot be opened or written.
        ClusterError: The Dask cluster cannot be reached or lost the work.
    """
    started = time.perf_counter()
    targets = check_outputs(outputs)
    with fewer_collections():
        if store is None:
            kg = _build_in_memory(paths, ner=ner, on_doc=on_doc, workers=workers, stream=stream,
                                  read_options=read_options, dask=dask)
        else:
            kg = _build_into_store(paths, Path(store), ner=ner, on_doc=on_doc, workers=workers,
                                   read_options=read_options, dask=dask)
        if targets:
            kg.save(*targets, options=options)
            kg.close()  # the store stays free for other processes until the graph is used again
    kg.seconds = time.perf_counter() - started
    return kg


def extract_text(text: str, *, title: str = "", ner: bool = True) -> KnowledgeGraph:
    """Extract the facts of one article given as a string, without files.

    Args:
        text: The article's text, one paragraph per line.
        title: Its headline, if known apart from the text.
        ner: False skips the statistical recogniser (see :func:`build`).

    Returns:
        The :class:`KnowledgeGraph` of the article (of each article, when the
        text holds several separated by web boilerplate).

    Raises:
        TypeError: *text* is not a string.
        InputError: *text* holds no article text.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_text() takes the text as a str, not {type(text).__name__}")
    articles = read_text(text, title=title)
    report = ReadReport(files=["<text>"], articles=len(articles))
    started = time.perf_counter()
    shared = _pipeline(ner)
    pipeline = Pipeline(shared.components, Linker(shared.linker.gaz))  # a fresh linker: no state shared
    kg = KnowledgeGraph(pipeline.corpus(articles), report=report)
    kg.seconds = time.perf_counter() - started
    return kg


@lru_cache(maxsize=2)
def _pipeline(ner: bool) -> Pipeline:
    """The default pipeline's components, loaded once per process."""
    return Pipeline.default(ner=ner)


def _build_in_memory(paths: PathLike | Iterable[PathLike], *, ner: bool,
                     on_doc: Callable[[Doc | Summary], None] | None, workers: int | None,
                     stream: bool | None, read_options: ReadOptions | None, dask: str | None) -> KnowledgeGraph:
    report = ReadReport()
    clock = time.perf_counter()
    extraction = extract(paths, pipeline=Pipeline.default(ner=ner), report=report, on_doc=on_doc, workers=workers,
                         options=read_options, dask=dask)
    spent = time.perf_counter() - clock
    if not extraction.articles:
        raise InputError("no article to read: " + (report.summary() or "the inputs are empty"))
    kg = KnowledgeGraph(extraction, report=report, workers=workers, stream=stream)
    kg.timings["extract"] = spent
    return kg


def _build_into_store(paths: PathLike | Iterable[PathLike], store: Path, *, ner: bool,
                      on_doc: Callable[[Doc | Summary], None] | None, workers: int | None,
                      read_options: ReadOptions | None, dask: str | None) -> KnowledgeGraph:
    from .graph.store import GraphStore
    report = ReadReport()
    skipped = 0
    timings: dict[str, float] = {}
    with GraphStore.open(store, create=True) as graph_store:
        def already_stored(article: Article) -> bool:
            nonlocal skipped
            if graph_store.has_article(article.id):
                skipped += 1
                return True
            return False

        clock = time.perf_counter()
        extraction = extract(paths, pipeline=Pipeline.default(known=_stored_entities(graph_store), ner=ner),
                             report=report, skip=already_stored, on_doc=on_doc, workers=workers,
                             options=read_options, dask=dask)
        timings["extract"] = time.perf_counter() - clock
        if not extraction.articles and not skipped:
            raise InputError("no article to read: " + (report.summary() or "the inputs are empty"))
        clock = time.perf_counter()
        for part in _batches(extraction):
            graph_store.add_dataset(to_dataset(part))
        timings["store"] = time.perf_counter() - clock
    kg = KnowledgeGraph(extraction, report=report, store_path=store, workers=workers)
    kg.skipped_articles = skipped
    kg.timings.update(timings)
    return kg


#: Articles per dataset added to a store.
_STORE_BATCH = 500


def _batches(extraction: Extraction) -> Iterator[Extraction]:
    """*extraction* in pieces of :data:`_STORE_BATCH` articles; entities come with the first."""
    facts, quotes = iter(extraction.facts), iter(extraction.quotes)
    fact, quote = next(facts, None), next(quotes, None)
    entities = extraction.entities
    articles = iter(extraction.articles)
    first = True
    while True:
        batch = list(islice(articles, _STORE_BATCH))
        if not batch and not first:
            break
        part = Extraction(articles=batch, entities=entities)
        entities, first = {}, False
        ids = {a.id for a in part.articles}
        part.mentions = {i: extraction.mentions[i] for i in ids if i in extraction.mentions}
        while fact is not None and fact.article in ids:
            part.facts.append(fact)
            fact = next(facts, None)
        while quote is not None and quote.article in ids:
            part.quotes.append(quote)
            quote = next(quotes, None)
        yield part
    if fact is not None or quote is not None:  # not in article order: add the rest at once
        rest = Extraction(facts=[f for f in [fact, *facts] if f is not None],
                          quotes=[q for q in [quote, *quotes] if q is not None])
        yield rest


def _stored_entities(graph_store) -> list[Entity]:
    """Entities of a store as extraction's :class:`Entity`, for linking new articles to them."""
    out = []
    for stored in graph_store.entities():
        try:
            etype = EntityType(stored.cls)
        except ValueError:
            continue
        arabic = [label for label in stored.labels if is_arabic(label)]
        other = [label for label in stored.labels if not is_arabic(label)]
        if arabic:
            out.append(Entity(stored.key, etype, arabic[0], other[0] if other else "", tuple(arabic[1:])))
    return out
