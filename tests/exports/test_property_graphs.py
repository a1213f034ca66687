"""Tests of the GraphML, Cypher and Neo4j CSV writers (entities and asserted facts)."""
from __future__ import annotations

import csv
import shlex
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from rawabit import exports
from rawabit.errors import FormatError
from rawabit.exports.cypher import quote_string
from rawabit.exports.lpg import read, relation_type, superclasses
from rawabit.exports.neo4j import NODE_HEADER, RELATIONSHIP_HEADER
from rawabit.graph.namespace import ID, RWB

PUTIN, WITKOFF, ZELENSKY = (str(ID[k]) for k in ("vladimir-putin", "steve-witkoff", "volodymyr-zelensky"))
ASSERTED = {("steve-witkoff", "met", "vladimir-putin"), ("vladimir-putin", "presidentOf", "russia"),
            ("steve-witkoff", "envoyOf", "united-states"), ("moscow", "locatedIn", "russia"),
            ("vladimir-putin", "supports", "topic-ceasefire")}


def _key(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def test_lpg_edges_are_the_asserted_facts(dataset):
    nodes, edges = read(dataset)
    assert {(_key(e.source), e.relation, _key(e.target)) for e in edges} == ASSERTED
    assert len(nodes) == 10
    met = next(e for e in edges if e.relation == "met")
    assert met.confidence == 0.9 and met.sentence == 0 and met.rule == "interaction.verb"
    assert met.article.endswith("a1b2c3d4e5f6") and met.statement


def test_lpg_keeps_a_plain_triple_without_statement(dataset):
    dataset.default_graph.add((ID["kremlin"], RWB.criticized, ID["kyiv"]))
    _, edges = read(dataset)
    bare = [e for e in edges if e.relation == "criticized"]
    assert len(bare) == 1 and bare[0].statement == "" and bare[0].confidence is None


def test_superclasses_and_relation_types():
    assert superclasses("City") == ("Place", "Agent")
    assert superclasses("Person") == ("Agent",)
    assert superclasses("Topic") == ()
    assert relation_type("talkedWith") == "TALKED_WITH"
    assert relation_type("spokespersonOf") == "SPOKESPERSON_OF"
    assert relation_type("met") == "MET"
    assert relation_type("talkedWith", "as-is") == "talkedWith"
    with pytest.raises(ValueError):
        relation_type("met", "lower")


def test_graphml_round_trips_through_networkx(dataset, tmp_path):
    path = exports.write(dataset, tmp_path / "g.graphml")
    g = nx.read_graphml(path, force_multigraph=True)
    assert g.number_of_nodes() == 10
    putin = g.nodes[PUTIN]
    assert (putin["label_ar"], putin["label_en"], putin["class"]) == ("فلاديمير بوتين", "Vladimir Putin", "Person")
    edges = {(_key(u), d["relation"], _key(v)) for u, v, d in g.edges(data=True)}
    assert edges == ASSERTED
    (data,) = g.get_edge_data(WITKOFF, PUTIN).values()
    assert data["relation"] == "met" and isinstance(data["confidence"], float) and data["confidence"] == 0.9
    assert data["evidence"].startswith("التقى") and data["article"].endswith("a1b2c3d4e5f6")
    assert not g.has_edge(PUTIN, ZELENSKY)  # denied


def test_cypher_script(dataset, tmp_path):
    text = exports.write(dataset, tmp_path / "g.cypher").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[2].startswith("CREATE CONSTRAINT")
    merges = [line for line in lines if line.startswith("MERGE (n:Entity")]
    rels = [line for line in lines if line.startswith("MATCH")]
    assert len(merges) == 10 and len(rels) == len(ASSERTED)
    assert all(line.endswith(";") for line in lines[2:])
    putin = next(line for line in merges if f"'{PUTIN}'" in line)
    assert "SET n:Person:Agent," in putin and "n.label_ar = 'فلاديمير بوتين'" in putin
    assert any("SET n:City:Place:Agent," in line for line in merges)
    assert any("-[r:PRESIDENT_OF {statement: " in line for line in rels)
    assert not any(ZELENSKY in line for line in rels)
    assert "r.confidence = 0.9" in next(line for line in rels if ":MET " in line)


def test_cypher_relationship_types_as_is(dataset, tmp_path):
    text = exports.write(dataset, tmp_path / "g.cypher", {"rel_types": "as-is"}).read_text(encoding="utf-8")
    assert "[r:presidentOf {statement:" in text and "PRESIDENT_OF" not in text


def test_cypher_strings_are_escaped():
    assert quote_string("it's \\ a\nline") == "'it\\'s \\\\ a\\nline'"


def _rows(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_neo4j_directory_has_the_documented_headers(dataset, tmp_path):
    out = exports.write(dataset, tmp_path / "graph.neo4j")
    nodes, rels = _rows(out / "nodes.csv"), _rows(out / "relationships.csv")
    assert tuple(nodes[0]) == NODE_HEADER == (
        "iri:ID", "key", "label_ar", "label_en", "class", "wikidata", ":LABEL")
    assert tuple(rels[0]) == RELATIONSHIP_HEADER
    assert {":START_ID", ":END_ID", ":TYPE", "confidence:float"} <= set(rels[0])
    by_iri = {row[0]: dict(zip(nodes[0], row)) for row in nodes[1:]}
    assert by_iri[PUTIN][":LABEL"] == "Entity;Person;Agent"
    assert by_iri[PUTIN]["wikidata"] == "Q7747"
    facts = [dict(zip(rels[0], row)) for row in rels[1:]]
    assert {(_key(f[":START_ID"]), f["relation"], _key(f[":END_ID"])) for f in facts} == ASSERTED
    assert all(f[":START_ID"] in by_iri and f[":END_ID"] in by_iri for f in facts)
    met = next(f for f in facts if f[":TYPE"] == "MET")
    assert float(met["confidence:float"]) == 0.9 and met["sentence:int"] == "0"


def test_neo4j_single_csv_targets(dataset, tmp_path):
    nodes = exports.write(dataset, tmp_path / "out" / "nodes.csv")
    rels = exports.write(dataset, tmp_path / "out" / "relationships.csv")
    assert tuple(_rows(nodes)[0]) == NODE_HEADER
    assert tuple(_rows(rels)[0]) == RELATIONSHIP_HEADER
    with pytest.raises(FormatError, match="nodes.csv"):
        exports.write(dataset, tmp_path / "graph.csv")


def test_property_graphs_of_an_empty_graph(tmp_path):
    empty = Graph()
    assert read(empty) == ([], [])
    for name in ("e.graphml", "e.cypher", "e.neo4j"):
        assert exports.write(empty, tmp_path / name).exists()


def test_property_graph_relationships_carry_the_statement_date(tmp_path):
    from pathlib import Path

    from rawabit import api
    feed = Path(__file__).resolve().parents[1] / "data" / "dated" / "news.jsonl"
    dataset = api.to_dataset(api.extract([feed], workers=1))
    met = [e for e in read(dataset)[1] if (_key(e.source), e.relation, _key(e.target))
           == ("badr-abdelatty", "met", "ayman-safadi") and e.statement]
    assert [e.date for e in met] == ["2025-03-19"]
    graphml = exports.write(dataset, tmp_path / "g.graphml")
    g = nx.read_graphml(graphml)
    assert "2025-03-19" in {d.get("date") for _, _, d in g.edges(data=True)}
    cypher = exports.write(dataset, tmp_path / "g.cypher").read_text(encoding="utf-8")
    assert "r.date = '2025-03-19'" in cypher or 'r.date = "2025-03-19"' in cypher
    folder = exports.write(dataset, tmp_path / "g.neo4j")
    with (folder / "relationships.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert "2025-03" in {r["date"] for r in rows} and "" in {r["date"] for r in rows}


def test_the_readme_import_command_names_the_exported_files(dataset, tmp_path):
    """The README's `neo4j-admin database import full` line: database name first, then the
    files that `-o out/graph.neo4j` writes, with the ID, label, start, end and type columns."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    (line,) = [x for x in readme.splitlines() if x.startswith("neo4j-admin database import full ")]
    words = shlex.split(line)
    assert words[4] == "neo4j" and not words[4].startswith("-")
    options = dict(w[2:].split("=", 1) for w in words[5:] if "=" in w)
    assert set(options) == {"nodes", "relationships"}
    assert {w for w in words[5:] if "=" not in w} == {"--ignore-empty-strings", "--overwrite-destination"}
    exports.write(dataset, tmp_path / "out" / "graph.neo4j")
    nodes, rels = _rows(tmp_path / options["nodes"]), _rows(tmp_path / options["relationships"])
    assert {"iri:ID", ":LABEL"} <= set(nodes[0]) and {":START_ID", ":END_ID", ":TYPE"} <= set(rels[0])
    assert f"header `{','.join(NODE_HEADER)}`" in readme.replace("\n", " ")
    assert f"`{','.join(RELATIONSHIP_HEADER)}`" in readme
    assert len(nodes) == 11 and len(rels) == len(ASSERTED) + 1
