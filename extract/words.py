"""Words of a sentence with their offsets: camel-tools' ``simple_word_tokenize``.

``simple_word_tokenize`` splits a text at whitespace and then cuts every
punctuation mark, symbol and emoji off each piece, trying its symbol regex at
every character. Most pieces of news text are plain words that it gives back
whole, and most others are words with a punctuation mark before or after.
So :func:`word_spans` keeps a piece whole when it has no character that the
regex could cut off, cuts it itself when all such characters are single
punctuation marks or symbols that the regex always cuts alone, and hands
camel-tools the rest (emoji sequences and their joiners): the same tokens,
found several times faster, each with its offsets in the text.

>>> [w for w, _, _ in word_spans("قال الوزير: «نرفض ذلك».")]
['قال', 'الوزير', ':', '«', 'نرفض', 'ذلك', '»', '.']
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

__all__ = ["word_spans"]

_PIECE = re.compile(r"\S+")   # \s is str.isspace(), what str.split() splits at
# What extends a match of camel-tools' symbol regex past its first character
# (variation selector, keycap, zero-width joiner, skin tones, tags, flags):
# never a character left to the shortcut.
_JOINERS = "\ufe0f\u20e3\u200d"

_split: Callable[[str], list[str]] | None = None
_cut: re.Pattern[str] | None = None   # a character simple_word_tokenize may cut off; None: any
_alone: frozenset[str] = frozenset()  # characters it always cuts off as one token


def _load() -> None:
    """Import camel-tools' tokenizer (its charsets take about a second to build,
    which a process that only links and writes never needs) and find the
    characters it never cuts off (those its symbol regex does not match, or
    matches as themselves without listing them as symbols, like digits) and
    those it always cuts off alone (listed symbols it matches as themselves)."""
    global _split, _cut, _alone
    from camel_tools.tokenizers import word
    try:
        symbol, symbols = word._SYMBOLS_RE, word._SYMBOLS_ALL
    except AttributeError:   # another camel-tools: no shortcut, every piece goes through it
        _cut = None
    else:
        kept, alone = [], []
        for c in map(chr, range(0x10000)):   # beyond it: emoji, tags, flags, handed over
            if c.isspace() or c in _JOINERS or 0xD800 <= ord(c) < 0xE000:
                continue
            m = symbol.match(c)
            (kept if m is None or m[0] not in symbols else alone if m[0] == c else []).append(c)
        _cut = re.compile("[^" + _ranges(kept) + "]")
        _alone = frozenset(alone)
    _split = word.simple_word_tokenize


def _ranges(chars: list[str]) -> str:
    """A regex character-class body for *chars* (in code point order), as ranges."""
    out: list[str] = []
    start = prev = None
    for c in chars + [None]:
        if c is not None and prev is not None and ord(c) == ord(prev) + 1:
            prev = c
            continue
        if start is not None:
            out.append(re.escape(start) if start == prev else f"{re.escape(start)}-{re.escape(prev)}")
        start = prev = c
    return "".join(out)


def word_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield ``(token, start, end)`` for the tokens ``simple_word_tokenize(text)`` gives.

    Args:
        text: Any text.

    Yields:
        Each token with its offsets in *text*, in order.
    """
    if _split is None:
        _load()
    split, cut, alone = _split, _cut, _alone
    for piece in _PIECE.finditer(text):
        word = piece.group()
        at = piece.start()
        if cut is not None:
            first = cut.search(word)
            if first is None:
                yield word, at, piece.end()
                continue
            marks = [first.start()] + [m.start() for m in cut.finditer(word, first.end())]
            if all(word[i] in alone for i in marks):   # «الوزير:», «(نقلاً», «2025،»
                start = 0
                for i in marks:
                    if i > start:
                        yield word[start:i], at + start, at + i
                    yield word[i], at + i, at + i + 1
                    start = i + 1
                if start < len(word):
                    yield word[start:], at + start, piece.end()
                continue
        for token in split(word):
            found = text.find(token, at)
            at = found if found >= 0 else at
            yield token, at, at + len(token)
            at += len(token)
