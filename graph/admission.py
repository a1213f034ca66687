"""Which query slot a SPARQL query gets: cheap queries must not wait behind expensive ones.

pyoxigraph cannot tell a query's cost before running it, nor stop it once it
runs, so the endpoint learns: every query first goes to the *short lane*,
worker processes whose time limit is short (``--short-limit``, half a second by
default). One that outlives it is stopped (its worker replaced in the
background), its *shape* is remembered as slow, and it runs again in the
*long lane* under the full timeout. Later queries of a shape known to be
slow go straight to the long lane (until one of them ends there within the
short limit: slow only on a busy moment). However many expensive queries arrive,
they can only fill the long lane; the short lane keeps answering the cheap
ones. Queries of a shape found slow while they wait for the short lane go to
the long lane at once.

A shape is the query with its literals and numbers blanked and its spacing
normalized, so ``... FILTER(?year = 2024)`` and ``... = 2025`` are one shape.

>>> query_shape('SELECT * WHERE { ?s rdfs:label "بوتين"@ar } LIMIT 10')
'SELECT * WHERE { ?s rdfs:label ""@ar } LIMIT 0'
"""
from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol

__all__ = ["query_shape", "SlowShapes", "Lanes", "DEFAULT_SHORT_LIMIT", "DEFAULT_SHORT_WORKERS"]

#: Seconds a query may run in the short lane before it moves to the long one.
DEFAULT_SHORT_LIMIT = 0.5
#: Worker processes of the short lane.
DEFAULT_SHORT_WORKERS = 2

_LITERALS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                       r"|(?<![\w:?$])[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w:])")
_SPACE = re.compile(r"\s+")

Reply = tuple[int, str, bytes]


class Pool(Protocol):
    """Worker processes running queries (``graph.server``'s pool)."""

    def run(self, job: tuple, give_up: Callable[[], bool] | None = None) -> Reply | None:
        """The answer; None when the query outlived the pool's limit (its worker
        replaced) or *give_up* turned true while it waited for a worker."""


def query_shape(query: str) -> str:
    """*query* with string literals emptied, numbers zeroed and whitespace collapsed."""
    blanked = _LITERALS.sub(lambda m: '""' if m[0][0] in "\"'" else "0", query)
    return _SPACE.sub(" ", blanked).strip()


class SlowShapes:
    """The last *size* query shapes that outlived the short limit (thread-safe)."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._shapes: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, shape: str) -> None:
        with self._lock:
            self._shapes[shape] = None
            self._shapes.move_to_end(shape)
            while len(self._shapes) > self.size:
                self._shapes.popitem(last=False)

    def discard(self, shape: str) -> None:
        with self._lock:
            self._shapes.pop(shape, None)

    def __contains__(self, shape: object) -> bool:
        with self._lock:
            return shape in self._shapes

    def __len__(self) -> int:
        return len(self._shapes)


class Lanes:
    """Send each query to the short lane unless its shape is known to be slow.

    Args:
        long: The pool with the full time limit.
        short: The pool with the short limit; None sends everything to *long*.
        limit_reply: The answer when a query outlives the long lane's limit too.
    """

    def __init__(self, long: Pool, short: Pool | None, limit_reply: Reply,
                 short_limit: float = DEFAULT_SHORT_LIMIT) -> None:
        self.long, self.short, self.limit_reply = long, short, limit_reply
        self.short_limit = short_limit
        self.slow = SlowShapes()

    def run(self, job: tuple) -> Reply:
        """Answer *job* (the query text first) in the lane its shape deserves."""
        if self.short is not None:
            shape = query_shape(job[0])
            if shape not in self.slow:   # and stop waiting for the short lane once it is known slow
                reply = self.short.run(job, give_up=lambda: shape in self.slow)
                if reply is not None:
                    return reply
                self.slow.add(shape)
        started = time.monotonic()
        reply = self.long.run(job)
        if self.short is not None and time.monotonic() - started < self.short_limit:
            self.slow.discard(shape)   # it was slow only once (a busy machine): give it the short lane again
        return reply if reply is not None else self.limit_reply
