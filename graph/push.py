"""Pushing quads to a SPARQL server over the SPARQL 1.1 Graph Store HTTP Protocol.

The quads go in chunks, one ``POST`` each, so a graph of any size streams
from a file or a store in bounded memory. ``POST`` adds to what the server
holds (an RDF merge), and quads are a set, so a chunk sent again after a
retry changes nothing. Blank nodes are the exception: a server gives each
request its own, so quads with blank nodes are held back and sent together
in the last request (Rawabit's own graphs have none).

Two ways to send, as the Graph Store Protocol and the servers allow:

- a **dataset** (no ``graph``): N-Quads to the endpoint URL itself, named
  graphs kept; Oxigraph's ``/store``, Fuseki's dataset URL and GraphDB's
  ``/repositories/REPO/statements`` take them;
- **one graph** (``graph=IRI``, or ``"default"``): Turtle to
  ``URL?graph=IRI`` (``URL?default``), the union of the input's graphs;
  every Graph Store endpoint takes it, Virtuoso's ``/sparql-graph-crud`` too.

>>> client = GraphStoreClient("http://127.0.0.1:7878/store")   # doctest: +SKIP
>>> push(parse_file("graph.trig"), client)                      # doctest: +SKIP
PushReport(quads=5123, requests=1, seconds=0.4)
"""
from __future__ import annotations

import http.client
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import pyoxigraph as ox

from rawabit.errors import InputError, ServerError

from .namespace import PREFIXES
from .sparql import graph_file_format

__all__ = ["GraphStoreClient", "PushReport", "push", "parse_file", "DEFAULT_GRAPH", "CHUNK_SIZE"]

#: The ``graph`` value that names the server's default graph (``URL?default``).
DEFAULT_GRAPH = "default"
#: Quads per request: about 10 MB of N-Quads for a Rawabit graph.
CHUNK_SIZE = 50_000
_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_LONGEST_WAIT = 30.0
#: Endpoints that take one graph per request and silently mangle N-Quads (Virtuoso's).
_GRAPH_ONLY_PATHS = ("/sparql-graph-crud", "/sparql-graph-crud-auth")
_HEAD = re.compile(r"<(head|title)\b.*?</\1>", re.IGNORECASE | re.DOTALL)
_MARKUP = re.compile(r"<[^>]*>")
_NQUADS = "application/n-quads"
_TURTLE = "text/turtle; charset=utf-8"


@dataclass(frozen=True, slots=True)
class PushReport:
    """What a push sent.

    Attributes:
        quads: Quads (or triples) sent.
        requests: Requests that the server accepted.
        seconds: Wall-clock time of the push.
    """

    quads: int
    requests: int
    seconds: float


class GraphStoreClient:
    """``POST`` and ``PUT`` to one Graph Store endpoint, with retries and login.

    Args:
        endpoint: The endpoint URL, ``http://`` or ``https://``.
        user, password: Login for HTTP Basic or Digest authentication,
            whichever the server asks for.
        retries: How many times a request is tried again after the server was
            unreachable, timed out or answered 408, 429 or 5xx.
        backoff: Seconds before the first retry; each next wait doubles (at
            most 30 s, or the server's ``Retry-After`` up to that).
        timeout: Seconds to wait for each answer.
        sleep: The function that waits (tests pass a recorder).

    Raises:
        InputError: *endpoint* is not an http(s) URL.
    """

    def __init__(self, endpoint: str, *, user: str | None = None, password: str | None = None,
                 retries: int = 3, backoff: float = 0.5, timeout: float = 120.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        parts = urllib.parse.urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(f"the endpoint must be an http:// or https:// URL, not {endpoint!r}")
        if parts.fragment:
            raise InputError(f"the endpoint URL must not have a #fragment: {endpoint}")
        self.endpoint = endpoint
        self.retries, self.backoff, self.timeout, self._sleep = max(0, retries), backoff, timeout, sleep
        handlers: list[urllib.request.BaseHandler] = [_NoRedirect()]
        if user is not None:
            logins = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            logins.add_password(None, endpoint, user, password or "")
            handlers += [urllib.request.HTTPDigestAuthHandler(logins), urllib.request.HTTPBasicAuthHandler(logins)]
        self._opener = urllib.request.build_opener(*handlers)
        self._login = user is not None

    def url(self, graph: str | None = None) -> str:
        """The URL of the dataset (*graph* None), of the default graph or of graph IRI *graph*."""
        if graph is None:
            return self.endpoint
        query = "default" if graph == DEFAULT_GRAPH else urllib.parse.urlencode({"graph": graph})
        return self.endpoint + ("&" if urllib.parse.urlsplit(self.endpoint).query else "?") + query

    def send(self, body: bytes, content_type: str, *, graph: str | None = None, method: str = "POST") -> int:
        """Send *body* to the dataset or *graph*; return the HTTP status.

        Raises:
            ServerError: The server stayed unreachable through the retries,
                refused the login, or rejected the request.
        """
        url = self.url(graph)
        for attempt in range(self.retries + 1):
            request = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": content_type})
            try:
                with self._opener.open(request, timeout=self.timeout) as answer:
                    answer.read()
                    return int(answer.status)
            except urllib.error.HTTPError as exc:
                detail = _detail(exc)
                if exc.code not in _RETRY_STATUS or attempt == self.retries:
                    raise ServerError(self._refusal(exc, detail, graph)) from None
                self._sleep(self._wait(attempt, exc.headers))
            except ValueError as exc:  # urllib's digest handler meets a scheme it does not know
                raise ServerError(f"the server at {self.endpoint} asks for a login this client cannot give: "
                                  f"{_one_line(exc)}") from None
            except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:  # refused, reset, timed out
                if attempt == self.retries:
                    reason = getattr(exc, "reason", exc)
                    reason = getattr(reason, "strerror", None) or reason
                    raise ServerError(f"cannot reach {self.endpoint}: {_one_line(reason)}"
                                      f" (tried {attempt + 1} time{'s' if attempt else ''})") from None
                self._sleep(self._wait(attempt, None))
        raise AssertionError("unreachable")  # the loop returns or raises

    def _wait(self, attempt: int, headers: Message | None) -> float:
        wait = self.backoff * 2 ** attempt
        after = headers.get("Retry-After", "") if headers is not None else ""
        if after.strip().isdigit():
            wait = max(wait, float(after))
        return min(wait, _LONGEST_WAIT)

    def _refusal(self, exc: urllib.error.HTTPError, detail: str, graph: str | None) -> str:
        code, where = exc.code, self.endpoint
        said = f"HTTP {code} {exc.reason}".strip() + (f": {detail}" if detail else "")
        if 300 <= code < 400:
            to = exc.headers.get("Location", "another URL") if exc.headers is not None else "another URL"
            return f"the server at {where} sends the data elsewhere (HTTP {code} to {to}); give that URL as --endpoint"
        if code in (401, 403):
            hint = "check --user and --password" if self._login else "give --user and --password"
            return f"the server at {where} refused the login ({said}); {hint}"
        if code in (400, 415, 422):
            hint = ("; it may not take whole datasets (N-Quads): push into one graph with --graph IRI"
                    if graph is None else "")
            return f"the server at {where} rejected the data ({said}){hint}"
        if code == 413:
            return f"the server at {where} refused a request as too large ({said}); use a smaller --chunk-size"
        if code in (404, 405):
            return (f"no Graph Store endpoint at {where} ({said}); Oxigraph's is http://HOST:7878/store, "
                    "Fuseki's http://HOST:3030/DATASET/data, Virtuoso's http://HOST:8890/sparql-graph-crud-auth")
        return f"the server at {where} answered {said}"


def push(quads: Iterable[ox.Quad], client: GraphStoreClient, *, graph: str | None = None,
         chunk_size: int = CHUNK_SIZE, replace: bool = False,
         progress: Callable[[int], None] | None = None) -> PushReport:
    """Send *quads* to the server of *client*, *chunk_size* at a time.

    Args:
        quads: The quads, e.g. from :func:`parse_file` or a store; iterated once.
        client: The endpoint to send to.
        graph: None to send a dataset (N-Quads, named graphs kept); a graph
            IRI, or :data:`DEFAULT_GRAPH`, to send the triples into that one
            graph (Turtle).
        chunk_size: Quads per request.
        replace: Replace *graph* (``PUT`` the first chunk) instead of adding to it.
        progress: Called with the number of quads sent after each request.

    Returns:
        What was sent.

    Raises:
        InputError: *replace* without *graph*, or *chunk_size* below 1.
        ServerError: See :meth:`GraphStoreClient.send`.
    """
    if replace and graph is None:
        raise InputError("--replace needs --graph: replacing a whole dataset would delete the server's other graphs")
    if chunk_size < 1:
        raise InputError("the chunk size must be at least 1")
    if graph is None and urllib.parse.urlsplit(client.endpoint).path.rstrip("/").endswith(_GRAPH_ONLY_PATHS):
        raise InputError(f"{client.endpoint} takes one graph at a time, not a dataset: "
                         "push into one graph with --graph IRI")
    started = time.perf_counter()
    sent = requests = 0
    method = "PUT" if replace else "POST"
    for chunk in _chunks(quads, chunk_size):
        if graph is None:
            body, content_type = ox.serialize(chunk, format=ox.RdfFormat.N_QUADS), _NQUADS
        else:
            triples = (ox.Triple(q.subject, q.predicate, q.object) for q in chunk)
            body, content_type = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES), _TURTLE
        client.send(body, content_type, graph=graph, method=method)
        method = "POST"
        sent, requests = sent + len(chunk), requests + 1
        if progress is not None:
            progress(sent)
    if method == "PUT":  # nothing to send: replacing still empties the graph
        client.send(b"", _TURTLE, graph=graph, method="PUT")
        requests += 1
    return PushReport(sent, requests, time.perf_counter() - started)


def parse_file(path: str | Path) -> Iterator[ox.Quad]:
    """Yield the quads of graph file *path* as they are parsed (the default graph for triples).

    Raises:
        InputError: The file is missing or not valid RDF (when the bad part is read).
        FormatError: The extension names no RDF format.
    """
    path = Path(path)
    name, fmt = graph_file_format(path)
    try:
        yield from ox.parse(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path} as {name}: {_one_line(exc)}") from None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Refuse redirects: urllib would follow a 301-303 answer to a POST with a GET, dropping the data."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _chunks(quads: Iterable[ox.Quad], size: int) -> Iterator[list[ox.Quad]]:
    chunk: list[ox.Quad] = []
    blank: list[ox.Quad] = []
    for q in quads:
        if _has_blank_node(q):
            blank.append(q)
            continue
        chunk.append(q)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
    if blank:
        yield blank  # one request, so each blank node stays one node


def _has_blank_node(q: ox.Quad) -> bool:
    return (isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)
            or isinstance(q.graph_name, ox.BlankNode))


def _detail(exc: urllib.error.HTTPError) -> str:
    """The first words of the server's explanation, without HTML markup."""
    try:
        text = (exc.read(2000) or b"").decode("utf-8", errors="replace")
    except (OSError, AttributeError):
        return ""
    text = _MARKUP.sub(" ", _HEAD.sub(" ", text))
    return " ".join(text.split())[:300]


def _one_line(value: object) -> str:
    return " ".join(str(value).split()) or type(value).__name__
