"""The passive participle with its agent: «جبهة البوليساريو، المدعومة من الجزائر».

A passive participle («المدعومة», «المتهم») describes the noun before it; its
agent follows after «من» or «من قبل»/«من جانب». The relation runs from the
agent to the described noun: (Algeria, supports, Polisario).
"""
from __future__ import annotations

from ..grammar import WORDS
from ..model import EntityType, Mention, Sentence
from .participants import coordinated, coordinated_back, marker

__all__ = ["passive_sides"]

_GAP_BEFORE = 2   # tokens between the described noun and its participle («X، المدعومة»)
_GAP_AFTER = 3    # tokens between the participle and its agent («المدعومة عسكرياً من»)
_BY = frozenset({"قبل", "جانب"})   # «من قبل», «من جانب»


def passive_sides(sent: Sentence, us: list[Mention], c0: int, c1: int) -> tuple[list[Mention], list[Mention]]:
    """(agents, described) of the passive participle at tokens *c0*–*c1*, or two empty lists."""
    toks = sent.tokens
    described = next((u for u in reversed(us) if u.last <= c0), None)
    if described is None or c0 - described.last > _GAP_BEFORE or described.type is EntityType.TOPIC or \
            any(toks[k].norm in WORDS.clause_start for k in range(described.last, c0)):
        return [], []
    agent = next((u for u in us if u.first >= c1), None)
    if agent is None or agent.first - c1 > _GAP_AFTER or agent.type is EntityType.TOPIC:
        return [], []
    by = marker(sent, agent) == "من" or (agent.first >= 1 and toks[agent.first - 1].norm in _BY
                                          and agent.first >= 2 and toks[agent.first - 2].norm == "من")
    if not by:
        return [], []
    return coordinated(sent, us, agent), coordinated_back(sent, us, described)
