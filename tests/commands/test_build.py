"""``rawabit build`` end to end, on the bundled samples and on files the tests write."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
import rdflib

from rawabit.cli import main
from rawabit.graph.namespace import RWB

ARTICLE = (
    "التقى الرئيس الروسي فلاديمير بوتين المبعوث الأميركي ستيف ويتكوف في موسكو.\n\n"
    "وقال المتحدث باسم الكرملين ديمتري بيسكوف إن الجانبين ناقشا وقف إطلاق النار.\n\n"
    "ولم يلتق بوتين وترامب منذ عودة الأخير إلى البيت الأبيض.\n"
)


def run(*argv: str) -> int:
    return main(list(argv))


@pytest.fixture(scope="module")
def sample_outputs(tmp_path_factory, samples_dir) -> Path:
    out = tmp_path_factory.mktemp("sample")
    assert run("build", str(samples_dir), "-q", "-o", str(out / "g.ttl"), "-o", str(out / "g.html"),
               "-o", str(out / "g.nq")) == 0
    return out


def test_turtle_parses_in_rdflib_and_oxigraph(sample_outputs):
    g = rdflib.Graph().parse(sample_outputs / "g.ttl")
    ox = list(pyoxigraph.parse(path=str(sample_outputs / "g.ttl"), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(ox) == len(g) > 500
    met = list(g.triples((None, RWB.met, None)))
    assert met, "the samples state meetings"
    for s, _, o in met:  # nodes of facts carry Arabic labels
        assert any(lbl.language == "ar" for lbl in g.objects(s, rdflib.RDFS.label))
        assert any(lbl.language == "ar" for lbl in g.objects(o, rdflib.RDFS.label))


def test_html_is_written(sample_outputs):
    html = (sample_outputs / "g.html").read_text(encoding="utf-8")
    assert "فلاديمير بوتين" in html or "بوتين" in html


def test_build_twice_gives_identical_files(tmp_path, samples_dir):
    for n in (1, 2):
        assert run("build", str(samples_dir), "-q", "-o", str(tmp_path / f"{n}.ttl"), "-o", str(tmp_path / f"{n}.html")) == 0
    assert (tmp_path / "1.ttl").read_bytes() == (tmp_path / "2.ttl").read_bytes()
    assert (tmp_path / "1.html").read_bytes() == (tmp_path / "2.html").read_bytes()


def test_denied_meeting_is_not_a_plain_triple(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert run("build", str(tmp_path / "a.txt"), "-q", "-o", str(tmp_path / "g.ttl")) == 0
    g = rdflib.Graph().parse(tmp_path / "g.ttl")
    putin, trump = (rdflib.URIRef("https://w3id.org/rawabit/id/" + k) for k in ("vladimir-putin", "donald-trump"))
    assert (putin, RWB.met, rdflib.URIRef("https://w3id.org/rawabit/id/steve-witkoff")) in g
    assert (putin, RWB.met, trump) not in g and (trump, RWB.met, putin) not in g
    denied = g.query("""ASK { ?st rdf:subject ?a ; rdf:predicate rwb:met ; rdf:object ?b ; rwb:status rwb:Denied }""",
                     initNs={"rwb": RWB._NS, "rdf": rdflib.RDF})
    assert denied.askAnswer


def test_store_in_two_halves_equals_one_build(tmp_path, samples_dir):
    files = sorted(p for p in samples_dir.iterdir() if p.suffix in (".txt", ".html"))
    store = tmp_path / "store"
    assert run("build", *map(str, files[:5]), "-q", "--store", str(store)) == 0
    assert run("build", *map(str, files), "-q", "--store", str(store), "-o", str(tmp_path / "halves.nq")) == 0
    assert run("build", *map(str, files), "-q", "-o", str(tmp_path / "once.nq")) == 0
    halves = sorted((tmp_path / "halves.nq").read_text(encoding="utf-8").splitlines())
    once = sorted((tmp_path / "once.nq").read_text(encoding="utf-8").splitlines())
    assert halves == once


@pytest.mark.parametrize("setup,args,message", [
    (lambda d: None, ["missing-folder"], "missing-folder"),
    (lambda d: (d / "empty").mkdir(), ["empty"], "no"),
    (lambda d: (d / "a.txt").write_text(ARTICLE, encoding="utf-8"), ["a.txt", "-o", "g.xyz"], ".xyz"),
    (lambda d: (d / "bin.txt").write_bytes(b"%PDF-1.4\x00\x01\x02" * 50), ["bin.txt", "-o", "g.ttl"], "binary"),
])
def test_bad_input_gives_one_line_error(tmp_path, monkeypatch, capsys, setup, args, message):
    setup(tmp_path)
    monkeypatch.chdir(tmp_path)
    if "-o" not in args:
        args = [*args, "-o", "g.ttl"]
    code = run("build", *args)
    err = capsys.readouterr().err.strip()
    assert code != 0
    assert err.startswith("rawabit: error:") and "Traceback" not in err
    assert message in err
    assert len(err.splitlines()) == 1
    assert not (tmp_path / "g.ttl").exists()


def test_help_explains_the_command():
    out = subprocess.run([sys.executable, "-m", "rawabit.cli", "build", "--help"],
                         capture_output=True, text=True, check=True).stdout
    assert "-o" in out and ".ttl" in out and "examples" in out


def _score_module(shared: Path):
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_articles_score(tmp_path, shared_dir):
    out = tmp_path / "seeds.ttl"
    assert run("build", str(shared_dir / "corpus" / "seeds"), "-q", "-o", str(out)) == 0
    score = _score_module(shared_dir)
    gold = score.Gold(shared_dir / "eval" / "gold-dev", None)
    mapped, unmapped, _, entity_ids, _ = score.system_triples(score.load_graph(out), gold)
    correct = len(mapped & gold.triples)
    p, r, f = score.prf(correct, len(mapped) + len(unmapped), len(gold.triples))
    golden = {e for t in gold.triples for e in (t[0], t[2]) if not e.startswith("topic:")}
    assert p >= 0.70 and f >= 0.50, (p, r, f)
    assert len(entity_ids & golden) / len(golden) >= 0.90


def test_no_ner_still_builds_from_the_gazetteer_and_titles(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert run("build", str(tmp_path / "a.txt"), "-q", "--no-ner", "--workers", "1", "-o", str(tmp_path / "g.ttl")) == 0
    g = rdflib.Graph().parse(tmp_path / "g.ttl")
    witkoff = rdflib.URIRef("https://w3id.org/rawabit/id/steve-witkoff")
    assert (rdflib.URIRef("https://w3id.org/rawabit/id/vladimir-putin"), RWB.met, witkoff) in g


def test_a_full_disk_is_one_line_not_a_traceback(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device", str(tmp_path / "g.ttl"))

    monkeypatch.setattr("rawabit.writing.write_all", full)
    code = run("build", "a.txt", "-q", "-o", "g.ttl")
    err = capsys.readouterr().err.strip()
    assert code == 1 and "Traceback" not in err
    assert err == f"rawabit: error: No space left on device ({tmp_path / 'g.ttl'})"
