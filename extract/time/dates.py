"""Find Arabic date expressions and normalise them against the article's date.

Absolute dates («18 مارس 2025», «الثلاثاء 18 آذار/مارس», «في الرابع من
أبريل», «جانفي 2024», «5 رمضان 1446 هـ»), relative ones («أمس»، «اليوم»،
«الثلاثاء الماضي»، «الأسبوع المقبل»، «الشهر الماضي»، «مطلع العام») and
back-references («اليوم نفسه»، «اليوم التالي») become ISO values whose length
gives their precision: ``2025-03-18`` (a day), ``2025-03`` (a month) or
``2025`` (a year), the lexical forms of ``xsd:date``, ``xsd:gYearMonth`` and
``xsd:gYear``.

Relative expressions are resolved against an :class:`Anchor`: the article's
publication date, or, when it has none, only the year of the latest full date
the article states (then «أمس» gives that year, and «الشهر الماضي» nothing).
What cannot be resolved without guessing (a weekday with no date to count
from, «أبريل المقبل» in a year-only article, a month named with no year at
all) gets no value. The words live in ``data/months.tsv`` and
``data/date_words.tsv``; this module knows only how they combine.

>>> [m.value for m in find_dates("زار الوزير القاهرة أمس", Anchor(date(2025, 3, 18)))]
['2025-03-17']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .date_grammar import Scanner, When, expressions, scan_tokens, tokens, word_kinds

__all__ = ["Anchor", "DateMention", "find_dates", "article_anchor", "precision", "parse_iso", "opens_clause"]

_DATELINE_LINES = 3       # lines at the top of an article where a dateline may stand
_DATELINE_REACH = 60      # characters into such a line the dateline's date must start
_NEAR_MONTHS = 6          # a month named without a year is taken within this many months of the anchor


@dataclass(frozen=True, slots=True)
class Anchor:
    """What relative expressions count from.

    Attributes:
        date: The article's date, when known.
        year: The article's year; the year of *date* when that is known.
    """

    date: date | None = None
    year: int | None = None

    def __post_init__(self) -> None:
        if self.date is not None and self.year is None:
            object.__setattr__(self, "year", self.date.year)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text.

    Attributes:
        start, end: Character offsets in the text.
        text: The expression as written.
        value: Its ISO value (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), or
            ``""`` when it cannot be resolved without guessing.
        ahead: The value for a statement that is still to come: a bare weekday
            («يلتقي الاثنين») then means the next one, not the last.
        bound: The expression limits a span («منذ 2019»، «بحلول 2035»،
            «حتى مارس») rather than saying when something happened.
        absolute: The expression states its date itself (no anchor needed).
    """

    start: int
    end: int
    text: str
    value: str
    ahead: str = ""
    bound: bool = False
    absolute: bool = False


def precision(value: str) -> str:
    """``day``, ``month`` or ``year``: what an ISO value of this module names."""
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "")


def parse_iso(value: str) -> date | None:
    """The date of an ISO date or date-time (``2025-03-18``, ``2025-03-18T10:00:00Z``), or None."""
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# -- resolving ---------------------------------------------------------------

def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _span(first: date, last: date) -> str:
    """The most precise value covering the days *first* to *last*."""
    if (first.year, first.month) == (last.year, last.month):
        return _iso(first.year, first.month)
    return _iso(first.year) if first.year == last.year else ""


def _hijri(when: When) -> str:
    from hijridate import Hijri   # Umm al-Qura calendar, 1343–1500 AH
    try:
        if when.day:
            return Hijri(when.year, when.month, when.day).to_gregorian().isoformat()
        first = Hijri(when.year, when.month, 1)
        last = Hijri(when.year, when.month, first.month_length())
        return _span(first.to_gregorian(), last.to_gregorian())
    except (ValueError, OverflowError):
        return ""


def _near_hijri_year(month: int, anchor: Anchor) -> int | None:
    """The Hijri year of a Hijri month named without one («في رمضان»): the one that puts the
    month within half a year of the article's date; None without a date (a year is not enough:
    the Hijri year straddles two Gregorian ones)."""
    if anchor.date is None:
        return None
    from hijridate import Gregorian, Hijri
    try:
        here = Gregorian.fromdate(anchor.date).to_hijri()
        for year in (here.year, here.year - 1, here.year + 1):
            middle = Hijri(year, month, 15).to_gregorian()
            if abs((middle - anchor.date).days) <= 183:
                return year
    except (ValueError, OverflowError):
        return None
    return None


def _near_year(month: int, anchor: Anchor) -> int | None:
    """The year of a month named without one: the anchor's, or the one nearest its date."""
    if anchor.date is None:
        return anchor.year
    here = anchor.date.year * 12 + anchor.date.month - 1
    for year in (anchor.date.year, anchor.date.year - 1, anchor.date.year + 1):
        if abs(year * 12 + month - 1 - here) <= _NEAR_MONTHS:
            return year
    return anchor.date.year


def _resolve(when: When, anchor: Anchor, previous: str, *, ahead: bool = False) -> str:
    if when.kind == "absolute":
        if when.month == 0:
            return ""           # a numeric date whose order is unclear
        year = when.year
        if year is None:
            if when.hijri:
                year = _near_hijri_year(when.month or 1, anchor)
                return _hijri(when._replace(year=year)) if year else ""
            year = _near_year(when.month or 1, anchor)
            if year is None:
                return ""
        if when.hijri:
            return _hijri(when._replace(year=year)) if when.month else ""
        if when.day and when.month:
            try:
                return date(year, when.month, when.day).isoformat()
            except ValueError:
                return ""
        return _iso(year, when.month)
    today, year = anchor.date, anchor.year
    if when.kind == "same":
        if precision(previous) != "day":
            return ""
        return (date.fromisoformat(previous) + timedelta(days=when.offset)).isoformat()
    if today is None:
        if year is None:
            return ""
        if when.kind in ("day", "weekday") or (when.kind == "period" and when.unit == "week"):
            return _iso(year)
        if when.kind == "period" and when.unit == "year":
            return _iso(year + when.offset)
        return ""
    if when.kind == "day":
        return (today + timedelta(days=when.offset)).isoformat()
    if when.kind == "weekday":
        gap = (when.day - today.isoweekday()) % 7
        if when.directed:
            step = (gap or 7) if when.offset > 0 else -(((today.isoweekday() - when.day) % 7) or 7)
        else:
            step = gap if ahead else -((today.isoweekday() - when.day) % 7)
        return (today + timedelta(days=step)).isoformat()
    if when.kind == "month":
        here = today.year * 12 + today.month - 1
        there = (today.year - 1) * 12 + when.month - 1
        while there <= here if when.offset > 0 else there + 12 < here:
            there += 12
        return _iso(there // 12, there % 12 + 1)
    if when.unit == "week":
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=when.offset)
        return _span(monday, monday + timedelta(days=6))
    if when.unit == "month":
        n = today.year * 12 + today.month - 1 + when.offset
        return _iso(n // 12, n % 12 + 1)
    return _iso(today.year + when.offset)


def opens_clause(text: str) -> bool:
    """Whether *text* holds a relative pronoun (الذي، التي…), which opens a clause of its own."""
    return any("clause" in word_kinds(t.norm) for t in tokens(text))


def find_dates(text: str, anchor: Anchor = Anchor()) -> list[DateMention]:
    """Find and resolve the date expressions of *text*.

    Args:
        text: An article, or any span of Arabic text.
        anchor: What relative expressions count from.

    Returns:
        The expressions in text order; back-references («اليوم نفسه») take
        the last day-precise value before them.
    """
    out: list[DateMention] = []
    previous = anchor.date.isoformat() if anchor.date else ""
    for start, end, when, bound in _scan(text):
        value = _resolve(when, anchor, previous)
        ahead = _resolve(when, anchor, previous, ahead=True) if when.kind == "weekday" else value
        absolute = when.kind == "absolute" and when.year is not None
        out.append(DateMention(start, end, text[start:end], value, ahead, bound, absolute))
        if precision(value) == "day":
            previous = value
    return out


@lru_cache(maxsize=4)
def _scan(text: str) -> tuple[tuple[int, int, When, bool], ...]:
    """The expressions of *text*, unresolved: (start, end, what it says, is it a bound).

    Cached: an article is scanned once for its anchor and once more for its dates.
    """
    toks = scan_tokens(text)
    scan = Scanner(toks)
    return tuple((toks[first].start, toks[last - 1].end, when, scan.bound(first))
                 for first, last, when in expressions(toks))


def article_anchor(text: str, published: str = "") -> tuple[Anchor, str]:
    """What the relative dates of an article count from, and its dateline's date.

    Args:
        text: The article text, headline first.
        published: Its publication date (ISO), when the input gave one.

    Returns:
        ``(anchor, dateline)``: the anchor is the publication date, else the
        date of a dateline at the top («القاهرة - 18 مارس 2025 (أ ف ب)»),
        else the year of the latest full date the article states, else empty;
        *dateline* is the dateline's ISO date, or ``""``.
    """
    given = parse_iso(published) if published else None
    if given is not None:
        return Anchor(given), ""
    stated = [m for m in find_dates(text) if m.absolute and not m.bound]
    full = [m.value for m in stated if precision(m.value) == "day"]
    year = max((int(v[:4]) for v in full), default=None)
    dateline = _dateline(text, Anchor(year=year))
    if dateline:
        return Anchor(date.fromisoformat(dateline)), dateline
    return Anchor(year=year), ""


def _dateline(text: str, anchor: Anchor) -> str:
    """The date of a dateline in the first lines: a day and month near the start of a line
    that has a dash, a bracket or a slash near its start («القاهرة - 18 مارس (أ ف ب)»)."""
    heads = []
    offset = 0
    for n, line in enumerate(text.split("\n", _DATELINE_LINES * 2 + 1)):   # (the rest unsplit)
        if n > _DATELINE_LINES * 2:   # blank lines separate paragraphs
            break
        if any(mark in line[:_DATELINE_REACH + 20] for mark in ("-", "–", "(", "/")):
            heads.append((offset, offset + _DATELINE_REACH))
        offset += len(line) + 1
    if not heads:
        return ""
    for m in find_dates(text, anchor):
        if m.start >= heads[-1][1]:
            break
        if any(lo <= m.start <= hi for lo, hi in heads) and precision(m.value) == "day" and not m.bound \
                and (m.absolute or re.search(r"\d", m.text)):
            return m.value
    return ""
