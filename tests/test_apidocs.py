"""``make apidocs``: pdoc renders the public API's modules, listed in the Makefile, without a warning."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def apidoc_modules() -> list[str]:
    """The modules ``make apidocs`` documents (the Makefile's ``APIDOC_MODULES``)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    return re.search(r"^APIDOC_MODULES\s*:=\s*(.+)$", makefile, re.M).group(1).split()


def test_pdoc_renders_the_public_api(tmp_path):
    pytest.importorskip("pdoc", reason="pdoc is not installed (pip install -e '.[docs]')")
    modules = apidoc_modules()
    assert {"rawabit", "rawabit.knowledge_graph", "rawabit.extract.model"} <= set(modules)
    run = subprocess.run([sys.executable, "-m", "pdoc", "--docformat", "google", "-o", str(tmp_path), *modules],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and "warn" not in run.stderr.lower(), run.stderr
    for module in modules:
        assert (tmp_path / (module.replace(".", "/") + ".html")).is_file(), module
    page = (tmp_path / "rawabit" / "knowledge_graph.html").read_text(encoding="utf-8")
    for method in ("query", "to_rdflib", "to_networkx", "save", "show", "store", "facts"):
        assert f'id="KnowledgeGraph.{method}"' in page, method
    top = (tmp_path / "rawabit.html").read_text(encoding="utf-8")
    assert 'id="build"' in top and 'id="extract_text"' in top
