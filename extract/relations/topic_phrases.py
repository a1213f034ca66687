"""Topic phrases whose head takes several adjectives before its «لـ» genitive.

A verbal noun may carry a row of adjectives before the genitive it governs,
which then takes «لـ»: «وقف فوري ودائم وغير مشروط لإطلاق النار», «تبادل
واسع وشامل للأسرى». The topic table lists «وقف لإطلاق النار» or «وقف فوري
لإطلاق النار»; here any such row of words between the head and the «لـ»
phrase is allowed, so one table row covers them all.
"""
from __future__ import annotations

from functools import cache

from ..arabic import normalize_phrase
from ..entities.gazetteer import TOPIC_PREFIX
from ..model import Sentence
from ..resources import read_tsv, split_variants

__all__ = ["split_topics"]

_ADJECTIVES_MAX = 6    # words between the head and its «لـ» genitive
_STOP = frozenset("،,.:؛;!?()«»\"")


@cache
def _heads() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Head word → (the «لـ» phrase's words, topic key), from patterns «HEAD لـX …»."""
    heads: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for row in read_tsv("topics.tsv"):
        for pattern in split_variants(row["patterns"]):
            words = normalize_phrase(pattern).split()
            if len(words) >= 2 and words[1].startswith("ل") and len(words[1]) > 3:
                entry = (tuple(words[1:]), TOPIC_PREFIX + row["key"].replace("_", "-"))
                if entry not in heads.setdefault(words[0], []):
                    heads[words[0]].append(entry)
    return heads


def split_topics(sent: Sentence, taken: set[int]) -> list[tuple[int, int, str]]:
    """(first token, token after, topic key) of each topic phrase split by adjectives.

    Args:
        sent: The sentence.
        taken: Tokens already inside a mention (a topic found whole is not found again).
    """
    heads = _heads()
    toks, out = sent.tokens, []
    for i in [i for i, t in enumerate(toks) if t.base in heads or t.norm in heads]:   # most sentences: none
        if i in taken:
            continue
        tok = toks[i]
        for rest, key in heads.get(tok.base, ()) or heads.get(tok.norm, ()):
            for j in range(i + 2, min(i + 2 + _ADJECTIVES_MAX, len(toks) - len(rest) + 1)):
                if toks[j - 1].text in _STOP or (j - 1) in taken:
                    break
                if all(toks[j + n].norm == word for n, word in enumerate(rest)):
                    out.append((i, j + len(rest), key))
                    break
            if out and out[-1][0] == i:
                break
    return out
