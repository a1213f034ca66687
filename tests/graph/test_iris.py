"""Tests of rawabit.graph.iris: the one place IRIs are minted."""
from __future__ import annotations

import re
from dataclasses import replace

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rawabit.extract.model import EntityType, Fact, Quote, Status
from rawabit.graph import iris
from rawabit.graph.namespace import ARTICLE, ID, QUOTE, RELATIONS, RWB, STATEMENT, WD

FACT = Fact("steve-witkoff", "met", "vladimir-putin", Status.ASSERTED, "a1b2c3d4e5f6", 0, 0, 10, "…", "r", 0.9)
_UNRESERVED_OR_PCT = re.compile(r"(?:[A-Za-z0-9._~-]|%[0-9A-F]{2})+")


def test_entity_iri_keeps_slugs():
    assert iris.entity_iri("vladimir-putin") == ID["vladimir-putin"]
    assert iris.entity_iri("ar-bwtyn") == ID["ar-bwtyn"]


def test_entity_iri_percent_encodes_everything_else():
    assert str(iris.entity_iri("a b/c#d?")) == str(ID) + "a%20b%2Fc%23d%3F"
    assert str(iris.entity_iri("بوتين")).startswith(str(ID) + "%D8%A8")


@pytest.mark.parametrize("key", [".", ".."])
def test_entity_iri_escapes_dot_segments(key):
    assert str(iris.entity_iri(key)).endswith("%2E" * len(key))


@pytest.mark.parametrize("bad", ["", None])
def test_entity_iri_rejects_empty_keys(bad):
    with pytest.raises(ValueError):
        iris.entity_iri(bad)


@given(st.text(min_size=1))
def test_any_key_gives_a_valid_iri_that_maps_back(key):
    iri = iris.entity_iri(key)
    ox.NamedNode(str(iri))  # raises on an invalid IRI
    assert _UNRESERVED_OR_PCT.fullmatch(str(iri)[len(str(ID)):])
    assert iris.entity_key(iri) == key


def test_entity_key_rejects_other_iris():
    with pytest.raises(ValueError):
        iris.entity_key(ARTICLE["x"])


def test_article_iri():
    assert iris.article_iri("a1b2c3d4e5f6") == ARTICLE["a1b2c3d4e5f6"]


def test_statement_iri_is_a_stable_16_hex_hash():
    iri = iris.statement_iri(FACT)
    assert str(iri).startswith(str(STATEMENT))
    assert re.fullmatch(r"[0-9a-f]{16}", str(iri)[len(str(STATEMENT)):])
    assert iri == iris.statement_iri(replace(FACT, evidence="other", confidence=0.1, start=5))
    assert iri == iris.statement_iri(replace(FACT, status="asserted"))


@pytest.mark.parametrize("change", [
    {"article": "b"}, {"sentence": 1}, {"subject": "x"}, {"relation": "phoned"}, {"object": "x"},
    {"status": Status.DENIED},
])
def test_statement_iri_depends_on_identity(change):
    assert iris.statement_iri(FACT) != iris.statement_iri(replace(FACT, **change))


def test_quote_iri():
    q = Quote("dmitry-peskov", "لا اتصال", "a1", 2, 10, 20)
    assert str(iris.quote_iri(q)).startswith(str(QUOTE))
    assert iris.quote_iri(q) == iris.quote_iri(replace(q))
    assert iris.quote_iri(q) != iris.quote_iri(replace(q, text="نعم"))


def test_status_iri_covers_every_status():
    got = {iris.status_iri(s) for s in Status}
    assert got == {RWB.Asserted, RWB.Denied, RWB.Possible, RWB.Planned, RWB.Desired, RWB.Conditional,
                   RWB.Questioned}
    assert iris.status_iri("planned") == RWB.Planned


def test_relation_iri_knows_every_relation_and_nothing_else():
    assert [iris.relation_iri(r) for r in RELATIONS] == [RWB[r] for r in RELATIONS]
    with pytest.raises(ValueError, match="unknown relation 'meets'"):
        iris.relation_iri("meets")


def test_class_iri():
    assert {iris.class_iri(t) for t in EntityType} == {
        RWB.Person, RWB.Organization, RWB.Country, RWB.City, RWB.Region, RWB.Topic}


@pytest.mark.parametrize("qid", ["Q7747", "Q1"])
def test_wikidata_iri(qid):
    assert iris.wikidata_iri(qid) == WD[qid]


@pytest.mark.parametrize("qid", ["", "7747", "Q", "Q07", "P31", "Q1 "])
def test_wikidata_iri_rejects_malformed_ids(qid):
    with pytest.raises(ValueError):
        iris.wikidata_iri(qid)
