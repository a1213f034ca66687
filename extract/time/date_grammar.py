"""The grammar of Arabic date expressions: which words, in which order, make a date.

:func:`expressions` reads a text's tokens and yields each expression with what
it says (:class:`When`), before anything is resolved against a date; the words
come from ``data/months.tsv`` and ``data/date_words.tsv`` (their kinds are
described there). :mod:`~rawabit.extract.time.dates` resolves what this finds.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from ..arabic import normalize, normalize_phrase
from ..reading.words import spaced_spans
from ..resources import read_tsv, split_variants

__all__ = ["Tok", "When", "Scanner", "tokens", "word_kinds", "expressions"]

_TOKEN = re.compile(r"(?:\w|[\u064b-\u0652\u0670\u0640])+|[^\w\s]")
_MAX_PHRASE = 3           # words in the longest listed phrase («أول من أمس»)
_BOUND_WINDOW = 6         # words a bound word («منذ») reaches forward, within its clause
_CLAUSE_BREAKS = frozenset("،,؛;:.!?؟()«»\"")


class Tok(NamedTuple):
    start: int
    end: int
    norm: str


class When(NamedTuple):
    """What an expression says before it is resolved."""

    kind: str                   # absolute | day | weekday | period | month | same
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hijri: bool = False
    offset: int = 0             # days (day, same) or direction (weekday, period, month)
    directed: bool = False      # a direction word follows (weekday, month)
    unit: str = ""              # period: week | month | year


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


@lru_cache(maxsize=1)
def _kinds_of() -> tuple[dict[str, dict[str, str]], frozenset[str]]:
    """Phrase -> {kind: value}, and the words a listed phrase can start with."""
    table = {phrase: dict(entries) for phrase, entries in _lexicon().items()}
    return table, frozenset(phrase.split(" ", 1)[0] for phrase in table)


def word_kinds(phrase: str) -> dict[str, str]:
    """The kinds of a normalised phrase in the tables, with their values (``{}`` if unlisted)."""
    return _kinds_of()[0].get(phrase, {})


# -- scanning ----------------------------------------------------------------

def tokens(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """The word and punctuation tokens of *text* (of ``text[start:end]``, offsets into *text*)."""
    norm, new = normalize, tuple.__new__      # (a NamedTuple's own constructor, without its call)
    # _TOKEN takes every character but spaces, so only spaces lie between two tokens
    words = _TOKEN.findall(text, start, len(text) if end is None else end)
    return [new(Tok, (begin, stop, norm(word))) for word, begin, stop in spaced_spans(words, text, start)]


#: Kinds of listed phrase an expression can start with (see :func:`expressions`); a
#: cue, a bound or a direction word only ever comes before or after one of these.
_OPENING_KINDS = frozenset({"daytime", "ordinal", "month", "hijri_month", "weekday", "day", "part", "unit",
                            "year"})
_THIS = ("هذا", "هذه")     # before a unit, what opens «هذا العام»
_WORD = re.compile(r"(?:\w|[\u064b-\u0652\u0670\u0640])+")
_SENTENCE_END = re.compile(r"[.!?؟]+")


@lru_cache(maxsize=1)
def _opening_words() -> frozenset[str]:
    table = _kinds_of()[0]
    return frozenset(phrase.split(" ", 1)[0] for phrase, kinds in table.items() if _OPENING_KINDS & kinds.keys())


def _opening(norm: str) -> bool:
    """Whether the normalised word *norm* is a listed opening word, with or without its clitics."""
    return not _opening_words().isdisjoint(_unclitic(norm))


def _may_open(piece: str) -> bool:
    """Whether an expression can start in the raw *piece* of text between two spaces: at a
    number, or at a listed opening word, among its words."""
    for word in _WORD.findall(piece):
        norm = normalize(word)
        if norm.isdigit() or _opening(norm):
            return True
    return False


_OPENING: set[str] = set()    # raw pieces :func:`_may_open` said yes to
_INERT: set[str] = set()      # and no to
_REMEMBERED = 200_000


def _holds_opening(pieces: list[str]) -> bool:
    """Whether an expression may open in any of the raw *pieces* of text between spaces
    (answers kept per piece, and asked of a whole sentence at once: set operations, not a
    call per piece)."""
    seen = set(pieces)
    if not seen.isdisjoint(_OPENING):
        return True
    new = seen - _INERT
    if new:
        for remembered in (_OPENING, _INERT):
            if len(remembered) > _REMEMBERED:
                remembered.clear()
        for piece in new:
            (_OPENING if _may_open(piece) else _INERT).add(piece)
    return not new.isdisjoint(_OPENING)


def scan_tokens(text: str) -> list[Tok]:
    """The tokens of the sentences of *text* that can hold a date expression, in order.

    A sentence with no number and no listed opening word (most of an article)
    holds none and is skipped before it is tokenized. Each kept sentence ends
    with its final mark (a clause break), so no expression or look-around of
    :func:`expressions` reaches across the gap a skipped one leaves: the
    expressions found are those of the whole text's tokens.
    """
    out: list[Tok] = []
    start = 0
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    if not ends or ends[-1] < len(text):
        ends.append(len(text))
    for end in ends:
        if _holds_opening(text[start:end].split()):   # a word is never cut by a space
            out += tokens(text, start, end)
        start = end
    return out


@lru_cache(maxsize=200_000)
def _may_start(word: str) -> bool:
    """Whether an expression can start at a token *word* that is not a number: a listed opening
    word, with or without its clitics, or «هذا»/«هذه» (most words: no)."""
    return word in _THIS or _opening(word)


@lru_cache(maxsize=200_000)
def _firsts(word: str) -> tuple[str, ...]:
    """The readings of *word*, without its clitics, that start a listed phrase (most words: none)."""
    starts = _kinds_of()[1]
    return tuple(w for w in _unclitic(word) if w in starts)


_NONE: dict[str, tuple[int, str]] = {}


class Scanner:
    """Reads expressions off a token list; each ``_at`` method returns (end token, when) or None.

    The listed phrases starting at a token are looked up once (most tokens start none).
    """

    def __init__(self, toks: list[Tok]):
        self.toks = toks
        self._found: dict[int, dict[str, tuple[int, str]]] = {}

    def _phrases(self, i: int) -> dict[str, tuple[int, str]]:
        """Kind -> (end token, value) of the longest listed phrase of that kind at token *i*."""
        found = self._found.get(i)
        if found is None:
            toks = self.toks
            firsts = _firsts(toks[i].norm)
            if not firsts:
                return _NONE   # (shared and never changed)
            found = self._found[i] = {}
            table = _kinds_of()[0]
            for n in range(min(_MAX_PHRASE, len(toks) - i), 0, -1):
                rest = [t.norm for t in toks[i + 1:i + n]]
                for first in firsts:
                    for kind, value in table.get(" ".join([first, *rest]), {}).items():
                        found.setdefault(kind, (i + n, value))
        return found

    def opens(self, i: int) -> bool:
        """Whether an expression can start at token *i*, where a listed phrase starts: one of a
        kind in :data:`_OPENING_KINDS`, or «هذا»/«هذه» (هذا العام); a cue, bound or other
        direction word («في»، «منذ»، «الماضي») starts none."""
        return self.toks[i].norm in _THIS or not _OPENING_KINDS.isdisjoint(self._phrases(i))

    def phrase(self, i: int, *kinds: str) -> tuple[int, str, str] | None:
        """The longest listed phrase of one of *kinds* at token *i*: (end, kind, value); of two
        as long, the kind named first.

        A leading و or ف (and، then) is allowed on the first word, and ب or ل
        (in, for) after it.
        """
        if i >= len(self.toks):
            return None
        found = self._phrases(i)
        best = None
        for kind in kinds:
            if kind in found and (best is None or found[kind][0] > best[0]):
                best = (found[kind][0], kind, found[kind][1])
        return best

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

    def numeric(self, i: int) -> tuple[int, When] | None:
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
                return i + 5, When("absolute", year, 0, 0)        # 3/4/2025: 3 April or March 4?
        else:
            return None
        if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100):
            return None
        return i + 5, When("absolute", year, month, day)

    def absolute(self, i: int) -> tuple[int, When] | None:
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
                return year[0], When("absolute", year[1], month, day, hijri if year[2] is None else year[2])
            return end, When("absolute", None, month, day, hijri)
        if day is None and (months := self.months(i)) is not None:
            end, month, hijri, paired = months
            year = self.year(end, noun_needed=False)
            if year is not None:
                return year[0], When("absolute", year[1], month, None, hijri if year[2] is None else year[2])
            if (direction := self.phrase(end, "direction")) is not None and not hijri:
                return direction[0], When("month", month=month, offset=int(direction[2]), directed=True)
            if hijri and not (i > 0 and self.toks[i - 1].norm == "شهر"):
                return None     # رجب، رمضان، شعبان alone are as often names: «شهر رمضان» is the month
            if paired or self._cued(i):
                return end, When("absolute", None, month, None, hijri)
        return None

    def _cued(self, i: int) -> bool:
        """A month name at *i* follows a word that makes it a date (في مارس), not the verb مارس."""
        return i > 0 and self.phrase(i - 1, "cue", "part") is not None

    def relative(self, i: int) -> tuple[int, When] | None:
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
                return direction[0], When("weekday", day=int(value), offset=int(direction[2]), directed=True)
            return end, When("weekday", day=int(value))
        if (got := self.phrase(i, "day")) is not None:
            end, _, value = got
            if toks[i].norm.endswith("اليوم") or toks[i].norm == "يوم":
                same = self.phrase(end, "same")
                if same is not None:
                    return same[0], When("same", offset=int(same[2]))
                if (weekday := self.phrase(end, "weekday")) is not None:   # «اليوم الثلاثاء»
                    return weekday[0], When("day", offset=0)
                if end < len(toks) and toks[end].norm.startswith("ال"):
                    return None       # «اليوم الأول»، «اليوم الوطني»: a day, not today
            return end, When("day", offset=int(value))
        part = self.phrase(i, "part")
        j = part[0] if part else i
        if j < len(toks) and toks[j].norm in _THIS:
            if (unit := self.phrase(j + 1, "unit")) is not None and unit[2] != "day":
                return unit[0], When("period", unit=unit[2], offset=0)
        if (unit := self.phrase(j, "unit")) is not None and unit[2] != "day":
            direction = self.phrase(unit[0], "direction")
            if direction is not None:
                return direction[0], When("period", unit=unit[2], offset=int(direction[2]))
            if part is not None and toks[j].norm.startswith("ال"):     # «مطلع العام»: this one
                return unit[0], When("period", unit=unit[2], offset=0)
        return None

    def plain_year(self, i: int) -> tuple[int, When] | None:
        """A year alone: «عام 2025»، «في 2024»، «خلال 2025»."""
        year = self.year(i, noun_needed=True)
        if year is None and i > 0 and self.phrase(i - 1, "cue") is not None:
            year = self.year(i, noun_needed=False)
        if year is None:
            return None
        return year[0], When("absolute", year[1], None, None, bool(year[2]))

    def bound(self, i: int) -> bool:
        """Whether a bound word («منذ»، «بحلول»، «حتى») stands shortly before token *i* in its clause."""
        for k in range(i - 1, max(-1, i - 1 - _BOUND_WINDOW), -1):
            if self.toks[k].norm in _CLAUSE_BREAKS:
                return False
            if self.phrase(k, "bound") is not None:
                return True
        return False


@lru_cache(maxsize=65536)
def _unclitic(word: str) -> tuple[str, ...]:
    """*word*, and *word* without a leading و/ف and then ب/ل before ال (وبالأمس → الأمس)."""
    out = [word]
    if len(word) > 3 and word[0] in "وف":
        out.append(word[1:])
    for w in list(out):
        if len(w) > 3 and w[0] in "بل" and w[1:].startswith("ال"):
            out.append(w[1:])
        elif len(w) > 3 and w.startswith("لل"):
            out.append("ال" + w[2:])
    return tuple(out)


def expressions(toks: list[Tok]) -> Iterable[tuple[int, int, When]]:
    """Each date expression of *toks*: ``(first token, end token, what it says)``, in order.

    A time of day («مساء») or «يوم» before an expression is part of it.
    """
    scan = Scanner(toks)
    # every expression starts with a number, a listed phrase of an opening kind or «هذا»/«هذه»
    # before a unit: those tokens, found in one pass
    opens = [i for i, t in enumerate(toks) if t.norm.isdigit() or (_may_start(t.norm) and scan.opens(i))]
    i = 0
    for start in opens:
        if start < i:
            continue        # inside the expression found last
        i = start
        daytime = scan.phrase(i, "daytime")
        if daytime is not None:
            i = daytime[0]
        elif toks[i].norm == "يوم":
            i += 1
        got = scan.absolute(i) or scan.relative(i) or scan.plain_year(i)
        if got is None:
            i = start + 1
            continue
        end, when = got
        yield start, end, when
        i = end
