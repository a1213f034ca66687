"""Hand serialized bytes from a worker process to the writing process through a file.

A :mod:`multiprocessing` pipe moves a result in pieces of at most 64 KiB,
each a system call, a wake-up of the other side and a copy into a growing
buffer, and the result is unpickled once more at the end: receiving the
743 MB of a 10k-article build's N-Triples, N-Quads, Turtle and TriG cost the
parent process 3.5–4.5 s of CPU on a 2-core machine, while its two workers
were serializing the next blocks. Written by the worker to a file and copied
by the kernel (``copy_file_range``) into the outputs, the same bytes cost the
parent 0.7–1.0 s.

>>> saved = save([b"<a> <b> <c> .\\n", b""], tempfile.gettempdir())   # doctest: +SKIP
>>> copy_into(saved, [nt_file, nq_file])                                # doctest: +SKIP
"""
from __future__ import annotations

import os
import tempfile
from typing import IO

__all__ = ["Saved", "save", "copy_into"]

#: The file a worker wrote, and the length of each part in it, in order.
Saved = tuple[str, list[int]]


def save(parts: list[bytes], directory: str) -> Saved:
    """Write *parts* one after the other to a new file in *directory*.

    Returns:
        The file's path and each part's length, for :func:`copy_into`.
    """
    fd, path = tempfile.mkstemp(prefix="rawabit-block-", dir=directory)
    with os.fdopen(fd, "wb") as fh:
        for part in parts:
            fh.write(part)
    return path, [len(part) for part in parts]


def copy_into(saved: Saved, files: list[IO[bytes]]) -> None:
    """Append each part of *saved* to the file at the same place in *files*, then delete it.

    Args:
        saved: What :func:`save` returned.
        files: Binary files open for writing, one per part; each is flushed
            and the part is written at its current end.
    """
    path, lengths = saved
    try:
        with open(path, "rb") as src:
            offset = 0
            for fh, length in zip(files, lengths, strict=True):
                if length:
                    fh.flush()
                    _copy(src.fileno(), fh, offset, length)
                    offset += length
    finally:
        os.unlink(path)


def _copy(src: int, dst: IO[bytes], offset: int, length: int) -> None:
    """Copy *length* bytes at *offset* of *src* to the end of the flushed *dst*, in the kernel if it can."""
    done = 0
    try:
        while done < length:
            n = os.copy_file_range(src, dst.fileno(), length - done, offset + done)
            if n == 0:
                break
            done += n
    except (AttributeError, OSError):   # not Linux, an old kernel, or two kinds of file system
        pass
    if done < length:
        dst.write(os.pread(src, length - done, offset + done))
