"""Tests of ``rawabit serve`` (loopback only; the server is stopped by the test)."""
from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

from rawabit.cli import main
from rawabit.graph.server import ServerHandle
from rawabit.graph.store import GraphStore


from support import store_sample as sample  # noqa: E402  (tests/support, see conftest.py)


def test_serve_answers_then_stops(tmp_path: Path, monkeypatch, capsys) -> None:
    with GraphStore.open(tmp_path / "db", create=True) as store:
        store.add_dataset(sample.sample_dataset())
    answers = []

    def one_request_then_return(handle: ServerHandle) -> None:
        assert handle.host == "127.0.0.1"
        url = handle.url + "?" + urllib.parse.urlencode({"query": "ASK { id:moscow rwb:rejects ?x }"})
        with urllib.request.urlopen(url, timeout=60) as response:
            answers.append(json.loads(response.read()))

    monkeypatch.setattr(ServerHandle, "wait", one_request_then_return)
    assert main(["serve", "--store", str(tmp_path / "db"), "--port", "0", "--quiet"]) == 0
    assert answers == [{"head": {}, "boolean": True}]
    assert "SPARQL endpoint at http://127.0.0.1:" in capsys.readouterr().err


def test_serve_errors(tmp_path: Path, capsys) -> None:
    assert main(["serve", "--store", str(tmp_path / "missing"), "--port", "0"]) == 4
    assert main(["serve", "--store", str(tmp_path), "--timeout", "0"]) == 2
    assert capsys.readouterr().err.count("rawabit: error:") == 2


def test_serve_passes_cors_and_allowed_hosts_to_the_server(tmp_path: Path, monkeypatch) -> None:
    with GraphStore.open(tmp_path / "db", create=True) as store:
        store.add_dataset(sample.sample_dataset())
    seen = []
    monkeypatch.setattr(ServerHandle, "wait", lambda handle: seen.append(handle.access))
    assert main(["serve", "--store", str(tmp_path / "db"), "--port", "0", "--quiet",
                 "--cors", "https://newsroom.example", "--allow-host", "graph.lan"]) == 0
    access = seen[0]
    assert access.allows_cors("https://newsroom.example") and not access.allows_cors("https://evil.example")
    assert access.host_refusal("graph.lan:8000") is None and access.host_refusal("evil.example") is not None
