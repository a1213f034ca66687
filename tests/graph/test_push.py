"""Tests of :mod:`rawabit.graph.push` against a scripted HTTP server on a loopback port:
chunks, retries with backoff, logins and refusals (the real servers are in tests/commands/test_push.py)."""
from __future__ import annotations

import base64
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox
import pytest

from rawabit.errors import InputError, ServerError
from rawabit.graph.push import GraphStoreClient, push

ID = "https://w3id.org/rawabit/id/"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
MET = ox.NamedNode("https://w3id.org/rawabit/ontology#met")
ARTICLE = ox.NamedNode("https://w3id.org/rawabit/article/a1b2c3d4e5f6")
NAMES = {"vladimir-putin": "فلاديمير بوتين", "steve-witkoff": "ستيف ويتكوف", "donald-trump": "دونالد ترمب",
         "moscow": "موسكو", "kremlin": "الكرملين"}


@dataclass
class Script:
    """What the server answers, one (status, headers, body) per request, then 204; and what it got."""

    answers: list[tuple[int, dict[str, str], bytes]] = field(default_factory=list)
    login: str | None = None  # "user:password" the server wants over HTTP Basic
    got: list[tuple[str, str, str, bytes]] = field(default_factory=list)


@pytest.fixture
def server() -> Iterator[tuple[str, Script]]:
    script = Script()

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            wanted = script.login and "Basic " + base64.b64encode(script.login.encode()).decode()
            if wanted and self.headers.get("Authorization") != wanted:
                self._reply(401, {"WWW-Authenticate": 'Basic realm="graph store"'}, b"login please")
                return
            script.got.append((self.command, self.path, self.headers.get("Content-Type", ""), body))
            self._reply(*(script.answers.pop(0) if script.answers else (204, {}, b"")))

        def _reply(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self.send_response(status)
            for name, value in {**headers, "Content-Length": str(len(body))}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_PUT = _answer

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/store", script
    httpd.shutdown()
    httpd.server_close()


def _quads() -> list[ox.Quad]:
    out = [ox.Quad(ox.NamedNode(ID + key), LABEL, ox.Literal(name, language="ar")) for key, name in NAMES.items()]
    out.append(ox.Quad(ox.NamedNode(ID + "steve-witkoff"), MET, ox.NamedNode(ID + "vladimir-putin"), ARTICLE))
    return out


def test_a_dataset_goes_as_n_quads_in_chunks_with_blank_nodes_last(server) -> None:
    url, script = server
    blank = ox.BlankNode()
    quads = _quads()
    mixed = quads[:2] + [ox.Quad(blank, LABEL, ox.Literal("مصدر مطلع", language="ar"), ARTICLE)] + quads[2:]
    mixed.append(ox.Quad(ox.NamedNode(ID + "kremlin"), MET, blank, ARTICLE))
    report = push(mixed, GraphStoreClient(url), chunk_size=4)
    assert (report.quads, report.requests) == (len(mixed), 3)
    assert [(m, p, k) for m, p, k, _ in script.got] == [("POST", "/store", "application/n-quads")] * 3
    sent = [list(ox.parse(body, format=ox.RdfFormat.N_QUADS)) for *_, body in script.got]
    assert [len(chunk) for chunk in sent] == [4, 2, 2]
    assert set(sent[0] + sent[1]) == set(quads)
    last = sent[2]
    assert last[0].subject == last[1].object and isinstance(last[0].subject, ox.BlankNode)  # one node, one request


def test_one_graph_goes_as_turtle_and_replace_puts_first(server) -> None:
    url, script = server
    graph = "https://example.org/rawabit?edition=1"
    push(_quads(), GraphStoreClient(url), graph=graph, chunk_size=4, replace=True)
    query = "?" + urllib.parse.urlencode({"graph": graph})
    assert [(m, p, k) for m, p, k, _ in script.got] == [("PUT", "/store" + query, "text/turtle; charset=utf-8"),
                                                         ("POST", "/store" + query, "text/turtle; charset=utf-8")]
    first = script.got[0][3].decode("utf-8")
    assert "@prefix id: <https://w3id.org/rawabit/id/>" in first and '"فلاديمير بوتين"@ar' in first
    triples = {t for *_, body in script.got for t in ox.parse(body, format=ox.RdfFormat.TURTLE)}
    assert triples == {ox.Quad(q.subject, q.predicate, q.object) for q in _quads()}


def test_replacing_with_nothing_empties_the_graph(server) -> None:
    url, script = server
    report = push([], GraphStoreClient(url), graph="default", replace=True)
    assert report.requests == 1 and script.got == [("PUT", "/store?default", "text/turtle; charset=utf-8", b"")]
    with pytest.raises(InputError, match="--replace needs --graph"):
        push([], GraphStoreClient(url), replace=True)


def test_a_busy_server_is_tried_again_with_growing_waits(server) -> None:
    url, script = server
    script.answers = [(503, {"Retry-After": "2"}, b"busy"), (502, {}, b"bad gateway"), (204, {}, b"")]
    waits: list[float] = []
    assert GraphStoreClient(url, sleep=waits.append).send(b"", "application/n-quads") == 204
    assert waits == [2.0, 1.0] and len(script.got) == 3


def test_retries_are_bounded(server) -> None:
    url, script = server
    script.answers = [(503, {}, b"still busy")] * 3
    waits: list[float] = []
    with pytest.raises(ServerError, match=r"answered HTTP 503 Service Unavailable: still busy"):
        GraphStoreClient(url, retries=2, sleep=waits.append).send(b"", "application/n-quads")
    assert waits == [0.5, 1.0] and len(script.got) == 3


def test_rejected_data_is_not_sent_again(server) -> None:
    url, script = server
    script.answers = [(400, {"Content-Type": "text/html"},
                       b"<html><head><title>Error</title></head><body><p>Parse error on line 1</p></body></html>")]
    with pytest.raises(ServerError) as caught:
        push(_quads(), GraphStoreClient(url, sleep=pytest.fail))
    assert str(caught.value) == (
        f"the server at {url} rejected the data (HTTP 400 Bad Request: Parse error on line 1); "
        "it may not take whole datasets (N-Quads): push into one graph with --graph IRI")
    assert len(script.got) == 1


def test_a_redirect_is_an_error_not_a_silent_get(server) -> None:
    url, script = server
    script.answers = [(301, {"Location": "https://graph.example.org/store"}, b"")]
    with pytest.raises(ServerError, match=r"sends the data elsewhere \(HTTP 301 to https://graph.example.org/store\)"):
        GraphStoreClient(url).send(b"<a:b> <a:c> <a:d> .", "application/n-quads")
    assert len(script.got) == 1


def test_basic_login(server) -> None:
    url, script = server
    script.login = "editor:سر-المحرر"
    assert GraphStoreClient(url, user="editor", password="سر-المحرر").send(b"", "text/turtle") == 204
    with pytest.raises(ServerError, match="refused the login .HTTP 401.*check --user and --password"):
        GraphStoreClient(url, user="editor", password="wrong").send(b"", "text/turtle")
    with pytest.raises(ServerError, match="give --user and --password"):
        GraphStoreClient(url).send(b"", "text/turtle")
    assert len(script.got) == 1


@pytest.mark.parametrize("endpoint", ["ftp://example.org/store", "127.0.0.1:7878/store", "http://h/store#x"])
def test_endpoints_must_be_http_urls(endpoint: str) -> None:
    with pytest.raises(InputError, match="endpoint"):
        GraphStoreClient(endpoint)


def test_virtuoso_crud_endpoints_take_no_dataset() -> None:
    with pytest.raises(InputError, match="takes one graph at a time"):
        push(_quads(), GraphStoreClient("http://127.0.0.1:8890/sparql-graph-crud-auth"))
