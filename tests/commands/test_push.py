"""``rawabit push`` into real servers started on loopback ports: Oxigraph and Virtuoso.

After a push the server holds exactly the quads of the file or store, and the
SPARQL cookbook answers over the server's /query as ``rawabit query`` does.
"""
from __future__ import annotations

import importlib.util
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from rawabit.cli import main
from rawabit.graph.sparql import run_query
from rawabit.graph.store import GraphStore, from_oxigraph

from support import servers  # noqa: E402  (tests/support, see conftest.py)
from support import store_sample as sample  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
GRAPH = "https://example.org/rawabit/newsroom"
MOSCOW_LABEL = '<https://w3id.org/rawabit/id/moscow> <http://www.w3.org/2000/01/rdf-schema#label> "موسكو"@ar .\n'


def _cookbook():
    name = "rawabit_scripts_cookbook"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "cookbook.py")
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[name]


RECIPES = _cookbook().recipes(ROOT / "docs" / "cookbook")


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    server = servers.start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory, samples_dir: Path) -> Path:
    """A store built by the real pipeline from the bundled sample articles."""
    store = tmp_path_factory.mktemp("samples") / "graph.db"
    assert main(["build", str(samples_dir), "--store", str(store), "--no-ner", "-q"]) == 0
    return store


def _post(url: str, data: dict[str, str], accept: str = "*/*") -> bytes:
    request = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode(), headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return answer.read()


def _clear(server: servers.Server) -> None:
    _post(server.url + "/update", {"update": "DROP ALL"})


def _server_quads(server: servers.Server, graph: str | None = None) -> set[ox.Quad]:
    url = server.url + "/store" + (f"?graph={urllib.parse.quote(graph, safe='')}" if graph else "")
    accept = "application/n-triples" if graph else "application/n-quads"
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=60) as answer:
        body = answer.read()
    fmt = ox.RdfFormat.N_TRIPLES if graph else ox.RdfFormat.N_QUADS
    return set(ox.parse(body, format=fmt))


def _local_store(path: Path, fmt: ox.RdfFormat = ox.RdfFormat.TRIG) -> ox.Store:
    store = ox.Store()
    store.load(path=str(path), format=fmt)
    return store


def _push(*args: str) -> int:
    return main(["push", *args, "-q"])


def _server_select(server: servers.Server, query: str) -> tuple[tuple[str, ...], list[tuple]]:
    body = _post(server.url + "/query", {"query": query}, "application/sparql-results+json")
    answer = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    names = tuple(v.value for v in answer.variables)
    return names, [tuple(None if (t := row[n]) is None else from_oxigraph(t) for n in names) for row in answer]


@pytest.fixture(scope="module")
def pushed_store(oxigraph, sample_store: Path) -> Path:
    """The sample store, pushed into the emptied server in chunks of 500 quads."""
    _clear(oxigraph)
    assert _push("--store", str(sample_store), "--endpoint", oxigraph.url + "/store", "--chunk-size", "500") == 0
    return sample_store


def test_a_pushed_store_is_on_the_server_quad_for_quad(oxigraph, pushed_store: Path) -> None:
    with GraphStore.open(pushed_store, read_only=True) as store:
        local = set(store.oxigraph)
    assert len(local) > 1000  # several chunks
    assert any(not isinstance(q.graph_name, ox.DefaultGraph) for q in local)
    assert _server_quads(oxigraph) == local


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda r: r.path.stem)
def test_each_recipe_answers_over_the_server_as_rawabit_query(oxigraph, pushed_store: Path, recipe) -> None:
    """The recipe file as it stands (it declares its prefixes) over the server's SPARQL endpoint."""
    names, rows = _server_select(oxigraph, recipe.query)
    ours = run_query(pushed_store, recipe.query)
    assert names == ours.variables
    assert sample.canonical(rows) == sample.canonical(ours.rows)


def test_push_a_trig_file_keeps_its_named_graphs_and_adds_nothing_twice(oxigraph, tmp_path: Path) -> None:
    trig = sample.write_sample(tmp_path, ".trig")
    local = set(_local_store(trig))  # as Oxigraph keeps them: typed literals in canonical form (1.0 → 1)
    _clear(oxigraph)
    for _ in range(2):
        assert _push(str(trig), "--endpoint", oxigraph.url + "/store", "--chunk-size", "40") == 0
        assert _server_quads(oxigraph) == local


def test_push_turtle_into_one_graph_and_replace_it(oxigraph, tmp_path: Path, capsys) -> None:
    turtle = sample.write_sample(tmp_path, ".ttl")
    triples = set(_local_store(turtle, ox.RdfFormat.TURTLE))
    _clear(oxigraph)
    assert main(["push", str(turtle), "--endpoint", oxigraph.url + "/store", "--graph", GRAPH]) == 0
    assert f"pushed {len(triples)} quads into graph <{GRAPH}>" in capsys.readouterr().err
    assert _server_quads(oxigraph, GRAPH) == triples
    one = tmp_path / "one.nt"
    one.write_text(MOSCOW_LABEL, encoding="utf-8")
    assert _push(str(one), "--endpoint", oxigraph.url + "/store", "--graph", GRAPH, "--replace") == 0
    assert [q.object.value for q in _server_quads(oxigraph, GRAPH)] == ["موسكو"]


def test_an_unreachable_server_is_a_clear_error(tmp_path: Path, capsys) -> None:
    trig = sample.write_sample(tmp_path, ".trig")
    url = f"http://127.0.0.1:{servers.free_port()}/store"
    assert _push(str(trig), "--endpoint", url, "--retries", "1") == 6
    err = capsys.readouterr().err
    assert f"rawabit: error: cannot reach {url}: Connection refused (tried 2 times)" in err
    assert "Traceback" not in err


def test_a_rejected_payload_is_a_clear_error(oxigraph, tmp_path: Path, capsys) -> None:
    trig = sample.write_sample(tmp_path, ".trig")
    assert _push(str(trig), "--endpoint", oxigraph.url + "/query") == 6  # a query endpoint takes no data
    err = capsys.readouterr().err
    assert "rejected the data (HTTP 415" in err and "Traceback" not in err


def test_a_malformed_file_sends_nothing(oxigraph, tmp_path: Path, capsys) -> None:
    _clear(oxigraph)
    bad = tmp_path / "bad.nq"
    bad.write_text(MOSCOW_LABEL * 3 + "<https://w3id.org/rawabit/id/kyiv> rdfs:label \"كييف\" .\n", encoding="utf-8")
    assert _push(str(bad), "--endpoint", oxigraph.url + "/store", "--chunk-size", "1") == 2
    assert "cannot read" in capsys.readouterr().err
    assert _server_quads(oxigraph) == set()


@pytest.mark.parametrize("args, message", [
    ([], "give a graph file or --store DIR"),
    (["--graph", "newsroom"], "--graph must be an absolute IRI"),
    (["--password", "x"], "--password needs --user"),
    (["--chunk-size", "0"], "the chunk size must be at least 1"),
    (["--retries", "-1"], "--retries must be 0 or more"),
    (["--replace"], "--replace needs --graph"),
])
def test_bad_arguments_are_clear_errors(tmp_path: Path, capsys, args, message) -> None:
    trig = [str(sample.write_sample(tmp_path, ".trig"))] if args else []
    assert _push(*trig, *args, "--endpoint", "http://127.0.0.1:9/store") == 2
    assert message in capsys.readouterr().err


# -- Virtuoso --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    server = servers.start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()


def _virtuoso_count(server: servers.Server, graph: str) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    body = _post(server.url + "/sparql", {"query": query}, "application/sparql-results+json")
    (row,) = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    return int(row["n"].value)


def test_push_into_virtuoso_with_digest_login(virtuoso, sample_store: Path, tmp_path: Path, monkeypatch) -> None:
    """Virtuoso's Graph Store endpoint takes one graph per request: the union goes into --graph."""
    turtle = tmp_path / "graph.ttl"
    assert main(["export", "--store", str(sample_store), "-o", str(turtle), "-q"]) == 0
    triples = {(q.subject, q.predicate, q.object) for q in ox.parse(path=str(turtle), format=ox.RdfFormat.TURTLE)}
    monkeypatch.setenv("RAWABIT_PASSWORD", servers.VIRTUOSO_PASSWORD)
    endpoint = virtuoso.url + "/sparql-graph-crud-auth"
    for _ in range(2):  # the second push adds nothing
        assert _push(str(turtle), "--endpoint", endpoint, "--graph", GRAPH, "--user", servers.VIRTUOSO_USER,
                     "--chunk-size", "700") == 0
        assert _virtuoso_count(virtuoso, GRAPH) == len(triples) > 1000


def test_virtuoso_refuses_a_wrong_password_and_a_dataset(virtuoso, tmp_path: Path, capsys) -> None:
    trig = sample.write_sample(tmp_path, ".trig")
    endpoint = virtuoso.url + "/sparql-graph-crud-auth"
    graph = GRAPH + "/refused"
    assert _push(str(trig), "--endpoint", endpoint, "--graph", graph, "--user", "dba", "--password", "wrong") == 6
    assert "refused the login (HTTP 401" in capsys.readouterr().err
    assert _push(str(trig), "--endpoint", endpoint, "--user", "dba", "--password", "dba") == 2
    assert "takes one graph at a time" in capsys.readouterr().err
    assert _virtuoso_count(virtuoso, graph) == 0
