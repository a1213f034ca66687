"""Where a personal name begins and ends when no gazetteer lists it.

A name after a title is a run of two or three words that are not function
words, titles, nationality adjectives or cue words, and (after its first word)
carry no conjunction «و», nor the article «ال» unless ``name_joins.tsv`` allows
it («عطا الله تارار», «عبد الرحمن», «نور الدين»). When the statistical recogniser has
marked a PERS span at that place, its span is used instead.
"""
from __future__ import annotations

from collections.abc import Iterable

from .arabic import normalize_phrase
from .grammar import either
from .model import Doc, EntityType, Sentence
from .resources import read_tsv, word_set

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
        joins = read_tsv("name_joins.tsv")
        self.join_after = {normalize_phrase(r["word"]) for r in joins if r["role"] == "after"}
        self.join_inside = {normalize_phrase(r["word"]) for r in joins if r["role"] == "inside"}

    def _ok(self, tok, first: bool, before=None) -> bool:
        if tok.is_punct or not tok.norm.isalpha() or len(tok.norm) < 2:
            return False
        if tok.norm.startswith("ال") and not first and (
                tok.norm in self.join_inside or (before is not None and before.norm in self.join_after)):
            return True   # «عطا الله», «عبد الرحمن»
        if either(tok, self.stop):
            return False
        if tok.norm.startswith("ال") or (tok.norm[:1] in "وفبل" and tok.norm[1:] in self.stop):
            return False
        return first or not tok.norm.startswith("و")

    def run(self, sent: Sentence, j: int, max_len: int = 3) -> int:
        """Return the end (exclusive) of a name run starting at token *j*, or 0."""
        toks = sent.tokens
        k = j
        while k < len(toks) and k - j < max_len and self._ok(toks[k], k == j, toks[k - 1] if k > j else None):
            k += 1
        # a name does not end on «بن», «أبو», «عبد»: «عبد العزيز بن سلمان» is four words
        while j < k < len(toks) and k - j < max_len + 2 and toks[k - 1].norm in self.join_after \
                and self._ok(toks[k], False, toks[k - 1]):
            k += 1
        return k if k > j else 0

    def person_at(self, doc: Doc, sent: Sentence, j: int, *, after_comma: bool = False) -> int:
        """End of a person's name starting at token *j* (recogniser span first), or 0.

        After a comma only the recogniser is trusted: «الرئيس الأميركي، يرغب …».
        """
        for m in doc.mentions:
            if (m.sentence == sent.index and m.first == j and m.source == "ner"
                    and m.type is EntityType.PERSON):
                return m.last
        if after_comma:
            return 0
        end = self.run(sent, j)
        return end if end - j >= 2 else 0  # one unknown word after a title is too often not a name
