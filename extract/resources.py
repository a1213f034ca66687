"""Read the data tables that hold Rawabit's Arabic knowledge (``extract/data``)."""
from __future__ import annotations

import csv
import os
import sys
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

__all__ = ["data_path", "cache_dir", "read_tsv", "split_variants", "word_set"]


def data_path(name: str) -> Path:
    """Return the path of a file in ``extract/data``."""
    return Path(str(files(__package__).joinpath("data", name)))


def cache_dir() -> Path:
    """Return the user's cache directory for Rawabit (it may not exist yet).

    ``$RAWABIT_CACHE_DIR`` if set; else ``$XDG_CACHE_HOME/rawabit`` or
    ``~/.cache/rawabit`` (``~/Library/Caches/rawabit`` on macOS,
    ``%LOCALAPPDATA%\\rawabit\\Cache`` on Windows). Only things that can be
    computed again are kept there.
    """
    if os.environ.get("RAWABIT_CACHE_DIR"):
        return Path(os.environ["RAWABIT_CACHE_DIR"])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "rawabit" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "rawabit"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rawabit"


@lru_cache(maxsize=64)
def _read(name: str) -> tuple[dict[str, str], ...]:
    path = data_path(name)
    if not path.is_file():
        return ()
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader)


def read_tsv(name: str) -> list[dict[str, str]]:
    """Read a TSV table of ``extract/data``: a header line, then rows; ``#`` lines are comments.

    Returns:
        One dict per row (values stripped); an empty list if the file is absent.
    """
    return [dict(r) for r in _read(name)]


def split_variants(cell: str) -> list[str]:
    """Split a ``a|b|c`` cell into its non-empty parts."""
    return [p.strip() for p in cell.split("|") if p.strip()]


@lru_cache(maxsize=64)
def word_set(name: str) -> frozenset[str]:
    """The normalized words of the ``word`` column of a table in ``extract/data``."""
    from .arabic import normalize_phrase  # arabic loads camel-tools; keep this module light
    return frozenset(normalize_phrase(r["word"]) for r in _read(name))
