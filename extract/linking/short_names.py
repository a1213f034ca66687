"""A person named in full once, then by one name: «غوستافو بيترو … انتقد بيترو واشنطن».

News gives a person's full name (often after a title) the first time and
then only the family name («تيتيه», «الدبيبة») or, for some, the name that
comes first («كيم»). :class:`ShortNames` learns, sentence by sentence, the
single names of each person the article has named in full (the first and last
word of each listed spelling: «لولا» from «لولا دا سيلفا»), and adds a
mention wherever one stands alone later (with or without a proclitic:
«وبيترو», «لتيتيه»). A word that two people of the article share, a common
given name in first place («محمد»; «بيترو» last is a family name) or a
frequent word («السادس») is not taken as anyone.
The look-up is a dictionary filled as the article is read, so the work is
linear in its length.
"""
from __future__ import annotations

from ..arabic import normalize_phrase
from ..reading.clitics import CliticSplitter
from ..doc_index import index_of
from ..entities.gazetteer import Gazetteer
from ..entities.mentions import _mention
from ..model import Doc, EntityType
from ..resources import read_tsv, word_set

__all__ = ["ShortNames"]

#: Sources of mentions whose full name is learnt.
_NAMED = frozenset({"gazetteer", "title", "title-name", "ner"})
#: Shortest single name taken.
_MIN_LETTERS = 3


class ShortNames:
    """Pipeline component: mentions of a person by one of the names the article gave in full."""

    name = "short_names"

    def __init__(self, gazetteer: Gazetteer, splitter: CliticSplitter):
        self.gaz = gazetteer
        self.splitter = splitter
        self.given = frozenset(normalize_phrase(r["name"]) for r in read_tsv("given_names.tsv"))
        self.not_names = word_set("common_words.tsv") | word_set("function_words.tsv")

    def __call__(self, doc: Doc) -> Doc:
        index, readings = index_of(doc), self.splitter.candidates
        short: dict[str, str] = {}       # single name -> person key ("" when two share it)
        learnt: set[str] = set()
        for sent in doc.sentences:
            if short:
                taken = {t for m in index.mentions(sent.index) for t in range(m.first, m.last)}
                known = short.get
                for j, tok in enumerate(sent.tokens):
                    if j in taken:
                        continue    # (a punctuation mark has no reading among the names: they are all letters)
                    key = next((key for r in readings(tok.norm) if (key := known(r))), "")
                    if key:
                        doc.mentions.append(_mention(sent, j, j + 1, EntityType.PERSON, key, "short-name", 0.8))
            for m in index.mentions(sent.index):
                if m.type is EntityType.PERSON and m.key and m.key not in learnt and m.source in _NAMED:
                    learnt.add(m.key)
                    self._learn(doc, m.key, short)
        return doc

    def _learn(self, doc: Doc, key: str, short: dict[str, str]) -> None:
        ent = doc.entities.get(key) or self.gaz.entities.get(key)
        if ent is None:
            return
        for spelling in (ent.label_ar, *ent.aliases):   # «لولا دا سيلفا» beside the full «لويس إيناسيو …»
            words = normalize_phrase(spelling).split()
            if len(words) < 2:
                continue
            for word in {words[0], words[-1]}:
                if len(word) < _MIN_LETTERS or word in self.not_names or not word.isalpha() or \
                        (word == words[0] and word in self.given):  # a first name others share; last names stand
                    continue
                short[word] = key if short.get(word, key) == key else ""
