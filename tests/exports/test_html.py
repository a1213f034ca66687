"""The HTML writer without a browser: escaping, offline page, determinism and options."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph

from rawabit import exports
from rawabit.errors import FormatError, InputError
from rawabit.exports import html
from rawabit.exports.html_layout import positions
from rawabit.exports.html_model import read, select

from support import browser as helpers

_DATA = re.compile(r'<script type="application/json" id="rwb-data">(.*?)</script>', re.S)


def page_data(text: str) -> dict:
    """The JSON embedded in a written page."""
    return json.loads(_DATA.search(text).group(1))


def written(tmp_path: Path, dataset=None, options=None, name="g.html") -> str:
    path = tmp_path / name
    html.write(dataset if dataset is not None else helpers.demo_dataset(), path, options)
    return path.read_bytes().decode("utf-8")


def labels(data: dict) -> set[str]:
    return {n[1] for n in data["nodes"]}


def test_safe_json_escapes_everything_that_could_leave_a_script_element():
    value = {"a": "</script><script>x()</script>", "b": "<!-- & -->", "c": "\u2028\u2029", "d": "بوتين"}
    text = html.safe_json(value)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert "بوتين" in text
    assert json.loads(text) == value


def test_hostile_strings_appear_only_escaped(tmp_path):
    text = written(tmp_path, helpers.hostile_dataset(), {"title": "<b>عنوان</b>"})
    assert "window.__pwned" in text  # the data is there …
    assert "<script>window.__pwned" not in text and "<img" not in text  # … but never as markup
    assert "</script><script>" not in text
    assert text.count("<script") == written(tmp_path, name="plain.html").count("<script")
    assert "<title>&lt;b&gt;عنوان&lt;/b&gt;</title>" in text
    assert "<" not in _DATA.search(text).group(1)
    data = page_data(text)
    assert any("<script>window.__pwned=1</script>" in n[1] for n in data["nodes"])


def test_page_is_offline_utf8_and_self_contained(tmp_path):
    text = written(tmp_path)
    assert '<meta charset="utf-8">' in text
    assert "فلاديمير بُوتين" in text
    helpers.assert_offline(text)
    assert "http" not in page_data(text).__repr__()  # IRIs are shortened to id: names


def test_same_input_gives_byte_identical_pages(tmp_path):
    one = (tmp_path / "1.html")
    two = (tmp_path / "2.html")
    html.write(helpers.demo_dataset(), one)
    html.write(helpers.demo_dataset(), two)
    assert one.read_bytes() == two.read_bytes()


def test_nodes_edges_classes_and_statuses(tmp_path):
    data = page_data(written(tmp_path))
    assert len(data["nodes"]) == 13 and len(data["edges"]) == 16
    assert "فلاديمير بُوتين" in labels(data)
    classes = [c[0] for c in data["classes"]]
    shapes = {c[0]: c[4] for c in data["classes"]}
    assert len({shapes[c] for c in classes[:6]}) == 6  # each class its own shape
    rel = {r[0]: r for r in data["relations"]}
    assert rel["met"][1] == "التقى" and rel["met"][2] == "met"
    statuses = [s[0] for s in data["statuses"]]
    drawn = {(data["nodes"][e[0]][2], data["relations"][e[2]][0], data["nodes"][e[1]][2]): statuses[e[3]]
             for e in data["edges"]}
    assert drawn[("Volodymyr Zelensky", "met", "Vladimir Putin")] == "Denied"
    assert drawn[("Donald Trump", "met", "Vladimir Putin")] == "Planned"
    assert drawn[("Vladimir Putin", "met", "Steve Witkoff")] == "Asserted"
    putin = next(i for i, n in enumerate(data["nodes"]) if n[0] == "id:vladimir-putin")
    assert data["nodes"][putin][6] == 4  # degree, drawn as size
    ev = next(e[4] for e in data["edges"] if e[0] == putin and data["relations"][e[2]][0] == "met")
    assert ev[0][0].startswith("التقى الرئيس الروسي") and ev[0][2] == 0.9
    assert data["articles"][ev[0][1]] == ["ترمب يشيد بمباحثات مبعوثه في موسكو", "news/day1.txt", "2025-02-14"]
    assert ev[0][4] == "2025-02-13"    # the statement's date


def test_relations_option_keeps_only_those_edges(tmp_path):
    data = page_data(written(tmp_path, options={"relations": {"met", "rwb:presidentOf"}}))
    assert {r[0] for r in data["relations"]} == {"met", "presidentOf"}
    assert len(data["edges"]) == 6
    assert "الكرملين" not in labels(data)


def test_min_degree_drops_thin_nodes(tmp_path):
    data = page_data(written(tmp_path, options={"min_degree": 3}))
    assert labels(data) == {"فلاديمير بُوتين", "دونالد ترامب", "فولوديمير زيلينسكي", "روسيا", "ستيف ويتكوف",
                            "أوكرانيا"}


@pytest.mark.parametrize("focus", ["id:steve-witkoff", "https://w3id.org/rawabit/id/steve-witkoff",
                                   "ستيف ويتكوف", "steve witkoff"])
def test_focus_draws_the_neighbourhood(tmp_path, focus):
    data = page_data(written(tmp_path, options={"focus": focus}))
    assert labels(data) == {"ستيف ويتكوف", "فلاديمير بُوتين", "دونالد ترامب", "موسكو"}
    assert data["nodes"][data["focus"]][0] == "id:steve-witkoff"


def test_focus_with_two_hops_reaches_further(tmp_path):
    one = page_data(written(tmp_path, options={"focus": "id:moscow"}))
    two = page_data(written(tmp_path, options={"focus": "id:moscow", "hops": 2}, name="2.html"))
    assert labels(one) == {"موسكو", "ستيف ويتكوف", "روسيا"}
    assert labels(one) < labels(two) and "حلف شمال الأطلسي" in labels(two)


def test_bad_options_are_reported(tmp_path):
    with pytest.raises(InputError, match="unknown relation"):
        written(tmp_path, options={"relations": ["hugged"]})
    with pytest.raises(InputError, match="no entity"):
        written(tmp_path, options={"focus": "id:nobody"})
    with pytest.raises(FormatError):
        written(tmp_path, options={"min_degree": "many"})


def test_plain_graph_and_registry(tmp_path):
    flat = Graph()
    for s, p, o, _ in helpers.demo_dataset().quads((None, None, None, None)):
        flat.add((s, p, o))
    target = exports.write(flat, tmp_path / "out" / "graph.html")
    data = page_data(target.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 13


def test_bare_triple_without_statement_is_an_edge_without_evidence():
    ds = helpers.demo_dataset()
    from rawabit.graph.namespace import ID, RWB
    ds.add((ID["nato"], RWB.criticized, ID["russia"]))
    model, _ = select(read(ds), {})
    bare = [e for e in model.edges if e.relation == "criticized"]
    assert len(bare) == 1 and bare[0].evidence == () and bare[0].status == "Asserted"


def test_layout_is_deterministic_and_separates_components():
    edges = [(0, 1), (1, 2), (2, 0), (3, 4)]
    first = positions(6, edges)
    assert first == positions(6, edges) and len(set(first)) == 6
    big = [(i, (i * 7 + 1) % 900) for i in range(900)] + [(i, i + 1) for i in range(899)]
    assert positions(900, big) == positions(900, big)
