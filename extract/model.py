"""The plain objects that flow out of extraction.

Every stage of :mod:`rawabit.extract` reads and writes these; nothing here knows
RDF. Offsets are character offsets into :attr:`Article.text`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field, fields
from operator import attrgetter
from enum import Enum
from typing import NamedTuple

__all__ = [
    "EntityType", "Status", "Article", "Token", "Sentence", "Mention",
    "Entity", "Fact", "Quote", "Doc", "Tally", "Extraction",
]


def _pickled_by_fields(cls):
    """Pickle a frozen dataclass as its constructor and field values.

    The default for a frozen, slotted dataclass restores each field through
    ``object.__setattr__`` after looking the fields up again, several times
    slower; facts and summaries cross process and spool boundaries by the
    million in a big build.
    """
    get = attrgetter(*(f.name for f in fields(cls)))
    cls.__reduce__ = lambda self: (cls, get(self))
    return cls


class EntityType(str, Enum):
    """Classes of the ontology that a mention can have."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    COUNTRY = "Country"
    CITY = "City"
    REGION = "Region"
    TOPIC = "Topic"

    @property
    def is_place(self) -> bool:
        return self in (EntityType.COUNTRY, EntityType.CITY, EntityType.REGION)

    @property
    def is_agent(self) -> bool:
        """Persons, organizations and the places that act through governments."""
        return self is not EntityType.TOPIC


class Status(str, Enum):
    """How a statement is made: only ``ASSERTED`` ones become plain triples."""

    ASSERTED = "asserted"
    DENIED = "denied"          # لم، لن، نفى
    POSSIBLE = "possible"      # قد، ربما، من الممكن
    PLANNED = "planned"        # من المقرر، سـ، يعتزم، المرتقبة
    DESIRED = "desired"        # يرغب في، يريد، يسعى إلى
    CONDITIONAL = "conditional"  # إذا، لو، في حال
    QUESTIONED = "questioned"  # هل


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Article:
    """One news article read from a file.

    Attributes:
        id: Stable id: a short hash of the article's text.
        path: The file it came from, as given by the user.
        text: The cleaned article text (title first, when known).
        title: The headline, or ``""``.
        part: Position of the article inside its file (0 for the first).
        date: When it was published: an ISO date or date-time, or ``""``.
        url: Where it was published, or ``""``.
        source: The outlet that published it, or ``""``.
    """

    id: str
    path: str
    text: str
    title: str = ""
    part: int = 0
    date: str = ""
    url: str = ""
    source: str = ""


class Token(NamedTuple):
    """A word or punctuation mark (a named tuple: made for every word, so made cheaply).

    Attributes:
        text: The surface form as in the article.
        start, end: Character offsets in the article.
        norm: Dediacritized, normalized form used for matching.
        base: ``norm`` with proclitics (و، ف، ب، ل، ك، ال…) removed where the
            rest is a known word or name; otherwise ``norm``.
        prefix: The proclitics removed from ``norm`` to give ``base``.
    """

    text: str
    start: int
    end: int
    norm: str
    base: str
    prefix: str = ""

    @property
    def is_punct(self) -> bool:
        text = self.text
        return not (text.isalnum() or any(ch.isalnum() for ch in text))


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its tokens; offsets are into the article."""

    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...] = ()


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Mention:
    """A span naming an entity or topic.

    Attributes:
        sentence: Index of the sentence holding the span.
        first, last: Token indexes (inclusive, exclusive) inside the sentence.
        start, end: Character offsets in the article.
        text: The surface text of the span.
        type: Class of the entity named.
        key: Canonical entity key (see :class:`Entity`).
        source: What found it: ``gazetteer``, ``title``, ``ner``, ``coref``…
        confidence: 0–1.
    """

    sentence: int
    first: int
    last: int
    start: int
    end: int
    text: str
    type: EntityType
    key: str
    source: str = "gazetteer"
    confidence: float = 1.0


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity or topic.

    Attributes:
        key: Stable key, e.g. ``vladimir-putin`` or ``topic-ceasefire``; one
            key names one entity across all articles.
        type: Its class.
        label_ar: The Arabic name to show.
        label_en: The English name, when known.
        aliases: Other Arabic spellings seen or listed.
        wikidata: Wikidata Q-id for well-known entities, e.g. ``Q7747``.
    """

    key: str
    type: EntityType
    label_ar: str
    label_en: str = ""
    aliases: tuple[str, ...] = ()
    wikidata: str = ""


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Fact:
    """A subject–relation–object statement found in one sentence.

    Attributes:
        subject, object: Entity keys.
        relation: Local name of the ontology property, e.g. ``met``.
        status: Whether the text asserts, denies, plans… the statement.
        article: Id of the article.
        sentence: Index of the sentence in the article.
        start, end: Character offsets of the evidence span in the article.
        evidence: The sentence text.
        rule: Name of the rule or model that found it.
        confidence: 0–1.
        date: When the statement happened or is to happen, as ISO
            ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (its precision); ``""`` if
            its sentence does not say (see :mod:`~rawabit.extract.time.timing`).
    """

    subject: str
    relation: str
    object: str
    status: Status
    article: str
    sentence: int
    start: int
    end: int
    evidence: str
    rule: str
    confidence: float = 0.8
    date: str = ""


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Quote:
    """Something an entity said (quoted or reported)."""

    speaker: str
    text: str
    article: str
    sentence: int
    start: int
    end: int
    direct: bool = True


@dataclass(slots=True)
class Doc:
    """An article under analysis; each pipeline component fills a part of it."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


class Tally:
    """How many statements an extraction's facts make, each counted once: the counts
    its graph carries (see :mod:`rawabit.graph.build`).

    Attributes:
        articles: Article id -> [statements, asserted statements] it gives
            (``rwb:statementCount``, ``rwb:assertedCount``).
        named: Entity key -> statements naming it as subject or object
            (``rwb:namedInStatements``; a statement naming it twice counts once).
        statuses: Status value -> its statements (``rwb:statementCount`` of the status).
        rules: Rule name -> its statements (``rwb:statementCount`` of the ``rwb:Rule``).
    """

    def __init__(self) -> None:
        self.articles: dict[str, list[int]] = {}
        self.named: Counter[str] = Counter()
        self.statuses: Counter[str] = Counter()
        self.rules: Counter[str] = Counter()

    def of_article(self, article_id: str) -> list[int]:
        """[statements, asserted] of the article; zeros if it gives none."""
        return self.articles.get(article_id) or [0, 0]

    def fact(self, fact: Fact) -> None:
        """Count *fact*'s statement (the caller sees that each is counted once)."""
        counts = self.articles.get(fact.article)
        if counts is None:
            counts = self.articles[fact.article] = [0, 0]
        counts[0] += 1
        if fact.status == Status.ASSERTED:  # a str enum: equal to its value too
            counts[1] += 1
        self.statuses[Status(fact.status).value] += 1
        self.rules[fact.rule] += 1
        named = self.named
        named[fact.subject] = named.get(fact.subject, 0) + 1
        if fact.object != fact.subject:
            named[fact.object] = named.get(fact.object, 0) + 1


@dataclass(slots=True)
class Extraction:
    """What extraction found in a whole corpus, with entities linked across articles.

    A linked corpus holds its articles, facts and quotes in
    :class:`~rawabit.extract.spool.Spool` objects (lists that move to a temporary
    file when they grow large); anything that walks them in order works on both.

    Attributes:
        articles: The articles, in input order.
        entities: Canonical entities and topics by key.
        facts: Facts of every status, in article and sentence order.
        quotes: Quotations and reported speech.
        mentions: Article id -> keys of the entities it mentions (linking gives
            them sorted, in a tuple; any collection of keys will do).
        counts: The :class:`Tally` of *facts* when linking made it (it counts
            as the facts are linked, sparing a big corpus another pass over
            them); ``None`` when not known. Code that changes *facts* must set
            it back to ``None``.
    """

    articles: list[Article] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    mentions: dict[str, Collection[str]] = field(default_factory=dict)
    counts: Tally | None = None
