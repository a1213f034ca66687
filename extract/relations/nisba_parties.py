"""Nisba adjectives naming the parties of an event noun: «المحادثات الأمريكية الصينية».

Arabic news names the sides of talks, a summit or a call by a row of
nationality adjectives after the noun, each agreeing with it:
«المحادثات الأمريكية الصينية», «مباحثات مصرية سودانية», «القمة الثلاثية
التركية الروسية الأوكرانية», «المكالمة الروسية والأمريكية». A qualifier may
stand between the noun and the row («الثلاثية», «المشتركة», «رفيعة المستوى»:
``event_qualifier`` in ``grammar_words.tsv``). Each adjective is a country
(looked up in the gazetteer's nisba table), and the event is between them.
"""
from __future__ import annotations

from collections.abc import Mapping

from ..grammar import WORDS
from ..model import EntityType, Mention, Sentence

__all__ = ["nisba_parties"]

_QUALIFIERS_MAX = 2   # qualifiers between the noun and its row of adjectives


def nisba_parties(sent: Sentence, c1: int, nisba: Mapping[str, str], *, definite: bool) -> list[Mention]:
    """The countries named by the nationality adjectives right after an event noun ending at *c1*.

    Args:
        sent: The sentence.
        c1: The token after the event noun.
        nisba: Normalized adjective → country key (the gazetteer's).
        definite: Whether the noun has the article: a definite noun takes
            definite adjectives («المحادثات الأمريكية»), an indefinite one
            indefinite adjectives («مباحثات مصرية»).

    Returns:
        One mention per adjective (``source="nisba"``), in order; the same
        country twice counts once.
    """
    toks, out, seen = sent.tokens, [], set()
    j, skipped = c1, 0
    while j < len(toks) and skipped < _QUALIFIERS_MAX and toks[j].norm in WORDS.event_qualifier:
        j += 1
        skipped += 1
    while j < len(toks):
        word = toks[j].norm[1:] if toks[j].norm.startswith("و") and out else toks[j].norm
        key = nisba.get(word) if definite else (None if word.startswith("ال") else nisba.get("ال" + word))
        if not key:
            break
        if key not in seen:
            seen.add(key)
            tok = toks[j]
            out.append(Mention(sent.index, j, j + 1, tok.start, tok.end,
                               sent.text[tok.start - sent.start:tok.end - sent.start],
                               EntityType.COUNTRY, key, "nisba", 0.8))
        j += 1
    return out
