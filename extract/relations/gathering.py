"""A meeting that brings its sides together: «لقاء جمعهما», «اجتماع جمع X و Y».

Arabic news often names the sides of a meeting, call or talks as the object
of «جمع» (brought together) in a clause on the event noun:

- «وفي لقاء جمعهما صباح الأربعاء» — the pronoun «هما/هم» is the pair named
  last before the noun;
- «اجتماع استضافه أنور، وجمع X و Y» — the coordinated names after the verb,
  with the host named between the noun and the verb;
- «وجمع اللقاء X و Y» — the event noun as the verb's subject.

The verbs are listed by root and form in ``gathering_verbs.tsv``; the event
noun is any meeting, call or talks cue (the caller's *interaction*).
"""
from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

from .cue_forms import lemma, verb_forms
from ..model import EntityType, Mention, Sentence
from .participants import PUNCT_BOUNDARY, coordinated, coordinated_back, marker
from ..resources import read_tsv

__all__ = ["gathered"]

_NOUN_BEFORE = 10   # tokens back from the verb to the event noun («اجتماع استضافه أنور في مقر إقامته، وجمع»)
_NOUN_AFTER = 3     # tokens after the verb to the event noun («وجمع لقاء في أنقرة X و Y»)
_PRONOUNS = ("هما", "هم")


@cache
def _verbs() -> frozenset[str]:
    forms: set[str] = set()
    for row in read_tsv("gathering_verbs.tsv"):
        forms |= verb_forms(lemma(row["root"], row["form"]))
    return frozenset(forms)


@lru_cache(maxsize=100_000)
def _reading(word: str) -> tuple[str, str] | None:
    """(verb, object pronoun) when *word* is a gathering verb, with «و» and a pronoun stripped."""
    verbs = _verbs()
    for w in (word, word[1:] if word.startswith("و") else ""):
        if w in verbs:
            return w, ""
        for p in _PRONOUNS:
            if w.endswith(p) and w[:-len(p)] in verbs:
                return w[:-len(p)], p
    return None


@cache
def gathering_words() -> frozenset[str]:
    """Every word :func:`_reading` reads as a gathering verb: a sentence holding none of
    them has no «جمع» clause."""
    plain = {v + p for v in _verbs() for p in ("", *_PRONOUNS)}
    return frozenset(plain | {"و" + w for w in plain})


def _sides(us: list[Mention]) -> list[Mention]:
    return [u for u in us if u.type is not EntityType.TOPIC and u.source != "nisba"]


def gathered(sent: Sentence, us: list[Mention], interaction: Callable[[Sentence, int], int],
             previous: list[Mention] | tuple = ()) -> list[tuple[int, int, list[Mention]]]:
    """(event noun start, its end, the sides it brought together) for each «جمع» clause of *sent*.

    Args:
        sent: The sentence.
        us: Its participants.
        interaction: Length of the meeting, call or talks noun starting at a
            token of the sentence, 0 for none.
        previous: The participants of the sentence before: «هما» on the verb, with no
            pair named before the noun, is the two people that sentence names
            («وأشاد روته بالرئيس الأميركي … . وفي لقاء جمعهما …»), when it names two.
    """
    toks, out = sent.tokens, []
    named = {t for u in us for t in range(u.first, u.last)}
    for k, tok in enumerate(toks):
        if k in named or (found := _reading(tok.norm)) is None:
            continue
        _, pronoun = found
        noun = _noun_before(sent, k, interaction)
        after_noun = None
        if noun is None and not pronoun:
            after_noun = _noun_after(sent, k, interaction)
        if noun is None and after_noun is None:
            continue
        if pronoun:  # «لقاء جمعهما»: the pair (or group) named last before the noun
            before = _sides([u for u in us if u.last <= noun[0]])
            group = coordinated_back(sent, us, before[-1]) if before else []
            group = _sides(group)
            if not before and pronoun == "هما":
                people = {u.key: u for u in previous if u.type is EntityType.PERSON and u.key}
                group = list(people.values()) if len(people) == 2 else []
            if len(group) >= 2:
                out.append((*noun, group))
            continue
        start = after_noun[1] if after_noun else k + 1
        first = next((u for u in _sides(us) if u.first >= start and not marker(sent, u)), None)
        # «وجمع لقاء في أنقرة X و Y»: a place after a preposition may stand before the sides
        placed = {t for u in us if marker(sent, u) for t in range(u.first - 1, u.last)}
        if first is None or len([j for j in range(start, first.first) if j not in placed]) > 2:
            continue
        group = _sides(coordinated(sent, us, first))
        if noun is not None:  # «اجتماع استضافه أنور، وجمع X و Y»: the host is a side too
            group = [u for u in _sides(us) if noun[1] <= u.first and u.last <= k and not marker(sent, u)
                     and u.type is EntityType.PERSON] + group
        if len(group) >= 2:
            out.append((*(noun or after_noun), group))
    return out


def _noun_before(sent: Sentence, k: int, interaction) -> tuple[int, int] | None:
    for j in range(k - 1, max(k - 1 - _NOUN_BEFORE, -1), -1):
        if sent.tokens[j].text in PUNCT_BOUNDARY and sent.tokens[j].text != "،":
            return None
        n = interaction(sent, j)
        if n:
            return j, j + n
    return None


def _noun_after(sent: Sentence, k: int, interaction) -> tuple[int, int] | None:
    for j in range(k + 1, min(k + 1 + _NOUN_AFTER, len(sent.tokens))):
        n = interaction(sent, j)
        if n:
            return j, j + n
    return None
