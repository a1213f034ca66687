"""Tests of ``rawabit export``."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from rdflib import Dataset, Graph

from rawabit.cli import main
from rawabit.graph.store import GraphStore


def _helpers():
    name = "rawabit_test_conftest_store"
    if name not in sys.modules:
        path = Path(__file__).parents[1] / "graph" / "conftest_store.py"
        spec = importlib.util.spec_from_file_location(name, path)
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[name]


sample = _helpers()


def test_export_writes_each_output(tmp_path: Path, capsys) -> None:
    with GraphStore.open(tmp_path / "db", create=True) as store:
        store.add_dataset(sample.sample_dataset())
    ttl, trig = tmp_path / "out" / "g.ttl", tmp_path / "out" / "g.trig"
    assert main(["export", "--store", str(tmp_path / "db"), "-o", str(ttl), "-o", str(trig)]) == 0
    assert "wrote" in capsys.readouterr().err
    expected = sample.sample_dataset()
    assert len(Graph().parse(ttl, format="turtle")) == len(expected)
    back = Dataset()
    back.parse(trig, format="trig")
    assert {g.identifier for g in back.graphs()} == {g.identifier for g in expected.graphs()}


def test_export_errors(tmp_path: Path, capsys) -> None:
    assert main(["export", "--store", str(tmp_path / "missing"), "-o", str(tmp_path / "g.ttl")]) == 4
    assert main(["export", "--store", str(tmp_path), "-o", str(tmp_path / "g.unknown")]) == 2
    assert main(["export", "--store", str(tmp_path)]) == 2
    assert capsys.readouterr().err.count("rawabit: error:") == 3
