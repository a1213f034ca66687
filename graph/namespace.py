"""Namespaces of the Rawabit graph.

``RWB`` holds the ontology's terms (``ontology/rawabit.ttl``); a typo in a term
name is an ``AttributeError``. Instance data lives under four base IRIs:

- ``ID``        entities and topics, e.g. ``ID["vladimir-putin"]``
- ``ARTICLE``   source articles, e.g. ``ARTICLE["a1b2c3d4e5f6"]``
- ``STATEMENT`` reified statements with provenance
- ``QUOTE``     quotations and reported speech
- ``RULE``      the extraction rules statements name, with their counts

These are rdflib namespaces, made when first used: the writers that stream
the graph need only the IRIs as strings (:data:`PREFIXES`, :data:`RULE_BASE`),
and a build that writes only those formats does not load rdflib.

IRIs are minted in :mod:`rawabit.graph.iris` only.
"""
from __future__ import annotations

from typing import Any

__all__ = ["RWB", "ID", "ARTICLE", "STATEMENT", "QUOTE", "RULE", "WD", "BASE", "PREFIXES", "RELATIONS",
           "RULE_BASE"]

BASE = "https://w3id.org/rawabit/"

#: The namespace IRI of the extraction rules (``RULE``).
RULE_BASE = BASE + "rule/"


def _namespaces() -> dict[str, Any]:
    """The rdflib namespaces of this module, by name."""
    from rdflib import Namespace, URIRef
    from rdflib.namespace import DefinedNamespace

    class RWB(DefinedNamespace):
        """The Rawabit ontology."""

        _NS = Namespace(PREFIXES["rwb"])
        _fail = True

        # classes
        Agent: URIRef
        Place: URIRef
        Person: URIRef
        Organization: URIRef
        Country: URIRef
        City: URIRef
        Region: URIRef
        Topic: URIRef
        Article: URIRef
        Statement: URIRef
        Quote: URIRef
        StatementStatus: URIRef
        Rule: URIRef

        # statuses (individuals of StatementStatus)
        Asserted: URIRef
        Denied: URIRef
        Possible: URIRef
        Planned: URIRef
        Desired: URIRef
        Conditional: URIRef
        Questioned: URIRef

        # relations (RELATIONS.md)
        met: URIRef
        phoned: URIRef
        talkedWith: URIRef
        visited: URIRef
        urged: URIRef
        threatened: URIRef
        criticized: URIRef
        accused: URIRef
        praised: URIRef
        supports: URIRef
        demands: URIRef
        rejects: URIRef
        agreedTo: URIRef
        discussed: URIRef
        attacked: URIRef
        annexed: URIRef
        controls: URIRef
        presidentOf: URIRef
        ministerOf: URIRef
        spokespersonOf: URIRef
        envoyOf: URIRef
        advisorTo: URIRef
        leaderOf: URIRef
        locatedIn: URIRef

        # provenance of statements and quotes
        status: URIRef
        article: URIRef
        sentenceIndex: URIRef
        charStart: URIRef
        charEnd: URIRef
        evidence: URIRef
        rule: URIRef
        confidence: URIRef
        date: URIRef
        speaker: URIRef
        quoteText: URIRef
        direct: URIRef

        # articles
        sourcePath: URIRef
        partIndex: URIRef
        mentions: URIRef
        published: URIRef
        url: URIRef
        source: URIRef

        # counts written by the build (so queries need not count statements)
        statementCount: URIRef
        assertedCount: URIRef
        namedInStatements: URIRef

    return {"RWB": RWB, "ID": Namespace(PREFIXES["id"]), "ARTICLE": Namespace(PREFIXES["article"]),
            "STATEMENT": Namespace(PREFIXES["statement"]), "QUOTE": Namespace(PREFIXES["quote"]),
            "RULE": Namespace(RULE_BASE), "WD": Namespace(PREFIXES["wd"])}


#: Local names of the relation properties, in the order of RELATIONS.md.
RELATIONS: tuple[str, ...] = (
    "met", "phoned", "talkedWith", "visited",
    "urged", "threatened", "criticized", "accused", "praised", "supports",
    "demands", "rejects", "agreedTo", "discussed",
    "attacked", "annexed", "controls",
    "presidentOf", "ministerOf", "spokespersonOf", "envoyOf", "advisorTo", "leaderOf",
    "locatedIn",
)

#: Prefixes bound in every graph and predeclared in queries.
PREFIXES: dict[str, str] = {
    "rwb": BASE + "ontology#",
    "id": BASE + "id/",
    "article": BASE + "article/",
    "statement": BASE + "statement/",
    "quote": BASE + "quote/",
    "wd": "http://www.wikidata.org/entity/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
}


def __getattr__(name: str) -> Any:
    """Make the rdflib namespaces on first use (PEP 562)."""
    if name in ("RWB", "ID", "ARTICLE", "STATEMENT", "QUOTE", "RULE", "WD"):
        made = _namespaces()
        globals().update(made)
        return made[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
