"""A body and its leader joined by «بقيادة/برئاسة/بزعامة»: «قوات الدعم السريع بقيادة محمد حمدان دقلو».

The phrase «بقيادة X» (led by X) describes the noun before it, set off by a comma
or not. When that noun is an organization and X a person, X leads it:
(Dagalo, leaderOf, RSF). A delegation, a country or a coalition led by a state
(«تحالف بقيادة السعودية») states no office.
"""
from __future__ import annotations

from ..grammar import WORDS
from ..model import Doc, EntityType, Fact, Mention, Sentence, Status

__all__ = ["led_by_facts"]

_RULE = "leaderOf.led_by"


def led_by_words() -> frozenset[str]:
    """Every word :func:`led_by_facts` starts at: «بقيادة» and the like, with or without «و»."""
    return frozenset(WORDS.led_by | {"و" + w for w in WORDS.led_by})


def led_by_facts(doc: Doc, sent: Sentence, us: list[Mention]) -> list[Fact]:
    """(person, leaderOf, organization) for each «ORGANIZATION(،) بقيادة PERSON» of *sent*."""
    toks, out = sent.tokens, []
    for k, tok in enumerate(toks):
        word = tok.norm
        if word not in WORDS.led_by and not (word[:1] == "و" and word[1:] in WORDS.led_by):
            continue
        end = k - 1 if k > 0 and toks[k - 1].text in ("،", ",") else k
        body = next((u for u in us if u.last == end), None)
        leader = next((u for u in us if u.first == k + 1), None)
        if body is None or leader is None or body.type is not EntityType.ORGANIZATION \
                or body.source == "nisba" or leader.type is not EntityType.PERSON or not leader.key:
            continue
        out.append(Fact(leader.key, "leaderOf", body.key, Status.ASSERTED, doc.article.id, sent.index,
                        body.start, leader.end, sent.text, _RULE, 0.85))
    return out
