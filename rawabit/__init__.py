"""Rawabit (روابط): a knowledge graph of who did what to whom in Arabic news.

>>> import rawabit
>>> kg = rawabit.build(["samples"])                      # doctest: +SKIP
>>> kg.query("SELECT ?who WHERE { ?who rwb:met id:vladimir-putin }").to_pandas()  # doctest: +SKIP
>>> kg.to_networkx()                                     # doctest: +SKIP
>>> kg.save("out/graph.ttl", "out/graph.html")           # doctest: +SKIP

Importing the package is cheap: the extraction pipeline, rdflib and the rest
load on first use of :func:`build` or :func:`extract_text`.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["build", "extract_text", "KnowledgeGraph", "RawabitError", "InputError", "FormatError",
           "QueryError", "StoreError", "ModelError", "__version__"]

#: Public name -> the module that defines it, imported on first access (PEP 562).
_LAZY = {
    "build": "rawabit.api",
    "extract_text": "rawabit.api",
    "KnowledgeGraph": "rawabit.knowledge_graph",
    **{name: "rawabit.errors" for name in ("RawabitError", "InputError", "FormatError", "QueryError",
                                           "StoreError", "ModelError")},
}

if TYPE_CHECKING:
    from .api import build, extract_text
    from .errors import FormatError, InputError, ModelError, QueryError, RawabitError, StoreError
    from .knowledge_graph import KnowledgeGraph


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'rawabit' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
