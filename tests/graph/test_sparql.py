"""Tests of rawabit.graph.sparql: engines, prefixes, formats, errors, Rasqal interop."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from rawabit.errors import FormatError, InputError, QueryError
from rawabit.graph.namespace import ID, PREFIXES, RWB
from rawabit.graph.sparql import (Result, display_width, format_result, is_update, load_file, run_query, shorten,
                                  with_prefixes)
from rawabit.graph.store import GraphStore, from_oxigraph


from support import store_sample as sample  # noqa: E402  (tests/support, see conftest.py)

QUERIES = {
    "persons": "SELECT ?p ?label WHERE { ?p a rwb:Person ; rdfs:label ?label FILTER(lang(?label) = 'ar') }",
    "star": "SELECT * WHERE { ?s rwb:phoned ?o }",
    "by-predicate": """SELECT ?rel (COUNT(*) AS ?n) WHERE { ?st a rwb:Statement ; rdf:predicate ?rel }
                       GROUP BY ?rel ORDER BY DESC(?n) ?rel""",
    "optional": """SELECT ?e ?en WHERE { ?e a rwb:Country OPTIONAL { ?e rdfs:label ?en FILTER(lang(?en) = 'en') }
                   OPTIONAL { ?e owl:sameAs ?wd } }""",
    "low-confidence": "SELECT ?st ?c WHERE { ?st rwb:confidence ?c FILTER(?c < 0.7) }",
    "union": "SELECT ?a ?b WHERE { { ?a rwb:met ?b } UNION { ?a rwb:phoned ?b } }",
    "named-graphs": "SELECT ?g (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?s a rwb:Statement } } GROUP BY ?g",
    "status": "SELECT ?st ?status WHERE { ?st rwb:status ?status FILTER(?status != rwb:Asserted) }",
    "strings": "SELECT (STRLEN(?t) AS ?len) ?t WHERE { ?q rwb:quoteText ?t } ORDER BY ?len",
    "avg": "SELECT ?rule (AVG(?c) AS ?mean) (MAX(?c) AS ?top) WHERE { ?s rwb:rule ?rule ; rwb:confidence ?c } GROUP BY ?rule",
}


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    directory = tmp_path_factory.mktemp("graphs")
    return {ext: sample.write_sample(directory, ext) for ext in (".ttl", ".trig", ".nq", ".nt", ".jsonld", ".rdf")}


@pytest.mark.parametrize("name", sorted(QUERIES))
@pytest.mark.parametrize("ext", [".trig", ".nq", ".ttl"])
def test_oxigraph_and_rdflib_give_the_same_answers(files, name: str, ext: str) -> None:
    query = QUERIES[name]
    if name == "named-graphs" and ext == ".ttl":
        pytest.skip("a Turtle file has no named graphs")
    ours = run_query(files[ext], query, engine="oxigraph")
    theirs = run_query(files[ext], query, engine="rdflib")
    assert ours.variables == theirs.variables
    assert ours.rows and sample.canonical(ours.rows) == sample.canonical(theirs.rows)


@pytest.mark.parametrize("ext", [".nt", ".jsonld", ".rdf"])
def test_every_graph_format_is_read_by_extension(files, ext: str) -> None:
    for engine in ("oxigraph", "rdflib"):
        result = run_query(files[ext], "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", engine=engine)
        assert int(result.rows[0][0]) == len(sample.sample_dataset())


def test_a_store_directory_is_a_source(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path / "db", create=True) as store:
        store.add_dataset(sample.sample_dataset())
    query = "SELECT ?o WHERE { id:donald-trump rwb:praised ?o }"
    assert run_query(tmp_path / "db", query).rows == ((ID["steve-witkoff"],),)
    assert run_query(tmp_path / "db", query, engine="rdflib").rows == ((ID["steve-witkoff"],),)


def test_prefixes_are_predeclared_and_a_query_may_redefine_them(files) -> None:
    assert "PREFIX rwb:" not in with_prefixes("PREFIX rwb: <http://x/> SELECT * {}").split("\n", 1)[0]
    assert with_prefixes("SELECT * {}").count("PREFIX") == len(PREFIXES)
    redefined = "PREFIX id: <http://example.org/> SELECT ?s WHERE { ?s ?p id:steve-witkoff }"
    for engine in ("oxigraph", "rdflib"):
        assert run_query(files[".trig"], redefined, engine=engine).rows == ()


def test_ask_and_construct(files) -> None:
    assert run_query(files[".trig"], "ASK { id:moscow rwb:demands id:topic-sanctions }").boolean is True
    assert run_query(files[".trig"], "ASK { id:moscow rwb:demands id:kremlin }", engine="rdflib").boolean is False
    construct = "CONSTRUCT { ?a rwb:met ?b } WHERE { ?a rwb:met ?b }"
    for engine in ("oxigraph", "rdflib"):
        result = run_query(files[".trig"], construct, engine=engine)
        assert result.kind == "graph" and len(result) == 1
        turtle = result.format("turtle")
        assert "id:vladimir-putin rwb:met id:steve-witkoff" in turtle
        assert set(Graph().parse(data=turtle, format="turtle")) == {(ID["vladimir-putin"], RWB.met, ID["steve-witkoff"])}
    described = run_query(files[".trig"], "DESCRIBE id:moscow")
    assert described.kind == "graph" and len(described) >= 2


def test_table_columns_stay_aligned_with_arabic_text(files) -> None:
    result = run_query(files[".trig"], "SELECT ?label ?p ?n WHERE { ?p a rwb:Person ; rdfs:label ?label "
                                       "FILTER(lang(?label) = 'ar') BIND(STRLEN(?label) AS ?n) } ORDER BY ?p")
    lines = format_result(result, "table").splitlines()
    assert any("دِمِتري بيسكوف" in line for line in lines)
    header = lines[0]
    starts = [display_width(header[:header.index(v)]) for v in result.variables]
    assert set(lines[1]) == {"-", " "}
    for line, row in zip(lines[2:], result.rows, strict=True):
        cells = [shorten(t) for t in row]
        positions, offset = [], 0
        for cell in cells:
            offset = line.index(cell, offset)
            positions.append(display_width(line[:offset]))
            offset += len(cell)
        assert positions == starts, line


def test_display_width_counts_terminal_columns() -> None:
    assert display_width("بوتين") == 5
    assert display_width("دِمِتري") == 5
    assert display_width("東京") == 4
    assert display_width("a\u200fb") == 2


def test_shorten_uses_the_prefixes() -> None:
    assert shorten(ID["vladimir-putin"]) == "id:vladimir-putin"
    assert shorten(URIRef("http://example.org/x")) == "<http://example.org/x>"
    assert shorten(URIRef(str(ID) + "a/b")) == f"<{ID}a/b>"
    assert shorten(Literal("موسكو", lang="ar")) == "موسكو"
    assert shorten(None) == ""


def test_csv_tsv_and_json_outputs_parse_back(files) -> None:
    result = run_query(files[".trig"], "SELECT ?st ?ev ?c WHERE { ?st rwb:evidence ?ev ; rwb:confidence ?c "
                                       "OPTIONAL { ?st rwb:nothing ?x } } ORDER BY ?st")
    expected = sample.canonical(result.rows)
    for fmt, ox_format in (("tsv", ox.QueryResultsFormat.TSV), ("json", ox.QueryResultsFormat.JSON)):
        parsed = ox.parse_query_results(format_result(result, fmt).encode("utf-8"), format=ox_format)
        assert [v.value for v in parsed.variables] == list(result.variables)
        assert sample.canonical(tuple(from_oxigraph(sol[v]) for v in result.variables) for sol in parsed) == expected
    table = list(csv.reader(io.StringIO(format_result(result, "csv"), newline="")))
    assert table[0] == ["st", "ev", "c"]  # CSV keeps only the text of each term
    assert table[1:] == [[str(t) for t in row] for row in result.rows]
    assert "التقى ويتكوف بوتين في موسكو." in table[1]
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == ["st", "ev", "c"]
    assert data["results"]["bindings"][0]["ev"]["xml:lang"] == "ar"


def test_ask_results_as_json_and_text(files) -> None:
    result = run_query(files[".trig"], "ASK { ?s rwb:met ?o }")
    assert json.loads(result.format("json")) == {"head": {}, "boolean": True}
    assert result.format("table") == "true\n"


def test_format_errors() -> None:
    select = Result("select", variables=("x",), rows=())
    with pytest.raises(FormatError):
        format_result(select, "turtle")
    with pytest.raises(FormatError):
        format_result(select, "yaml")
    with pytest.raises(FormatError):
        format_result(Result("graph", graph=Graph()), "csv")


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_a_malformed_query_is_a_one_line_query_error(files, engine: str) -> None:
    with pytest.raises(QueryError) as caught:
        run_query(files[".ttl"], "SELECT ?x WHERE {\n ?x rwb:met \n", engine=engine)
    message = str(caught.value)
    assert message.startswith("malformed query:") and "\n" not in message


def test_updates_are_refused(files) -> None:
    update = "# remove everything\nPREFIX ex: <http://example.org/>\nDELETE WHERE { ?s ?p ?o }"
    assert is_update(update) and is_update("insert data { <a> <b> <c> }")
    assert not is_update("SELECT ?insert WHERE { ?insert ?p ?o }")
    with pytest.raises(QueryError, match="read-only"):
        run_query(files[".ttl"], update)


def test_bad_sources_and_engines(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no graph file"):
        run_query(tmp_path / "missing.ttl", "ASK {}")
    (tmp_path / "g.txt").write_text("x", encoding="utf-8")
    with pytest.raises(FormatError, match="RDF format"):
        load_file(tmp_path / "g.txt")
    (tmp_path / "bad.ttl").write_text("<a> <b> .", encoding="utf-8")
    for engine in ("oxigraph", "rdflib"):
        with pytest.raises(InputError, match="cannot read"):
            load_file(tmp_path / "bad.ttl", engine=engine)
    with pytest.raises(QueryError, match="engine"):
        run_query(tmp_path / "bad.ttl", "ASK {}", engine="jena")


@pytest.mark.skipif(sample.ROQET is None, reason="Rasqal's roqet is not installed (apt-get install rasqal-utils)")
@pytest.mark.parametrize("name", sorted(set(QUERIES) - {"named-graphs", "star"}))
def test_roqet_gives_the_same_answers_over_turtle(files, name: str) -> None:
    names, rows = sample.roqet_select(files[".ttl"], QUERIES[name])
    ours = run_query(files[".ttl"], QUERIES[name])
    assert names == ours.variables or not rows
    assert sample.canonical(rows) == sample.canonical(ours.rows)


def test_columns_follow_the_projection_and_each_distinct_term_is_converted_once(files) -> None:
    result = run_query(files[".trig"], "SELECT ?status ?st WHERE { ?st rwb:status ?status }")
    assert result.variables == ("status", "st")
    assert all(str(st).startswith(PREFIXES["statement"]) for _, st in result.rows)
    asserted = [status for status, _ in result.rows if status == RWB.Asserted]
    assert len(asserted) > 1 and all(status is asserted[0] for status in asserted)
