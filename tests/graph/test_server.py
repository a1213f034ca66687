"""Tests of rawabit.graph.server: the SPARQL 1.1 Protocol endpoint (loopback only)."""
from __future__ import annotations

import csv
import io
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from rawabit.errors import StoreError
from rawabit.graph.admission import query_shape
from rawabit.graph.namespace import ID, RWB
from rawabit.graph.server import ServerHandle, negotiate
from rawabit.graph.store import GraphStore


from support import store_sample as sample  # noqa: E402  (tests/support, see conftest.py)
MET = "SELECT ?a ?b WHERE { ?a rwb:met ?b }"
#: A cross join of the ~2,000 quads with themselves three times: never finishes in time.
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    directory = tmp_path_factory.mktemp("served") / "db"
    padding = Graph()
    for i in range(2000):
        padding.add((URIRef(f"http://example.org/n{i}"), RWB.mentions, Literal(i)))
    with GraphStore.open(directory, create=True) as store:
        store.add_dataset(sample.sample_dataset())
        store.add_dataset(padding)
    handle = ServerHandle(directory, port=0, timeout=2.0, workers=1)
    handle.start()
    try:
        yield handle
    finally:
        handle.stop()


def _request(url: str, *, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def _get(server: ServerHandle, query: str, accept: str = "application/sparql-results+json", **params):
    url = server.url + "?" + urllib.parse.urlencode({"query": query, **params})
    return _request(url, headers={"Accept": accept})


def test_it_listens_on_a_free_loopback_port(server: ServerHandle) -> None:
    assert server.host == "127.0.0.1" and server.port > 0
    assert server.url == f"http://127.0.0.1:{server.port}/sparql"


def test_get_answers_with_sparql_json(server: ServerHandle) -> None:
    status, headers, body = _get(server, MET)
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    data = json.loads(body)
    assert data["head"]["vars"] == ["a", "b"]
    assert data["results"]["bindings"] == [{"a": {"type": "uri", "value": str(ID["vladimir-putin"])},
                                            "b": {"type": "uri", "value": str(ID["steve-witkoff"])}}]


def test_post_form_answers_with_csv(server: ServerHandle) -> None:
    query = "SELECT ?label WHERE { id:moscow rdfs:label ?label } ORDER BY ?label"
    status, headers, body = _request(server.url, data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": "text/csv",
                                              "Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(body.decode("utf-8")))) == [["label"], ["Moscow"], ["موسكو"]]


def test_post_sparql_query_answers_with_xml_and_tsv(server: ServerHandle) -> None:
    for accept, fmt in (("application/sparql-results+xml", ox.QueryResultsFormat.XML),
                        ("text/tab-separated-values", ox.QueryResultsFormat.TSV)):
        status, headers, body = _request(server.url, data=MET.encode(), headers={
            "Accept": accept, "Content-Type": "application/sparql-query"})
        assert status == 200 and headers["Content-Type"].startswith(accept)
        rows = [(s["a"].value, s["b"].value) for s in ox.parse_query_results(body, format=fmt)]
        assert rows == [(str(ID["vladimir-putin"]), str(ID["steve-witkoff"]))]


def test_ask_and_construct_are_negotiated(server: ServerHandle) -> None:
    status, _, body = _get(server, "ASK { id:moscow rwb:demands id:topic-sanctions }")
    assert status == 200 and json.loads(body)["boolean"] is True
    construct = "CONSTRUCT { ?a rwb:met ?b } WHERE { ?a rwb:met ?b }"
    expected = {(ID["vladimir-putin"], RWB.met, ID["steve-witkoff"])}
    for accept, fmt in (("text/turtle", "turtle"), ("application/n-triples", "nt"),
                        ("application/sparql-results+json, text/turtle;q=0.5", "turtle")):
        status, headers, body = _get(server, construct, accept)
        assert status == 200 and headers["Content-Type"].startswith(fmt == "nt" and "application/n-triples"
                                                                    or "text/turtle")
        assert set(Graph().parse(data=body.decode("utf-8"), format=fmt)) == expected


def test_sparqlwrapper_can_query_it(server: ServerHandle) -> None:
    SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
    client = SPARQLWrapper.SPARQLWrapper(server.url)
    client.setQuery("SELECT ?who WHERE { ?who rwb:phoned id:vladimir-putin }")
    client.setReturnFormat(SPARQLWrapper.JSON)
    bindings = client.query().convert()["results"]["bindings"]
    assert [b["who"]["value"] for b in bindings] == [str(ID["donald-trump"])]
    client.setMethod(SPARQLWrapper.POST)
    assert client.query().convert()["results"]["bindings"] == bindings


def test_no_cors_headers_by_default_and_foreign_origins_are_refused(server: ServerHandle) -> None:
    status, headers, _ = _get(server, MET)
    assert status == 200 and "Access-Control-Allow-Origin" not in headers
    url = server.url + "?" + urllib.parse.urlencode({"query": MET})
    status, headers, body = _request(url, headers={"Origin": "http://evil.example"})
    assert status == 403 and b"--cors http://evil.example" in body
    assert "Access-Control-Allow-Origin" not in headers
    status, _, _ = _request(server.url, method="OPTIONS", headers={
        "Origin": "http://evil.example", "Access-Control-Request-Method": "POST"})
    assert status == 403


def test_the_servers_own_query_form_may_post(server: ServerHandle) -> None:
    own = f"http://{server.host}:{server.port}"
    form = urllib.parse.urlencode({"query": MET, "format": "json"}).encode()
    status, headers, body = _request(server.url, data=form, headers={
        "Origin": own, "Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and json.loads(body)["results"]["bindings"]


def test_a_foreign_host_header_is_refused(server: ServerHandle) -> None:
    url = server.url + "?" + urllib.parse.urlencode({"query": MET})
    status, _, body = _request(url, headers={"Host": f"rebind.evil.example:{server.port}"})
    assert status == 403 and b"--allow-host rebind.evil.example" in body
    for name in (f"localhost:{server.port}", f"127.0.0.1:{server.port}", "127.0.0.1"):
        assert _request(url, headers={"Host": name})[0] == 200, name


def test_allowed_origins_and_hosts_are_answered(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path / "db", create=True) as store:
        store.add_dataset(sample.sample_dataset())
    with ServerHandle(tmp_path / "db", port=0, timeout=5, workers=1, cors=["https://newsroom.example"],
                      allow_hosts=["graph.newsroom.lan"]) as handle:
        url = handle.url + "?" + urllib.parse.urlencode({"query": MET})
        status, headers, _ = _request(url, headers={"Origin": "https://newsroom.example"})
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "https://newsroom.example"
        assert headers["Vary"] == "Origin"
        status, headers, _ = _request(handle.url, method="OPTIONS", headers={
            "Origin": "https://newsroom.example", "Access-Control-Request-Method": "POST"})
        assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
        assert _request(url, headers={"Origin": "https://other.example"})[0] == 403
        assert _request(url, headers={"Host": "graph.newsroom.lan"})[0] == 200
        assert _request(url, headers={"Host": "other.lan"})[0] == 403


def test_updates_are_refused(server: ServerHandle) -> None:
    form = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
    assert _request(server.url, data=form, headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
    assert _request(server.url, data=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"})[0] == 403
    assert _get(server, "DELETE WHERE { ?s ?p ?o }")[0] == 403
    status, _, body = _get(server, "ASK { ?s rwb:met ?o }")
    assert status == 200 and json.loads(body)["boolean"] is True  # the store is untouched


def test_bad_requests(server: ServerHandle) -> None:
    status, headers, body = _get(server, "SELECT ?x WHERE {")
    assert status == 400 and body.decode().startswith("malformed query:")
    assert _request(server.url)[0] == 400
    assert _request(server.url.replace("/sparql", "/nothing"))[0] == 404
    assert _request(server.url, data=b"x", headers={"Content-Type": "text/plain"})[0] == 415
    assert _get(server, MET, accept="image/png")[0] == 406


def test_html_form(server: ServerHandle) -> None:
    status, headers, body = _request(server.url.replace("/sparql", "/"))
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b"<form" in body and b'name="query"' in body


def test_a_runaway_query_times_out_and_the_server_recovers(server: ServerHandle) -> None:
    status, _, body = _get(server, HEAVY)
    assert status == 503 and b"limit" in body
    status, _, body = _get(server, MET)
    assert status == 200 and json.loads(body)["results"]["bindings"]


def test_cheap_queries_are_answered_while_expensive_ones_hold_the_long_lane(tmp_path_factory, server) -> None:
    # the module's store (2,000 padding quads): HEAVY never ends within the limit
    handle = ServerHandle(server.source, port=0, timeout=4.0, workers=1, short_workers=1, short_limit=0.5)
    with handle:
        heavy = [threading.Thread(target=_get, args=(handle, HEAVY)) for _ in range(3)]
        for thread in heavy:
            thread.start()
        time.sleep(1.0)   # the first has left the short lane; the long lane is busy, two wait for it
        answers = [_get(handle, MET) for _ in range(5)]
        busy = sum(thread.is_alive() for thread in heavy)
        for thread in heavy:
            thread.join()
    assert busy == 3   # all three expensive queries were still running or waiting
    assert all(status == 200 and json.loads(body)["results"]["bindings"] for status, _, body in answers)
    assert query_shape(HEAVY) in handle._lanes.slow and query_shape(MET) not in handle._lanes.slow


def test_negotiate() -> None:
    assert negotiate(None, "results") == "application/sparql-results+json"
    assert negotiate("*/*", "graph") == "text/turtle"
    assert negotiate("text/csv;q=0.4, application/sparql-results+xml", "results") == "application/sparql-results+xml"
    assert negotiate("text/html, application/xhtml+xml, */*;q=0.8", "results") == "application/sparql-results+json"
    assert negotiate("application/json", "results", "csv") == "text/csv"
    assert negotiate("application/json", "graph", "csv") is None
    assert negotiate("text/*", "results") == "text/csv"
    assert negotiate("image/png", "results") is None


def test_stop_ends_the_workers_and_the_socket(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path / "db", create=True) as store:
        store.add_dataset(sample.sample_dataset())
    handle = ServerHandle(tmp_path / "db", port=0, timeout=5, workers=2).start()
    processes = [w.process for pool in (handle._long, handle._short) for w in pool._all]
    assert len(processes) == 5   # two for slow queries, two for short ones and their spare
    assert _get(handle, MET)[0] == 200
    handle.stop()
    handle.stop()
    assert processes and not any(p.is_alive() for p in processes)
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(handle.url, timeout=5)


def test_a_missing_store_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        ServerHandle(tmp_path / "none").start()
    (tmp_path / "empty").mkdir()
    with pytest.raises(StoreError):
        ServerHandle(tmp_path / "empty").start()
