"""The HTML page in Debian's headless Chromium: drawing, panel, search, filters, safety."""
from __future__ import annotations

import pytest

from rawabit.exports import html

from support import browser as helpers

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    d = helpers.start_chromium(tmp_path_factory.mktemp("chromium"))
    yield d
    helpers.stop_chromium(d)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    root = tmp_path_factory.mktemp("pages")
    html.write(helpers.demo_dataset(), root / "demo.html")
    html.write(helpers.hostile_dataset(), root / "hostile.html")
    html.write(helpers.big_dataset(), root / "big.html")
    return root


@pytest.fixture
def demo(driver, pages):
    helpers.open_page(driver, pages / "demo.html")
    driver.get_log("browser")  # start each test with an empty log
    return driver


def severe(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def js(driver, script: str, *args):
    return driver.execute_script(script, *args)


def click_at(driver, canvas_point: dict) -> None:
    """Click the network at a canvas position, as a user would."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    box = driver.find_element(By.ID, "rwb-network")
    dom = js(driver, "return window.rawabit.network.canvasToDOM(arguments[0])", canvas_point)
    size = box.size
    ActionChains(driver).move_to_element_with_offset(
        box, int(dom["x"] - size["width"] / 2), int(dom["y"] - size["height"] / 2)).click().perform()


def edge_id(driver, subject: str, relation: str, obj: str) -> int:
    return js(driver, """
        var d = window.rawabit.data;
        return d.edges.findIndex(function (e) {
          return d.nodes[e[0]][0] === arguments[0] && d.relations[e[2]][0] === arguments[1]
            && d.nodes[e[1]][0] === arguments[2]; });""".replace("arguments[0]", "'" + subject + "'")
              .replace("arguments[1]", "'" + relation + "'").replace("arguments[2]", "'" + obj + "'"))


def panel(driver) -> str:
    return js(driver, "return document.getElementById('rwb-panel').textContent")


def test_page_draws_every_node_without_console_errors(demo):
    labels = js(demo, "return window.rawabit.nodes.get().map(function (n) { return n.label; })")
    assert len(labels) == 13 and "فلاديمير بُوتين" in labels and "حلف شمال الأطلسي" in labels
    assert js(demo, "return window.rawabit.edges.length") == 16
    assert js(demo, "return window.rawabit.network.physics.physicsEnabled") is False
    assert js(demo, "return document.documentElement.dir") == "rtl"
    assert js(demo, "return document.characterSet") == "UTF-8"
    assert severe(demo) == []


def test_non_asserted_edges_are_dashed_with_their_status(demo):
    dashed = js(demo, "return window.rawabit.edges.get({filter: function (e) { return !!e.dashes; }})"
                      ".map(function (e) { return e.label; })")
    assert sorted(dashed) == sorted(["التقى (منفي)", "التقى (مخطط له)", "يدعم (محتمل)"])


def test_clicking_an_edge_shows_its_evidence_article_and_confidence(demo):
    j = edge_id(demo, "id:russia", "threatened", "id:nato")
    mid = js(demo, """var p = window.rawabit.network.getPositions(arguments[0]);
                      var a = p[arguments[0][0]], b = p[arguments[0][1]];
                      return {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2};""",
             [js(demo, "return window.rawabit.data.edges[arguments[0]][0]", j),
              js(demo, "return window.rawabit.data.edges[arguments[0]][1]", j)])
    assert js(demo, "return window.rawabit.network.getEdgeAt(window.rawabit.network.canvasToDOM(arguments[0]))",
              mid) == j
    click_at(demo, mid)
    text = panel(demo)
    assert "هددت روسيا حلف شمال الأطلسي." in text
    assert "كييف ترفض التنازل عن دونباس" in text and "news/day2.txt" in text
    assert "0.70" in text and "threatened" in text


def test_selecting_an_edge_from_script_uses_the_same_panel(demo):
    j = edge_id(demo, "id:vladimir-putin", "met", "id:steve-witkoff")
    js(demo, "window.rawabit.network.selectEdges([arguments[0]]);"
             "window.rawabit.network.body.emitter.emit('click', {nodes: [], edges: [arguments[0]],"
             " pointer: {DOM: {x: 0, y: 0}, canvas: {x: 0, y: 0}}, event: {}})", j)
    assert "التقى الرئيس الروسي بوتين المبعوث ويتكوف في موسكو." in panel(demo)
    assert "0.90" in panel(demo)


def test_clicking_a_node_lists_its_facts(demo):
    pos = js(demo, "var d = window.rawabit.data; var i = d.nodes.findIndex(function (n) { return n[0] === 'id:vladimir-putin'; });"
                   "return window.rawabit.network.getPositions([i])[i];")
    click_at(demo, pos)
    facts = js(demo, "return Array.from(document.querySelectorAll('#rwb-facts li')).map(function (l) { return l.textContent; })")
    assert len(facts) == 4
    assert any("ستيف ويتكوف" in f and "التقى" in f for f in facts)
    assert any("منفي" in f for f in facts)


@pytest.mark.parametrize("typed, expected", [
    ("بوتين", "فلاديمير بُوتين"),            # label has a damma, query has none
    ("بُوتِين", "فلاديمير بُوتين"),          # diacritics on both sides
    ("اوكرانيا", "أوكرانيا"),               # alef with hamza typed as bare alef
    ("الولايات المتحده", "الولايات المتحدة"),  # taa marbuta typed as haa
    ("شمال الاطلسى", "حلف شمال الأطلسي"),      # alef and alef maqsura
    ("putin", "فلاديمير بُوتين"),            # English label
    ("ترمب", "دونالد ترامب"),               # alternative label
])
def test_search_is_insensitive_to_diacritics_and_letter_variants(demo, typed, expected):
    from selenium.webdriver.common.by import By
    box = demo.find_element(By.ID, "rwb-search")
    box.clear()
    box.send_keys(typed)
    hits = js(demo, "return Array.from(document.querySelectorAll('#rwb-results bdi')).map(function (b) { return b.textContent; })")
    assert hits and hits[0] == expected
    demo.find_element(By.CSS_SELECTOR, "#rwb-results button").click()
    assert js(demo, "return document.getElementById('rwb-panel-title').textContent") == expected
    assert js(demo, "return window.rawabit.network.getSelectedNodes().length") == 1


def test_filters_hide_classes_relations_and_non_asserted_facts(demo):
    from selenium.webdriver.common.by import By
    count = "return [window.rawabit.nodeView.length, window.rawabit.edgeView.length]"
    assert js(demo, count) == [13, 16]
    demo.find_element(By.ID, "rwb-hide-unasserted").click()
    assert js(demo, count) == [13, 13]
    demo.find_element(By.CSS_SELECTOR, '#rwb-relations li[data-relation="presidentOf"] input').click()
    assert js(demo, count) == [13, 10]
    demo.find_element(By.CSS_SELECTOR, '#rwb-legend li[data-class="Person"] input').click()
    nodes, edges = js(demo, count)
    assert nodes == 8 and edges == 4  # locatedIn ×2, demands, threatened
    assert "nodes" in js(demo, "return document.getElementById('rwb-counts').textContent")


def test_hostile_article_runs_nothing_and_shows_text(driver, pages):
    helpers.open_page(driver, pages / "hostile.html")
    assert js(driver, "return typeof window.__pwned") == "undefined"
    for j in range(js(driver, "return window.rawabit.data.edges.length")):
        js(driver, "window.rawabit.showEdge(arguments[0])", j)
        assert "<script>window.__pwned=1</script>" in panel(driver) or "javascript:" in panel(driver)
    for i in range(js(driver, "return window.rawabit.data.nodes.length")):
        js(driver, "window.rawabit.selectNode(arguments[0])", i)
    from selenium.webdriver.common.by import By
    box = driver.find_element(By.ID, "rwb-search")
    box.send_keys("<img")
    assert js(driver, "return document.querySelectorAll('#rwb-results button').length") >= 1
    assert js(driver, "return typeof window.__pwned") == "undefined"
    assert js(driver, "return document.querySelectorAll('img, a, iframe').length") == 0
    assert js(driver, "return document.querySelectorAll('script').length") == 4   # data, vis-network, page, timeline
    assert js(driver, "return document.title").startswith("روابط")
    assert severe(driver) == []


def test_page_makes_no_network_request(driver, pages):
    driver.get_log("performance")
    helpers.open_page(driver, pages / "demo.html")
    urls = helpers.requests_made(driver)
    assert urls and all(u.startswith(("file:", "data:", "blob:")) for u in urls), urls
    resources = js(driver, "return performance.getEntriesByType('resource').map(function (r) { return r.name; })")
    assert all(u.startswith(("file:", "data:", "blob:")) for u in resources), resources


@pytest.fixture
def big(driver, pages):
    helpers.open_page(driver, pages / "big.html")
    driver.get_log("browser")
    return driver


def test_big_graph_is_drawn_in_batches_without_console_errors(big):
    assert js(big, "return window.rawabit.data.big") is True
    assert js(big, "return window.rawabit.fast") is True
    assert js(big, "return window.rawabit.network.body.nodeIndices.length") == js(big, "return window.rawabit.data.nodes.length")
    assert js(big, "return window.rawabit.edges.get({filter: function (e) { return !!e.dashes; }}).length") > 0
    for scale in (0.05, 0.5, 2):  # overview (tiny arrows, no labels), labels, exact arrows
        js(big, "window.rawabit.network.moveTo({scale: arguments[0]}); window.rawabit.network.redraw()", scale)
    assert severe(big) == []


def test_big_graph_click_on_a_node_and_on_an_edge_opens_the_panel(big):
    i = js(big, """var d = window.rawabit.data, best = 0;
                   d.nodes.forEach(function (n, i) { if (n[6] > d.nodes[best][6]) { best = i; } }); return best;""")
    js(big, "window.rawabit.network.moveTo({position: window.rawabit.network.getPositions([arguments[0]])[arguments[0]], scale: 1});"
            "window.rawabit.network.redraw()", i)
    pos = js(big, "return window.rawabit.network.getPositions([arguments[0]])[arguments[0]]", i)
    click_at(big, pos)
    assert js(big, "return document.getElementById('rwb-panel-title').textContent") == js(
        big, "return window.rawabit.data.nodes[arguments[0]][1]", i)
    assert js(big, "return window.rawabit.network.getSelectedNodes()") == [i]
    # an edge of that node whose middle is clear of nodes
    found = js(big, """
        var r = window.rawabit, n = r.network, d = r.data, i = arguments[0];
        for (var j = 0; j < d.edges.length; j++) {
          var e = d.edges[j];
          if (e[0] !== i && e[1] !== i) { continue; }
          var p = n.getPositions([e[0], e[1]]), mid = {x: (p[e[0]].x + p[e[1]].x) / 2, y: (p[e[0]].y + p[e[1]].y) / 2};
          var dom = n.canvasToDOM(mid);
          if (dom.x > 20 && dom.y > 20 && dom.x < n.canvas.frame.canvas.clientWidth - 20
              && dom.y < n.canvas.frame.canvas.clientHeight - 20 && n.getNodeAt(dom) === undefined && n.getEdgeAt(dom) === j) {
            return [j, mid];
          }
        }
        return null;""", i)
    assert found is not None
    j, mid = found
    click_at(big, mid)
    evidence = js(big, "return window.rawabit.data.edges[arguments[0]][4][0][0]", j)
    assert evidence in panel(big)
    assert severe(big) == []


def test_big_graph_filters_still_count(big):
    from selenium.webdriver.common.by import By
    nodes, edges = js(big, "return [window.rawabit.nodeView.length, window.rawabit.edgeView.length]")
    big.find_element(By.ID, "rwb-hide-unasserted").click()
    assert js(big, "return window.rawabit.edgeView.length") < edges
    big.find_element(By.CSS_SELECTOR, '#rwb-legend li[data-class="Person"] input').click()
    assert js(big, "return window.rawabit.nodeView.length") < nodes
    js(big, "window.rawabit.network.redraw()")
    assert severe(big) == []


def test_big_graph_redraws_its_cached_picture_when_a_filter_changes(big):
    from selenium.webdriver.common.by import By
    # a Person node with no other node near it, zoomed in so it covers its centre pixel
    i = js(big, """
        var r = window.rawabit, d = r.data, n = r.network, pos = n.getPositions();
        for (var i = 0; i < d.nodes.length; i++) {
          if (d.classes[d.nodes[i][3]][0] !== 'Person') { continue; }
          var p = pos[i], clear = true;
          for (var k = 0; k < d.nodes.length && clear; k++) {
            if (k !== i && Math.abs(pos[k].x - p.x) < 80 && Math.abs(pos[k].y - p.y) < 80) { clear = false; }
          }
          if (clear) { return i; }
        }
        return -1;""")
    assert i >= 0
    at = js(big, "return window.rawabit.network.getPositions([arguments[0]])[arguments[0]]", i)
    pixel = """
        var n = window.rawabit.network, p = arguments[0];  // the node's place, drawn or not
        n.redraw();
        var dom = n.canvasToDOM(p), c = n.canvas.frame.canvas, k = c.width / c.clientWidth;
        return Array.from(c.getContext('2d').getImageData(Math.round(dom.x * k), Math.round(dom.y * k), 1, 1).data);"""
    js(big, "var n = window.rawabit.network; n.moveTo({position: n.getPositions([arguments[0]])[arguments[0]], scale: 2})", i)
    assert js(big, pixel, at)[:3] == [0x00, 0x72, 0xB2]  # the Person colour
    big.find_element(By.CSS_SELECTOR, '#rwb-legend li[data-class="Person"] input').click()
    assert js(big, pixel, at)[:3] != [0x00, 0x72, 0xB2]
    big.find_element(By.CSS_SELECTOR, '#rwb-legend li[data-class="Person"] input').click()
    assert js(big, pixel, at)[:3] == [0x00, 0x72, 0xB2]
    assert severe(big) == []


VISIBLE = "return window.rawabit.edgeView.getIds().map(function (j) { var d = window.rawabit.data, e = d.edges[j]; " \
          "return d.relations[e[2]][0]; }).sort()"


def set_range(driver, start: str, end: str) -> None:
    """Move the time sliders to the months *start* and *end* as a user would (input events)."""
    js(driver, """
        var months = window.rawabit.time.months, pairs = [['rwb-time-from', arguments[0]], ['rwb-time-to', arguments[1]]];
        pairs.forEach(function (p) {
          var input = document.getElementById(p[0]);
          input.value = String(months.indexOf(p[1]));
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });""", start, end)


def test_the_time_filter_spans_the_dated_months_and_keeps_the_edges_of_a_range(demo):
    assert js(demo, "return document.getElementById('rwb-time').hidden") is False
    months = js(demo, "return window.rawabit.time.months")
    assert months[0] == "2024-01" and months[-1] == "2025-03" and len(months) == 15   # a year counts as its months
    assert js(demo, "return window.rawabit.edges.length") == js(demo, "return window.rawabit.edgeView.length") == 16
    set_range(demo, "2025-02", "2025-03")
    assert js(demo, "return document.getElementById('rwb-time-range').textContent") == "2025-02 – 2025-03"
    demo.find_element("id", "rwb-time-undated").click()                # hide the undated facts
    assert js(demo, VISIBLE) == ["met", "met", "visited"]             # 13 Feb ×2 and the planned March meeting
    set_range(demo, "2024-05", "2024-05")                             # within the year of the threat
    assert js(demo, VISIBLE) == ["threatened"]
    demo.find_element("id", "rwb-time-undated").click()                # undated facts back
    assert js(demo, "return window.rawabit.edgeView.length") == 1 + 12
    assert severe(demo) == []


def test_the_time_sliders_cannot_cross(demo):
    set_range(demo, "2025-03", "2024-06")
    start, end = js(demo, "return [+document.getElementById('rwb-time-from').value,"
                          " +document.getElementById('rwb-time-to').value]")
    assert start == end


def test_a_node_panel_lists_its_dated_facts_in_date_order(demo):
    putin = js(demo, "return window.rawabit.data.nodes.findIndex(function (n) { return n[0] === 'id:vladimir-putin'; })")
    js(demo, "window.rawabit.selectNode(arguments[0])", putin)
    dates = js(demo, "return Array.from(document.querySelectorAll('#rwb-timeline li')).map("
                     "function (li) { return li.getAttribute('data-date'); })")
    assert dates == ["2025-02-13", "2025-03"]
    assert "التسلسل الزمني (2)" in panel(demo)
    first = demo.find_element("css selector", "#rwb-timeline li")
    assert "ستيف ويتكوف" in first.text
    first.click()                                       # a dated fact opens its evidence, with its date
    assert "التقى الرئيس الروسي بوتين المبعوث ويتكوف في موسكو." in panel(demo)
    assert "2025-02-13" in panel(demo) and "2025-02-14" in panel(demo)   # the statement's and the article's


def test_a_graph_without_dates_has_no_time_filter(driver, pages):
    helpers.open_page(driver, pages / "hostile.html")
    assert js(driver, "return document.getElementById('rwb-time').hidden") is True
    assert js(driver, "return window.rawabit.time.months") == []
