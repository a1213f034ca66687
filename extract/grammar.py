"""Function words by the part they play in a clause, read from ``grammar_words.tsv``.

>>> "الي" in WORDS.preposition     # normalized «إلى»
True
"""
from __future__ import annotations

from collections import defaultdict

from .arabic import normalize
from .resources import read_tsv

__all__ = ["WORDS"]


class _Words:
    """Normalized function words by class: ``WORDS.preposition``, ``WORDS.boundary`` …"""

    def __init__(self) -> None:
        classes: dict[str, set[str]] = defaultdict(set)
        for row in read_tsv("grammar_words.tsv"):
            classes[row["class"]].add(normalize(row["word"]))
        self._classes = {name: frozenset(words) for name, words in classes.items()}
        self._classes["clause_start"] = self._classes["boundary"] | self._classes["relative"]

    def __getattr__(self, name: str) -> frozenset[str]:
        try:
            return self._classes[name]
        except KeyError:
            raise AttributeError(f"grammar_words.tsv has no class {name!r}") from None


WORDS = _Words()
