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


def test_quad_and_triple_formats_stream_from_the_store_with_the_same_statements(tmp_path: Path) -> None:
    from rdflib.compare import isomorphic

    expected = sample.sample_dataset()
    with GraphStore.open(tmp_path / "db", create=True) as store:
        store.add_dataset(expected)
        stored = store.to_dataset()
    out = {ext: tmp_path / "out" / f"g.{ext}" for ext in ("nq", "trig", "nt", "ttl")}
    assert main(["export", "--store", str(tmp_path / "db"), "-q", *[a for p in out.values() for a in ("-o", str(p))],
                 "-o", str(tmp_path / "out" / "g.jsonld")]) == 0
    for ext, fmt in (("nq", "nquads"), ("trig", "trig")):
        back = Dataset()
        back.parse(out[ext], format=fmt)
        assert {g.identifier for g in back.graphs()} == {g.identifier for g in stored.graphs()}
        assert sorted(back.quads()) == sorted(stored.quads()), ext
    union = Graph()
    for s, p, o, _ in stored.quads():
        union.add((s, p, o))
    for ext, fmt in (("nt", "nt"), ("ttl", "turtle")):
        back = Graph().parse(out[ext], format=fmt)
        assert isomorphic(back, union), ext
    lines = out["nt"].read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == len(union)   # a triple of several graphs once
    assert "@prefix rwb: " in out["ttl"].read_text(encoding="utf-8")
    assert len(Dataset().parse(tmp_path / "out" / "g.jsonld", format="json-ld")) > 0


def test_a_store_dump_leaves_no_partial_file_when_it_fails(tmp_path: Path, monkeypatch) -> None:
    import pyoxigraph as ox

    from rawabit.exports.store_dump import dump

    target = tmp_path / "g.nq"
    target.write_text("old\n", encoding="utf-8")

    class Broken:
        def dump(self, *args, **kwargs):
            raise OSError("disk full")

    try:
        dump(Broken(), target)
    except OSError:
        pass
    assert target.read_text(encoding="utf-8") == "old\n" and list(tmp_path.iterdir()) == [target]
    assert dump(ox.Store(), tmp_path / "empty.nt").read_bytes() == b""
