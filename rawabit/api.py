"""The small Python API: articles in, an RDF dataset and files out.

>>> from rawabit import api
>>> result = api.build(["news/"], outputs=["graph.ttl", "graph.html"])
>>> result.extraction.facts[0]
Fact(subject='vladimir-putin', relation='met', object='steve-witkoff', ...)
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .extract.arabic import is_arabic
from .extract.model import Article, Doc, Entity, EntityType, Extraction, Status
from .extract.pipeline import Pipeline
from .extract.reader import ReadReport, read_articles

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
            on_doc: Callable[[Doc], None] | None = None) -> Extraction:
    """Read articles under *paths* and extract entities, facts and quotes.

    Args:
        paths: Files or folders of .txt/.html articles.
        pipeline: Defaults to :meth:`Pipeline.default`.
        report: Filled with the files read and skipped.
        skip: Articles for which this returns True are not extracted.
        on_doc: Called after each article (for progress).

    Raises:
        InputError: No readable article under *paths*.
    """
    pipeline = pipeline or Pipeline.default()
    articles = read_articles(paths, report=report)
    if skip is not None:
        articles = (a for a in articles if not skip(a))
    return pipeline.corpus(articles, on_doc=on_doc)


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
          on_doc: Callable[[Doc], None] | None = None) -> BuildResult:
    """Read, extract, build the graph and write every output.

    Args:
        paths: Article files or folders.
        outputs: Files to write, each in the format its extension names.
        store: A store directory to add the graph to (created if missing).
            Articles already in it are skipped; entities it knows keep their
            keys; the outputs then hold the whole store.
        options: Writer options (see :mod:`rawabit.exports`).
        on_doc: Called after each article (for progress).

    Raises:
        InputError: No readable article, or nothing to write.
        FormatError: An output's extension is unknown.
        StoreError: The store cannot be opened or written.
    """
    started = time.perf_counter()
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

        extraction = extract(paths, pipeline=Pipeline.default(known=known), report=report,
                             skip=already_stored, on_doc=on_doc)
        if not extraction.articles and not skipped[0]:
            raise InputError("no article to read: " + (report.summary() or "the inputs are empty"))
        dataset = to_dataset(extraction)
        if graph_store is not None:
            graph_store.add_dataset(dataset)
            if targets:
                dataset = graph_store.to_dataset()
        written = write(dataset, targets, options)
    finally:
        if graph_store is not None:
            graph_store.close()
    return BuildResult(extraction, report, written, time.perf_counter() - started, skipped[0])


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
