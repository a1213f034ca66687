"""The Rawabit ontology, SHACL shapes and JSON-LD context, as data files."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["ONTOLOGY_TTL", "SHAPES_TTL", "CONTEXT_JSONLD", "path"]


def path(name: str) -> Path:
    """Return the path of a file shipped in this package."""
    return Path(str(files(__name__).joinpath(name)))


ONTOLOGY_TTL = path("rawabit.ttl")
SHAPES_TTL = path("shapes.ttl")
CONTEXT_JSONLD = path("context.jsonld")
