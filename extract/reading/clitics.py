"""Proclitic splitting: «وويتكوف» → و + ويتكوف, «للكرملين» → لل + الكرملين.

A split is kept only when what remains is a word the lexicon knows (a name,
a title or a cue word), so «بوتين» is never read as ب + وتين. The prefixes
are data: ``data/clitics.tsv``.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ..resources import read_tsv

__all__ = ["CliticSplitter"]


class CliticSplitter:
    """Split known words off their proclitics.

    Args:
        lexicon: Normalized words that may follow a proclitic.
    """

    def __init__(self, lexicon: Iterable[str]):
        self.lexicon = frozenset(lexicon)
        rows = read_tsv("clitics.tsv")
        # shortest first: «وبحث» is و + بحث, not و + ب + حث (ب does not attach to verbs)
        self.prefixes = sorted(((r["prefix"], r["restore"]) for r in rows), key=lambda p: len(p[0]))
        # a word starts with at most one prefix of each length: look its beginnings up, shortest first
        self._restore = {prefix: restore for prefix, restore in reversed(self.prefixes)}
        self._lengths = sorted({len(prefix) for prefix in self._restore})
        self.split = lru_cache(maxsize=100_000)(self._split)
        self.candidates = lru_cache(maxsize=100_000)(self._candidates)

    def _split(self, norm: str) -> tuple[str, str]:
        """Return (prefix, base) for a normalized word; prefix is "" when nothing splits."""
        if norm in self.lexicon:
            return "", norm
        for prefix, restore in self._readings(norm):
            base = restore + norm[len(prefix):]
            if len(base) >= 3 and base in self.lexicon:
                return prefix, base
        return "", norm

    def _readings(self, norm: str) -> list[tuple[str, str]]:
        """The (prefix, restore) pairs of the proclitics *norm* starts with, leaving
        at least two letters, shortest first."""
        restore = self._restore
        return [(norm[:n], restore[norm[:n]]) for n in self._lengths if len(norm) - n >= 2 and norm[:n] in restore]

    def _candidates(self, norm: str) -> tuple[str, ...]:
        """All readings of a word: itself, then each proclitic split (known or not).

        Called once per token by several components, so it is cached as
        ``self.candidates``; the readings do not depend on the lexicon.
        """
        return (norm, *(restore + norm[len(prefix):] for prefix, restore in self._readings(norm)))
