"""Extract articles in worker processes, results in input order.

Each worker builds its :class:`~rawabit.extract.pipeline.Pipeline` once, in
the pool's initializer, and sends back for every article only its
:class:`~rawabit.extract.linking.linker.Summary` (facts, quotes, entity candidates and
mention keys; no sentences, tokens or text). Linking stays in the parent, after
extraction, so the linked result is the same whatever the number of workers.

:func:`extract_files` lets the workers read the files too (decoding, HTML,
boilerplate), so the parent only links.

Articles go out in chunks, and at most a few chunks per worker are in flight
(:func:`ordered_map`, which the graph writer uses too), so a corpus of any
size is never held in memory whole.

>>> for summary in extract_summaries(articles, workers=4):   # doctest: +SKIP
...     linker.add(summary)
"""
from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from contextlib import contextmanager
from dataclasses import replace
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from rawabit.errors import InputError

from .linking.linker import Summary
from .model import Article
from .reading.reader import ReadOptions, Skipped, read_file

if TYPE_CHECKING:
    from .pipeline import Pipeline

__all__ = ["extract_summaries", "extract_files", "ordered_map", "in_order", "chunked", "summarize",
           "read_and_summarize", "default_workers", "fewer_collections", "CHUNK_SIZE"]

T = TypeVar("T")
R = TypeVar("R")

#: Articles sent to a worker at a time.
CHUNK_SIZE = 16
#: Chunks in flight per worker: enough to keep workers busy, few enough to bound memory.
_AHEAD = 4

_PIPELINE: Pipeline | None = None
#: Keys of the entities this worker has sent back already.
_SENT: set[str] = set()


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


#: Allocations between garbage collections while building (CPython's default is 700).
_GC_THRESHOLD = (50_000, 20, 100)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect garbage less often: a build keeps millions of long-lived small
    objects (word caches, entities, facts), which every full collection walks
    again — about a tenth of the time of a big build. Restored afterwards.

    Forked pool workers inherit the setting; a Dask worker sets it around each task.
    """
    before = gc.get_threshold()
    gc.set_threshold(*_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _init(factory: Callable[[], Pipeline]) -> None:
    global _PIPELINE
    _PIPELINE = factory()
    _SENT.clear()


def summarize(pipeline: Pipeline, articles: list[Article], sent: set[str]) -> list[Summary]:
    """Extract *articles* in one batch; keep of each what linking needs.

    An entity goes back only with the first article that found it since
    *sent* (keys, updated here) was empty: the linker keeps the entity of the
    first article in input order that has one, and articles are summarized in
    input order, so the link is the same. Most entities recur in many
    articles, and the parent no longer unpickles (and spools) each one every
    time; at 10k articles a worker's *sent* halves the bytes the parent receives.

    Args:
        pipeline: The pipeline to extract with.
        articles: Articles, in input order.
        sent: Keys of entities already sent with earlier articles.
    """
    out = []
    for doc in pipeline.pipe(articles, batch_size=max(1, len(articles))):
        summary = Summary.of(doc)
        fresh = tuple(e for e in summary.entities if e.key not in sent)
        sent.update(e.key for e in fresh)
        out.append(summary if len(fresh) == len(summary.entities) else replace(summary, entities=fresh))
    return out


def _summaries(articles: list[Article]) -> list[Summary]:
    """:func:`summarize` in a pool worker: a worker's earlier tasks come before its later ones."""
    assert _PIPELINE is not None, "worker pipeline not initialized"
    return summarize(_PIPELINE, articles, _SENT)


def _context() -> multiprocessing.context.BaseContext:
    # fork starts a worker in milliseconds and shares the parent's loaded modules
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


_END = object()   # marks the end of the items


def ordered_map(func: Callable[[T], R], items: Iterable[T], *, workers: int,
                initializer: Callable[..., None], initargs: tuple = (), ahead: int = _AHEAD) -> Iterator[R]:
    """``func`` of each item, in the order of *items*, computed in *workers* processes.

    At most *ahead* items per worker are in flight, so *items* is read lazily
    and neither it nor the results are ever held whole (``Pool.imap`` would
    read all of *items* ahead of the workers).

    Args:
        func: A picklable function of one item, run in the workers.
        items: Picklable items, read lazily.
        workers: Number of worker processes (at least 1).
        initializer: Run once in each worker with *initargs* (which must pickle
            when the platform cannot fork).
        initargs: Its arguments.
        ahead: Items in flight per worker.

    Yields:
        One result per item, in input order.
    """
    with _context().Pool(max(1, workers), initializer=initializer, initargs=initargs) as pool:
        yield from in_order(lambda item: pool.apply_async(func, (item,)), items,
                            window=lambda: max(1, workers) * ahead, result=lambda job: job.get())
        pool.close()
        pool.join()


def in_order(submit: Callable[[T], Any], items: Iterable[T], *, window: Callable[[], int],
             result: Callable[[Any], R]) -> Iterator[R]:
    """The results of jobs submitted for *items*, in the order of *items*, with
    at most ``window()`` jobs in flight.

    Args:
        submit: Starts the job of one item and returns its handle (a future).
        items: The items, read lazily.
        window: How many jobs may be in flight now (asked again as jobs end,
            so a cluster that grows gets more).
        result: Waits for a handle's result and returns it.
    """
    it = iter(items)
    pending: deque = deque()
    while True:
        limit = max(1, window())
        while len(pending) < limit:
            item = next(it, _END)
            if item is _END:
                break
            pending.append(submit(item))
        if not pending:
            return
        yield result(pending.popleft())


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """*items* in lists of *size* (the last may be shorter), read lazily."""
    it = iter(items)
    return iter(lambda: list(islice(it, size)), [])


def extract_summaries(articles: Iterable[Article], *, workers: int,
                      factory: Callable[[], Pipeline],
                      chunk_size: int = CHUNK_SIZE) -> Iterator[Summary]:
    """Extract *articles* in *workers* processes; yield their summaries in input order.

    Args:
        articles: Articles to extract, read lazily.
        workers: Number of worker processes (at least 1).
        factory: Builds a worker's pipeline; called once per worker. It must
            pickle when the platform cannot fork.
        chunk_size: Articles per task.

    Yields:
        One :class:`Summary` per article, in the order of *articles*.
    """
    for summaries in ordered_map(_summaries, chunked(articles, chunk_size), workers=workers, initializer=_init, initargs=(factory,)):
        yield from summaries


def read_and_summarize(pipeline: Pipeline, files: list[tuple[str, str]], max_bytes: int,
                       sent: set[str], options: ReadOptions | None = None
                       ) -> list[tuple[str, str | list[Summary], list[Skipped]]]:
    """Read a chunk of files and extract their articles, all in one batch.

    Args:
        pipeline: The pipeline to extract with.
        files: ``(path, display)`` pairs, in input order.
        max_bytes: Largest file accepted.
        sent: See :func:`summarize`.
        options: Dataset columns and the plain files' date.

    Returns:
        ``(display, outcome, problems)`` of each file: its articles' summaries,
        or the message of the InputError that made it unreadable; and the
        records of a dataset file skipped or read in part.
    """
    read: list[tuple[str, str | list[Article], list[Skipped]]] = []
    for path, display in files:
        problems: list[Skipped] = []
        try:
            read.append((display, read_file(path, display=display, max_bytes=max_bytes, options=options,
                                            problems=problems), problems))
        except InputError as exc:
            read.append((display, str(exc), problems))
    articles = [a for _, got, _ in read if not isinstance(got, str) for a in got]
    summaries = iter(summarize(pipeline, articles, sent))
    return [(display, got if isinstance(got, str) else [next(summaries) for _ in got], problems)
            for display, got, problems in read]


def _extract_files(job: tuple[list[tuple[str, str]], int, ReadOptions | None]
                   ) -> list[tuple[str, str | list[Summary], list[Skipped]]]:
    """:func:`read_and_summarize` in a pool worker."""
    assert _PIPELINE is not None, "worker pipeline not initialized"
    files, max_bytes, options = job
    return read_and_summarize(_PIPELINE, files, max_bytes, _SENT, options)


def extract_files(files: Iterable[tuple[str | os.PathLike[str], str]], *, workers: int,
                  factory: Callable[[], Pipeline], max_bytes: int, options: ReadOptions | None = None,
                  chunk_size: int = CHUNK_SIZE) -> Iterator[tuple[str, str | list[Summary], list[Skipped]]]:
    """Read and extract *files* in *workers* processes; yield each file's outcome in input order.

    Args:
        files: ``(path, display)`` pairs, as :func:`~rawabit.extract.reading.reader.find_files` gives.
        workers: Number of worker processes (at least 1).
        factory: Builds a worker's pipeline; called once per worker.
        max_bytes: Largest file accepted.
        options: Dataset columns and the plain files' date.
        chunk_size: Files per task.

    Yields:
        ``(display, outcome, problems)``: the summaries of the file's articles
        in order (duplicates of earlier ones included: the caller drops them),
        or the message of the InputError that made the file unreadable; and
        the records of a dataset file skipped or read in part.
    """
    jobs = ((chunk, max_bytes, options) for chunk in chunked(((str(p), d) for p, d in files), chunk_size))
    for outcomes in ordered_map(_extract_files, jobs, workers=workers, initializer=_init,
                                initargs=(factory,)):
        yield from outcomes
