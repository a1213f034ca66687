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

Which characters are which follows from camel-tools' regex and symbol set
(:func:`char_tables`). Building that set takes camel-tools about a second and
a half, so the answer ships in ``data/tokenizer_chars.json`` keyed by what it
depends on (:func:`table_key`): the versions of camel-tools and emoji, Python's
Unicode database, and the characters the regex package puts in the Unicode
properties camel-tools' pattern uses (a new regex release with the same
Unicode data keeps the shipped tables). Tables for any other key are computed
once and kept in the user's cache directory. camel-tools itself is then
imported only by a text that holds an emoji.

>>> [w for w, _, _ in word_spans("قال الوزير: «نرفض ذلك».")]
['قال', 'الوزير', ':', '«', 'نرفض', 'ذلك', '»', '.']
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

__all__ = ["word_spans", "spaced_spans", "char_tables", "versions", "table_key", "cached_tables_path", "write_tables",
           "fast_path", "TABLES_PATH"]

#: The shipped character tables (see :func:`char_tables`).
TABLES_PATH = Path(__file__).resolve().parents[1] / "data" / "tokenizer_chars.json"

_PIECE = re.compile(r"\S+")   # \s is str.isspace(), what str.split() splits at
# What extends a match of camel-tools' symbol regex past its first character
# (variation selector, keycap, zero-width joiner, skin tones, tags, flags):
# never a character left to the shortcut.
_JOINERS = "\ufe0f\u20e3\u200d"
# The Unicode properties camel-tools' symbol pattern asks the regex package about.
_PROPERTIES = ("RI", "Emoji", "EMod", "S", "P")

_loaded = False
_split: Callable[[str], list[str]] | None = None   # camel-tools' tokenizer, once imported
_cut: re.Pattern[str] | None = None   # a character simple_word_tokenize may cut off; None: any
_alone: frozenset[str] = frozenset()  # characters it always cuts off as one token
_tokens: re.Pattern[str] | None = None  # a run of characters never cut off, or one cut off alone
_other: re.Pattern[str] | None = None   # a character of neither kind, nor a space
_origin = ""   # where the tables came from (see fast_path)


def versions() -> dict[str, str]:
    """The versions of what the character tables depend on: camel-tools (its
    regex and symbol set), emoji (its emoji list), regex (its Unicode
    properties) and Python's Unicode database (the categories)."""
    out = {"unicode": unicodedata.unidata_version}
    for dist in ("camel-tools", "emoji", "regex"):
        try:
            out[dist] = version(dist)
        except PackageNotFoundError:
            out[dist] = ""
    return out


def char_tables() -> tuple[str, str]:
    """Ask camel-tools which characters it never cuts off and which it cuts off alone.

    Never: those its symbol regex does not match, or matches as themselves
    without listing them as symbols (digits). Alone: listed symbols that it
    matches as themselves. Only the Basic Multilingual Plane is looked at;
    anything beyond (emoji, tags, flags) goes to camel-tools.

    Returns:
        A regex character-class body of the first kind, as ranges, and the
        characters of the second kind.

    Raises:
        AttributeError: This camel-tools names its regex or symbol set otherwise.
    """
    from camel_tools.tokenizers import word
    symbol, symbols = word._SYMBOLS_RE, word._SYMBOLS_ALL
    kept: list[str] = []
    alone: list[str] = []
    for c in map(chr, range(0x10000)):
        if c.isspace() or c in _JOINERS or 0xD800 <= ord(c) < 0xE000:
            continue
        m = symbol.match(c)
        if m is None or m[0] not in symbols:
            kept.append(c)
        elif m[0] == c:
            alone.append(c)
    return _ranges(kept), "".join(alone)


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


def table_key() -> dict[str, str]:
    """What the character tables depend on, as the shipped file records it.

    The versions of camel-tools (its pattern and symbol set), emoji (its emoji
    list) and Python's Unicode database (the categories), and for the regex
    package not its version but a digest of the Basic Multilingual Plane
    characters it puts in each property the pattern uses: a regex release that
    changes no Unicode data leaves the key, and so the tables, as they were.
    Costs a few milliseconds, camel-tools not imported.
    """
    import regex

    out = versions()
    del out["regex"]
    plane = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    digest = hashlib.sha256()
    for name in _PROPERTIES:
        digest.update("".join(regex.findall(r"\p{%s}" % name, plane)).encode("utf-8") + b"|")
    out["regex-properties"] = digest.hexdigest()[:32]
    return out


def cached_tables_path(key: dict[str, str]) -> Path:
    """Where tables computed for *key* are kept in the user's cache directory."""
    from ..resources import cache_dir

    name = hashlib.sha256(json.dumps(key, sort_keys=True).encode("utf-8")).hexdigest()[:16]
    return cache_dir() / f"tokenizer_chars-{name}.json"


def _read_tables(path: Path, key: dict[str, str], field: str = "key") -> tuple[str, str] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(data, dict) and data.get(field) == key and isinstance(data.get("kept"), str) \
            and isinstance(data.get("alone"), str):
        return data["kept"], data["alone"]
    return None


def write_tables(path: Path, key: dict[str, str], tables: tuple[str, str]) -> None:
    """Write *tables* made for *key* to *path* atomically (parallel workers may race)."""
    data = {"key": key, "versions": versions(), "kept": tables[0], "alone": tables[1]}
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(partial, path)


def _tables() -> tuple[tuple[str, str] | None, str]:
    """The tables for the installed packages and where they came from:
    ``shipped``, ``cache`` or ``computed`` (then cached); ``(None, 'off')`` if
    camel-tools cannot say."""
    installed = versions()
    shipped = _read_tables(TABLES_PATH, installed, field="versions")   # the very versions: no digest needed
    if shipped is not None:
        return shipped, "shipped"
    key = table_key()
    for path, origin in ((TABLES_PATH, "shipped"), (cached_tables_path(key), "cache")):
        found = _read_tables(path, key)
        if found is not None:
            return found, origin
    try:
        tables = char_tables()
    except AttributeError:   # another camel-tools: no shortcut, every piece goes through it
        return None, "off"
    try:
        write_tables(cached_tables_path(key), key, tables)
    except OSError:   # a read-only home: computed again next time
        pass
    return tables, "computed"


def fast_path() -> str:
    """Where the tokenizer's character tables come from in this process:
    ``shipped``, ``cache``, ``computed`` (first use after an upgrade) or
    ``off`` (camel-tools changed its internals: every piece goes through it)."""
    if not _loaded:
        _load()
    return _origin


def _load() -> None:
    global _loaded, _cut, _alone, _tokens, _other, _origin
    tables, _origin = _tables()
    if tables is None:
        _cut, _alone, _tokens, _other = None, frozenset(), None, None
    else:
        kept, alone = tables[0], re.escape(tables[1])
        _cut, _alone = re.compile("[^" + kept + "]"), frozenset(tables[1])
        _tokens = re.compile(f"[{kept}]+|[{alone}]")
        _other = re.compile(f"[^\\s{kept}{alone}]")
    _loaded = True


def _camel(piece: str) -> list[str]:
    """``simple_word_tokenize(piece)``, camel-tools imported on first use."""
    global _split
    if _split is None:
        from camel_tools.tokenizers.word import simple_word_tokenize
        _split = simple_word_tokenize
    return _split(piece)


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """The tokens ``simple_word_tokenize(text)`` gives, with their offsets.

    Args:
        text: Any text.

    Returns:
        ``(token, start, end)`` for each token, in order.
    """
    if not _loaded:
        _load()
    if _other is not None and _other.search(text) is None:   # no emoji: one regex finds them all,
        return spaced_spans(_tokens.findall(text), text)      # with only spaces between two of them
    return list(_pieces(text))


def spaced_spans(tokens: Iterable[str], text: str, start: int = 0) -> list[tuple[str, int, int]]:
    """Where each of *tokens* stands in *text*: ``(token, start, end)``.

    The tokens are those a regex's ``findall`` gave from *start* on, in order, and
    only whitespace lies between two of them, so each starts where it is next
    found (cheaper than a match object per token).
    """
    out = []
    end = start
    find = text.find
    for token in tokens:
        begin = find(token, end)
        end = begin + len(token)
        out.append((token, begin, end))
    return out


def _pieces(text: str) -> Iterator[tuple[str, int, int]]:
    """:func:`word_spans`, a whitespace-separated piece at a time."""
    cut, alone = _cut, _alone
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
        for token in _camel(word):
            found = text.find(token, at)
            at = found if found >= 0 else at
            yield token, at, at + len(token)
            at += len(token)
