"""The small Python API: articles in, an RDF dataset and files out.

>>> from rawabit import api
>>> result = api.build(["news/"], outputs=["graph.ttl", "graph.html"])
>>> result.extraction.facts[0]
Fact(subject='vladimir-putin', relation='met', object='steve-witkoff', ...)
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from .errors import InputError
from .extract.arabic import is_arabic
from .extract.linker import Summary
from .extract.model import Article, Doc, Entity, EntityType, Extraction, Status
from .extract.parallel import fewer_collections
from .extract.pipeline import Pipeline
from .extract.reader import ReadReport, find_files, read_files

__all__ = ["BuildResult", "extract", "to_dataset", "write", "build", "check_outputs"]

PathLike = str | os.PathLike[str]


@dataclass
class BuildResult:
    """What :func:`build` did."""

    extraction: Extraction
    report: ReadReport
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    skipped_articles: int = 0
    #: Seconds spent per step: ``extract`` (reading, extraction and linking),
    #: ``graph`` (the rdflib dataset, when one is built), ``stream`` (making the
    #: quads of streamed outputs), ``store``, then each output path.
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        """One line for people: articles, entities, facts, seconds."""
        facts = self.extraction.facts
        asserted = sum(1 for f in facts if f.status is Status.ASSERTED)
        line = (f"{len(self.extraction.articles)} articles, {len(self.extraction.entities)} entities, "
                f"{asserted} facts ({len(facts) - asserted} more denied, planned or possible), "
                f"{len(self.extraction.quotes)} quotes in {self.seconds:.1f} s")
        if self.skipped_articles:
            line += f"; {self.skipped_articles} articles already in the store"
        return line


def extract(paths: Iterable[PathLike], *, pipeline: Pipeline | None = None,
            report: ReadReport | None = None, skip: Callable[[Article], bool] | None = None,
            on_doc: Callable[[Doc | Summary], None] | None = None,
            workers: int | None = 1, dask: str | None = None) -> Extraction:
    """Read articles under *paths* and extract entities, facts and quotes.

    Articles are read, extracted and reduced to what linking needs one at a
    time, so memory grows with the facts found, not with the text read.

    Args:
        paths: Files or folders of .txt/.html articles.
        pipeline: Defaults to :meth:`Pipeline.default`.
        report: Filled with the files read and skipped.
        skip: Articles for which this returns True are not extracted.
        on_doc: Called after each article (for progress).
        workers: Extraction processes; 1 extracts in this process; None uses
            every core, unless the input is too small to be worth it.
            The result is the same for any number.
        dask: Extract on this Dask cluster instead: a scheduler's address
            (``tcp://host:8786``) or ``local:N`` for N local worker processes
            (see :mod:`rawabit.extract.cluster`). The result is the same.
            ``local:N`` starts its workers as multiprocessing's "spawn" does,
            so a script must call this under ``if __name__ == "__main__":``.

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
                return pipeline.corpus_files(files, report=report, on_doc=on_doc, cluster=client)
            kept = (a for a in read_files(files, report=report) if not skip(a))
            return pipeline.corpus(kept, on_doc=on_doc, cluster=client)
    if workers is None:
        from .extract.parallel import CHUNK_SIZE, default_workers
        workers = default_workers()
        if len(files) < 2 * workers * CHUNK_SIZE and sum(_size(p) for p, _ in files) < _SMALL_INPUT:
            workers = 1  # a few articles: starting workers would take longer than extracting them
    if workers > 1 and skip is None:   # the workers read the files too
        return pipeline.corpus_files(files, report=report, on_doc=on_doc, workers=workers)
    articles: Iterator[Article] = read_files(files, report=report)
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
    """Turn an extraction into an :class:`rdflib.Dataset` (see ``docs/graph-model.md``)."""
    from .graph.build import build_dataset
    return build_dataset(extraction)


def check_outputs(outputs: Iterable[PathLike]) -> list[Path]:
    """Resolve each output's writer now, so an unknown format fails before any work."""
    from .exports import writer
    paths = [Path(o) for o in outputs]
    for p in paths:
        writer(p)
    return paths


def write(dataset: Any, outputs: Iterable[PathLike], options: Mapping[str, Any] | None = None) -> list[Path]:
    """Write *dataset* to every path in *outputs*, each in the format its extension names."""
    from .exports import write as write_one
    return [write_one(dataset, p, options) for p in check_outputs(outputs)]


def build(paths: Iterable[PathLike], outputs: Iterable[PathLike] = (), *,
          store: PathLike | None = None,
          options: Mapping[str, Any] | None = None,
          on_doc: Callable[[Doc | Summary], None] | None = None,
          workers: int | None = None,
          stream: bool | None = None,
          ner: bool = True,
          dask: str | None = None) -> BuildResult:
    """Read, extract, build the graph and write every output.

    Args:
        paths: Article files or folders.
        outputs: Files to write, each in the format its extension names.
        store: A store directory to add the graph to (created if missing).
            Articles already in it are skipped; entities it knows keep their
            keys; the outputs then hold the whole store.
        options: Writer options (see :mod:`rawabit.exports`).
        on_doc: Called after each article (for progress).
        workers: Extraction processes (see :func:`extract`); None: every core.
        dask: Extract on this Dask cluster instead (see :func:`extract`);
            reading the store, linking and writing stay in this process.
        ner: False skips the statistical recogniser: about 1.5 times as fast, but
            names after no title and outside the gazetteer are not found.
        stream: Write Turtle, N-Triples, N-Quads and TriG straight from the
            extraction (:mod:`rawabit.graph.stream`) instead of through an
            rdflib dataset; None does so for graphs above
            :data:`rawabit.exports.turtle.RDFLIB_LIMIT` triples. Other formats
            always need the dataset.

    Raises:
        InputError: No readable article, or nothing to write.
        FormatError: An output's extension is unknown.
        StoreError: The store cannot be opened or written.
        ClusterError: The Dask cluster cannot be reached or lost the work.
    """
    started = time.perf_counter()
    with fewer_collections():
        return _build(paths, outputs, started, store=store, options=options, on_doc=on_doc,
                      workers=workers, stream=stream, ner=ner, dask=dask)


def _build(paths: Iterable[PathLike], outputs: Iterable[PathLike], started: float, *,
           store: PathLike | None, options: Mapping[str, Any] | None,
           on_doc: Callable[[Doc | Summary], None] | None, workers: int | None,
           stream: bool | None, ner: bool, dask: str | None) -> BuildResult:
    targets = check_outputs(outputs)
    if not targets and store is None:
        raise InputError("nothing to write: give -o FILE (e.g. -o graph.ttl) or --store DIR")
    report = ReadReport()
    graph_store = None
    if store is not None:
        from .graph.store import GraphStore
        graph_store = GraphStore.open(store, create=True)
    try:
        known = _stored_entities(graph_store) if graph_store else []
        skipped = [0]

        def already_stored(article: Article) -> bool:
            if graph_store is not None and graph_store.has_article(article.id):
                skipped[0] += 1
                return True
            return False

        timings: dict[str, float] = {}
        clock = time.perf_counter()
        extraction = extract(paths, pipeline=Pipeline.default(known=known, ner=ner), report=report,
                             skip=already_stored if graph_store is not None else None,
                             on_doc=on_doc, workers=workers, dask=dask)
        timings["extract"] = time.perf_counter() - clock
        if not extraction.articles and not skipped[0]:
            raise InputError("no article to read: " + (report.summary() or "the inputs are empty"))
        if graph_store is not None:
            clock = time.perf_counter()
            for part in _batches(extraction):
                graph_store.add_dataset(to_dataset(part))
            timings["store"] = time.perf_counter() - clock
            written = _write_all(graph_store.to_dataset, None, targets, options, timings) if targets else []
        else:
            from .exports.turtle import RDFLIB_LIMIT
            from .graph.stream import ExtractionStream, size
            triples = size(extraction)
            streamed = stream if stream is not None else triples > RDFLIB_LIMIT
            written = _write_all(lambda: to_dataset(extraction), ExtractionStream(extraction) if streamed else None,
                                 targets, options, timings, workers=_write_workers(workers, triples))
    finally:
        if graph_store is not None:
            graph_store.close()
    return BuildResult(extraction, report, written, time.perf_counter() - started, skipped[0], timings)


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


#: Below about this many triples, streamed outputs are written in this process.
_WRITE_POOL_MIN = 100_000


def _write_workers(workers: int | None, triples: int) -> int:
    """Processes to write a streamed graph of about *triples* triples with."""
    if triples < _WRITE_POOL_MIN:
        return 1  # starting workers would take longer than the writing
    if workers is None:
        from .extract.parallel import default_workers
        return default_workers()
    return max(1, workers)


def _write_all(dataset: Callable[[], Any], stream: Any, targets: list[Path],
               options: Mapping[str, Any] | None, timings: dict[str, float], *, workers: int = 1) -> list[Path]:
    """Write every target: from *stream* in one pass where formats allow (its blocks
    made in *workers* processes), the rest from *dataset()*, built once."""
    from .exports import stream_writer, write as write_one, write_streams
    streamed = [t for t in targets if stream is not None and stream_writer(t) is not None]
    if streamed:
        clock = time.perf_counter()
        serializing = write_streams(stream, streamed, workers=workers)
        timings["stream"] = time.perf_counter() - clock - sum(serializing.values())
        timings.update({str(path): spent for path, spent in serializing.items()})
    built = None
    for target in targets:
        if target in streamed:
            continue
        if built is None:
            clock = time.perf_counter()
            built = dataset()
            timings["graph"] = time.perf_counter() - clock
        clock = time.perf_counter()
        write_one(built, target, options)
        timings[str(target)] = time.perf_counter() - clock
    return targets


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
