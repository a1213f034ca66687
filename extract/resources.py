"""Read the data tables that hold Rawabit's Arabic knowledge (``extract/data``)."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

__all__ = ["data_path", "read_tsv", "split_variants", "word_set"]


def data_path(name: str) -> Path:
    """Return the path of a file in ``extract/data``."""
    return Path(str(files(__package__).joinpath("data", name)))


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
