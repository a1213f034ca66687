"""A person named in full once, then by one name: «غوستافو بيترو … انتقد بيترو واشنطن».

News gives a person's full name (often after a title) the first time and
then only the family name («تيتيه», «الدبيبة») or, for some, the name that
comes first («كيم»). :class:`ShortNames` learns, sentence by sentence, the
single names of each person the article has named in full (the first and last
word of each listed spelling: «لولا» from «لولا دا سيلفا»), and adds a
mention wherever one stands alone later (with or without a proclitic:
«وبيترو», «لتيتيه»). A word that two people of the article share, a common
given name in first place («محمد»; «بيترو» last is a family name; but not for
people of the countries that write the family name first, ``family_name_first.tsv``:
«كيم» of «كيم جونغ أون») or a
frequent word («السادس») is not taken as anyone.
A place or body that only one sentence's context revealed (the recogniser's,
or a kind noun's: «مدينة سراقب») is found again wherever its name stands
later in the article («ووصل الوفد إلى سراقب»), in the same pass over the words.
The look-up is a dictionary filled as the article is read, so the work is
linear in its length.
"""
from __future__ import annotations

from itertools import compress
from operator import not_

from ..arabic import normalize_phrase
from ..reading.clitics import CliticSplitter
from ..doc_index import index_of
from ..entities.gazetteer import Gazetteer
from ..entities.mentions import _mention
from ..grammar import norm_of
from ..model import Doc, EntityType
from ..resources import read_tsv, word_set

__all__ = ["ShortNames"]

#: Sources of mentions whose full name is learnt.
_NAMED = frozenset({"gazetteer", "title", "title-name", "ner"})
#: Sources of places and bodies that only the context of one sentence revealed.
_RECOGNISED = frozenset({"ner", "headed"})
#: Shortest single name taken.
_MIN_LETTERS = 3
#: Spellings whose single names are remembered.
_REMEMBERED = 100_000


class ShortNames:
    """Pipeline component: mentions of a person by one of the names the article gave in full."""

    name = "short_names"

    def __init__(self, gazetteer: Gazetteer, splitter: CliticSplitter):
        self.gaz = gazetteer
        self.splitter = splitter
        self.given = frozenset(normalize_phrase(r["name"]) for r in read_tsv("given_names.tsv"))
        self.not_names = word_set("common_words.tsv") | word_set("function_words.tsv")
        self.family_first = frozenset(r["country"] for r in read_tsv("family_name_first.tsv"))
        self._singles: dict[str, tuple[tuple[str, bool], ...]] = {}

    def __call__(self, doc: Doc) -> Doc:
        index, readings = index_of(doc), self.splitter.candidates
        short: dict[str, str] = {}       # single name -> person key ("" when two share it)
        found: dict[str, list[tuple[tuple[str, ...], str, EntityType]]] = {}   # first word -> recognised names
        learnt: set[str] = set()
        wanted: set[str] = set()   # the single names and first words learnt so far
        for sent in doc.sentences:
            toks = sent.tokens
            if wanted:
                taken = None
                known, after = short.get, 0
                # the words with a reading among them, found without a Python loop: most words have none
                misses = map(wanted.isdisjoint, map(readings, map(norm_of, toks)))
                for j in compress(range(len(toks)), map(not_, misses)):
                    if taken is None:
                        taken = {t for m in index.mentions(sent.index) for t in range(m.first, m.last)}
                    if j < after or j in taken:
                        continue
                    rs = readings(toks[j].norm)
                    key = next((key for r in rs if (key := known(r))), "")
                    if key:
                        doc.mentions.append(_mention(sent, j, j + 1, EntityType.PERSON, key, "short-name", 0.8))
                    elif found and any(r in found for r in rs) and \
                            (again := self._again(toks, j, taken, found)) is not None:
                        end, key, etype = again   # «مدينة تيانجين … وصل إلى تيانجين»: the same place again
                        doc.mentions.append(_mention(sent, j, end, etype, key, "repeated", 0.7))
                        after = end
            before = len(learnt)
            for m in index.mentions(sent.index):
                if m.type is EntityType.PERSON and m.key and m.key not in learnt and m.source in _NAMED:
                    learnt.add(m.key)
                    self._learn(doc, m.key, short, sent.index)
                elif m.type is not EntityType.PERSON and m.key and m.source in _RECOGNISED and m.key not in learnt:
                    learnt.add(m.key)
                    self._learn_name(sent, m, found)
            if len(learnt) > before:
                wanted = short.keys() | found.keys()
        return doc

    def _learn_name(self, sent, m, found: dict) -> None:
        """Remember the words of a place or body the recogniser found, proclitics off («بتيانجين»)."""
        toks = sent.tokens
        words = tuple([toks[m.first].base or toks[m.first].norm] + [t.norm for t in toks[m.first + 1:m.last]])
        if len(words) == 1 and (len(words[0]) < _MIN_LETTERS or words[0] in self.not_names):
            return
        found.setdefault(words[0], []).append((words, m.key, m.type))

    def _again(self, toks, j: int, taken: set[int], found: dict) -> tuple[int, str, EntityType] | None:
        """(end, key, class) of a name remembered by :meth:`_learn_name` that starts at token *j*, or None."""
        for reading in self.splitter.candidates(toks[j].norm):
            for words, key, etype in found.get(reading, ()):
                end = j + len(words)
                if end <= len(toks) and all(toks[k].norm == w and k not in taken
                                            for k, w in zip(range(j + 1, end), words[1:])):
                    return end, key, etype
        return None

    def _learn(self, doc: Doc, key: str, short: dict[str, str], sentence: int) -> None:
        ent = doc.entities.get(key) or self.gaz.entities.get(key)
        if ent is None:
            return
        family_first = None   # worked out only for a common given name in first place
        for spelling in (ent.label_ar, *ent.aliases):   # «لولا دا سيلفا» beside the full «لويس إيناسيو …»
            for word, given in self._single_names(spelling):
                if given:
                    if family_first is None:
                        family_first = self._family_first(doc, key, sentence)
                    if not family_first:
                        continue  # a first name others share; last names stand
                short[word] = key if short.get(word, key) == key else ""

    def _family_first(self, doc: Doc, key: str, sentence: int) -> bool:
        """Whether the person *key* is of a country that writes the family name first
        («كيم جونغ أون»), by the gazetteer's roles or the facts of the sentence."""
        return any(obj in self.family_first for _, obj in self.gaz.roles.get(key, ())) or any(
            f.subject == key and f.object in self.family_first for f in index_of(doc).facts(sentence))

    def _single_names(self, spelling: str) -> tuple[tuple[str, bool], ...]:
        """The first and last word of a spelling of two or more words that may stand alone
        as its bearer's name, each with whether it is a common given name in first place
        (remembered per spelling: the same people come back in every text)."""
        found = self._singles.get(spelling)
        if found is None:
            if len(self._singles) >= _REMEMBERED:
                self._singles.clear()
            words = normalize_phrase(spelling).split()
            found = self._singles[spelling] = () if len(words) < 2 else tuple(
                (word, word == words[0] and word in self.given) for word in dict.fromkeys((words[0], words[-1]))
                if len(word) >= _MIN_LETTERS and word not in self.not_names and word.isalpha())
        return found
