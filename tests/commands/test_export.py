"""Tests of ``rawabit export``."""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from rawabit.cli import main
from rawabit.graph.store import GraphStore


from support import store_sample as sample  # noqa: E402  (tests/support, see conftest.py)


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
