"""The network inline in Jupyter: ``kg._repr_html_()``, ``kg.show()`` and the iframe they draw in."""
from __future__ import annotations

import html
import sys
import types
from html.parser import HTMLParser

import pytest

import rawabit
from rawabit import knowledge_graph, notebook
from rawabit.errors import InputError

from support import browser as helpers

ARTICLE = (
    "التقى الرئيس الروسي فلاديمير بوتين المبعوث الأميركي ستيف ويتكوف في موسكو.\n"
    "وهاتف الرئيس الأميركي دونالد ترامب نظيره الأوكراني فولوديمير زيلينسكي مساء الأحد.\n"
)


class _Frames(HTMLParser):
    """The attributes of every ``<iframe>`` of a fragment, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.frames: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "iframe":
            self.frames.append(dict(attrs))


def frames(fragment: str) -> list[dict[str, str]]:
    parser = _Frames()
    parser.feed(fragment)
    return parser.frames


@pytest.fixture(scope="module")
def kg():
    return rawabit.extract_text(ARTICLE, ner=False)


def test_iframe_carries_the_page_intact_in_srcdoc():
    page = '<!DOCTYPE html><html><body><p title="x">«بوتين» & <b>\'ويتكوف\'</b></p></body></html>'
    [frame] = frames(notebook.iframe(page, height=420))
    assert frame["srcdoc"] == page
    assert "src" not in frame and frame["sandbox"] == "allow-scripts"
    assert "height: 420px" in frame["style"]
    for bad in (0, -5, 1.5, True):
        with pytest.raises(ValueError):
            notebook.iframe(page, height=bad)


def test_repr_html_is_the_offline_page_of_the_graph(kg):
    fragment = kg._repr_html_()
    assert fragment.startswith("<p><b>KnowledgeGraph</b>: 1 articles, ")
    [frame] = frames(fragment)
    page = frame["srcdoc"]
    assert page == kg.to_html()  # the page -o graph.html writes
    helpers.assert_offline(page)
    around = fragment.replace(html.escape(page, quote=True), "")
    assert "//" not in around and " src=" not in around and "<script" not in around
    assert "فلاديمير بوتين" in page and "ستيف ويتكوف" in page


def test_a_graph_too_big_to_draw_inline_gets_a_summary(kg, monkeypatch):
    monkeypatch.setattr(knowledge_graph, "INLINE_LIMIT", 1)
    fragment = kg._repr_html_()
    assert "<iframe" not in fragment and "kg.show(focus=" in fragment


def test_show_draws_inline_under_ipython(kg, monkeypatch):
    shown = []
    display = types.ModuleType("IPython.display")
    display.display = lambda bundle, raw=False: shown.append((raw, bundle))
    ipython = types.ModuleType("IPython")
    ipython.get_ipython = lambda: object()
    ipython.display = display
    monkeypatch.setitem(sys.modules, "IPython", ipython)
    monkeypatch.setitem(sys.modules, "IPython.display", display)
    assert kg.show(focus="بوتين", height=300) is None
    [(raw, bundle)] = shown
    [frame] = frames(bundle["text/html"])
    assert raw and frame["srcdoc"] == kg.to_html(focus="بوتين") != kg.to_html()
    assert "height: 300px" in frame["style"]


def test_show_opens_a_browser_elsewhere(kg, monkeypatch):
    opened = []
    monkeypatch.setitem(sys.modules, "IPython", None)
    monkeypatch.setattr(notebook.webbrowser, "open", opened.append)
    path = kg.show()
    try:
        assert opened == [path.as_uri()]
        assert path.read_text(encoding="utf-8") == kg.to_html()
    finally:
        path.unlink()


def test_show_with_an_unknown_focus_is_a_clear_error(kg):
    with pytest.raises(InputError):
        kg.show(focus="شخص لا وجود له")


@pytest.mark.browser
def test_the_inline_network_draws_in_chromium_without_a_network_request(kg, tmp_path):
    notebook_page = tmp_path / "notebook.html"
    notebook_page.write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
                             f'{kg._repr_html_()}</body></html>', encoding="utf-8")
    driver = helpers.start_chromium(tmp_path)
    try:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait
        driver.get("about:blank")  # past the new-tab page a fresh profile opens with
        driver.get_log("performance")
        driver.get(notebook_page.as_uri())
        driver.switch_to.frame(driver.find_element(By.TAG_NAME, "iframe"))
        WebDriverWait(driver, 60).until(lambda d: d.execute_script("return window.__rwbDrawnAt !== undefined"))
        drawn = driver.execute_script("return window.rawabit.network.body.nodeIndices.length")
        assert drawn == len(kg.to_networkx()) > 0
        urls = helpers.requests_made(driver)
        assert urls and all(u.startswith(helpers.LOCAL_SCHEMES) for u in urls), urls
        assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
    finally:
        helpers.stop_chromium(driver)
