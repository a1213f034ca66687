"""An append-only sequence that moves to a temporary file when it grows large.

A corpus of a hundred thousand articles yields millions of facts. Linking
and writing only ever walk them in order, so they need not stay in memory:
:class:`Spool` keeps up to *limit* items in a list, like any small result,
and past that pickles them a chunk at a time into an anonymous temporary file
(deleted when the spool is), reading them back on each iteration.

>>> s = Spool(limit=2, chunk=2)
>>> s.extend(range(5))
>>> len(s), list(s), s[3], s.spilled
(5, [0, 1, 2, 3, 4], 3, True)
"""
from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Generic, TypeVar, overload

__all__ = ["Spool", "SPOOL_LIMIT"]

T = TypeVar("T")

#: Items a spool keeps in memory before it starts writing to disk.
SPOOL_LIMIT = 20_000
#: Items pickled together; the unit read back into memory.
_CHUNK = 2_000


class Spool(Sequence[T], Generic[T]):
    """A list you append to and walk in order, kept on disk past *limit* items.

    Iterating while appending is safe: an iteration sees the items that were
    there when it reached them. Indexing a spilled spool reads up to the item,
    so it is meant for the occasional look, not for loops.

    Args:
        items: Initial items.
        limit: Items kept in memory before spilling to a temporary file.
        chunk: Items written (and read back) per pickle record.
    """

    def __init__(self, items: Iterable[T] = (), *, limit: int = SPOOL_LIMIT, chunk: int = _CHUNK):
        self._limit = max(1, limit)
        self._chunk = max(1, chunk)
        self._file: IO[bytes] | None = None
        self._records: list[tuple[int, int]] = []   # (offset, item count) of each pickled chunk
        self._on_disk = 0
        self._tail: list[T] = []
        self.extend(items)

    @property
    def spilled(self) -> bool:
        """Whether some items live in the temporary file."""
        return self._file is not None

    def append(self, item: T) -> None:
        """Add *item* at the end."""
        self._tail.append(item)
        if self._file is not None:
            if len(self._tail) >= self._chunk:
                self._flush()
        elif len(self._tail) > self._limit:
            self._file = tempfile.TemporaryFile(prefix="rawabit-spool-")
            self._flush()

    def extend(self, items: Iterable[T]) -> None:
        """Add every item of *items* at the end, in order."""
        for item in items:
            self.append(item)

    def _flush(self) -> None:
        assert self._file is not None
        self._file.seek(0, 2)
        for at in range(0, len(self._tail), self._chunk):
            part = self._tail[at:at + self._chunk]
            self._records.append((self._file.tell(), len(part)))
            pickle.dump(part, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._on_disk += len(part)
        self._tail = []

    def _read(self, offset: int) -> list[T]:
        assert self._file is not None
        self._file.seek(offset)
        return pickle.load(self._file)

    def __iter__(self) -> Iterator[T]:
        done = 0
        while done < len(self._records):  # records appended meanwhile are read too
            yield from self._read(self._records[done][0])
            done += 1
        yield from list(self._tail)

    def __len__(self) -> int:
        return self._on_disk + len(self._tail)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index):
        if self._file is None:
            return self._tail[index]
        if isinstance(index, slice):
            return list(self)[index]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("spool index out of range")
        at = 0
        for offset, count in self._records:
            if index < at + count:
                return self._read(offset)[index - at]
            at += count
        return self._tail[index - at]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, (Spool, list, tuple)):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        where = "on disk" if self._file is not None else "in memory"
        return f"Spool({len(self)} items, {where})"

    def close(self) -> None:
        """Delete the temporary file now rather than when the spool is collected."""
        if self._file is not None:
            self._file.close()
            self._file = None
        self._records, self._on_disk, self._tail = [], 0, []

    def __getstate__(self):
        return {"items": list(self), "limit": self._limit, "chunk": self._chunk}

    def __setstate__(self, state) -> None:
        self.__init__(state["items"], limit=state["limit"], chunk=state["chunk"])
