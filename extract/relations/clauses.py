"""Clause structure the relation finder reads around a cue.

Where a clause goes on and what stands in it for whom: a phrase set off by
commas inside a clause («بحث الرئيسان، في أول اجتماع بينهما، الرسوم»), the
head a relative pronoun stands for («شتاينماير، الذي حضّ تبون»), the sides of
a verbal noun given by «بين X و Y», a share of a place («على نحو 80 في المئة
من X»), and a word that looks like an imperfect verb.
"""
from __future__ import annotations

from collections.abc import Mapping

from ..arabic import dediac
from ..grammar import WORDS, either
from ..model import EntityType, Mention, Sentence
from .participants import PUNCT_BOUNDARY, coordinated, marker, skippable

__all__ = ["parenthetical", "relative_head", "head_before", "fronted_with", "sides_between", "partitive", "imperfect_like", "OBJECT_SUFFIXES"]

#: Object pronouns on a verb («استقبله», «ضمتها»).
OBJECT_SUFFIXES = ("ها", "ه", "هم", "هما")
_ADJECTIVES_MAX = 2      # adjectives between a name and the relative pronoun describing it
_CLOSING_QUOTES = frozenset({"»", '"', "”"})
_HOLDER_GAP = 3           # words (a name as one) from a verb of holding to «مع» («أجرى وزير الخارجية X مع»)
_SINCE_MAX = 4            # words of a time phrase between a verb and its marker («منذ مطلع العام»)
_PARENTHESIS_MAX = 12     # tokens of a phrase set off by commas inside a clause («، خلال جلسة …،»)


def imperfect_like(word: str) -> bool:
    """Whether *word* looks like an imperfect verb («تراقب», «يرفض»): a prefix ي/ت and a stem."""
    return len(word) >= 4 and word[0] in "يت"


def parenthetical(sent: Sentence, k: int) -> bool:
    """Whether the comma at *k* opens a prepositional phrase closed by another comma, after which
    the clause goes on: «بحث الرئيسان، في أول اجتماع بينهما، الرسوم»."""
    toks = sent.tokens
    if k + 1 >= len(toks) or not (toks[k + 1].norm in WORDS.preposition or toks[k + 1].norm in WORDS.circumstance):
        return False
    for j in range(k + 2, min(k + _PARENTHESIS_MAX, len(toks) - 1)):
        if toks[j].text == "،":
            return not (toks[j + 1].is_punct or toks[j + 1].norm in WORDS.clause_start
                        or toks[j + 1].norm[:1] == "و")
        if toks[j].text in PUNCT_BOUNDARY or toks[j].norm in WORDS.clause_start:
            return False
    return False


def relative_head(sent: Sentence, us: list[Mention], left: int, c0: int, c1: int,
                  appositions: Mapping[int, Mention] | None = None) -> Mention | None:
    """The name a relative pronoun opening the clause at *left* stands for, when it is the subject.

    With a resumptive pronoun after the verb («الأراضي التي تسيطر عليها روسيا») the head is the
    object instead, and the subject follows the verb: then None. *appositions* maps the comma
    that closes a title phrase set off after a name to that name: in «جون سميث، مبعوث ترامب، الذي
    التقى …» the head is the envoy, not Trump.
    """
    toks = sent.tokens
    if left == 0 or toks[left - 1].norm not in WORDS.relative:
        return None
    resumes = [dediac(t.text) for t in toks[c1 - 1:c1 + 1]]  # the letters: «ـها», not a folded «ة»
    if any(w.endswith(OBJECT_SUFFIXES) for w in resumes):  # «التي ضمتها روسيا», «التي تسيطر عليها»
        return None
    k = left - 2 if left >= 2 and toks[left - 2].text in ("،", ",") else left - 1
    head = head_before(sent, us, k)
    if appositions and k in appositions:
        head = appositions[k]
    return head if head is not None and head.type is not EntityType.TOPIC and head.source != "nisba" else None


def head_before(sent: Sentence, us: list[Mention], k: int) -> Mention | None:
    """The name a relative pronoun (or the comma before it) at token *k* describes: the name right
    before it, or before a closing quotation mark and up to two adjectives with the article
    («حركة «النصر» المسلحة التي …»)."""
    toks = sent.tokens
    inside = {t for u in us for t in range(u.first, u.last)}
    j, adjectives = k, 0
    while j > 0 and j - 1 not in inside and adjectives < _ADJECTIVES_MAX and (
            toks[j - 1].text in _CLOSING_QUOTES or (toks[j - 1].norm.startswith("ال") and not toks[j - 1].prefix
                                                   and toks[j - 1].norm not in WORDS.relative)):
        adjectives += toks[j - 1].text not in _CLOSING_QUOTES
        j -= 1
    return next((u for u in us if u.last == j), None) or next((u for u in us if u.last == k), None)


def fronted_with(sent: Sentence, us: list[Mention], before: list[Mention], left: int, c0: int,
                 appositions: Mapping[int, Mention] | None = None) -> tuple[Mention, Mention] | None:
    """(holder, other side) of a meeting or talks noun at *c0* with «مع X» fronted before it:
    «أجرى لافروف مع روبيو محادثات», «X، الذي عقد مع Y اجتماعاً». The verb before «مع» holds the
    event; its subject is named before it, or is the head of the relative clause it opens."""
    toks = sent.tokens
    other = before[-1] if before else None
    if other is None or other.last != c0 or other.type is EntityType.TOPIC or other.first < 2 \
            or toks[other.first - 1].norm != "مع":
        return None
    inside = {t for u in us for t in range(u.first + 1, u.last)}   # a name counts as one word
    words = [k for k in range(other.first - 2, left - 1, -1) if k not in inside][:_HOLDER_GAP]
    verb = next((k for k in words if either(toks[k], WORDS.hold_event)
                 or toks[k].norm[:1] == "و" and toks[k].norm[1:] in WORDS.hold_event), -1)
    if verb < 0:
        return None
    doers = [u for u in before[:-1] if u.type is not EntityType.TOPIC and not marker(sent, u)]
    vso = [u for u in doers if u.first > verb]   # «وأجرى لافروف مع روبيو محادثات»
    if vso or doers:
        return (vso or doers)[-1], other
    if all(skippable(t) for t in toks[left:verb]) and (head := relative_head(sent, us, left, c0, c0 + 1, appositions)) is not None:
        return head, other
    return None


def sides_between(sent: Sentence, us: list[Mention], after: list[Mention]) -> list[Mention]:
    """The two agents of «بين X و Y» after a verbal noun in its clause, or []."""
    first = next((u for u in after if marker(sent, u) == "بين" and u.type is not EntityType.TOPIC), None)
    pair = coordinated(sent, us, first) if first is not None else []
    return pair if len(pair) == 2 else []


def partitive(sent: Sentence, markers: frozenset[str], anchor: int, u: Mention) -> bool:
    """Whether the place *u* after «من» is the object through a share of it: the cue's own
    marker, then a quantity («على نحو 80 في المئة من», «على أجزاء من», «على معظم»)."""
    toks = sent.tokens
    of = next((k for k in range(u.first - 1, max(u.first - 3, anchor) - 1, -1) if toks[k].norm == "من"), -1)
    span = toks[anchor:of] if of > anchor else []
    at = next((n for n, t in enumerate(span) if t.norm in markers or t.prefix[-1:] in markers), 0)
    if 0 < at <= _SINCE_MAX and (span[0].norm in WORDS.since or all(t.norm in WORDS.time for t in span[:at])):
        span = span[at:]   # «تسيطر منذ مطلع العام على مساحات من X»: a time phrase first
    if not span or not (span[0].norm in markers or span[0].prefix[-1:] in markers):
        return False
    words = ([span[0].base] if span[0].norm not in markers else []) + [t.norm for t in span[1:]]
    share = [w for w in words if w in WORDS.partitive]
    other = [w for w in words if w not in WORDS.partitive and not w.isdigit()]
    return bool(share) and len(other) <= 1
