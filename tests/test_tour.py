"""``docs/tour.ipynb`` runs from top to bottom in a Jupyter kernel of this Python, without an error.

nbclient and ipykernel come with the ``test`` extra; the kernel is declared
here, in a temporary Jupyter path, so the notebook runs in this very
environment whatever kernels the machine has installed.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

DOCS = Path(__file__).resolve().parents[1] / "docs"
TOUR = DOCS / "tour.ipynb"
KERNEL = "rawabit-tests"


@pytest.fixture(scope="module")
def executed(tmp_path_factory) -> nbformat.NotebookNode:
    spec = tmp_path_factory.mktemp("jupyter") / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Rawabit tests", "language": "python"}), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", str(spec.parents[1]))
        patch.setenv("JUPYTER_PLATFORM_DIRS", "1")
        notebook = nbformat.read(TOUR, as_version=4)
        started = time.perf_counter()
        NotebookClient(notebook, timeout=600, kernel_name=KERNEL,
                       resources={"metadata": {"path": str(DOCS)}}).execute()  # raises on any cell's error
        print(f"docs/tour.ipynb ran in {time.perf_counter() - started:.1f} s")
    return notebook


def outputs(notebook: nbformat.NotebookNode) -> list[dict]:
    return [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]


def test_the_committed_tour_has_no_outputs():
    notebook = nbformat.read(TOUR, as_version=4)
    nbformat.validate(notebook)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")


def test_every_cell_runs_without_an_error(executed):
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    assert code and all(cell.execution_count for cell in code)
    assert not [out for out in outputs(executed) if out.output_type == "error"]


def test_the_tour_queries_ranks_and_draws_the_network(executed):
    html = [out.data["text/html"] for out in outputs(executed) if "text/html" in out.get("data", {})]
    frames = [h for h in html if "<iframe srcdoc=" in h]
    assert len(frames) == 2  # kg.show(focus=…) and the bare kg
    assert "degree centrality" in "".join(html) and "فلاديمير بوتين" in "".join(html)
    text = "".join(out.get("text", "") for out in outputs(executed))
    assert text.startswith("<KnowledgeGraph: 13 articles, ")
