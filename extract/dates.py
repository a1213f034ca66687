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
from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from .arabic import normalize, normalize_phrase
from .resources import read_tsv, split_variants

__all__ = ["Anchor", "DateMention", "find_dates", "article_anchor", "precision", "parse_iso", "opens_clause"]

_TOKEN = re.compile(r"(?:\w|[\u064b-\u0652\u0670\u0640])+|[^\w\s]")
_MAX_PHRASE = 3           # words in the longest listed phrase («أول من أمس»)
_BOUND_WINDOW = 6         # words a bound word («منذ») reaches forward, within its clause
_CLAUSE_BREAKS = frozenset("،,؛;:.!?؟()«»\"")
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


class _Tok(NamedTuple):
    start: int
    end: int
    norm: str


class _When(NamedTuple):
    """What an expression says before it is resolved."""

    kind: str                   # absolute | day | weekday | period | month | same
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hijri: bool = False
    offset: int = 0             # days (day, same) or direction (weekday, period, month)
    directed: bool = False      # a direction word follows (weekday, month)
    unit: str = ""              # period: week | month | year


def precision(value: str) -> str:
    """``day``, ``month`` or ``year``: what an ISO value of this module names."""
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "")


def parse_iso(value: str) -> date | None:
    """The date of an ISO date or date-time (``2025-03-18``, ``2025-03-18T10:00:00Z``), or None."""
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# -- the word tables ---------------------------------------------------------

@lru_cache(maxsize=1)
def _lexicon() -> dict[str, list[tuple[str, str]]]:
    """Normalised phrase -> [(kind, value)], from both tables."""
    lex: dict[str, list[tuple[str, str]]] = {}
    for row in read_tsv("months.tsv"):
        kind = "hijri_month" if row["calendar"] == "hijri" else "month"
        for name in split_variants(row["name"]):
            entry = (kind, row["month"])
            lex.setdefault(normalize_phrase(name), [])
            if entry not in lex[normalize_phrase(name)]:
                lex[normalize_phrase(name)].append(entry)
    for row in read_tsv("date_words.tsv"):
        for phrase in split_variants(row["phrase"]):
            key = normalize_phrase(phrase) or phrase
            lex.setdefault(key, []).append((row["kind"], row["value"]))
    return lex


def _kinds(phrase: str) -> dict[str, str]:
    return dict(_lexicon().get(phrase, ()))


# -- scanning ----------------------------------------------------------------

def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), normalize(m.group())) for m in _TOKEN.finditer(text)]


class _Scanner:
    """Reads expressions off a token list; each ``_at`` method returns (end token, when) or None."""

    def __init__(self, toks: list[_Tok]):
        self.toks = toks

    def phrase(self, i: int, *kinds: str) -> tuple[int, str, str] | None:
        """The longest listed phrase of one of *kinds* at token *i*: (end, kind, value).

        A leading و or ف (and، then) is allowed on the first word, and ب or ل
        (in, for) after it.
        """
        toks = self.toks
        for n in range(min(_MAX_PHRASE, len(toks) - i), 0, -1):
            words = [t.norm for t in toks[i:i + n]]
            for first in _unclitic(words[0]):
                found = _kinds(" ".join([first, *words[1:]]))
                for kind in kinds:
                    if kind in found:
                        return i + n, kind, found[kind]
        return None

    def number(self, i: int, lo: int, hi: int) -> int | None:
        if i < len(self.toks) and self.toks[i].norm.isdigit():
            value = int(self.toks[i].norm)
            if lo <= value <= hi and len(self.toks[i].norm) <= 4:
                return value
        return None

    def punct(self, i: int, chars: str) -> bool:
        return i < len(self.toks) and self.toks[i].norm in chars and len(self.toks[i].norm) == 1

    def months(self, i: int) -> tuple[int, int, bool, bool] | None:
        """A month name, or two joined by / or in brackets (آذار/مارس): (end, month, hijri, paired)."""
        got = self.phrase(i, "month", "hijri_month")
        if got is None:
            return None
        end, kind, value = got
        paired = False
        if self.punct(end, "/(") and (other := self.phrase(end + 1, "month")) and kind == "month":
            end, paired = other[0], True
            if self.punct(end, ")"):
                end += 1
        return end, int(value), kind == "hijri_month", paired

    def year(self, i: int, *, noun_needed: bool) -> tuple[int, int, bool | None] | None:
        """A year, maybe after عام and before an era mark: (end, year, hijri or None if unsaid)."""
        j = i
        had_noun = False
        if (got := self.phrase(j, "year")) is not None:
            j, had_noun = got[0], True
        if noun_needed and not had_noun:
            return None
        value = self.number(j, 1300, 2200)
        if value is None:
            return None
        j += 1
        era = self.phrase(j, "era") if j < len(self.toks) else None
        hijri = None
        if era is not None:
            j, hijri = era[0], era[2] == "hijri"
        elif value < 1600:
            hijri = True
        return j, value, hijri

    def numeric(self, i: int) -> tuple[int, _When] | None:
        """``2025-03-18`` and ``18/3/2025`` (day first, as Arab newsrooms write it); with day and
        month both 12 or less and different (3/4/2025), which comes first is a guess: no value."""
        toks = self.toks
        if i + 4 >= len(toks) or toks[i + 1].norm != toks[i + 3].norm or toks[i + 1].norm not in "-/.":
            return None
        if toks[i + 1].end != toks[i + 2].start or toks[i + 3].end != toks[i + 4].start:
            return None     # «2024 - 12 - 2025» is not a date
        first, second, third = (self.number(i + k, 0, 9999) for k in (0, 2, 4))
        if first is None or second is None or third is None:
            return None
        if len(toks[i].norm) == 4 and toks[i + 1].norm == "-":
            year, month, day = first, second, third
        elif len(toks[i + 4].norm) == 4:
            day, month, year = first, second, third
            if day <= 12 and month <= 12 and day != month:
                return i + 5, _When("absolute", year, 0, 0)        # 3/4/2025: 3 April or March 4?
        else:
            return None
        if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100):
            return None
        return i + 5, _When("absolute", year, month, day)

    def absolute(self, i: int) -> tuple[int, _When] | None:
        """DAY MONTH [YEAR] · ORDINAL من MONTH [YEAR] · MONTH YEAR · numeric dates."""
        if (numeric := self.numeric(i)) is not None:
            return numeric
        day = self.number(i, 1, 31)
        j = i + 1
        if day is None and (ordinal := self.phrase(i, "ordinal")) is not None:
            day, j = int(ordinal[2]), ordinal[0]
            if j < len(self.toks) and self.toks[j].norm == "من":
                j += 1
            else:
                day = None
        if day is not None and (months := self.months(j)) is not None:
            end, month, hijri, _ = months
            year = self.year(end, noun_needed=False)
            if year is not None:
                return year[0], _When("absolute", year[1], month, day, hijri if year[2] is None else year[2])
            return end, _When("absolute", None, month, day, hijri)
        if day is None and (months := self.months(i)) is not None:
            end, month, hijri, paired = months
            year = self.year(end, noun_needed=False)
            if year is not None:
                return year[0], _When("absolute", year[1], month, None, hijri if year[2] is None else year[2])
            if (direction := self.phrase(end, "direction")) is not None and not hijri:
                return direction[0], _When("month", month=month, offset=int(direction[2]), directed=True)
            if paired or self._cued(i):
                return end, _When("absolute", None, month, None, hijri)
        return None

    def _cued(self, i: int) -> bool:
        """A month name at *i* follows a word that makes it a date (في مارس), not the verb مارس."""
        return i > 0 and self.phrase(i - 1, "cue", "part") is not None

    def relative(self, i: int) -> tuple[int, _When] | None:
        """Weekdays, days named from the article's date, periods and back-references."""
        toks = self.toks
        if (got := self.phrase(i, "weekday")) is not None:
            end, _, value = got
            if self.punct(end, "،,"):
                after = end + 1
            else:
                after = end
            absolute = self.absolute(after)
            if absolute is not None and absolute[1].kind == "absolute" and absolute[1].day:
                return absolute          # «الثلاثاء 18 آذار/مارس»: the date says it all
            direction = self.phrase(end, "direction")
            if direction is not None and direction[2] != "0":
                return direction[0], _When("weekday", day=int(value), offset=int(direction[2]), directed=True)
            return end, _When("weekday", day=int(value))
        if (got := self.phrase(i, "day")) is not None:
            end, _, value = got
            if toks[i].norm.endswith("اليوم") or toks[i].norm == "يوم":
                same = self.phrase(end, "same")
                if same is not None:
                    return same[0], _When("same", offset=int(same[2]))
                if (weekday := self.phrase(end, "weekday")) is not None:   # «اليوم الثلاثاء»
                    return weekday[0], _When("day", offset=0)
                if end < len(toks) and toks[end].norm.startswith("ال"):
                    return None       # «اليوم الأول»، «اليوم الوطني»: a day, not today
            return end, _When("day", offset=int(value))
        part = self.phrase(i, "part")
        j = part[0] if part else i
        if j < len(toks) and toks[j].norm in ("هذا", "هذه"):
            if (unit := self.phrase(j + 1, "unit")) is not None and unit[2] != "day":
                return unit[0], _When("period", unit=unit[2], offset=0)
        if (unit := self.phrase(j, "unit")) is not None and unit[2] != "day":
            direction = self.phrase(unit[0], "direction")
            if direction is not None:
                return direction[0], _When("period", unit=unit[2], offset=int(direction[2]))
            if part is not None and toks[j].norm.startswith("ال"):     # «مطلع العام»: this one
                return unit[0], _When("period", unit=unit[2], offset=0)
        return None

    def plain_year(self, i: int) -> tuple[int, _When] | None:
        """A year alone: «عام 2025»، «في 2024»، «خلال 2025»."""
        year = self.year(i, noun_needed=True)
        if year is None and i > 0 and self.phrase(i - 1, "cue") is not None:
            year = self.year(i, noun_needed=False)
        if year is None:
            return None
        return year[0], _When("absolute", year[1], None, None, bool(year[2]))

    def bound(self, i: int) -> bool:
        """Whether a bound word («منذ»، «بحلول»، «حتى») stands shortly before token *i* in its clause."""
        for k in range(i - 1, max(-1, i - 1 - _BOUND_WINDOW), -1):
            if self.toks[k].norm in _CLAUSE_BREAKS:
                return False
            if self.phrase(k, "bound") is not None:
                return True
        return False


def _unclitic(word: str) -> list[str]:
    out = [word]
    if len(word) > 3 and word[0] in "وف":
        out.append(word[1:])
    for w in list(out):
        if len(w) > 3 and w[0] in "بل" and w[1:].startswith("ال"):
            out.append(w[1:])
        elif len(w) > 3 and w.startswith("لل"):
            out.append("ال" + w[2:])
    return out


def _expressions(toks: list[_Tok]) -> Iterable[tuple[int, int, _When]]:
    scan = _Scanner(toks)
    i = 0
    while i < len(toks):
        start = i
        daytime = scan.phrase(i, "daytime")
        if daytime is not None:
            i = daytime[0]
        elif scan.phrase(i, "year") is None and toks[i].norm in ("يوم",):
            i += 1
        got = scan.absolute(i) or scan.relative(i) or scan.plain_year(i)
        if got is None:
            i = start + 1
            continue
        end, when = got
        yield start, end, when
        i = end


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


def _hijri(when: _When) -> str:
    from hijridate import Hijri   # Umm al-Qura calendar, 1343–1500 AH
    try:
        if when.day:
            return Hijri(when.year, when.month, when.day).to_gregorian().isoformat()
        first = Hijri(when.year, when.month, 1)
        last = Hijri(when.year, when.month, first.month_length())
        return _span(first.to_gregorian(), last.to_gregorian())
    except (ValueError, OverflowError):
        return ""


def _near_year(month: int, anchor: Anchor) -> int | None:
    """The year of a month named without one: the anchor's, or the one nearest its date."""
    if anchor.date is None:
        return anchor.year
    here = anchor.date.year * 12 + anchor.date.month - 1
    for year in (anchor.date.year, anchor.date.year - 1, anchor.date.year + 1):
        if abs(year * 12 + month - 1 - here) <= _NEAR_MONTHS:
            return year
    return anchor.date.year


def _resolve(when: _When, anchor: Anchor, previous: str, *, ahead: bool = False) -> str:
    if when.kind == "absolute":
        if when.month == 0:
            return ""           # a numeric date whose order is unclear
        year = when.year
        if year is None:
            if when.hijri:
                return ""
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
    return any("clause" in _kinds(t.norm) for t in _tokens(text))


def find_dates(text: str, anchor: Anchor = Anchor()) -> list[DateMention]:
    """Find and resolve the date expressions of *text*.

    Args:
        text: An article, or any span of Arabic text.
        anchor: What relative expressions count from.

    Returns:
        The expressions in text order; back-references («اليوم نفسه») take
        the last day-precise value before them.
    """
    toks = _tokens(text)
    scan = _Scanner(toks)
    out: list[DateMention] = []
    previous = anchor.date.isoformat() if anchor.date else ""
    for first, last, when in _expressions(toks):
        start, end = toks[first].start, toks[last - 1].end
        value = _resolve(when, anchor, previous)
        ahead = _resolve(when, anchor, previous, ahead=True) if when.kind == "weekday" else value
        absolute = when.kind == "absolute" and when.year is not None
        out.append(DateMention(start, end, text[start:end], value, ahead, scan.bound(first), absolute))
        if precision(value) == "day":
            previous = value
    return out


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
    offset = 0
    for n, line in enumerate(text.split("\n")):
        if n > _DATELINE_LINES * 2:   # blank lines separate paragraphs
            break
        head = line[:_DATELINE_REACH + 20]
        if any(mark in head for mark in ("-", "–", "(", "/")):
            for m in find_dates(head, anchor):
                if m.start <= _DATELINE_REACH and precision(m.value) == "day" and not m.bound:
                    if re.search(r"\d", m.text) or m.absolute:
                        return m.value
        offset += len(line) + 1
    return ""
