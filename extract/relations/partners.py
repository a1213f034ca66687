"""«ضيفه», «مضيفه»: a person taken up as the other side of a meeting.

News that has told of a visit or a meeting often goes on naming one side by
the other: the host praises «ضيفه» (his guest), the visitor urges «مضيفه»
(his host). The noun (``grammar_words.tsv``, class ``partner``) carries a
pronoun for the one whose guest or host is meant; the one meant is who that
person met, phoned or talked with in the facts stated last, looking back at
most :data:`~..doc_index.LOOKBACK` sentences, when exactly one person was.
"""
from __future__ import annotations

from functools import cache

from ..arabic import dediac, normalize
from ..doc_index import LOOKBACK, index_of
from ..entities.mentions import _mention
from ..grammar import WORDS
from ..model import Doc, EntityType, Mention, Sentence

__all__ = ["partner"]

#: Relations whose two sides are each other's host or guest.
_MEETINGS = frozenset({"met", "phoned", "talkedWith"})
_SUFFIXES = ("ه", "ها")
_PROCLITICS = ("", "و", "ب", "ل", "وب", "ول")


@cache
def _forms() -> frozenset[str]:
    """Each partner noun with a pronoun on it, as written (the feminine «ة» becomes «ت»): «ضيفه», «مضيفتها»."""
    nouns = {normalize(w) for w in WORDS.partner}
    stems = {n[:-1] + "ت" if n.endswith("ه") else n for n in nouns}
    return frozenset(s + x for s in stems for x in _SUFFIXES)


def partner(doc: Doc, sent: Sentence, k: int, subject: Mention, proclitic: str = "") -> Mention | None:
    """The person token *k* names as *subject*'s guest or host, or None.

    Args:
        doc: The Doc being read.
        sent: The sentence.
        k: The token that may be a partner noun («بضيفه»).
        subject: Whose guest or host it is.
        proclitic: The preposition it must carry («ب» after «أشاد»), '' for a direct object.
    """
    raw = dediac(sent.tokens[k].text)
    if raw.endswith("ة"):
        return None   # «ضيفة» (a guest), which normalizing would fold into «ضيفه» (his guest)
    word = normalize(raw)
    if not word.startswith(proclitic) or word[len(proclitic):] not in _forms() and not (
            word.startswith("و" + proclitic) and word[len(proclitic) + 1:] in _forms()):
        return None
    index, others = index_of(doc), set()
    for s in range(sent.index, max(sent.index - LOOKBACK, -1), -1):
        for f in index.facts(s):
            if f.relation in _MEETINGS and subject.key in (f.subject, f.object) and \
                    (s < sent.index or f.end <= sent.tokens[k].start):
                others.add(f.object if f.subject == subject.key else f.subject)
        if others:
            break
    people = others & index.people()
    if len(people) != 1:
        return None
    return _mention(sent, k, k + 1, EntityType.PERSON, people.pop(), "partner", 0.7)
