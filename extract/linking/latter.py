"""«الأخير»: the person named last, taken up as «the latter».

«… التقى بارو الرئيس تبون، إثر اتصال هاتفي بين الأخير ونظيره الفرنسي …»:
the latter is Tebboune, the last person named before the word. :class:`Latter`
gives the word (``grammar_words.tsv``, class ``latter``, with its proclitics
«والأخير», «للأخير») a mention of that person, looking back through the
sentence and at most :data:`~..doc_index.LOOKBACK` sentences before it. The
feminine «الأخيرة» is left alone: it qualifies nouns far more often than it
stands for a woman («المرحلة الأخيرة»), and so does «الأخير» after a definite
noun («المقترح الأخير»: the latest proposal).

Only sentences whose text holds the letters of the word are read word by word.
"""
from __future__ import annotations

from ..doc_index import index_of
from ..entities.mentions import _mention
from ..grammar import WORDS
from ..model import Doc, EntityType
from ..reading.clitics import CliticSplitter

__all__ = ["Latter"]

#: Letters every spelling of the word holds (with or without hamza: «الأخير», «الاخير»).
_CORE = "خير"


class Latter:
    """Pipeline component: a mention of the last person named, for «الأخير»."""

    name = "latter"

    def __init__(self, splitter: CliticSplitter):
        self.splitter = splitter
        self.words = WORDS.latter

    def lexicon(self) -> set[str]:
        return set(self.words)

    def __call__(self, doc: Doc) -> Doc:
        index, readings = index_of(doc), self.splitter.candidates
        for sent in doc.sentences:
            if _CORE not in sent.text:
                continue
            for j, tok in enumerate(sent.tokens):
                if _CORE not in tok.norm or not any(r in self.words for r in readings(tok.norm)):
                    continue
                if j > 0 and (sent.tokens[j - 1].base or sent.tokens[j - 1].norm).startswith("ال"):
                    continue   # «المقترح الأخير»: an adjective of the noun before it
                here = index.mentions(sent.index)
                if any(m.first <= j < m.last for m in here):
                    continue
                person = self._last_person(doc, sent.index, j)
                if person:
                    doc.mentions.append(_mention(sent, j, j + 1, EntityType.PERSON, person, "latter", 0.75))
        return doc

    @staticmethod
    def _last_person(doc: Doc, sentence: int, j: int) -> str:
        """The key of the last person named before token *j* of *sentence*, or ''."""
        index = index_of(doc)
        for back, ms in enumerate(index.mentions_back(sentence)):
            named = [m for m in ms if m.type is EntityType.PERSON and m.key and (back or m.last <= j)]
            if named:
                return max(named, key=lambda m: m.last).key
        return ""
