"""Minting IRIs: the only place where Rawabit builds an IRI from a value.

Keys and ids coming from extraction are already slugs (``vladimir-putin``,
``ar-bwtyn``, ``a1b2c3d4e5f6``); anything outside the URI *unreserved*
characters (``A-Z a-z 0-9 - . _ ~``) is percent-encoded, so every IRI minted
here is a valid absolute IRI whatever the key holds.

Each ``*_iri`` function returns an rdflib ``URIRef``; its ``*_iri_text`` twin
returns the same IRI as a plain string, for the writers that stream the graph
without rdflib (:mod:`rawabit.graph.stream`), so they need not load it.

Example:
    >>> entity_iri("vladimir-putin")
    rdflib.term.URIRef('https://w3id.org/rawabit/id/vladimir-putin')
    >>> entity_iri("ar-بوتين")
    rdflib.term.URIRef('https://w3id.org/rawabit/id/ar-%D8%A8%D9%88%D8%AA%D9%8A%D9%86')
"""
from __future__ import annotations

import hashlib
import re
from urllib.parse import quote, unquote

from typing import TYPE_CHECKING

from rawabit.extract.model import EntityType, Fact, Quote, Status

from .namespace import PREFIXES, RELATIONS, RULE_BASE

if TYPE_CHECKING:
    from rdflib import URIRef

__all__ = [
    "entity_iri", "article_iri", "statement_iri", "quote_iri", "status_iri", "rule_iri",
    "relation_iri", "class_iri", "wikidata_iri", "entity_key", "statement_key", "quote_key",
    "entity_iri_text", "article_iri_text", "status_iri_text", "rule_iri_text", "relation_iri_text",
    "class_iri_text", "wikidata_iri_text", "HASH_LENGTH",
]

#: Hex digits kept from the SHA-256 of a statement's or quote's identity.
HASH_LENGTH = 16

_SEP = "\x1f"  # unit separator: cannot occur in keys, keeps hashed fields apart
_QID = re.compile(r"Q[1-9][0-9]*")
_RELATIONS = frozenset(RELATIONS)
_RWB, _ID, _ARTICLE, _STATEMENT, _QUOTE, _WD = (PREFIXES[p] for p in ("rwb", "id", "article", "statement", "quote", "wd"))


def _uri(text: str) -> URIRef:
    from rdflib import URIRef   # loaded only where rdflib terms are asked for
    return URIRef(text)


def _segment(value: str, what: str) -> str:
    """Percent-encode *value* as one IRI path segment.

    Raises:
        ValueError: If *value* is empty.
    """
    if not isinstance(value, str) or not value:
        raise ValueError(f"empty {what}: {value!r}")
    seg = quote(value, safe="")
    if seg in (".", ".."):  # dot segments would be removed when the IRI is resolved
        seg = seg.replace(".", "%2E")
    return seg


def _digest(*parts: object) -> str:
    text = _SEP.join(str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def entity_iri(key: str) -> URIRef:
    """Return the IRI of the entity or topic with *key*.

    Args:
        key: Entity key from extraction, e.g. ``vladimir-putin``.

    Returns:
        ``id:`` + the percent-encoded key.

    Raises:
        ValueError: If *key* is empty.
    """
    return _uri(entity_iri_text(key))


def entity_iri_text(key: str) -> str:
    """:func:`entity_iri` as a string."""
    return _ID + _segment(key, "entity key")


def entity_key(iri: str) -> str:
    """Return the entity key an IRI of :func:`entity_iri` was minted from.

    Raises:
        ValueError: If *iri* is not under the ``id:`` namespace.
    """
    base = _ID
    if not str(iri).startswith(base) or len(str(iri)) == len(base):
        raise ValueError(f"not an entity IRI: {iri}")
    return unquote(str(iri)[len(base):])


def article_iri(article_id: str) -> URIRef:
    """Return the IRI of the article with *article_id*; it also names its graph.

    Raises:
        ValueError: If *article_id* is empty.
    """
    return _uri(article_iri_text(article_id))


def article_iri_text(article_id: str) -> str:
    """:func:`article_iri` as a string."""
    return _ARTICLE + _segment(article_id, "article id")


def statement_key(fact: Fact) -> str:
    """Return the 16-hex hash naming *fact*'s statement.

    The hash covers article, sentence, subject, relation, object and status,
    so the same fact read in the same sentence always gets the same key.
    """
    status = Status(fact.status).value
    return _digest(fact.article, fact.sentence, fact.subject, fact.relation, fact.object, status)


def quote_key(q: Quote) -> str:
    """Return the 16-hex hash naming quote *q*: of article, sentence, span, speaker and text."""
    return _digest(q.article, q.sentence, q.start, q.end, q.speaker, q.text)


def statement_iri(fact: Fact) -> URIRef:
    """Return the IRI of the reified statement of *fact* (``statement:`` + 16 hex)."""
    return _uri(_STATEMENT + statement_key(fact))


def quote_iri(q: Quote) -> URIRef:
    """Return the IRI of quote *q* (``quote:`` + :func:`quote_key`)."""
    return _uri(_QUOTE + quote_key(q))


_STATUS_IRIS: dict[Status, str] = {
    Status.ASSERTED: _RWB + "Asserted",
    Status.DENIED: _RWB + "Denied",
    Status.POSSIBLE: _RWB + "Possible",
    Status.PLANNED: _RWB + "Planned",
    Status.DESIRED: _RWB + "Desired",
    Status.CONDITIONAL: _RWB + "Conditional",
    Status.QUESTIONED: _RWB + "Questioned",
}


def status_iri(status: Status | str) -> URIRef:
    """Return the ``rwb:StatementStatus`` individual of *status*.

    Raises:
        ValueError: If *status* is not a :class:`Status` value.
    """
    return _uri(status_iri_text(status))


def status_iri_text(status: Status | str) -> str:
    """:func:`status_iri` as a string."""
    return _STATUS_IRIS[Status(status)]


def rule_iri(rule: str) -> URIRef:
    """Return the ``rwb:Rule`` node of the extraction rule named *rule* (a statement's ``rwb:rule``).

    Raises:
        ValueError: If *rule* is empty.
    """
    return _uri(rule_iri_text(rule))


def rule_iri_text(rule: str) -> str:
    """:func:`rule_iri` as a string."""
    return RULE_BASE + _segment(rule, "rule name")


def relation_iri(name: str) -> URIRef:
    """Return the ontology property of relation *name*, e.g. ``rwb:met``.

    Raises:
        ValueError: If *name* is not a relation of RELATIONS.md.
    """
    return _uri(relation_iri_text(name))


def relation_iri_text(name: str) -> str:
    """:func:`relation_iri` as a string."""
    if name not in _RELATIONS:
        raise ValueError(f"unknown relation {name!r}; known: {', '.join(RELATIONS)}")
    return _RWB + name


def class_iri(entity_type: EntityType | str) -> URIRef:
    """Return the ontology class of *entity_type*, e.g. ``rwb:Person``.

    Raises:
        ValueError: If *entity_type* is not an :class:`EntityType` value.
    """
    return _uri(class_iri_text(entity_type))


def class_iri_text(entity_type: EntityType | str) -> str:
    """:func:`class_iri` as a string."""
    return _RWB + EntityType(entity_type).value


def wikidata_iri(qid: str) -> URIRef:
    """Return the Wikidata entity IRI of *qid*, e.g. ``wd:Q7747``.

    Raises:
        ValueError: If *qid* is not of the form ``Q`` followed by digits.
    """
    return _uri(wikidata_iri_text(qid))


def wikidata_iri_text(qid: str) -> str:
    """:func:`wikidata_iri` as a string."""
    if not isinstance(qid, str) or not _QID.fullmatch(qid):
        raise ValueError(f"not a Wikidata Q-id: {qid!r}")
    return _WD + qid
