"""The graph's computed values, without rdflib: counts, confidences, dates, article metadata.

:mod:`rawabit.graph.build` (rdflib) and :mod:`rawabit.graph.stream`
(pyoxigraph only) both state these; they are worked out here once, as
pyoxigraph terms, so that a build that only streams never loads rdflib.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

import pyoxigraph as ox

from rawabit.extract.model import Article, Fact, Tally

from . import iris
from .namespace import PREFIXES

__all__ = ["confidence_text", "date_datatype", "date_value", "article_metadata", "tally", "tally_triples"]

_XSD, _RWB = PREFIXES["xsd"], PREFIXES["rwb"]
_DATE_TIME = _XSD + "dateTime"

#: XSD datatype of each form of an ISO value (dates of statements, articles).
_DATE_FORMS = ((re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?"), _DATE_TIME),
               (re.compile(r"\d{4}-\d\d-\d\d"), _XSD + "date"), (re.compile(r"\d{4}-\d\d"), _XSD + "gYearMonth"),
               (re.compile(r"\d{4}"), _XSD + "gYear"))


def confidence_text(value: float) -> str:
    """*value* rounded half-up to two places, in the canonical lexical form of an
    ``xsd:decimal`` (``0.9``, ``0.67``, ``1.0``, ``0.0``)."""
    dec = Decimal(repr(float(value))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = format(dec.normalize(), "f")
    if text in ("-0", "+0"):
        text = "0"
    return text if "." in text else text + ".0"


def date_datatype(value: str) -> str:
    """The datatype IRI of an ISO date value: ``xsd:gYear``, ``xsd:gYearMonth`` or ``xsd:date``
    by its precision (``2025``, ``2025-03``, ``2025-03-18``), ``xsd:dateTime`` when it gives a time.

    Raises:
        ValueError: *value* is none of these forms.
    """
    datatype = next((t for form, t in _DATE_FORMS if form.fullmatch(value)), None)
    if datatype is None:
        raise ValueError(f"not an ISO date, month or year: {value!r}")
    return datatype


def date_value(value: str) -> ox.Literal:
    """The literal of an ISO date value, typed by :func:`date_datatype`, in the form rdflib gives it.

    A date-time is written in its canonical form, ``2025-03-18T10:00:00+00:00``
    for ``2025-03-18T10:00Z``, as rdflib has always written it in the graph
    (its ``Literal`` reads it with :meth:`datetime.fromisoformat` and writes
    :meth:`~datetime.isoformat`; a value these cannot read is kept as it is).

    Raises:
        ValueError: *value* is not an ISO date, month, year or date-time.
    """
    datatype = date_datatype(value)
    if datatype == _DATE_TIME:
        try:
            value = datetime.fromisoformat(value).isoformat()
        except ValueError:
            pass
    return ox.Literal(value, datatype=ox.NamedNode(datatype))


def article_metadata(article: Article) -> list[tuple[ox.NamedNode, ox.Literal]]:
    """The publication date, URL and outlet of *article* that the input gave, as (property, literal) pairs."""
    out = []
    if article.date:
        out.append((ox.NamedNode(_RWB + "published"), date_value(article.date)))
    if article.url:
        out.append((ox.NamedNode(_RWB + "url"), ox.Literal(article.url, datatype=ox.NamedNode(_XSD + "anyURI"))))
    if article.source:
        out.append((ox.NamedNode(_RWB + "source"), ox.Literal(article.source)))
    return out


def _fact_id(fact: Fact) -> tuple:
    # what the statement IRI hashes (iris.statement_key): equal ids, one statement
    # (Status is a str enum, so a status and its value hash and compare alike)
    return fact.article, fact.sentence, fact.subject, fact.relation, fact.object, fact.status


def tally(facts: Iterable[Fact], *, in_runs: bool = False) -> Tally:
    """Count the statements of an extraction as its dataset holds them (each once).

    Args:
        facts: The extraction's, iterated once.
        in_runs: The facts come in article order, and a run of an article
            seen before is a copy (the same text read twice), as
            :mod:`rawabit.graph.stream` expects: remember one run at a time
            instead of every fact.
    """
    counts = Tally()
    seen: set[tuple] = set()
    done: set[str] = set()
    article = None
    for fact in facts:
        if in_runs and fact.article != article:
            if article is not None:
                done.add(article)
            article = fact.article
            seen.clear()
        if in_runs and article in done:
            continue
        key = _fact_id(fact)
        if key not in seen:
            seen.add(key)
            counts.fact(fact)
    return counts


def tally_triples(counts: Tally) -> list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]]:
    """The default graph's triples for the statements of each status and each rule.

    Each status with statements gets its ``rwb:statementCount``; each rule a
    ``rwb:Rule`` node with its name as ``rdfs:label`` and its count, sorted by name.
    """
    count = ox.NamedNode(_RWB + "statementCount")
    integer = ox.NamedNode(_XSD + "integer")
    out = [(ox.NamedNode(iris.status_iri_text(status)), count, ox.Literal(str(int(n)), datatype=integer))
           for status, n in sorted(counts.statuses.items())]
    kind, label, rule_class = (ox.NamedNode(PREFIXES["rdf"] + "type"), ox.NamedNode(PREFIXES["rdfs"] + "label"),
                               ox.NamedNode(_RWB + "Rule"))
    for rule, n in sorted(counts.rules.items()):
        node = ox.NamedNode(iris.rule_iri_text(rule))
        out += [(node, kind, rule_class), (node, label, ox.Literal(rule)),
                (node, count, ox.Literal(str(int(n)), datatype=integer))]
    return out
