"""Tests of ``rawabit query``."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rawabit.cli import main
from rawabit.graph.store import GraphStore


from support import store_sample as sample  # noqa: E402  (tests/support, see conftest.py)
QUERY = "SELECT ?who ?label WHERE { ?who rwb:phoned id:vladimir-putin ; rdfs:label ?label FILTER(lang(?label) = 'ar') }"


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    return sample.write_sample(tmp_path, ".trig")


def test_query_a_file_prints_a_table(graph_file: Path, capsys) -> None:
    assert main(["query", str(graph_file), QUERY]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["who", "label"]
    assert lines[2].split() == ["id:donald-trump", "دونالد", "ترمب"]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_query_from_a_file_as_json(graph_file: Path, tmp_path: Path, capsys, engine: str) -> None:
    (tmp_path / "q.rq").write_text(QUERY, encoding="utf-8")
    assert main(["query", str(graph_file), "-f", str(tmp_path / "q.rq"), "--format", "json", "--engine", engine]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["results"]["bindings"][0]["label"] == {"type": "literal", "value": "دونالد ترمب", "xml:lang": "ar"}


def test_query_a_store_as_csv(tmp_path: Path, capsys) -> None:
    with GraphStore.open(tmp_path / "db", create=True) as store:
        store.add_dataset(sample.sample_dataset())
    assert main(["query", "--store", str(tmp_path / "db"), QUERY, "--format", "csv"]) == 0
    assert capsys.readouterr().out == "who,label\r\nhttps://w3id.org/rawabit/id/donald-trump,دونالد ترمب\r\n"


def test_construct_prints_turtle(graph_file: Path, capsys) -> None:
    assert main(["query", str(graph_file), "CONSTRUCT { ?a rwb:met ?b } WHERE { ?a rwb:met ?b }"]) == 0
    assert "id:vladimir-putin rwb:met id:steve-witkoff" in capsys.readouterr().out


def test_errors_are_one_line_with_exit_codes(graph_file: Path, tmp_path: Path, capsys) -> None:
    assert main(["query", str(graph_file), "SELECT ?x WHERE {"]) == 3
    assert capsys.readouterr().err.startswith("rawabit: error: malformed query:")
    assert main(["query", "--store", str(tmp_path / "missing"), "ASK {}"]) == 4
    assert "no graph store" in capsys.readouterr().err
    assert main(["query", str(graph_file)]) == 2
    assert "missing arguments" in capsys.readouterr().err
    assert main(["query", "--store", str(tmp_path), str(graph_file), "ASK {}"]) == 2
    assert "too many arguments" in capsys.readouterr().err
    assert main(["query", str(graph_file), "-f", str(tmp_path / "none.rq")]) == 2
    assert "cannot read the query file" in capsys.readouterr().err
