"""The sample corpus through the whole product: build into a store, validate, serve the cookbook."""
from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from rawabit import api
from rawabit.graph.server import ServerHandle
from rawabit.graph.sparql import run_query
from rawabit.graph.store import GraphStore
from rawabit.graph.validate import validate

ROOT = Path(__file__).resolve().parents[1]
RECIPES = sorted((ROOT / "docs" / "cookbook").glob("*.rq"))


@pytest.fixture(scope="module")
def store(tmp_path_factory, samples_dir) -> Path:
    directory = tmp_path_factory.mktemp("e2e") / "store"
    api.build([samples_dir], store=directory)
    return directory


def test_the_built_sample_graph_conforms_to_the_shapes(store):
    with GraphStore.open(store, read_only=True) as graph_store:
        report = validate(graph_store.to_dataset())
    assert report, report.text()


@pytest.fixture(scope="module")
def endpoint(store):
    handle = ServerHandle(store, port=0, timeout=30.0, workers=1)
    handle.start()
    try:
        yield handle
    finally:
        handle.stop()


def _values(bindings: list[dict]) -> list[tuple]:
    return sorted(tuple(sorted((k, str(v)) for k, v in row.items())) for row in bindings)


@pytest.mark.parametrize("recipe", RECIPES, ids=[r.stem for r in RECIPES])
def test_the_endpoint_answers_each_cookbook_query_as_rawabit_query_does(store, endpoint, recipe):
    query = recipe.read_text(encoding="utf-8")
    url = endpoint.url + "?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 200
        answer = json.loads(response.read())
    over_http = [{k: v["value"] for k, v in row.items()} for row in answer["results"]["bindings"]]
    local = run_query(store, query).bindings()
    assert _values(over_http) == _values(local)
    assert over_http, f"{recipe.name} finds nothing in the sample corpus"


def _query_csv(store: Path, recipe: str, capsys) -> list[dict[str, str]]:
    import csv
    import io

    from rawabit.cli import main
    capsys.readouterr()
    assert main(["query", "--store", str(store), "-f", str(ROOT / "docs" / "cookbook" / recipe),
                 "--format", "csv"]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_rawabit_query_gives_the_timeline_of_two_actors_in_date_order(store, capsys):
    rows = _query_csv(store, "15-timeline-of-contacts.rq", capsys)
    dated = [(r["date"], r["relation"].rsplit("#", 1)[-1], r["status"].rsplit("#", 1)[-1]) for r in rows if r["date"]]
    assert dated == [("2025-12", "phoned", "Planned"), ("2025-12-04", "phoned", "Asserted")]   # a month sorts first
    whens = [r["when"] for r in rows]
    assert whens == sorted(whens)
    assert any(not r["date"] for r in rows), "the sample's undated calls are listed too"


def test_rawabit_query_gives_what_happened_in_a_month_and_what_an_outlet_reported(store, capsys):
    month = _query_csv(store, "16-what-happened-in-a-month.rq", capsys)
    assert month and all(r["date"].startswith("2025-12") for r in month)
    assert {"2025-12-02", "2025-12-04", "2025-12-10", "2025-12"} <= {r["date"] for r in month}
    outlet = _query_csv(store, "17-facts-by-outlet.rq", capsys)
    assert {r["published"] for r in outlet} == {"2025-11-20", "2025-12-05"}     # not the other outlet's article
    assert ("2025-11-20", "ماركو روبيو") in {(r["date"], r["objectLabel"]) for r in outlet}
