"""The README's Python code runs as written, from a folder holding the samples."""
from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def python_blocks(text: str) -> list[str]:
    """The ```python blocks of a Markdown text, in order."""
    return [m.group(1) for m in _BLOCK.finditer(text)]


def test_python_blocks_are_found():
    assert python_blocks("x\n```python\na = 1\n```\n```sh\nls\n```\n```python\nb = 2\n```\n") == ["a = 1\n", "b = 2\n"]


def python_section(text: str) -> str:
    """The README's "Python" section (other sections' snippets talk to servers and run in their own tests)."""
    return text.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]


def test_readme_python_example_runs(tmp_path, monkeypatch, samples_dir):
    blocks = python_blocks(python_section(README.read_text(encoding="utf-8")))
    assert blocks, "the README has a Python example"
    (tmp_path / "samples").symlink_to(samples_dir, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    namespace: dict = {"__name__": "__readme__"}
    with contextlib.redirect_stdout(out):
        for n, block in enumerate(blocks):
            exec(compile(block, f"README.md python block {n + 1}", "exec"), namespace)
    printed = out.getvalue()
    assert printed.startswith("<KnowledgeGraph: 13 articles, ")
    assert "id:vladimir-putin" in printed and "('vladimir-putin', 'met', 'steve-witkoff')" in printed
    assert (tmp_path / "out" / "sample.ttl").stat().st_size > 0 and (tmp_path / "out" / "sample.html").is_file()


@pytest.mark.parametrize("name", ["build", "extract_text", "KnowledgeGraph"])
def test_the_public_api_is_documented(name):
    import rawabit
    doc = getattr(rawabit, name).__doc__ or ""
    assert len(doc.split()) > 20
    if name != "KnowledgeGraph":
        assert "Args:" in doc and "Returns:" in doc and "Raises:" in doc
