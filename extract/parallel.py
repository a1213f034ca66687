"""Extract articles in worker processes, results in input order.

Each worker builds its :class:`~rawabit.extract.pipeline.Pipeline` once, in
the pool's initializer, and sends back for every article only its
:class:`~rawabit.extract.linker.Summary` (facts, quotes, entity candidates and
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

import multiprocessing
import os
from collections import deque
from dataclasses import replace
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from rawabit.errors import InputError

from .linker import Summary
from .model import Article
from .reader import ReadOptions, Skipped, read_file

if TYPE_CHECKING:
    from .pipeline import Pipeline

__all__ = ["extract_summaries", "extract_files", "ordered_map", "default_workers", "CHUNK_SIZE"]

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


def _init(factory: Callable[[], Pipeline]) -> None:
    global _PIPELINE
    _PIPELINE = factory()
    _SENT.clear()


def _summaries(articles: list[Article]) -> list[Summary]:
    """Extract *articles* in one batch; keep of each what linking needs.

    An entity goes back with the first article of this worker that found it
    only: the linker keeps the entity of the first article in input order
    that has one, and this worker's earlier articles come before its later
    ones, so the link is the same. Most entities recur in many articles, and
    the parent no longer unpickles (and spools) each one every time; at 10k
    articles this halves the bytes it receives.
    """
    assert _PIPELINE is not None, "worker pipeline not initialized"
    out = []
    for doc in _PIPELINE.pipe(articles, batch_size=max(1, len(articles))):
        summary = Summary.of(doc)
        fresh = tuple(e for e in summary.entities if e.key not in _SENT)
        _SENT.update(e.key for e in fresh)
        out.append(summary if len(fresh) == len(summary.entities) else replace(summary, entities=fresh))
    return out


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
    it = iter(items)
    with _context().Pool(max(1, workers), initializer=initializer, initargs=initargs) as pool:
        pending: deque = deque()
        while True:
            while len(pending) < workers * ahead:
                item = next(it, _END)
                if item is _END:
                    break
                pending.append(pool.apply_async(func, (item,)))
            if not pending:
                break
            yield pending.popleft().get()
        pool.close()
        pool.join()


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
    it = iter(articles)
    chunks = iter(lambda: list(islice(it, chunk_size)), [])
    for summaries in ordered_map(_summaries, chunks, workers=workers, initializer=_init, initargs=(factory,)):
        yield from summaries


def _extract_files(job: tuple[list[tuple[str, str]], int, ReadOptions | None]
                   ) -> list[tuple[str, str | list[Summary], list[Skipped]]]:
    """Read a chunk of files and extract their articles, all in one batch."""
    files, max_bytes, options = job
    read: list[tuple[str, str | list[Article], list[Skipped]]] = []
    for path, display in files:
        problems: list[Skipped] = []
        try:
            read.append((display, read_file(path, display=display, max_bytes=max_bytes, options=options,
                                            problems=problems), problems))
        except InputError as exc:
            read.append((display, str(exc), problems))
    articles = [a for _, got, _ in read if not isinstance(got, str) for a in got]
    summaries = iter(_summaries(articles))
    return [(display, got if isinstance(got, str) else [next(summaries) for _ in got], problems)
            for display, got, problems in read]


def extract_files(files: Iterable[tuple[str | os.PathLike[str], str]], *, workers: int,
                  factory: Callable[[], Pipeline], max_bytes: int, options: ReadOptions | None = None,
                  chunk_size: int = CHUNK_SIZE) -> Iterator[tuple[str, str | list[Summary], list[Skipped]]]:
    """Read and extract *files* in *workers* processes; yield each file's outcome in input order.

    Args:
        files: ``(path, display)`` pairs, as :func:`~rawabit.extract.reader.find_files` gives.
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
    it = iter((str(p), d) for p, d in files)
    chunks = iter(lambda: (list(islice(it, chunk_size)), max_bytes, options), ([], max_bytes, options))
    for outcomes in ordered_map(_extract_files, chunks, workers=workers, initializer=_init,
                                initargs=(factory,)):
        yield from outcomes
