"""Interactive HTML network view: one self-contained page drawn with pyvis's vis-network.

The page loads nothing from the network: vis-network (from pyvis, as
``cdn_resources="in_line"``), our script and stylesheet are inlined, and a
Content-Security-Policy allows only those scripts, by hash. Graph data is
embedded as JSON with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped and is
put into the page with ``textContent`` only, so text from a hostile article
runs nothing. Positions are computed here (see :mod:`.html_layout`) and the
browser runs no physics, which keeps 5,000 nodes and 20,000 edges usable.

Example:
    >>> from rawabit.exports import html
    >>> html.write(dataset, Path("graph.html"), {"focus": "id:vladimir-putin", "hops": 2})
"""
from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network
from rdflib import Dataset, Graph

from rawabit.errors import FormatError

from . import atomic_file
from .html_layout import positions
from .html_model import CLASSES, STATUSES, Model, curie, read, select

__all__ = ["write", "page", "render", "payload", "safe_json", "FONT_STACK", "STYLE", "EDGE_LABEL_LIMIT", "BIG"]

#: Fonts with Arabic glyphs first (Debian: fonts-noto-core), then Latin fallbacks.
FONT_STACK = '"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "DejaVu Sans", "Arial", sans-serif'
#: Colour (Okabe–Ito, colour-blind safe), vis-network shape and legend glyph of each class.
STYLE: dict[str, tuple[str, str, str]] = {
    "Person": ("#0072B2", "dot", "●"),
    "Organization": ("#E69F00", "square", "■"),
    "Country": ("#009E73", "diamond", "◆"),
    "City": ("#CC79A7", "triangle", "▲"),
    "Region": ("#56B4E9", "triangleDown", "▼"),
    "Topic": ("#D55E00", "star", "★"),
    "": ("#9CA3AF", "hexagon", "⬢"),
}
#: Edges carry drawn labels only up to this many edges (hover and click still name them).
EDGE_LABEL_LIMIT = 400
#: From this many nodes on, edges are hidden while dragging or zooming.
BIG = 1500

_ASSETS = Path(__file__).with_name("assets")
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_DEFAULT_TITLE = "روابط — Rawabit"


def safe_json(value: Any) -> str:
    """Return compact JSON of *value* that is inert inside any HTML element.

    ``<``, ``>``, ``&``, U+2028 and U+2029 become ``\\uXXXX`` escapes, so no
    string can close a ``<script>`` element or open a comment.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in _ESCAPES.items():
        text = text.replace(char, escape)
    return text


def payload(model: Model, focus: str = "", *, seed: int = 7) -> dict[str, Any]:
    """Return the page's data: compact, index-based lists (see ``assets/page.js``)."""
    names = model.names
    class_order = [c for c in CLASSES] + [""]
    class_index = {c: i for i, c in enumerate(class_order)}
    index = {n.iri: i for i, n in enumerate(model.nodes)}
    rel_order = [r for r in names["relation"] if any(e.relation == r for e in model.edges)]
    rel_index = {r: i for i, r in enumerate(rel_order)}
    articles: dict[tuple[str, str], int] = {}
    degree = [0] * len(model.nodes)
    edges = []
    for e in model.edges:
        a, b = index[e.source], index[e.target]
        degree[a] += 1
        degree[b] += 1
        evidence = [[ev.text, articles.setdefault((ev.article_title, ev.article_path, ev.article_published),
                                                  len(articles)), ev.confidence, ev.sentence, ev.date]
                    for ev in e.evidence]
        edges.append([a, b, rel_index[e.relation], STATUSES.index(e.status), evidence])
    xy = positions(len(model.nodes), [(x[0], x[1]) for x in edges], seed=seed)
    nodes = [[curie(n.iri), n.label, n.label_en, class_index.get(n.cls, len(CLASSES)), x, y, degree[i], list(n.alt)]
             for i, (n, (x, y)) in enumerate(zip(model.nodes, xy))]
    classes = [[c, *(names["class"].get(c) or ("غير مصنف", "untyped")), *STYLE[c]] for c in class_order]
    return {
        "font": FONT_STACK,
        "classes": classes,
        "relations": [[r, *names["relation"][r]] for r in rel_order],
        "statuses": [[s, *names["status"][s]] for s in STATUSES],
        "articles": [list(key) for key in articles],
        "nodes": nodes,
        "edges": edges,
        "edgeLabels": len(edges) <= EDGE_LABEL_LIMIT,
        "big": len(nodes) >= BIG,
        "focus": index.get(focus, -1),
    }


def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


def _vis_js() -> str:
    return files("pyvis").joinpath("templates/lib/vis-9.1.2/vis-network.min.js").read_text(encoding="utf-8")


def _csp(*scripts: str) -> str:
    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
                      for s in scripts)
    return ("default-src 'none'; script-src " + hashes + "; style-src 'unsafe-inline'; img-src data: blob:; "
            "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'")


def render(model: Model, *, title: str = _DEFAULT_TITLE, focus: str = "") -> str:
    """Return the HTML page of *model* as text.

    The page is rendered by a pyvis :class:`~pyvis.network.Network` set to
    ``cdn_resources="in_line"`` and to our own template, which (unlike
    pyvis's) links no CDN stylesheet or script.
    """
    data_json = safe_json(payload(model, focus))
    vis_js, page_js, timeline_js = _vis_js(), _asset("page.js"), _asset("timeline.js")
    net = Network(height="100%", width="100%", directed=True, heading=title, cdn_resources="in_line")
    net.set_template_dir(str(_ASSETS) + "/", "page.html.j2")
    net.templateEnv = Environment(loader=FileSystemLoader(str(_ASSETS)), autoescape=select_autoescape(default=True))
    net.templateEnv.globals.update(data_json=data_json, vis_js=vis_js, page_js=page_js, timeline_js=timeline_js,
                                   page_css=_asset("page.css"), csp=_csp(vis_js, page_js, timeline_js))
    net.toggle_physics(False)
    return net.generate_html(name="graph.html")


def page(dataset: Graph | Dataset, options: Mapping[str, Any] | None = None) -> str:
    """Return *dataset* as one self-contained interactive HTML page.

    Args:
        dataset: A Rawabit dataset or graph (all named graphs are drawn together).
        options: ``relations`` (relation names to draw), ``min_degree`` (int),
            ``focus`` (an entity IRI, ``id:`` name or label: draw its
            neighbourhood), ``hops`` (default 1) and ``title``. Unknown keys
            are ignored.

    Raises:
        InputError: If a relation in ``relations`` is unknown or nothing matches ``focus``.
        FormatError: If an option has the wrong type.
    """
    options = dict(options or {})
    try:
        hops, min_degree = int(options.get("hops", 1)), int(options.get("min_degree") or 0)
    except (TypeError, ValueError) as exc:
        raise FormatError(f"html options 'hops' and 'min_degree' must be integers: {exc}") from exc
    if hops < 0 or min_degree < 0:
        raise FormatError("html options 'hops' and 'min_degree' must not be negative")
    model, focus = select(read(dataset), {**options, "hops": hops, "min_degree": min_degree})
    return render(model, title=str(options.get("title") or _DEFAULT_TITLE), focus=focus)


def write(dataset: Graph | Dataset, path: Path, options: Mapping[str, Any] | None = None) -> None:
    """Write *dataset* to *path* as the :func:`page` with these *options* (UTF-8).

    Args:
        dataset: A Rawabit dataset or graph.
        path: Target ``.html`` file; parent directories are created.
        options: As for :func:`page`.

    Raises:
        InputError: If a relation in ``relations`` is unknown or nothing matches ``focus``.
        FormatError: If an option has the wrong type.
    """
    text = page(dataset, options)
    with atomic_file(Path(path), "w") as fh:
        fh.write(text)
