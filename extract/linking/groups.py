"""A group of people or places taken up by a plural or dual noun: «القادة الثلاثة», «بالزعيمين»,
«المناطق الثلاث الأخرى».

«… شي وبوتين وكيم … اتهم ترمب القادة الثلاثة بالتآمر»: the three leaders are
the last three people named. :class:`PeopleGroups` (before the relation
finder) gives such a noun (``group_nouns.tsv``) one mention, keyed by the
most recent of its members, when the last :data:`~..doc_index.LOOKBACK`
sentences name that many people; a noun of places (``type`` column) takes up
the last places of its class the same way, and «الأخرى» after it leaves out
those its own sentence named. :class:`GroupFacts` (after it) states each fact
the group takes part in for every member.
"""
from __future__ import annotations

from dataclasses import replace
from itertools import compress

from ..arabic import normalize_phrase
from ..reading.clitics import CliticSplitter
from ..doc_index import index_of
from ..entities.mentions import _mention
from ..model import Doc, EntityType, Sentence
from ..grammar import WORDS, norm_of, per_word
from ..relations.participants import PUNCT_BOUNDARY
from ..resources import read_tsv

__all__ = ["PeopleGroups", "GroupFacts"]


#: Offices a group noun may say its members hold (``office`` column of ``group_nouns.tsv``).
_REMEMBERED = 200_000   # words whose answer to «may a group noun start here» is remembered
_OFFICES = {"head": frozenset({"presidentOf", "leaderOf"}), "minister": frozenset({"ministerOf"})}


class PeopleGroups:
    """Pipeline component: one mention for a noun that takes up the last N people named."""

    name = "groups"

    def __init__(self, splitter: CliticSplitter):
        self.splitter = splitter
        self.nouns = {tuple(normalize_phrase(r["word"]).split()):
                      (int(r["count"]), EntityType(r.get("type") or "Person"), _OFFICES.get(r.get("office", ""), frozenset()))
                      for r in read_tsv("group_nouns.tsv")}
        self._pair_firsts = frozenset(words[0] for words in self.nouns if len(words) == 2)
        self._opens: dict[str, bool] = {}
        #: (article id, sentence, key of the group's mention) -> every member's key
        self.members: dict[tuple[str, int, str], tuple[str, ...]] = {}

    def lexicon(self) -> set[str]:
        return {w for words in self.nouns for w in words}

    def __call__(self, doc: Doc) -> Doc:
        index, readings = index_of(doc), self.splitter.candidates
        held: dict[str, set[str]] | None = None   # person -> the offices the article's titles give
        opens, may_open = self._opens.get, self._may_open
        for sent in doc.sentences:
            toks = sent.tokens
            flags = per_word(list(map(norm_of, toks)), opens, may_open)
            if not any(flags):
                continue    # (most sentences)
            taken = None
            for j in compress(range(len(toks)), flags):
                tok = toks[j]
                nxt = toks[j + 1].norm if j + 1 < len(toks) else ""
                found = self._noun(tok.norm, nxt, readings)
                if found is None:
                    continue
                length, count, etype, offices = found
                if taken is None:
                    taken = {t for m in index.mentions(sent.index) for t in range(m.first, m.last)}
                if taken & set(range(j, j + length)):
                    continue
                # «المناطق الثلاث الأخرى»: none of those the sentence named before it
                other = j + length < len(toks) and toks[j + length].norm in WORDS.other
                if offices and held is None:
                    held = {}
                    for f in doc.facts:
                        if f.rule == "role.title":
                            held.setdefault(f.subject, set()).add(f.relation)
                # «القادة الثلاثة»: not a minister the article named among them
                unfit = {p for p, rels in (held or {}).items() if offices and not rels & offices}
                people = self._last_people(doc, sent, j, count, etype, other=other, unfit=unfit)
                if people:
                    doc.mentions.append(_mention(sent, j, j + length, etype, people[0], "group", 0.7))
                    self.members[(doc.article.id, sent.index, people[0])] = people
        return doc

    def _may_open(self, word: str) -> bool:
        """Whether a group noun may start with *word*: the first word of a noun of two, or
        a noun of one after «ب» or «ل» («بالزعيمين»), as :meth:`_noun` reads them
        (remembered per word)."""
        if len(self._opens) >= _REMEMBERED:
            self._opens.clear()
        opens = self._opens[word] = word in self._pair_firsts or \
            self._single(word, self.splitter.candidates) is not None
        return opens

    def _noun(self, word: str, nxt: str, readings) -> tuple[int, int, EntityType, frozenset[str]] | None:
        """(tokens, members, their class, the offices they hold) of a group noun starting with *word*, or None."""
        if (word, nxt) in self.nouns:
            return 2, *self.nouns[(word, nxt)]
        single = self._single(word, readings)
        return (1, *self.nouns[single]) if single is not None else None

    def _single(self, word: str, readings) -> tuple[str] | None:
        """The group noun of one word that *word* is after «ب» or «ل», as listed, or None
        (a dual only after a preposition: «بالزعيمين»)."""
        if word[:1] not in "بل":
            return None
        return next(((r,) for r in readings(word)[1:] if (r,) in self.nouns), None)

    def _last_people(self, doc: Doc, sent: Sentence, j: int, count: int, etype: EntityType = EntityType.PERSON,
                     *, other: bool = False, unfit: set[str] | frozenset = frozenset()) -> tuple[str, ...]:
        """The last *count* different people (or places of class *etype*) named before token *j*,
        latest first; () if fewer. *other*: none named in the sentence itself counts; *unfit*: keys
        left out (people whose offices the noun rules out)."""
        # the group is named before the clause it stands in: «اتهم ترمب القادة الثلاثة» leaves Trump out
        # (a date set off by commas is inside the clause: «وكان ترمب قد أجرى، الأحد، اتصالين بالزعيمين»)
        toks = sent.tokens
        clause = next((k for k in range(j - 1, -1, -1) if toks[k].text in PUNCT_BOUNDARY and not (
            toks[k].text == "،" and (k + 1 < j and toks[k + 1].norm in WORDS.time or
                                     k > 0 and toks[k - 1].norm in WORDS.time and k > 1 and toks[k - 2].text == "،"))),
                      -1)
        index = index_of(doc)
        # nor is one named in the clause a member named before it: Trump, who calls «الزعيمين», is not one
        here = {m.key for m in index.mentions(sent.index) if (other or clause < m.first) and m.first < j
                and m.type is etype}
        found: list[str] = []
        for ms in index.mentions_back(sent.index):
            named = sorted((m for m in ms if m.type is etype and m.key and m.source != "group" and m.key not in unfit
                            and m.key not in here and (m.sentence < sent.index or m.last <= clause)),
                           key=lambda m: -m.last)
            for m in named:
                if m.key not in found:
                    found.append(m.key)
                    if len(found) == count:
                        return tuple(found)
        return ()


class GroupFacts:
    """Pipeline component: each fact of a group's mention stated for every member."""

    name = "group_facts"

    def __init__(self, groups: PeopleGroups):
        self.groups = groups

    def __call__(self, doc: Doc) -> Doc:
        members = self.groups.members
        mine = {k: v for k, v in members.items() if k[0] == doc.article.id}
        if not mine:
            return doc
        for k in mine:
            del members[k]
        extra = []
        for f in doc.facts:
            if f.rule.startswith("role."):
                continue  # an office is its holder's own
            for end in ("subject", "object"):
                key = getattr(f, end)
                group = mine.get((doc.article.id, f.sentence, key))
                if group:
                    extra += [replace(f, **{end: other}) for other in group[1:]]
        seen = {(f.subject, f.relation, f.object, f.sentence) for f in doc.facts}
        for f in extra:
            ident = (f.subject, f.relation, f.object, f.sentence)
            if f.subject != f.object and ident not in seen:
                seen.add(ident)
                doc.facts.append(f)
        return doc
