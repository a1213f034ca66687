"""Bytes to clean Unicode text: encoding detection, binary refusal, normalisation.

Decoding tries, in order: a byte-order mark (UTF-8, UTF-16, UTF-32); BOM-less
UTF-16 recognised by its NUL bytes all falling on one parity; strict UTF-8;
an encoding declared by the caller (e.g. an HTML ``<meta charset>``);
Windows-1256 when it yields plausible Arabic; then ``charset-normalizer``.
Data that looks binary (a known magic number, NUL bytes that are not UTF-16,
many control characters) is refused with :class:`InputError`.

Normalisation (:func:`normalize_text`) uses NFC, not NFKC: NFKC would also
rewrite ellipses, full-width forms, superscripts and the word ligatures
(e.g. U+FDFA) into different text. Only Arabic *letter* presentation forms
(U+FB50–U+FDFF, U+FE70–U+FEFC, left by PDF copy-paste) whose compatibility
form is at most three characters are mapped to base letters.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from rawabit.errors import InputError

__all__ = ["DEFAULT_MAX_BYTES", "decode", "normalize_text", "looks_binary"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an audio file"),
    (b"ID3", "an MP3 file"),
    (b"\x00asm", "a WebAssembly module"),
)
_RIFF = b"RIFF"  # WAV, AVI, WEBP
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 8192
_MAX_CONTROL_RATIO = 0.02
_MIN_ARABIC_RATIO = 0.5
_MAX_MIXED_WORDS = 0.02

# Zero-width and bidi controls, soft hyphen, Arabic letter mark, word joiner, BOM.
_INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BINARY = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_TATWEEL = re.compile("(?<=[\u0620-\u063f\u0641-\u064a\u066e-\u06d3])\u0640+(?=[\u0620-\u063f\u0641-\u064a\u066e-\u06d3])")
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")


def decode(data: bytes, *, hint: str | None = None) -> str:
    """Decode the bytes of a text or HTML file.

    Args:
        data: The raw file content.
        hint: An encoding declared by the file itself, tried after UTF-8.

    Returns:
        The decoded text, not yet normalised.

    Raises:
        InputError: The data is empty, binary, or in no encoding we can detect.
    """
    if not data.strip():
        raise InputError("empty file")
    kind = _magic(data)
    if kind:
        raise InputError(f"binary file ({kind}), not text")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], codec)
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not text")
    for codec in ("utf-8", _codec(hint), "cp1256"):
        if not codec:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec != "cp1256" or _plausible_arabic(text):
            return _checked(text)
    return _checked(_guess(data))


def looks_binary(text: str) -> bool:
    """Whether decoded text has too many control characters to be prose.

    Args:
        text: Decoded text.

    Returns:
        True when more than 2% of a sample are C0/C1 controls (tab, line
        and page breaks excepted).
    """
    sample = text[:_SAMPLE]
    if not sample:
        return False
    return len(_BINARY.findall(sample)) / len(sample) > _MAX_CONTROL_RATIO


def normalize_text(text: str) -> str:
    """Normalise decoded text for reading.

    Newlines become ``\\n``; the text is NFC with Arabic letter presentation
    forms mapped to base letters; zero-width and bidi controls, other control
    characters and tatweel between two Arabic letters (``مـــصر``) are
    removed; a tatweel beside a digit, Latin letter or space (``بـ500``) is
    kept. Runs of spaces and tabs become one space and lines are stripped.

    Args:
        text: Decoded text.

    Returns:
        The normalised text.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _PRESENTATION.sub(_base_letter, text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    if "\u0640" in text:
        text = _TATWEEL.sub("", text)
    # each run of spaces and tabs one space, lines stripped: \s is str.isspace(), what split() cuts at
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def _magic(data: bytes) -> str:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(_RIFF) and data[8:12] in (b"WAVE", b"AVI ", b"WEBP"):
        return "a media file"
    return ""


def _strict(data: bytes, codec: str) -> str:
    try:
        return _checked(data.decode(codec))
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid {codec.upper()} text at byte {exc.start}") from None


def _checked(text: str) -> str:
    if looks_binary(text):
        raise InputError("binary file (many control characters), not text")
    if not text.strip():
        raise InputError("empty file")
    return text


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[:_SAMPLE - _SAMPLE % 2]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if even + odd < max(2, len(sample) // 100):
        return None
    if odd >= 9 * even:
        codec = "utf-16-le"
    elif even >= 9 * odd:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data[:len(data) - len(data) % 2].decode(codec)
    except UnicodeDecodeError:
        return None
    if looks_binary(text) or "\x00" in text:
        return None
    return text


def _codec(name: str | None) -> str:
    if not name:
        return ""
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return ""


def _plausible_arabic(text: str) -> bool:
    letters = [ch for ch in text[:_SAMPLE * 4] if ch.isalpha()]
    if not letters:
        return False
    arabic = sum(1 for ch in letters if _ARABIC.match(ch))
    if arabic / len(letters) < _MIN_ARABIC_RATIO:
        return False
    words = text[:_SAMPLE * 4].split()
    mixed = sum(1 for w in words if _ARABIC.search(w) and _LATIN.search(w))
    return mixed <= _MAX_MIXED_WORDS * len(words)


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("unknown text encoding (not UTF-8, UTF-16 or Windows-1256)")
    return str(best)


def _base_letter(match: re.Match[str]) -> str:
    ch = match.group()
    base = unicodedata.normalize("NFKC", ch)
    return base if len(base) <= 3 else ch
