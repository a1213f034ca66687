"""Writing a built graph to files, each in the format its extension names.

Shared by :func:`rawabit.build`, :meth:`rawabit.KnowledgeGraph.save` and
``rawabit export``: one path from a graph to files, whoever asks.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

__all__ = ["PathLike", "check_outputs", "write", "write_all", "write_workers"]

PathLike = str | os.PathLike[str]

#: Below about this many triples, streamed outputs are written in this process.
WRITE_POOL_MIN = 100_000


def check_outputs(outputs: Iterable[PathLike]) -> list[Path]:
    """Resolve each output's writer now, so an unknown format fails before any work.

    Args:
        outputs: Target paths.

    Returns:
        The paths as :class:`~pathlib.Path` objects, in order.

    Raises:
        FormatError: An extension names no known format.
    """
    from .exports import writer
    paths = [Path(o) for o in ([outputs] if isinstance(outputs, (str, os.PathLike)) else outputs)]
    for p in paths:
        writer(p)
    return paths


def write(dataset: Any, outputs: Iterable[PathLike], options: Mapping[str, Any] | None = None) -> list[Path]:
    """Write *dataset* to every path in *outputs*, each in the format its extension names.

    Args:
        dataset: An rdflib dataset or graph.
        outputs: Target paths.
        options: Writer options (see :mod:`rawabit.exports`).

    Returns:
        The paths written.

    Raises:
        FormatError: An extension names no known format.
    """
    from .exports import write as write_one
    return [write_one(dataset, p, options) for p in check_outputs(outputs)]


def write_workers(workers: int | None, triples: int) -> int:
    """Processes to write a streamed graph of about *triples* triples with.

    Args:
        workers: What the user asked for; None: every core.
        triples: The graph's size.
    """
    if triples < WRITE_POOL_MIN:
        return 1  # starting workers would take longer than the writing
    if workers is None:
        from .extract.parallel import default_workers
        return default_workers()
    return max(1, workers)


def write_all(dataset: Callable[[], Any], stream: Any, targets: list[Path],
              options: Mapping[str, Any] | None, timings: dict[str, float], *, workers: int = 1) -> list[Path]:
    """Write every target: from *stream* in one pass where formats allow (its blocks
    made in *workers* processes), the rest from *dataset()*, called once if at all.

    Args:
        dataset: Returns the rdflib dataset.
        stream: A :class:`~rawabit.exports.QuadStream`, or None to write everything
            from the dataset.
        targets: Paths whose formats are known (see :func:`check_outputs`).
        options: Writer options.
        timings: Receives seconds per step: ``stream``, ``graph`` and each path.
        workers: Processes that serialize the stream's blocks.

    Returns:
        *targets*.
    """
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
