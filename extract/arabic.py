"""Arabic normalization for matching, built on camel-tools' utilities.

``normalize`` folds the spelling differences that do not change a word in news
text (diacritics, tatweel, alef and yaa variants, taa marbuta, hamza seats), so
that «بُوتين», «بوتين» and «بوتين» compare equal and «إسطنبول» matches «اسطنبول».
The original text is never changed: offsets always point into it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from camel_tools.utils.charmap import CharMapper
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

__all__ = ["dediac", "normalize", "normalize_phrase", "accusative", "transliterate", "slugify", "is_arabic"]

_TATWEEL = "\u0640"
_HAMZA_SEATS = str.maketrans({"ؤ": "و", "ئ": "ي"})
_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)
_SPACES = re.compile(r"\s+")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_SAFEBW = CharMapper.builtin_mapper("ar2safebw")
# camel_tools.utils.dediac.dediac_ar removes exactly these (its AR_DIAC_CHARSET), but
# importing it builds all of camel_tools.utils.charsets, about a second, in every
# process that only links or writes.
_DIACRITICS = re.compile("[\u064b-\u0652\u0670]")


def dediac(text: str) -> str:
    """*text* without Arabic diacritics (as camel-tools' ``dediac_ar``)."""
    return _DIACRITICS.sub("", text)


@lru_cache(maxsize=200_000)
def normalize(word: str) -> str:
    """Fold one word to its matching form.

    Args:
        word: A token as it appears in the text.

    Returns:
        The word without diacritics or tatweel, with alef variants as «ا»,
        alef maksura as «ي», taa marbuta as «ه» and hamza seats folded.
    """
    text = dediac(word).replace(_TATWEEL, "")
    text = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))
    return text.translate(_HAMZA_SEATS).lower()


def normalize_phrase(text: str) -> str:
    """Normalize a multi-word phrase: each word folded, punctuation dropped, spaces single."""
    text = _NON_WORD.sub(" ", unicodedata.normalize("NFC", text))
    return " ".join(normalize(w) for w in _SPACES.split(text.strip()) if w)


#: Endings that take no alef in the indefinite accusative («هدنةً», «ضماناتٍ», «أسرى»).
_NO_ALEF = ("ة", "ه", "ى", "ا", "ء", "ات")


def accusative(phrase: str) -> str:
    """The indefinite accusative of a normalized noun phrase, or ``""`` if it has none.

    «وقف شامل لاطلاق النار» → «وقفا شاملا لاطلاق النار»: each indefinite word
    before the first definite or prepositional one takes the alef of «ـاً».
    For a construct («اتفاق سلام») the result is a spelling no text uses,
    which costs nothing.

    >>> accusative("وقف فوري لاطلاق النار")
    'وقفا فوريا لاطلاق النار'
    """
    words = phrase.split()
    changed = False
    for i, w in enumerate(words):
        if w.startswith(("ال", "ل", "ب")) or len(w) < 3:
            break
        if not w.endswith(_NO_ALEF):
            words[i], changed = w + "ا", True
    return " ".join(words) if changed else ""


def is_arabic(text: str) -> bool:
    """Return True if *text* holds at least one Arabic letter."""
    return bool(_ARABIC.search(text))


def transliterate(text: str) -> str:
    """Transliterate Arabic to safe Buckwalter (ASCII letters only)."""
    return _SAFEBW(dediac(text))


def slugify(text: str) -> str:
    """Make an IRI-safe key from a name: English as ``vladimir-putin``, Arabic as ``ar-flAdymyr-bwtyn``."""
    if is_arabic(text):
        text = "ar " + transliterate(normalize_phrase(text))
    else:
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")
    return slug or "unnamed"
