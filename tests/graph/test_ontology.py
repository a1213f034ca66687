"""Tests of ontology/rawabit.ttl against the RWB namespace and RELATIONS.md."""
from __future__ import annotations

import shutil
import subprocess

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from rawabit.graph.namespace import RELATIONS, RWB
from rawabit.ontology import ONTOLOGY_TTL, SHAPES_TTL

NS = str(RWB._NS)
SYMMETRIC = {"met", "phoned", "talkedWith"}
PROVENANCE = ("status", "article", "sentenceIndex", "charStart", "charEnd", "evidence", "rule", "confidence",
              "speaker", "quoteText", "direct", "sourcePath", "partIndex", "mentions", "date", "published", "url", "source",
              "statementCount", "assertedCount", "namedInStatements")
_DECLARED = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


def _labels(g: Graph, term: URIRef) -> dict[str, str]:
    return {lab.language: str(lab) for lab in g.objects(term, RDFS.label)}


def test_every_namespace_term_is_defined_in_the_ontology(onto):
    defined = {s for kind in _DECLARED for s in onto.subjects(RDF.type, kind)}
    missing = [name for name in RWB.__annotations__ if RWB[name] not in defined]
    assert not missing


def test_every_ontology_term_is_in_the_namespace(onto):
    used = {t for triple in onto for t in triple if isinstance(t, URIRef) and str(t).startswith(NS)}
    extra = sorted(str(t)[len(NS):] for t in used if str(t)[len(NS):] not in RWB.__annotations__)
    assert not extra


def test_the_ontology_declares_itself(onto):
    assert (URIRef("https://w3id.org/rawabit/ontology"), RDF.type, OWL.Ontology) in onto


@pytest.mark.parametrize("name", RELATIONS)
def test_relation_is_a_documented_object_property(onto, name):
    term = RWB[name]
    assert (term, RDF.type, OWL.ObjectProperty) in onto
    assert set(_labels(onto, term)) == {"ar", "en"}
    assert onto.value(term, RDFS.comment) is not None
    assert onto.value(term, RDFS.domain) is not None
    assert onto.value(term, RDFS.range) is not None
    assert ((term, RDF.type, OWL.SymmetricProperty) in onto) == (name in SYMMETRIC)


@pytest.mark.parametrize("name", PROVENANCE)
def test_provenance_property_has_labels_domain_and_range(onto, name):
    term = RWB[name]
    assert set(_labels(onto, term)) == {"ar", "en"}
    assert onto.value(term, RDFS.domain) is not None
    assert onto.value(term, RDFS.range) is not None


def test_article_property_refines_prov(onto):
    assert (RWB.article, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) in onto


def test_class_hierarchy(onto):
    for place in (RWB.Country, RWB.City, RWB.Region):
        assert (place, RDFS.subClassOf, RWB.Place) in onto
    assert (RWB.Statement, RDFS.subClassOf, RDF.Statement) in onto
    statuses = set(onto.subjects(RDF.type, RWB.StatementStatus))
    assert statuses == {RWB.Asserted, RWB.Denied, RWB.Possible, RWB.Planned, RWB.Desired, RWB.Conditional,
                        RWB.Questioned}


def _union_members(onto: Graph, node) -> set:
    members = onto.value(node, OWL.unionOf)
    return set(onto.items(members)) if members is not None else {node}


@pytest.mark.parametrize(("name", "domain", "range_"), [
    ("presidentOf", {RWB.Person}, {RWB.Country}),
    ("annexed", {RWB.Country, RWB.City}, {RWB.Region}),
    # narrower than the contract's "entity or Topic": what is demanded is a topic or a territory,
    # never a country or a person (a demand made *of* a country is rwb:urged)
    ("demands", {RWB.Agent}, {RWB.Topic, RWB.Region, RWB.City}),
    ("leaderOf", {RWB.Person}, {RWB.Organization, RWB.Region, RWB.Country}),
    ("visited", {RWB.Agent}, {RWB.Place}),
])
def test_domains_and_ranges_follow_the_contract(onto, name, domain, range_):
    assert _union_members(onto, onto.value(RWB[name], RDFS.domain)) == domain
    assert _union_members(onto, onto.value(RWB[name], RDFS.range)) == range_


@pytest.mark.parametrize("path", [ONTOLOGY_TTL, SHAPES_TTL])
def test_pyoxigraph_reads_the_same_triples(path):
    count = sum(1 for _ in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    assert count == len(Graph().parse(path, format="turtle"))


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (Debian raptor2-utils) is not installed")
@pytest.mark.parametrize("path", [ONTOLOGY_TTL, SHAPES_TTL])
def test_rapper_parses_the_ontology_files(path):
    done = subprocess.run(["rapper", "-c", "-i", "turtle", str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


_LEAVES = ("Person", "Organization", "Country", "City", "Region", "Topic")


def _leaf_classes(onto: Graph, node) -> set[str]:
    """The entity classes a domain or range admits, unions and superclasses unfolded."""
    wanted = _union_members(onto, node)
    return {name for name in _LEAVES
            if any(RWB[name] == w or w in onto.transitive_objects(RWB[name], RDFS.subClassOf) for w in wanted)}


def test_the_extractor_signatures_are_the_ontology_domains_and_ranges(onto):
    # extract/data/relation_signatures.tsv drops facts before RDF is written; it must admit
    # exactly what the ontology's domains and ranges do (e.g. controls → Region or City)
    from rawabit.extract.relations.signatures import SignatureFilter
    from rawabit.extract.entities.gazetteer import Gazetteer
    signatures = SignatureFilter(Gazetteer()).signatures
    assert set(signatures) == set(RELATIONS)
    for name, (subjects, objects) in signatures.items():
        assert {t.value for t in subjects} == _leaf_classes(onto, onto.value(RWB[name], RDFS.domain)), name
        assert {t.value for t in objects} == _leaf_classes(onto, onto.value(RWB[name], RDFS.range)), name


@pytest.mark.parametrize(("name", "range_"), [
    ("controls", {"Region", "City"}),
    ("envoyOf", {"Person", "Country", "Organization"}),
    ("leaderOf", {"Organization", "Region", "Country"}),
])
def test_the_grown_contract_ranges(onto, name, range_):
    assert _leaf_classes(onto, onto.value(RWB[name], RDFS.range)) == range_
