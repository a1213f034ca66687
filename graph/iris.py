"""Minting IRIs: the only place where Rawabit builds an IRI from a value.

Keys and ids coming from extraction are already slugs (``vladimir-putin``,
``ar-bwtyn``, ``a1b2c3d4e5f6``); anything outside the URI *unreserved*
characters (``A-Z a-z 0-9 - . _ ~``) is percent-encoded, so every IRI minted
here is a valid absolute IRI whatever the key holds.

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

from rdflib import URIRef

from rawabit.extract.model import EntityType, Fact, Quote, Status

from .namespace import ARTICLE, ID, QUOTE, RELATIONS, RULE, RWB, STATEMENT, WD

__all__ = [
    "entity_iri", "article_iri", "statement_iri", "quote_iri", "status_iri", "rule_iri",
    "relation_iri", "class_iri", "wikidata_iri", "entity_key", "statement_key", "quote_key",
    "HASH_LENGTH",
]

#: Hex digits kept from the SHA-256 of a statement's or quote's identity.
HASH_LENGTH = 16

_SEP = "\x1f"  # unit separator: cannot occur in keys, keeps hashed fields apart
_QID = re.compile(r"Q[1-9][0-9]*")
_RELATIONS = frozenset(RELATIONS)


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
    return ID[_segment(key, "entity key")]


def entity_key(iri: str) -> str:
    """Return the entity key an IRI of :func:`entity_iri` was minted from.

    Raises:
        ValueError: If *iri* is not under the ``id:`` namespace.
    """
    base = str(ID)
    if not str(iri).startswith(base) or len(str(iri)) == len(base):
        raise ValueError(f"not an entity IRI: {iri}")
    return unquote(str(iri)[len(base):])


def article_iri(article_id: str) -> URIRef:
    """Return the IRI of the article with *article_id*; it also names its graph.

    Raises:
        ValueError: If *article_id* is empty.
    """
    return ARTICLE[_segment(article_id, "article id")]


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
    return STATEMENT[statement_key(fact)]


def quote_iri(q: Quote) -> URIRef:
    """Return the IRI of quote *q* (``quote:`` + :func:`quote_key`)."""
    return QUOTE[quote_key(q)]


_STATUS_IRIS: dict[Status, URIRef] = {
    Status.ASSERTED: RWB.Asserted,
    Status.DENIED: RWB.Denied,
    Status.POSSIBLE: RWB.Possible,
    Status.PLANNED: RWB.Planned,
    Status.DESIRED: RWB.Desired,
    Status.CONDITIONAL: RWB.Conditional,
    Status.QUESTIONED: RWB.Questioned,
}


def status_iri(status: Status | str) -> URIRef:
    """Return the ``rwb:StatementStatus`` individual of *status*.

    Raises:
        ValueError: If *status* is not a :class:`Status` value.
    """
    return _STATUS_IRIS[Status(status)]


def rule_iri(rule: str) -> URIRef:
    """Return the ``rwb:Rule`` node of the extraction rule named *rule* (a statement's ``rwb:rule``).

    Raises:
        ValueError: If *rule* is empty.
    """
    return RULE[_segment(rule, "rule name")]


def relation_iri(name: str) -> URIRef:
    """Return the ontology property of relation *name*, e.g. ``rwb:met``.

    Raises:
        ValueError: If *name* is not a relation of RELATIONS.md.
    """
    if name not in _RELATIONS:
        raise ValueError(f"unknown relation {name!r}; known: {', '.join(RELATIONS)}")
    return RWB[name]


def class_iri(entity_type: EntityType | str) -> URIRef:
    """Return the ontology class of *entity_type*, e.g. ``rwb:Person``.

    Raises:
        ValueError: If *entity_type* is not an :class:`EntityType` value.
    """
    return RWB[EntityType(entity_type).value]


def wikidata_iri(qid: str) -> URIRef:
    """Return the Wikidata entity IRI of *qid*, e.g. ``wd:Q7747``.

    Raises:
        ValueError: If *qid* is not of the form ``Q`` followed by digits.
    """
    if not isinstance(qid, str) or not _QID.fullmatch(qid):
        raise ValueError(f"not a Wikidata Q-id: {qid!r}")
    return WD[qid]
