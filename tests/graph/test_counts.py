"""The counts the build writes (rwb:statementCount …) equal what counting the statements gives."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from rawabit import api
from rawabit.extract.model import Article, Entity, EntityType, Extraction, Fact, Quote, Status
from rawabit.graph.build import build_dataset
from rawabit.graph.sparql import run_query
from rawabit.graph.store import GraphStore
from rawabit.graph.stream import quads

from support import sample_extraction, store_sample

# what the counts stand for, counted the slow way
_COUNTED = {
    # on articles, statuses and rules alike: the statements that point at the node
    "statementCount": "SELECT ?node (COUNT(?st) AS ?n) WHERE { ?st a rwb:Statement . "
                      "{ ?st rwb:article ?node } UNION { ?st rwb:status ?node } "
                      "UNION { ?st rwb:rule ?name . ?node a rwb:Rule ; rdfs:label ?name } } GROUP BY ?node",
    "assertedCount": "SELECT ?node (COUNT(?st) AS ?n) WHERE { ?st a rwb:Statement ; rwb:article ?node ; "
                     "rwb:status rwb:Asserted } GROUP BY ?node",
    "namedInStatements": "SELECT ?node (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st a rwb:Statement . "
                         "{ ?st rdf:subject ?node } UNION { ?st rdf:object ?node } } GROUP BY ?node",
}
_WRITTEN = "SELECT ?node ?n WHERE { ?node rwb:%s ?n }"
_ARTICLES = "SELECT ?node WHERE { ?node a rwb:Article }"
_ENTITIES = "SELECT DISTINCT ?node WHERE { ?node rdfs:label ?label FILTER NOT EXISTS { ?node a rwb:Rule } }"


def _pairs(source, query: str) -> dict[str, int]:
    return {str(row[0]): int(str(row[1])) for row in run_query(source, query).rows}


def assert_counts_hold(source) -> None:
    """Every article, entity, status and rule of *source* has each of its counts once, equal to the counted value."""
    for name, counting in _COUNTED.items():
        nodes = _ARTICLES if name != "namedInStatements" else _ENTITIES
        expected = {str(row[0]): 0 for row in run_query(source, nodes).rows} | _pairs(source, counting)
        rows = run_query(source, _WRITTEN % name).rows
        assert len(rows) == len({str(r[0]) for r in rows}), f"one rwb:{name} per node"
        assert _pairs(source, _WRITTEN % name) == expected, name
    unnamed = run_query(source, "SELECT DISTINCT ?name WHERE { ?st rwb:rule ?name "
                                "FILTER NOT EXISTS { ?rule a rwb:Rule ; rdfs:label ?name } }").rows
    assert not unnamed, "every rule a statement names has its rwb:Rule node"
    rules = run_query(source, "SELECT ?rule (COUNT(?label) AS ?n) WHERE { ?rule a rwb:Rule ; rdfs:label ?label } "
                              "GROUP BY ?rule").rows
    assert all(int(str(n)) == 1 for _, n in rules), "one label per rule"


def _extraction(article_id: str, text: str, facts: list[tuple[str, str, str, Status]],
                quotes: int = 0) -> Extraction:
    names = {"vladimir-putin": "فلاديمير بوتين", "steve-witkoff": "ستيف ويتكوف", "russia": "روسيا",
             "donald-trump": "دونالد ترمب"}
    types = {"russia": EntityType.COUNTRY}
    return Extraction(
        articles=[Article(article_id, f"news/{article_id}.txt", text)],
        entities={k: Entity(k, types.get(k, EntityType.PERSON), v) for k, v in names.items()},
        facts=[Fact(s, r, o, status, article_id, i, 0, len(text), text, "interaction.verb", 0.9)
               for i, (s, r, o, status) in enumerate(facts)],
        quotes=[Quote("vladimir-putin", f"نص {i}", article_id, i, 0, 5) for i in range(quotes)],
        mentions={article_id: set(names)})


def test_the_hand_written_sample_carries_true_counts(tmp_path: Path) -> None:
    assert_counts_hold(store_sample.write_sample(tmp_path, ".trig"))


@pytest.mark.parametrize("twice", [False, True], ids=["once", "same-fact-twice"])
def test_a_built_dataset_counts_each_statement_once(tmp_path: Path, twice: bool) -> None:
    extraction = sample_extraction.make_extraction()
    if twice:
        extraction.facts = [f for fact in extraction.facts for f in (fact, fact)]
        extraction.quotes = [q for quote in extraction.quotes for q in (quote, quote)]
    dataset = build_dataset(extraction)
    path = tmp_path / "g.trig"
    dataset.serialize(destination=str(path), format="trig")
    assert_counts_hold(path)
    assert set(quads(extraction)) == set(ox.parse(path=str(path), format=ox.RdfFormat.TRIG))
    putin = _pairs(path, _WRITTEN % "namedInStatements")["https://w3id.org/rawabit/id/vladimir-putin"]
    assert putin == 4  # met (denied and asserted), presidentOf, supports


def test_a_store_adds_the_counts_of_new_statements_only(tmp_path: Path) -> None:
    first = _extraction("aaaa0000", "التقى بوتين ويتكوف. وقال بوتين إن روسيا مستعدة.", [
        ("vladimir-putin", "met", "steve-witkoff", Status.ASSERTED),
        ("vladimir-putin", "presidentOf", "russia", Status.ASSERTED)], quotes=1)
    second = _extraction("bbbb1111", "ولم يلتق ترمب بوتين. واتصل ترمب بويتكوف.", [
        ("donald-trump", "met", "vladimir-putin", Status.DENIED),
        ("donald-trump", "phoned", "steve-witkoff", Status.ASSERTED)], quotes=2)
    with GraphStore.open(tmp_path / "db", create=True) as store:
        store.add_dataset(build_dataset(first))
        store.add_dataset(build_dataset(second))
        assert store.add_dataset(build_dataset(first)) == 0  # nothing new: every count as it was
        # the second article again, with one more statement: only that one is added to the counts
        second.facts.append(Fact("vladimir-putin", "criticized", "donald-trump", Status.ASSERTED, "bbbb1111",
                                 7, 0, 5, "انتقد بوتين ترمب", "stance.verb", 0.8))
        assert store.add_dataset(build_dataset(second)) > 0
        assert_counts_hold(store)
        named = _pairs(store, _WRITTEN % "namedInStatements")
        article = _pairs(store, _WRITTEN % "statementCount")
    ids = "https://w3id.org/rawabit/id/"
    assert named == {ids + "vladimir-putin": 4, ids + "steve-witkoff": 2, ids + "russia": 1, ids + "donald-trump": 3}
    rwb, rule = "https://w3id.org/rawabit/ontology#", "https://w3id.org/rawabit/rule/"
    assert article == {"https://w3id.org/rawabit/article/aaaa0000": 2, "https://w3id.org/rawabit/article/bbbb1111": 3,
                       rwb + "Asserted": 4, rwb + "Denied": 1, rule + "interaction.verb": 4, rule + "stance.verb": 1}


def test_a_store_built_from_the_samples_in_two_steps_holds_true_counts(tmp_path: Path, samples_dir: Path,
                                                                       monkeypatch) -> None:
    monkeypatch.setattr(api, "_STORE_BATCH", 3)  # several batches: entities come with the first only
    half = tmp_path / "half"
    half.mkdir()
    for path in sorted(samples_dir.iterdir())[::2]:
        shutil.copy(path, half / path.name)
    store = tmp_path / "db"
    api.build([half], store=store, workers=1, ner=False)
    with GraphStore.open(store, read_only=True) as graph_store:
        assert_counts_hold(graph_store)
        first = len(graph_store.article_ids())
    api.build([samples_dir], store=store, workers=1, ner=False)  # the rest, with entities already known
    with GraphStore.open(store, read_only=True) as graph_store:
        assert len(graph_store.article_ids()) > first > 3
        assert_counts_hold(graph_store)
        before = sorted(graph_store.quads())
    api.build([samples_dir], store=store, workers=1, ner=False)  # every article known: nothing changes
    with GraphStore.open(store, read_only=True) as graph_store:
        assert sorted(graph_store.quads()) == before


def test_an_export_of_the_samples_holds_true_counts(tmp_path: Path, samples_dir: Path) -> None:
    api.build([samples_dir], [tmp_path / "s.nq"], workers=1, ner=False, stream=True)
    dataset = Dataset()
    dataset.parse(tmp_path / "s.nq", format="nquads")
    trig = tmp_path / "s.trig"
    dataset.serialize(destination=str(trig), format="trig")
    assert_counts_hold(trig)


def test_the_stream_counts_a_text_read_twice_once(tmp_path: Path) -> None:
    first = _extraction("aaaa0000", "التقى بوتين ويتكوف.", [
        ("vladimir-putin", "met", "steve-witkoff", Status.ASSERTED),
        ("vladimir-putin", "presidentOf", "russia", Status.ASSERTED)])
    second = _extraction("bbbb1111", "ولم يلتق ترمب بوتين.", [("donald-trump", "met", "vladimir-putin", Status.DENIED)])
    both = Extraction(articles=first.articles + second.articles + first.articles, entities=first.entities,
                      facts=first.facts + second.facts + first.facts, mentions={**first.mentions, **second.mentions})
    streamed = set(quads(both))
    path = tmp_path / "g.trig"
    build_dataset(both).serialize(destination=str(path), format="trig")
    assert streamed == set(ox.parse(path=str(path), format=ox.RdfFormat.TRIG))
    assert_counts_hold(path)
    assert _pairs(path, _WRITTEN % "namedInStatements")["https://w3id.org/rawabit/id/vladimir-putin"] == 3


def test_the_counts_made_while_linking_are_those_of_the_facts_linked() -> None:
    from rawabit.extract.pipeline import Pipeline
    from rawabit.graph.build import tally
    texts = ["التقى الرئيس الروسي فلاديمير بوتين المبعوث الأمريكي ستيف ويتكوف في موسكو.",
             "ولم يلتق دونالد ترمب بوتين، ونفى الكرملين أن تكون موسكو تطالب بأربع مناطق."]
    articles = [Article("a1", "a1.txt", texts[0]), Article("a2", "a2.txt", texts[1]),
                Article("a1", "copy/a1.txt", texts[0])]   # the same text read twice
    linked = Pipeline.default(ner=False).corpus(articles)
    counted = tally(linked.facts, in_runs=True)
    assert linked.counts is not None and len(linked.facts) >= 4
    assert linked.counts.articles == counted.articles and linked.counts.named == counted.named
    assert linked.counts.statuses == counted.statuses and linked.counts.rules == counted.rules
    assert linked.counts.articles["a1"][0] * 2 == sum(f.article == "a1" for f in linked.facts)
