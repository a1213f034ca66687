"""Split an article into sentences and tokens.

Sentences end at «.», «!», «?», «؟» or a line break, but not inside an open
quotation («…», “…”, "…") unless the quotation runs on past a paragraph.
Tokens are those of camel-tools' ``simple_word_tokenize`` (:mod:`.words`),
with their character offsets in the article.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..arabic import normalize
from ..model import Sentence, Token
from .words import word_spans

__all__ = ["split_sentences", "tokenize"]

_END = frozenset(".!?؟…")
_OPEN_CLOSE = {"«": "»", "“": "”", "„": "”", "‹": "›"}
_MAX_QUOTE = 600  # characters a quotation may stay open before we stop trusting it
_DIGIT_DOT = re.compile(r"\d\.\d")
_SPECIAL = re.compile("[" + re.escape("".join(_END) + "".join(_OPEN_CLOSE) + "".join(_OPEN_CLOSE.values()) + '"') + "]")


def _spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of the sentences of one paragraph-free run of text."""
    start = 0
    closing: list[str] = []
    opened_at = 0
    straight_open = False
    n = len(text)
    i = 0
    while True:
        found = _SPECIAL.search(text, i)  # only quotes and sentence ends change anything
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if ch in _OPEN_CLOSE:
            if not closing:
                opened_at = i
            closing.append(_OPEN_CLOSE[ch])
        elif closing and ch == closing[-1]:
            closing.pop()
        elif ch == '"':
            straight_open = not straight_open
            opened_at = i
        in_quote = (bool(closing) or straight_open) and i - opened_at < _MAX_QUOTE
        if ch in _END and not in_quote and not _DIGIT_DOT.match(text, max(i - 1, 0)):
            j = i + 1
            while j < n and (text[j] in _END or text[j] in "»”\"')"):
                j += 1
            if j >= n or text[j].isspace():
                yield start, j
                start = j
                closing.clear()
                straight_open = False
                i = j
                continue
        i += 1
    if start < n:
        yield start, n


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of the sentences of *text*, trimmed of spaces.

    Args:
        text: A whole article.

    Returns:
        Offsets in order; empty sentences are left out.
    """
    out: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        base = para.start()
        for s, e in _spans(para.group()):
            chunk = para.group()[s:e]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk.rstrip())
            if trail > lead:
                out.append((base + s + lead, base + s + trail))
    return out


def tokenize(text: str, start: int, index: int, *,
             split: Callable[[str], tuple[str, str]] | None = None) -> Sentence:
    """Tokenize the sentence ``text`` found at offset *start* of its article.

    Args:
        text: The sentence text.
        start: Offset of the sentence in the article.
        index: Index of the sentence in the article.
        split: Maps a normalized word to (proclitics, base); defaults to no split.

    Returns:
        A :class:`Sentence` whose tokens carry article offsets.
    """
    seen = _ANALYSES.get(split)
    if seen is None or len(seen) >= _ANALYSES_LIMIT:
        seen = _ANALYSES[split] = {}
    new = tuple.__new__   # what Token._make does, without its call: faster than Token(...)
    tokens = []
    for word, at, end in word_spans(text):
        analysis = seen.get(word)
        if analysis is None:
            norm = normalize(word)
            prefix, base = split(norm) if split else ("", norm)
            analysis = seen[word] = (norm, base, prefix)
        tokens.append(new(Token, (word, start + at, start + end) + analysis))
    return Sentence(index, start, start + len(text), text, tuple(tokens))


# word -> (norm, base, prefix), per split function: the same words come back in every text
_ANALYSES: dict[Callable[[str], tuple[str, str]] | None, dict[str, tuple[str, str, str]]] = {}
_ANALYSES_LIMIT = 200_000
