"""Where, not who: names that say where something happened are no party to it.

«استقبل ترمب في البيت الأبيض ميرتس», «وفي واشنطن، اتهم ترمب …», «واشنطن -
استقبل …» (a dateline), «التقى مودي شي على هامش قمة منظمة شنغهاي»: the
White House, Washington and the organisation name the place or the occasion.
The relation rules find parties by position; :func:`parties_only` then drops
a fact whose subject, or whose object of a relation between agents, the
sentence names only in such a place (``venue_words.tsv``). A name the sentence
also gives as a party elsewhere keeps its facts, and people are never venues.
A city that is no capital is never a side of a meeting, call or talks
(«محادثات إسطنبول مع كابول» were held in Istanbul).
"""
from __future__ import annotations

from collections import defaultdict
from functools import cache

from ..arabic import normalize
from ..entities.mentions import units
from ..model import Doc, EntityType, Fact, Mention, Sentence
from .participants import PUNCT_BOUNDARY, marker
from ..resources import read_tsv

__all__ = ["parties_only", "is_venue", "is_dateline"]

#: Relations between agents whose object a venue can never be (the object of
#: ``visited``, ``attacked``, ``controls`` … is a place by right).
AGENT_OBJECTS = frozenset({"met", "phoned", "talkedWith", "urged", "threatened", "criticized", "accused",
                           "praised", "supports"})
#: Meetings, calls and talks: a city that is no capital is where they were held, never a side.
_BETWEEN = frozenset({"met", "phoned", "talkedWith"})
#: Relations whose subject is not an agent acting (``locatedIn`` is said of places).
_PLACE_SUBJECTS = frozenset({"locatedIn"})
#: The rule suffix of facts read from a passive participle, whose subject «من» introduces as the
#: agent by right («حماس، المدعومة من إيران»), never as a place of origin.
_PASSIVE = ".passive_participle"
#: Words back from a name to a venue head («على هامش قمة منظمة …»).
_HEAD_BACK = 3


@cache
def _words() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv("venue_words.tsv"):
        kinds[row["kind"]].add(normalize(row["word"]) if row["kind"] != "dash" else row["word"])
    return {k: frozenset(v) for k, v in kinds.items()}


def is_dateline(sent: Sentence, u: Mention) -> bool:
    """Whether *u* is the dateline that opens a paragraph: «واشنطن - استقبل …», «باماكو – …»."""
    toks = sent.tokens
    return u.first == 0 and u.last < len(toks) and toks[u.last].text in _words()["dash"]


def is_venue(sent: Sentence, u: Mention, *, as_object: bool = False) -> bool:
    """Whether the sentence names *u* as a place or an occasion rather than as a party.

    Args:
        sent: The sentence.
        u: A participant of it (:func:`~rawabit.extract.entities.mentions.units`).
        as_object: Ask about an object: prepositions of direction or origin
            («إلى», «من») then do not count, since cues take objects by them.
    """
    if u.type is EntityType.PERSON or u.source == "nisba":  # «بصواريخ أوكرانية»: whose, not where
        return False
    words, toks = _words(), sent.tokens
    mark = marker(sent, u)
    if mark in words["at"] or (not as_object and u.type is not EntityType.ORGANIZATION
                               and (mark in words["to"] or mark == "ب")):
        return True  # (an organization after «من» is whose members act: «مسلحون من حركة …»)
    if is_dateline(sent, u):
        return True
    for k in range(u.first - 1, max(u.first - 1 - _HEAD_BACK, -1), -1):
        tok = toks[k]
        if tok.text in PUNCT_BOUNDARY:
            break
        if tok.base in words["head"] or tok.norm in words["head"]:
            return True
    return False


@cache
def _capitals() -> frozenset[str]:
    """Keys of the cities ``gazetteer_places.tsv`` gives as a capital (their government may act)."""
    return frozenset(r["key"] for r in read_tsv("gazetteer_places.tsv") if r.get("capital_of"))


def _town(doc: Doc, sent: Sentence, us: list[Mention], key: str) -> bool:
    """Whether *key* is named in the sentence only as a city that is no capital: «محادثات إسطنبول مع
    كابول» are talks held in Istanbul; a capital may stand for its government («موسكو وكييف»)."""
    found = [u for u in us if u.key == key]
    return bool(found) and all(u.type is EntityType.CITY for u in found) and key not in _capitals()


def parties_only(doc: Doc, sent: Sentence, facts: list[Fact]) -> list[Fact]:
    """*facts* of *sent* less those whose subject, or agent object, the sentence names only as a venue.

    Called as the facts are found, so that later sentences that take up «the
    meeting» or «the two sides» do not take up a venue with them.
    """
    if not facts:
        return facts
    us = units(doc, sent.index)
    return [f for f in facts if not (
        (f.relation not in _PLACE_SUBJECTS and not f.rule.endswith(_PASSIVE)
         and _only_venue(sent, us, f.subject, as_object=False))
        or (f.relation in AGENT_OBJECTS and _only_venue(sent, us, f.object, as_object=True))
        or (f.relation in _BETWEEN and (_town(doc, sent, us, f.subject) or _town(doc, sent, us, f.object))))]


def _only_venue(sent: Sentence, us: list[Mention], key: str, *, as_object: bool) -> bool:
    """Whether every mention of *key* in the sentence is a venue (False when none is there)."""
    found = [u for u in us if u.key == key]
    return bool(found) and all(is_venue(sent, u, as_object=as_object) for u in found)
