"""IOB2 tag sequences: spans out of tags, and CoNLL files in and out.

A CoNLL file here has one token per line (anything after the first
whitespace is its tag, or ignored), and a blank line between sentences.
"""
from __future__ import annotations

from itertools import compress
from pathlib import Path
from typing import IO, Iterable, Sequence

from ...errors import InputError

__all__ = ["iob_spans", "read_lines", "read_conll", "write_conll"]

_SNIFF = 8192


def _parse(tag: str) -> tuple[str, str]:
    parsed = _PARSED.get(tag)
    if parsed is None:
        if not tag or tag == "O" or "-" not in tag:
            parsed = "O", ""
        else:
            prefix, typ = tag.split("-", 1)
            parsed = prefix.upper(), typ
        if len(_PARSED) < 1024:     # a tag set is small; a stray file's odd tags are not kept
            _PARSED[tag] = parsed
    return parsed


_PARSED: dict[str, tuple[str, str]] = {}


def iob_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans of an IOB2 tag sequence.

    An ``I-`` tag that does not continue an entity of its type starts a new
    one (as conlleval reads it); a ``B-`` always does.

    Args:
        tags: One tag per token, e.g. ``["B-PERS", "I-PERS", "O"]``.

    Returns:
        ``(first, last, type)`` triples, *last* exclusive, in order.

    Examples:
        >>> iob_spans(["B-PERS", "I-PERS", "O", "I-LOC", "B-LOC"])
        [(0, 2, 'PERS'), (3, 4, 'LOC'), (4, 5, 'LOC')]
    """
    spans: list[tuple[int, int, str]] = []
    start, typ, end = None, "", 0   # the entity open, its type, the token after its last
    # an "O" ends the entity open at it: only the other tags are read
    for i in compress(range(len(tags)), map("O".__ne__, tags)):
        prefix, t = _parse(tags[i])
        if start is not None and (i != end or prefix != "I" or t != typ):
            spans.append((start, end, typ))
            start = None
        if prefix == "B" or (prefix == "I" and start is None):
            start, typ = i, t
        if start is not None:
            end = i + 1
    if start is not None:
        spans.append((start, end, typ))
    return spans


def read_lines(path: Path | str) -> list[str]:
    """Lines of a UTF-8 text file (a byte-order mark is dropped).

    Args:
        path: The file.

    Returns:
        Its lines, without line ends.

    Raises:
        InputError: The file is missing, unreadable, binary or not UTF-8.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a CoNLL file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if b"\x00" in raw[:_SNIFF]:
        raise InputError(f"{path}: binary file, expected UTF-8 text with one token per line")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (bad byte at offset {exc.start})") from None
    return text.splitlines()


def read_conll(path: Path | str) -> list[list[tuple[str, str]]]:
    """Read a CoNLL-style file into sentences of ``(token, tag)`` pairs.

    The tag is the last whitespace-separated field after the token, or ``""``
    when there is none. Runs of blank lines count as one sentence break.

    Args:
        path: A UTF-8 file, with or without a byte-order mark.

    Returns:
        The sentences, each a non-empty list of ``(token, tag)``.

    Raises:
        InputError: The file is missing, unreadable, binary or not UTF-8.
    """
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in read_lines(path):
        parts = line.split()
        if not parts:
            if current:
                sentences.append(current)
                current = []
            continue
        current.append((parts[0], parts[-1] if len(parts) > 1 else ""))
    if current:
        sentences.append(current)
    return sentences


def write_conll(sentences: Iterable[Sequence[tuple[str, str]]], out: IO[str]) -> None:
    """Write sentences as ``token TAG`` lines with a blank line after each.

    Args:
        sentences: Sentences of ``(token, tag)`` pairs.
        out: A text stream.
    """
    for sentence in sentences:
        for token, tag in sentence:
            out.write(f"{token} {tag}\n")
        out.write("\n")
