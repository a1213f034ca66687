"""The gazetteer: well-known people, places, organizations and topics, read from data.

Tables (``extract/data``):

- ``gazetteer_people.tsv``  key, type, ar, en, wikidata, role
- ``gazetteer_places.tsv``  key, type, ar, en, wikidata, nisba, in, capital_of
- ``gazetteer_orgs.tsv``    key, type, ar, en, wikidata, country, kind
  (``kind`` ``outlet``: a news agency or outlet, the source of reports)
- ``topics.tsv``            key, label_ar, label_en, patterns

``ar``, ``nisba`` and ``patterns`` hold ``|``-separated spellings, the first
being the one shown. Everything is matched in normalized form.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType

from ..arabic import accusative, normalize_phrase
from ..grammar import per_word
from ..model import Entity, EntityType
from ..resources import read_tsv, split_variants

__all__ = ["Gazetteer", "PhraseIndex", "nisba_adjectives"]

TOPIC_PREFIX = "topic-"
_STARTS_LIMIT = 200_000   # words whose readings a PhraseIndex remembers


@dataclass
class PhraseIndex:
    """Token-sequence lookup: first token → {phrase tuple → value}, longest first."""

    by_first: dict[str, dict[tuple[str, ...], str]] = field(default_factory=dict)
    max_len: int = 1
    _starts: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)
    # every phrase's leading words, two or more (the whole phrase included)
    _leading: set[tuple[str, ...]] = field(default_factory=set, repr=False, compare=False)

    def add(self, phrase: str, value: str) -> None:
        # «فرانك-فالتر»: the tokenizer makes the hyphen a word of its own
        words = tuple(normalize_phrase(phrase).split()) if "-" not in phrase else \
            tuple(w for part in phrase.replace("-", " - ").split()
                  for w in ([part] if part == "-" else normalize_phrase(part).split()))
        if not words:
            return
        self.by_first.setdefault(words[0], {}).setdefault(words, value)
        self.max_len = max(self.max_len, len(words))
        self._leading.update(words[:n] for n in range(2, len(words) + 1))
        self._starts.clear()

    def starting(self, word: str, readings: Callable[[str], Iterable[str]]) -> tuple[str, ...]:
        """The readings of *word* (``readings(word)``, e.g. with and without a
        proclitic) that start a phrase; remembered per word, since most words
        start none and the same words come back in every text.
        """
        found = self._starts.get(word)
        if found is None:
            if len(self._starts) >= _STARTS_LIMIT:
                self._starts.clear()
            found = self._starts[word] = tuple(r for r in readings(word) if r in self.by_first)
        return found

    def starts(self, words: Sequence[str], readings: Callable[[str], Iterable[str]]) -> list[tuple[str, ...]]:
        """:meth:`starting` of each of *words* (a sentence's), in one pass."""
        return per_word(words, self._starts.get, lambda word: self.starting(word, readings))

    def first_words(self) -> set[str]:
        return set(self.by_first)

    def words(self) -> set[str]:
        return {w for group in self.by_first.values() for phrase in group for w in phrase}

    def match(self, first: str, rest: list[str]) -> tuple[int, str] | None:
        """Longest phrase starting with the word *first* followed by words *rest*.

        Returns:
            (number of words, value) or None.
        """
        group = self.by_first.get(first)
        if not group:
            return None
        found = None
        phrase = (first,)
        for word in rest[:self.max_len - 1]:   # longer, while some phrase begins so
            value = group.get(phrase)
            if value is not None:
                found = len(phrase), value
            phrase += (word,)
            if phrase not in self._leading:
                return found
        value = group.get(phrase)
        return (len(phrase), value) if value is not None else found


@cache
def nisba_adjectives() -> Mapping[str, str]:
    """Normalized nisba adjective («التركي», «الأميركية») → the key of its country
    (``gazetteer_places.tsv`` and ``nisba_extra.tsv``; the first listed wins)."""
    found: dict[str, str] = {}
    for row in (*read_tsv("gazetteer_places.tsv"), *read_tsv("nisba_extra.tsv")):
        for adj in split_variants(row.get("nisba", "")):
            found.setdefault(normalize_phrase(adj), row["key"])
    return MappingProxyType(found)


class Gazetteer:
    """Entities, their spellings, nisba adjectives, offices and containment."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.names = PhraseIndex()
        self.topics = PhraseIndex()
        self.nisba: dict[str, str] = {}            # normalized adjective → country key
        self.roles: dict[str, list[tuple[str, str]]] = {}  # person key → [(relation, object key)]
        self._holders: dict[tuple[str, str], list[str]] | None = None  # (relation, object) → people
        self.container: dict[str, str] = {}         # place key → containing place key
        self.org_country: dict[str, str] = {}
        self.outlets: set[str] = set()              # news agencies and outlets (kind «outlet»)
        self._load()

    # -- loading -----------------------------------------------------------
    def _add_entity(self, row: dict[str, str], etype: EntityType) -> str:
        key = row["key"]
        spellings = split_variants(row.get("ar", ""))
        if not key or not spellings:
            return ""
        self.entities[key] = Entity(key, etype, spellings[0], row.get("en", ""),
                                    tuple(spellings[1:]), row.get("wikidata", ""))
        for s in spellings:
            self.names.add(s, key)
        return key

    def _load(self) -> None:
        for row in read_tsv("gazetteer_people.tsv"):
            key = self._add_entity(row, EntityType.PERSON)
            for role in split_variants(row.get("role", "")):
                rel, _, obj = role.partition(":")
                if key and rel and obj:
                    self.roles.setdefault(key, []).append((rel.strip(), obj.strip()))
        for row in read_tsv("gazetteer_places.tsv"):
            etype = EntityType(row.get("type") or "Country")
            key = self._add_entity(row, etype)
            if key and row.get("in"):
                self.container[key] = row["in"]
        self.nisba.update(nisba_adjectives())
        for row in read_tsv("gazetteer_orgs.tsv"):
            key = self._add_entity(row, EntityType.ORGANIZATION)
            if key and row.get("country"):
                self.org_country[key] = row["country"]
            if key and row.get("kind") == "outlet":
                self.outlets.add(key)
        for row in read_tsv("topics.tsv"):
            key = TOPIC_PREFIX + row["key"].replace("_", "-")
            patterns = split_variants(row.get("patterns", ""))
            label = row.get("label_ar") or (patterns[0] if patterns else "")
            if not label:
                continue
            # the altLabels: phrases only; a bare «السلام» or «هدنة» names no topic on its
            # own for whoever reads the graph, and «سلام» is also a surname
            self.entities[key] = Entity(key, EntityType.TOPIC, label, row.get("label_en", ""),
                                        tuple(p for p in patterns if p != label and " " in p.strip()))
            for p in [label, *patterns]:
                self.topics.add(p, key)
                if acc := accusative(normalize_phrase(p)):  # «رفض بوتين وقفاً شاملاً لإطلاق النار»
                    self.topics.add(acc, key)

    # -- queries -----------------------------------------------------------
    def lexicon(self) -> set[str]:
        """Every normalized word of every name, nisba and topic (for clitic splitting)."""
        words = self.names.words() | self.topics.first_words()
        words |= {w for adj in self.nisba for w in adj.split()}
        return words

    def nisba_at(self, words: Sequence[str], j: int) -> tuple[str, int]:
        """The country of the nationality adjective of one or two normalized *words* at
        *j* («الروسي», «الكوري الشمالي») and the index after it; ("", j) if none."""
        if j + 1 < len(words) and (country := self.nisba.get(words[j] + " " + words[j + 1])):
            return country, j + 2
        if j < len(words) and words[j] in self.nisba:
            return self.nisba[words[j]], j + 1
        return "", j

    def holder(self, relation: str, obj: str) -> list[str]:
        """People whose listed office is (relation, obj), e.g. ('presidentOf', 'russia')."""
        holders = self._holders
        if holders is None:     # the roles are read once, at load: index them on first use
            holders = self._holders = {}
            for person in sorted(self.roles):
                for role in dict.fromkeys(self.roles[person]):
                    holders.setdefault(role, []).append(person)
        return list(holders.get((relation, obj), ()))

    def country_of(self, key: str) -> str:
        """The country a place or organization belongs to, or ''."""
        seen = set()
        while key and key not in seen:
            seen.add(key)
            ent = self.entities.get(key)
            if ent and ent.type is EntityType.COUNTRY:
                return key
            key = self.container.get(key) or self.org_country.get(key, "")
        return ""
