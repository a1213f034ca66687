"""Tests of the export registry: lookup by extension, errors, atomic writes."""
from __future__ import annotations

import pytest

from rawabit import exports
from rawabit.errors import FormatError

RDF_AND_GRAPH_FORMATS = (".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf", ".xml", ".graphml", ".cypher",
                         ".neo4j", ".csv")


def test_formats_lists_every_writer_with_a_description():
    known = exports.formats()
    assert set(RDF_AND_GRAPH_FORMATS) | {".html"} <= set(known)
    assert all(isinstance(text, str) and text for text in known.values())
    assert list(known) == sorted(known)


@pytest.mark.parametrize("ext", RDF_AND_GRAPH_FORMATS)
def test_each_writer_is_importable(ext):
    assert callable(exports.writer(f"out/graph{ext}"))


def test_extension_case_is_ignored():
    assert exports.writer("GRAPH.TTL") is exports.writer("graph.ttl")


def test_html_points_at_the_html_module():
    entry = exports._REGISTRY[".html"]
    assert (entry.module, entry.function) == ("html", "write")


@pytest.mark.parametrize("name", ["graph.docx", "graph"])
def test_unknown_extension_lists_the_known_ones(dataset, tmp_path, name):
    with pytest.raises(FormatError) as info:
        exports.write(dataset, tmp_path / name)
    assert ".ttl" in str(info.value) and ".graphml" in str(info.value)
    assert not list(tmp_path.iterdir())


def test_missing_writer_module_is_a_format_error(monkeypatch):
    monkeypatch.setitem(exports._REGISTRY, ".zz", exports._Entry("no_such_writer", "write", "test"))
    with pytest.raises(FormatError, match="not installed"):
        exports.writer("x.zz")


def test_register_adds_a_format(monkeypatch, tmp_path, dataset):
    monkeypatch.setattr(exports, "_REGISTRY", dict(exports._REGISTRY))
    exports.register(".count", "rawabit.exports.ntriples", "N-Triples under another name")
    assert exports.formats()[".count"] == "N-Triples under another name"
    assert exports.write(dataset, tmp_path / "a" / "b.count").is_file()


def test_writers_create_parent_directories(dataset, tmp_path):
    target = tmp_path / "deep" / "er" / "graph.ttl"
    assert exports.write(dataset, target) == target
    assert target.read_text(encoding="utf-8").startswith("@prefix")


def test_a_failing_writer_leaves_no_file(tmp_path):
    target = tmp_path / "graph.ttl"
    with pytest.raises(RuntimeError):
        with exports.atomic_file(target) as fh:
            fh.write("half")
            raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_a_failing_writer_keeps_the_old_file(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with exports.atomic_file(target) as fh:
            fh.write("new")
            raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_a_failing_directory_writer_keeps_the_old_directory(tmp_path):
    target = tmp_path / "graph.neo4j"
    target.mkdir()
    (target / "nodes.csv").write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with exports.atomic_dir(target) as tmp:
            (tmp / "nodes.csv").write_text("new", encoding="utf-8")
            raise RuntimeError("boom")
    assert (target / "nodes.csv").read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.neo4j"]


def test_a_directory_target_is_replaced(dataset, tmp_path):
    target = tmp_path / "graph.neo4j"
    target.mkdir()
    (target / "stale.csv").write_text("x", encoding="utf-8")
    exports.write(dataset, target)
    assert sorted(p.name for p in target.iterdir()) == ["nodes.csv", "relationships.csv"]
    assert [p.name for p in tmp_path.iterdir()] == ["graph.neo4j"]
