"""Hand-built graphs in the documented shape, and a headless Chromium for the HTML tests.

Not a conftest (pytest does not load it by itself): test modules import it
by path with :func:`load`. The browser is Debian's ``chromium`` driven
through ``/usr/bin/chromedriver``; nothing is ever downloaded.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from rdflib import DCTERMS, RDF, RDFS, SKOS, Dataset, Literal
from rdflib.namespace import XSD

from rawabit.graph.namespace import ARTICLE, ID, RWB, STATEMENT

__all__ = ["build", "demo_dataset", "hostile_dataset", "big_dataset", "start_chromium", "open_page", "CHROMIUM",
           "CHROMEDRIVER", "assert_offline", "requests_made", "LOCAL_SCHEMES"]

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PWN = "window.__pwned=1"
#: URL schemes of what a page may load: itself, inline data, blobs it makes, an iframe's srcdoc.
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:srcdoc")


def build(entities, articles, facts) -> Dataset:
    """Return a dataset from plain tuples.

    Args:
        entities: ``(key, class, ar, en, alt labels)``.
        articles: ``(key, title, source path)``, maybe with its publication date last.
        facts: ``(subject key, relation, object key, status, article key, evidence, confidence)``,
            maybe with the statement's date last (``2025-02-13``, ``2025-03`` or ``2025``).
    """
    from rawabit.graph.build import date_literal
    ds = Dataset()
    top = ds.default_graph if hasattr(type(ds), "default_graph") else ds
    for key, cls, ar, en, alt in entities:
        node = ID[key]
        top.add((node, RDF.type, RWB[cls]))
        top.add((node, RDFS.label, Literal(ar, lang="ar")))
        if en:
            top.add((node, RDFS.label, Literal(en, lang="en")))
        for label in alt:
            top.add((node, SKOS.altLabel, Literal(label, lang="ar")))
    for key, title, path, *published in articles:
        top.add((ARTICLE[key], RDF.type, RWB.Article))
        top.add((ARTICLE[key], DCTERMS.title, Literal(title, lang="ar")))
        top.add((ARTICLE[key], RWB.sourcePath, Literal(path)))
        for value in published:
            top.add((ARTICLE[key], RWB.published, date_literal(value)))
    for n, (s, rel, o, status, art, evidence, conf, *when) in enumerate(facts):
        g = ds.graph(ARTICLE[art])
        digest = hashlib.sha256(f"{art}|{n}|{s}|{rel}|{o}|{status}".encode()).hexdigest()[:16]
        stmt = STATEMENT[digest]
        if status == "Asserted":
            g.add((ID[s], RWB[rel], ID[o]))
        for p, v in ((RDF.type, RWB.Statement), (RDF.subject, ID[s]), (RDF.predicate, RWB[rel]),
                     (RDF.object, ID[o]), (RWB.status, RWB[status]), (RWB.article, ARTICLE[art]),
                     (RWB.sentenceIndex, Literal(n)), (RWB.evidence, Literal(evidence, lang="ar")),
                     (RWB.confidence, Literal(str(conf), datatype=XSD.decimal)),
                     *((RWB.date, date_literal(w)) for w in when)):
            g.add((stmt, p, v))
    return ds


def demo_dataset() -> Dataset:
    """A small news graph with Arabic labels, one with diacritics, and non-asserted facts."""
    entities = [
        ("vladimir-putin", "Person", "فلاديمير بُوتين", "Vladimir Putin", ["بوتين"]),
        ("steve-witkoff", "Person", "ستيف ويتكوف", "Steve Witkoff", []),
        ("donald-trump", "Person", "دونالد ترامب", "Donald Trump", ["ترمب"]),
        ("volodymyr-zelensky", "Person", "فولوديمير زيلينسكي", "Volodymyr Zelensky", []),
        ("dmitry-peskov", "Person", "دميتري بيسكوف", "Dmitry Peskov", []),
        ("russia", "Country", "روسيا", "Russia", []),
        ("ukraine", "Country", "أوكرانيا", "Ukraine", []),
        ("united-states", "Country", "الولايات المتحدة", "United States", []),
        ("moscow", "City", "موسكو", "Moscow", []),
        ("donbas", "Region", "إقليم دونباس", "Donbas", []),
        ("kremlin", "Organization", "الكرملين", "Kremlin", []),
        ("nato", "Organization", "حلف شمال الأطلسي", "NATO", ["الناتو"]),
        ("topic-ceasefire", "Topic", "وقف إطلاق النار", "ceasefire", []),
    ]
    articles = [("a1b2c3d4e5f6", "ترمب يشيد بمباحثات مبعوثه في موسكو", "news/day1.txt", "2025-02-14"),
                ("0f9e8d7c6b5a", "كييف ترفض التنازل عن دونباس", "news/day2.txt")]
    a, b = "a1b2c3d4e5f6", "0f9e8d7c6b5a"
    facts = [
        ("vladimir-putin", "met", "steve-witkoff", "Asserted", a, "التقى الرئيس الروسي بوتين المبعوث ويتكوف في موسكو.", 0.9,
         "2025-02-13"),
        ("donald-trump", "praised", "steve-witkoff", "Asserted", a, "أشاد ترمب بمباحثات مبعوثه ويتكوف.", 0.85),
        ("steve-witkoff", "envoyOf", "donald-trump", "Asserted", a, "مبعوث الرئيس الأمريكي ستيف ويتكوف.", 0.8),
        ("steve-witkoff", "visited", "moscow", "Asserted", a, "وصل ويتكوف إلى موسكو صباح الخميس.", 0.9, "2025-02-13"),
        ("dmitry-peskov", "spokespersonOf", "kremlin", "Asserted", a, "قال المتحدث باسم الكرملين دميتري بيسكوف.", 0.95),
        ("vladimir-putin", "presidentOf", "russia", "Asserted", a, "الرئيس الروسي فلاديمير بوتين.", 0.95),
        ("donald-trump", "presidentOf", "united-states", "Asserted", a, "الرئيس الأمريكي دونالد ترمب.", 0.95),
        ("moscow", "locatedIn", "russia", "Asserted", a, "العاصمة الروسية موسكو.", 0.7),
        ("russia", "demands", "donbas", "Asserted", b, "تطالب روسيا بالسيطرة على إقليم دونباس.", 0.75),
        ("volodymyr-zelensky", "rejects", "topic-ceasefire", "Asserted", b, "رفض زيلينسكي وقف إطلاق النار بشروط موسكو.", 0.7),
        ("volodymyr-zelensky", "presidentOf", "ukraine", "Asserted", b, "الرئيس الأوكراني فولوديمير زيلينسكي.", 0.95),
        ("volodymyr-zelensky", "met", "vladimir-putin", "Denied", b, "نفى بيسكوف أن يكون بوتين التقى زيلينسكي.", 0.6),
        ("donald-trump", "met", "vladimir-putin", "Planned", a, "من المقرر أن يلتقي ترمب بوتين الشهر المقبل.", 0.65,
         "2025-03"),
        ("russia", "threatened", "nato", "Asserted", b, "هددت روسيا حلف شمال الأطلسي.", 0.7, "2024"),
        ("ukraine", "supports", "topic-ceasefire", "Possible", b, "قد تدعم أوكرانيا وقف إطلاق النار.", 0.5),
        ("donbas", "locatedIn", "ukraine", "Asserted", b, "إقليم دونباس شرق أوكرانيا.", 0.7),
    ]
    return build(entities, articles, facts)


def hostile_dataset() -> Dataset:
    """Labels, titles, paths and evidence written to run script if anything used innerHTML."""
    script = f"<script>{PWN}</script>"
    img = f'<img src=x onerror="{PWN}">'
    entities = [
        ("evil-a", "Person", f"شرير {script}", f"</script><script>{PWN}</script>", [img]),
        ("evil-b", "Organization", img, f"javascript:{PWN}", []),
        ("evil-c", "Topic", f"javascript:{PWN}", "\u2028\u2029<!--", []),
    ]
    articles = [("badbadbadbad", f"</title>{script}{img}", f"javascript:{PWN}")]
    facts = [("evil-a", "met", "evil-b", "Asserted", "badbadbadbad", f"{script} {img} </script>", 0.5),
             ("evil-b", "discussed", "evil-c", "Denied", "badbadbadbad", f"<a href=\"javascript:{PWN}\">x</a>", 0.4)]
    return build(entities, articles, facts)


def big_dataset(nodes: int = 1600, edges: int = 3200, seed: int = 3) -> Dataset:
    """A graph over the html writer's BIG threshold: clustered, a tenth of the facts not asserted."""
    import random
    rng = random.Random(seed)
    classes = ("Person", "Organization", "Country", "City", "Region", "Topic")
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"

    def word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(3, 6)))

    entities = [(f"n{i}", classes[i % 6], f"{word()} {word()}", f"Entity {i}", []) for i in range(nodes)]
    articles = [(f"{i:012x}", word(), f"news/{i}.txt") for i in range(20)]
    statuses = ("Denied", "Planned", "Possible")
    relations = ("met", "visited", "criticized", "supports", "presidentOf")
    facts = []
    for k in range(edges):
        c = rng.randrange(nodes // 100)
        a, b = c * 100 + rng.randrange(100), c * 100 + rng.randrange(100)
        b = b if rng.random() < 0.9 and a != b else (a + 1 + rng.randrange(nodes - 1)) % nodes
        status = "Asserted" if k % 10 else statuses[k % 3]
        facts.append((f"n{a}", relations[k % 5], f"n{b}", status, articles[k % 20][0], f"{word()} {word()} {word()}.", 0.5))
    return build(entities, articles, facts)


def start_chromium(tmp: Path | None = None):
    """Start headless Debian Chromium with browser and performance logs; skip when absent."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists() or not shutil.which(str(CHROMEDRIVER)):
        pytest.skip("Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")
    from selenium.webdriver.chrome.service import Service
    profile = tempfile.mkdtemp(prefix="rawabit-chromium-", dir=tmp)
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,900", f"--user-data-dir={profile}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    driver._rawabit_profile = profile
    return driver


def stop_chromium(driver) -> None:
    """Quit *driver* and remove its profile."""
    try:
        driver.quit()
    finally:
        shutil.rmtree(driver._rawabit_profile, ignore_errors=True)


def open_page(driver, path: Path, timeout: float = 60) -> None:
    """Load *path* and wait until the network has been drawn once."""
    from selenium.webdriver.support.ui import WebDriverWait
    driver.get(path.resolve().as_uri())
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return window.__rwbDrawnAt !== undefined"))


def assert_offline(page: str) -> None:
    """Fail unless the HTML *page* names nothing on the network: no remote
    ``src``/``href``/``url()``, no ``@import``, no CDN, and a policy forbidding
    connections."""
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//|@import", page, re.I)
    for word in ("<link", "cdnjs", "jsdelivr", "bootstrap", "tom-select", "unpkg"):
        assert word not in page
    assert "Content-Security-Policy" in page and "connect-src 'none'" in page


def requests_made(driver) -> list[str]:
    """The URLs *driver* requested since its performance log was last read."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls
