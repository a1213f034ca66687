#!/usr/bin/env python3
"""How big and how fast is the HTML view of a 5,000-node, 20,000-edge graph?

Builds a synthetic graph in the documented shape (Arabic-like labels, one
reified statement per fact, a tenth of them not asserted), writes it with
:func:`rawabit.exports.html.write` and opens it in Debian's headless
Chromium. Prints the time to build and write, the file size, and the time
from navigation start until vis-network first finished drawing (the page
sets ``window.__rwbDrawnAt`` on its first ``afterDrawing`` event).

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


def browser_times(path: Path, runs: int = 3) -> list[float]:
    """Milliseconds from navigation start to the first drawing, one per fresh page load."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait
    profile = tempfile.mkdtemp(prefix="rawabit-bench-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,900", f"--user-data-dir={profile}"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    try:
        out = []
        for _ in range(runs):
            driver.get("about:blank")
            driver.get(path.resolve().as_uri())
            WebDriverWait(driver, 300).until(lambda d: d.execute_script("return window.__rwbDrawnAt !== undefined"))
            out.append(driver.execute_script("return window.__rwbDrawnAt"))
            steps = driver.execute_script("return window.__rwbTimes")
            print("  script start {start:.0f} ms, JSON parsed {parsed:.0f}, datasets {datasets:.0f}, "
                  "network built {network:.0f}, drawn {drawn:.0f}".format(drawn=out[-1], **steps))
            errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
            if errors:
                print("console errors:", errors[:3])
        redraw = driver.execute_script(
            "var n = window.rawabit.network, t = performance.now(), done;"
            "n.once('afterDrawing', function () { done = performance.now() - t; }); n.redraw(); return done;")
        print(f"one redraw after load: {redraw:.0f} ms")
        return out
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Build, write, measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=20000)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "rawabit-big-graph.html")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    g = synthetic(args.nodes, args.edges)
    t1 = time.perf_counter()
    html.write(g, args.out)
    t2 = time.perf_counter()
    size = args.out.stat().st_size
    print(f"graph: {args.nodes} nodes, {args.edges} edges, {len(g)} triples (built in {t1 - t0:.1f} s)")
    print(f"html.write: {t2 - t1:.1f} s -> {args.out} ({size / 1e6:.2f} MB)")
    if not (Path("/usr/bin/chromium").exists() and Path("/usr/bin/chromedriver").exists()):
        print("chromium or chromedriver missing: no browser timing")
        return 0
    times = browser_times(args.out, args.runs)
    print("navigation start -> first drawn (ms):", ", ".join(f"{t:.0f}" for t in times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
