"""Function words by the part they play in a clause, read from ``grammar_words.tsv``.

>>> "الي" in WORDS.preposition     # normalized «إلى»
True
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence, Set as AbstractSet
from operator import attrgetter

from .arabic import normalize
from .resources import read_tsv

__all__ = ["WORDS", "either", "either_at", "norm_of", "base_of", "per_word"]


class _Words:
    """Normalized function words by class: ``WORDS.preposition``, ``WORDS.boundary`` …"""

    def __init__(self) -> None:
        classes: dict[str, set[str]] = defaultdict(set)
        for row in read_tsv("grammar_words.tsv"):
            classes[row["class"]].add(normalize(row["word"]))
        self._classes = {name: frozenset(words) for name, words in classes.items()}
        self._classes["clause_start"] = self._classes["boundary"] | self._classes["relative"]
        # plain attributes: rules read these for every token
        self.__dict__.update(self._classes)

    def __getattr__(self, name: str) -> frozenset[str]:  # only reached for a class the file lacks
        raise AttributeError(f"grammar_words.tsv has no class {name!r}")


WORDS = _Words()

#: A token's ``norm`` and its ``base``, as functions: ``map(norm_of, sentence.tokens)``
#: reads a sentence's words without a Python loop.
norm_of = attrgetter("norm")
base_of = attrgetter("base")


def either(tok, words: AbstractSet[str]) -> bool:
    """Whether token *tok* is one of *words* as written or without its proclitics
    (``norm`` or ``base``: «وبرفقة» and «برفقة» alike)."""
    return tok.norm in words or tok.base in words


def either_at(tokens, words: AbstractSet[str]) -> list[int]:
    """The places of the *tokens* that are one of *words* (as :func:`either` says),
    found in one pass: rules start at few tokens of a sentence."""
    return [i for i, t in enumerate(tokens) if t.norm in words or t.base in words]


def per_word(words: Sequence[str], remembered: Callable[[str], object], work: Callable[[str], object]) -> list:
    """The answer for each of *words*: ``remembered(word)`` (a dictionary's ``get``, read
    without a Python loop), else ``work(word)`` for the words it does not know (``None``).
    For rules that remember an answer per word, since the same words come back in every text."""
    found = list(map(remembered, words))
    if None in found:
        found = [work(w) if f is None else f for w, f in zip(words, found)]
    return found
