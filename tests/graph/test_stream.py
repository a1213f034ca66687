"""The dataset as a stream of quads equals the rdflib dataset, and so do the files."""
from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from rawabit import api, exports
from rawabit.errors import FormatError
from rawabit.exports.ntriples import sorted_quads, write_streams
from rawabit.graph.build import build_dataset
from rawabit.graph.stream import ExtractionStream, quads, triples

from support import sample_extraction as _sample


@pytest.fixture(scope="module")
def extraction():
    return _sample.make_extraction()


def test_stream_holds_the_quads_of_the_dataset(extraction):
    streamed = list(quads(extraction))
    assert len(streamed) == len(set(streamed)), "each quad once"
    assert set(streamed) == set(sorted_quads(build_dataset(extraction)))


def test_union_holds_each_triple_once(extraction):
    streamed = list(triples(extraction))
    assert len(streamed) == len(set(streamed))
    assert set(streamed) == {ox.Triple(q.subject, q.predicate, q.object) for q in quads(extraction)}


@pytest.mark.parametrize("ext, fmt", [(".nt", "nt"), (".ttl", "turtle")])
def test_streamed_file_is_isomorphic_to_the_written_dataset(tmp_path, extraction, ext, fmt):
    exports.write_stream(ExtractionStream(extraction), tmp_path / f"s{ext}")
    exports.write(build_dataset(extraction), tmp_path / f"d{ext}")
    streamed = rdflib.Graph().parse(tmp_path / f"s{ext}", format=fmt)
    whole = rdflib.Graph().parse(tmp_path / f"d{ext}", format=fmt)
    assert len(streamed) == len(whole) and isomorphic(streamed, whole)


def test_streamed_quads_and_trig_keep_the_named_graphs(tmp_path, extraction):
    stream = ExtractionStream(extraction)
    exports.write_stream(stream, tmp_path / "s.nq")
    exports.write_stream(stream, tmp_path / "s.trig")
    expected = set(sorted_quads(build_dataset(extraction)))
    assert set(ox.parse(path=str(tmp_path / "s.nq"), format=ox.RdfFormat.N_QUADS)) == expected
    assert set(ox.parse(path=str(tmp_path / "s.trig"), format=ox.RdfFormat.TRIG)) == expected


def test_streamed_build_of_the_samples_equals_the_whole_one(tmp_path, samples_dir):
    api.build([samples_dir], [tmp_path / "s.nt", tmp_path / "s.ttl"], workers=1, stream=True)
    api.build([samples_dir], [tmp_path / "d.nt"], workers=1, stream=False)
    streamed = rdflib.Graph().parse(tmp_path / "s.nt", format="nt")
    whole = rdflib.Graph().parse(tmp_path / "d.nt", format="nt")
    assert len(streamed) == len(whole) > 500 and isomorphic(streamed, whole)
    assert isomorphic(rdflib.Graph().parse(tmp_path / "s.ttl", format="turtle"), whole)
    head = (tmp_path / "s.ttl").read_text(encoding="utf-8").split("\n\n")[0].splitlines()
    assert head == sorted(head) and all(line.startswith("@prefix") for line in head)


def test_formats_that_need_a_graph_cannot_stream(tmp_path, extraction):
    assert exports.stream_writer("g.jsonld") is None
    with pytest.raises(FormatError):
        exports.write_stream(ExtractionStream(extraction), tmp_path / "g.jsonld")


def test_blocks_written_by_two_workers_give_the_same_bytes(tmp_path, samples_dir):
    extraction = api.extract([samples_dir], workers=1)
    stream = ExtractionStream(extraction, block_size=2)   # several blocks of each kind
    assert len(list(stream.blocks())) > 10
    names = ("g.ttl", "g.nt", "g.nq", "g.trig")
    for workers in (1, 2):
        (tmp_path / str(workers)).mkdir()
        write_streams(stream, [tmp_path / str(workers) / n for n in names], workers=workers)
    for n in names:
        assert (tmp_path / "1" / n).read_bytes() == (tmp_path / "2" / n).read_bytes(), n
    assert sorted(p.name for p in (tmp_path / "2").iterdir()) == sorted(names)   # the hand-off files are gone
    # the samples state some facts in several articles: the union files hold each triple once
    lines = (tmp_path / "2" / "g.nt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines))
    parsed = {q.triple for q in ox.parse(path=str(tmp_path / "2" / "g.ttl"), format=ox.RdfFormat.TURTLE)}
    assert parsed == set(triples(extraction))
    assert set(ox.parse(path=str(tmp_path / "2" / "g.trig"), format=ox.RdfFormat.TRIG)) == set(quads(extraction))


def test_block_statements_are_the_block_quads_with_their_graphs_apart(extraction):
    stream = ExtractionStream(extraction, block_size=2)
    kinds = set()
    for block in stream.blocks():
        kinds.add(block[0])
        named, repeatable = stream.block_quads(block)
        plain, same_places, runs = stream.block_statements(block)
        assert same_places == repeatable
        assert [start for _, start, _ in runs] == [0] + [end for _, _, end in runs][:-1]
        assert runs[-1][2] == len(plain)    # the runs cover the quads, in order
        assert all(isinstance(q.graph_name, ox.DefaultGraph) for q in plain)
        rebuilt = [ox.Quad(q.subject, q.predicate, q.object, graph) if graph is not None else q
                   for graph, start, end in runs for q in plain[start:end]]
        assert rebuilt == named
    assert {"entities", "articles", "graphs"} <= kinds


def test_the_repeatable_triples_must_lead_their_graphs():
    # the writer serializes each graph as its leading fact triples and the rest;
    # a block that put them elsewhere would be written wrongly, so it is refused
    from rawabit.exports.ntriples import _leading
    runs = [("g1", 0, 4), ("g2", 4, 8), ("g3", 8, 8)]
    assert _leading([0, 1, 4], runs) == [2, 1, 0]
    assert _leading([], runs) == [0, 0, 0]
    with pytest.raises(ValueError):
        _leading([2], runs)


def test_the_writer_gives_each_repeated_fact_once():
    # blocks hand back their plain fact triples as N-Triples lines (from this
    # process or a worker); the union formats must write each one once
    from rawabit.exports.ntriples import _unseen
    ent, rel = "https://rawabit.org/id/entity/", "https://rawabit.org/ontology#"
    met = f"<{ent}steve-witkoff> <{rel}met> <{ent}vladimir-putin> .\n".encode()
    demands = f"<{ent}moscow> <{rel}demands> <{ent}four-regions> .\n".encode()
    seen: set[bytes] = set()
    assert _unseen([met, met], seen) == [met]
    assert _unseen([demands, met, demands], seen) == [demands]
    assert _unseen([met, demands], seen) == []
    assert len(seen) == 2


def test_block_lines_are_what_pyoxigraph_writes_as_n_triples(extraction):
    # the N-Triples and N-Quads files are the lines themselves: they must be
    # pyoxigraph's own serialization of the quads they parse into
    stream = ExtractionStream(extraction, block_size=2)
    for block in stream.blocks():
        lines, _, _ = stream.block_lines(block)
        parsed = list(ox.parse(b"".join(lines), format=ox.RdfFormat.N_TRIPLES))
        assert len(parsed) == len(lines)
        assert ox.serialize(parsed, format=ox.RdfFormat.N_TRIPLES) == b"".join(lines)


def test_a_streamed_union_file_states_a_fact_of_several_articles_once(tmp_path, samples_dir):
    result = api.build([samples_dir], [tmp_path / "s.nt"], workers=1, stream=True)
    stated = Counter((f.subject, f.relation, f.object) for f in result.extraction.facts
                     if f.status == "asserted")
    assert max(stated.values()) > 1, "the samples state some fact in several articles"
    lines = (tmp_path / "s.nt").read_bytes().splitlines()
    assert len(lines) == len(set(lines)) > 500


def test_a_streamed_build_does_not_load_rdflib(tmp_path, samples_dir):
    # the streaming writers need pyoxigraph only: rdflib's import is a fixed cost
    # of every build that writes Turtle, N-Triples, N-Quads or TriG above the limit
    code = ("import sys; from rawabit import api; "
            f"api.build([{str(samples_dir)!r}], [{str(tmp_path / 'g.ttl')!r}, {str(tmp_path / 'g.nq')!r}], "
            "workers=1, stream=True); print(sorted(m for m in sys.modules if m.split('.')[0] == 'rdflib'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    assert (tmp_path / "g.ttl").stat().st_size > 10_000
