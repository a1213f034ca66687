"""Extract on a Dask cluster: the summaries of :mod:`.parallel`, computed by Dask workers.

``rawabit build --dask ADDRESS`` sends the per-article work (reading,
cleaning, extraction) to the workers of a running ``dask scheduler``, or of a
``LocalCluster`` of worker processes for ``local:N``, and gets back only each
article's :class:`~rawabit.extract.linking.linker.Summary`. Linking and writing stay
in this process, fed in input order, so the graph is byte for byte the one
``--workers 1`` writes.

Workers need only the installed package (its models ship inside it) and the
inputs: local paths, sent as absolute paths (a cluster of several machines
needs them on a shared disk), or fsspec URLs (``s3://…``; :mod:`.reading.urls`).

Dask does the rest: at most a few chunks per worker thread are in flight
(back-pressure, as :func:`~.parallel.ordered_map` does for a local pool), and
the tasks of a worker that dies are run again elsewhere. A task's result
depends on its chunk alone (an entity goes back with the first article of
its chunk that found it, not of its worker), so a task run twice, or on
another worker, gives the same result.

>>> with connect("local:2") as client:                       # doctest: +SKIP
...     for summary in extract_summaries(articles, client=client, factory=Pipeline.default):
...         linker.add(summary)
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rawabit.errors import ClusterError

from .linking.linker import Summary
from .model import Article
from .reading.reader import ReadOptions, Skipped
from .parallel import (CHUNK_SIZE, chunked, default_workers, fewer_collections, in_order, read_and_summarize,
                       summarize)
from .reading.urls import is_url

if TYPE_CHECKING:
    from distributed import Client

    from .pipeline import Pipeline

__all__ = ["parse_address", "connect", "extract_summaries", "extract_files",
           "CONNECT_TIMEOUT", "WORKER_TIMEOUT"]

#: Seconds to wait for the scheduler to answer.
CONNECT_TIMEOUT = 10.0
#: Seconds to wait for a first worker to join a scheduler that has none.
WORKER_TIMEOUT = 60.0
#: Chunks in flight per worker thread.
_AHEAD = 4
#: Seconds between two looks at how many worker threads the cluster has.
_RECOUNT = 2.0

_LOCAL = re.compile(r"local(?::(\d+))?")
_REMOTE = re.compile(r"(?:(tcp|tls|ws|wss|ucx)://)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):(\d{1,5})")


def parse_address(text: str) -> str:
    """Check a ``--dask`` value: ``local``, ``local:N`` or a scheduler's ``[tcp://]host:port``.

    Returns:
        *text*, stripped.

    Raises:
        ValueError: With a message for people, when *text* is none of those.
    """
    value = text.strip()
    local = _LOCAL.fullmatch(value)
    if local:
        if local.group(1) is not None and int(local.group(1)) < 1:
            raise ValueError(f"local:N needs at least 1 worker process: {text!r}")
        return value
    remote = _REMOTE.fullmatch(value)
    if remote and 0 < int(remote.group(3)) < 65536:
        return value
    raise ValueError(f"expected a scheduler address such as tcp://scheduler:8786, or local:N "
                     f"for N worker processes on this machine: {text!r}")


@contextmanager
def connect(address: str) -> Iterator[Client]:
    """A Dask client of the scheduler at *address* (see :func:`parse_address`), with a worker.

    ``local:N`` starts a ``LocalCluster`` of N single-threaded worker
    processes (``local``: one per core), closed on leaving.

    Raises:
        ClusterError: *address* is malformed, distributed is not installed, the scheduler cannot be
            reached, or no worker joins it within :data:`WORKER_TIMEOUT` seconds.
    """
    try:
        address = parse_address(address)
    except ValueError as exc:
        raise ClusterError(str(exc)) from None
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--dask needs Dask's distributed package: pip install 'rawabit[dask]'") from None
    local = _LOCAL.fullmatch(address)
    cluster = None
    try:
        if local:
            n = int(local.group(1) or default_workers())
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(address, timeout=CONNECT_TIMEOUT)
    except OSError as exc:   # includes timeouts
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({exc}); "
                           f"is `dask scheduler` running there?") from None
    try:
        try:
            client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
        except TimeoutError:
            raise ClusterError(f"the Dask scheduler at {address} has no worker after {WORKER_TIMEOUT:.0f} s; "
                               f"start some with `dask worker {address}`") from None
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# -- in the workers ----------------------------------------------------------

#: Each worker thread's pipeline: (key of its factory, pipeline).
_THREAD = threading.local()


def _pipeline(key: str, factory: Callable[[], Pipeline]) -> Pipeline:
    """This thread's pipeline from *factory*, built on its first task (the
    crfsuite tagger is not shared across threads); one kept per thread."""
    held = getattr(_THREAD, "held", None)
    if held is None or held[0] != key:
        _THREAD.held = held = (key, factory())
    return held[1]


def _summaries_task(key: str, factory: Callable[[], Pipeline], articles: list[Article]) -> list[Summary]:
    with fewer_collections():
        return summarize(_pipeline(key, factory), articles, set())


def _files_task(key: str, factory: Callable[[], Pipeline], files: list[tuple[str, str]],
                max_bytes: int, options: ReadOptions | None
                ) -> list[tuple[str, str | list[Summary], list[Skipped]]]:
    with fewer_collections():
        return read_and_summarize(_pipeline(key, factory), files, max_bytes, set(), options)


# -- in this process ---------------------------------------------------------

def _run(client: Client, task: Callable[..., Any], jobs: Iterable[tuple], factory: Callable[[], Pipeline]
         ) -> Iterator[Any]:
    """Run ``task(key, factory, *job)`` for each job on the cluster; results in job order."""
    import cloudpickle   # a dependency of distributed
    from distributed import KilledWorker

    key = hashlib.sha256(cloudpickle.dumps(factory)).hexdigest()
    counted = [0.0, 1]   # when the worker threads were last counted, and how many

    def window() -> int:
        if time.monotonic() - counted[0] > _RECOUNT:
            counted[:] = [time.monotonic(), max(1, sum(client.nthreads().values()))]
        return _AHEAD * counted[1]

    def result(future: Any) -> Any:
        try:
            return future.result()
        except KilledWorker as exc:
            raise ClusterError(f"Dask gave up on a task after it took down several workers ({exc}); "
                               f"a worker may be running out of memory: see the workers' logs") from None
        except ImportError as exc:
            raise ClusterError(f"a Dask worker cannot import Rawabit ({exc}); install it on every "
                               f"worker: pip install 'rawabit[dask]'") from None
        except OSError as exc:   # the scheduler went away
            raise ClusterError(f"lost the Dask scheduler ({exc})") from None
        finally:
            future.release()

    return in_order(lambda job: client.submit(task, key, factory, *job, pure=False), jobs,
                    window=window, result=result)


def extract_summaries(articles: Iterable[Article], *, client: Client, factory: Callable[[], Pipeline],
                      chunk_size: int | None = None) -> Iterator[Summary]:
    """Extract *articles* on the cluster of *client*; yield their summaries in input order.

    Args:
        articles: Articles to extract, read lazily.
        client: A client of a cluster with workers (:func:`connect`).
        factory: Builds a worker's pipeline; must pickle (with cloudpickle).
        chunk_size: Articles per task (default :data:`~.parallel.CHUNK_SIZE`).
    """
    jobs = ((chunk,) for chunk in chunked(articles, chunk_size or CHUNK_SIZE))
    for summaries in _run(client, _summaries_task, jobs, factory):
        yield from summaries


def extract_files(files: Iterable[tuple[str | os.PathLike[str], str]], *, client: Client,
                  factory: Callable[[], Pipeline], max_bytes: int, options: ReadOptions | None = None,
                  chunk_size: int | None = None) -> Iterator[tuple[str, str | list[Summary], list[Skipped]]]:
    """Read and extract *files* on the cluster of *client*; yield each file's outcome in input order.

    Gives what :func:`~.parallel.extract_files` gives. Local paths are sent
    as absolute paths, URLs as they are.

    Args:
        files: ``(path, display)`` pairs, as :func:`~.reading.reader.find_files` gives.
        client: A client of a cluster with workers (:func:`connect`).
        factory: Builds a worker's pipeline; must pickle (with cloudpickle).
        max_bytes: Largest file accepted.
        options: Dataset columns and the plain files' date.
        chunk_size: Files per task (default :data:`~.parallel.CHUNK_SIZE`).
    """
    named = ((p if is_url(p) else str(Path(p).absolute()), d) for p, d in files)
    jobs = ((chunk, max_bytes, options) for chunk in chunked(named, chunk_size or CHUNK_SIZE))
    for outcomes in _run(client, _files_task, jobs, factory):
        yield from outcomes
