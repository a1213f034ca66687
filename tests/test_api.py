"""The Python API at the package top: ``rawabit.build``, ``rawabit.extract_text`` and the KnowledgeGraph."""
from __future__ import annotations

import subprocess
import sys
from collections import Counter

import networkx as nx
import pyoxigraph
import pytest
import rdflib

import rawabit
from rawabit.cli import main
from rawabit.errors import FormatError, InputError, QueryError
from rawabit.extract.model import Entity, Fact, Status
from rawabit.graph import iris

ARTICLE = (
    "التقى الرئيس الروسي فلاديمير بوتين المبعوث الأميركي ستيف ويتكوف في موسكو.\n\n"
    "وقال المتحدث باسم الكرملين ديمتري بيسكوف إن الجانبين ناقشا وقف إطلاق النار.\n\n"
    "ولم يلتق بوتين وترامب منذ عودة الأخير إلى البيت الأبيض.\n"
)
PUTIN = str(iris.entity_iri("vladimir-putin"))
WITKOFF = str(iris.entity_iri("steve-witkoff"))


@pytest.fixture(scope="module")
def kg(samples_dir):
    return rawabit.build([samples_dir], workers=1)


def asserted(facts) -> list[Fact]:
    return [f for f in facts if f.status is Status.ASSERTED]


def test_importing_the_package_loads_no_heavy_library():
    code = ("import sys, rawabit; heavy = ('camel_tools', 'torch', 'rdflib', 'pyoxigraph', 'networkx', "
            "'rawabit.api', 'rawabit.extract'); print(sorted(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert {"build", "extract_text", "KnowledgeGraph", "InputError"} <= set(dir(rawabit))
    with pytest.raises(AttributeError):
        rawabit.no_such_name


def test_build_gives_the_plain_dataclasses(kg, samples_dir):
    assert isinstance(kg, rawabit.KnowledgeGraph)
    assert len(kg.articles) == 13 and all(a.path.startswith(samples_dir.as_posix()) for a in kg.articles)
    assert all(isinstance(e, Entity) for e in kg.entities.values())
    assert kg.entities["vladimir-putin"].wikidata == "Q7747"
    statuses = Counter(f.status for f in kg.facts)
    assert statuses[Status.ASSERTED] > 50 and sum(statuses.values()) > statuses[Status.ASSERTED]
    met = [f for f in asserted(kg.facts) if (f.subject, f.relation) == ("vladimir-putin", "met")]
    assert met and all(f.evidence and f.rule and 0 < f.confidence <= 1 for f in met)
    assert {f.article for f in kg.facts} <= {a.id for a in kg.articles}
    assert kg.quotes and all(q.speaker in kg.entities for q in kg.quotes)
    assert repr(kg).startswith("<KnowledgeGraph: 13 articles, ")


def test_networkx_has_one_node_per_entity_and_one_edge_per_asserted_fact(kg):
    g = kg.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    assert sorted(g.nodes) == sorted(str(iris.entity_iri(k)) for k in kg.entities)
    for key, entity in kg.entities.items():
        node = g.nodes[str(iris.entity_iri(key))]
        assert (node["label"], node["class"], node["wikidata"]) == (entity.label_ar, entity.type.value,
                                                                   entity.wikidata)
    edges = Counter((s, d["relation"], o, d["evidence"], d["article"], d["confidence"])
                    for s, o, d in g.edges(data=True))
    facts = Counter((str(iris.entity_iri(f.subject)), f.relation, str(iris.entity_iri(f.object)), f.evidence,
                     str(iris.article_iri(f.article)), f.confidence) for f in asserted(kg.facts))
    assert edges == facts
    assert g.number_of_edges() == len(asserted(kg.facts))
    central = nx.degree_centrality(g)
    assert max(central, key=central.get) in g  # networkx's algorithms run on it


def test_query_gives_rows_and_a_dataframe(kg):
    result = kg.query("SELECT ?who WHERE { ?who rwb:met id:steve-witkoff }")
    assert result.variables == ("who",)
    assert (rdflib.URIRef(PUTIN),) in list(result)
    assert kg.query("ASK { id:vladimir-putin rwb:met id:steve-witkoff }").boolean is True
    same = kg.query("SELECT ?who WHERE { ?who rwb:met id:steve-witkoff }", engine="rdflib")
    assert set(same.rows) == set(result.rows)
    with pytest.raises(QueryError):
        kg.query("SELECT ?x WHERE {")


def test_to_pandas_shortens_iris_and_keeps_numbers(kg):
    pd = pytest.importorskip("pandas")
    frame = kg.query("""SELECT ?who ?label ?n WHERE {
        ?who rwb:met id:steve-witkoff ; rdfs:label ?label ; rwb:namedInStatements ?n
        FILTER(lang(?label) = "ar") }""").to_pandas()
    assert isinstance(frame, pd.DataFrame) and list(frame.columns) == ["who", "label", "n"]
    row = frame[frame["who"] == "id:vladimir-putin"].iloc[0]
    assert row["label"] == "فلاديمير بوتين" and int(row["n"]) == row["n"] > 0
    with pytest.raises(QueryError):
        kg.query("ASK { ?a ?b ?c }").to_pandas()


def test_store_and_rdflib_views_hold_the_same_graph(kg, tmp_path):
    assert isinstance(kg.store, pyoxigraph.Store)
    assert kg.to_rdflib() is kg.to_rdflib()
    from_store = rdflib.Dataset()
    from_store.parse(data=kg.store.dump(format=pyoxigraph.RdfFormat.N_QUADS).decode(), format="nquads")
    built = rdflib.Dataset()
    built.parse(data=kg.to_rdflib().serialize(format="nquads"), format="nquads")
    assert sorted(from_store.quads()) == sorted(built.quads())


def test_save_writes_what_the_command_line_writes(kg, tmp_path, samples_dir):
    written = kg.save(tmp_path / "api.ttl", tmp_path / "api.graphml")
    assert written == [tmp_path / "api.ttl", tmp_path / "api.graphml"] and kg.outputs[-2:] == written
    assert main(["build", str(samples_dir), "-q", "--workers", "1", "-o", str(tmp_path / "cli.ttl")]) == 0
    assert (tmp_path / "api.ttl").read_bytes() == (tmp_path / "cli.ttl").read_bytes()
    graphml = nx.read_graphml(tmp_path / "api.graphml")
    assert graphml.number_of_edges() == kg.to_networkx().number_of_edges()


def test_save_refuses_unknown_formats_and_nothing(kg, tmp_path):
    with pytest.raises(FormatError):
        kg.save(tmp_path / "graph.docx")
    with pytest.raises(InputError):
        kg.save()
    with pytest.raises(FormatError):  # before any article is read
        rawabit.build([tmp_path / "missing"], [tmp_path / "g.docx"])
    assert not list(tmp_path.iterdir())


def test_extract_text_gives_the_facts_of_one_string():
    one = rawabit.extract_text(ARTICLE)
    assert len(one.articles) == 1
    facts = {(f.subject, f.relation, f.object, f.status) for f in one.facts}
    assert ("vladimir-putin", "met", "steve-witkoff", Status.ASSERTED) in facts
    assert not any(f[:2] == ("vladimir-putin", "met") and f[2] == "donald-trump" and f[3] is Status.ASSERTED
                   for f in facts)  # «لم يلتق»: not asserted
    assert one.to_networkx().has_edge(PUTIN, WITKOFF)
    fast = rawabit.extract_text(ARTICLE, ner=False, title="بوتين يستقبل ويتكوف")
    assert ("vladimir-putin", "met", "steve-witkoff") in {(f.subject, f.relation, f.object) for f in fast.facts}
    assert fast.articles[0].title == "بوتين يستقبل ويتكوف"


@pytest.mark.parametrize("text, error", [("", InputError), ("  \n\t\n", InputError), (b"\xd8\xa8", TypeError)])
def test_extract_text_refuses_empty_or_non_text(text, error):
    with pytest.raises(error):
        rawabit.extract_text(text)


def test_building_into_a_store_sees_the_whole_store(tmp_path, samples_dir, kg):
    store = tmp_path / "store"
    first = rawabit.build([samples_dir / "01_riyadh_talks.txt"], store=store, workers=1)
    assert len(first.articles) == 1 and first.store_path == store
    first.close()
    with rawabit.build([samples_dir], store=store, workers=1) as second:
        assert second.skipped_articles == 1 and len(second.articles) == 12  # plain objects: what was read
        g = second.to_networkx()  # graph views: the whole store
        assert (g.number_of_nodes(), g.number_of_edges()) == (kg.to_networkx().number_of_nodes(),
                                                              kg.to_networkx().number_of_edges())
        assert second.query("ASK { id:vladimir-putin rwb:met id:steve-witkoff }").boolean is True
    third = rawabit.build([samples_dir], store=store, workers=1)
    assert third.skipped_articles == 13 and not third.articles  # the store was free again
    third.close()


def test_to_pandas_without_pandas_says_what_to_install(kg, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if not installed
    result = kg.query("SELECT ?who WHERE { ?who rwb:met id:steve-witkoff }")
    with pytest.raises(ImportError, match="pip install pandas"):
        result.to_pandas()
    assert len(list(result)) == len(result) > 0  # the rows need no pandas
