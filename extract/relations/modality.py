"""Is a statement asserted, denied, planned, possible, desired, conditional or asked?

The cue words and their reach are data (``modality_cues.tsv``). The status of a
relation cue at token *i* is decided by the words before it in its sentence:
first an explicit cancel («لم يخف» asserts), then denial, then the other moods.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..arabic import normalize_phrase
from ..model import Sentence, Status
from ..resources import read_tsv, split_variants

__all__ = ["ModalityTagger"]

_ORDER = ("asserted", "denied", "questioned", "conditional", "possible", "planned", "desired")


@dataclass(frozen=True)
class _Cue:
    status: Status
    words: tuple[str, ...]
    scope: str
    window: int
    imperfect: bool


class ModalityTagger:
    """Decide the :class:`Status` of a relation cue from the words before it."""

    def __init__(self) -> None:
        cues = []
        for row in read_tsv("modality_cues.tsv"):
            for form in split_variants(row["forms"]):
                cues.append(_Cue(Status(row["status"]), tuple(normalize_phrase(form).split()),
                                 row["scope"], int(row.get("window") or 0), row.get("imperfect") == "yes"))
        rank = {name: n for n, name in enumerate(_ORDER)}
        # longer cues first («لم يستبعد» before «لم»), then by the order above
        self.cues = sorted(cues, key=lambda c: (-len(c.words), rank[c.status.value]))
        # the same cues by first word, each with its place in that order: a sentence
        # is read once, not once per cue
        self._before: dict[str, list[tuple[int, _Cue]]] = {}
        self._after: dict[str, list[tuple[int, _Cue]]] = {}
        for n, c in enumerate(self.cues):
            (self._after if c.scope == "after" else self._before).setdefault(c.words[0], []).append((n, c))
        self._after_reach = max((c.window for c in self.cues if c.scope == "after"), default=0)
        self._last_tokens: tuple | None = None
        self._statuses: dict[tuple[int, int, int], Status] = {}   # of the sentence of _last_tokens
        self._last_readings: tuple[list[str], list[str], list[tuple[int, list]]] = ([], [], [])

    def status(self, sent: Sentence, cue: int, clause_start: int, *, noun_end: int = -1) -> Status:
        """Return the status of the relation whose cue word is token *cue*.

        Args:
            sent: The sentence.
            cue: Index of the first token of the relation cue.
            clause_start: Index of the first token of the cue's clause.
            noun_end: For a cue noun, the index after it: its adjectives
                («قمة محتملة») are read too.
        """
        toks = sent.tokens
        if toks[cue].prefix.endswith("س"):  # «سيزور»: future
            return Status.PLANNED
        words, bases, openers = self._readings(toks)
        key = (cue, clause_start, noun_end)     # a cue is asked about once per pair of sides
        known = self._statuses.get(key)
        if known is None:
            known = self._statuses[key] = self._status(words, bases, openers, cue, clause_start, noun_end)
        return known

    def _status(self, words: list[str], bases: list[str], openers: list[tuple[int, list]], cue: int,
                clause_start: int, noun_end: int) -> Status:
        """:meth:`status` worked out from the sentence's readings (see :meth:`_readings`)."""
        best: tuple[int, _Cue] | None = None  # the matching cue that comes first in self.cues
        if noun_end >= 0:
            for j in range(noun_end, min(noun_end + self._after_reach, len(words))):
                for n, c in self._after.get(words[j], ()):
                    if j - noun_end < c.window and (best is None or n < best[0]):
                        best = (n, c)
        for i, entries in openers:
            if i >= cue:
                break
            for n, c in entries:
                if best is not None and n >= best[0]:
                    continue
                lo = (max(cue - c.window, clause_start) if c.scope == "before"
                      else clause_start if c.scope == "clause" else 0)
                k = len(c.words)
                if not lo <= i <= cue - k:
                    continue
                if tuple(words[i:i + k]) != c.words and (bases[i], *words[i + 1:i + k]) != c.words:
                    continue
                if c.imperfect and not _imperfect(words[i + k] if i + k < len(words) else ""):
                    continue
                best = (n, c)
        return best[1].status if best is not None else Status.ASSERTED

    def _readings(self, toks: tuple) -> tuple[list[str], list[str], list[tuple[int, list]]]:
        """Each token's word, its word without a leading و/ف (else its base), and the tokens
        a cue before the relation may start at, with those cues; kept for the sentence last
        asked about, as its relation cues are asked about one after another."""
        if toks is not self._last_tokens:
            words = [t.norm for t in toks]
            bases = [t.norm[1:] if t.norm[:1] in "وف" and len(t.norm) > 2 else t.base for t in toks]
            before, openers = self._before, []
            for i, (w, b) in enumerate(zip(words, bases)):
                if entries := before.get(w):
                    openers.append((i, entries))
                if b != w and (entries := before.get(b)):
                    openers.append((i, entries))
            self._last_tokens, self._last_readings = toks, (words, bases, openers)
            self._statuses = {}
        return self._last_readings


def _imperfect(word: str) -> bool:
    """An imperfect verb starts with one of the prefixes ي ت ن ا (يزور، تلتقي، نقبل)."""
    return len(word) > 2 and word[0] in "يتن"
