"""Participants a clause leaves implicit, found elsewhere in the sentence or the text.

Arabic news often names who acts only once: a fronted purpose noun belongs to
the main clause's agents («دعماً لأوكرانيا، أعلنت هولندا …»), a circumstantial
participle to the sentence's subject («…، داعياً إسرائيل إلى …»), a clause
after «حيث» or «أما X فـ» goes on with the subject before it, and «الجانبان»,
«الاجتماع» or a dual verb stand for the two sides of the meeting named last.
:class:`~rawabit.extract.relations.finder.RelationFinder` asks these functions when a
cue's own clause names no subject (or no object).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache

from ..arabic import normalize
from ..doc_index import index_of
from ..grammar import WORDS, either
from ..entities.mentions import units
from ..model import Doc, EntityType, Mention, Sentence
from .participants import PUNCT_BOUNDARY, coordinated, marker, skippable
from ..resources import read_tsv, word_set

__all__ = ["SYMMETRIC", "fronted_agent", "main_subject", "carried_subject", "including", "companions",
           "sides_here", "meeting_sides", "both_sides", "event_sides", "deed_doer", "each_other"]

#: Relations between two sides of a meeting, call or talks.
SYMMETRIC = frozenset({"met", "phoned", "talkedWith"})
#: Longest fronted purpose phrase («دعماً لـ … ،») in tokens.
_FRONTED_MAX = 16
#: Sentences back to look for the meeting a later «الاجتماع» stands for.
_EVENT_BACK = 3
#: Sentences back to look for the deed «هذه التهديدات» points to.
_DEED_BACK = 10
_QUOTES = frozenset('"“”«»\'')
#: Longest opening phrase («من جهته،», «وفي مؤتمره الصحافي الدوري،») before a sentence's verb, in tokens.
_OPENER_MAX = 7


def fronted_agent(sent: Sentence, us: list[Mention], c0: int, right: int) -> list[Mention]:
    """The agents of the main clause, for a purpose noun fronted before it.

    An indefinite accusative verbal noun opening the sentence states why the
    main clause's subject acts («دعماً لأوكرانيا، أعلنت هولندا والسويد …»,
    «رفضاً للعقوبات، قاطعت إيران …»): the agent is the first unmarked name
    within a few words after the comma that closes the phrase.

    Args:
        sent: The sentence.
        us: Its participants (:func:`~rawabit.extract.entities.mentions.units`).
        c0: The cue noun.
        right: Where the cue's own clause ends.
    """
    toks = sent.tokens
    if not toks[c0].norm.endswith("ا") or not all(skippable(t) for t in toks[:c0]):
        return []
    # the phrase may hold a relative clause («دعماً لأوكرانيا في الحرب التي بدأت …،»)
    comma = next((k for k in range(right, min(len(toks), c0 + _FRONTED_MAX)) if toks[k].text in ("،", ",")), -1)
    if comma < 0:
        return []
    agent = next((u for u in us if u.first > comma), None)
    if agent is None or agent.first - comma > 3 or marker(sent, agent) or agent.type is EntityType.TOPIC:
        return []
    return coordinated(sent, us, agent)


def main_subject(sent: Sentence, us: list[Mention], c0: int) -> list[Mention]:
    """The subject of the clause a circumstantial participle («داعياً», «متهماً») hangs on.

    The name that opens the sentence or follows its first word (the verb):
    «وقال عون إن …، مطالباً الولايات المتحدة بالضغط» is said by Aoun. A
    sentence that opens otherwise gives none, rather than its object.
    """
    toks = sent.tokens
    lead = 1 if toks and toks[0].text == "و" else 0
    first = next((u for u in us if u.last <= c0), None)
    if first is not None and first.first > lead + 1:  # «من جهته، وصف X …», «وفي مؤتمره الصحافي، قال X …»
        comma = next((k for k in range(min(first.first, _OPENER_MAX)) if toks[k].text in ("،", ",")), -1)
        if comma >= 0:
            lead = comma + 1
    if first is None or first.first > lead + 1 or marker(sent, first) or \
            first.type is EntityType.TOPIC or first.source == "nisba":
        return []
    return coordinated(sent, us, first)


def carried_subject(sent: Sentence, us: list[Mention], c0: int, left: int) -> list[Mention]:
    """The subject a verb without one of its own carries over from its sentence.

    A clause opened by «حيث» or «ثم» goes on with the subject of the sentence
    («زار روته أنقرة، حيث التقى الرئيس إردوغان»), and «أما X فـ…» makes X the
    subject of every verb after it that names none before it («أما فيدان فقد
    دعا …، وحث روسيا وأوكرانيا على …»). The caller leaves out verbs whose
    object is a pronoun («حيث استقبله دميترييف»): they carry the object over.

    Args:
        sent: The sentence.
        us: Its participants.
        c0: The verb.
        left: Where the verb's clause starts.
    """
    toks = sent.tokens
    if toks and toks[0].norm in WORDS.topicalizer:
        head = next((u for u in us if u.first == 1), None)
        if head is not None and head.type is not EntityType.TOPIC and head.last <= c0:
            return coordinated(sent, us, head)
    if left > 0 and toks[left - 1].norm in WORDS.same_subject:
        return main_subject(sent, us, left - 1)
    return []


def including(sent: Sentence, us: list[Mention], right: int, kinds: frozenset[EntityType]) -> list[Mention]:
    """Places listed after «بما في ذلك», «ومنها» at the end of a clause («…، بما في ذلك لوغانسك»)."""
    toks = sent.tokens
    k = right + 1 if right < len(toks) and toks[right].text == "،" else right
    if k >= len(toks) or (toks[k].norm not in WORDS.including and toks[k].base not in WORDS.including):
        return []
    nxt = next((u for u in us if u.first > k), None)
    if nxt is None or nxt.first - k > 6 or nxt.type not in kinds:
        return []
    return coordinated(sent, us, nxt)


def companions(sent: Sentence, us: list[Mention], c1: int) -> list[Mention]:
    """People said to come along to a meeting («برفقة رئيس المجلس الأوروبي أنطونيو كوستا»)."""
    toks = sent.tokens
    for k in range(c1, len(toks)):
        tok = toks[k]
        if either(tok, WORDS.accompany):
            nxt = next((u for u in us if u.first > k), None)
            if nxt is not None and nxt.first - k <= 2 and nxt.type is EntityType.PERSON:
                return coordinated(sent, us, nxt)
            return []
        if (tok.text in PUNCT_BOUNDARY and tok.text != "،") or tok.norm in WORDS.clause_start:
            return []
    return []


def sides_here(doc: Doc, sent: Sentence, c0: int) -> list[Mention]:
    """The two sides of a meeting or call stated earlier in the sentence.

    Or, with none, the two subjects of one statement made of both
    («وافقت روسيا وأوكرانيا على وقف الهجمات، … اتهم الجانبان بعضهما»).
    """
    before = [f for f in index_of(doc).facts(sent.index) if f.start < sent.tokens[c0].start]
    pairs = [f for f in before if f.relation in SYMMETRIC]
    if pairs:
        keys = {pairs[-1].subject, pairs[-1].object}
    else:
        shared: dict[tuple, list[str]] = {}
        for f in before:
            shared.setdefault((f.relation, f.object, f.status), []).append(f.subject)
        both = [subjects for subjects in shared.values() if len(set(subjects)) == 2]
        if not both:
            return []
        keys = set(both[-1])
    return [u for u in units(doc, sent.index) if u.key in keys and u.last <= c0][:2]


def each_other(sent: Sentence, k: int) -> bool:
    """Whether «بعضهما» / «بعضهم» (each other) stands at token *k* or the next."""
    toks = sent.tokens
    return any(either(t, WORDS.reciprocal) for t in toks[k:k + 2])


def meeting_sides(doc: Doc, sent: Sentence, c0: int, c1: int) -> list[Mention]:
    """The two sides of the meeting or call named last before the cue at *c0*..*c1*.

    In this sentence, or up to three sentences back; sides named in an earlier
    sentence stand at the cue in this one.
    """
    here = sides_here(doc, sent, c0)
    if here:
        return here
    toks = sent.tokens
    for back in range(1, _EVENT_BACK + 1):
        pairs = [f for f in index_of(doc).facts(sent.index - back) if f.relation in SYMMETRIC]
        if pairs:
            keys = (pairs[-1].subject, pairs[-1].object)
            return [Mention(sent.index, c0, c1, toks[c0].start, toks[c1 - 1].end, toks[c0].text,
                            doc.entities[k].type, k, "event", 0.7) for k in keys if k in doc.entities]
    return []


def both_sides(doc: Doc, sent: Sentence, c0: int, c1: int) -> list[Mention]:
    """«وناقش الجانبان تبادل الأسرى», «إن الرئيسين بحثا …»: the two sides of the meeting named last."""
    toks = sent.tokens
    near = [k for k in (c0 - 1, c1) if 0 <= k < len(toks)]
    if any(either(toks[k], WORDS.both_countries) for k in near):  # «اتفق البلدان»: their countries
        return _countries_of(doc, meeting_sides(doc, sent, c0, c1))
    if any(either(toks[k], WORDS.both_sides) for k in near):
        return meeting_sides(doc, sent, c0, c1)
    return []


_OFFICES = frozenset({"presidentOf", "ministerOf"})   # held in a country (relation_signatures.tsv)


def _countries_of(doc: Doc, sides: list[Mention]) -> list[Mention]:
    """Each side as a country: itself, or the country whose office it holds (a role fact of *doc*)."""
    out = []
    for side in sides:
        key = side.key if side.type is EntityType.COUNTRY else next(
            (f.object for f in doc.facts if f.subject == side.key and (f.relation in _OFFICES or (
                f.relation == "leaderOf" and getattr(doc.entities.get(f.object), "type", None) is EntityType.COUNTRY))),
            None)
        if key is None:
            return []   # a side whose country the text does not give: no pair of countries
        out.append(side if key == side.key else replace(side, key=key, type=EntityType.COUNTRY))
    return out if len({m.key for m in out}) == 2 else []


def event_sides(doc: Doc, sent: Sentence, c0: int, c1: int,
                interaction: Callable[[Sentence, int], int]) -> list[Mention]:
    """The two sides of the meeting or call that is the subject of the verb at *c0*..*c1*.

    «وقال الكرملين إن الاجتماع ركز على التسوية», «المكالمة مع بوتين ركزت على …»:
    a meeting or call noun right before the verb (across quotes or a «مع X»),
    or right after it, stands for the meeting named last (:func:`meeting_sides`).

    Args:
        interaction: Length of the meeting, call or talks noun starting at a
            token of the sentence, 0 for none.
    """
    toks = sent.tokens
    us = units(doc, sent.index)
    k = c0 - 1
    while k >= 0 and toks[k].text in _QUOTES:
        k -= 1
    side = next((u for u in us if u.last == k + 1 and marker(sent, u) == "مع"), None)
    if side is not None:  # «المكالمة مع بوتين ركزت»
        k = side.first - (2 if toks[side.first - 1].norm == "مع" else 1)

    taken_up = word_set("event_nouns.tsv")  # «وركّز الاتصال على …»: the call named before

    def ends_at(j: int) -> bool:
        return (j >= 0 and either(toks[j], taken_up)) or \
            any(start >= 0 and interaction(sent, start) == j + 1 - start for start in (j, j - 1))

    after = (interaction(sent, c1) or either(toks[c1], taken_up)) if c1 < len(toks) else 0
    if not (ends_at(k) or after):
        return []
    return meeting_sides(doc, sent, c0, c1)


@cache
def _deeds() -> dict[str, str]:
    """Normalized deed noun -> the relation whose subject did it (``deed_nouns.tsv``)."""
    return {normalize(r["word"]): r["relation"] for r in read_tsv("deed_nouns.tsv")}


def deed_doer(doc: Doc, sent: Sentence, c1: int) -> list[Mention]:
    """Who did the deed a demonstrative phrase at token *c1* points back to.

    «وندد الكرملين بهذه التهديدات»: «هذه التهديدات» (``deed_nouns.tsv``) are
    the threats stated last, in this sentence before the cue or up to ten
    sentences back (an article often comments on a deed a few paragraphs on);
    the one who made them is the object. Nothing when that
    deed has not been stated.
    """
    toks = sent.tokens
    k = c1
    if k < len(toks) and either(toks[k], WORDS.demonstrative):
        k += 1
    else:
        return []
    if k >= len(toks):
        return []
    relation = _deeds().get(toks[k].norm) or _deeds().get(toks[k].base)
    if relation is None:
        return []
    for back in range(0, _DEED_BACK + 1):
        done = [f for f in index_of(doc).facts(sent.index - back) if f.relation == relation
                and (back or f.start < toks[c1].start)]
        if done:
            key = done[-1].subject
            if key not in doc.entities:
                return []
            return [Mention(sent.index, c1, k + 1, toks[c1].start, toks[k].end, toks[c1].text,
                            doc.entities[key].type, key, "deed", 0.7)]
    return []
