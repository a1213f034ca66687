#!/usr/bin/env python3
"""How big and how fast is the HTML view of a 5,000-node, 20,000-edge graph?

Builds a synthetic graph in the documented shape (Arabic-like labels, one
reified statement per fact, a tenth of them not asserted), writes it with
:func:`rawabit.exports.html.write` and opens it in Debian's headless
Chromium. Prints the time to build and write, the file size, and per page
load the time from navigation start until vis-network first finished
drawing (the page sets ``window.__rwbDrawnAt`` on its first
``afterDrawing`` event), until the main thread is free (no long task any
more: time to interactive) and until a click on the biggest node, sent as
soon as the page is drawn, has its panel painted. Timings depend on the
machine's load: run it a few times and note ``uptime``.

Usage:
    .venv/bin/python benchmarks/html_big_graph.py [--nodes 5000] [--edges 20000] [--out big.html]
"""
from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from rdflib import DCTERMS, RDF, RDFS, Graph, Literal
from rdflib.namespace import XSD

from rawabit.exports import html
from rawabit.graph.namespace import ARTICLE, ID, RELATIONS, RWB, STATEMENT

__all__ = ["synthetic", "browser_times", "main"]

_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_CLASSES = ("Person", "Organization", "Country", "City", "Region", "Topic")
_STATUSES = ("Denied", "Planned", "Possible", "Desired", "Conditional", "Questioned")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_LETTERS) for _ in range(rng.randint(3, 7)))


def synthetic(nodes: int, edges: int, seed: int = 1) -> Graph:
    """Return a graph of *nodes* entities and *edges* facts with clustered, skewed degrees."""
    rng = random.Random(seed)
    g = Graph()
    articles = [ARTICLE[f"{i:012x}"] for i in range(max(1, edges // 40))]
    for i, art in enumerate(articles):
        g.add((art, RDF.type, RWB.Article))
        g.add((art, DCTERMS.title, Literal(" ".join(_word(rng) for _ in range(5)), lang="ar")))
        g.add((art, RWB.sourcePath, Literal(f"news/{i:05d}.txt")))
    for i in range(nodes):
        node = ID[f"n{i}"]
        g.add((node, RDF.type, RWB[_CLASSES[i % len(_CLASSES)]]))
        g.add((node, RDFS.label, Literal(f"{_word(rng)} {_word(rng)}", lang="ar")))
        g.add((node, RDFS.label, Literal(f"Entity {i}", lang="en")))
    clusters = max(1, nodes // 100)
    for k in range(edges):
        c = rng.randrange(clusters)
        a = c * 100 + min(int(rng.paretovariate(1.2)) - 1, 99)
        b = (c * 100 + rng.randrange(100)) if rng.random() < 0.85 else rng.randrange(nodes)
        a, b = a % nodes, b % nodes
        if a == b:
            b = (b + 1) % nodes
        rel = RWB[RELATIONS[k % len(RELATIONS)]]
        status = RWB.Asserted if rng.random() < 0.9 else RWB[rng.choice(_STATUSES)]
        stmt = STATEMENT[f"{k:016x}"]
        if status == RWB.Asserted:
            g.add((ID[f"n{a}"], rel, ID[f"n{b}"]))
        for p, o in ((RDF.type, RWB.Statement), (RDF.subject, ID[f"n{a}"]), (RDF.predicate, rel),
                     (RDF.object, ID[f"n{b}"]), (RWB.status, status), (RWB.article, rng.choice(articles)),
                     (RWB.evidence, Literal(" ".join(_word(rng) for _ in range(8)) + ".", lang="ar")),
                     (RWB.confidence, Literal(f"{rng.uniform(0.4, 1):.2f}", datatype=XSD.decimal))):
            g.add((stmt, p, o))
    return g


#: Injected before any page script: records long tasks (>= 50 ms) and, for the click probe,
#: when the pointer went down and when the panel title changed and was painted.
_PROBE = """
window.__rwbLong = [];
try {
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { window.__rwbLong.push([e.startTime, e.duration]); });
  }).observe({ type: "longtask", buffered: true });
} catch (err) {}
document.addEventListener("pointerdown", function (ev) { if (window.__rwbDown === undefined) { window.__rwbDown = performance.now(); } }, true);
document.addEventListener("DOMContentLoaded", function () {
  var title = document.getElementById("rwb-panel-title");
  if (!title) { return; }
  new MutationObserver(function () {
    if (window.__rwbPanel !== undefined || window.__rwbDown === undefined) { return; }
    window.__rwbPanel = performance.now();
    requestAnimationFrame(function () { setTimeout(function () { window.__rwbPainted = performance.now(); }, 0); });
  }).observe(title, { childList: true, characterData: true, subtree: true });
});
"""


def _chromium():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    profile = tempfile.mkdtemp(prefix="rawabit-bench-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,900", f"--user-data-dir={profile}"):
        opts.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts), profile


def _click_biggest_node(driver) -> str:
    """Click the node with most edges where it is drawn, as a user would; return its label."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    label, dom, at, best = driver.execute_script("""
        var r = window.rawabit, best = 0;
        r.data.nodes.forEach(function (n, i) { if (n[6] > r.data.nodes[best][6]) { best = i; } });
        var p = r.network.getPositions([best])[best];
        var dom = r.network.canvasToDOM(p);
        return [r.data.nodes[best][1], dom, r.network.getNodeAt(dom), best];""")
    if at != best:
        print(f"  node {best} is drawn at {dom}, where vis-network finds {at}")
    box = driver.find_element(By.ID, "rwb-network")
    size = box.size
    ActionChains(driver).move_to_element_with_offset(
        box, int(dom["x"] - size["width"] / 2), int(dom["y"] - size["height"] / 2)).click().perform()
    return label


def browser_times(path: Path, runs: int = 3) -> list[dict[str, float]]:
    """One fresh page load per run, with milliseconds from navigation start to

    * ``drawn``: vis-network's first ``afterDrawing``;
    * ``quiet``: the end of the last long task (50 ms or more) that began before the click below
      (and within 4 s of drawing), i.e. when the main thread became free;
    * ``interactive``: the later of the two (a time-to-interactive);
    * ``panel``: a click on the biggest node, sent as soon as the page was drawn, has shown that
      node's facts in the side panel and the frame is painted; ``click`` is the time from that
      pointer-down to the painted panel, ``settled`` the same for a click 4 s later.
    """
    from selenium.webdriver.support.ui import WebDriverWait
    driver, profile = _chromium()
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _PROBE})
        out = []
        for _ in range(runs):
            driver.get("about:blank")
            driver.get(path.resolve().as_uri())
            WebDriverWait(driver, 300, poll_frequency=0.05).until(
                lambda d: d.execute_script("return window.__rwbDrawnAt !== undefined"))
            label = _click_biggest_node(driver)
            WebDriverWait(driver, 300, poll_frequency=0.05).until(
                lambda d: d.execute_script("return window.__rwbPainted !== undefined"))
            drawn = driver.execute_script("return window.__rwbDrawnAt")
            time.sleep(max(0.0, 4 - (driver.execute_script("return performance.now()") - drawn) / 1000))
            got = driver.execute_script("""
                var t = window.__rwbTimes, until = Math.min(arguments[0] + 4000, window.__rwbDown);
                var long = window.__rwbLong.filter(function (l) { return l[0] < until; });
                return {start: t.start, parsed: t.parsed, datasets: t.datasets, network: t.network, ready: t.ready,
                        drawn: window.__rwbDrawnAt,
                        quiet: long.reduce(function (m, l) { return Math.max(m, l[0] + l[1]); }, 0),
                        longTasks: long.length, down: window.__rwbDown, panel: window.__rwbPainted,
                        title: document.getElementById('rwb-panel-title').textContent};""", drawn)
            if got["title"] != label:
                print(f"  the click opened {got['title']!r}, not {label!r}")
            got["interactive"] = max(got["drawn"], got["quiet"])
            got["click"] = got["panel"] - got["down"]
            got["ready"] = got["ready"] or got["network"]  # pages before the mark existed
            # The same click once the page has settled: how responsive it stays.
            driver.execute_script("window.__rwbDown = window.__rwbPanel = window.__rwbPainted = undefined;"
                                  "window.rawabit.network.unselectAll(); document.getElementById('rwb-panel-title')"
                                  ".textContent = 'x';")
            _click_biggest_node(driver)
            WebDriverWait(driver, 300, poll_frequency=0.05).until(
                lambda d: d.execute_script("return window.__rwbPainted !== undefined"))
            got["settled"] = driver.execute_script("return window.__rwbPainted - window.__rwbDown")
            out.append(got)
            print("  script start {start:.0f} ms, JSON parsed {parsed:.0f}, datasets {datasets:.0f}, network built "
                  "{network:.0f}, script done {ready:.0f}, drawn {drawn:.0f}, main thread quiet from {quiet:.0f} ({longTasks} long tasks), "
                  "panel painted {panel:.0f} (click to paint {click:.0f} ms; {settled:.0f} ms on the settled page)".format(**got))
            errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
            if errors:
                print("console errors:", errors[:3])
        redraws = driver.execute_script("""
            var n = window.rawabit.network, out = [];
            for (var i = 0; i < 5; i++) { var t = performance.now(); n.redraw(); out.push(performance.now() - t); }
            return out;""")
        print("one redraw after load (ms):", ", ".join(f"{t:.0f}" for t in redraws))
        return out
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _write(args: argparse.Namespace) -> None:
    """Build the synthetic graph and write its page to ``args.out``."""
    t0 = time.perf_counter()
    g = synthetic(args.nodes, args.edges)
    t1 = time.perf_counter()
    html.write(g, args.out)
    t2 = time.perf_counter()
    size = args.out.stat().st_size
    print(f"graph: {args.nodes} nodes, {args.edges} edges, {len(g)} triples (built in {t1 - t0:.1f} s)")
    print(f"html.write: {t2 - t1:.1f} s -> {args.out} ({size / 1e6:.2f} MB)")


def main(argv: list[str] | None = None) -> int:
    """Build, write, measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=20000)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "rawabit-big-graph.html")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--page", type=Path, help="only time this already written page")
    args = parser.parse_args(argv)
    if args.page:
        print(f"{args.page} ({args.page.stat().st_size / 1e6:.2f} MB)")
        args.out = args.page
    else:
        _write(args)
    if not (Path("/usr/bin/chromium").exists() and Path("/usr/bin/chromedriver").exists()):
        print("chromium or chromedriver missing: no browser timing")
        return 0
    times = browser_times(args.out, args.runs)
    for key, what in (("drawn", "first drawn"), ("interactive", "interactive (drawn, main thread free)"),
                      ("panel", "clicked node's panel painted"), ("click", "click to painted panel"),
                      ("settled", "click to painted panel, settled page")):
        print(f"{what} (ms):", ", ".join(f"{t[key]:.0f}" for t in times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
