"""Remove web boilerplate from article text and split files holding several articles.

The patterns live in ``data/boilerplate.tsv``; this module only knows their
two actions. A ``drop`` line is removed. An ``end`` line (``اقرأ أيضاً``,
``مقالات مشابهة``…) closes the article: what follows is a related-headlines
block and is dropped, unless a short headline line followed by a long
paragraph appears, which starts a new article from the same file.

Lines are the unit: each non-empty line is a paragraph, a heading or a list
item. Besides the listed patterns, lines made only of punctuation or symbols
(a lone ``|``), a trailing run of bullet headlines and repeated long
paragraphs are removed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["Rule", "Segment", "load_rules", "normalize_line", "classify", "split_articles",
           "is_headline", "TITLE_MAX_WORDS", "LONG_WORDS"]

TITLE_MAX_WORDS = 15
LONG_WORDS = 20
_ACTIONS = ("drop", "end")
_MATCHES = ("line", "prefix")
_BULLET = re.compile(r"^[•·▪◦●○■□►▶◆◇➢✓✔*\-–—]\s*")
_FINAL = tuple(".!?؟…:")
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# exact patterns, prefix patterns, most words of a pattern, the first words of the patterns
_Index = tuple[dict[str, tuple[int, "Rule"]], list[tuple[int, "Rule"]], int, frozenset[str]]
_NON_WORD = re.compile(r"[\W_]+")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


@dataclass(frozen=True, slots=True)
class Rule:
    """One boilerplate pattern.

    Attributes:
        action: ``drop`` or ``end``.
        match: ``line`` (whole line) or ``prefix`` (leading words).
        max_words: Longest line the rule applies to, or 0 for no limit.
        pattern: The pattern, normalised with :func:`normalize_line`.
    """

    action: str
    match: str
    max_words: int
    pattern: str


@dataclass(frozen=True, slots=True)
class Segment:
    """One article cut from a file's text.

    Attributes:
        title: The headline, or ``""``.
        lines: The kept lines, title first when there is one.
    """

    title: str
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        """The lines as paragraphs separated by a blank line."""
        return "\n\n".join(self.lines)


def normalize_line(line: str) -> str:
    """Key used to compare a line with the patterns.

    Args:
        line: A line of text.

    Returns:
        The line without diacritics, tatweel, punctuation and symbols, with
        hamza-carrying alefs, alef maqsura and ta marbuta unified, Latin
        lower-cased and spaces collapsed.
    """
    line = _NON_WORD.sub(" ", _DIACRITICS.sub("", line).translate(_LETTERS).lower())
    return " ".join(line.split())


def load_rules(path: str | Path | None = None) -> tuple[Rule, ...]:
    """Read boilerplate rules from a TSV file.

    Args:
        path: The file; the bundled ``data/boilerplate.tsv`` when omitted.

    Returns:
        The rules in file order.

    Raises:
        ValueError: A row has an unknown action or match, or too few columns.
    """
    if path is None:
        return _default_rules()
    return _parse(Path(path).read_text(encoding="utf-8"), str(path))


def classify(line: str, rules: tuple[Rule, ...] | None = None) -> str:
    """Say what to do with one line.

    Args:
        line: A stripped, non-empty line.
        rules: Rules to apply; the bundled ones when omitted.

    Returns:
        ``drop``, ``end`` or ``keep``; the first matching rule wins, and a
        line with no letter or digit is ``drop``.
    """
    return _classify(line, _default_index() if rules is None else _index(rules))


def _classify(line: str, index: _Index) -> str:
    exact, prefixes, limit, firsts = index
    pieces = line.split()
    if len(pieces) > 2 * limit + 10:
        return "keep"  # far longer than any pattern: a paragraph, not chrome
    # the key's first word is that of the first piece with a letter or digit: most lines'
    # is no pattern's, and the whole line need not be normalised
    head = next(filter(None, map(normalize_line, pieces)), "")
    if not head:
        return "drop"
    if head.partition(" ")[0] not in firsts:
        return "keep"
    key = normalize_line(line)
    words = key.count(" ") + 1
    best = exact.get(key)
    if best is not None and best[1].max_words and words > best[1].max_words:
        best = None
    for order, rule in prefixes:
        if best is not None and order > best[0]:
            break
        if words <= rule.max_words and key.startswith(rule.pattern + " "):
            best = (order, rule)
            break
    return best[1].action if best is not None else "keep"


def is_headline(line: str) -> bool:
    """Whether a line can be a headline: 2–15 words, not a bullet, no final stop."""
    return (not _BULLET.match(line) and not line.endswith(_FINAL)
            and 2 <= len(line.split()) <= TITLE_MAX_WORDS)


def split_articles(text: str, *, title: str = "", rules: tuple[Rule, ...] | None = None) -> list[Segment]:
    """Clean a file's text and cut it into articles.

    Args:
        text: Normalised text, one paragraph per line (blank lines ignored).
        title: A headline already known for the first article (from HTML).
        rules: Boilerplate rules; the bundled ones when omitted.

    Returns:
        The articles in file order; empty when nothing but boilerplate remains.
    """
    index = _default_index() if rules is None else _index(rules)
    lines = [(line, action) for line in (raw.strip() for raw in text.split("\n")) if line
             for action in (_classify(line, index),) if action != "drop"]
    parts: list[list[str]] = [[]]
    related = False
    for i, (line, action) in enumerate(lines):
        if action == "end":
            related = True
            continue
        if related:
            if not _starts_article(lines, i):
                continue
            related = False
            parts.append([])
        parts[-1].append(line)
    segments = []
    for n, part in enumerate(parts):
        kept = _dedupe(_strip_headline_lists(part))
        if kept:
            segments.append(Segment(_title(kept, title if n == 0 else ""), tuple(kept)))
    return segments


def _starts_article(lines: list[tuple[str, str]], i: int) -> bool:
    if i + 1 >= len(lines) or not is_headline(lines[i][0]):
        return False
    body, action = lines[i + 1]
    return action == "keep" and not _BULLET.match(body) and len(body.split()) >= LONG_WORDS


#: Fewest lines of a list of headlines: at the end of an article, and inside it.
_LIST_AT_END, _LIST_INSIDE = 2, 3
#: Fewest words of a line read as a listed headline (shorter ones are labels, bylines, crossheads).
_LISTED_WORDS = 4


def _listed_headline(line: str) -> bool:
    """Whether a line reads as one item of a list of links: a headline, bulleted or not."""
    text = _BULLET.sub("", line)
    return is_headline(text) and len(text.split()) >= _LISTED_WORDS


def _strip_headline_lists(lines: list[str]) -> list[str]:
    """Drop lists of related headlines that no marker introduced.

    A run of headline lines (bulleted or not) after the article's first
    paragraph is a list of links: two or more at the end, three or more
    inside. A list introduced by a line ending in «:» is the article's own
    and stays; so does the headline and the line after it.
    """
    kept, k, n = [], 0, len(lines)
    while k < n:
        end = k
        while end < n and k >= 2 and _listed_headline(lines[end]):
            end += 1
        run = end - k
        introduced = k and lines[k - 1].endswith(":")
        if run and not introduced and run >= (_LIST_AT_END if end == n else _LIST_INSIDE):
            k = end
            continue
        kept.extend(lines[k:max(end, k + 1)])
        k = max(end, k + 1)
    return kept


def _dedupe(lines: list[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for line in lines:
        if len(line.split()) >= LONG_WORDS:
            if line in seen:
                continue
            seen.add(line)
        kept.append(line)
    return kept


def _title(lines: list[str], known: str) -> str:
    if known and lines[0] == known:
        return known
    if len(lines) > 1 and is_headline(lines[0]):
        return lines[0]
    return ""


@lru_cache(maxsize=8)
def _index(rules: tuple[Rule, ...]) -> _Index:
    exact: dict[str, tuple[int, Rule]] = {}
    prefixes = []
    limit = 0
    for order, rule in enumerate(rules):
        exact.setdefault(rule.pattern, (order, rule))
        if rule.match == "prefix":
            prefixes.append((order, rule if rule.max_words else Rule(rule.action, rule.match, 10**9, rule.pattern)))
        limit = max(limit, rule.max_words or rule.pattern.count(" ") + 1)
    return exact, prefixes, limit, frozenset(rule.pattern.partition(" ")[0] for rule in rules)


@lru_cache(maxsize=1)
def _default_index() -> _Index:
    return _index(_default_rules())   # made once: hashing the rules for the cache costs per call


@lru_cache(maxsize=1)
def _default_rules() -> tuple[Rule, ...]:
    data = resources.files("rawabit.extract").joinpath("data/boilerplate.tsv")
    return _parse(data.read_text(encoding="utf-8"), "boilerplate.tsv")


def _parse(content: str, name: str) -> tuple[Rule, ...]:
    rules = []
    for number, row in enumerate(content.splitlines(), 1):
        if not row.strip() or row.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in row.split("\t")]
        if len(cells) < 4 or cells[0] not in _ACTIONS or cells[1] not in _MATCHES:
            raise ValueError(f"{name}:{number}: expected 'drop|end<TAB>line|prefix<TAB>N|-<TAB>pattern'")
        limit = 0 if cells[2] in ("", "-") else int(cells[2])
        rules.append(Rule(cells[0], cells[1], limit, normalize_line(cells[3])))
    return tuple(rules)
