"""Light-verb stance phrases: «أكد دعمه لموسكو», «أعرب عن رفضه للعقوبات», «معرباً عن امتنانه لـ».

A stance is often stated by a light verb («أكد، أعرب عن، أبدى، جدد، كرر،
أعلن») and the verbal noun of the stance with a pronoun of its holder
(«دعمه، رفضها، تمسكه، حرصه، امتنانه»). The noun is then no verb («أكد رفض
بلاده» is not «رفض»), and the stance is held by the light verb's subject:
the name right after it (VSO), or, for a circumstantial participle
(«…، معرباً عن امتنانه لـ…»), the subject of the clause it hangs on.
The light verbs are listed by root and form in ``light_verbs.tsv``.

Events have light verbs too: «زيارة يقوم بها مودي إلى الصين», «محادثات
أجراها الوزير»: the subject of the relative clause after the event noun is
the one who made the visit or held the talks (:func:`event_doer`).
"""
from __future__ import annotations

from functools import cache
from typing import NamedTuple

from ..arabic import normalize
from .cue_forms import lemma, participle_forms, verb_forms
from .implicit import main_subject
from ..model import Doc, EntityType, Mention, Sentence
from ..grammar import WORDS
from .participants import antecedent, marker, skippable
from ..resources import read_tsv, split_variants

__all__ = ["LightVerb", "light_verb", "holder", "event_doer", "event_holder", "witness_place"]

_RELATIVE = frozenset({"التي", "الذي"})
_ADJECTIVES = 2   # adjectives between an event noun and the relative clause naming its doer


class LightVerb(NamedTuple):
    """A light verb before a stance noun."""

    index: int          # its token
    participle: bool    # «مؤكداً», «معرباً»: said by the clause's subject


@cache
def _forms() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(finite forms, participle forms, particles) of the stance light verbs."""
    finite: set[str] = set()
    participles: set[str] = set()
    particles: set[str] = set()
    for row in read_tsv("light_verbs.tsv"):
        if row.get("kind", "stance") != "stance":
            continue
        lem = lemma(row["root"], row["form"], stems=row.get("stems", ""))
        finite |= verb_forms(lem)
        participles |= participle_forms(lem)
        particles |= {normalize(p) for p in split_variants(row.get("particle", ""))}
    return frozenset(finite), frozenset(participles), frozenset(particles)


@cache
def _event_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """(verb forms with the resumptive pronoun on them, verb forms followed by it as a word)."""
    attached: set[str] = set()
    apart: set[str] = set()
    for row in read_tsv("light_verbs.tsv"):
        if row.get("kind") != "event":
            continue
        forms = verb_forms(lemma(row["root"], row["form"], stems=row.get("stems", "")))
        pronoun = normalize(row.get("resumptive", ""))
        if pronoun.startswith("ب"):
            apart |= forms
        else:  # «أجراها»: «أجرى» + «ها», the alif maqsura written «ا» before the pronoun
            attached |= {f + pronoun for f in forms} | {f[:-1] + "ا" + pronoun for f in forms if f.endswith("ي")}
    return frozenset(attached), frozenset(apart)


@cache
def _event_finite() -> frozenset[str]:
    """The finite forms of the event light verbs, without their resumptive pronoun («أجرى», «عقد»)."""
    return frozenset(f for row in read_tsv("light_verbs.tsv") if row.get("kind") == "event"
                     for f in verb_forms(lemma(row["root"], row["form"], stems=row.get("stems", ""))))


def event_holder(sent: Sentence, us: list[Mention], c0: int) -> list[Mention]:
    """Who made the event noun at *c0*, the subject of the event light verb before it.

    «وكان ترامب قد أجرى، السبت، اتصالين هاتفيين بـ…» → Trump; «وأجرى الرئيس
    اتصالاً …» → the name after the verb. Empty when no such verb or subject.
    """
    toks, finite = sent.tokens, _event_finite()
    j = c0 - 1
    while j >= 0 and (toks[j].is_punct or toks[j].norm in WORDS.time) and toks[j].text not in ".؟!":
        j -= 1
    if j < 0 or not ({toks[j].norm, toks[j].base, toks[j].norm[1:]} & finite):
        return []
    after = next((u for u in us if j < u.first and u.last <= c0), None)
    if after is not None:
        return [after] if not marker(sent, after) and after.type is not EntityType.TOPIC else []
    k = j - 1
    while k >= 0 and skippable(toks[k]) and toks[k].text not in "،,.":
        k -= 1   # «ترامب قد أجرى»
    before = next((u for u in us if u.last == k + 1), None)
    return [before] if before is not None and not marker(sent, before) and before.type is not EntityType.TOPIC else []


@cache
def _witness_verbs() -> frozenset[str]:
    return frozenset(f for row in read_tsv("light_verbs.tsv") if row.get("kind") == "witness"
                     for f in verb_forms(lemma(row["root"], row["form"], stems=row.get("stems", ""))))


def witness_place(sent: Sentence, us: list[Mention], c0: int) -> list[Mention]:
    """The place that «witnessed» the event noun at *c0*: «وكانت كاراكاس قد شهدت في يناير زيارة X»,
    «وشهدت موسكو زيارة X». The verb stands up to four words before the noun; the place is its subject."""
    toks, verbs = sent.tokens, _witness_verbs()
    named = {t for u in us for t in range(u.first, u.last)}
    for j in range(c0 - 1, max(c0 - 6, -1), -1):
        if toks[j].text in "،.؛" or j in named:
            return []
        if {toks[j].norm, toks[j].base, toks[j].norm[1:]} & verbs:
            after = next((u for u in us if u.first == j + 1), None)
            k = j - 1
            while k >= 0 and skippable(toks[k]) and toks[k].text not in "،,.":
                k -= 1
            before = next((u for u in us if u.last == k + 1), None)
            place = after or before
            return [place] if place is not None and place.type.is_place and not marker(sent, place) else []
    return []


def event_doer(doc: Doc, sent: Sentence, us: list[Mention], c1: int) -> list[Mention] | None:
    """The doer of the event noun ending at *c1*, named in a relative clause after it.

    «زيارة يقوم بها مودي إلى الصين» → Modi; «زيارة أجراها إلى موسكو» → the
    one named before (the pronoun of «أجرى»). None when no such clause follows.
    """
    toks = sent.tokens
    named = {t for u in us for t in range(u.first, u.last)}
    k = c1
    while k < min(c1 + _ADJECTIVES, len(toks)) and k not in named and toks[k].norm.startswith("ال") \
            and toks[k].norm not in _RELATIVE:
        k += 1  # «المساعدات الضخمة التي قدمتها واشنطن»: adjectives of the noun first
    if k < len(toks) and toks[k].norm in _RELATIVE:
        k += 1
    elif k > c1:
        return None
    if k >= len(toks):
        return None
    attached, apart = _event_verbs()
    word = toks[k]
    if word.norm in attached or word.base in attached:
        after = k + 1
    elif (word.norm in apart or word.base in apart) and k + 1 < len(toks) and toks[k + 1].norm.startswith("ب"):
        after = k + 2
    else:
        return None
    doer = next((u for u in us if u.first == after), None)
    if doer is not None and doer.type is not EntityType.TOPIC and not marker(sent, doer):
        return [doer]
    ante = antecedent(doc, sent, us, k)
    return [ante] if ante is not None else []


def light_verb(sent: Sentence, c0: int, us: list[Mention] = (), *, reach: int = 2) -> LightVerb | None:
    """The light verb whose object is the noun at token *c0*, if any.

    The noun follows the verb directly, after its particle («أعرب عن»), or
    after the verb's subject («أكد الرئيس الصيني شي جين بينغ دعمه»): up to
    *reach* words back, a participant of *us* counting as one word.
    """
    finite, participles, particles = _forms()
    toks = sent.tokens
    ends = {u.last - 1: u.first for u in us}
    j = c0 - 1
    if j >= 0 and toks[j].norm in particles:
        j -= 1
    for _ in range(reach):
        if j < 0 or toks[j].text in "،,.:؛;":
            return None
        word = toks[j]
        forms = {word.norm, word.base, word.norm[1:] if word.norm.startswith("و") else ""}
        if forms & participles:
            return LightVerb(j, True)
        if forms & finite:
            return LightVerb(j, False)
        j = ends.get(j, j) - 1   # a name, however long, is one word
    return None


def holder(sent: Sentence, us: list[Mention], lv: LightVerb, c0: int) -> list[Mention]:
    """Who holds the stance: the light verb's subject."""
    if lv.participle:
        return main_subject(sent, us, lv.index)
    subject = next((u for u in us if lv.index < u.first and u.last <= c0), None)
    if subject is not None and not marker(sent, subject) and subject.type is not EntityType.TOPIC \
            and subject.source != "nisba":
        return [subject]
    before = [u for u in us if u.last <= lv.index and not marker(sent, u) and u.type is not EntityType.TOPIC]
    if before and before[-1].last == lv.index:  # SVO: «كيم أكد دعمه»
        return [before[-1]]
    return []
