"""A read-only SPARQL 1.1 Protocol endpoint over a store, on the standard library.

``/sparql`` answers GET ``?query=``, POST ``application/x-www-form-urlencoded``
and POST ``application/sparql-query``; ``/`` serves a small HTML form. Results
are negotiated from ``Accept`` (or a ``format=`` parameter): SPARQL JSON, XML,
CSV or TSV for SELECT and ASK, Turtle, N-Triples, RDF/XML or JSON-LD for
CONSTRUCT and DESCRIBE. Updates are refused with 403.

Queries run in worker processes that open the store read-only. pyoxigraph
cannot cancel a query, so a query that outlives its time limit has its worker
killed and replaced, and the client gets 503; the server never hangs on it.
Cheap queries have worker processes of their own (:mod:`.admission`), so a
crowd of expensive ones cannot make them wait.

Only this machine's own pages may read answers: requests naming another
``Host`` or coming from another ``Origin`` are refused with 403 unless allowed
(:mod:`.access`; ``--allow-host``, ``--cors``).

>>> with ServerHandle("graph.db") as server:        # doctest: +SKIP
...     print(server.url)
http://127.0.0.1:41217/sparql
"""
from __future__ import annotations

import html
import multiprocessing
import queue
import sys
import threading
import time
from collections.abc import Callable, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from rawabit.errors import StoreError

from .access import Access
from .admission import DEFAULT_SHORT_LIMIT, DEFAULT_SHORT_WORKERS, Lanes

__all__ = ["ServerHandle", "negotiate", "DEFAULT_TIMEOUT", "RESULT_TYPES", "GRAPH_TYPES"]

DEFAULT_TIMEOUT = 30.0
#: Media types for SELECT/ASK results -> pyoxigraph QueryResultsFormat name.
RESULT_TYPES = {"application/sparql-results+json": "JSON", "application/json": "JSON",
                "application/sparql-results+xml": "XML", "application/xml": "XML",
                "text/csv": "CSV", "text/tab-separated-values": "TSV"}
#: Media types for CONSTRUCT/DESCRIBE results -> pyoxigraph RdfFormat name.
GRAPH_TYPES = {"text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES",
               "application/rdf+xml": "RDF_XML", "application/ld+json": "JSON_LD"}
_SHORT_FORMATS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                  "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
                  "ttl": "text/turtle", "nt": "application/n-triples", "ntriples": "application/n-triples",
                  "rdfxml": "application/rdf+xml", "jsonld": "application/ld+json"}
_MAX_BODY = 1 << 20
_LONG_NICENESS = 10   # slow queries' processes yield the CPU to the short lane's
_STARTUP_TIMEOUT = 60.0


def negotiate(accept: str | None, kind: str, fmt: str | None = None) -> str | None:
    """Choose the media type of an answer.

    Args:
        accept: The request's ``Accept`` header (q-values honoured).
        kind: ``results`` (SELECT, ASK) or ``graph`` (CONSTRUCT, DESCRIBE).
        fmt: A ``format=`` parameter (``json``, ``csv``, ``turtle``…) or a
            media type; it wins over *accept* when it fits *kind*.

    Returns:
        A media type of :data:`RESULT_TYPES` or :data:`GRAPH_TYPES`, the
        default (JSON or Turtle) for ``*/*`` or no header, or None when
        nothing acceptable can be produced.
    """
    offered = RESULT_TYPES if kind == "results" else GRAPH_TYPES
    default = next(iter(offered))
    if fmt:
        chosen = _SHORT_FORMATS.get(fmt.lower(), fmt.lower())
        if chosen in offered:
            return chosen
    ranges = []
    for position, part in enumerate((accept or "*/*").split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = next((_float(p[2:]) for p in params if p.startswith("q=")), 1.0)
        if media and q > 0:
            ranges.append((-q, position, media.lower()))
    for _, _, media in sorted(ranges):
        if media in offered:
            return media
        if media == "*/*":
            return default
        if media.endswith("/*"):
            match = next((m for m in offered if m.startswith(media[:-1])), None)
            if match:
                return match
    return None


class ServerHandle:
    """A running endpoint: :meth:`start` it, read :attr:`url`, :meth:`stop` it."""

    def __init__(self, source: str | Path, *, host: str = "127.0.0.1", port: int = 0,
                 timeout: float = DEFAULT_TIMEOUT, workers: int = 2, quiet: bool = True,
                 cors: Sequence[str] = (), allow_hosts: Sequence[str] = (),
                 short_workers: int = DEFAULT_SHORT_WORKERS, short_limit: float = DEFAULT_SHORT_LIMIT) -> None:
        """Prepare an endpoint over a store directory (or a graph file).

        Args:
            source: The store directory; a graph file is loaded into memory.
            host: Interface to bind; loopback by default.
            port: TCP port; 0 picks a free one.
            timeout: Seconds a query may run before it is stopped.
            workers: Slow queries that can run at the same time (the long lane).
            quiet: Do not log requests to stderr.
            cors: Origins whose web pages may query the endpoint (``*``: any).
            allow_hosts: Names besides the bound address that clients may
                send as ``Host`` (a reverse proxy's, the machine's LAN name).
            short_workers: Worker processes kept for queries that end within
                *short_limit* seconds; 0 runs every query in the long lane.
            short_limit: Seconds after which a query leaves the short lane
                for the long one (and its shape is remembered as slow).
        """
        self.source, self.host, self.port = Path(source), host, port
        self.access = Access(host, allow_hosts=allow_hosts, cors=cors)
        self.timeout, self.quiet = float(timeout), quiet
        self._long = _Pool(self.source, max(1, workers), self.timeout, niceness=_LONG_NICENESS if short_workers else 0)
        self._short = (_Pool(self.source, short_workers, min(short_limit, self.timeout), wait=self.timeout,
                             respawn_in_background=True) if short_workers > 0 else None)
        self._lanes = Lanes(self._long, self._short, _text(
            503, f"the query ran longer than the {self.timeout:g} s limit and was stopped"), short_limit)
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The endpoint URL, e.g. ``http://127.0.0.1:8000/sparql``."""
        return f"http://{self.host}:{self.port}/sparql"

    def start(self) -> ServerHandle:
        """Start the workers and the HTTP server in a background thread.

        Raises:
            StoreError: The store cannot be opened (by the workers).
            OSError: The address cannot be bound.
        """
        if not self.source.exists():
            raise StoreError(f"no graph store at {self.source}")
        self._long.start()
        try:
            if self._short is not None:
                self._short.start()
            self._httpd = _HTTPServer((self.host, self.port), _Handler)
        except BaseException:
            self._close_pools()
            raise
        self._httpd.handle = self
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="rawabit-sparql", daemon=True)
        self._thread.start()
        return self

    def wait(self) -> None:
        """Block until the server stops (Ctrl-C raises KeyboardInterrupt here)."""
        while self._thread is not None and self._thread.is_alive():
            self._thread.join(0.5)

    def stop(self) -> None:
        """Stop serving, close the socket and end every worker; idempotent."""
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None
        self._close_pools()

    def _close_pools(self) -> None:
        self._long.close()
        if self._short is not None:
            self._short.close()

    def __enter__(self) -> ServerHandle:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128   # the listen backlog: at 5 (the default), a burst of clients waits for SYN retries
    handle: ServerHandle


class _Handler(BaseHTTPRequestHandler):
    server_version = "Rawabit-SPARQL/1.0"
    server: _HTTPServer

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server naming
        if not self._refused():
            self._send(204, "text/plain", b"", preflight=True)

    def do_GET(self) -> None:  # noqa: N802
        if self._refused():
            return
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(200, "text/html; charset=utf-8", _FORM.encode("utf-8"))
        elif url.path == "/sparql":
            self._protocol(parse_qs(url.query, keep_blank_values=True))
        else:
            self._error(404, f"nothing at {url.path}; the endpoint is /sparql")

    def do_POST(self) -> None:  # noqa: N802
        if self._refused():
            return
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._error(404, f"nothing at {url.path}; the endpoint is /sparql")
        length = int(self.headers.get("Content-Length") or 0)
        if length > _MAX_BODY:
            return self._error(413, f"request body larger than {_MAX_BODY} bytes")
        body = self.rfile.read(length).decode("utf-8", errors="replace") if length > 0 else ""
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if media == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif media == "application/sparql-query":
            params["query"] = [body]
        elif media == "application/sparql-update":
            return self._error(403, "this endpoint is read-only: SPARQL updates are refused")
        else:
            return self._error(415, "send application/sparql-query or application/x-www-form-urlencoded")
        self._protocol(params)

    def _protocol(self, params: dict[str, list[str]]) -> None:
        from .sparql import is_update

        if "update" in params:
            return self._error(403, "this endpoint is read-only: SPARQL updates are refused")
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return self._error(400, "give exactly one non-empty 'query' parameter")
        if is_update(queries[0]):
            return self._error(403, "this endpoint is read-only: SPARQL updates are refused")
        fmt = next(iter(params.get("format", []) + params.get("output", [])), None)
        job = (queries[0], self.headers.get("Accept"), fmt,
               params.get("default-graph-uri", []), params.get("named-graph-uri", []))
        status, content_type, body = self.server.handle._lanes.run(job)
        self._send(status, content_type, body)

    def _refused(self) -> bool:
        """Answer 403 to a foreign Host or Origin (see :mod:`.access`); True if so."""
        access, host = self.server.handle.access, self.headers.get("Host")
        why = access.host_refusal(host) or access.origin_refusal(self.headers.get("Origin"), host)
        if why:
            self.close_connection = True
            self._error(403, why)
        return why is not None

    def _error(self, status: int, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def _send(self, status: int, content_type: str, body: bytes, *, preflight: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in self.server.handle.access.cors_headers(self.headers.get("Origin"),
                                                                  preflight=preflight).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server signature
        if not self.server.handle.quiet:
            sys.stderr.write(f"rawabit serve: {self.address_string()} {format % args}\n")


class _Pool:
    """Worker processes that each hold the store open read-only.

    Args:
        source: The store directory or graph file.
        size: Worker processes.
        limit: Seconds a query may run before its worker is killed.
        wait: Seconds a query may wait for a free worker (default: *limit*).
        respawn_in_background: Replace a killed worker by a spare one started
            beforehand, and start the next spare in the background, so the
            caller (the short lane's, moving on) waits for neither.
        niceness: Added to the workers' nice value (the long lane's yield the
            CPU to the short lane's).
    """

    def __init__(self, source: Path, size: int, limit: float, *, wait: float | None = None,
                 respawn_in_background: bool = False, niceness: int = 0) -> None:
        self.source, self.size, self.limit = source, size, limit
        self.wait = limit if wait is None else wait
        self.respawn_in_background, self.niceness = respawn_in_background, niceness
        self._spare: queue.Queue[_Worker] = queue.Queue()
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    def start(self) -> None:
        try:   # all started at once: each spends a second or two importing and opening the store
            workers = [self._spawn(wait=False) for _ in range(self.size + self.respawn_in_background)]
            for worker in workers:
                worker.wait_ready()
            for worker in workers[:self.size]:
                self._idle.put(worker)
            for worker in workers[self.size:]:
                self._spare.put(worker)
        except BaseException:
            self.close()
            raise

    def run(self, job: tuple, give_up: Callable[[], bool] | None = None) -> tuple[int, str, bytes] | None:
        """The worker's answer to *job*; None if it outlived :attr:`limit` (worker replaced)
        or if *give_up* turned true while it waited for a worker."""
        deadline = time.monotonic() + self.wait
        while True:
            left = deadline - time.monotonic()
            try:
                worker = self._idle.get(timeout=max(0.0, min(left, 0.05) if give_up else left))
                break
            except queue.Empty:
                if give_up is not None and give_up():
                    return None
                if time.monotonic() >= deadline:
                    return _text(503, f"the server is busy; no query slot freed within {self.wait:g} s")
        try:
            worker.conn.send(job)
            if worker.conn.poll(self.limit):
                reply = worker.conn.recv()
                self._idle.put(worker)
                return reply
            self._replace(worker)
            return None
        except (EOFError, OSError):
            self._replace(worker)
            return _text(500, "the query worker died; try again or simplify the query")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.kill()

    def _spawn(self, *, wait: bool) -> _Worker:
        worker = _Worker(self._context, self.source, self.niceness)
        with self._lock:
            if self._closed:
                worker.kill()
                raise StoreError("the server is stopping")
            self._all.add(worker)
        if wait:
            worker.wait_ready()
        return worker

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)
            if self._closed:
                return
        if not self.respawn_in_background:
            return self._respawn(self._idle)
        try:
            self._idle.put(self._spare.get_nowait())
            into = self._spare
        except queue.Empty:   # replaced twice before a spare was ready
            into = self._idle
        threading.Thread(target=self._respawn, args=(into,), name="rawabit-sparql-respawn", daemon=True).start()

    def _respawn(self, into: queue.Queue) -> None:
        try:
            into.put(self._spawn(wait=True))
        except StoreError as exc:
            print(f"rawabit serve: cannot restart a query worker: {exc}", file=sys.stderr)


class _Worker:
    def __init__(self, context, source: Path, niceness: int = 0) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, str(source), niceness),
                                       name="rawabit-sparql-worker", daemon=True)
        self.process.start()
        child.close()

    def wait_ready(self) -> None:
        try:
            if not self.conn.poll(_STARTUP_TIMEOUT):
                raise StoreError("a query worker did not start in time")
            message = self.conn.recv()
        except (EOFError, OSError):
            message = ("error", "a query worker exited while opening the store")
        if message[0] != "ready":
            self.kill()
            raise StoreError(message[1])

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(10)
        self.conn.close()


def _worker_main(conn, source: str, niceness: int = 0) -> None:
    """Open *source* read-only, then answer jobs from *conn* until it closes."""
    import os
    import signal

    if niceness and hasattr(os, "nice"):
        try:
            os.nice(niceness)
        except OSError:
            pass

    import pyoxigraph as ox

    from .namespace import PREFIXES

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        if Path(source).is_dir():
            from .store import GraphStore
            store = GraphStore.open(source, read_only=True).oxigraph
        else:
            from .sparql import load_file
            store = load_file(source)
    except Exception as exc:  # every failure must reach the parent as one line
        conn.send(("error", " ".join(str(exc).split())))
        return
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_answer(ox, store, PREFIXES, *job))


def _answer(ox, store, prefixes, query, accept, fmt, default_graphs, named_graphs) -> tuple[int, str, bytes]:
    dataset: dict = {"use_default_graph_as_union": not default_graphs}
    if default_graphs:
        dataset["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    if named_graphs:
        dataset["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    try:
        answer = store.query(query, prefixes=prefixes, **dataset)
        kind = "graph" if isinstance(answer, ox.QueryTriples) else "results"
        media = negotiate(accept, kind, fmt)
        if media is None:
            offered = ", ".join(GRAPH_TYPES if kind == "graph" else RESULT_TYPES)
            return _text(406, f"cannot answer in the accepted types; this query can give {offered}")
        if kind == "graph":
            body = ox.serialize(answer, format=getattr(ox.RdfFormat, GRAPH_TYPES[media]), prefixes=prefixes)
        else:
            body = answer.serialize(format=getattr(ox.QueryResultsFormat, RESULT_TYPES[media]))
    except SyntaxError as exc:
        return _text(400, "malformed query: " + " ".join(str(exc).split()))
    except (OSError, ValueError, RuntimeError) as exc:
        return _text(500, "query failed: " + " ".join(str(exc).split()))
    charset = "" if media.endswith("xml") else "; charset=utf-8"
    return 200, media + charset, body


def _text(status: int, message: str) -> tuple[int, str, bytes]:
    return status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8")


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


_FORM = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rawabit SPARQL</title>
<style>body{font-family:sans-serif;margin:2em}textarea{width:100%%;font-family:monospace}</style></head>
<body><h1>Rawabit SPARQL endpoint</h1>
<p>Query the graph at <code>/sparql</code>. Prefixes <code>rwb: id: article: statement: quote: wd:
rdf: rdfs: owl: xsd: skos: dcterms: prov:</code> are predeclared. The endpoint is read-only.</p>
<form action="/sparql" method="post">
<textarea name="query" rows="12" dir="auto">%s</textarea>
<p><label>Results as <select name="format">
<option value="json">JSON</option><option value="xml">XML</option><option value="csv">CSV</option>
<option value="tsv">TSV</option><option value="turtle">Turtle (CONSTRUCT)</option></select></label>
<button type="submit">Run</button></p>
</form></body></html>
""" % html.escape("SELECT ?a ?b ?evidence WHERE {\n  ?st rdf:subject ?a ; rdf:predicate rwb:met ;"
                  " rdf:object ?b ; rwb:evidence ?evidence .\n} LIMIT 20")
