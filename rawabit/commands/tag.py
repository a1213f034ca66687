"""``rawabit tag``: named-entity tags for a CoNLL-style token file.

Input has one token per line (anything after the first whitespace is
ignored) and a blank line between sentences, UTF-8 with or without a BOM.
Output has ``token TAG`` per line in IOB2 over PERS, LOC, ORG and MISC, with
the input's blank lines kept, so ``ner_score.py`` can score it against gold.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError
from ..extract.entities.ner import BACKENDS, get_recognizer
from ..extract.entities.ner_mentions import read_lines

__all__ = ["NAME", "HELP", "DESCRIPTION", "add_arguments", "run", "tag_lines"]

NAME = "tag"
HELP = "tag the tokens of a CoNLL-style file with named-entity labels (IOB2)"
DESCRIPTION = HELP + """

  rawabit tag tokens.txt -o tagged.txt
  rawabit tag tokens.txt --backend camelbert --model ~/models/ner-arabert
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.add_argument("file", type=Path, metavar="FILE",
                        help="one token per line, blank line between sentences")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="where to write `token TAG` lines (default: standard output)")
    parser.add_argument("--backend", choices=sorted(BACKENDS), default="crf",
                        help="recogniser to use (default: crf, the shipped model)")
    parser.add_argument("--model", type=Path, metavar="PATH",
                        help="model file or directory instead of the backend's default")


def tag_lines(lines: list[str], recognizer) -> list[str]:
    """Tag CoNLL-style lines, keeping blank lines where they were.

    Args:
        lines: Input lines without line ends.
        recognizer: A :class:`~rawabit.extract.entities.ner.Recognizer`.

    Returns:
        Output lines: ``token TAG`` for each token line, ``""`` for each blank one.
    """
    sentences: list[list[str]] = [[]]
    for line in lines:
        parts = line.split()
        if parts:
            sentences[-1].append(parts[0])
        elif sentences[-1]:
            sentences.append([])
    tagged = iter(recognizer.tag_sentences([s for s in sentences if s]))
    out: list[str] = []
    tags: list[str] | None = None
    for line in lines:
        parts = line.split()
        if not parts:
            out.append("")
            tags = None
            continue
        if tags is None:
            tags, k = list(next(tagged)), 0
        out.append(f"{parts[0]} {tags[k]}")
        k += 1
    return out


def run(args: argparse.Namespace) -> int:
    """Tag ``args.file`` and write the result; return the exit code.

    Raises:
        InputError: The file is missing, unreadable, binary, not UTF-8 or
            holds no tokens.
        ModelError: The recogniser's model cannot be loaded.
    """
    lines = read_lines(args.file)
    if not any(line.strip() for line in lines):
        raise InputError(f"{args.file}: no tokens (expected one token per line)")
    recognizer = get_recognizer(args.backend, args.model)
    text = "\n".join(tag_lines(lines, recognizer)) + "\n"
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{args.output}: cannot write ({exc.strerror or exc})") from None
    return 0
