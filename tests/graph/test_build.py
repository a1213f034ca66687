"""Tests of rawabit.graph.build: the RDF shape of docs/graph-model.md."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, BNode, Dataset, Graph, Literal
from rdflib.compare import isomorphic

from rawabit.extract.model import Extraction
from rawabit.graph import iris
from rawabit.graph.build import build_dataset, confidence_literal, union_graph
from rawabit.graph.namespace import ARTICLE, ID, PREFIXES, RWB, WD


from support import sample_extraction as sample  # noqa: E402  (tests/support, see conftest.py)
ART = ARTICLE[sample.ARTICLE_ID]
PREFIX_LINES = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()) + "\n"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return build_dataset(sample.make_extraction())


@pytest.fixture(scope="module")
def union(dataset) -> Graph:
    return union_graph(dataset)


def _select(graph: Graph, query: str) -> set[tuple]:
    return {tuple(row) for row in graph.query(PREFIX_LINES + query)}


def test_plain_triple_only_for_asserted_facts(union):
    assert (ID["steve-witkoff"], RWB.met, ID["vladimir-putin"]) in union
    assert (ID["vladimir-putin"], RWB.met, ID["volodymyr-zelensky"]) not in union
    assert (ID["steve-witkoff"], RWB.visited, ID["kyiv"]) not in union


def test_every_fact_has_a_reified_statement(union):
    facts = sample.make_extraction().facts
    statements = set(union.subjects(RDF.type, RWB.Statement))
    assert statements == {iris.statement_iri(f) for f in facts}


def test_sparql_tells_denied_from_planned(union):
    rows = _select(union, """
        SELECT ?s ?p ?o ?status WHERE {
            ?st a rwb:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; rwb:status ?status .
            FILTER (?status != rwb:Asserted)
        }""")
    assert rows == {
        (ID["vladimir-putin"], RWB.met, ID["volodymyr-zelensky"], RWB.Denied),
        (ID["steve-witkoff"], RWB.visited, ID["kyiv"], RWB.Planned),
    }


def test_provenance_is_queryable(union):
    rows = _select(union, """
        SELECT ?article ?sentence ?start ?end ?evidence ?rule ?confidence WHERE {
            ?st rdf:subject id:steve-witkoff ; rdf:predicate rwb:met ; rdf:object id:vladimir-putin ;
                rwb:article ?article ; rwb:sentenceIndex ?sentence ; rwb:charStart ?start ; rwb:charEnd ?end ;
                rwb:evidence ?evidence ; rwb:rule ?rule ; rwb:confidence ?confidence .
        }""")
    assert len(rows) == 1
    article, sentence, start, end, evidence, rule, confidence = next(iter(rows))
    assert article == ART
    assert (sentence.toPython(), start.toPython(), end.toPython()) == (0, 0, len(sample.EVIDENCE))
    assert evidence == Literal(sample.EVIDENCE, lang="ar")
    assert str(rule) == "interaction.verb"
    assert confidence == Literal("0.9", datatype=XSD.decimal)


def test_entities_have_class_labels_aliases_and_wikidata(union):
    putin = ID["vladimir-putin"]
    assert set(union.objects(putin, RDF.type)) == {RWB.Person}
    assert set(union.objects(putin, RDFS.label)) == {Literal("فلاديمير بوتين", lang="ar"),
                                                    Literal("Vladimir Putin", lang="en")}
    assert set(union.objects(putin, SKOS.altLabel)) == {Literal("بوتين", lang="ar")}  # the label itself is no alias
    assert (putin, OWL.sameAs, WD.Q7747) in union
    assert set(union.objects(ID["ar-krym"], RDFS.label)) == {Literal("القرم", lang="ar")}
    assert (ID["topic-ceasefire"], RDF.type, RWB.Topic) in union


def test_articles_and_mentions(union):
    assert (ART, RDF.type, RWB.Article) in union
    assert union.value(ART, RWB.sourcePath) == Literal("news/day1.txt")
    assert union.value(ART, RWB.partIndex).toPython() == 0
    assert len(set(union.objects(ART, RWB.mentions))) == 8
    assert (ARTICLE["0f0e0d0c0b0a"], RWB.partIndex, Literal(1)) in union


def test_quote(union):
    (quote,) = union.subjects(RDF.type, RWB.Quote)
    assert union.value(quote, RWB.speaker) == ID["vladimir-putin"]
    assert union.value(quote, RWB.quoteText).language == "ar"
    assert union.value(quote, RWB.direct) == Literal(True)
    assert union.value(quote, RWB.article) == ART


def test_named_graphs_hold_each_articles_facts(dataset):
    default = dataset.default_graph
    named = dataset.graph(ART)
    assert (ID["steve-witkoff"], RWB.met, ID["vladimir-putin"]) in named
    assert (ID["steve-witkoff"], RWB.met, ID["vladimir-putin"]) not in default
    assert set(named.subjects(RDF.type, RWB.Statement))
    assert not set(default.subjects(RDF.type, RWB.Statement))
    assert (ID["vladimir-putin"], RDF.type, RWB.Person) in default
    assert (ART, RDF.type, RWB.Article) in default


def test_no_blank_nodes(union):
    assert not any(isinstance(t, BNode) for triple in union for t in triple)


def test_union_graph_is_the_flattened_dataset(dataset, union):
    flat = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        flat.add((s, p, o))
    assert isomorphic(flat, union)
    assert str(dict(union.namespaces())["rwb"]) == str(RWB._NS)


@pytest.mark.parametrize(("value", "lexical"), [
    (0.9, "0.9"), (1, "1.0"), (1.0, "1.0"), (0.666, "0.67"), (0.125, "0.13"), (0, "0.0"), (0.995, "1.0"),
    (0.004, "0.0"), (-0.001, "0.0"), (0.5, "0.5"),
])
def test_confidence_is_a_two_place_canonical_decimal(value, lexical):
    assert confidence_literal(value) == Literal(lexical, datatype=XSD.decimal)


def test_unknown_relation_is_refused():
    ex = sample.make_extraction()
    ex.facts.append(replace(ex.facts[0], relation="meets"))
    with pytest.raises(ValueError, match="unknown relation"):
        build_dataset(ex)


def test_empty_extraction_gives_an_empty_dataset():
    assert len(union_graph(build_dataset(Extraction()))) == 0


def test_same_fact_twice_gives_one_statement():
    ex = sample.make_extraction()
    ex.facts.append(replace(ex.facts[0], confidence=0.5))
    union = union_graph(build_dataset(ex))
    assert len(set(union.subjects(RDF.type, RWB.Statement))) == len(ex.facts) - 1


_SERIALIZE = """
import importlib.util, sys
spec = importlib.util.spec_from_file_location("s", sys.argv[1])
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
from rawabit.graph.build import build_dataset, union_graph
sys.stdout.buffer.write(union_graph(build_dataset(m.make_extraction())).serialize(format="turtle", encoding="utf-8"))
"""


def test_turtle_is_byte_identical_across_processes():
    outputs = []
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-c", _SERIALIZE, str(Path(sample.__file__))],
                              capture_output=True, env=env, check=True)
        outputs.append(done.stdout)
    assert outputs[0] and outputs[0] == outputs[1] == outputs[2]


@pytest.mark.shared
def test_the_scorer_reads_the_turtle(shared_dir, union, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    with (gold / "entities.tsv").open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, delimiter="\t", lineterminator="\n")
        out.writerow(["id", "type", "aliases"])
        out.writerows([["putin", "Person", "فلاديمير بوتين|بوتين"], ["witkoff", "Person", "ستيف ويتكوف"],
                       ["zelensky", "Person", "زيلينسكي"], ["kyiv", "City", "كييف"], ["russia", "Country", "روسيا"],
                       ["topic:ceasefire", "", "وقف إطلاق النار"]])
    with (gold / "doc.triples.tsv").open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, delimiter="\t", lineterminator="\n")
        out.writerow(["doc", "subject", "predicate", "object", "evidence"])
        out.writerows([["doc", "putin", "met", "witkoff", ""], ["doc", "putin", "presidentOf", "russia", ""],
                       ["doc", "putin", "supports", "topic:ceasefire", ""]])
    graph = tmp_path / "graph.ttl"
    union.serialize(destination=str(graph), format="turtle", encoding="utf-8")
    done = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), "--gold", str(gold),
                           "--graph", str(graph), "--json"], capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    assert result["correct"] == 3  # met is scored without direction; denied/planned facts are not triples
    assert result["gold_triples"] == 3
    assert result["raw_contract_triples"] == 5


def test_date_literals_take_the_datatype_of_their_precision():
    from rdflib import XSD

    from rawabit.graph.build import date_literal
    assert [date_literal(v).datatype for v in ("2025-03-18", "2025-03", "2025", "2025-03-18T09:30:00+02:00")] == \
        [XSD.date, XSD.gYearMonth, XSD.gYear, XSD.dateTime]
    with pytest.raises(ValueError, match="not an ISO date"):
        date_literal("18/03/2025")
