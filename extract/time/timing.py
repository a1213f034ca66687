"""Pipeline component: when each statement happened, from the dates its sentence gives.

The article's anchor comes first (:func:`~.dates.article_anchor`): its
publication date, else its dateline, else a year it states; a dateline's date
also becomes the article's date when the input gave none. Then each fact whose
relation is an event (not a role or lasting state such as ``presidentOf`` or
``locatedIn``) takes the date of the expression nearest its evidence span in
its sentence, if that one is clearly the nearest and is not a bound
(«منذ 2019»). A statement still to come (``planned``) reads a bare weekday as
the next one. A possible, desired, conditional, questioned or denied statement
takes only a date of its own clause (in «التقى لافروف روبيو الخميس، تحضيراً
لقمة محتملة بين بوتين وترمب» the Thursday is the meeting's, not the summit's).
A date after the statement and after a relative pronoun dates that relative
clause («… القرم التي ضمتها روسيا عام 2014»), not the statement. Two different
dates equally near leave the statement undated.
"""
from __future__ import annotations

from bisect import bisect_right

from dataclasses import replace

from .dates import DateMention, article_anchor, find_dates, opens_clause
from ..model import Doc, Fact, Status

__all__ = ["FactDater", "LASTING_RELATIONS"]

#: Relations that hold over time rather than happen on a day: never dated.
LASTING_RELATIONS = frozenset({
    "presidentOf", "ministerOf", "spokespersonOf", "envoyOf", "advisorTo", "leaderOf",
    "locatedIn", "controls",
})
_REACH = 80     # characters from the evidence span beyond which a date is another clause's
_MARGIN = 12    # a second date this much nearer than the first is too near to choose
_CLAUSE_MARKS = frozenset("،,؛;")
_OWN_CLAUSE_ONLY = frozenset({Status.POSSIBLE, Status.DESIRED, Status.CONDITIONAL, Status.QUESTIONED,
                              Status.DENIED})


class FactDater:
    """Pipeline component: fill :attr:`Fact.date`, and :attr:`Article.date` from a dateline."""

    name = "dates"

    def __call__(self, doc: Doc) -> Doc:
        article = doc.article
        anchor, dateline = article_anchor(article.text, article.date)
        if dateline and not article.date:
            doc.article = article = replace(article, date=dateline)
        if not any(f.relation not in LASTING_RELATIONS for f in doc.facts):
            return doc
        mentions = [m for m in find_dates(article.text, anchor) if m.value and not m.bound]
        if not mentions:
            return doc
        spans = {s.index: (s.start, s.end) for s in doc.sentences}
        by_sentence: dict[int, list[DateMention]] = {}   # each date expression under its sentence
        starts = sorted((s.start, s.index) for s in doc.sentences)
        for m in mentions:
            k = bisect_right(starts, (m.start, float("inf"))) - 1
            if k >= 0:
                by_sentence.setdefault(starts[k][1], []).append(m)
        doc.facts = [self._dated(f, by_sentence.get(f.sentence, []), spans.get(f.sentence), article.text)
                     for f in doc.facts]
        return doc

    @staticmethod
    def _dated(fact: Fact, mentions: list[DateMention], sentence: tuple[int, int] | None, text: str) -> Fact:
        if fact.relation in LASTING_RELATIONS or sentence is None or fact.date:
            return fact
        status = Status(fact.status)
        mine = [m for m in mentions if sentence[0] <= m.start and m.end <= sentence[1]]
        if status in _OWN_CLAUSE_ONLY:
            mine = [m for m in mine if not _CLAUSE_MARKS.intersection(_between(text, fact.start, fact.end, m))]
        mine = [m for m in mine if m.start < fact.end or not opens_clause(_between(text, fact.start, fact.end, m))]
        value = date_of(fact.start, fact.end, mine, ahead=status is Status.PLANNED)
        return replace(fact, date=value) if value else fact


def date_of(start: int, end: int, mentions: list[DateMention], *, ahead: bool = False) -> str:
    """The date that dates the span *start*–*end* among *mentions* of its sentence, or ``""``.

    Args:
        start, end: The statement's evidence span.
        mentions: Resolved, unbounded date expressions of the same sentence.
        ahead: The statement is still to come.
    """
    ranked = sorted(((_distance(start, end, m), m) for m in mentions), key=lambda pair: pair[0])
    ranked = [(d, m) for d, m in ranked if d <= _REACH]
    if not ranked:
        return ""
    best, mention = ranked[0]
    value = mention.ahead if ahead else mention.value
    for d, other in ranked[1:]:
        if d - best > _MARGIN:
            break
        if (other.ahead if ahead else other.value) != value:
            return ""        # two dates as near: which one is the statement's is a guess
    return value


def _between(text: str, start: int, end: int, mention: DateMention) -> str:
    """The text between a statement's span and a date mention outside it."""
    if mention.end <= start:
        return text[mention.end:start]
    return text[end:mention.start] if mention.start >= end else ""


def _distance(start: int, end: int, mention: DateMention) -> int:
    if mention.end <= start:
        return start - mention.end
    if mention.start >= end:
        return mention.start - end
    return 0
