"""Where a personal name begins and ends when no gazetteer lists it.

A name after a title is a run of two or three words that are not function
words, titles, nationality adjectives or cue words, and (after its first word)
carry no conjunction «و», nor the article «ال» unless ``name_joins.tsv`` allows
it («عطا الله تارار», «عبد الرحمن», «نور الدين»). When the statistical recogniser has
marked a PERS span at that place, its span is used instead.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..arabic import normalize_phrase
from ..doc_index import index_of
from ..grammar import either
from ..model import Doc, EntityType, Sentence
from ..resources import read_tsv, word_set

__all__ = ["NameFinder"]


class NameFinder:
    """Delimit names of people, regions or organizations not in the gazetteer.

    Args:
        stop: Normalized words that can never be part of a name (titles,
            nationality adjectives, cue words); function words are added from data.
    """

    def __init__(self, stop: Iterable[str]):
        # the words no name holds (function, title, cue words, nationality adjectives), and
        # the frequent words seldom in one («إسلامي», «كريم» may yet be a surname)
        self.core = set(stop) | word_set("function_words.tsv")
        self.common = word_set("common_words.tsv")
        self.stop = self.core | self.common
        joins = read_tsv("name_joins.tsv")
        self.join_after = {normalize_phrase(r["word"]) for r in joins if r["role"] == "after"}
        self.join_inside = {normalize_phrase(r["word"]) for r in joins if r["role"] == "inside"}

    def add_stop(self, words: Iterable[str]) -> None:
        """Words that are never part of a name, from another component (e.g. titles)."""
        self.core |= set(words)
        self.stop |= set(words)

    def never_in_name(self, tok, *, leading: bool = False) -> bool:
        """Whether *tok* cannot stand at a name's edge: a function, title or cue word or a
        nationality adjective, or at its start a frequent word with the article («الأم»)."""
        return either(tok, self.core) or (leading and tok.norm.startswith("ال") and either(tok, self.common))

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

        After a comma only the recogniser is trusted: «الرئيس الأميركي، يرغب …». A run
        of words ends where a name already found begins (no second name swallowed).
        """
        for m in index_of(doc).mentions(sent.index):
            if m.first == j and m.source == "ner" and m.type is EntityType.PERSON:
                return m.last
        if after_comma:
            return 0
        end = self.run(sent, j)
        # up to a listed name: «وزير الخارجية البنيني جون كاتو | لافروف»
        # (a patronymic goes on: «عبد العزيز بن سلمان» is not «بن سلمان»)
        toks = sent.tokens
        listed = [m.first for m in index_of(doc).mentions(sent.index) if j < m.first < end
                  and m.source == "gazetteer" and toks[m.first].norm not in self.join_after]
        end = min(listed, default=end)
        return end if end - j >= 2 else 0  # one unknown word after a title is too often not a name
