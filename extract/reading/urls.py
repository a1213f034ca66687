"""Article files named by URL (``s3://``, ``hdfs://``, ``file://``, ``memory://``…), read through fsspec.

A cluster's workers often see the corpus only in object storage, not on a
shared disk. Any path that starts with ``scheme://`` is read here, with the
filesystem fsspec knows for that scheme (``s3fs`` for ``s3://`` and so on,
each installed on its own); credentials come from that filesystem's usual
configuration (environment, config files). fsspec itself is optional: without
it a URL is an :class:`~rawabit.errors.InputError` that says what to install.

>>> is_url("s3://news/2025/"), is_url("news/2025")
(True, False)
"""
from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any, BinaryIO

from rawabit.errors import InputError

__all__ = ["is_url", "find_url_files", "open_url"]

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(path: object) -> bool:
    """Whether *path* is a string of the form ``scheme://…``."""
    return isinstance(path, str) and _URL.match(path) is not None


def _filesystem(url: str) -> tuple[Any, str]:
    """The fsspec filesystem of *url* and the path inside it."""
    try:
        import fsspec
    except ImportError:
        raise InputError(f"{url}: reading URLs needs fsspec (pip install 'rawabit[dask]')") from None
    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:   # an unknown scheme, or its package is missing
        raise InputError(f"{url}: {exc}") from None


def find_url_files(url: str, suffixes: frozenset[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """The article files at *url*, a file or a folder, ordered as local folders are walked.

    Args:
        url: A file or folder URL.
        suffixes: File name endings (lower case, with the dot) of article files.

    Returns:
        ``(files, others)``: ``(url, display)`` pairs of article files (files of a
        folder before its subfolders, each in name order; hidden names left
        out), and the displays of the other files found in folders.

    Raises:
        InputError: The URL cannot be reached, names nothing, or names a
            single file of another type.
    """
    fs, root = _filesystem(url)
    try:
        if fs.isfile(root):
            if PurePosixPath(root).suffix.lower() not in suffixes:
                raise InputError(f"{url}: not a .txt, .html, .jsonl, .json or .csv file")
            return [(fs.unstrip_protocol(root), url)], []
        if not fs.isdir(root):
            raise InputError(f"{url}: no such file or folder")
        names = fs.find(root, withdirs=False)
    except OSError as exc:
        raise InputError(f"{url}: cannot read ({exc.strerror or exc})") from None
    base = root.rstrip("/")
    prefix = url.rstrip("/") + "/"
    files, others = [], []
    for name in sorted(names, key=lambda n: _walk_order(n[len(base) + 1:])):
        rel = name[len(base) + 1:]
        if not rel or any(part.startswith(".") for part in rel.split("/")):
            continue
        if PurePosixPath(rel).suffix.lower() in suffixes:
            files.append((fs.unstrip_protocol(name), prefix + rel))
        else:
            others.append(prefix + rel)
    return files, others


def _walk_order(rel: str) -> tuple[tuple[int, str], ...]:
    """Sort key that puts a folder's files, by name, before its subfolders, by name."""
    *folders, name = rel.split("/")
    return tuple((1, f) for f in folders) + ((0, name),)


def open_url(url: str) -> tuple[int | None, BinaryIO]:
    """The size (None when unknown) of the file at *url*, and the file opened for reading.

    Raises:
        InputError: fsspec, or the package of the URL's scheme, is missing.
        OSError: The file cannot be reached or read.
    """
    fs, path = _filesystem(url)
    return fs.size(path), fs.open(path, "rb")
