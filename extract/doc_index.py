"""A Doc's mentions and facts by sentence, kept up to date as components add them.

Components ask, for each sentence, what was found in it or just before it
(«the person named last», «the meeting stated in the sentence before»). A scan
of ``doc.mentions`` or ``doc.facts`` for each question costs time in
proportion to the whole article, so a long report or transcript would cost
its length squared. :func:`index_of` answers from an index that takes in only
what was appended since the last question, and look-backs across sentences
stop after :data:`LOOKBACK` sentences, so the work per sentence does not grow
with the article.

Components append to ``doc.mentions`` and ``doc.facts``; a component that
replaces either list (``doc.facts = kept``) makes the index start afresh.
Only the latest Doc's index is kept: a pipeline reads one article at a time
in each component.
"""
from __future__ import annotations

from collections.abc import Iterator

from .model import Doc, EntityType, Fact, Mention

__all__ = ["LOOKBACK", "DocIndex", "index_of"]

#: Most sentences a reference is looked for back from the sentence it is in.
LOOKBACK = 20

_EMPTY: tuple = ()


class DocIndex:
    """Mentions and facts of one Doc, by sentence and by what they say.

    Attributes:
        units: Sentence -> its widest mentions (filled by
            :func:`~rawabit.extract.entities.mentions.units`; :meth:`sync` drops a
            sentence's entry when a mention was added to it).
    """

    __slots__ = ("doc", "_mentions", "_m_seen", "_facts", "_f_seen", "_m_by_sentence", "_f_by_sentence",
                 "_holders", "_people", "units")

    def __init__(self, doc: Doc):
        self.doc = doc
        self._reset_mentions()
        self._reset_facts()

    def _reset_mentions(self) -> None:
        self._mentions: list[Mention] = self.doc.mentions
        self._m_seen = 0
        self._m_by_sentence: dict[int, list[Mention]] = {}
        self._people: set[str] = set()
        self.units: dict[int, tuple[Mention, ...]] = {}

    def _reset_facts(self) -> None:
        self._facts: list[Fact] = self.doc.facts
        self._f_seen = 0
        self._f_by_sentence: dict[int, list[Fact]] = {}
        self._holders: dict[tuple[str, str], set[str]] = {}

    def sync(self) -> None:
        """Take in what was appended to the Doc's mentions and facts since the last call."""
        doc = self.doc
        mentions, facts = doc.mentions, doc.facts
        if mentions is self._mentions and facts is self._facts and len(mentions) == self._m_seen \
                and len(facts) == self._f_seen:
            return      # (most calls: nothing new)
        if mentions is not self._mentions or len(mentions) < self._m_seen:
            self._reset_mentions()
        if len(mentions) > self._m_seen:
            by, units, people = self._m_by_sentence, self.units, self._people
            for m in mentions[self._m_seen:]:
                by.setdefault(m.sentence, []).append(m)
                units.pop(m.sentence, None)
                if m.type is EntityType.PERSON:
                    people.add(m.key)
            self._m_seen = len(mentions)
        if facts is not self._facts or len(facts) < self._f_seen:
            self._reset_facts()
        if len(facts) > self._f_seen:
            by_f, holders = self._f_by_sentence, self._holders
            for f in facts[self._f_seen:]:
                by_f.setdefault(f.sentence, []).append(f)
                holders.setdefault((f.relation, f.object), set()).add(f.subject)
            self._f_seen = len(facts)

    def mentions(self, sentence: int) -> list[Mention] | tuple:
        """The mentions of a sentence, in the order they were added (do not change the list)."""
        self.sync()
        return self._m_by_sentence.get(sentence, _EMPTY)

    def facts(self, sentence: int) -> list[Fact] | tuple:
        """The facts of a sentence, in the order they were added (do not change the list)."""
        self.sync()
        return self._f_by_sentence.get(sentence, _EMPTY)

    def mentions_back(self, sentence: int, *, window: int = LOOKBACK) -> Iterator[list[Mention] | tuple]:
        """The mentions of *sentence*, then of each sentence before it, up to *window* back."""
        for s in range(sentence, max(sentence - window, 0) - 1, -1):
            self.sync()     # (a caller may add mentions between two sentences)
            yield self._m_by_sentence.get(s, _EMPTY)

    def subjects(self, relation: str, obj: str) -> set[str]:
        """Every subject of a fact ``(?, relation, obj)`` in the Doc (do not change the set)."""
        self.sync()
        return self._holders.get((relation, obj), set())

    def people(self) -> set[str]:
        """Keys of every person mentioned in the Doc (do not change the set)."""
        self.sync()
        return self._people


class _Latest:
    __slots__ = ("index",)

    def __init__(self) -> None:
        self.index: DocIndex | None = None


_LATEST = _Latest()


def index_of(doc: Doc) -> DocIndex:
    """The index of *doc*'s mentions and facts, up to date with what was appended to them."""
    index = _LATEST.index
    if index is None or index.doc is not doc:
        index = _LATEST.index = DocIndex(doc)
    return index
