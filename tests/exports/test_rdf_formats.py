"""Round trips of the RDF writers: rdflib, pyoxigraph and rapper read back the same graph."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from rawabit import exports
from rawabit.graph.build import union_graph
from rawabit.graph.namespace import ID, RWB

# extension -> (rdflib parser, pyoxigraph format, rapper syntax, keeps named graphs)
FORMATS = {
    ".ttl": ("turtle", ox.RdfFormat.TURTLE, "turtle", False),
    ".nt": ("nt", ox.RdfFormat.N_TRIPLES, "ntriples", False),
    ".nq": ("nquads", ox.RdfFormat.N_QUADS, "nquads", True),
    ".trig": ("trig", ox.RdfFormat.TRIG, "trig", True),
    ".jsonld": ("json-ld", ox.RdfFormat.JSON_LD, None, False),
    ".rdf": ("xml", ox.RdfFormat.RDF_XML, "rdfxml", False),
    ".xml": ("xml", ox.RdfFormat.RDF_XML, "rdfxml", False),
}
RAPPER = shutil.which("rapper")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _from_ox(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:  # rdflib keeps simple literals untyped
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _graphs(dataset: Dataset) -> dict[str, Graph]:
    """Named graph name ('' for the default) -> its triples, skipping empty graphs."""
    out: dict[str, Graph] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = "" if g is None or g == DATASET_DEFAULT_GRAPH_ID else str(g)
        out.setdefault(name, Graph()).add((s, p, o))
    return out


def _write(dataset, tmp_path: Path, ext: str, **options) -> Path:
    return exports.write(dataset, tmp_path / f"graph{ext}", options)


@pytest.mark.parametrize("ext", FORMATS)
def test_rdflib_reads_back_the_same_graph(dataset, tmp_path, ext):
    parser, _, _, quads = FORMATS[ext]
    path = _write(dataset, tmp_path, ext)
    if quads:
        back = Dataset()
        back.parse(path, format=parser)
        mine, theirs = _graphs(dataset), _graphs(back)
        assert set(mine) == set(theirs)
        assert all(isomorphic(mine[name], theirs[name]) for name in mine)
    else:
        assert isomorphic(Graph().parse(path, format=parser), union_graph(dataset))


@pytest.mark.parametrize("ext", FORMATS)
def test_pyoxigraph_reads_back_the_same_graph(dataset, tmp_path, ext):
    _, fmt, _, quads = FORMATS[ext]
    path = _write(dataset, tmp_path, ext)
    back = Graph()
    names = set()
    for quad in ox.parse(path=str(path), format=fmt):
        back.add((_from_ox(quad.subject), _from_ox(quad.predicate), _from_ox(quad.object)))
        names.add("" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value)
    assert isomorphic(back, union_graph(dataset))
    if quads:
        assert names == set(_graphs(dataset))


@pytest.mark.skipif(RAPPER is None, reason="rapper (Debian raptor2-utils) is not installed")
@pytest.mark.parametrize("ext", [e for e, f in FORMATS.items() if f[2]])
def test_rapper_parses_every_rdf_export(dataset, tmp_path, ext):
    path = _write(dataset, tmp_path, ext)
    done = subprocess.run([RAPPER, "-c", "-i", FORMATS[ext][2], str(path)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert f"returned {len(union_graph(dataset))} " in done.stderr


def test_turtle_holds_plain_asserted_triples_and_labels(dataset, tmp_path):
    graph = Graph().parse(_write(dataset, tmp_path, ".ttl"), format="turtle")
    assert (ID["steve-witkoff"], RWB.met, ID["vladimir-putin"]) in graph
    assert (ID["vladimir-putin"], RWB.met, ID["volodymyr-zelensky"]) not in graph
    ends = {t for s, p, o in graph if p in (RWB.met, RWB.presidentOf) for t in (s, o)}
    assert all(graph.value(node, URIRef("http://www.w3.org/2000/01/rdf-schema#label")) for node in ends)


def test_turtle_engines_parse_identically(dataset, tmp_path):
    small = exports.write(dataset, tmp_path / "rdflib.ttl", {"engine": "rdflib"})
    big = exports.write(dataset, tmp_path / "oxigraph.ttl", {"engine": "oxigraph"})
    auto = exports.write(dataset, tmp_path / "auto.ttl", {"rdflib_limit": 10})
    assert small.read_bytes() != big.read_bytes()
    assert auto.read_bytes() == big.read_bytes()
    assert isomorphic(Graph().parse(small, format="turtle"), Graph().parse(big, format="turtle"))


def test_unknown_turtle_engine_is_refused(dataset, tmp_path):
    from rawabit.errors import FormatError
    with pytest.raises(FormatError, match="engine"):
        exports.write(dataset, tmp_path / "x.ttl", {"engine": "jena"})


def test_jsonld_is_compacted_with_the_published_context(dataset, tmp_path):
    from rawabit.ontology import CONTEXT_JSONLD
    doc = json.loads(_write(dataset, tmp_path, ".jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == json.loads(CONTEXT_JSONLD.read_text(encoding="utf-8"))["@context"]
    nodes = {n["@id"]: n for n in doc["@graph"]}
    putin = nodes["id:vladimir-putin"]
    assert putin["@type"] == "Person"
    assert putin["label"] == {"ar": "فلاديمير بوتين", "en": "Vladimir Putin"}
    assert putin["presidentOf"] == "id:russia"
    statuses = {n.get("status") for n in doc["@graph"] if n.get("@type") == "Statement"}
    assert statuses == {"Asserted", "Denied", "Planned"}
    assert [n["@id"] for n in doc["@graph"]] == sorted(nodes)


def test_jsonld_can_reference_the_context_by_url(dataset, tmp_path):
    path = exports.write(dataset, tmp_path / "g.jsonld", {"context_url": "https://w3id.org/rawabit/context.jsonld"})
    assert json.loads(path.read_text(encoding="utf-8"))["@context"] == "https://w3id.org/rawabit/context.jsonld"


def test_big_graphs_are_written_in_linear_time_and_read_back(sample, tmp_path):
    from dataclasses import replace
    from rawabit.graph.build import build_dataset
    ex = sample.make_extraction()
    ex.facts = [replace(f, sentence=i) for i in range(400) for f in ex.facts]
    ds = build_dataset(ex)
    path = exports.write(ds, tmp_path / "big.ttl", {"rdflib_limit": 1000})
    assert isomorphic(Graph().parse(path, format="turtle"), union_graph(ds))


_WRITE_ALL = """
import importlib.util, sys
spec = importlib.util.spec_from_file_location("s", sys.argv[1])
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
from rawabit.graph.build import build_dataset
from rawabit import exports
ds = build_dataset(m.make_extraction())
for ext in sys.argv[3:]:
    exports.write(ds, sys.argv[2] + "/graph" + ext)
"""


def test_every_export_is_byte_identical_across_processes(sample, tmp_path):
    exts = [*FORMATS, ".graphml", ".cypher", ".neo4j"]
    outputs = []
    for seed in ("0", "7"):
        out = tmp_path / seed
        subprocess.run([sys.executable, "-c", _WRITE_ALL, sample.__file__, str(out), *exts], check=True,
                       env=dict(os.environ, PYTHONHASHSEED=seed))
        outputs.append({p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert len(outputs[0]) == len(exts) + 1  # .neo4j is a directory of two files
    assert outputs[0] == outputs[1]
