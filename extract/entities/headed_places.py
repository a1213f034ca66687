"""Pipeline component: towns and villages named after a head noun that says what they are.

«بلدة كالستيرن الألمانية», «قرية تل الورد جنوب لبنان», «مخيم زمزم في دارفور»: a name
that no list holds, one or two words after «بلدة/قرية/مدينة/مخيم/منتجع» (``org_heads.tsv``,
type City), is a city when what follows closes it as a place does: a nationality
adjective, a direction («شمالي»), «في» or «بـ» before where it lies, punctuation or the
end of the sentence. A listed name followed by another name word is the longer,
unlisted one («بلدة عدن يابال»: not Aden). With no head noun, a name after «في/قرب»
is a town only when a direction and a listed place follow it («في بولكيسي وسط مالي»).
"""
from __future__ import annotations

from ..arabic import normalize_phrase, slugify
from .gazetteer import Gazetteer
from ..grammar import WORDS, either
from .mentions import _mention
from ..model import Doc, Entity, EntityType, Mention, Sentence
from .names import NameFinder
from ..resources import read_tsv, word_set

__all__ = ["HeadedPlaces"]

_IN = {"في", "قرب", "بالقرب", "على"}   # «بلدة X في إقليم Y», «قرب الحدود»
_BEFORE = {"في", "قرب"}   # a bare name after these is a place when «وسط مالي» follows it


class HeadedPlaces:
    """Add City mentions for unlisted names after a head noun of a settlement."""

    name = "headed_places"

    def __init__(self, gazetteer: Gazetteer, names: NameFinder):
        self.gaz = gazetteer
        self.names = names
        self.heads = {normalize_phrase(r["word"]) for r in read_tsv("org_heads.tsv")
                      if r["type"] == EntityType.CITY.value}
        self.directions = word_set("directions.tsv")

    def __call__(self, doc: Doc) -> Doc:
        by_sentence: dict[int, list[Mention]] | None = None   # read once, when a head is seen
        head_nouns = self.heads
        for sent in doc.sentences:
            heads = [j for j, t in enumerate(sent.tokens[:-1]) if t.base in head_nouns or t.norm in _BEFORE]
            if heads:
                if by_sentence is None:
                    by_sentence = {}
                    for m in doc.mentions:
                        by_sentence.setdefault(m.sentence, []).append(m)
                self._sentence(doc, sent, heads, by_sentence.get(sent.index, []))
        return doc

    def _sentence(self, doc: Doc, sent: Sentence, heads: list[int], mentions: list[Mention]) -> None:
        toks = sent.tokens
        starts = {m.first: m for m in mentions}
        covered = {t for m in starts.values() for t in range(m.first, m.last)}
        for j in heads:
            first = j + 1
            listed = starts.get(first)
            if toks[j].norm in _BEFORE:   # «في بولكيسي وسط مالي»: a direction and a listed place must follow
                end = self._run(sent, first) if listed is None and first not in covered else 0
                place = starts.get(end + 1) if end and end + 1 < len(toks) else None
                if not (place is not None and place.type.is_place and self._direction(toks[end])):
                    continue
            elif listed is not None:
                if not listed.type.is_place or listed.last - listed.first > 1:
                    continue
                # «بلدة عدن يابال»: a one-word listed place that another name word follows
                end = self._run(sent, first)
                if end - first < 2 or end - 1 in covered or not self._closes(sent, end):
                    continue
                # a new list, not remove(): the Doc's index notices a replaced list, not a swapped item
                doc.mentions = [m for m in doc.mentions if m is not listed]
            elif first in covered:
                continue
            else:
                end = self._run(sent, first)
                if not end or covered & set(range(first, end)):
                    continue
            if not self._closes(sent, end):
                continue
            text = sent.text[toks[first].start - sent.start:toks[end - 1].end - sent.start]
            if toks[first].prefix:
                text = text[len(toks[first].prefix):]
            key = slugify(text)
            doc.entities.setdefault(key, Entity(key, EntityType.CITY, text))
            doc.mentions.append(_mention(sent, first, end, EntityType.CITY, key, "headed", 0.75))
            covered |= set(range(first, end))

    def _run(self, sent: Sentence, first: int) -> int:
        """The end of a name of one or two words at *first*, before any word that closes it;
        0 if none starts there («في شمال …», «في ملف …»: a direction or a frame noun)."""
        tok = sent.tokens[first]
        if self._closes(sent, first) or either(tok, WORDS.topic_frame):
            return 0
        end = self.names.run(sent, first, max_len=2)
        return next((k for k in range(first + 1, end) if self._closes(sent, k)), end)

    def _direction(self, tok) -> bool:
        return tok.norm in self.directions or tok.base in self.directions

    def _closes(self, sent: Sentence, k: int) -> bool:
        """Whether token *k* ends a place's name: what follows a town's name."""
        toks = sent.tokens
        if k >= len(toks) or toks[k].is_punct:
            return True
        tok = toks[k]
        # a word with a proclitic («بالمسيرات», «وقرية») is never inside a town's name
        return (bool(tok.prefix) or self.gaz.nisba_at([t.norm for t in toks[k:k + 2]], 0)[0]
                or self._direction(tok) or tok.norm in _IN)
