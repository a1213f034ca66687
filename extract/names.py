"""Where a personal name begins and ends when no gazetteer lists it.

A name after a title is a run of two or three words that are not function
words, titles, nationality adjectives or cue words, and (after its first word)
carry no article «ال» or conjunction «و». When the statistical recogniser has
marked a PERS span at that place, its span is used instead.
"""
from __future__ import annotations

from collections.abc import Iterable

from .doc_index import index_of
from .grammar import either
from .model import Doc, EntityType, Sentence
from .resources import word_set

__all__ = ["NameFinder"]


class NameFinder:
    """Delimit names of people, regions or organizations not in the gazetteer.

    Args:
        stop: Normalized words that can never be part of a name (titles,
            nationality adjectives, cue words); function words are added from data.
    """

    def __init__(self, stop: Iterable[str]):
        self.stop = set(stop) | word_set("function_words.tsv")
        self.stop |= word_set("common_words.tsv")

    def _ok(self, tok, first: bool) -> bool:
        if tok.is_punct or not tok.norm.isalpha() or len(tok.norm) < 2:
            return False
        if either(tok, self.stop):
            return False
        if tok.norm.startswith("ال") or (tok.norm[:1] in "وفبل" and tok.norm[1:] in self.stop):
            return False
        return first or not tok.norm.startswith("و")

    def run(self, sent: Sentence, j: int, max_len: int = 3) -> int:
        """Return the end (exclusive) of a name run starting at token *j*, or 0."""
        toks = sent.tokens
        k = j
        while k < len(toks) and k - j < max_len and self._ok(toks[k], k == j):
            k += 1
        return k if k > j else 0

    def person_at(self, doc: Doc, sent: Sentence, j: int, *, after_comma: bool = False) -> int:
        """End of a person's name starting at token *j* (recogniser span first), or 0.

        After a comma only the recogniser is trusted: «الرئيس الأميركي، يرغب …».
        """
        for m in index_of(doc).mentions(sent.index):
            if m.first == j and m.source == "ner" and m.type is EntityType.PERSON:
                return m.last
        if after_comma:
            return 0
        end = self.run(sent, j)
        return end if end - j >= 2 else 0  # one unknown word after a title is too often not a name
