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
