"""Clause structure the relation finder reads around a cue.

Where a clause goes on and what stands in it for whom: a phrase set off by
commas inside a clause («بحث الرئيسان، في أول اجتماع بينهما، الرسوم»), the
head a relative pronoun stands for («شتاينماير، الذي حضّ تبون»), the sides of
a verbal noun given by «بين X و Y», a share of a place («على نحو 80 في المئة
من X»), and a word that looks like an imperfect verb.
"""
from __future__ import annotations

from .arabic import dediac
from .grammar import WORDS
from .model import EntityType, Mention, Sentence
from .participants import PUNCT_BOUNDARY, coordinated, marker

__all__ = ["parenthetical", "relative_head", "resumed_head", "sides_between", "partitive", "imperfect_like", "OBJECT_SUFFIXES"]

#: Object pronouns on a verb («استقبله», «ضمتها»).
OBJECT_SUFFIXES = ("ها", "ه", "هم", "هما")
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


def relative_head(sent: Sentence, us: list[Mention], left: int, c0: int, c1: int) -> Mention | None:
    """The name a relative pronoun opening the clause at *left* stands for, when it is the subject.

    With a resumptive pronoun after the verb («الأراضي التي تسيطر عليها روسيا») the head is the
    object instead, and the subject follows the verb: then None.
    """
    toks = sent.tokens
    if left == 0 or toks[left - 1].norm not in WORDS.relative:
        return None
    resumes = [dediac(t.text) for t in toks[c1 - 1:c1 + 1]]  # the letters: «ـها», not a folded «ة»
    if any(w.endswith(OBJECT_SUFFIXES) for w in resumes):  # «التي ضمتها روسيا», «التي تسيطر عليها»
        return None
    return _head_of(sent, us, left - 1)


def resumed_head(sent: Sentence, us: list[Mention], c0: int) -> Mention | None:
    """The name a relative pronoun right before the verb at *c0* stands for, which the verb's object
    pronoun resumes: «ماليزيا، التي زارها ترمب» → Malaysia."""
    return _head_of(sent, us, c0 - 1) if c0 > 0 and sent.tokens[c0 - 1].norm in WORDS.relative else None


def _head_of(sent: Sentence, us: list[Mention], rel: int) -> Mention | None:
    """The participant right before the relative pronoun at *rel* (a comma may stand between)."""
    toks = sent.tokens
    k = rel - 1 if rel >= 1 and toks[rel - 1].text in ("،", ",") else rel
    head = next((u for u in us if u.last == k), None)
    return head if head is not None and head.type is not EntityType.TOPIC and head.source != "nisba" else None


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
    if not span or not (span[0].norm in markers or span[0].prefix[-1:] in markers):
        return False
    words = ([span[0].base] if span[0].norm not in markers else []) + [t.norm for t in span[1:]]
    share = [w for w in words if w in WORDS.partitive]
    other = [w for w in words if w not in WORDS.partitive and not w.isdigit()]
    return bool(share) and len(other) <= 1
