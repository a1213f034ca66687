"""The ``.cypher`` export runs in a real openCypher engine: FalkorDB on a loopback port.

The script is loaded by the README's own snippet (read from README.md):
FalkorDB's index and unique constraint on ``Entity.iri`` in place of the
script's Neo4j ``CREATE CONSTRAINT`` line, then every ``MERGE`` and ``MATCH``
statement as it stands.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDFS, Literal

from rawabit import exports
from rawabit.cli import main
from rawabit.exports.lpg import read, relation_type
from rawabit.graph.build import build_dataset
from rawabit.graph.namespace import ID, RWB
from rawabit.graph.store import GraphStore

from support import servers  # noqa: E402  (tests/support, see conftest.py)

README = Path(__file__).resolve().parents[2] / "README.md"

# A label with the characters a Cypher string must escape.
AWKWARD = "قناة \"الغد\" و'اليوم'\\ الجديدة\tعاجل\nنشرة"


@pytest.fixture(scope="module")
def falkordb(tmp_path_factory):
    server = servers.start_falkordb(tmp_path_factory.mktemp("falkordb"))
    from falkordb import FalkorDB

    client = FalkorDB(host="127.0.0.1", port=server.port)
    client.port = server.port  # for the README's snippet
    yield client
    client.connection.close()
    server.stop()


def readme_loader() -> str:
    """The FalkorDB loading snippet of the README's "Graph servers and databases" section."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("**FalkorDB.**"):]
    code = section[section.index("```python\n") + len("```python\n"):]
    return code[:code.index("```")]


def load_script(falkordb, name: str, path: Path) -> None:
    """Load a Rawabit ``.cypher`` file into FalkorDB graph *name* with the README's snippet."""
    code = readme_loader()
    for old, new in (('host="localhost", port=6379', f'host="127.0.0.1", port={falkordb.port}'),
                     ('select_graph("news")', f"select_graph({name!r})"), ('"out/graph.cypher"', repr(str(path)))):
        assert old in code, old
        code = code.replace(old, new)
    exec(compile(code, "README.md", "exec"), {})


def _counts(graph) -> tuple[int, int]:
    nodes = graph.ro_query("MATCH (n) RETURN count(n)").result_set[0][0]
    relationships = graph.ro_query("MATCH ()-[r]->() RETURN count(r)").result_set[0][0]
    return nodes, relationships


def test_the_sample_store_loads_with_equal_counts_twice(falkordb, tmp_path: Path, samples_dir: Path) -> None:
    store = tmp_path / "graph.db"
    assert main(["build", str(samples_dir), "--store", str(store), "--no-ner", "-q"]) == 0
    with GraphStore.open(store, read_only=True) as opened:
        nodes, edges = read(opened.to_dataset())
    script = tmp_path / "graph.cypher"
    assert main(["export", "--store", str(store), "-o", str(script), "-q"]) == 0
    graph = falkordb.select_graph("samples")
    assert len(nodes) > 20 and len(edges) > 20
    for _ in range(2):  # MERGE on the statement IRI: loading again adds nothing
        load_script(falkordb, "samples", script)
        assert _counts(graph) == (len(nodes), len(edges))
    for relation in {e.relation for e in edges}:
        found = graph.ro_query(f"MATCH ()-[r:{relation_type(relation)}]->() RETURN count(r)").result_set[0][0]
        assert found == sum(e.relation == relation for e in edges), relation
    people = graph.ro_query("MATCH (n:Person:Agent) RETURN count(n)").result_set[0][0]
    assert people == sum(n.cls == "Person" for n in nodes) > 0


def test_labels_and_properties_arrive_intact(falkordb, sample, tmp_path: Path) -> None:
    dataset = build_dataset(sample.make_extraction())
    dataset.default_graph.add((ID["kremlin"], RWB.criticized, ID["kyiv"]))  # a fact without a statement
    dataset.default_graph.set((ID["kyiv"], RDFS.label, Literal(AWKWARD, lang="ar")))
    script = exports.write(dataset, tmp_path / "graph.cypher")
    nodes, edges = read(dataset)
    graph = falkordb.select_graph("sample")
    load_script(falkordb, "sample", script)
    assert _counts(graph) == (len(nodes), len(edges))
    putin = graph.ro_query("MATCH (n:Entity {key: 'vladimir-putin'}) RETURN labels(n), n.label_ar, n.wikidata")
    labels, label_ar, wikidata = putin.result_set[0]
    assert set(labels) == {"Entity", "Person", "Agent"}
    assert (label_ar, wikidata) == ("فلاديمير بوتين", "Q7747")
    met = graph.ro_query("MATCH (:Entity {key: 'steve-witkoff'})-[r:MET]->(:Entity {key: 'vladimir-putin'}) "
                         "RETURN r.relation, r.confidence, r.sentence, r.evidence").result_set
    assert len(met) == 1 and met[0][:3] == ["met", 0.9, 0] and met[0][3].startswith("التقى")
    bare = graph.ro_query("MATCH (:Entity {key: 'kremlin'})-[r:CRITICIZED]->(b) RETURN r.relation, b.label_ar")
    assert bare.result_set == [["criticized", AWKWARD]]
