"""Tests of rawabit.graph.store: persistence, idempotent adds, lookups, errors."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Literal

from rawabit.errors import StoreError
from rawabit.graph.namespace import ARTICLE, ID, RWB, STATEMENT
from rawabit.graph.store import GraphStore, StoredEntity, from_oxigraph, to_oxigraph


from support import store_sample as sample  # noqa: E402  (tests/support, see conftest.py)


def _values(graph) -> set:
    """Triples with literals by value: oxigraph writes numbers canonically (1.0 -> 1)."""
    return {tuple((t.toPython(), t.datatype, t.language) if isinstance(t, Literal) else t for t in triple)
            for triple in graph}


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    with GraphStore.open(tmp_path / "db", create=True) as store:
        store.add_dataset(sample.sample_dataset())
    return tmp_path / "db"


def test_add_then_reopen_keeps_every_quad(store_dir: Path) -> None:
    expected = sample.sample_dataset()
    with GraphStore.open(store_dir) as store:
        assert len(store) == len(list(expected.quads((None, None, None, None))))
        dataset = store.to_dataset()
    for name in (None, ARTICLE[sample.ARTICLE_IDS[0]], ARTICLE[sample.ARTICLE_IDS[1]]):
        ours = dataset.default_graph if name is None else dataset.graph(name)
        theirs = expected.default_graph if name is None else expected.graph(name)
        assert _values(ours) == _values(theirs), name


def test_adding_the_same_dataset_twice_changes_nothing(store_dir: Path) -> None:
    with GraphStore.open(store_dir) as store:
        before = len(store)
        assert store.add_dataset(sample.sample_dataset()) == 0
        assert len(store) == before


def test_a_stored_statement_is_not_added_again_with_other_values(store_dir: Path) -> None:
    stmt = STATEMENT["0000000000000001"]
    again = Dataset()
    graph = again.graph(ARTICLE[sample.ARTICLE_IDS[0]])
    graph.add((stmt, RDF.type, RWB.Statement))
    graph.add((stmt, RWB.confidence, Literal(0.1)))
    graph.add((ID["new-person"], RWB.met, ID["vladimir-putin"]))
    with GraphStore.open(store_dir) as store:
        assert store.add_dataset(again) == 1
        confidences = list(store.oxigraph.quads_for_pattern(to_oxigraph(stmt), to_oxigraph(RWB.confidence), None, None))
    assert [float(from_oxigraph(q.object).toPython()) for q in confidences] == [0.9]


def test_has_article_and_article_ids(store_dir: Path) -> None:
    with GraphStore.open(store_dir, read_only=True) as store:
        assert store.article_ids() == sorted(sample.ARTICLE_IDS)
        assert store.has_article(sample.ARTICLE_IDS[0])
        assert store.has_article(str(ARTICLE[sample.ARTICLE_IDS[1]]))
        assert not store.has_article("ffffffffffff")


def test_entities_give_class_and_arabic_labels_first(store_dir: Path) -> None:
    with GraphStore.open(store_dir, read_only=True) as store:
        entities = {e.key: e for e in store.entities()}
    assert len(entities) == 13
    putin = entities["vladimir-putin"]
    assert isinstance(putin, StoredEntity)
    assert putin.iri == str(ID["vladimir-putin"]) and putin.cls == "Person"
    assert putin.labels == ("فلاديمير بوتين", "بوتين", "Vladimir Putin")
    assert entities["topic-ceasefire"].cls == "Topic"


def test_quads_and_query(store_dir: Path) -> None:
    with GraphStore.open(store_dir, read_only=True) as store:
        graphs = {g for *_, g in store.quads()}
        result = store.query("SELECT ?o WHERE { id:vladimir-putin rwb:met ?o }")
    assert graphs == {None, ARTICLE[sample.ARTICLE_IDS[0]], ARTICLE[sample.ARTICLE_IDS[1]]}
    assert result.rows == ((ID["steve-witkoff"],),)


def test_missing_directory_is_an_error_unless_created(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no graph store"):
        GraphStore.open(tmp_path / "nope")
    with pytest.raises(StoreError, match="no graph store"):
        GraphStore.open(tmp_path / "nope", read_only=True)
    assert not (tmp_path / "nope").exists()


def test_a_directory_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError, match="not a graph store"):
        GraphStore.open(tmp_path, create=True)
    with pytest.raises(StoreError, match="is a file"):
        GraphStore.open(tmp_path / "notes.txt")


def test_a_locked_store_gives_a_clear_error(store_dir: Path) -> None:
    with GraphStore.open(store_dir):
        with pytest.raises(StoreError, match="locked"):
            GraphStore.open(store_dir)
        with GraphStore.open(store_dir, read_only=True) as reader:
            assert reader.has_article(sample.ARTICLE_IDS[0])


def test_a_corrupt_store_gives_a_clear_error(store_dir: Path) -> None:
    (store_dir / "CURRENT").write_text("MANIFEST-999999\n", encoding="utf-8")
    with pytest.raises(StoreError, match="corrupt"):
        GraphStore.open(store_dir)


def test_closed_and_read_only_stores_refuse_work(store_dir: Path) -> None:
    store = GraphStore.open(store_dir, read_only=True)
    with pytest.raises(StoreError, match="read-only"):
        store.add_dataset(sample.sample_dataset())
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        len(store)


def test_a_built_dataset_round_trips_and_skips_known_articles(tmp_path: Path) -> None:
    from rawabit.extract.model import Article, Entity, EntityType, Extraction, Fact, Status
    from rawabit.graph.build import build_dataset

    def extraction(article_id: str, text: str) -> Extraction:
        fact = Fact("vladimir-putin", "met", "steve-witkoff", Status.ASSERTED, article_id, 0, 0, len(text), text,
                    "interaction.verb", 0.9)
        return Extraction(articles=[Article(article_id, "news/a.txt", text)],
                          entities={"vladimir-putin": Entity("vladimir-putin", EntityType.PERSON, "فلاديمير بوتين"),
                                    "steve-witkoff": Entity("steve-witkoff", EntityType.PERSON, "ستيف ويتكوف")},
                          facts=[fact], mentions={article_id: {"vladimir-putin", "steve-witkoff"}})

    with GraphStore.open(tmp_path / "db", create=True) as store:
        first = store.add_dataset(build_dataset(extraction("aaaa0000", "التقى بوتين ويتكوف.")))
        assert store.has_article("aaaa0000") and not store.has_article("bbbb1111")
        assert store.add_dataset(build_dataset(extraction("aaaa0000", "التقى بوتين ويتكوف."))) == 0
        added = store.add_dataset(build_dataset(extraction("bbbb1111", "واجتمع بوتين مع ويتكوف.")))
        assert 0 < added < first  # the entities were already known
        assert store.article_ids() == ["aaaa0000", "bbbb1111"]
        assert [e.key for e in store.entities()] == ["steve-witkoff", "vladimir-putin"]
        rows = store.query("SELECT ?st WHERE { ?st rdf:predicate rwb:met }").rows
    assert len(rows) == 2
