"""Link the entities of many articles into one set of canonical entities.

Gazetteer entities already carry their canonical key. Names discovered in the
text get a key from their normalized spelling, so the same name in two
articles is one entity; a lone surname («فيدوروف») joins the one full name
that ends with it («إيفان فيدوروف»), and a name already known (from a store
the graph is growing in) keeps the key it had.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import chain

from ..arabic import normalize_phrase
from ..entities.gazetteer import Gazetteer
from ..model import Article, Doc, Entity, EntityType, Extraction, Fact, Quote, Tally
from ..spool import SPOOL_LIMIT, Spool

__all__ = ["Linker", "Summary"]


@dataclass(frozen=True, slots=True)
class Summary:
    """What linking needs of one extracted article, and nothing more.

    No sentences, tokens or article text: a corpus is linked from these, so
    memory grows with the entities and facts found, not with the text read.

    Attributes:
        article: The article, its ``text`` emptied.
        mentions: Keys of the entities it mentions, in first-mention order.
        entities: The entities the article itself found for those keys and
            for the keys of its facts (from a worker process, less those
            it sent with an earlier article: see :mod:`~..parallel`; from a
            Dask task, with an earlier article of the task: :mod:`~..cluster`).
        facts: Its facts of every status, in sentence order.
        quotes: Its quotes.
    """

    article: Article
    mentions: tuple[str, ...]
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    quotes: tuple[Quote, ...]

    @classmethod
    def of(cls, doc: Doc) -> "Summary":
        """Keep of *doc* what :class:`Linker` reads."""
        keys = tuple(dict.fromkeys(m.key for m in doc.mentions if m.key))
        named = dict.fromkeys(keys + tuple(k for f in doc.facts for k in (f.subject, f.object)))
        return cls(replace(doc.article, text=""), keys,
                   tuple(doc.entities[k] for k in named if k in doc.entities),
                   tuple(doc.facts), tuple(doc.quotes))


class Linker:
    """Merge per-article entities, facts and quotes into an :class:`Extraction`.

    Args:
        gazetteer: Source of topic and listed entities.
        known: Entities known before this run (e.g. from the store being extended).
        spool_limit: Articles, facts or quotes kept in memory before they
            wait in a temporary file (see :class:`~rawabit.extract.spool.Spool`).
    """

    def __init__(self, gazetteer: Gazetteer | None = None, known: Iterable[Entity] = (), *,
                 spool_limit: int = SPOOL_LIMIT):
        self.gaz = gazetteer
        self.known = {e.key: e for e in known}
        self.spool_limit = spool_limit
        self._entities: dict[str, Entity] = dict(self.known)
        self._pending: Spool[Summary] = self._spool()

    def _spool(self) -> Spool:
        return Spool(limit=self.spool_limit)

    def add(self, doc: Doc | Summary) -> None:
        """Take in one extracted article; only its :class:`Summary` is kept."""
        summary = doc if isinstance(doc, Summary) else Summary.of(doc)
        found = {e.key: e for e in summary.entities}
        keys = chain(summary.mentions, (k for f in summary.facts for k in (f.subject, f.object)))
        for key in keys:  # facts may name a country only by its adjective («إسطنبول التركية»)
            if key not in self._entities:
                ent = found.get(key) or (self.gaz.entities.get(key) if self.gaz else None)
                if ent is not None:
                    self._entities[key] = ent
        self._pending.append(summary)

    def link(self, docs: Iterable[Doc | Summary]) -> Extraction:
        """Add every doc (see :meth:`add`) and return :meth:`finish`."""
        for doc in docs:
            self.add(doc)
        return self.finish()

    def finish(self) -> Extraction:
        """Link what :meth:`add` took in, in the order added, and start afresh.

        Memory holds the entities; articles, facts and quotes of a big corpus
        wait in temporary files (see :class:`~rawabit.extract.spool.Spool`).

        Returns:
            The articles (without text), linked entities, facts and quotes.
        """
        entities, docs = self._entities, self._pending
        self._entities, self._pending = dict(self.known), self._spool()
        remap = _surname_map(entities)
        out = Extraction(articles=self._spool(), entities={}, facts=self._spool(), quotes=self._spool(),
                         counts=Tally())
        used: set[str] = set()
        counted: set[str] = set()   # articles whose statements are counted: a text read twice counts once
        for doc in docs:
            out.articles.append(doc.article)
            count = out.counts.fact if doc.article.id not in counted else None
            counted.add(doc.article.id)
            keys = {remap.get(k, k) for k in doc.mentions}
            # one string object per key, however many articles mention it; in a sorted
            # tuple, a ninth of a set's memory (23 keys an article: 0.2 KB, not 2.1 KB)
            mentioned = tuple(sorted(sys.intern(k) for k in keys if k in entities))
            out.mentions[doc.article.id] = mentioned
            used.update(mentioned)
            seen: set[tuple] = set()
            specific = {(f.sentence, frozenset((f.subject, f.object))) for f in doc.facts
                        if f.relation in ("met", "phoned")}
            for f in doc.facts:
                if f.relation == "talkedWith" and (f.sentence, frozenset((f.subject, f.object))) in specific:
                    continue
                if f.subject in remap or f.object in remap:  # replace() is slow: only when a key changes
                    f = replace(f, subject=remap.get(f.subject, f.subject), object=remap.get(f.object, f.object))
                ident = (f.subject, f.relation, f.object, f.status, f.sentence)
                if ident in seen or f.subject == f.object or f.subject not in entities or f.object not in entities:
                    continue
                seen.add(ident)   # what a statement IRI hashes, less the article: one statement each
                used.update((f.subject, f.object))
                out.facts.append(f)
                if count is not None:
                    count(f)
            for q in doc.quotes:
                speaker = remap.get(q.speaker, q.speaker)
                if speaker in entities:
                    used.add(speaker)
                    out.quotes.append(replace(q, speaker=speaker) if speaker != q.speaker else q)
        out.entities = {k: entities[k] for k in sorted(used) if k in entities}
        docs.close()
        return out


def _surname_map(entities: dict[str, Entity]) -> dict[str, str]:
    """Map a one-word person name to the only longer person name that ends with it."""
    by_last: dict[str, set[str]] = {}
    single: list[tuple[str, str]] = []   # (key, word) of the one-word names without a Wikidata id
    for e in entities.values():
        if e.type is not EntityType.PERSON:
            continue
        label = normalize_phrase(e.label_ar).split()
        if len(label) == 1 and not e.wikidata:
            single.append((e.key, label[0]))
        for words in (label, *(normalize_phrase(alias).split() for alias in e.aliases)):
            if len(words) > 1:
                by_last.setdefault(words[-1], set()).add(e.key)
    remap = {}
    for key, word in single:
        owners = by_last.get(word, set()) - {key}
        if len(owners) == 1:
            remap[key] = next(iter(owners))
    return remap
