"""A description in a later sentence bound to the one named entity that fits it.

News names an organisation once and then takes it up by the kind of body it
is: «حركة 23 مارس … وسيطرت الحركة على مدينة …», «مجلس الأمن … أعرب المجلس عن
دعمه …», «حلف شمال الأطلسي … الأمين العام للحلف». :class:`DescriptionBinder`
reads the definite nouns of ``description_nouns.tsv`` and binds one to the
organisation named in the last :data:`~..doc_index.LOOKBACK` sentences whose
name holds that noun, when exactly one does; the description then stands as
that organisation's mention for the rules that follow. A noun with an
adjective the name lacks («المجلس العسكري») names another body and stays
unbound. A bare title («المبعوثة», «الرئيس») binds the same way to the one
person the last sentences introduced by that title («المبعوثة الأممية هانا
تيتيه»).
"""
from __future__ import annotations

from ..arabic import normalize, normalize_phrase
from ..reading.clitics import CliticSplitter
from ..doc_index import index_of
from ..entities.gazetteer import Gazetteer
from ..entities.mentions import _mention
from ..model import Doc, EntityType, Mention, Sentence
from ..resources import read_tsv

__all__ = ["DescriptionBinder"]

_REMEMBERED = 200_000   # words whose reading as a description noun is remembered


class DescriptionBinder:
    """Pipeline component: mentions for definite descriptions of an entity named before.

    Args:
        gazetteer: Names of listed entities.
        splitter: Proclitic readings of a word («للحلف» → «الحلف»).
        kinds: The classes of entity to bind: organisations can be bound
            before the title parser runs (so «الأمين العام للحلف مارك روته»
            reads as a title of NATO), people only after it.
    """

    name = "descriptions"

    def __init__(self, gazetteer: Gazetteer, splitter: CliticSplitter, *,
                 kinds: frozenset[EntityType] = frozenset({EntityType.ORGANIZATION, EntityType.PERSON})):
        self.gaz = gazetteer
        self.splitter = splitter
        self.nouns = {normalize(r["word"]): EntityType(r["type"]) for r in read_tsv("description_nouns.tsv")
                      if EntityType(r["type"]) in kinds}
        self._words: dict[str, frozenset[str]] = {}
        self._nouns_of: dict[str, str] = {}

    def lexicon(self) -> set[str]:
        return set(self.nouns)

    def _noun_of(self, word: str) -> str:
        """The description noun *word* is, with its proclitics off, or '' (remembered per word)."""
        got = self._nouns_of.get(word)
        if got is None:
            if len(self._nouns_of) > _REMEMBERED:
                self._nouns_of.clear()
            got = self._nouns_of[word] = next((r for r in self.splitter.candidates(word) if r in self.nouns), "")
        return got

    def __call__(self, doc: Doc) -> Doc:
        index = index_of(doc)
        noun_of, known = self._noun_of, self._nouns_of.get
        for sent in doc.sentences:   # (the remembered answer first, without a call: most words have one)
            found = [(j, noun) for j, t in enumerate(sent.tokens)
                     if (noun := known(t.norm)) or (noun is None and (noun := noun_of(t.norm)))]
            if not found:
                continue
            taken = {t for m in index.mentions(sent.index) for t in range(m.first, m.last)}
            for j, noun in found:
                if j in taken:
                    continue
                key = self._bound(doc, sent, j, noun)
                if key:
                    doc.mentions.append(_mention(sent, j, j + 1, self.nouns[noun], key, "description", 0.75))
        return doc

    def _bound(self, doc: Doc, sent: Sentence, j: int, noun: str) -> str:
        """The one organisation named before token *j* that *noun* describes, or ''."""
        head, etype, toks = noun[2:], self.nouns[noun], sent.tokens
        adjective = toks[j + 1].norm if j + 1 < len(toks) and toks[j + 1].norm.startswith("ال") else ""
        person = etype is EntityType.PERSON
        if person and (adjective or (j > 0 and toks[j - 1].norm.startswith("ال"))):
            return ""  # «الرئيس الروسي»: a title the title parser reads; «خط الأنابيب الرئيس»: an adjective
        for ms in index_of(doc).mentions_back(sent.index):
            fits = {m.key for m in ms if m.type is etype and m.key and m.source != "description"
                    and (m.sentence < sent.index or m.last <= j)
                    and (_titled(m, noun) if person else head in self._name_words(doc, m.key))}
            if len(fits) > 1:
                return ""
            if fits:
                key = next(iter(fits))
                return key if person or not adjective or adjective in self._name_words(doc, key) else ""
        return ""

    def _name_words(self, doc: Doc, key: str) -> frozenset[str]:
        """The words of every spelling of an entity's name, with and without the article."""
        words = self._words.get(key)
        if words is None:
            ent = doc.entities.get(key) or self.gaz.entities.get(key)
            spellings = (ent.label_ar, *ent.aliases) if ent is not None else ()
            plain = {w for s in spellings for w in normalize_phrase(s).split()}
            words = frozenset(plain | {w[2:] for w in plain if w.startswith("ال")} | {"ال" + w for w in plain})
            if len(self._words) > 50_000:
                self._words.clear()
            self._words[key] = words
        return words


def _titled(m: Mention, noun: str) -> bool:
    """Whether mention *m* is a title phrase that opens with *noun* («المبعوثة الأممية … هانا تيتيه»)."""
    if m.source != "title":
        return False
    first = normalize(m.text.split()[0]) if m.text else ""
    return first == noun or first[1:] == noun  # («والمبعوثة»)
